"""The pay record: what one PA was paid in one pay run, complete and as it was on the day.

A finalised payslip is a legal record (kept at least three years after the tax year). It is written
once, when the pay run is finalised, and everything later (reprinting the payslip, the year-end
figures, what HMRC is owed, the budget ledger) reads it and nothing else: not the PA's details as
they are now, not the rates, not the shifts. So it holds the employer's and the PA's details as they
were, every line and deduction, the year to date and the holiday position.

The stored form is a JSON document with a `format_version`. Each older version has an upgrade step
here that turns it into the next, so a record written by any earlier version can always be read.
Upgrade steps are history: they never change once released.

Version 1 (until December 2026): the figures only; no employer or PA details (beyond the name), no
holiday position and no format_version key.
Version 2: adds `employer`, `pa_details`, `holiday`, `hours_worked`, `minimum_wage_band`,
`payment_method`, and the `description` and `relates_to` of each line.
Version 3: Student Loan and Postgraduate Loan deductions (deduction lines STUDENT_LOAN, whose
description is the plan, and POSTGRADUATE_LOAN), their year to date (`year_to_date.student_loan`,
`.postgraduate_loan`), the PA's loans as they were (`pa_details.student_loan_plan`, `.postgraduate_loan`)
and the period's earnings in each National Insurance band (`ni_earnings`, for the P60 and the FPS;
null in a record upgraded from version 2, whose bands are worked out again from its own year's
thresholds when needed). Nothing else in a version 2 record changes: it had no loans.
Version 4: the PA's gender as HMRC records it (`pa_details.gender`, "M" or "F") and their starter
declaration (`pa_details.starter_declaration`, "A", "B" or "C" from the starter checklist), both needed
for the Full Payment Submission; "" in a record upgraded from version 3, which did not keep them.
Version 4 records may also keep `pa_details.earlier_payroll_last_paid` (ISO date or null: the last pay
day an earlier payroll reported for this employment, so the FPS sends no starter details) and
`pa_details.payroll_id` (the payroll ID that payroll sent HMRC, "" none); a version 4 record without them
reads as null and "", and an older app reading a record with it ignores it, so the format
version stays 4.
Version 4 records may also keep `earlier_payroll` (null, or the figures to date an earlier payroll
reported for this employment in the tax year, domain.earlier_payroll.EarlierPayroll, as decimal text): on
the PA's first record of the tax year made by PA Manager when it carried on from that payroll, whose
year to date includes them; the FPS, P60 and P45 add its NI bands and totals to the records'. A record
without it reads as null, so the format version stays 4.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any, Hashable

from pa_manager.domain.dates import FIRST_YEAR, LAST_YEAR
from pa_manager.domain.earlier_payroll import EarlierPayroll
from pa_manager.domain.holiday import HolidayPosition
from pa_manager.domain.money import AMOUNT_LIMIT, ZERO
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pay_period import YearToDate
from pa_manager.domain.payroll import Payslip, due_to_hmrc
from pa_manager.domain.student_loan import POSTGRADUATE_LOAN, STUDENT_LOAN
from pa_manager.domain.tax_year import check_period, tax_year_label

FORMAT_VERSION = 4

BANK_TRANSFER = "BANK_TRANSFER"


class PayRecordError(ValueError):
    """A stored document that is not a pay record this version can read; `.code` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class EmployerDetails:
    name: str
    address: str = ""
    postcode: str = ""
    paye_reference: str = ""
    accounts_office_reference: str = ""
    pension_provider: str = ""
    pension_tax_relief: str = ""  # pension.TaxRelief value


@dataclass(frozen=True)
class PADetails:
    name: str
    ni_number: str = ""
    date_of_birth: date | None = None
    address: str = ""
    postcode: str = ""
    job_title: str = ""
    start_date: date | None = None
    leaving_date: date | None = None
    student_loan_plan: str = ""      # "1", "2", "4", "5" or "" (none)
    postgraduate_loan: bool = False
    gender: str = ""                 # "M" or "F", as HMRC records it; "" not known
    starter_declaration: str = ""    # "A", "B" or "C" from the starter checklist; "" not known
    earlier_payroll_last_paid: date | None = None  # last pay day an earlier payroll reported (PARecord)
    payroll_id: str = ""             # the payroll ID an earlier payroll sent HMRC; "" none


@dataclass(frozen=True)
class Line:
    """A pay line (payroll's codes: BASIC, PREMIUM, SLEEP_IN_ALLOWANCE, HOLIDAY, ROLLED_UP_HOLIDAY,
    SSP, HOLIDAY_ON_LEAVING, BONUS, BACK_PAY, MINIMUM_WAGE_ARREARS, and the statutory family pay codes
    SMP, SPP, SAP, SHPP and SPBP: rate weekly, quantity days, relates_to the first day of the qualifying
    week, which the EPS recovery rate depends on; these fit version 4 as it is)."""

    code: str
    amount: Decimal
    shift_type: str | None = None
    hours: Decimal | None = None
    rate: Decimal | None = None
    quantity: int | None = None
    description: str = ""          # one-off payments: as the user wrote it
    relates_to: date | None = None  # arrears and back pay: the pay day they put right; family pay: its QW


