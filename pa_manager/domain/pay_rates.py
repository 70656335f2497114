"""What a shift costs: hourly rates per shift type, sleep-in allowances, weekend and bank-holiday
enhancements, with the basic pay and the premium kept apart for the minimum-wage check.

Rules:

* A rate for the shift's own type beats the base rate (shift_type None), whatever their dates:
  a waking-night rate set last year still applies after the base rate rises, until a newer
  waking-night rate replaces it. Within each, the latest `effective_from` on or before the date.
* Rates, allowances and enhancements are those in force on the date the shift belongs to (its
  local start date), for the whole shift.
* A sleep-in with an allowance in force is paid the allowance for the night plus the awake
  minutes at the sleep-in hourly rate; with no allowance it is paid hourly like any shift.
* Enhancements apply to the minutes falling on a Saturday or Sunday, or on a bank holiday, split
  at local midnight; where both apply the better one wins (they do not compound). The premium is
  the enhanced rate minus the basic rate, never below nothing. Holiday and sickness are not
  enhanced: they are absences, not time worked at the weekend.
* A break is taken from each part of the shift in proportion, as nobody records where it fell.
* Sums are exact fractions until the end of the shift; each part is then rounded half-up to the
  penny, and the total is the sum of the rounded parts so the payslip adds up.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Callable, Iterable, Sequence

from pa_manager.domain.money import PENNY, ZERO, round_half_up
from pa_manager.domain.shifts import (
    LONDON,
    Shift,
    ShiftError,
    ShiftType,
    awake_minutes,
    length_minutes,
    local_date,
    london_instant,
    minutes_to_hours,
    paid_minutes,
)

NOT_ENHANCED = frozenset({ShiftType.HOLIDAY, ShiftType.SICKNESS})


class PayRateError(LookupError):
    """No usable rate: `code` is PAY_RATE_MISSING or PAY_RATE_DUPLICATE."""

    def __init__(self, code: str, **detail: object) -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


def _money(value: Decimal, name: str) -> Decimal:
    # Money is never a float; a negative rate is always a typing slip.
    if not isinstance(value, Decimal):
        raise TypeError(f"{name} must be a Decimal")
    if not value.is_finite() or value < 0:
        raise ValueError(f"{name} must be a finite amount, not negative")
    return value


@dataclass(frozen=True)
class PayRate:
    """An hourly rate from a date; `shift_type` None is the base rate for every type."""

    effective_from: date
    shift_type: ShiftType | None
    hourly_rate: Decimal

    def __post_init__(self) -> None:
        _money(self.hourly_rate, "hourly_rate")
        if self.shift_type is not None:
            object.__setattr__(self, "shift_type", ShiftType(self.shift_type))


@dataclass(frozen=True)
class SleepInAllowance:
    """A flat amount per sleep-in night, from a date."""

    effective_from: date
    amount: Decimal

    def __post_init__(self) -> None:
        _money(self.amount, "amount")


class EnhancementKind(str, Enum):
    WEEKEND = "weekend"
    BANK_HOLIDAY = "bank_holiday"


@dataclass(frozen=True)
class Enhancement:
    """Better pay for weekend or bank-holiday minutes: a multiplier of the basic rate (1.5 for
    time and a half) or an hourly rate of its own; exactly one of the two. `shift_type` None
    covers every type; one for a type beats it, as with rates."""

    effective_from: date
    kind: EnhancementKind
    multiplier: Decimal | None = None
    hourly_rate: Decimal | None = None
    shift_type: ShiftType | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", EnhancementKind(self.kind))
        if (self.multiplier is None) == (self.hourly_rate is None):
            raise ValueError("an enhancement is a multiplier or an hourly rate, not both or neither")
        if self.multiplier is not None:
            _money(self.multiplier, "multiplier")
        if self.hourly_rate is not None:
            _money(self.hourly_rate, "hourly_rate")
        if self.shift_type is not None:
            object.__setattr__(self, "shift_type", ShiftType(self.shift_type))

    def rate(self, basic_rate: Decimal) -> Decimal:
        """The enhanced hourly rate given the basic one."""
        if self.multiplier is not None:
            return basic_rate * self.multiplier
        assert self.hourly_rate is not None
        return self.hourly_rate


def _latest(entries: Sequence, on: date, what: str):
    # The entry in force on a date; two from the same date leave the answer unknowable.
    in_force = [e for e in entries if e.effective_from <= on]
    if not in_force:
        return None
    newest = max(e.effective_from for e in in_force)
    found = [e for e in in_force if e.effective_from == newest]
    if len(found) > 1 and len(set(found)) > 1:
        raise PayRateError("PAY_RATE_DUPLICATE", what=what, effective_from=newest)
    return found[0]


def _specific_then_base(entries: Sequence, shift_type: ShiftType, on: date, what: str):
    specific = _latest([e for e in entries if e.shift_type == shift_type], on, what)
    if specific is not None:
        return specific
    return _latest([e for e in entries if e.shift_type is None], on, what)


def rate_for(rates: Iterable[PayRate], shift_type: ShiftType, on_date: date) -> Decimal:
    """The hourly rate for a shift type on a date; PayRateError PAY_RATE_MISSING if none."""
    found = _specific_then_base(list(rates), ShiftType(shift_type), on_date, "rate")
    if found is None:
        raise PayRateError("PAY_RATE_MISSING", shift_type=shift_type, on=on_date)
    return found.hourly_rate


def base_rate_on(rates: Iterable[PayRate], on_date: date) -> Decimal | None:
    """The base hourly rate (for every shift type) in force on a date, or None before the first."""
    found = _latest([r for r in rates if r.shift_type is None], on_date, "rate")
    return None if found is None else found.hourly_rate


def allowance_for(allowances: Iterable[SleepInAllowance], on_date: date) -> Decimal | None:
    """The sleep-in allowance in force on a date, or None when sleep-ins are paid hourly."""
    found = _latest(list(allowances), on_date, "sleep_in_allowance")
    return None if found is None else found.amount


def night_allowance(shift: Shift, sleep_in_allowances: Iterable[SleepInAllowance]) -> Decimal | None:
    """The allowance that pays a sleep-in's night: the one in force on the shift's date. None for any
    other type of shift, or a sleep-in with no allowance in force (it is then paid by the hour)."""
    if shift.shift_type is not ShiftType.SLEEP_IN:
        return None
    return allowance_for(sleep_in_allowances, local_date(shift))


def hourly_minutes(shift: Shift, allowance: Decimal | None) -> int:
    """Minutes paid by the hour: a sleep-in whose night is paid by an allowance (`night_allowance`)
    is paid only for its awake minutes; any other shift for its length less the break."""
    return awake_minutes(shift) if allowance is not None else paid_minutes(shift)


def enhancement_for(
    enhancements: Iterable[Enhancement], kind: EnhancementKind, shift_type: ShiftType, on_date: date
) -> Enhancement | None:
    of_kind = [e for e in enhancements if e.kind is kind]
    return _specific_then_base(of_kind, shift_type, on_date, kind.value)


@dataclass(frozen=True)
class ShiftPay:
    """Pay for one shift, each part rounded half-up to the penny.

    `basic` is basic rate x paid hours; `premium` is what the enhancements add on top (kept
    apart because the minimum-wage check leaves premiums out); `sleep_in_allowance` is the flat
    night amount. `paid_minutes` are the minutes paid hourly (awake minutes for a sleep-in with
    an allowance). `night` is True for a sleep-in whose night is paid by the allowance.
    """

    basic_rate: Decimal
    paid_minutes: int
    basic: Decimal
    premium: Decimal
    sleep_in_allowance: Decimal
    night: bool = False

    @property
    def paid_hours(self) -> Decimal:
        return minutes_to_hours(self.paid_minutes)

    @property
    def total(self) -> Decimal:
        return self.basic + self.premium + self.sleep_in_allowance


def _to_penny(amount: Fraction) -> Decimal:
    # Half-up on an exact fraction: floor(x * 100 + 1/2) pence, for the non-negative sums here.
    pence = math.floor(amount * 100 + Fraction(1, 2))
    return (Decimal(pence) / 100).quantize(PENNY)


def _day_pieces(start: datetime, end: datetime) -> list[tuple[date, Fraction]]:
    """Minutes of [start, end) on each local date, split at Europe/London midnight."""
    pieces: list[tuple[date, Fraction]] = []
    cursor = start
    while cursor < end:
        day = cursor.astimezone(LONDON).date()
        midnight = london_instant(day + timedelta(days=1), time(0))
        upto = min(end, midnight)
        pieces.append((day, Fraction((upto - cursor) // timedelta(seconds=1), 60)))
        cursor = upto
    return pieces


def _merged(periods: Iterable[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    out: list[tuple[datetime, datetime]] = []
    for a, b in sorted(periods):
        if b <= a:
            continue
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _premium(shift: Shift, basic_rate: Decimal, minutes: int, night: bool, weekend: Enhancement | None,
             holiday: Enhancement | None, is_bank_holiday: Callable[[date], bool]) -> Fraction:
    """What the weekend and bank-holiday enhancements add to a shift, exactly: each piece of it on a day
    one applies to is paid the better enhanced rate's difference from the basic rate."""
    if night:
        # Asleep time is covered by the allowance; only the awake periods are paid by the hour.
        periods = _merged([(max(a, shift.start), min(b, shift.end)) for a, b in shift.awake])
        weight = Fraction(1)
    else:
        periods = [(shift.start, shift.end)]
        weight = Fraction(minutes, length_minutes(shift))
    rate = Fraction(basic_rate)
    premium = Fraction(0)
    for a, b in periods:
        for piece_day, piece_minutes in _day_pieces(a, b):
            applying = []
            if weekend is not None and piece_day.weekday() >= 5:
                applying.append(weekend)
            if holiday is not None and is_bank_holiday(piece_day):
                applying.append(holiday)
            if not applying:
                continue
            best = max(Fraction(e.rate(basic_rate)) for e in applying)
            extra = max(best - rate, Fraction(0))
            premium += extra * piece_minutes * weight / 60
    return premium


