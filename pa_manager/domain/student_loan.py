"""Student Loan and Postgraduate Loan deductions for one pay period.

HMRC's rules (Collection of Student Loans Manual), each step here named for its source:
- The earnings are the gross pay used for the employer's secondary Class 1 NI, not taxable pay
  (CSLM16030): a pension contribution under a net pay arrangement does not reduce them.
- Each pay period stands alone (non-cumulative): its threshold is the pro-rata share of the yearly
  one (CSLM16030). Weekly: yearly / 52; monthly: yearly / 12; each rounded down to the penny (GOV.UK
  gives the Postgraduate Loan's as £403.84 a week: 21,000 / 52 = 403.846...).
- A pay period made up of several weeks (fortnightly, four-weekly) is worked a week at a time: the
  earnings are shared equally between the weeks, the deduction for one week is found, and multiplied
  by the number of weeks (CSLM17065).
- Each deduction is rounded down to the whole pound (CSLM17065 step 5; CSLM18025).
- A borrower can repay a student loan plan and a Postgraduate Loan at once: each is worked out on the
  same earnings against its own threshold and rate.
- Someone with more than one plan (a Plan 1 and a Plan 2 loan, say) repays at the lowest of their
  plans' thresholds until HMRC's start notice says otherwise; the employer records that plan.

Plans are "1", "2", "4" and "5". Yearly thresholds and rates are data (data/rates/student_loans.toml).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pa_manager.domain.money import POUND, ZERO, round_down
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.rates import dec, group, value
from pa_manager.domain.tax_year import confirmed_year_start

PLANS = ("1", "2", "4", "5")

# Deduction codes (payroll.DeductionLine.code), as HMRC's forms and the FPS name them apart.
STUDENT_LOAN = "STUDENT_LOAN"
POSTGRADUATE_LOAN = "POSTGRADUATE_LOAN"

# Payslip flag: the PA's plan is not collected through payroll in this tax year (Plan 5 before April 2026).
STUDENT_LOAN_PLAN_NOT_COLLECTED = "STUDENT_LOAN_PLAN_NOT_COLLECTED"


class StudentLoanError(ValueError):
    """A plan that is not one of HMRC's; `.code` says so."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


def normalise_plan(plan: str | None) -> str | None:
    """"2", "plan 2", "Plan2" -> "2"; "" or None -> None (no student loan)."""
    if plan is None:
        return None
    text = str(plan).strip().lower().replace("plan", "").replace("_", "").strip()
    if not text:
        return None
    if text not in PLANS:
        raise StudentLoanError("STUDENT_LOAN_PLAN_UNKNOWN", str(plan))
    return text


@dataclass(frozen=True)
class LoanYear:
    """One tax year's yearly thresholds (by plan, and the Postgraduate Loan's) and rates."""

    tax_year: str
    plans: dict[str, Decimal]       # "1" -> 26900; a plan not collected that year is missing
    postgraduate: Decimal
    rate: Decimal
    postgraduate_rate: Decimal
    provisional: bool


def loan_year(tax_year: str) -> LoanYear:
    start = confirmed_year_start("student_loans", tax_year)
    thresholds = group("student_loans", "thresholds", start)
    plans = {key.removeprefix("plan_"): dec(amount) for key, amount in thresholds.values.items()
             if key.startswith("plan_")}
    return LoanYear(tax_year, plans, dec(thresholds["postgraduate"]), dec(value("student_loans", "rate", start)),
                    dec(value("student_loans", "postgraduate_rate", start)), thresholds.provisional)


def period_threshold(yearly: Decimal, frequency: PayFrequency) -> Decimal:
    """The threshold for one week (weekly, fortnightly and four-weekly pay, which are worked a week at a
    time) or one month: the yearly threshold / 52 or / 12, rounded down to the penny."""
    frequency = PayFrequency(frequency)
    return round_down(yearly / (12 if frequency is PayFrequency.MONTHLY else 52))


def loan_deduction(earnings: Decimal, yearly_threshold: Decimal, rate: Decimal, frequency: PayFrequency) -> Decimal:
    """One loan's deduction for a pay period of the frequency, in whole pounds."""
    frequency = PayFrequency(frequency)
    if frequency is PayFrequency.MONTHLY:
        return deduction_over(earnings, 1, period_threshold(yearly_threshold, frequency), rate)
    return deduction_over(earnings, frequency.weeks, period_threshold(yearly_threshold, frequency), rate)


def deduction_over(earnings: Decimal, units: int, threshold: Decimal, rate: Decimal) -> Decimal:
    """The deduction for a period of `units` weeks (or months) against one week's (or month's)
    threshold: the earnings shared equally between them, one unit's deduction rounded down to the
    pound, times the units (CSLM17065)."""
    each = earnings / units
    if each <= threshold:
        return ZERO
    one = round_down((each - threshold) * rate, POUND)
    return (one * units).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class LoanDeductions:
    plan: str | None                 # the plan deducted for (None: none)
    student_loan: Decimal
    postgraduate: bool
    postgraduate_loan: Decimal
    student_loan_threshold: Decimal | None    # a week's or a month's, as used
    postgraduate_threshold: Decimal | None
    codes: tuple[str, ...] = ()

    @property
    def total(self) -> Decimal:
        return self.student_loan + self.postgraduate_loan


def loan_deductions(*, tax_year: str, frequency: PayFrequency, earnings: Decimal, plan: str | None,
                    postgraduate: bool) -> LoanDeductions:
    """Student Loan (one plan) and Postgraduate Loan deductions for one period's NI-able earnings."""
    frequency = PayFrequency(frequency)
    plan = normalise_plan(plan)
    if plan is None and not postgraduate:
        return LoanDeductions(None, ZERO, False, ZERO, None, None)
    year = loan_year(tax_year)
    codes: list[str] = []
    student, student_threshold = ZERO, None
    if plan is not None:
        yearly = year.plans.get(plan)
        if yearly is None:
            codes.append(STUDENT_LOAN_PLAN_NOT_COLLECTED)
        else:
            student_threshold = period_threshold(yearly, frequency)
            student = loan_deduction(earnings, yearly, year.rate, frequency)
    pg, pg_threshold = ZERO, None
    if postgraduate:
        pg_threshold = period_threshold(year.postgraduate, frequency)
        pg = loan_deduction(earnings, year.postgraduate, year.postgraduate_rate, frequency)
    return LoanDeductions(plan, student, postgraduate, pg, student_threshold, pg_threshold, tuple(codes))
