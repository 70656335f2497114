"""Real Time Information: the Full Payment Submission (FPS) for a pay run and the Employer Payment
Summary (EPS) for a tax month, as HMRC's data items, made from the stored pay records alone.

Nothing here works pay out again: every figure is read from a finalised pay record (domain.pay_record),
and the year-to-date figures are the records' own or sums of the records of the same tax year. The XML
itself is written by pa_manager.hmrc; this module decides what goes in it and refuses, with a code,
what HMRC would reject.

Sources (HMRC, "Payroll technical specifications: Real Time Information" on GOV.UK, and the items as
HMRC's "Guidance on RTI data items" describes them; rule numbers are HMRC's business validation rules,
as published in its RIM artefacts for 2025-26):
- Employer's references (items 1 to 3): the PAYE reference "123/A246" is sent as the HMRC office number
  (3 digits) and the employer reference after the slash; the Accounts Office reference as 123PA00045678.
- Employee (items 4 to 30): NI number; forename(s) and surname; address (at least two lines when there
  is no NI number, rule 7823, and for a starter, rule 7829); date of birth (rule 7907); gender as HMRC
  records it (M or F, mandatory).
- Starter (items 31 to 40), only on a PA's first payment in this employment: a PA whose earlier pay days
  in this employment another payroll reported (the employer moved to PA Manager from Basic PAYE Tools
  or a bureau, `pa_details.earlier_payroll_last_paid`) is no starter, as HMRC's guidance on changing
  payroll software says (their employment carries on under the same PAYE reference), and the payroll
  ID that payroll sent (`pa_details.payroll_id`, PayId) is sent again so HMRC keeps one employment: the
  start date and the starter declaration A, B or C from the starter
  checklist, which rule 7881 makes mandatory with a start date here; whether the checklist or HMRC
  says a Student Loan or Postgraduate Loan is being repaid.
- Leaver: the leaving date, on the FPS that makes the last payment (rule 7831: no later than 30 days
  ahead).
- Payment: pay frequency W1, W2, W4 or M1; the payment date; the tax week or month the payment date
  falls in (weeks 53, 54 and 56 as HMRC numbers them); the number of periods covered; the normal hours
  worked a week in bands A (up to 15.99), B (16 to 23.99), C (24 to 29.99), D (30 or more), E (other);
  the tax code without its S or C prefix (given as TaxRegime) or its W1, M1 or X ending (given as
  BasisNonCumulative); taxable pay, pay after statutory deductions (tax, NI, loans), deductions from net
  pay, employee pension contributions under a net pay arrangement (paid) or relief at source (not paid),
  Student Loan (with its plan type) and Postgraduate Loan recovered in whole pounds, and the tax deducted.
- Figures to date: this employment's taxable pay and tax (a previous employment's P45 figures are not
  in them), Student and Postgraduate Loan deductions in whole pounds, pension contributions.
- NI, one block for each category letter used in the tax year (rule 7850: each letter once): NI-able
  pay in the period and to date; earnings at the lower earnings limit to date (whole pounds, as the
  P60 and the end-of-year return round them: Social Security (Contributions) Regulations 2001, Sch 4
  para 22(1)(c)), above it up to the primary threshold, and above that up to the upper earnings limit;
  the total of employee's and employer's contributions (the P11's column 1e, "earnings-related
  contributions" of Sch 4 para 7(13)(b)) and the employee's contributions alone, in the period and to date.
- EPS: the Employment Allowance indicator (with "not applicable" for de minimis state aid: a household
  care employer is in none of the listed sectors), a period with no payment (from the 6th to the 5th of
  a tax month), and the recoverable amounts to date (statutory pay recovered and its NI compensation),
  which are nought while the app pays no statutory family pay.
When they are due: an FPS on or before each pay day; an EPS by the 19th after the tax month ends
(GOV.UK "Running payroll: reporting to HMRC").
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Hashable, Iterable, Sequence

from pa_manager.domain import family_pay
from pa_manager.domain.money import POUND, ZERO, round_down
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pay_record import PayRecord
from pa_manager.domain.pension import TaxRelief
from pa_manager.domain.tax_code import TaxCodeError, parse_tax_code
from pa_manager.domain.tax_year import tax_month, tax_year_end, tax_year_label, tax_year_start
from pa_manager.domain.validation import (
    check_accounts_office_reference, normalise_accounts_office_reference, normalise_paye_reference,
)
from pa_manager.domain.year_end import LEAVER, ni_by_letter

FPS = "FPS"
EPS = "EPS"

STARTER_DECLARATIONS = ("A", "B", "C")  # the starter checklist's statements A, B and C
GENDERS = ("M", "F")                    # as HMRC records it (the legal sex on their records)
PAY_FREQUENCY_CODES = {"weekly": "W1", "fortnightly": "W2", "four-weekly": "W4", "monthly": "M1"}
STUDENT_LOAN_PLAN_TYPES = {"1": "01", "2": "02", "4": "04", "5": "05"}
# domain.pay_period's agreed deductions and overpayments, and court orders (attachment_of_earnings)
OTHER_DEDUCTIONS = ("OTHER", "OVERPAYMENT", "ATTACHMENT_OF_EARNINGS", "ATTACHMENT_FEE")
PENSION = "PENSION"

# The weekly hours bands of the "normal hours worked" item.
HOURS_BANDS = ((Decimal("16"), "A"), (Decimal("24"), "B"), (Decimal("30"), "C"))
HOURS_30_OR_MORE = "D"
HOURS_OTHER = "E"
WEEKS_IN_MONTH = Decimal(52) / Decimal(12)

# Names: HMRC allows letters, spaces, hyphens, apostrophes and full stops, and up to 35 characters; a
# name must start with a letter. Accented letters are sent without their accents.
NAME_LENGTH = 35
ADDRESS_LINE_LENGTH = 35
_NAME_STRIP = re.compile(r"[^A-Za-z '\-.]")
_ADDRESS_STRIP = re.compile(r"[^A-Za-z0-9 ,.()/&'\-]")
_PAYE = re.compile(r"([0-9]{3})/([A-Z0-9]{1,10})")


class RtiError(ValueError):
    """Why a file cannot be made from the records; `.code` says which, `.name` whose details."""

    def __init__(self, code: str, name: str = "") -> None:
        super().__init__(f"{code}: {name}" if name else code)
        self.code = code
        self.name = name


# ---------------------------------------------------------------------------------------------
# Small conversions
# ---------------------------------------------------------------------------------------------

def related_tax_year(label: str) -> str:
    """'26-27' for the tax year '2026-27', as RTI writes it."""
    start = tax_year_start(label)
    return f"{start.year % 100:02d}-{(start.year + 1) % 100:02d}"


@dataclass(frozen=True)
class EmployerRefs:
    office_number: str              # "123"
    paye_reference: str             # "A246": the part after the slash
    accounts_office_reference: str  # "123PA00045678"


def employer_refs(paye_reference: str, accounts_office_reference: str) -> EmployerRefs:
    """The employer's PAYE reference split into office number and reference, and the Accounts Office
    reference, each checked; RtiError when either is missing or not in HMRC's shape."""
    office, reference = paye_refs(paye_reference)
    if not accounts_office_reference.strip():
        raise RtiError("RTI_ACCOUNTS_OFFICE_REFERENCE_MISSING")
    if check_accounts_office_reference(accounts_office_reference) is not None:
        raise RtiError("RTI_ACCOUNTS_OFFICE_REFERENCE_FORMAT")
    return EmployerRefs(office, reference, normalise_accounts_office_reference(accounts_office_reference))


