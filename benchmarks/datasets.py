"""Data files of three sizes for the benchmarks, written quickly with bulk inserts through the storage
layer (the models' tables), never through the services one record at a time, and kept in a cache
folder so a second benchmark run starts at once.

    household  1 employer,  5 PAs,  1 year    (about 3,600 shifts)
    caseload   60 employers x 4 PAs x 3 years (about 525,000 shifts)
    large      1 employer, 20 PAs, 10 years   (about 146,000 shifts)

Each PA works two visits a day (a morning and an evening one), with a week's holiday each summer and
two days off sick a year; each employer has monthly pay runs finalised for every month paid by
today, with their payslip records and ledger lines, a budget year for each council year with the
council's four-weekly payments, recruitment checks (one right-to-work check made late, one DBS
re-check overdue), the training catalogue with records renewed on time, supervisions, a rota
pattern per PA, and the change history a pay run leaves. Dates are relative to the day the file is
made, so a file is made again on another day.

The payslip records are worked out by the payroll rules (domain.payroll) for one tax year that has
rates (2025-26), once per pay rate, and copied to every pay run with its own dates: the figures are
real payslips, the volume and shape are those of a real file.

    python benchmarks/datasets.py [household|caseload|large ...]   (makes them, prints where)
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, datetime, time as clock, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dateutil.relativedelta import relativedelta  # noqa: E402

GENERATOR_VERSION = 7  # change when the files should be made again
SIZES = {
    "household": (1, 5, 1),   # employers, PAs each, years of history
    "caseload": (60, 4, 3),
    "large": (1, 20, 10),
}
LONDON = ZoneInfo("Europe/London")
VISITS = ((clock(7), clock(10)), (clock(17), clock(20)))  # two three-hour visits a day, moved by PA
FIRST_NAMES = ("Janet", "Tom", "Priya", "Leah", "Sam", "Grace", "Omar", "Ruth", "Kwame", "Aisha", "Dylan", "Megan",
               "Ivan", "Chloe", "Hassan", "Sian", "Marek", "Bethan", "Tariq", "Nia", "Callum", "Zara", "Euan", "Freya")
SURNAMES = ("Moyo", "Whitfield", "Sandhu", "Grant", "Ellis", "Adeyemi", "Clarke", "Okafor", "Hughes", "Patel",
            "Nowak", "Evans", "Murray", "Begum", "Reid", "Price", "Khan", "Lloyd", "Shaw", "Doyle")
COUNCILS = ("Ashford Vale Council", "Brackenfield Borough Council", "Castlemere County Council",
            "Dunmore City Council", "Elmbridge Vale Council")


def _accounts_office_reference(n: int) -> str:
    """A well-formed reference with HMRC's check letter (the app refuses any other on import)."""
    from pa_manager.domain.validation import accounts_office_check_character

    reference = f"123P?{n:08d}"
    return reference.replace("?", accounts_office_check_character(reference))


def cache_folder() -> Path:
    folder = Path(os.environ.get("PA_MANAGER_BENCH_CACHE", Path(tempfile.gettempdir()) / "pa-manager-benchmarks"))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def data_file(size: str, today: date | None = None) -> Path:
    """The cached data file of a size for today, made first if it is not there (atomically, so an
    interrupted run leaves nothing half made). Older files of that size are removed."""
    from pa_manager.storage.database import SCHEMA_REVISION

    today = today or date.today()
    folder = cache_folder()
    name = f"{size}-{today.isoformat()}-g{GENERATOR_VERSION}-r{SCHEMA_REVISION}.sqlite3"
    path = folder / name
    if path.exists():
        return path
    for old in folder.glob(f"{size}-*.sqlite3"):
        old.unlink()
    partial = folder / f".{name}.{os.getpid()}"
    started = time.perf_counter()
    build(partial, size, today)
    partial.rename(path)
    print(f"made the {size} data file in {time.perf_counter() - started:.1f} s: {path}", file=sys.stderr)
    return path


# --- building --------------------------------------------------------------------------------------