@dataclass(frozen=True)
class Deduction:
    code: str  # INCOME_TAX, EMPLOYEE_NI, PENSION, STUDENT_LOAN, POSTGRADUATE_LOAN, OTHER, OVERPAYMENT
    amount: Decimal
    description: str = ""
    purpose: str = ""


@dataclass(frozen=True)
class NIEarnings:
    """One period's NI-able pay split at HMRC's thresholds (payroll's NIResult), as the P60 and the
    FPS report it."""

    at_lel: Decimal        # the lower earnings limit itself, once pay reaches it
    lel_to_pt: Decimal
    pt_to_uel: Decimal
    above_uel: Decimal


@dataclass(frozen=True)
class Extra:
    description: str
    amount: Decimal


@dataclass(frozen=True)
class PayRecord:
    employer: EmployerDetails
    pa_details: PADetails
    pa_id: Hashable  # the record's owner; kept beside the document, never inside it
    tax_year: str
    frequency: str
    period: int
    pay_date: date
    period_start: date
    period_end: date
    tax_code: str
    ni_category: str
    lines: tuple[Line, ...]
    deductions: tuple[Deduction, ...]
    additions: tuple[Extra, ...]
    gross_pay: Decimal
    taxable_pay: Decimal
    tax: Decimal
    employee_ni: Decimal
    employer_ni: Decimal
    employment_allowance: Decimal
    employee_pension: Decimal
    employer_pension: Decimal
    ssp: Decimal
    net_pay: Decimal
    hours_worked: Decimal            # working time, as holiday accrues on it (payroll.Payslip.hours_worked)
    holiday_hours_accrued: Decimal   # this period (irregular hours)
    holiday_hours_taken: Decimal     # this period
    holiday: HolidayPosition | None
    minimum_wage_ok: bool
    minimum_wage_reason: str
    minimum_hourly_rate: Decimal | None
    effective_hourly_rate: Decimal | None
    minimum_wage_shortfall: Decimal
    minimum_wage_band: str | None
    year_to_date: YearToDate
    previous_employment_pay: Decimal
    previous_employment_tax: Decimal
    flags: tuple[str, ...]
    payment_method: str = BANK_TRANSFER
    ni_earnings: NIEarnings | None = None   # None: a record from before version 3
    earlier_payroll: EarlierPayroll | None = None  # the figures this record's year to date carried on from
    format_version: int = FORMAT_VERSION

    @property
    def pa_name(self) -> str:
        return self.pa_details.name

    @property
    def hours(self) -> Decimal:
        """Hours paid for by the hour (ERA 1996 s.8(2)(e))."""
        return sum((line.hours for line in self.lines if line.hours is not None and line.code != "SSP"), ZERO)

    def deducted(self, code: str) -> Decimal:
        return sum((d.amount for d in self.deductions if d.code == code), ZERO)

    @property
    def student_loan(self) -> Decimal:
        return self.deducted(STUDENT_LOAN)

    @property
    def postgraduate_loan(self) -> Decimal:
        return self.deducted(POSTGRADUATE_LOAN)

    @property
    def student_loan_plan(self) -> str:
        """The plan deducted for in this payment, or the PA's plan as recorded then."""
        plans = [d.description for d in self.deductions if d.code == STUDENT_LOAN and d.description]
        return plans[0] if plans else self.pa_details.student_loan_plan

    @property
    def additions_total(self) -> Decimal:
        return sum((a.amount for a in self.additions), ZERO)

    @property
    def hmrc_due(self) -> Decimal:
        """What this payment adds to the employer's bill from HMRC: tax, both NIs, less the allowance."""
        return due_to_hmrc(self)

    @property
    def needs_reason(self) -> bool:
        return not self.minimum_wage_ok and not self.minimum_wage_reason

    # The names domain.payroll's summaries read, so records are summed by the same rules as payslips.
    @property
    def pa(self) -> Hashable:
        return self.pa_id

    @property
    def employment_allowance_claimed(self) -> Decimal:
        return self.employment_allowance