def paye_refs(paye_reference: str) -> tuple[str, str]:
    """("123", "A246") from the employer PAYE reference "123/A246"; RtiError when it is missing or not in
    HMRC's shape."""
    if not paye_reference.strip():
        raise RtiError("RTI_PAYE_REFERENCE_MISSING")
    match = _PAYE.fullmatch(normalise_paye_reference(paye_reference))
    if match is None:
        raise RtiError("RTI_PAYE_REFERENCE_FORMAT")
    return match.group(1), match.group(2)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def name_parts(name: str) -> tuple[tuple[str, ...], str]:
    """(forenames, surname) from a name as written, "Janet Mary Moyo" -> (("Janet", "Mary"), "Moyo"):
    the last word is the surname, as the P45 and P60 print it; at most two forenames are sent."""
    words = " ".join(name.split()).split(" ")
    cleaned = [w for w in (_clean_name(w) for w in words) if w]
    if not cleaned:
        return (), ""
    if len(cleaned) == 1:
        return (), cleaned[0]
    forenames = cleaned[:-1]
    if len(forenames) > 2:
        forenames = [forenames[0], " ".join(forenames[1:])[:NAME_LENGTH].strip()]
    return tuple(forenames), cleaned[-1]


def _clean_name(word: str) -> str:
    text = _NAME_STRIP.sub("", _ascii(word))
    text = text.lstrip(" '-.")
    return text[:NAME_LENGTH].strip()


