"""Due dates as an iCalendar (.ics) file, for a phone or email calendar."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from pa_manager.domain.calendar_export import calendar_ics
from pa_manager.services.checks import due_list
from pa_manager.services.employers import get_employer
from pa_manager.wording import due_item_sentence


def export_due_calendar(db, employer_ids: list[int], path: Path, today: date, now: datetime,
                        within_days: int = 365) -> int:
    """Write every dated item due in the next year (and anything overdue) for these employers;
    returns how many events were written. Event ids stay the same between exports, so importing
    a newer file updates a calendar rather than doubling it."""
    events = []
    names = {}
    for employer_id in employer_ids:
        names[employer_id] = get_employer(db, employer_id).name
        events += [(employer_id, item) for item in due_list(db, employer_id, today, within_days) if item.due is not None]

    def summary(item) -> str:
        # The words without the status: a calendar shows the date itself.
        sentence = due_item_sentence(item, today)[1].split(": ", 1)[1]
        return sentence if len(employer_ids) == 1 else f"{names[owner[id(item)]]}: {sentence}"

    owner = {id(item): employer_id for employer_id, item in events}
    title = names[employer_ids[0]] if len(employer_ids) == 1 else "PA Manager"
    text = calendar_ics(events, summary, dtstamp=now, calendar_name=f"{title} – what needs doing")
    Path(path).write_text(text, encoding="utf-8", newline="")
    return len(events)
