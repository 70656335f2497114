"""Due dates as an iCalendar (.ics) file, for a phone or email calendar."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from pa_manager.domain.compliance import DEFAULT_WITHIN_DAYS
from pa_manager.reports.due_calendar import write_due_calendar
from pa_manager.services.due import due_list
from pa_manager.services.employers import get_employer


def calendar_items(db, employer_ids: list[int], today: date, within_days: int = DEFAULT_WITHIN_DAYS) -> list:
    """(employer id, item) for every dated item on the "what needs doing" list, overdue or due within
    `within_days` of today; anything dated later is left out (it comes into a later export)."""
    return [(employer_id, item) for employer_id in employer_ids
            for item in due_list(db, employer_id, today, within_days)
            if item.due is not None and (item.due - today).days <= within_days]


def export_due_calendar(db, employer_ids: list[int], path: Path, today: date, now: datetime,
                        within_days: int = DEFAULT_WITHIN_DAYS) -> int:
    """Write every dated item overdue or due within `within_days` for these employers; returns how many
    events were written. Overdue items go on today's date. Event ids stay the same between exports, so
    importing a newer file updates a calendar rather than doubling it."""
    names = {employer_id: get_employer(db, employer_id).name for employer_id in employer_ids}
    events = calendar_items(db, employer_ids, today, within_days)
    write_due_calendar(Path(path), events, names, today, now)
    return len(events)