def address_lines(address: str) -> tuple[str, ...]:
    """Up to four lines of 35 characters from an address as written (lines or commas separate them)."""
    parts = [p for chunk in address.splitlines() for p in chunk.split(",")]
    lines = []
    for part in parts:
        text = " ".join(_ADDRESS_STRIP.sub(" ", _ascii(part)).split()).lstrip(" ,.()/&'-")[:ADDRESS_LINE_LENGTH].strip()
        if text:
            lines.append(text)
    if len(lines) > 4:
        lines = lines[:3] + [", ".join(lines[3:])[:ADDRESS_LINE_LENGTH].strip()]
    return tuple(lines)


@dataclass(frozen=True)
class RtiTaxCode:
    code: str              # "1257L", "K475", "BR", "0T", "NT", "D0"
    regime: str | None     # "S" Scotland, "C" Wales, None elsewhere
    non_cumulative: bool   # operated week 1 / month 1


def rti_tax_code(text: str) -> RtiTaxCode:
    """A tax code as RTI sends it: 'S1257L M1' -> code 1257L, regime S, non-cumulative."""
    try:
        parsed = parse_tax_code(text)
    except TaxCodeError:
        raise RtiError("RTI_TAX_CODE") from None
    if parsed.kind == "suffix":
        body = f"{parsed.number}{parsed.suffix}"
    elif parsed.kind == "K":
        body = f"K{parsed.number}"
    elif parsed.kind.startswith("SD"):
        body = parsed.kind[1:]
    else:
        body = parsed.kind
    return RtiTaxCode(body, parsed.nation, parsed.non_cumulative)


def hours_band(hours_worked: Decimal, frequency: str) -> str:
    """The normal-hours band from the hours worked in the period, as an average week of it; E (other)
    when the period had no working time (only holiday or sick pay, or a payment after leaving)."""
    weeks = PayFrequency(frequency).weeks
    per_week = hours_worked / (WEEKS_IN_MONTH if weeks is None else Decimal(weeks))
    if per_week <= 0:
        return HOURS_OTHER
    for limit, band in HOURS_BANDS:
        if per_week < limit:
            return band
    return HOURS_30_OR_MORE


def whole_pounds(amount: Decimal) -> Decimal:
    return round_down(amount, POUND).quantize(Decimal("0.01"))


# ---------------------------------------------------------------------------------------------
# The FPS
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NILetterFigures:
    letter: str
    gross_in_period: Decimal
    gross_to_date: Decimal
    at_lel_to_date: Decimal        # whole pounds
    lel_to_pt_to_date: Decimal
    pt_to_uel_to_date: Decimal
    total_in_period: Decimal       # employee's and employer's contributions together
    total_to_date: Decimal
    employee_in_period: Decimal
    employee_to_date: Decimal


