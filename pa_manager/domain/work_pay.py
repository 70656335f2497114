"""Pay for work done: one PA's shifts and pay terms turned into the payslip's pay lines, the hours paid
by the hour, the sleep-in nights and what it all costs. The payslip, the hours summary, the Hours
page and the timesheet report all count work with this one function, so they always agree.

Rules (each shift is costed by pay_rates.shift_cost, which owns the rates, allowances and premiums):

* BASIC: one line per (shift type, basic rate), its hours the minutes paid by the hour and its amount
  rate x those minutes / 60 rounded half up once, so hours x rate = amount on the payslip (ERA 1996
  s.8(2)(e) asks for the total hours paid where pay varies with time worked).
* PREMIUM: one line per shift type, the sum of each shift's weekend and bank-holiday premium.
* SLEEP_IN_ALLOWANCE: one line per allowance amount, its quantity the nights.
* Hours are the minutes paid by the hour. A sleep-in with an allowance in force on its date is a
  night, counted apart: only its awake minutes are hours. A sleep-in with no allowance in force is
  paid by the hour like any shift, and is hours, not a night.
* The cost is the sum of the lines.

Lines come in a fixed order: BASIC by shift type then rate, PREMIUM by shift type, then
SLEEP_IN_ALLOWANCE by amount. Lines with nothing to pay are left out.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Callable, Iterable, NamedTuple

from pa_manager.domain.money import ZERO, round_half_up
from pa_manager.domain.pay_rates import (
    Enhancement,
    PayRate,
    PayRateError,
    ShiftPay,
    SleepInAllowance,
    hourly_minutes,
    night_allowance,
    shift_cost,
)
from pa_manager.domain.shifts import Shift, ShiftType, minutes_to_hours

# Line codes: the same codes as the payslip's (payroll.BASIC, payroll.PREMIUM, payroll.SLEEP_IN_ALLOWANCE).
BASIC = "BASIC"                            # hours x basic rate, one line per (shift type, rate)
PREMIUM = "PREMIUM"                        # weekend / bank-holiday enhancement above the basic rate
SLEEP_IN_ALLOWANCE = "SLEEP_IN_ALLOWANCE"  # nights x allowance

_TYPE_ORDER = {kind: index for index, kind in enumerate(ShiftType)}


@dataclass(frozen=True)
class WorkLine:
    """One line of pay for work, as on the payslip. BASIC: `hours` (exact, from whole minutes) at
    `rate` per hour. PREMIUM: the amount alone. SLEEP_IN_ALLOWANCE: `quantity` nights at `rate`."""

    code: str
    amount: Decimal
    shift_type: ShiftType
    hours: Decimal | None = None
    rate: Decimal | None = None
    quantity: int | None = None


class ShiftWork(NamedTuple):
    """One shift as pay sees it. `paid_minutes` are paid by the hour; `night` is True for a sleep-in
    whose night is paid by the allowance (its asleep time is not hours); `pay` is None when no rate
    could be found. (A named tuple, not a dataclass: one is made for every shift of every payslip.)"""

    shift: Shift
    paid_minutes: int
    night: bool
    pay: ShiftPay | None

    @property
    def paid_hours(self) -> Decimal:
        return minutes_to_hours(self.paid_minutes)


@dataclass(frozen=True)
class WorkPay:
    """One PA's work: the pay lines, and each shift as pay saw it (in the order given).

    Shifts with no rate (`unpriced`, only when asked for) still count in the hours and the nights,
    but are in no line: the cost is then known only in part (`cost_known` is False).
    """

    lines: tuple[WorkLine, ...]
    shifts: tuple[ShiftWork, ...]

    @property
    def paid_minutes_by_type(self) -> dict[ShiftType, int]:
        """Minutes paid by the hour, by shift type (types with none are left out)."""
        found: dict[ShiftType, int] = defaultdict(int)
        for item in self.shifts:
            if item.paid_minutes:
                found[item.shift.shift_type] += item.paid_minutes
        return dict(sorted(found.items(), key=lambda pair: _TYPE_ORDER[pair[0]]))

    @property
    def paid_hours_by_type(self) -> dict[ShiftType, Decimal]:
        return {kind: minutes_to_hours(m) for kind, m in self.paid_minutes_by_type.items()}

    @property
    def paid_minutes(self) -> int:
        return sum(item.paid_minutes for item in self.shifts)

    @property
    def paid_hours(self) -> Decimal:
        return minutes_to_hours(self.paid_minutes)

    @property
    def sleep_in_nights(self) -> int:
        return sum(1 for item in self.shifts if item.night)

    @property
    def unpriced(self) -> tuple[Shift, ...]:
        return tuple(item.shift for item in self.shifts if item.pay is None)

    @property
    def cost_known(self) -> bool:
        return all(item.pay is not None for item in self.shifts)

    @property
    def total(self) -> Decimal:
        """The cost: the sum of the lines (of the priced shifts only, when some have no rate)."""
        return sum((line.amount for line in self.lines), ZERO)

    @property
    def premiums(self) -> Decimal:
        return sum((line.amount for line in self.lines if line.code == PREMIUM), ZERO)

    @property
    def allowances(self) -> Decimal:
        return sum((line.amount for line in self.lines if line.code == SLEEP_IN_ALLOWANCE), ZERO)


def _unpriced(shift: Shift, sleep_in_allowances: Iterable[SleepInAllowance]) -> ShiftWork:
    # No rate: the hours and the night are still known, as they do not depend on the rate.
    try:
        allowance = night_allowance(shift, sleep_in_allowances)
    except PayRateError:   # two allowances from one date: paid by the hour, as far as can be told
        allowance = None
    return ShiftWork(shift, hourly_minutes(shift, allowance), allowance is not None, None)


def work_pay(
    shifts: Iterable[Shift],
    rates: Iterable[PayRate],
    enhancements: Iterable[Enhancement] = (),
    is_bank_holiday: Callable[[date], bool] = lambda day: False,
    *,
    sleep_in_allowances: Iterable[SleepInAllowance] = (),
    skip_unpriced: bool = False,
) -> WorkPay:
    """The pay lines, hours, nights and cost of one PA's shifts (see the module docstring).

    With `skip_unpriced` False (the payslip) a shift with no usable rate raises PayRateError; with it
    True (hours and timesheets) such a shift counts in the hours and nights and is left out of the lines.
    """
    rates, enhancements, allowances = list(rates), list(enhancements), list(sleep_in_allowances)
    basic: dict[tuple[ShiftType, Decimal], int] = defaultdict(int)   # minutes paid by the hour
    premiums: dict[ShiftType, Decimal] = defaultdict(lambda: ZERO)
    nights: dict[Decimal, int] = defaultdict(int)                      # by allowance amount
    done: list[ShiftWork] = []
    for shift in shifts:
        try:
            cost = shift_cost(shift, rates, enhancements, is_bank_holiday, sleep_in_allowances=allowances)
        except PayRateError:
            if not skip_unpriced:
                raise
            done.append(_unpriced(shift, allowances))
            continue
        done.append(ShiftWork(shift, cost.paid_minutes, cost.night, cost))
        basic[(shift.shift_type, cost.basic_rate)] += cost.paid_minutes
        premiums[shift.shift_type] += cost.premium
        if cost.sleep_in_allowance:
            nights[cost.sleep_in_allowance] += 1

    lines = [WorkLine(BASIC, round_half_up(rate * minutes / 60), kind, minutes_to_hours(minutes), rate)
             for (kind, rate), minutes in sorted(basic.items(), key=lambda pair: (_TYPE_ORDER[pair[0][0]], pair[0][1]))
             if minutes]
    lines += [WorkLine(PREMIUM, premiums[kind], kind) for kind in sorted(premiums, key=_TYPE_ORDER.get)
              if premiums[kind]]
    lines += [WorkLine(SLEEP_IN_ALLOWANCE, amount * count, ShiftType.SLEEP_IN, rate=amount, quantity=count)
              for amount, count in sorted(nights.items())]
    return WorkPay(tuple(lines), tuple(done))