def shift_cost(
    shift: Shift,
    rates: Iterable[PayRate],
    enhancements: Iterable[Enhancement] = (),
    is_bank_holiday: Callable[[date], bool] = lambda day: False,
    *,
    sleep_in_allowances: Iterable[SleepInAllowance] = (),
) -> ShiftPay:
    """Basic pay, premium and sleep-in allowance for one shift.

    `is_bank_holiday` is asked about each local date the shift touches; pass
    `lambda d: bank_holidays.is_bank_holiday(d, nation)` for the employer's nation.
    """
    length = length_minutes(shift)
    if length <= 0:
        raise ShiftError("SHIFT_END_BEFORE_START")
    day = local_date(shift)
    basic_rate = rate_for(rates, shift.shift_type, day)
    allowance = night_allowance(shift, sleep_in_allowances)
    minutes = hourly_minutes(shift, allowance)

    # Rate x minutes / 60 in Decimal is exact to far below a penny, and a true half penny (6.355) is
    # represented exactly, so rounding it half up matches the exact fraction; it is much quicker.
    basic = round_half_up(basic_rate * minutes / 60)

    premium = 0
    if shift.shift_type not in NOT_ENHANCED and enhancements:
        enhancements = list(enhancements)
        weekend = enhancement_for(enhancements, EnhancementKind.WEEKEND, shift.shift_type, day)
        holiday = enhancement_for(enhancements, EnhancementKind.BANK_HOLIDAY, shift.shift_type, day)
        # With no enhancement in force there is nothing to split by day (most shifts: keep them cheap,
        # their exact fractions unmade).
        if weekend is not None or holiday is not None:
            premium = _premium(shift, basic_rate, minutes, allowance is not None, weekend, holiday, is_bank_holiday)

    return ShiftPay(
        basic_rate=basic_rate,
        paid_minutes=minutes,
        basic=basic,
        premium=_to_penny(premium) if premium else ZERO,
        sleep_in_allowance=_to_penny(Fraction(allowance)) if allowance is not None else ZERO,
        night=allowance is not None,
    )