@dataclass(frozen=True)
class Starter:
    start_date: date
    declaration: str               # A, B or C
    student_loan: bool
    postgraduate_loan: bool


@dataclass(frozen=True)
class FpsEmployee:
    pa_name: str                   # as on the payslip, for messages
    ni_number: str                 # "" when they have none yet
    forenames: tuple[str, ...]
    surname: str
    address_lines: tuple[str, ...]
    postcode: str
    birth_date: date
    gender: str
    starter: Starter | None
    leaving_date: date | None
    # Figures to date (this employment)
    taxable_pay_to_date: Decimal
    tax_to_date: Decimal
    student_loan_to_date: Decimal | None        # whole pounds; None when they have never repaid one
    postgraduate_loan_to_date: Decimal | None
    pension_paid_to_date: Decimal               # net pay arrangement
    pension_not_paid_to_date: Decimal           # relief at source
    # This payment
    pay_frequency: str                          # W1, W2, W4, M1
    payment_date: date
    week_number: int | None
    month_number: int | None
    periods_covered: int
    hours_band: str
    tax_code: RtiTaxCode
    taxable_pay: Decimal
    non_tax_or_nic_payment: Decimal
    deductions_from_net_pay: Decimal
    pay_after_statutory_deductions: Decimal
    pension_paid: Decimal
    pension_not_paid: Decimal
    student_loan_plan_type: str | None          # "01", "02", "04", "05"
    student_loan: Decimal | None                # whole pounds
    postgraduate_loan: Decimal | None
    tax: Decimal
    ni: tuple[NILetterFigures, ...]
    payroll_id: str = ""        # the earlier payroll's ID for this employment, sent again; "" none


@dataclass(frozen=True)
class Fps:
    employer: EmployerRefs
    tax_year: str                  # "2026-27"
    pay_date: date
    employees: tuple[FpsEmployee, ...]
    final_for_year: bool = False

    @property
    def related_tax_year(self) -> str:
        return related_tax_year(self.tax_year)


def fps_due(pay_date: date) -> date:
    """An FPS is due on or before the pay day."""
    return pay_date


def last_pay_day_of_year(pay_date: date, frequency: str) -> bool:
    """Is this the employer's last pay day of the tax year: would the next one, a period later, fall
    in the next tax year? Its FPS then carries the final-submission-for-the-year indicator."""
    freq = PayFrequency(frequency)
    if freq.weeks is None:
        month = pay_date.month % 12 + 1
        year = pay_date.year + (pay_date.month == 12)
        following = date(year, month, min(pay_date.day, calendar.monthrange(year, month)[1]))
    else:
        following = pay_date + timedelta(days=7 * freq.weeks)
    return following > tax_year_end(tax_year_label(pay_date))


def _relief(record: PayRecord) -> str:
    return record.employer.pension_tax_relief or TaxRelief.RELIEF_AT_SOURCE.value


def _pension_split(record: PayRecord) -> tuple[Decimal, Decimal]:
    """(paid under a net pay arrangement, not paid: relief at source) for one record."""
    if _relief(record) == TaxRelief.NET_PAY.value:
        return record.employee_pension, ZERO
    return ZERO, record.employee_pension


