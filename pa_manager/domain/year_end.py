"""The P45 for a leaver and the P60 for each PA at the end of the tax year, from the stored pay records.

Both are drawn from the finalised pay records alone (domain.pay_record), never from live rows.

P45 ("Details of employee leaving work"; HMRC's boxes):
  1 employer PAYE reference; 2 NI number; 3 name; 4 leaving date; 5 Student Loan deductions to
  continue (and, on the current form, Postgraduate Loan deductions to continue); 6 tax code at leaving
  and whether it was operated week 1 / month 1; 7 last entries on the payroll record: the week or
  month number of the last payment, total pay to date and total tax to date (these include a
  previous employment's P45 figures where they were used, that is for a cumulative code); 8 this
  employment's pay and tax (Part 1A); then the employee's details and the employer's declaration.
  A leaver's P45 must be given on the day they leave or, if that is not practical, without
  unreasonable delay (Income Tax (PAYE) Regulations 2003, reg 36).
Both include the figures to date of an earlier payroll of this same employment that PA Manager
  carried on from part-way through the tax year (PayRecord.earlier_payroll, domain.earlier_payroll).
P60 ("End of year certificate"): given by 31 May after the tax year to everyone employed on its
  last day, 5 April (PAYE Regulations 2003, reg 67). Pay and tax in previous employments (the P45
  figures used) and in this employment, the final tax code, National Insurance by category letter
  (earnings at the lower earnings limit, above it up to the primary threshold, above that up to the
  upper earnings limit, and the employee's contributions), Student Loan and Postgraduate Loan
  deductions in whole pounds, and the employer's details.
Sources: https://www.gov.uk/employee-leaving ; https://www.gov.uk/paye-forms-p45-p60-p11d ;
https://www.legislation.gov.uk/uksi/2003/2682/regulation/36 ; .../regulation/67
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Iterable

from pa_manager.domain.family_pay import KINDS
from pa_manager.domain.money import POUND, ZERO, round_down
from pa_manager.domain.national_insurance import calculate_ni
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pay_record import EmployerDetails, NIEarnings, PADetails, PayRecord
from pa_manager.domain.tax_code import parse_tax_code
from pa_manager.domain.tax_year import tax_year_end

LEAVER = "LEAVER"


class YearEndError(ValueError):
    """Why a form cannot be made from the records; `.code` says which."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


def p60_due(tax_year: str) -> date:
    """31 May after the tax year ends (PAYE Regulations 2003 reg 67)."""
    return date(tax_year_end(tax_year).year, 5, 31)


def ni_earnings_of(record: PayRecord) -> NIEarnings:
    """The NI bands kept on the record, or for an older record without them, the same split made
    again from the record's own pay and its own tax year's thresholds."""
    if record.ni_earnings is not None:
        return record.ni_earnings
    ni = calculate_ni(tax_year=record.tax_year, frequency=PayFrequency(record.frequency), gross_pay=record.gross_pay,
                      category=record.ni_category)
    return NIEarnings(ni.earnings_at_lel, ni.earnings_lel_to_pt, ni.earnings_pt_to_uel, ni.earnings_above_uel)


@dataclass(frozen=True)
class NILetterTotals:
    letter: str
    at_lel: Decimal
    lel_to_pt: Decimal
    pt_to_uel: Decimal
    employee_ni: Decimal
    employer_ni: Decimal


def ni_by_letter(records: Iterable[PayRecord]) -> tuple[NILetterTotals, ...]:
    """Each NI category letter's earnings bands and contributions, in the order first used, with an
    earlier payroll's figures to date where a record carried on from them (under that record's letter)."""
    totals: dict[str, list[Decimal]] = {}
    for record in records:
        bands = ni_earnings_of(record)
        row = totals.setdefault(record.ni_category, [ZERO] * 5)
        for i, value in enumerate((bands.at_lel, bands.lel_to_pt, bands.pt_to_uel, record.employee_ni,
                                   record.employer_ni)):
            row[i] += value
        carried = record.earlier_payroll
        if carried is not None:
            for i, value in enumerate((carried.at_lel, carried.lel_to_pt, carried.pt_to_uel, carried.employee_ni,
                                       carried.employer_ni)):
                row[i] += value
    return tuple(NILetterTotals(letter, *values) for letter, values in totals.items())


def _tax_code_parts(code: str) -> tuple[str, bool]:
    """("1257L", True) for "1257L M1": the code and whether it is operated week 1 / month 1."""
    parsed = parse_tax_code(code)
    bare = code.split()[0] if code.split() else code
    return bare, parsed.non_cumulative


def _of_year(records: Iterable[PayRecord], tax_year: str) -> list[PayRecord]:
    return sorted((r for r in records if r.tax_year == tax_year), key=lambda r: r.pay_date)


def _this_employment(year: list[PayRecord]) -> tuple[Decimal, Decimal]:
    """Taxable pay and tax in this employment in the year: the records' and an earlier payroll's that
    PA Manager carried on from (domain.earlier_payroll)."""
    carried = [r.earlier_payroll for r in year if r.earlier_payroll is not None]
    return (sum((r.taxable_pay for r in year), ZERO) + sum((c.taxable_pay for c in carried), ZERO),
            sum((r.tax for r in year), ZERO) + sum((c.tax for c in carried), ZERO))


