"""Right to work: a check before the first day of work, follow-ups before time-limited permission
runs out (Immigration, Asylum and Nationality Act 2006), and shifts worked before the check.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from datetime import date

from pa_manager.domain.compliance.items import (
    DEFAULT_WITHIN_DAYS, DueItem, OVERDUE, RIGHT_TO_WORK_AFTER_START, RIGHT_TO_WORK_FOLLOW_UP,
    RIGHT_TO_WORK_MISSING, absent_status, deadline_status,
)
from pa_manager.domain.compliance.records import PAChecks, RightToWorkCheck, latest_of


# --- Right to work ---------------------------------------------------------------------------------

def right_to_work_items(pa: PAChecks, today: date, within_days: int = DEFAULT_WITHIN_DAYS) -> list[DueItem]:
    """Every employer must check right to work before employment starts, and check again before a
    time-limited permission runs out (Immigration, Asylum and Nationality Act 2006; uk-rates.md 9)."""
    who = {"pa_key": pa.key, "pa_name": pa.name}
    checks = pa.right_to_work_checks
    if not checks:
        return [DueItem.of(RIGHT_TO_WORK_MISSING, pa.start_date,
                           absent_status(pa.start_date, today, within_days), **who)]
    items = []
    first = min(c.checked_on for c in checks)
    # Before the first day of work: the app holds no times, so a check dated on the start day
    # cannot be shown to have come before the work and is flagged too.
    if pa.start_date is not None and first >= pa.start_date:
        items.append(DueItem.of(RIGHT_TO_WORK_AFTER_START, pa.start_date, OVERDUE, checked_on=first, **who))
    latest = latest_of(checks, lambda c: c.checked_on)
    if latest.permission_expires is not None:
        # The follow-up check must be done before the permission expires: due on the expiry date.
        due = latest.permission_expires
        items.append(DueItem.of(RIGHT_TO_WORK_FOLLOW_UP, due, deadline_status(due, today, within_days),
                                checked_on=latest.checked_on, **who))
    return items


def shifts_before_right_to_work(
    shift_dates_by_pa: Mapping[Hashable, Iterable[date]],
    rtw_checks_by_pa: Mapping[Hashable, Iterable[RightToWorkCheck]],
) -> list[tuple[Hashable, date]]:
    """Shifts worked with no right-to-work check dated before the shift's date, by date.

    The check must come before the work; with dates only, a check on the shift's own day does not
    count (as for RIGHT_TO_WORK_AFTER_START). Each (PA, date) appears once.
    """
    found: list[tuple[Hashable, date]] = []
    for pa_key, shift_dates in shift_dates_by_pa.items():
        checked = [c.checked_on for c in rtw_checks_by_pa.get(pa_key, ())]
        first = min(checked) if checked else None
        found.extend((pa_key, day) for day in sorted(set(shift_dates)) if first is None or first >= day)
    return sorted(found, key=lambda pair: pair[1])  # stable: PAs keep the mapping's order on a day
