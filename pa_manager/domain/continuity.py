"""Continuity of care: how much of the care in a period came from the employer's regular PAs.

The Citizens UK care charter asks that at least 90% of care comes from people the person knows.
Only time spent giving care counts: holiday and sickness are absences, and training and
shadowing are a PA learning, not the employer being cared for (a new PA shadowing a regular one
should not lower the share). Travel with the employer counts. Callers may choose other types.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Hashable, Iterable, Mapping

from pa_manager.domain.shifts import Shift, ShiftType, local_date, minutes_to_hours, paid_minutes

CHARTER_TARGET = Decimal("0.90")
CARE_TYPES = frozenset(
    {ShiftType.STANDARD, ShiftType.WAKING_NIGHT, ShiftType.SLEEP_IN, ShiftType.TRAVEL}
)


@dataclass(frozen=True)
class Continuity:
    """The result, in exact minutes; `share` is regular / total as a Decimal fraction (0 to 1).

    With no care in the period `share` and `meets_target` are None: there is nothing to judge.
    """

    total_minutes: int
    regular_minutes: int
    share: Decimal | None
    target: Decimal
    meets_target: bool | None
    minutes_by_pa: Mapping[Hashable, int]

    @property
    def hours_by_pa(self) -> dict[Hashable, Decimal]:
        return {pa: minutes_to_hours(m) for pa, m in self.minutes_by_pa.items()}

    @property
    def total_hours(self) -> Decimal:
        return minutes_to_hours(self.total_minutes)

    @property
    def regular_hours(self) -> Decimal:
        return minutes_to_hours(self.regular_minutes)


def continuity(
    shifts: Iterable[Shift],
    regular_pas: Iterable[Hashable],
    *,
    target: Decimal = CHARTER_TARGET,
    date_from: date | None = None,
    date_to: date | None = None,
    counted_types: Iterable[ShiftType] = CARE_TYPES,
) -> Continuity:
    """Share of paid care minutes worked by regular PAs, for shifts whose date is in the period.

    The target check is exact (regular >= target x total in Decimal), so a share of exactly 90%
    meets a 90% target however the fraction would print.
    """
    if not isinstance(target, Decimal):
        raise TypeError("target must be a Decimal fraction, such as Decimal('0.90')")
    regular = set(regular_pas)
    counted = frozenset(counted_types)
    by_pa: dict[Hashable, int] = defaultdict(int)
    for shift in shifts:
        day = local_date(shift)
        if date_from is not None and day < date_from:
            continue
        if date_to is not None and day > date_to:
            continue
        if shift.shift_type in counted:
            by_pa[shift.pa] += paid_minutes(shift)
    return continuity_of_minutes(by_pa, regular, target=target)


def continuity_of_minutes(by_pa: dict[Hashable, int], regular_pas: Iterable[Hashable], *,
                          target: Decimal = CHARTER_TARGET) -> Continuity:
    """continuity() from each PA's paid care minutes already summed (by the database, say)."""
    if not isinstance(target, Decimal):
        raise TypeError("target must be a Decimal fraction, such as Decimal('0.90')")
    regular = set(regular_pas)
    by_pa = dict(by_pa)
    total = sum(by_pa.values())
    from_regulars = sum(m for pa, m in by_pa.items() if pa in regular)
    if total == 0:
        share, meets = None, None
    else:
        share = Decimal(from_regulars) / Decimal(total)
        meets = Decimal(from_regulars) >= target * total
    return Continuity(total, from_regulars, share, target, meets, dict(by_pa))
