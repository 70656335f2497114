"""Payroll speed: a year of pay runs for 20 PAs, and 520 payslip PDFs beside raw ReportLab.

    .venv/bin/python benchmarks/payroll.py

Targets (issue "Pay run and payslips"): a year of pay runs <= 0.2 s; payslips <= 1.5 x raw ReportLab.
Two pay-run figures are printed: the payroll arithmetic alone (domain.payroll, 20 PAs x 12 months with
year-to-date carried), and the whole service (gathering shifts, pay terms and history from the data
file, working out and finalising each month).
"""
from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, datetime, time as clock, timedelta, timezone
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pa_manager.domain.pay_frequency import PayFrequency  # noqa: E402
from pa_manager.domain.pay_period import PayPeriodInput, pay_reference_period  # noqa: E402
from pa_manager.domain.pay_rates import PayRate  # noqa: E402
from pa_manager.domain.payroll import calculate_payslip  # noqa: E402
from pa_manager.domain.shifts import local_shift  # noqa: E402

PAS = 20
YEAR_START = date(2026, 4, 1)


def month_ends() -> list[date]:
    return [pay_reference_period(date(2026 + (4 + m > 12), (3 + m) % 12 + 1, 28), PayFrequency.MONTHLY)[1]
            for m in range(12)]


def arithmetic_year() -> float:
    """20 PAs, 12 monthly periods each, every weekday a 6-hour shift; year to date carried.
    The shifts are made before the clock starts: this times the payroll, not building test data."""
    months = []
    for end in month_ends():
        start = end.replace(day=1)
        days = [start + timedelta(days=d) for d in range((end - start).days + 1)]
        months.append((start, end, [d for d in days if d.weekday() < 5]))
    shifts = {(pa, end): tuple(local_shift(d, clock(8), clock(14), pa=pa) for d in days)
              for pa in range(PAS) for _, end, days in months}
    rates = (PayRate(date(2026, 4, 1), None, Decimal("13.45")),)
    started = time.perf_counter()
    for pa in range(PAS):
        ytd = None
        for start, end, _ in months:
            kwargs = dict(year_to_date=ytd) if ytd else {}
            slip = calculate_payslip(PayPeriodInput(
                frequency=PayFrequency.MONTHLY, pay_date=end, period_start=start, period_end=end,
                date_of_birth=date(1980, 1, 1), tax_code="1257L", pa=pa, shifts=shifts[(pa, end)],
                pay_rates=rates, **kwargs))
            ytd = slip.year_to_date
    return time.perf_counter() - started


def service_year() -> float:
    """The same year through the services and a data file: shifts stored, each month finalised."""
    from pa_manager.domain.employer import EmployerRecord
    from pa_manager.domain.people import PARecord, PayRateEntry
    from pa_manager.services.employers import save_employer
    from pa_manager.services.pay_runs import finalise_pay_run
    from pa_manager.services.people import save_pa
    from pa_manager.services.shifts import store_batch
    from pa_manager.storage.database import open_database

    db, _ = open_database(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    employer = save_employer(db, EmployerRecord(name="Benchmark"))
    shifts = []
    for n in range(PAS):
        pa = save_pa(db, employer.id, PARecord(
            name=f"PA {n:02d}", date_of_birth=date(1980, 1, 1), start_date=date(2026, 1, 5), tax_code="1257L",
            pay_rates=(PayRateEntry(date(2026, 1, 5), Decimal("13.45")),)), date(2026, 4, 1))
        day = YEAR_START
        while day <= date(2027, 3, 31):
            if day.weekday() < 5:
                shifts.append(local_shift(day, clock(8), clock(14), pa=pa.id))
            day += timedelta(days=1)
    store_batch(db, employer.id, shifts, "benchmark")
    started = time.perf_counter()
    for end in month_ends():
        finalise_pay_run(db, employer.id, end, datetime.now(timezone.utc), confirmed=True)  # as --confirm does
    return time.perf_counter() - started


def main() -> None:
    arithmetic = min(arithmetic_year() for _ in range(3))
    print(f"a year of pay runs, 20 PAs, arithmetic only:      {arithmetic:.3f} s (target <= 0.2 s)")
    print(f"a year of pay runs, 20 PAs, through the services:  {service_year():.3f} s")
    import runpy

    runpy.run_path(str(Path(__file__).with_name("payslips.py")), run_name="__main__")


if __name__ == "__main__":
    main()