def _ni_letters(record: PayRecord, year: Sequence[PayRecord]) -> tuple[NILetterFigures, ...]:
    """Each letter's NI figures; to date, an earlier payroll's carried on from (under the letter of the
    record that carried on from them) count with the records'."""
    blocks = []
    for totals in ni_by_letter(year):
        letter = totals.letter
        mine = [r for r in year if r.ni_category == letter]
        this = record.ni_category == letter
        carried = [r.earlier_payroll.ni_pay for r in mine if r.earlier_payroll is not None]
        blocks.append(NILetterFigures(
            letter=letter,
            gross_in_period=record.gross_pay if this else ZERO,
            gross_to_date=sum((r.gross_pay for r in mine), ZERO) + sum(carried, ZERO),
            at_lel_to_date=whole_pounds(totals.at_lel),
            lel_to_pt_to_date=totals.lel_to_pt,
            pt_to_uel_to_date=totals.pt_to_uel,
            total_in_period=record.employee_ni + record.employer_ni if this else ZERO,
            total_to_date=totals.employee_ni + totals.employer_ni,
            employee_in_period=record.employee_ni if this else ZERO,
            employee_to_date=totals.employee_ni,
        ))
    return tuple(blocks)


def _check_details(record: PayRecord, starter: bool) -> None:
    pa, name = record.pa_details, record.pa_name
    if pa.gender not in GENDERS:
        raise RtiError("RTI_GENDER_MISSING", name)
    if pa.date_of_birth is None:
        raise RtiError("RTI_BIRTH_DATE_MISSING", name)
    lines = address_lines(pa.address)
    if (starter or not pa.ni_number) and len(lines) < 2:
        raise RtiError("RTI_ADDRESS_NEEDED", name)
    forenames, surname = name_parts(name)
    if not forenames or not surname:
        raise RtiError("RTI_NAME_NEEDED", name)
    if starter:
        if pa.start_date is None:
            raise RtiError("RTI_START_DATE_MISSING", name)
        if pa.starter_declaration not in STARTER_DECLARATIONS:
            raise RtiError("RTI_STARTER_DECLARATION_MISSING", name)


def _earlier_payroll(record: PayRecord, year: Sequence[PayRecord]) -> bool:
    """Was this PA paid in this employment by an earlier payroll before PA Manager? Refused when that
    payroll paid them earlier in this same tax year and no record of the year carried on from its figures
    to date (a pay run made without them, domain.earlier_payroll): the figures to date would be wrong."""
    last_paid = record.pa_details.earlier_payroll_last_paid
    if last_paid is None:
        return False
    if tax_year_label(last_paid) == record.tax_year and not any(r.earlier_payroll for r in (*year, record)):
        raise RtiError("RTI_EARLIER_PAYROLL_THIS_YEAR", record.pa_name)
    return True


