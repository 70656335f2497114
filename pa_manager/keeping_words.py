"""Keeping good PAs in plain English: length of service and why PAs left."""
from __future__ import annotations

from datetime import date

from pa_manager.domain import keeping as k
from pa_manager.messages import format_date

REASON_NAMES = {
    "another_care_job": "Another care or PA job", "other_work": "Other work", "moved_away": "Moved away",
    "family_or_caring": "Family or caring", "health": "Their health", "retired": "Retired", "studying": "Studying",
    "pay": "The pay", "hours": "The hours", "end_of_fixed_term": "A fixed-term job ended",
    "dismissed": "Dismissed", "needs_changed": "Your needs changed", "other": "Something else",
}
REEMPLOY_NAMES = ((None, "Not said"), (True, "Yes, I would take them on again"), (False, "No"))


def lower_first(text: str) -> str:
    """"Another care or PA job" -> "another care or PA job" (never "pa")."""
    return text[:1].lower() + text[1:]


def _unit(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def length_words(length: k.ServiceLength) -> str:
    """"9 years and 2 months", "1 year", "5 months", "3 weeks", "4 days"."""
    if length.years or length.months:
        parts = [_unit(n, w) for n, w in ((length.years, "year"), (length.months, "month")) if n]
        return " and ".join(parts)
    weeks = length.days // 7
    return _unit(weeks, "week") if weeks else _unit(length.days + 1, "day")


def service_words(start: date | None, leaving: date | None, today: date) -> str:
    """A PA's time with the employer, as a phrase for the list of PAs."""
    if start is None:
        return "Start date not recorded"
    if start > today:
        return f"Starts on {format_date(start)}"
    if leaving is not None and leaving < today:
        length = k.service_length(start, leaving)
        return f"Left on {format_date(leaving)}, after {length_words(length)}"
    return f"With you {length_words(k.service_length(start, today))}"


def retention_words(summary: k.Retention) -> str:
    if not summary.leavers:
        return "Nobody has left yet."
    stayed = (f" They stayed {_unit(summary.average_months, 'month')} on average." if summary.average_months is not None
              and summary.average_months < 24 else
              f" They stayed about {round(summary.average_months / 12)} years on average."
              if summary.average_months is not None else "")
    why = ""
    if summary.reasons:
        why = " Why they left: " + ", ".join(f"{lower_first(REASON_NAMES[r])} ({n})" for r, n in summary.reasons) + "."
    return f"{_unit(summary.leavers, 'PA')} {'has' if summary.leavers == 1 else 'have'} left.{stayed}{why}"
