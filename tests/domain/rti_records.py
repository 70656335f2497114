"""Pay records for the RTI tests, made the way finalising makes them (payroll.calculate_payslip ->
pay_record.record_of), month by month with the year to date carried: a PA on 20.00 an hour, 16 days of
10 hours a month (160 hours, 3,200.00), tax code 1257L, NI letter A, in 2026-27."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal as D

from pa_manager.domain.earlier_payroll import EarlierPayroll
from pa_manager.domain.pay_frequency import PayFrequency as F
from pa_manager.domain.pay_rates import PayRate
from pa_manager.domain.pay_record import EmployerDetails, PADetails, record_of
from pa_manager.domain.payroll import PayPeriodInput, YearToDate, calculate_payslip, pay_reference_period
from pa_manager.domain.shifts import local_shift
from pa_manager.domain.validation import accounts_office_check_character


def accounts_office_reference(office: str = "123", digits: str = "00045678") -> str:
    """A well-formed Accounts Office reference (its check letter worked out by HMRC's rule)."""
    draft = f"{office}PA{digits}"
    return draft[:4] + accounts_office_check_character(draft) + draft[5:]


EMPLOYER = EmployerDetails("Ruth Ames", "1 High Street", "LS1 1AA", "123/AB456", accounts_office_reference())
PA = PADetails("Sam Reed", "AB123456C", date(1990, 1, 1), "2 Low Road\nLeeds", "ls2 2bb", start_date=date(2026, 4, 20),
               gender="F", starter_declaration="A")


def monthly_records(pay_dates, *, pa: PADetails = PA, letters=None, plan: str = "", tax_code: str = "1257L",
                    leaving: date | None = None, employer: EmployerDetails = EMPLOYER, pa_key="p",
                    carried: EarlierPayroll | None = None):
    """`carried`: an earlier payroll's figures to date the first record carries on from."""
    out, ytd = [], (carried.year_to_date() if carried else YearToDate())
    for n, pay_date in enumerate(pay_dates):
        start, end = pay_reference_period(pay_date, F.MONTHLY)
        days = [d for d in (start.replace(day=k) for k in range(1, 29)) if d.weekday() < 5][:16]
        slip = calculate_payslip(PayPeriodInput(
            frequency=F.MONTHLY, pay_date=pay_date, period_start=start, period_end=end, pa=pa_key,
            date_of_birth=pa.date_of_birth or date(1990, 1, 1), tax_code=tax_code,
            ni_category=letters[n] if letters else "A",
            shifts=tuple(local_shift(d, time(8), time(18), pa=pa_key) for d in days),
            pay_rates=(PayRate(date(2026, 1, 1), None, D("20.00")),), year_to_date=ytd,
            student_loan_plan=plan or None, leaver=leaving is not None and start <= leaving <= end))
        ytd = slip.year_to_date
        out.append(replace(record_of(slip, employer, pa), earlier_payroll=None if out else carried))
    return out
