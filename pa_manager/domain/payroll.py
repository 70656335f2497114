"""One pay period for one PA, worked out to a Payslip; and what payslips add up to for HMRC and the year.

The steps, each using the module that owns its rule:

1. Work. work_pay.work_pay costs the shifts into lines, the same way the hours totals and the
   timesheet count them: basic pay grouped by (shift type, basic rate), as ERA 1996 s.8(2)(e) asks
   for the total hours paid where pay varies with time worked, each line rate x its minutes / 60
   rounded half up once; premiums (weekend, bank holiday) per type; sleep-in allowances per amount.
2. Leave and sickness. Holiday taken: hours x the hourly holiday rate, half up (as
   holiday.AverageHolidayPay.pay_for_hours). Rolled-up holiday pay: 12.07% of the pay for work done,
   its own line (WTR reg 16A). SSP: sick_pay.ssp_for_period, a line per weekly rate; with the
   employer's own sick pay scheme, what it pays above SSP (occupational_sick_pay.scheme_pay), a line
   for the full-pay days and one for the half-pay days. A leaver's
   holiday owed: hours x rate, half up (as holiday.holiday_on_leaving).
   Statutory family pay (SMP, SPP, SAP, ShPP, SPBP; domain.family_pay) comes worked out, a line per
   kind and weekly rate (rate weekly, quantity days, relates_to the qualifying week); it is earnings
   for tax and NI like any other line. One-off payments (bonus, back pay, minimum-wage arrears) are
   lines of their own after these.
3. Gross pay is all the lines. Pension: assessed on gross pay (Pensions Act 2008 s.13 earnings include
   holiday pay and SSP); contributions on qualifying earnings for a contributing member.
4. Tax on gross less a net-pay-arrangement pension contribution, cumulatively on this employment's
   figures to date plus a starter's P45 pay and tax (paye.calculate_tax; W1/M1 when the code says).
5. NI on gross pay: a pension contribution does not reduce NI-able pay. The Employment Allowance is
   set against this period's employer NI and shown as an employer figure only.
6. Student Loan and Postgraduate Loan deductions on the NI-able pay (student_loan.loan_deductions),
   each rounded down to the pound.
7. Attachment of earnings orders on the pay left after tax, NI and pension (attachment_of_earnings),
   oldest order first, each with the employer's fee when taken.
8. Net pay = gross - tax - employee NI - employee pension - loans - court orders - other deductions
   + additions.
9. The minimum wage check for the period: basic pay for the hours that count (time worked, travel,
   time awake on a sleep-in) against those hours; premiums, sleep-in allowances, holiday pay, SSP and
   expenses left out, with their hours (minimum_wage.minimum_wage_pay).

Results are codes and figures; the words are the screens' and the payslip report's business.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Hashable, Iterable

from pa_manager.domain import attachment_of_earnings as aeo
from pa_manager.domain import holiday, minimum_wage, occupational_sick_pay, pension
from pa_manager.domain.money import ZERO, round_half_up
from pa_manager.domain.national_insurance import (
    NIResult,
    calculate_ni,
    claim_employment_allowance,
    employment_allowance,
)
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pay_period import (  # noqa: F401  (re-exported: the payroll API in one place)
    Addition,
    FamilyPayment,
    OneOffPayment,
    OtherDeduction,
    PayPeriodInput,
    PayrollError,
    YearToDate,
    pay_reference_period,
)
from pa_manager.domain.paye import (
    EXTRA_WEEK_PAYDAY,
    REFUND,
    REGULATORY_LIMIT_APPLIED,
    WEEK1_BASIS,
    TaxResult,
    calculate_tax,
)
from pa_manager.domain.sick_pay import SickPayResult, ssp_for_period
from pa_manager.domain.student_loan import (
    POSTGRADUATE_LOAN,
    STUDENT_LOAN,
    LoanDeductions,
    StudentLoanError,
    loan_deductions,
)
from pa_manager.domain.shifts import ShiftType, awake_minutes, minutes_to_hours, paid_minutes
from pa_manager.domain.tax_code import parse_tax_code
from pa_manager.domain.tax_year import hmrc_payment_due, tax_month, tax_month_end, tax_year_label
from pa_manager.domain.work_pay import BASIC, PREMIUM, SLEEP_IN_ALLOWANCE, work_pay  # noqa: F401 (line codes)

# Pay line codes.
HOLIDAY = "HOLIDAY"                        # holiday taken: hours x holiday rate
ROLLED_UP_HOLIDAY = "ROLLED_UP_HOLIDAY"    # 12.07% of pay for work done (rate holds the 0.1207)
SSP = "SSP"                                # days at one weekly rate (rate is weekly, quantity days)
OSP = "OSP"                                # the employer's sick pay scheme above SSP: description FULL
                                           # or HALF, quantity days, rate the scheme's pay for a day
HOLIDAY_ON_LEAVING = "HOLIDAY_ON_LEAVING"  # holiday owed on leaving: hours x rate

# Deduction codes.
INCOME_TAX = "INCOME_TAX"
EMPLOYEE_NI = "EMPLOYEE_NI"
PENSION = "PENSION"
OTHER = "OTHER"

# Payslip flags (SSP_* codes from sick_pay pass through as they are).
K_CODE_LIMIT = "K_CODE_LIMIT"                    # the 50% regulatory limit held tax back
TAX_WEEK1_BASIS = "TAX_WEEK1_BASIS"
TAX_EXTRA_WEEK_PAYDAY = "TAX_EXTRA_WEEK_PAYDAY"
TAX_REFUND = "TAX_REFUND"
PENSION_ENROL_NOW = "PENSION_ENROL_NOW"          # eligible jobholder who is not a member
MINIMUM_WAGE_SHORTFALL = "MINIMUM_WAGE_SHORTFALL"
MINIMUM_WAGE_OVERRIDDEN = "MINIMUM_WAGE_OVERRIDDEN"  # a shortfall with a recorded reason
MINIMUM_WAGE_NOT_COVERED = "MINIMUM_WAGE_NOT_COVERED"  # under school-leaving age
EMPLOYMENT_ALLOWANCE_USED_UP = "EMPLOYMENT_ALLOWANCE_USED_UP"
NET_PAY_NEGATIVE = "NET_PAY_NEGATIVE"
LEAVER = "LEAVER"
_TAX_FLAGS = {REGULATORY_LIMIT_APPLIED: K_CODE_LIMIT, WEEK1_BASIS: TAX_WEEK1_BASIS,
              EXTRA_WEEK_PAYDAY: TAX_EXTRA_WEEK_PAYDAY, REFUND: TAX_REFUND}



@dataclass(frozen=True)
class PayLine:
    """One line of pay. `hours` and `rate` (per hour) for time-paid lines; for SSP and statutory family
    pay `rate` is the weekly rate and `quantity` the days (family pay's `relates_to` is the first day of
    its qualifying week); for a sleep-in allowance `rate` is per night and `quantity`
    the nights; a one-off payment has its `description` and the pay day it `relates_to`. Hours are
    exact (from whole minutes): round them only to show them."""

    code: str
    amount: Decimal
    shift_type: ShiftType | None = None
    hours: Decimal | None = None
    rate: Decimal | None = None
    quantity: int | None = None
    description: str = ""
    relates_to: date | None = None


@dataclass(frozen=True)
class DeductionLine:
    code: str                 # INCOME_TAX (negative for a refund), EMPLOYEE_NI, PENSION, STUDENT_LOAN,
                              # POSTGRADUATE_LOAN, OTHER or OVERPAYMENT
    amount: Decimal
    description: str = ""     # OTHER: as the user wrote it; STUDENT_LOAN: the plan ("2")
    purpose: str = ""         # OTHER: its purpose; PENSION: the scheme's tax relief method


@dataclass(frozen=True)
class Payslip:
    pa: Hashable
    tax_year: str
    frequency: PayFrequency
    period: int
    pay_date: date
    period_start: date
    period_end: date
    tax_code: str                     # normalised ("1257L M1")
    ni_category: str
    lines: tuple[PayLine, ...]
    gross_pay: Decimal                # all lines; NI-able pay and pension earnings
    taxable_pay: Decimal              # gross less a net-pay-arrangement pension contribution
    tax: Decimal
    employee_ni: Decimal
    employer_ni: Decimal
    employment_allowance_claimed: Decimal
    employee_pension: Decimal         # deducted from pay
    employer_pension: Decimal
    ssp: Decimal
    deductions: tuple[DeductionLine, ...]
    additions: tuple[Addition, ...]
    net_pay: Decimal
    employer_cost: Decimal            # gross + employer NI + employer pension (before the allowance)
    hours_worked: Decimal             # working time (every shift less breaks, sleep-ins whole): what
                                      # holiday accrues on, and what average holiday pay is per hour of
    holiday_hours_accrued: Decimal    # this period (irregular hours), exact
    holiday_hours_taken: Decimal
    holiday: holiday.HolidayPosition | None  # the leave year so far (None: no leave year given)
    minimum_wage: minimum_wage.MinimumWageResult | None   # None: no counted hours, or not covered
    minimum_wage_ok: bool             # the law is met; an override reason does not change it
    minimum_wage_override_reason: str
    previous_employment_pay: Decimal  # a starter's P45 figures, as used for PAYE
    previous_employment_tax: Decimal
    year_to_date: YearToDate          # this employment, this period included
    flags: tuple[str, ...]
    tax_result: TaxResult
    ni_result: NIResult
    pension_assessment: pension.Assessment
    pension_contributions: pension.PensionContributions | None
    sick_pay: SickPayResult | None
    loans: LoanDeductions | None = None   # None: no student or postgraduate loan

    def __post_init__(self) -> None:
        # The payslip must add up exactly, or it is not issued.
        if self.gross_pay != sum((line.amount for line in self.lines), ZERO):
            raise AssertionError("gross pay is not the sum of the pay lines")
        if self.net_pay != self.gross_pay - self.total_deductions + self.total_additions:
            raise AssertionError("net pay is not gross - deductions + additions")

    @property
    def total_deductions(self) -> Decimal:
        return sum((d.amount for d in self.deductions), ZERO)

    @property
    def total_additions(self) -> Decimal:
        return sum((a.amount for a in self.additions), ZERO)

    @property
    def student_loan(self) -> Decimal:
        return self.loans.student_loan if self.loans else ZERO

    @property
    def postgraduate_loan(self) -> Decimal:
        return self.loans.postgraduate_loan if self.loans else ZERO

    @property
    def employer_cost_after_allowance(self) -> Decimal:
        return self.employer_cost - self.employment_allowance_claimed

    @property
    def hours_paid(self) -> Decimal:
        """Total hours paid by the hour (s.8(2)(e)): basic, holiday and holiday-owed lines."""
        return sum((line.hours for line in self.lines if line.hours is not None), Decimal(0))


# ---------------------------------------------------------------------------------------------
# Work: shifts to pay lines and minimum-wage figures
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Work:
    lines: tuple[PayLine, ...]
    premiums: Decimal
    allowances: Decimal
    nmw_basic: Decimal
    nmw_hours: minimum_wage.Hours
    minutes_worked: int               # working time for holiday accrual: every shift less breaks


def _work(inp: PayPeriodInput) -> _Work:
    pay = work_pay(inp.shifts, inp.pay_rates, inp.enhancements, inp.is_bank_holiday,
                   sleep_in_allowances=inp.sleep_in_allowances)
    counted: dict[tuple[ShiftType, Decimal], int] = defaultdict(int)   # minutes counted for the NMW
    by_kind: Counter[str] = Counter()   # minutes by minimum_wage.Hours field
    minutes_worked = 0
    for item in pay.shifts:
        shift, cost = item.shift, item.pay
        assert cost is not None   # work_pay raises PayRateError for a shift it cannot cost
        key = (shift.shift_type, cost.basic_rate)
        length = paid_minutes(shift)
        minutes_worked += length
        if shift.shift_type is ShiftType.SLEEP_IN:
            # Only time awake for the purposes of working counts (NMW Regs reg 32(2)).
            awake = awake_minutes(shift)
            counted[key] += awake
            by_kind["sleep_in_awake"] += awake
            by_kind["sleep_in_asleep"] += max(length - awake, 0)
        else:
            counted[key] += cost.paid_minutes
            # Travel between assignments counts (reg 34); standard, waking night, training and
            # shadowing are time work.
            by_kind["travel" if shift.shift_type is ShiftType.TRAVEL else "worked"] += cost.paid_minutes

    return _Work(
        lines=tuple(PayLine(line.code, line.amount, line.shift_type, line.hours, line.rate, line.quantity)
                    for line in pay.lines),
        premiums=pay.premiums,
        allowances=pay.allowances,
        nmw_basic=sum((round_half_up(rate * minutes / 60) for (_, rate), minutes in counted.items()), ZERO),
        nmw_hours=minimum_wage.Hours(**{name: minutes_to_hours(m) for name, m in by_kind.items()}),
        minutes_worked=minutes_worked,
    )


def _accrued(inp: PayPeriodInput, work: _Work) -> Decimal:
    """Irregular hours (WTR reg 15B): 12.07% of the hours worked in the period, within the 28-day cap."""
    if not (inp.irregular_hours and holiday.accrual_method_applies(inp.leave_year_start)):
        return ZERO
    return holiday.irregular_hours_accrual(minutes_to_hours(work.minutes_worked), inp.leave_year_start,
                                           accrued_so_far=inp.holiday_accrued_in_leave_year,
                                           cap_hours=inp.holiday_cap_hours)


def _holiday_basis(inp: PayPeriodInput) -> str:
    if inp.rolled_up_holiday:
        return holiday.ROLLED_UP
    return holiday.IRREGULAR_HOURS if inp.irregular_hours else holiday.FIXED_HOURS


def _holiday_owed(inp: PayPeriodInput, accrued: Decimal) -> holiday.HolidayOnLeaving | None:
    """A leaver's holiday earned and not taken (reg 14), this period's leave and accrual included.
    Rolled-up holiday pay has been paid with each pay already."""
    basis = _holiday_basis(inp)
    if not inp.leaver or basis == holiday.ROLLED_UP:
        return None
    earned = (inp.holiday_accrued_in_leave_year + accrued if basis == holiday.IRREGULAR_HOURS
              else inp.holiday_entitlement_hours)
    if earned is None:
        return None
    taken = inp.holiday_taken_in_leave_year + inp.holiday_hours_taken
    return holiday.holiday_on_leaving(holiday.HolidayBalance(earned, taken), inp.holiday_owed_rate)


def _holiday_position(inp: PayPeriodInput, accrued: Decimal, paid_off: Decimal) -> holiday.HolidayPosition | None:
    if inp.leave_year_start is None:
        return None
    basis = _holiday_basis(inp)
    return holiday.holiday_position(
        inp.leave_year_start, basis, inp.holiday_taken_in_leave_year + inp.holiday_hours_taken,
        entitlement=inp.holiday_entitlement_hours if basis == holiday.FIXED_HOURS else None,
        earned=inp.holiday_accrued_in_leave_year + accrued if basis == holiday.IRREGULAR_HOURS else None,
        paid_on_leaving=paid_off)


def _leave_and_sickness(inp: PayPeriodInput, pay_for_work: Decimal,
                        owed: holiday.HolidayOnLeaving | None) -> tuple[list[PayLine], SickPayResult | None]:
    lines: list[PayLine] = []
    if inp.holiday_hours_taken and inp.holiday_pay_rate:
        lines.append(PayLine(HOLIDAY, round_half_up(inp.holiday_hours_taken * inp.holiday_pay_rate),
                             hours=inp.holiday_hours_taken, rate=inp.holiday_pay_rate))
    if inp.rolled_up_holiday and pay_for_work:
        if not holiday.accrual_method_applies(inp.leave_year_start):
            raise PayrollError("ROLLED_UP_HOLIDAY_LEAVE_YEAR_TOO_EARLY")   # leave years from 1 April 2024
        lines.append(PayLine(ROLLED_UP_HOLIDAY, holiday.rolled_up_holiday_pay(pay_for_work, inp.leave_year_start),
                             rate=holiday.irregular_hours_rates(inp.leave_year_start).rolled_up_rate))
    sick = None
    if inp.sickness_days:
        sick = ssp_for_period(inp.sickness_days, inp.qualifying_weekdays, inp.average_weekly_earnings,
                              inp.period_start, inp.period_end, inp.sickness_history)
        lines += [PayLine(SSP, line.amount, rate=line.weekly_rate, quantity=line.days) for line in sick.lines]
        if inp.sick_pay_scheme is not None:
            scheme = occupational_sick_pay.scheme_pay(
                inp.sickness_days, inp.sickness_history, inp.qualifying_weekdays, inp.sick_pay_scheme,
                inp.employed_from, inp.scheme_week_pay, inp.period_start, inp.period_end,
                occupational_sick_pay.ssp_by_day(sick, inp.qualifying_weekdays))
            lines += [PayLine(OSP, line.amount, rate=line.day_rate, quantity=line.days, description=line.kind)
                      for line in scheme.lines]
    if owed is not None and owed.hours > 0:
        lines.append(PayLine(HOLIDAY_ON_LEAVING, owed.amount, hours=owed.hours, rate=inp.holiday_owed_rate))
    return lines, sick


def _minimum_wage(inp: PayPeriodInput, work: _Work) -> minimum_wage.MinimumWageResult | None:
    if work.nmw_hours.counted == 0:
        return None
    check = minimum_wage.PayPeriodForCheck(
        period_start=inp.period_start, period_end=inp.period_end, hours=work.nmw_hours,
        basic_pay=work.nmw_basic, date_of_birth=inp.date_of_birth, apprentice=inp.apprentice,
        apprenticeship_start=inp.apprenticeship_start, premiums=work.premiums,
        sleep_in_allowance=work.allowances, expenses=sum((a.amount for a in inp.additions), ZERO),
        deductions_for_employer=sum((d.amount for d in inp.deductions if d.for_employer), ZERO),
    )
    return minimum_wage.check_period(check)


def _pension(inp: PayPeriodInput, gross: Decimal) -> tuple[pension.Assessment, pension.PensionContributions | None]:
    assessment = pension.assess(inp.date_of_birth, gross, inp.frequency, inp.pay_date)
    member = inp.pension_membership
    active = (member is not None and member.contributing
              and (member.active_from is None or member.active_from <= inp.period_end))
    if not active:
        return assessment, None
    assert inp.pension_scheme is not None and member is not None
    return assessment, pension.contributions(assessment.qualifying_earnings, inp.pension_scheme, inp.pay_date,
                                             employer_must_contribute=member.employer_must_contribute)


# ---------------------------------------------------------------------------------------------
# The payslip
# ---------------------------------------------------------------------------------------------

def calculate_payslip(inp: PayPeriodInput) -> Payslip:
    """Every figure on one PA's payslip for one period (see the module docstring for the steps)."""
    flags: set[str] = set()
    work = _work(inp)
    pay_for_work = sum((line.amount for line in work.lines), ZERO)
    accrued = _accrued(inp, work)
    owed = _holiday_owed(inp, accrued)
    if owed is not None:
        flags.update(owed.codes)
    extra, sick = _leave_and_sickness(inp, pay_for_work, owed)
    one_off = tuple(PayLine(p.code, p.amount, description=p.description, relates_to=p.relates_to)
                    for p in inp.one_off_payments)
    family = tuple(PayLine(f.kind, f.amount, rate=f.weekly_rate, quantity=f.days, relates_to=f.qualifying_week)
                   for f in inp.family_pay)
    lines = work.lines + tuple(extra) + family + one_off
    gross = sum((line.amount for line in lines), ZERO)
    ssp = sum((line.amount for line in lines if line.code == SSP), ZERO)

    assessment, contributions = _pension(inp, gross)
    member = inp.pension_membership
    if assessment.must_enrol and (member is None or member.status is pension.MembershipStatus.NOT_MEMBER):
        flags.add(PENSION_ENROL_NOW)
    employee_pension = contributions.employee_deducted if contributions else ZERO
    employer_pension = contributions.employer if contributions else ZERO
    taxable = gross - (employee_pension if contributions and contributions.reduces_taxable_pay else ZERO)

    code = parse_tax_code(inp.tax_code)
    ytd = inp.year_to_date
    tax = calculate_tax(
        tax_year=inp.tax_year, frequency=inp.frequency, period=inp.period, gross_pay=taxable, tax_code=code,
        previous_pay_to_date=ytd.taxable_pay + inp.previous_employment_pay,
        previous_tax_to_date=ytd.tax + inp.previous_employment_tax,
    )
    flags.update(_TAX_FLAGS[f] for f in tax.flags if f in _TAX_FLAGS)

    ni = calculate_ni(tax_year=inp.tax_year, frequency=inp.frequency, gross_pay=gross, category=inp.ni_category)
    allowance = ZERO
    if inp.claims_employment_allowance:
        claim = claim_employment_allowance(employer_ni_due=ni.employer, allowance_used=inp.employment_allowance_used,
                                           annual_allowance=employment_allowance(inp.tax_year))
        allowance = claim.claimed
        if claim.remaining == 0:
            flags.add(EMPLOYMENT_ALLOWANCE_USED_UP)

    loans = None
    if inp.student_loan_plan or inp.postgraduate_loan:
        try:
            loans = loan_deductions(tax_year=inp.tax_year, frequency=inp.frequency, earnings=gross,
                                    plan=inp.student_loan_plan, postgraduate=inp.postgraduate_loan)
        except StudentLoanError as error:
            raise PayrollError(error.code, inp.student_loan_plan or "") from None
        flags.update(loans.codes)

    deductions = [DeductionLine(INCOME_TAX, tax.tax), DeductionLine(EMPLOYEE_NI, ni.employee)]
    if contributions is not None:
        deductions.append(DeductionLine(PENSION, employee_pension, purpose=inp.pension_scheme.tax_relief.value))
    if loans is not None and loans.plan is not None:
        deductions.append(DeductionLine(STUDENT_LOAN, loans.student_loan, description=loans.plan))
    if loans is not None and loans.postgraduate:
        deductions.append(DeductionLine(POSTGRADUATE_LOAN, loans.postgraduate_loan))
    orders = aeo.deductions_on_pay_day(
        inp.earnings_orders, frequency=inp.frequency, pay_date=inp.pay_date,
        attachable=aeo.attachable_earnings(gross, tax.tax, ni.employee, employee_pension))
    for order, taken in orders:
        if taken.deducted:
            deductions.append(DeductionLine(aeo.ATTACHMENT_OF_EARNINGS, taken.deducted, order.reference,
                                            order.issued_by))
        if taken.fee:
            deductions.append(DeductionLine(aeo.ATTACHMENT_FEE, taken.fee, order.reference, order.issued_by))
    orders_total = sum((taken.total for _, taken in orders), ZERO)
    deductions += [DeductionLine(d.code, d.amount, d.description, d.purpose) for d in inp.deductions]
    others = sum((d.amount for d in inp.deductions), ZERO) + orders_total
    added = sum((a.amount for a in inp.additions), ZERO)
    loan_total = loans.total if loans is not None else ZERO
    net = gross - tax.tax - ni.employee - employee_pension - loan_total - others + added
    if net < 0:
        flags.add(NET_PAY_NEGATIVE)

    nmw = None
    try:
        nmw = _minimum_wage(inp, work)
    except minimum_wage.UnderSchoolLeavingAge:
        flags.add(MINIMUM_WAGE_NOT_COVERED)
    nmw_ok = nmw is None or nmw.meets_minimum
    if not nmw_ok:
        flags.add(MINIMUM_WAGE_SHORTFALL)
        if inp.minimum_wage_override_reason.strip():
            flags.add(MINIMUM_WAGE_OVERRIDDEN)

    if inp.leaver:
        flags.add(LEAVER)
    if sick is not None:
        flags.update(sick.codes)

    return Payslip(
        pa=inp.pa, tax_year=inp.tax_year, frequency=inp.frequency, period=inp.period, pay_date=inp.pay_date,
        period_start=inp.period_start, period_end=inp.period_end, tax_code=str(code),
        ni_category=ni.category, lines=lines, gross_pay=gross, taxable_pay=taxable, tax=tax.tax,
        employee_ni=ni.employee, employer_ni=ni.employer, employment_allowance_claimed=allowance,
        employee_pension=employee_pension, employer_pension=employer_pension, ssp=ssp,
        deductions=tuple(deductions), additions=inp.additions, net_pay=net,
        employer_cost=gross + ni.employer + employer_pension,
        hours_worked=minutes_to_hours(work.minutes_worked),
        holiday_hours_accrued=accrued, holiday_hours_taken=inp.holiday_hours_taken,
        holiday=_holiday_position(inp, accrued, owed.hours if owed is not None and owed.hours > 0 else ZERO),
        minimum_wage=nmw, minimum_wage_ok=nmw_ok,
        minimum_wage_override_reason=inp.minimum_wage_override_reason,
        previous_employment_pay=inp.previous_employment_pay, previous_employment_tax=inp.previous_employment_tax,
        year_to_date=YearToDate(
            gross_pay=ytd.gross_pay + gross, taxable_pay=ytd.taxable_pay + taxable, tax=ytd.tax + tax.tax,
            employee_ni=ytd.employee_ni + ni.employee, employer_ni=ytd.employer_ni + ni.employer,
            employee_pension=ytd.employee_pension + employee_pension,
            employer_pension=ytd.employer_pension + employer_pension, ssp=ytd.ssp + ssp,
            student_loan=ytd.student_loan + (loans.student_loan if loans else ZERO),
            postgraduate_loan=ytd.postgraduate_loan + (loans.postgraduate_loan if loans else ZERO),
        ),
        flags=tuple(sorted(flags)), tax_result=tax, ni_result=ni, pension_assessment=assessment,
        pension_contributions=contributions, sick_pay=sick, loans=loans,
    )


