"""Due items as an iCalendar file (RFC 5545), so reminders can go into any calendar app.

One all-day VEVENT per dated DueItem (items with no due date have no place in a calendar and are left
out). This module only formats: the caller words each SUMMARY (and DESCRIPTION, if any) and passes
the DTSTAMP and today's date, so the output depends on its inputs alone.

Placing and reminding (the module's own rules):
- an overdue item is placed on `today`, not on its past date, where no one would look; its UID
  stays the one of its due date, so importing a newer file moves the event rather than adding one;
- each event has a VALARM (ACTION:DISPLAY, its DESCRIPTION the event's summary): at 09:00 on the day
  for an item on today or within a week, and at 09:00 a week before for a later one (a TRIGGER is
  relative to DTSTART, which for a DATE is the day's start: PT9H is 09:00 that day, -P6DT15H is 09:00
  seven days before).

Format points from RFC 5545:
- lines end CRLF (3.1);
- a content line longer than 75 octets is folded: CRLF then one space, never inside a UTF-8
  character (3.1);
- TEXT values escape backslash, semicolon, comma and newline (3.3.11);
- an all-day event is DTSTART;VALUE=DATE; DTEND is the next day, which is the RFC's default
  duration for a DATE start, written out for calendar apps that want it (3.6.1);
- DTSTAMP is a UTC date-time (3.8.7.2); UID is globally unique and stable (3.8.4.7).
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable
from datetime import date, datetime, timedelta, timezone

from pa_manager.domain.compliance import DueItem

PRODID = "-//PA Manager//Due items//EN"
UID_DOMAIN = "pa-manager.invalid"
MAX_OCTETS = 75
CRLF = "\r\n"


def escape_text(text: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, any newline as \\n."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """One content line folded to at most 75 octets per physical line, without splitting a character.

    Continuation lines start with a space, which counts toward their 75 octets.
    """
    parts: list[str] = []
    current: list[str] = []
    size = 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, MAX_OCTETS - 1
        current.append(char)
        size += width
    parts.append("".join(current))
    return (CRLF + " ").join(parts)


def _part(value: object) -> str:
    """A key as text for the UID, with its type so that 1 and "1" differ."""
    return "" if value is None else f"{type(value).__name__}:{value}"


def event_uid(employer_key: Hashable, item: DueItem) -> str:
    """Stable across exports: the same employer, code, PA, subject and due date give the same UID, so
    importing again updates an event rather than adding a copy. A new due date is a new event."""
    fields = (_part(employer_key), item.code, _part(item.pa_key), item.subject or "",
              item.due.isoformat() if item.due else "")
    digest = hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


def _utc_stamp(moment: datetime) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("DTSTAMP_NOT_AWARE", moment)
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _date_value(day: date) -> str:
    return day.strftime("%Y%m%d")


OVERDUE = "overdue"
ON_THE_DAY = "PT9H"           # 09:00 on the event's day
A_WEEK_BEFORE = "-P6DT15H"    # 09:00 seven days before it
WEEK = timedelta(days=7)


def event_day(item: DueItem, today: date | None) -> date:
    """The day an item goes in the calendar: today for an overdue one (when today is given), else its due date."""
    assert item.due is not None
    if today is not None and (item.status == OVERDUE or item.due < today):
        return today
    return item.due


def alarm_trigger(day: date, today: date | None) -> str:
    """When the reminder goes off, relative to the start of the event's day."""
    if today is None or day - today > WEEK:
        return A_WEEK_BEFORE
    return ON_THE_DAY


def calendar_ics(
    events: Iterable[tuple[Hashable, DueItem]],
    summary: Callable[[DueItem], str],
    *,
    dtstamp: datetime,
    description: Callable[[DueItem], str | None] | None = None,
    calendar_name: str | None = None,
    today: date | None = None,
    alarms: bool = True,
) -> str:
    """One calendar for one or several employers' items: each event is (employer key, item), in the
    order given; `dtstamp` must be timezone-aware. With `today`, overdue items are placed on it."""
    stamp = _utc_stamp(dtstamp)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if calendar_name is not None:
        lines.append(f"X-WR-CALNAME:{escape_text(calendar_name)}")
    for employer_key, item in events:
        if item.due is None:
            continue
        day = event_day(item, today)
        title = summary(item)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event_uid(employer_key, item)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_date_value(day)}",
            f"DTEND;VALUE=DATE:{_date_value(day + timedelta(days=1))}",
            f"SUMMARY:{escape_text(title)}",
        ]
        text = description(item) if description is not None else None
        if text:
            lines.append(f"DESCRIPTION:{escape_text(text)}")
        lines += ["TRANSP:TRANSPARENT", f"X-PA-MANAGER-CODE:{item.code}"]
        if alarms:
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"TRIGGER:{alarm_trigger(day, today)}",
                      f"DESCRIPTION:{escape_text(title)}", "END:VALARM"]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + CRLF for line in lines)