def record_of(slip: Payslip, employer: EmployerDetails, pa: PADetails) -> PayRecord:
    """The record of a worked-out payslip, with the details it is to keep."""
    check = slip.minimum_wage
    return PayRecord(
        employer=employer, pa_details=pa, pa_id=slip.pa, tax_year=slip.tax_year, frequency=slip.frequency.value,
        period=slip.period, pay_date=slip.pay_date, period_start=slip.period_start, period_end=slip.period_end,
        tax_code=slip.tax_code, ni_category=slip.ni_category,
        lines=tuple(Line(l.code, l.amount, l.shift_type.value if l.shift_type else None, l.hours, l.rate, l.quantity,
                         l.description, l.relates_to) for l in slip.lines),
        deductions=tuple(Deduction(d.code, d.amount, d.description, d.purpose) for d in slip.deductions),
        additions=tuple(Extra(a.description, a.amount) for a in slip.additions),
        gross_pay=slip.gross_pay, taxable_pay=slip.taxable_pay, tax=slip.tax, employee_ni=slip.employee_ni,
        employer_ni=slip.employer_ni, employment_allowance=slip.employment_allowance_claimed,
        employee_pension=slip.employee_pension, employer_pension=slip.employer_pension, ssp=slip.ssp,
        net_pay=slip.net_pay, hours_worked=slip.hours_worked, holiday_hours_accrued=slip.holiday_hours_accrued,
        holiday_hours_taken=slip.holiday_hours_taken, holiday=slip.holiday, minimum_wage_ok=slip.minimum_wage_ok,
        minimum_wage_reason=slip.minimum_wage_override_reason,
        minimum_hourly_rate=check.minimum_hourly_rate if check else None,
        effective_hourly_rate=check.effective_hourly_rate if check else None,
        minimum_wage_shortfall=check.shortfall if check else ZERO,
        minimum_wage_band=check.band if check else None,
        year_to_date=slip.year_to_date, previous_employment_pay=slip.previous_employment_pay,
        previous_employment_tax=slip.previous_employment_tax, flags=tuple(slip.flags),
        ni_earnings=NIEarnings(slip.ni_result.earnings_at_lel, slip.ni_result.earnings_lel_to_pt,
                               slip.ni_result.earnings_pt_to_uel, slip.ni_result.earnings_above_uel),
    )


# ---------------------------------------------------------------------------------------------
# The stored document
# ---------------------------------------------------------------------------------------------

def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value


def to_document(record: PayRecord) -> dict[str, Any]:
    """The record as JSON-ready values (money and hours as decimal strings, dates as ISO)."""
    document = {f.name: _plain(getattr(record, f.name)) for f in fields(record) if f.name != "pa_id"}
    document["format_version"] = FORMAT_VERSION
    return document


def _amount(value: Any) -> Decimal:
    # Written as decimal text; anything else, or a figure no payslip could hold, is damage.
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError("an amount is decimal text")
    amount = Decimal(value)
    if not amount.is_finite() or abs(amount) >= AMOUNT_LIMIT:
        raise ValueError(f"{value} is not an amount")
    return amount


def _day(value: Any) -> date:
    if not isinstance(value, str):
        raise TypeError("a date is ISO text")
    day = date.fromisoformat(value)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"{value} is out of range")
    return day


_PLAIN = {"str": str, "int": int, "bool": bool}
# Figures no payslip has below nothing (tax can be: a refund under the cumulative basis); the
# allowance is set against employer NI, so it is never more than that.
_NEVER_NEGATIVE = ("employee_ni", "employer_ni", "employment_allowance", "employee_pension", "employer_pension", "ssp",
                   "hours_worked", "holiday_hours_accrued", "holiday_hours_taken")


def _typed(kind: str, value: Any) -> Any:
    """A stored value read as the type its field declares (the annotation, as text); raises
    TypeError or ValueError for one that is not of that type."""
    if value is None:
        if kind.endswith(" | None"):
            return None
        raise TypeError("a value is missing")
    base = kind.removesuffix(" | None")
    if base == "Decimal":
        return _amount(value)
    if base == "date":
        return _day(value)
    plain = _PLAIN[base]
    if not isinstance(value, plain) or (plain is int and isinstance(value, bool)):
        raise TypeError(f"{value!r} is not {base}")
    return value


def _build(kind, raw: dict[str, Any]):
    """A details dataclass from its stored dict, each value of its declared type."""
    if not isinstance(raw, dict):
        raise TypeError("details are a mapping")
    return kind(**{f.name: _typed(f.type, raw[f.name]) for f in fields(kind) if f.name in raw})