# ---------------------------------------------------------------------------------------------
# What to pay HMRC, and the year's totals
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BasicPayeToolsEntry:
    """One payment as entered in HMRC's Basic PAYE Tools (one FPS line per PA per payday)."""

    pa: Hashable
    pay_date: date
    frequency: PayFrequency
    period: int
    tax_code: str
    ni_category: str
    pay: Decimal              # taxable pay this period
    gross_pay: Decimal        # pay for NI this period
    tax: Decimal
    employee_ni: Decimal
    employer_ni: Decimal
    pay_to_date: Decimal      # this employment's taxable pay to date (P45 pay not included)
    tax_to_date: Decimal


@dataclass(frozen=True)
class HMRCSummary:
    tax_year: str
    tax_month: int
    month_ends: date
    pay_by: date              # cleared electronic payment (tax_year.hmrc_payment_due)
    tax: Decimal
    employee_ni: Decimal
    employer_ni: Decimal
    employment_allowance_claimed: Decimal
    amount_due: Decimal       # tax + employee NI + employer NI - allowance; negative: HMRC owes you
    entries: tuple[BasicPayeToolsEntry, ...]


def due_to_hmrc(slip: Payslip) -> Decimal:
    """What one payment adds to the employer's PAYE bill: income tax and both kinds of NI, less the
    Employment Allowance set against it (negative after a tax refund larger than the rest)."""
    return slip.tax + slip.employee_ni + slip.employer_ni - slip.employment_allowance_claimed


