"""Income tax (PAYE) for one pay period, worked out as HMRC's "Specification for PAYE Tax Table
Routines" does: cumulative or week 1 / month 1, every code form, Scottish and Welsh rates, and the
50% regulatory limit. Rates come from data/rates/income_tax.toml.

Period numbers: the tax month for monthly pay; for weekly, fortnightly and four-weekly pay the tax
week the payday falls in (see tax_year.period_number), so cumulative free pay for a fortnightly
payday in week 6 is six weeks' worth. HMRC's week 53 / 54 / 56 payday is taxed on a week 1 basis.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pa_manager.domain.money import POUND, ZERO, round_down, round_up
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain import rates as rates_data
from pa_manager.domain.rates import dec, weakest
from pa_manager.domain.tax_code import TaxCode
from pa_manager.domain.tax_year import check_period, confirmed_year_start, is_extra_week

TOPIC = "income_tax"
REGION_BY_PREFIX = {None: "rest_of_uk", "S": "scotland", "C": "wales"}
_FLAT_KINDS = {"BR", "D0", "D1", "SD0", "SD1", "SD2", "SD3"}

# Result flags (codes for the UI to word).
WEEK1_BASIS = "WEEK1_BASIS"                # worked out as a single period, not cumulatively
EXTRA_WEEK_PAYDAY = "EXTRA_WEEK_PAYDAY"    # week 53 / 54 / 56 payday, forced onto a week 1 basis
REGULATORY_LIMIT_APPLIED = "REGULATORY_LIMIT_APPLIED"
REFUND = "REFUND"


class PayeError(ValueError):
    """Input the tax calculation cannot accept; `.code` says which."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


@dataclass(frozen=True)
class Band:
    upto: Decimal | None   # annual top of the band in taxable pay; None for the top band
    rate: Decimal


@dataclass(frozen=True)
class TaxRates:
    tax_year: str
    region: str
    bands: tuple[Band, ...]
    flat_rates: tuple[tuple[str, Decimal], ...]
    evidence: str

    def flat_rate(self, kind: str) -> Decimal:
        for name, rate in self.flat_rates:
            if name == kind:
                return rate
        raise PayeError("TAX_CODE_NOT_FOR_NATION", f"{kind} is not used in {self.region}")


@dataclass(frozen=True)
class TaxResult:
    tax: Decimal                     # deducted this period; negative is a refund
    tax_to_date: Decimal             # deducted so far this year, this period included
    pay_to_date: Decimal             # gross pay for PAYE so far this year (FPS "taxable pay to date")
    taxable_pay_to_date: Decimal     # pay after free pay (or plus additional pay), whole pounds, on the basis used
    free_pay_to_date: Decimal        # allowance given on the basis used (suffix codes)
    additional_pay_to_date: Decimal  # K-code additional pay on the basis used
    tax_due_to_date: Decimal         # tax the tables say is due on the basis used, before the 50% limit
    held_back: Decimal               # tax not taken this period because of the 50% limit (still owed)
    flags: frozenset[str]


def tax_rates(tax_year: str, nation: str | None) -> TaxRates:
    """Bands and flat rates for a tax year and a code's nation prefix."""
    start = confirmed_year_start(TOPIC, tax_year)
    region = REGION_BY_PREFIX[nation]
    schedule = rates_data.figure(TOPIC, f"bands.{region}", start)
    bands = tuple(Band(upto=dec(row["upto"]) if "upto" in row else None, rate=dec(row["rate"])) for row in schedule.value)
    flat = rates_data.group(TOPIC, f"flat_rates.{region}", start)
    evidence = weakest((schedule.evidence, flat.evidence, rates_data.figure(TOPIC, "tax_year", start).evidence))
    return TaxRates(tax_year=tax_year, region=region, bands=bands,
                    flat_rates=tuple((kind, dec(rate)) for kind, rate in flat.values.items()), evidence=evidence)


def regulatory_limit(tax_year: str) -> Decimal:
    """The most tax one period may take, as a share of that period's pay (the "overriding limit")."""
    return dec(rates_data.value(TOPIC, "regulatory_limit", confirmed_year_start(TOPIC, tax_year)))


def periods_in_year(frequency: PayFrequency) -> int:
    """Monthly pay uses the monthly tables (12); the others use the weekly tables (52)."""
    return 12 if frequency is PayFrequency.MONTHLY else 52


