"""Due dates as an iCalendar (.ics) file, for a phone or email calendar."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from pa_manager.domain.calendar_export import calendar_ics
from pa_manager.domain.compliance import DEFAULT_WITHIN_DAYS, OVERDUE
from pa_manager.messages import format_date
from pa_manager.services.due import due_list
from pa_manager.services.employers import get_employer
from pa_manager.wording import due_item_sentence, when_words


def calendar_items(db, employer_ids: list[int], today: date, within_days: int = DEFAULT_WITHIN_DAYS) -> list:
    """(employer id, item) for every dated item on the "what needs doing" list, overdue or due within
    `within_days` of today; anything dated later is left out (it comes into a later export)."""
    return [(employer_id, item) for employer_id in employer_ids
            for item in due_list(db, employer_id, today, within_days)
            if item.due is not None and (item.due - today).days <= within_days]


def event_title(item, today: date) -> str:
    """The words without the status word, as the calendar shows the day; an overdue item (placed on
    today) says so first."""
    sentence = due_item_sentence(item, today)[1].split(": ", 1)[1]
    return f"Overdue: {sentence}" if item.status == OVERDUE else sentence


def event_description(item, today: date, employer_name: str) -> str:
    """What needs doing, by when, and for whom, in plain English."""
    sentence = due_item_sentence(item, today)[1].split(": ", 1)[1]
    when = when_words(item, today)
    if item.status == OVERDUE:
        when = f"This is overdue: it was due on {format_date(item.due)}, so it is shown on today's date."
    return f"{sentence} {when} For {employer_name}, from PA Manager.".replace("  ", " ")


def export_due_calendar(db, employer_ids: list[int], path: Path, today: date, now: datetime,
                        within_days: int = DEFAULT_WITHIN_DAYS) -> int:
    """Write every dated item overdue or due within `within_days` for these employers; returns how many
    events were written. Overdue items go on today's date. Event ids stay the same between exports, so
    importing a newer file updates a calendar rather than doubling it."""
    names = {employer_id: get_employer(db, employer_id).name for employer_id in employer_ids}
    events = calendar_items(db, employer_ids, today, within_days)
    owner = {id(item): employer_id for employer_id, item in events}

    def summary(item) -> str:
        title = event_title(item, today)
        return title if len(employer_ids) == 1 else f"{names[owner[id(item)]]}: {title}"

    title = names[employer_ids[0]] if len(employer_ids) == 1 else "PA Manager"
    text = calendar_ics(events, summary, dtstamp=now, today=today, calendar_name=f"{title} – what needs doing",
                        description=lambda item: event_description(item, today, names[owner[id(item)]]))
    Path(path).write_text(text, encoding="utf-8", newline="")
    return len(events)