def hmrc_summary(payslips: Iterable[Payslip], pay_date: date) -> HMRCSummary:
    """What to pay HMRC for the tax month `pay_date` falls in, from the payslips paid in that month
    (payslips paid in other tax months are left out), and each payment's Basic PAYE Tools figures."""
    month_end = tax_month_end(pay_date)
    chosen = sorted((s for s in payslips if tax_month_end(s.pay_date) == month_end),
                    key=lambda s: (s.pay_date, str(s.pa)))

    def total(name: str) -> Decimal:
        return sum((getattr(s, name) for s in chosen), ZERO)

    tax, employee_ni, employer_ni = total("tax"), total("employee_ni"), total("employer_ni")
    allowance = total("employment_allowance_claimed")
    entries = tuple(BasicPayeToolsEntry(
        pa=s.pa, pay_date=s.pay_date, frequency=s.frequency, period=s.period, tax_code=s.tax_code,
        ni_category=s.ni_category, pay=s.taxable_pay, gross_pay=s.gross_pay, tax=s.tax,
        employee_ni=s.employee_ni, employer_ni=s.employer_ni,
        pay_to_date=s.year_to_date.taxable_pay, tax_to_date=s.year_to_date.tax,
    ) for s in chosen)
    return HMRCSummary(
        tax_year=tax_year_label(pay_date), tax_month=tax_month(pay_date), month_ends=month_end,
        pay_by=hmrc_payment_due(pay_date), tax=tax, employee_ni=employee_ni, employer_ni=employer_ni,
        employment_allowance_claimed=allowance, amount_due=sum((due_to_hmrc(s) for s in chosen), ZERO),
        entries=entries,
    )