def _loans(year: list[PayRecord]) -> tuple[Decimal, Decimal]:
    """Student and Postgraduate Loan deductions in the year, whole pounds, an earlier payroll's included."""
    carried = [r.earlier_payroll for r in year if r.earlier_payroll is not None]
    return (round_down(sum((r.student_loan for r in year), ZERO) + sum((c.student_loan for c in carried), ZERO), POUND),
            round_down(sum((r.postgraduate_loan for r in year), ZERO)
                       + sum((c.postgraduate_loan for c in carried), ZERO), POUND))


@dataclass(frozen=True)
class P45:
    tax_year: str
    employer: EmployerDetails
    pa: PADetails
    leaving_date: date
    tax_code: str                    # box 6, without the week 1 / month 1 mark
    week1_month1: bool
    frequency: str                   # "monthly": box 7 is a month number; otherwise a week number
    last_period: int
    pay_to_date: Decimal             # box 7: with the previous employment's P45 pay where it was used
    tax_to_date: Decimal
    this_employment_pay: Decimal     # box 8
    this_employment_tax: Decimal
    student_loan_continues: bool     # box 5
    postgraduate_loan_continues: bool
    last_pay_date: date

    @property
    def period_word(self) -> str:
        return "Month" if self.frequency == PayFrequency.MONTHLY.value else "Week"


def p45_for(records: Iterable[PayRecord]) -> P45:
    """The P45 for one PA from their pay records: the last must be the pay run that paid them as a
    leaver; the tax year is that record's."""
    mine = sorted(records, key=lambda r: r.pay_date)
    if not mine:
        raise YearEndError("P45_NO_PAY_RECORDS")
    last = mine[-1]
    leaving = last.pa_details.leaving_date
    if leaving is None or LEAVER not in last.flags:
        raise YearEndError("P45_LAST_PAY_NOT_FINALISED")
    year = _of_year(mine, last.tax_year)
    code, non_cumulative = _tax_code_parts(last.tax_code)
    pay, tax = last.year_to_date.taxable_pay, last.year_to_date.tax
    with_previous = not non_cumulative
    this_pay, this_tax = _this_employment(year)
    return P45(
        tax_year=last.tax_year, employer=last.employer, pa=last.pa_details, leaving_date=leaving, tax_code=code,
        week1_month1=non_cumulative, frequency=last.frequency, last_period=last.period,
        pay_to_date=pay + (last.previous_employment_pay if with_previous else ZERO),
        tax_to_date=tax + (last.previous_employment_tax if with_previous else ZERO),
        this_employment_pay=this_pay,
        this_employment_tax=this_tax,
        student_loan_continues=bool(last.pa_details.student_loan_plan),
        postgraduate_loan_continues=last.pa_details.postgraduate_loan,
        last_pay_date=last.pay_date,
    )


@dataclass(frozen=True)
class P60:
    tax_year: str
    employer: EmployerDetails
    pa: PADetails
    previous_pay: Decimal
    previous_tax: Decimal
    pay: Decimal                     # this employment: taxable pay
    tax: Decimal
    final_tax_code: str
    ni: tuple[NILetterTotals, ...]
    student_loan: Decimal            # whole pounds, as the P60 shows them
    postgraduate_loan: Decimal
    ssp: Decimal
    # Statutory maternity, paternity, adoption, shared parental and bereavement pay in the pay above,
    # by kind (family_pay.KINDS order), only those paid: the P60's "statutory payments" section.
    family_pay: tuple[tuple[str, Decimal], ...] = ()

    @property
    def total_pay(self) -> Decimal:
        return self.previous_pay + self.pay

    @property
    def total_tax(self) -> Decimal:
        return self.previous_tax + self.tax


def employed_at_year_end(record: PayRecord) -> bool:
    leaving = record.pa_details.leaving_date
    return leaving is None or leaving >= tax_year_end(record.tax_year)


def p60_for(records: Iterable[PayRecord], tax_year: str) -> P60:
    """One PA's P60 for a tax year from their pay records in it."""
    year = _of_year(records, tax_year)
    if not year:
        raise YearEndError("P60_NO_PAY_RECORDS", tax_year)
    last = year[-1]
    if not employed_at_year_end(last):
        raise YearEndError("P60_LEFT_BEFORE_YEAR_END", tax_year)
    pay, tax = _this_employment(year)
    student_loan, postgraduate_loan = _loans(year)
    return P60(
        tax_year=tax_year, employer=last.employer, pa=last.pa_details,
        previous_pay=last.previous_employment_pay, previous_tax=last.previous_employment_tax,
        pay=pay, tax=tax, final_tax_code=last.tax_code, ni=ni_by_letter(year),
        student_loan=student_loan, postgraduate_loan=postgraduate_loan,
        ssp=sum((r.ssp for r in year), ZERO),
        family_pay=_family_pay(year),
    )


def _family_pay(year: list[PayRecord]) -> tuple[tuple[str, Decimal], ...]:
    totals = {kind: sum((line.amount for r in year for line in r.lines if line.code == kind), ZERO) for kind in KINDS}
    return tuple((kind, amount) for kind, amount in totals.items() if amount)


def p60_reminder_window(tax_year: str) -> tuple[date, date]:
    """From the first day after the tax year to 31 May: when the P60s are to be given."""
    return tax_year_end(tax_year) + timedelta(days=1), p60_due(tax_year)