def build(path: Path, size: str, today: date) -> None:
    from sqlalchemy import insert

    from pa_manager.storage import models
    from pa_manager.storage.database import open_database

    employers, pas_each, years = SIZES[size]
    db, _ = open_database(path, throwaway=True)
    slips = _payslip_templates(pas_each)
    with db.session() as s:
        ids = _Ids()
        for n in range(employers):
            rows = _employer_rows(ids, n, pas_each, years, today, slips)
            for model in (models.Employer, models.PersonalAssistant, models.PayRate, models.RotaPattern,
                          models.RightToWorkCheck, models.DBSCheck, models.Reference, models.Contract, models.Course,
                          models.TrainingRecord, models.Meeting, models.BudgetYear, models.PayRun,
                          models.StoredPayslip, models.LedgerEntry, models.Change):
                if rows.get(model):
                    s.execute(insert(model), rows[model])
            for chunk in _shift_rows(rows["pas"], today):
                s.execute(insert(models.Shift), chunk)
    with db.connection() as c:
        c.exec_driver_sql("ANALYZE")
    db.close()


class _Ids:
    """Ids given out in order for each table, so rows can refer to each other before they are stored."""

    def __init__(self):
        self._next: dict[str, int] = {}

    def __call__(self, table: str) -> int:
        self._next[table] = self._next.get(table, 0) + 1
        return self._next[table]


def _april_on_or_before(day: date) -> date:
    return date(day.year if day >= date(day.year, 4, 1) else day.year - 1, 4, 1)


def _ni_number(n: int) -> str:
    return f"{'ABCEGHJKLMNPRSTWXYZ'[n % 19]}{'ABCEGHJKLMNPRSTWXYZ'[n // 19 % 19]}{100000 + n * 37 % 900000:06d}{'ABCD'[n % 4]}"


def _rate_now(index: int) -> Decimal:
    return Decimal("13.50") + Decimal("0.25") * (index % 3)


