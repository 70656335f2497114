"""Class 1 National Insurance for one pay period (exact percentage method), and the Employment
Allowance that care and support employers can claim. Rates come from
data/rates/national_insurance.toml.

NI for employees who are not directors looks only at this period's earnings, against the
thresholds HMRC publishes for the pay frequency (HMRC "National Insurance guidance for software
developers"). PA employers have no directors, so there is no annual-earnings-period method here.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_DOWN, Decimal

from pa_manager.domain.money import PENNY, ZERO
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain import rates as rates_data
from pa_manager.domain.rates import dec
from pa_manager.domain.tax_year import confirmed_year_start

TOPIC = "national_insurance"
CATEGORIES = ("A", "B", "C", "H", "J", "M", "Z")
_MILLS = Decimal("0.001")


class NIError(ValueError):
    """Input the NI calculation cannot accept; `.code` says which."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


@dataclass(frozen=True)
class Thresholds:
    lel: Decimal
    pt: Decimal
    st: Decimal
    uel: Decimal
    ust: Decimal
    aust: Decimal


@dataclass(frozen=True)
class CategoryRates:
    employee: Decimal             # above the primary threshold up to the UEL
    employee_above_uel: Decimal
    employer: Decimal
    employer_from: str            # "st", "ust" or "aust": the threshold the employer pays above


@dataclass(frozen=True)
class NIResult:
    category: str
    employee: Decimal
    employer: Decimal
    earnings_at_lel: Decimal      # the LEL itself once earnings reach it (counts for benefits)
    earnings_lel_to_pt: Decimal
    earnings_pt_to_uel: Decimal
    earnings_above_uel: Decimal

    @property
    def total(self) -> Decimal:
        return self.employee + self.employer


@dataclass(frozen=True)
class AllowanceClaim:
    claimed: Decimal              # Employment Allowance set against this period's employer NI
    payable: Decimal              # employer NI still to pay HMRC for the period
    remaining: Decimal            # allowance left for the rest of the tax year


def ni_round(amount: Decimal) -> Decimal:
    """HMRC's NI rounding: look only at the third decimal place; 5 or less rounds down, 6 or more
    up (0.0056 -> 0.00, 0.0064 -> 0.01, 26.825 -> 26.82). Applied to each band's amount alone."""
    return amount.quantize(_MILLS, rounding=ROUND_DOWN).quantize(PENNY, rounding=ROUND_HALF_DOWN)


def thresholds(tax_year: str, frequency: PayFrequency) -> Thresholds:
    """HMRC's per-period thresholds for the frequency (not multiples of the weekly ones)."""
    start = confirmed_year_start(TOPIC, tax_year)
    row = rates_data.group(TOPIC, f"thresholds.{frequency.value}", start)
    return Thresholds(**{name: dec(row[name]) for name in ("lel", "pt", "st", "uel", "ust", "aust")})


def category_rates(tax_year: str, category: str) -> CategoryRates:
    letter = (category or "").strip().upper()
    start = confirmed_year_start(TOPIC, tax_year)
    if letter not in CATEGORIES or not rates_data.names(TOPIC, f"categories.{letter}"):
        raise NIError("NI_CATEGORY_UNKNOWN", f"NI category {category!r} is not one a PA employer uses")
    row = rates_data.group(TOPIC, f"categories.{letter}", start)
    return CategoryRates(
        employee=dec(row["employee"]),
        employee_above_uel=dec(row["employee_above_uel"]),
        employer=dec(rates_data.value(TOPIC, "employer_rate", start)),
        employer_from=row["employer_from"],
    )


def _slice(pay: Decimal, low: Decimal, high: Decimal | None) -> Decimal:
    """The part of pay above low and up to high (no top when high is None)."""
    top = pay if high is None else min(pay, high)
    return max(top - low, ZERO)


def calculate_ni(*, tax_year: str, frequency: PayFrequency, gross_pay: Decimal, category: str) -> NIResult:
    """Employee and employer Class 1 NI on one period's NI-able pay."""
    rates = category_rates(tax_year, category)
    limits = thresholds(tax_year, frequency)
    if gross_pay < 0:
        raise NIError("NEGATIVE_PAY", "NI-able pay cannot be negative")
    pay = gross_pay
    # Employee: main rate from PT to UEL, the additional rate above; each part rounded on its own.
    main = _slice(pay, limits.pt, limits.uel)
    above = _slice(pay, limits.uel, None)
    employee = ni_round(main * rates.employee) + ni_round(above * rates.employee_above_uel)
    # Employer: the secondary rate above ST, or above UST / AUST for under-21s and apprentices.
    employer_from = getattr(limits, rates.employer_from)
    employer = ni_round(_slice(pay, employer_from, None) * rates.employer)
    return NIResult(
        category=category.strip().upper(),
        employee=employee,
        employer=employer,
        earnings_at_lel=limits.lel if pay >= limits.lel else ZERO,
        earnings_lel_to_pt=_slice(pay, limits.lel, limits.pt),
        earnings_pt_to_uel=main,
        earnings_above_uel=above,
    )


def employment_allowance(tax_year: str) -> Decimal:
    """The year's Employment Allowance (care and support employers qualify: NIM06520)."""
    return dec(rates_data.value(TOPIC, "employment_allowance", confirmed_year_start(TOPIC, tax_year)))


def claim_employment_allowance(
    *, employer_ni_due: Decimal, allowance_used: Decimal, annual_allowance: Decimal
) -> AllowanceClaim:
    """Set the allowance against employer NI due to HMRC for a period until the year's allowance is
    used up. It reduces the payment to HMRC, not any PA's employer NI figure."""
    if employer_ni_due < 0 or allowance_used < 0:
        raise NIError("NEGATIVE_AMOUNT", "employer NI and allowance used cannot be negative")
    left = max(annual_allowance - allowance_used, ZERO)
    claimed = min(employer_ni_due, left)
    return AllowanceClaim(claimed=claimed, payable=employer_ni_due - claimed, remaining=left - claimed)
