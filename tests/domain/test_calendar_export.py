"""iCalendar export (RFC 5545): escaping, folding at 75 octets, CRLF, stable UIDs, and a round trip
through a small parser written here."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pa_manager.domain import calendar_export as ics
from pa_manager.domain.compliance import DueItem

STAMP = datetime(2026, 11, 23, 9, 30, tzinfo=timezone.utc)


def item(code="DBS_RECHECK", due=date(2027, 2, 28), pa_key=7, subject=None, status="ok") -> DueItem:
    return DueItem.of(code, due, status, pa_key=pa_key, pa_name="Ann", subject=subject)


# --- a tiny parser, for the round trip --------------------------------------------------------------

def unfold(text: str) -> list[str]:
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", ""), "bare LF"
    assert "\r" not in text.replace("\r\n", ""), "bare CR"
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for ch in chars:
        if ch == "\\":
            nxt = next(chars)
            out.append("\n" if nxt in "nN" else nxt)
        else:
            out.append(ch)
    return "".join(out)


def parse(text: str) -> tuple[dict, list[dict]]:
    """(calendar properties, events): each property name maps to (params, value); an event's alarm is
    under "VALARM", a dict of its own properties."""
    calendar: dict = {}
    events: list[dict] = []
    current = calendar
    for line in unfold(text):
        head, value = line.split(":", 1)
        name, *params = head.split(";")
        if (name, value) == ("BEGIN", "VEVENT"):
            current = {}
            continue
        if (name, value) == ("END", "VEVENT"):
            events.append(current)
            current = calendar
            continue
        if (name, value) == ("BEGIN", "VALARM"):
            event, current = current, {}
            continue
        if (name, value) == ("END", "VALARM"):
            event["VALARM"], current = current, event
            continue
        current[name] = (tuple(params), value)
    return calendar, events


# --- escaping and folding --------------------------------------------------------------------------

@pytest.mark.parametrize("text, escaped", [
    ("Re-check Ann's DBS", "Re-check Ann's DBS"),
    ("Ann, Bob; Cat", "Ann\\, Bob\\; Cat"),
    ("C:\\certs\\ann.pdf", "C:\\\\certs\\\\ann.pdf"),
    ("line one\nline two\r\nthree\rfour", "line one\\nline two\\nthree\\nfour"),
    ("a\\,b", "a\\\\\\,b"),
])
def test_escape_text(text, escaped):
    assert ics.escape_text(text) == escaped
    assert unescape(escaped) == text.replace("\r\n", "\n").replace("\r", "\n")


def physical_lines(folded: str) -> list[bytes]:
    return folded.encode("utf-8").split(b"\r\n")


def test_short_line_is_not_folded():
    line = "SUMMARY:" + "x" * 67  # exactly 75 octets
    assert ics.fold_line(line) == line


def test_long_ascii_line_folds_at_75_octets():
    line = "SUMMARY:" + "x" * 200
    parts = physical_lines(ics.fold_line(line))
    assert [len(p) for p in parts] == [75, 75, 60]  # 208 octets: 75 + 74 + 59, plus the two spaces
    assert all(p.startswith(b" ") for p in parts[1:])
    assert ics.fold_line(line).replace("\r\n ", "") == line


@pytest.mark.parametrize("filler", ["é", "—", "😀", "aé", "a—"])
def test_folding_never_splits_a_character(filler):
    line = "SUMMARY:" + filler * 60
    folded = ics.fold_line(line)
    parts = physical_lines(folded)
    assert len(parts) > 1
    for part in parts:
        assert len(part) <= 75
        part.decode("utf-8")  # each physical line is whole UTF-8: no character cut in two
    assert folded.replace("\r\n ", "") == line


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_escapes_folds_and_comes_back(text):
    line = "SUMMARY:" + ics.escape_text(text)
    folded = ics.fold_line(line)
    for part in physical_lines(folded):
        assert len(part) <= 75
        part.decode("utf-8")
    assert "\n" not in folded.replace("\r\n ", "")
    assert unescape(folded.replace("\r\n ", "")[len("SUMMARY:"):]) == text.replace("\r\n", "\n").replace("\r", "\n")


def test_fold_boundary_with_a_three_octet_character():
    # 73 ASCII octets then "—" (3 octets) would make 76: the dash moves to the next line whole.
    line = "x" * 73 + "—" + "y"
    assert physical_lines(ics.fold_line(line)) == [b"x" * 73, " —y".encode("utf-8")]


# --- the calendar ----------------------------------------------------------------------------------

def test_calendar_round_trip():
    summary_text = {
        "DBS_RECHECK": "Re-check Ann's DBS; ask the umbrella body, then book a date",
        "TRAINING_EXPIRED": "Ann: fire safety, first aid\nBook both \\ before Friday — café room",
    }
    items = [item(),
             item("TRAINING_EXPIRED", date(2026, 11, 1), subject="fire_safety", status="overdue"),
             item("INSURANCE_RENEWAL", None, pa_key=None, status="missing")]  # no date: left out
    text = ics.calendar_ics([("emp-1", i) for i in items], lambda i: summary_text[i.code], dtstamp=STAMP,
                            description=lambda i: "Code " + i.code if i.subject else None,
                            calendar_name="PA Manager: Ann, reminders")
    calendar, events = parse(text)
    assert calendar["VERSION"] == ((), "2.0")
    assert calendar["PRODID"][1] == ics.PRODID
    assert unescape(calendar["X-WR-CALNAME"][1]) == "PA Manager: Ann, reminders"
    assert len(events) == 2
    first, second = events
    assert first["DTSTART"] == (("VALUE=DATE",), "20270228")
    assert first["DTEND"] == (("VALUE=DATE",), "20270301")
    assert first["DTSTAMP"] == ((), "20261123T093000Z")
    assert unescape(first["SUMMARY"][1]) == summary_text["DBS_RECHECK"]
    assert "DESCRIPTION" not in first
    assert unescape(second["SUMMARY"][1]) == summary_text["TRAINING_EXPIRED"]
    assert unescape(second["DESCRIPTION"][1]) == "Code TRAINING_EXPIRED"
    assert second["DTSTART"] == (("VALUE=DATE",), "20261101")  # no today given: the item's own date
    # Every event reminds: 09:00 a week before (the start of a DATE event is midnight).
    assert first["VALARM"] == {"ACTION": ((), "DISPLAY"), "TRIGGER": ((), "-P6DT15H"),
                               "DESCRIPTION": ((), ics.escape_text(summary_text["DBS_RECHECK"]))}
    assert second["X-PA-MANAGER-CODE"] == ((), "TRAINING_EXPIRED")
    assert first["UID"][1] != second["UID"][1]
    for part in text.encode("utf-8").split(b"\r\n"):
        assert len(part) <= 75
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")


def test_overdue_items_go_on_today_and_remind_that_morning():
    # Today 23 November 2026: the overdue item (due 1 November) is placed on today, the one due in 5 days
    # on its day with a reminder that morning, the one due in 97 days with a reminder a week before.
    items = [item("TRAINING_EXPIRED", date(2026, 11, 1), status="overdue"), item(due=date(2026, 11, 28), status="due_soon"),
             item(due=date(2027, 2, 28), status="due_soon")]
    _, events = parse(ics.calendar_ics([(1, i) for i in items], lambda i: i.code, dtstamp=STAMP, today=date(2026, 11, 23)))
    assert [(e["DTSTART"][1], e["DTEND"][1], e["VALARM"]["TRIGGER"][1]) for e in events] == [
        ("20261123", "20261124", "PT9H"), ("20261128", "20261129", "PT9H"), ("20270228", "20270301", "-P6DT15H")]
    # The overdue event keeps the UID of its due date, so tomorrow's export moves it rather than adding one.
    assert events[0]["UID"][1] == ics.event_uid(1, items[0])
    assert ics.calendar_ics([(1, items[0])], lambda i: "x", dtstamp=STAMP, alarms=False).count("VALARM") == 0


def test_uid_is_stable_and_depends_on_what_it_should():
    base = ics.event_uid("emp-1", item())
    assert base == ics.event_uid("emp-1", item(status="due_soon"))  # status does not change the event
    assert base.endswith("@" + ics.UID_DOMAIN)
    others = [ics.event_uid("emp-2", item()), ics.event_uid("emp-1", item(code="DBS_UPDATE_SERVICE_RENEWAL")),
              ics.event_uid("emp-1", item(pa_key=8)), ics.event_uid("emp-1", item(pa_key="7")),
              ics.event_uid("emp-1", item(due=date(2027, 3, 1))), ics.event_uid("emp-1", item(subject="x"))]
    assert len({base, *others}) == 1 + len(others)
    # Pinned: a changed recipe would duplicate every event already imported into someone's calendar.
    assert base == "740f13da1500f8e081e22a7e3cf5f5f6@pa-manager.invalid"


def test_output_depends_only_on_inputs():
    run = lambda: ics.calendar_ics([(1, item())], lambda i: "Re-check", dtstamp=STAMP)  # noqa: E731
    assert run() == run()


def test_dtstamp_is_utc():
    summer = datetime(2026, 6, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))  # 10:00 BST
    text = ics.calendar_ics([(1, item())], lambda i: "x", dtstamp=summer)
    assert parse(text)[1][0]["DTSTAMP"] == ((), "20260601T090000Z")
    with pytest.raises(ValueError):
        ics.calendar_ics([(1, item())], lambda i: "x", dtstamp=datetime(2026, 6, 1, 10, 0))


def test_empty_calendar_is_still_valid():
    calendar, events = parse(ics.calendar_ics([], lambda i: "", dtstamp=STAMP))
    assert events == [] and calendar["VERSION"] == ((), "2.0")