def _employer_rows(ids: _Ids, n: int, pas_each: int, years: int, today: date, slips) -> dict:
    from pa_manager.domain import training as training_rules
    from pa_manager.storage import models

    start = today - relativedelta(years=years)
    employer_id = ids("employers")
    name = f"{FIRST_NAMES[(n * 7 + 3) % len(FIRST_NAMES)]} {SURNAMES[n % len(SURNAMES)]}" + (f" {n // 20 + 1}" if n >= 20 else "")
    rows: dict = {"pas": []}
    rows[models.Employer] = [dict(
        id=employer_id, name=name, address=f"{n + 2} Larch Close\nAshford Vale", postcode="AV1 2QT",
        council=COUNCILS[n % len(COUNCILS)], direct_payment_reference=f"DP-{200000 + n}", nation="england",
        paye_reference=f"123/PA{45000 + n}", accounts_office_reference=_accounts_office_reference(n), insurer="Hearthside Mutual",
        insurance_policy_number=f"ELI-{500000 + n}", insurance_renewal_date=today + relativedelta(months=4, day=1),
        pension_provider="NEST", pay_frequency="monthly", paye_registered_on=start - timedelta(days=21),
        pension_duties_start=start, declaration_of_compliance_on=start + relativedelta(months=2),
        last_re_enrolment_on=start + relativedelta(years=3 * (years // 3)) if years >= 3 else None,
        direct_payment_start=start - relativedelta(months=2), last_council_review_on=today - relativedelta(months=10),
    )]
    pa_rows, rates, patterns, rtw, dbs, refs, contracts = [], [], [], [], [], [], []
    april_now = _april_on_or_before(today)
    for i in range(pas_each):
        pa_id = ids("pas")
        pa_start = start
        pa_rows.append(dict(
            id=pa_id, employer_id=employer_id, name=f"{FIRST_NAMES[(n + i * 5) % len(FIRST_NAMES)]} "
                                                  f"{SURNAMES[(n * 3 + i * 7 + 1) % len(SURNAMES)]} {i + 1}",
            date_of_birth=today - relativedelta(years=max(24, 16 + years) + (i * 7 + n) % 35, days=i * 31 + n), ni_number=_ni_number(n * 40 + i),
            address=f"{i + 1} Mill Lane\nAshford Vale", postcode="AV2 7LP", phone="07700 900418",
            email=f"pa{pa_id}@example.org", start_date=pa_start, tax_code="1257L", ni_category="A",
            contracted_hours=Decimal("42"), emergency_contact_name="Next of kin", emergency_contact_phone="07700 900512",
            pension_status="ENROLLED", pension_active_from=pa_start + relativedelta(months=3),
        ))
        rows["pas"].append((employer_id, pa_id, i, pa_start))
        # A rise every April, back to when they started.
        april, rate = april_now, _rate_now(i)
        while True:
            rates.append(dict(id=ids("pay_rates"), employer_id=employer_id, pa_id=pa_id,
                              effective_from=max(april, pa_start), kind="hourly", shift_type="", amount=rate))
            if april <= pa_start:
                break
            april, rate = april - relativedelta(years=1), rate - Decimal("0.40")
        for v, (begin, end) in enumerate(VISITS):
            patterns.append(dict(id=ids("rota_patterns"), employer_id=employer_id, pa_id=pa_id,
                                 name=("Mornings", "Evenings")[v], shift_type="standard",
                                 start_time=_moved(begin, i).strftime("%H:%M"), end_time=_moved(end, i).strftime("%H:%M"),
                                 break_minutes=0, weekdays="0,1,2,3,4,5,6", interval_weeks=1, starts_on=pa_start))
        late = i == 1 and n % 3 == 0  # a right-to-work check made after the first shift
        rtw.append(dict(id=ids("right_to_work_checks"), employer_id=employer_id, pa_id=pa_id, method="manual_document",
                        checked_on=pa_start + timedelta(days=10) if late else pa_start - timedelta(days=7),
                        document_type="UK passport"))
        issued = today - relativedelta(years=3, months=2) if i == 0 else today - relativedelta(months=6 + i)
        dbs.append(dict(id=ids("dbs_checks"), employer_id=employer_id, pa_id=pa_id, level="enhanced_adults_barred",
                        certificate_number=f"{1000000000 + pa_id:012d}", issue_date=issued,
                        processed_by="Ashford Vale Council DBS team", outcome="clear"))
        for r in range(2):
            refs.append(dict(id=ids("references"), employer_id=employer_id, pa_id=pa_id, referee=f"Referee {r + 1}",
                             requested_on=pa_start - timedelta(days=30), received_on=pa_start - timedelta(days=20 - r),
                             satisfactory=True))
        contracts.append(dict(id=ids("contracts"), employer_id=employer_id, pa_id=pa_id, statement_given_on=pa_start,
                              signed_on=pa_start, job_description=True, induction_completed_on=pa_start + timedelta(weeks=6)))
    rows.update({models.PersonalAssistant: pa_rows, models.PayRate: rates, models.RotaPattern: patterns,
                 models.RightToWorkCheck: rtw, models.DBSCheck: dbs, models.Reference: refs, models.Contract: contracts})

    # Training: the catalogue, four courses everyone needs, each renewed on time; a supervision a quarter.
    courses, records, meetings = [], [], []
    needed = ("moving_and_handling", "safeguarding_adults", "first_aid", "medication")
    for course in training_rules.course_catalogue():
        course_id = ids("courses")
        courses.append(dict(id=course_id, employer_id=employer_id, key=course.key, name="",
                            refresh_months=course.refresh_months, required_for_everyone=course.key in needed))
        if course.key not in needed:
            continue
        for _, pa_id, i, pa_start in rows["pas"]:
            done = pa_start + timedelta(days=21 + i)
            while done <= today:
                records.append(dict(id=ids("training_records"), employer_id=employer_id, pa_id=pa_id, course_id=course_id,
                                    completed_on=done, provider="Skills for Care endorsed provider",
                                    funding_source="direct_payment"))
                done += relativedelta(months=(course.refresh_months or 36) - 1)
    for _, pa_id, i, pa_start in rows["pas"]:
        held = pa_start + relativedelta(months=3)
        while held <= today:
            kind = "appraisal" if (held - pa_start).days > 300 and held.month == pa_start.month else "supervision"
            meetings.append(dict(id=ids("meetings"), employer_id=employer_id, pa_id=pa_id, kind=kind, held_on=held))
            held += relativedelta(months=3)
    rows.update({models.Course: courses, models.TrainingRecord: records, models.Meeting: meetings})
    rows.update(_money_rows(ids, employer_id, name, rows["pas"], pa_rows, start, today, slips))
    return rows


def _moved(at: clock, index: int) -> clock:
    return clock((at.hour + index % 3) % 24, at.minute)


def _money_rows(ids: _Ids, employer_id: int, name: str, pas, pa_rows, start: date, today: date, slips) -> dict:
    """Budget years and council payments; a pay run for every month paid by today, each with its
    payslip records, ledger lines and change-history entry."""
    from pa_manager.domain.budget import budget_year_label
    from pa_manager.domain.pay_record import EmployerDetails, PADetails, to_document
    from pa_manager.domain.tax_year import hmrc_payment_due, tax_year_label
    from pa_manager.storage import models

    years, ledger, runs, payslips, changes = [], [], [], [], []
    amount = Decimal(len(pas) * 42 * 4) * Decimal("16.50")
    april = _april_on_or_before(start)
    while april <= today:
        years.append(dict(id=ids("budget_years"), employer_id=employer_id, label=budget_year_label(april), amount=amount,
                          basis="four-weekly", council_hourly_rate=Decimal("16.50"), council_on_cost_rate=Decimal("0.22"),
                          opening_balance=Decimal("1500.00") if april <= start else Decimal("0"),
                          surplus_limit_weeks=8, assessed_contribution=Decimal("0"),
                          support_plan_hours=Decimal(min(168, len(pas) * 42))))
        day = april
        while day < april + relativedelta(years=1) and day <= today:
            ledger.append(dict(id=ids("ledger_entries"), employer_id=employer_id, on=day, amount=amount,
                               category="council_payment", description="Direct payment from the council",
                               source="manual", reference=""))
            day += timedelta(days=28)
        april += relativedelta(years=1)

    employer = EmployerDetails(name, "Larch Close", "AV1 2QT", "123/PA45678", "123PV00456789", "NEST", "relief-at-source")
    details = {row["id"]: PADetails(row["name"], row["ni_number"], row["date_of_birth"], row["address"], row["postcode"],
                                    "Personal assistant", row["start_date"]) for row in pa_rows}
    month = start.replace(day=1)
    while True:
        period_end = month + relativedelta(day=31)
        pay_date = period_end - timedelta(days=max(0, period_end.weekday() - 4))
        if pay_date >= today:
            break
        run_id, label = ids("pay_runs"), tax_year_label(pay_date)
        tax_month = (pay_date.month - 4) % 12 + 1 if pay_date.day >= 6 or pay_date.month != 4 else 12
        runs.append(dict(id=run_id, employer_id=employer_id, pay_date=pay_date, period_start=month,
                         period_end=period_end, frequency="monthly", tax_year=label, period=tax_month,
                         finalised_at=datetime.combine(pay_date, clock(12), timezone.utc), repeats_period=False))
        net = pension = hmrc = gross = Decimal(0)
        for _, pa_id, i, _ in pas:
            record = replace(slips[i % 3][tax_month - 1], employer=employer, pa_details=details[pa_id], pa_id=pa_id,
                             pay_date=pay_date, period_start=month, period_end=period_end, tax_year=label)
            payslips.append(_payslip_row(ids, employer_id, run_id, record, to_document(record)))
            net, gross = net + record.net_pay, gross + record.gross_pay
            pension += record.employee_pension + record.employer_pension
            hmrc += record.hmrc_due
        reference = f"pay run {pay_date.isoformat()}"
        for on, money, category, text in ((pay_date, net, "pa_net_pay", "Take-home pay"),
                                          (pay_date, pension, "pension", "Pension contributions"),
                                          (hmrc_payment_due(pay_date), hmrc, "hmrc_tax_ni", "Tax and National Insurance to HMRC")):
            ledger.append(dict(id=ids("ledger_entries"), employer_id=employer_id, on=on, amount=-money, category=category,
                               description=f"{text} ({pay_date:%d/%m/%Y} pay run)", source="pay_run", reference=reference))
        changes.append(dict(id=ids("changes"), employer_id=employer_id, at=datetime.combine(pay_date, clock(12), timezone.utc),
                            who="benchmark", code="PAY_RUN_FINALISED", facts=json.dumps({
                                "pay_date": pay_date.isoformat(), "period_start": month.isoformat(),
                                "period_end": period_end.isoformat(), "people": len(pas), "gross_pay": str(gross),
                                "net_pay": str(net)}, sort_keys=True)))
        month += relativedelta(months=1)
    return {models.BudgetYear: years, models.LedgerEntry: ledger, models.PayRun: runs, models.StoredPayslip: payslips,
            models.Change: changes}


def _payslip_row(ids: _Ids, employer_id: int, run_id: int, r, document) -> dict:
    return dict(id=ids("payslips"), employer_id=employer_id, pay_run_id=run_id, pa_id=r.pa_id, tax_code=r.tax_code,
                ni_category=r.ni_category, hours=r.hours, hours_worked=r.hours_worked, gross_pay=r.gross_pay,
                taxable_pay=r.taxable_pay, tax=r.tax, employee_ni=r.employee_ni, employer_ni=r.employer_ni,
                employment_allowance=r.employment_allowance, employee_pension=r.employee_pension,
                employer_pension=r.employer_pension, ssp=r.ssp, additions=r.additions_total, net_pay=r.net_pay,
                holiday_hours_accrued=r.holiday_hours_accrued, holiday_hours_taken=r.holiday_hours_taken,
                minimum_wage_ok=r.minimum_wage_ok, minimum_wage_reason=r.minimum_wage_reason,
                document=json.dumps(document, sort_keys=True))


def _payslip_templates(pas_each: int) -> list[list]:
    """For each of the three pay rates, the twelve monthly pay records of tax year 2025-26, worked out by
    domain.payroll from the visits worked each month, the year to date carried from month to month."""
    from pa_manager.domain.pay_frequency import PayFrequency
    from pa_manager.domain.pay_period import PayPeriodInput
    from pa_manager.domain.pay_rates import PayRate
    from pa_manager.domain.pay_record import EmployerDetails, PADetails, record_of
    from pa_manager.domain.payroll import calculate_payslip
    from pa_manager.domain.pension import Membership, MembershipStatus, PensionScheme, TaxRelief
    from pa_manager.domain.shifts import local_shift

    scheme = PensionScheme(Decimal("0.03"), Decimal("0.05"), TaxRelief("relief-at-source"), "NEST")
    member = Membership(MembershipStatus.ENROLLED, date(2020, 1, 1), date(2020, 1, 1), True)
    out = []
    for profile in range(min(3, pas_each)):
        ytd, records = None, []
        for m in range(12):
            start = date(2025, 4, 1) + relativedelta(months=m)
            end = start + relativedelta(day=31)
            shifts = tuple(local_shift(start + timedelta(days=d), _moved(b, profile), _moved(e, profile), pa=profile)
                           for d in range((end - start).days + 1) for b, e in VISITS)
            slip = calculate_payslip(PayPeriodInput(
                frequency=PayFrequency.MONTHLY, pay_date=end - timedelta(days=max(0, end.weekday() - 4)),
                period_start=start, period_end=end, date_of_birth=date(1980, 1, 1), tax_code="1257L", pa=profile,
                shifts=shifts, pay_rates=(PayRate(date(2025, 4, 1), None, _rate_now(profile) - Decimal("0.40")),),
                pension_scheme=scheme, pension_membership=member, claims_employment_allowance=True,
                **({"year_to_date": ytd} if ytd else {})))
            ytd = slip.year_to_date
            records.append(record_of(slip, EmployerDetails(""), PADetails("")))
        out.append(records)
    return out


def _shift_rows(pas, today: date, chunk: int = 20_000):
    """Two visits a day for each PA from their start to yesterday; a week's holiday each August and a day
    off sick each February and October. In chunks, so memory stays small."""
    rows = []
    for employer_id, pa_id, index, start in pas:
        day = start
        while day < today:
            kind = "standard"
            if day.month == 8 and 8 <= day.day < 15:
                kind = "holiday"
            elif day.month in (2, 10) and day.day == 10 + index % 5:
                kind = "sickness"
            for begin, end in VISITS:
                starts = datetime.combine(day, _moved(begin, index), LONDON).astimezone(timezone.utc)
                ends = datetime.combine(day, _moved(end, index), LONDON).astimezone(timezone.utc)
                rows.append(dict(employer_id=employer_id, pa_id=pa_id, starts_at=starts, ends_at=ends, local_date=day,
                                 break_minutes=0, shift_type=kind, awake_periods="", notes="", source="rota"))
            if len(rows) >= chunk:
                yield rows
                rows = []
            day += timedelta(days=1)
    if rows:
        yield rows


if __name__ == "__main__":
    for wanted in sys.argv[1:] or list(SIZES):
        print(data_file(wanted))