def fps_employee(record: PayRecord, year: Sequence[PayRecord], first_payment: bool) -> FpsEmployee:
    """One PA's part of the FPS from their record for this pay run, the records of the same tax year up
    to and including it (`year`), and whether it is their first payment by PA Manager: a starter, unless
    an earlier payroll paid them in this employment before."""
    first_payment = not _earlier_payroll(record, year) and first_payment
    _check_details(record, first_payment)
    pa = record.pa_details
    forenames, surname = name_parts(record.pa_name)
    plan = record.student_loan_plan if record.student_loan else None
    if plan is not None and plan not in STUDENT_LOAN_PLAN_TYPES:
        raise RtiError("RTI_STUDENT_LOAN_PLAN", record.pa_name)
    ever_student_loan = record.year_to_date.student_loan > 0 or bool(pa.student_loan_plan)
    ever_postgraduate = record.year_to_date.postgraduate_loan > 0 or pa.postgraduate_loan
    pension = [_pension_split(r) for r in year]
    paid_now, not_paid_now = _pension_split(record)
    other = sum((d.amount for d in record.deductions if d.code in OTHER_DEDUCTIONS), ZERO)
    frequency = PayFrequency(record.frequency)
    leaving = pa.leaving_date if LEAVER in record.flags else None
    starter = (Starter(pa.start_date, pa.starter_declaration, bool(pa.student_loan_plan), pa.postgraduate_loan)
               if first_payment else None)
    return FpsEmployee(
        pa_name=record.pa_name, ni_number=pa.ni_number.replace(" ", "").upper(),
        forenames=forenames, surname=surname, address_lines=address_lines(pa.address),
        postcode=" ".join(pa.postcode.upper().split()), birth_date=pa.date_of_birth, gender=pa.gender,
        starter=starter, leaving_date=leaving,
        taxable_pay_to_date=record.year_to_date.taxable_pay, tax_to_date=record.year_to_date.tax,
        student_loan_to_date=whole_pounds(record.year_to_date.student_loan) if ever_student_loan else None,
        postgraduate_loan_to_date=whole_pounds(record.year_to_date.postgraduate_loan) if ever_postgraduate else None,
        pension_paid_to_date=sum((p for p, _ in pension), ZERO),
        pension_not_paid_to_date=sum((n for _, n in pension), ZERO),
        pay_frequency=PAY_FREQUENCY_CODES[frequency.value], payment_date=record.pay_date,
        week_number=None if frequency is PayFrequency.MONTHLY else record.period,
        month_number=record.period if frequency is PayFrequency.MONTHLY else None,
        periods_covered=1, hours_band=hours_band(record.hours_worked, record.frequency),
        tax_code=rti_tax_code(record.tax_code), taxable_pay=record.taxable_pay,
        non_tax_or_nic_payment=record.additions_total, deductions_from_net_pay=other,
        pay_after_statutory_deductions=(record.gross_pay - record.tax - record.employee_ni - record.student_loan
                                        - record.postgraduate_loan),
        pension_paid=paid_now, pension_not_paid=not_paid_now,
        student_loan_plan_type=STUDENT_LOAN_PLAN_TYPES[plan] if plan else None,
        student_loan=whole_pounds(record.student_loan) if plan else None,
        postgraduate_loan=whole_pounds(record.postgraduate_loan) if record.postgraduate_loan else None,
        tax=record.tax, ni=_ni_letters(record, year), payroll_id=pa.payroll_id.strip(),
    )


def fps_for(run: Sequence[PayRecord], history: Iterable[PayRecord], final_for_year: bool | None = None) -> Fps:
    """The FPS for one pay run: `run` is its records (one per PA paid), `history` every record of the
    same employer (any order; later pay days are ignored). The employer's references are the run's
    records' own. `final_for_year` None: set when this is the last pay day of the tax year."""
    if not run:
        raise RtiError("RTI_NO_RECORDS")
    first = run[0]
    if any(r.pay_date != first.pay_date for r in run):
        raise ValueError("the records of one pay run share a pay date")
    refs = employer_refs(first.employer.paye_reference, first.employer.accounts_office_reference)
    by_pa: dict[Hashable, list[PayRecord]] = {}
    for record in sorted(history, key=lambda r: r.pay_date):
        if record.pay_date <= first.pay_date:
            by_pa.setdefault(record.pa_id, []).append(record)
    employees = []
    for record in run:
        mine = by_pa.get(record.pa_id) or [record]
        year = [r for r in mine if r.tax_year == record.tax_year]
        first_payment = mine[0].pay_date == record.pay_date
        employees.append(fps_employee(record, year, first_payment))
    final = last_pay_day_of_year(first.pay_date, first.frequency) if final_for_year is None else final_for_year
    return Fps(refs, first.tax_year, first.pay_date, tuple(employees), final)


# ---------------------------------------------------------------------------------------------
# The EPS
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RecoverableAmounts:
    """Statutory pay recovered to date in the tax year and the NI compensation on it
    (family_pay.recovery_to_date); neonatal care pay and CIS deductions stay nought: the app pays no
    statutory neonatal care pay and a household employer is not a construction contractor."""

    smp: Decimal = ZERO
    spp: Decimal = ZERO
    sap: Decimal = ZERO
    shpp: Decimal = ZERO
    spbp: Decimal = ZERO
    sncp: Decimal = ZERO
    nic_compensation_smp: Decimal = ZERO
    nic_compensation_spp: Decimal = ZERO
    nic_compensation_sap: Decimal = ZERO
    nic_compensation_shpp: Decimal = ZERO
    nic_compensation_spbp: Decimal = ZERO
    nic_compensation_sncp: Decimal = ZERO
    cis_deductions_suffered: Decimal = ZERO