def from_document(document: dict[str, Any], pa_id: Hashable = None) -> PayRecord:
    """Read a stored record of any format version (older ones are upgraded step by step). Every value
    must be of its declared type, the period one that exists in the tax year of the pay date, and the
    figures must add up as a payslip's do; anything else raises PayRecordError PAY_RECORD_DAMAGED, so
    a record that reads is one that can be shown, printed and added up."""
    if not isinstance(document, dict):
        raise PayRecordError("PAY_RECORD_DAMAGED")
    version = document.get("format_version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise PayRecordError("PAY_RECORD_DAMAGED")
    if version > FORMAT_VERSION:
        raise PayRecordError("PAY_RECORD_FROM_NEWER_VERSION")
    try:
        if version == 1:
            document = upgrade_v1(document, EmployerDetails(name=""), PADetails(name=document.get("pa_name", "")), None)
        if document.get("format_version") == 2:
            document = upgrade_v2(document)
        if document.get("format_version") == 3:
            document = upgrade_v3(document)
        record = _read_v4(document, pa_id)
        frequency = PayFrequency(record.frequency)
        check_period(frequency, record.period)
        if record.tax_year != tax_year_label(record.pay_date) or record.period_end < record.period_start:
            raise ValueError("the record's dates do not fit together")
        if any(getattr(record, name) < 0 for name in _NEVER_NEGATIVE) \
                or record.employment_allowance > record.employer_ni:
            raise ValueError("a figure that cannot be below nothing is")
        # As a payslip must (domain.payroll.Payslip), the record adds up exactly.
        if (record.gross_pay != sum((line.amount for line in record.lines), ZERO)
                or record.net_pay != record.gross_pay - sum((d.amount for d in record.deductions), ZERO)
                + record.additions_total):
            raise ValueError("the record does not add up")
        return record
    except (KeyError, TypeError, ValueError, ArithmeticError, AttributeError):
        raise PayRecordError("PAY_RECORD_DAMAGED") from None


def _list(value: Any) -> list:
    if not isinstance(value, list):
        raise TypeError("a list was expected")
    return value


def _read_v4(raw: dict[str, Any], pa_id: Hashable) -> PayRecord:
    values: dict[str, Any] = {"pa_id": pa_id}
    for f in fields(PayRecord):
        if f.name == "pa_id":
            continue
        value = raw.get(f.name) if f.name == "earlier_payroll" else raw[f.name]  # added within version 4
        if f.name == "employer":
            value = _build(EmployerDetails, value)
        elif f.name == "pa_details":
            value = _build(PADetails, value)
        elif f.name == "lines":
            value = tuple(_build(Line, line) for line in _list(value))
        elif f.name == "deductions":
            value = tuple(_build(Deduction, d) for d in _list(value))
        elif f.name == "additions":
            value = tuple(_build(Extra, a) for a in _list(value))
        elif f.name == "holiday":
            value = None if value is None else _build(HolidayPosition, value)
        elif f.name == "ni_earnings":
            value = None if value is None else _build(NIEarnings, value)
        elif f.name == "year_to_date":
            value = _build(YearToDate, value)
        elif f.name == "earlier_payroll":
            value = None if value is None else _build(EarlierPayroll, value)
        elif f.name == "flags":
            value = tuple(_typed("str", flag) for flag in _list(value))
        else:
            value = _typed(f.type, value)
        values[f.name] = value
    return PayRecord(**values)


def upgrade_v1(document: dict[str, Any], employer: EmployerDetails, pa: PADetails,
               holiday: HolidayPosition | None) -> dict[str, Any]:
    """Version 1 -> 2: the details version 1 did not keep are given by the caller (the best known
    when the record is upgraded); the PA's id inside version 1 is dropped (the row holds it)."""
    upgraded = {k: v for k, v in document.items() if k not in ("pa_id", "pa_name")}
    upgraded["lines"] = [{**line, "description": "", "relates_to": None} for line in document["lines"]]
    # Version 1 kept only the hours paid for by the hour: the nearest to the time worked it knew.
    worked = sum((Decimal(line["hours"]) for line in document["lines"]
                  if line.get("hours") and line["code"] not in ("SSP", "HOLIDAY", "HOLIDAY_ON_LEAVING")), Decimal(0))
    upgraded.update(
        hours_worked=str(worked),
        employer=_plain(employer), pa_details=_plain(pa), holiday=_plain(holiday) if holiday else None,
        minimum_wage_band=None, payment_method=BANK_TRANSFER, format_version=2,
    )
    return upgraded


def upgrade_v2(document: dict[str, Any]) -> dict[str, Any]:
    """Version 2 -> 3: a version 2 record had no loans; their year-to-date figures are nought."""
    upgraded = dict(document)
    upgraded["year_to_date"] = {"student_loan": "0.00", "postgraduate_loan": "0.00", **document["year_to_date"]}
    upgraded["pa_details"] = {"student_loan_plan": "", "postgraduate_loan": False, **document["pa_details"]}
    upgraded["ni_earnings"] = None
    upgraded["format_version"] = 3
    return upgraded


def upgrade_v3(document: dict[str, Any]) -> dict[str, Any]:
    """Version 3 -> 4: a version 3 record did not keep the PA's gender or starter declaration."""
    upgraded = dict(document)
    upgraded["pa_details"] = {"gender": "", "starter_declaration": "", **document["pa_details"]}
    upgraded["format_version"] = 4
    return upgraded