def single_period_multiplier(frequency: PayFrequency) -> int:
    """On a week 1 basis fortnightly pay gets two weeks' allowance and bands, four-weekly four."""
    return 1 if frequency is PayFrequency.MONTHLY else frequency.weeks


def pay_adjustment(code_number: int, periods: int) -> Decimal:
    """Free pay (or K-code additional pay) for one period, as Tables A: split n-1 by 500; the
    remainder part (r x 10 + 9) / periods and each 500 (5,000 / periods) are rounded up to the penny."""
    blocks, rest = divmod(code_number - 1, 500)
    remainder_part = round_up(Decimal(rest * 10 + 19) / periods)
    return remainder_part + blocks * round_up(Decimal(5000) / periods)


def tax_on_bands(taxable: Decimal, bands: tuple[Band, ...], k: int, periods: int) -> Decimal:
    """Tax on whole-pound taxable pay to date against band limits scaled by k / periods.
    The band is picked by the limits rounded up to pounds; the tax uses the exact scaled limits
    and is rounded down to the penny (PAYE spec, cumulative tax calculation)."""
    if taxable <= 0:
        return ZERO
    # The numerator is exact; only the one division by `periods` rounds, far below a penny.
    lower = tax_below = Decimal(0)   # annual figures
    for band in bands:
        if band.upto is None or taxable <= round_up(band.upto * k / periods, POUND):
            exact = (tax_below * k + (taxable * periods - lower * k) * band.rate) / periods
            return round_down(exact)
        tax_below += (band.upto - lower) * band.rate
        lower = band.upto
    raise AssertionError("the top band has no limit")


def calculate_tax(
    *,
    tax_year: str,
    frequency: PayFrequency,
    period: int,
    gross_pay: Decimal,
    tax_code: TaxCode,
    previous_pay_to_date: Decimal = ZERO,
    previous_tax_to_date: Decimal = ZERO,
) -> TaxResult:
    """Tax for one payment. previous_* are this employment's figures before this payment."""
    check_period(frequency, period)
    if gross_pay < 0:
        raise PayeError("NEGATIVE_PAY", "gross pay for PAYE cannot be negative")
    flags: set[str] = set()
    extra_week = is_extra_week(frequency, period)
    cumulative = not tax_code.non_cumulative and not extra_week
    if extra_week:
        flags.add(EXTRA_WEEK_PAYDAY)
    if not cumulative:
        flags.add(WEEK1_BASIS)
    periods = periods_in_year(frequency)
    k = period if cumulative else single_period_multiplier(frequency)
    pay_to_date = previous_pay_to_date + gross_pay
    basis_pay = pay_to_date if cumulative else gross_pay

    free_pay = additional_pay = ZERO
    if tax_code.kind == "NT":
        taxable, tax_due = ZERO, ZERO
    elif tax_code.kind in _FLAT_KINDS:
        # BR, D0, D1, SD0-SD3: all pay, rounded down to pounds, at the one rate.
        rate = tax_rates(tax_year, tax_code.nation).flat_rate(tax_code.kind)
        taxable = round_down(basis_pay, POUND)
        tax_due = round_down(taxable * rate)
    else:
        rates = tax_rates(tax_year, tax_code.nation)
        if tax_code.kind == "suffix":
            free_pay = pay_adjustment(tax_code.number, periods) * k
        elif tax_code.kind == "K":
            additional_pay = pay_adjustment(tax_code.number, periods) * k
        taxable = max(round_down(basis_pay - free_pay + additional_pay, POUND), ZERO)
        tax_due = tax_on_bands(taxable, rates.bands, k, periods)

    tax = tax_due - (previous_tax_to_date if cumulative else ZERO)
    held_back = ZERO
    if tax > 0:  # a refund or nothing: no limit to look up (an NT code needs no rates at all)
        limit = round_down(gross_pay * regulatory_limit(tax_year))
        if tax > limit:
            held_back, tax = tax - limit, limit
            flags.add(REGULATORY_LIMIT_APPLIED)
    if tax < 0:
        flags.add(REFUND)
    return TaxResult(
        tax=tax,
        tax_to_date=previous_tax_to_date + tax,
        pay_to_date=pay_to_date,
        taxable_pay_to_date=taxable,
        free_pay_to_date=free_pay,
        additional_pay_to_date=additional_pay,
        tax_due_to_date=tax_due,
        held_back=held_back,
        flags=frozenset(flags),
    )