@dataclass(frozen=True)
class Eps:
    employer: EmployerRefs
    tax_year: str
    tax_month: int
    no_payment_from: date | None       # a tax month in which nobody was paid
    no_payment_to: date | None
    employment_allowance: bool         # claim the Employment Allowance
    recoverable: RecoverableAmounts
    final_for_year: bool = False

    @property
    def related_tax_year(self) -> str:
        return related_tax_year(self.tax_year)

    @property
    def month_ends(self) -> date:
        return tax_month_dates(self.tax_year, self.tax_month)[1]


def tax_month_dates(tax_year: str, month: int) -> tuple[date, date]:
    """(6th, following 5th) of tax month 1..12 of a tax year."""
    if not 1 <= month <= 12:
        raise RtiError("RTI_TAX_MONTH")
    start = tax_year_start(tax_year)
    first_month = start.month + month - 1
    year = start.year + (first_month - 1) // 12
    first = date(year, (first_month - 1) % 12 + 1, 6)
    following = date(year + (first.month == 12), first.month % 12 + 1, 5)
    return first, following


def parse_tax_month(text: str) -> tuple[str, int]:
    """'2026-27:3' -> ('2026-27', 3); RtiError RTI_TAX_MONTH when it is not one."""
    match = re.fullmatch(r"\s*(\d{4}-\d{2})\s*:\s*(\d{1,2})\s*", text or "")
    if match is None:
        raise RtiError("RTI_TAX_MONTH")
    try:
        tax_year_start(match.group(1))
    except ValueError:
        raise RtiError("RTI_TAX_MONTH") from None
    month = int(match.group(2))
    tax_month_dates(match.group(1), month)
    return match.group(1), month


def tax_month_of(day: date) -> tuple[str, int]:
    return tax_year_label(day), tax_month(day)


def eps_due(tax_year: str, month: int) -> date:
    """By the 19th after the tax month ends."""
    return tax_month_dates(tax_year, month)[1] + timedelta(days=14)


def eps_for(paye_reference: str, accounts_office_reference: str, tax_year: str, month: int,
            records: Iterable[PayRecord], *, claim_employment_allowance: bool,
            final_for_year: bool = False) -> Eps:
    """The EPS for a tax month: `records` are the employer's pay records (any; those paid in the month
    decide whether it is a month with no payment)."""
    refs = employer_refs(paye_reference, accounts_office_reference)
    first, last = tax_month_dates(tax_year, month)
    records = list(records)
    paid = any(first <= r.pay_date <= last for r in records)
    return Eps(refs, tax_year, month, None if paid else first, None if paid else last,
               claim_employment_allowance, recoverable_amounts(records, last), final_for_year)


def recoverable_amounts(records: Sequence[PayRecord], month_end: date) -> RecoverableAmounts:
    """The statutory family pay recovered to the end of a tax month, and the NI compensation on it."""
    got = family_pay.recovery_to_date(records, month_end)
    r, c = got.recovered, got.compensation
    return RecoverableAmounts(
        smp=r.get(family_pay.SMP, ZERO), spp=r.get(family_pay.SPP, ZERO), sap=r.get(family_pay.SAP, ZERO),
        shpp=r.get(family_pay.SHPP, ZERO), spbp=r.get(family_pay.SPBP, ZERO),
        nic_compensation_smp=c.get(family_pay.SMP, ZERO), nic_compensation_spp=c.get(family_pay.SPP, ZERO),
        nic_compensation_sap=c.get(family_pay.SAP, ZERO), nic_compensation_shpp=c.get(family_pay.SHPP, ZERO),
        nic_compensation_spbp=c.get(family_pay.SPBP, ZERO))
