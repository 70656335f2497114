"""The "what needs doing" list as an iCalendar (.ics) file, in words: each event's title and
description. The items come from pa_manager.services.calendar."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from pa_manager.domain.calendar_export import calendar_ics
from pa_manager.domain.compliance import OVERDUE
from pa_manager.messages import format_date
from pa_manager.wording import due_item_sentence, when_words


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


def write_due_calendar(path: Path, events: list, names: dict[int, str], today: date, now: datetime) -> None:
    """Write (employer id, item) `events` for the employers named in `names` (id: name)."""
    owner = {id(item): employer_id for employer_id, item in events}

    def summary(item) -> str:
        title = event_title(item, today)
        return title if len(names) == 1 else f"{names[owner[id(item)]]}: {title}"

    title = next(iter(names.values())) if len(names) == 1 else "PA Manager"
    text = calendar_ics(events, summary, dtstamp=now, today=today, calendar_name=f"{title} – what needs doing",
                        description=lambda item: event_description(item, today, names[owner[id(item)]]))
    Path(path).write_text(text, encoding="utf-8", newline="")