@dataclass(frozen=True)
class YearTotals:
    """One PA's figures for a tax year in this employment (P60 'in this employment'), with a
    starter's P45 figures kept apart (P60 'in previous employments')."""

    pa: Hashable
    tax_year: str
    payments: int
    gross_pay: Decimal
    taxable_pay: Decimal
    tax: Decimal
    employee_ni: Decimal
    employer_ni: Decimal
    employee_pension: Decimal
    employer_pension: Decimal
    ssp: Decimal
    employment_allowance_claimed: Decimal
    previous_employment_pay: Decimal
    previous_employment_tax: Decimal
    final_tax_code: str
    student_loan: Decimal = ZERO
    postgraduate_loan: Decimal = ZERO


def year_end_summary(payslips_of_year: Iterable[Payslip]) -> dict[Hashable, YearTotals]:
    """Each PA's totals for one tax year, keyed by the PA; PAs in the order first paid."""
    slips = sorted(payslips_of_year, key=lambda s: s.pay_date)
    years = {s.tax_year for s in slips}
    if len(years) > 1:
        raise PayrollError("MIXED_TAX_YEARS", ", ".join(sorted(years)))
    by_pa: dict[Hashable, list[Payslip]] = {}
    for slip in slips:
        by_pa.setdefault(slip.pa, []).append(slip)

    def totals(pa: Hashable, own: list[Payslip]) -> YearTotals:
        def add(name: str) -> Decimal:
            return sum((getattr(s, name) for s in own), ZERO)
        last = own[-1]
        return YearTotals(
            pa=pa, tax_year=last.tax_year, payments=len(own), gross_pay=add("gross_pay"),
            taxable_pay=add("taxable_pay"), tax=add("tax"), employee_ni=add("employee_ni"),
            employer_ni=add("employer_ni"), employee_pension=add("employee_pension"),
            employer_pension=add("employer_pension"), ssp=add("ssp"),
            employment_allowance_claimed=add("employment_allowance_claimed"),
            previous_employment_pay=last.previous_employment_pay,
            previous_employment_tax=last.previous_employment_tax, final_tax_code=last.tax_code,
            student_loan=add("student_loan"), postgraduate_loan=add("postgraduate_loan"),
        )

    return {pa: totals(pa, own) for pa, own in by_pa.items()}
