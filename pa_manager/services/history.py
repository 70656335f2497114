"""The change history kept for an audit: who changed a pay rate, finalised a pay run or recorded a
check, and when. Each service that makes such a change notes it in its own transaction, so the
history never misses a change nor records one that was not made. Words: wording.change_sentence."""
from __future__ import annotations

import getpass
import json
import os
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from pa_manager.domain.money import AMOUNT_LIMIT
from pa_manager.storage import models
from pa_manager.storage.database import Database

# What changed (the codes wording.change_sentence words).
PAY_RATE_ADDED = "PAY_RATE_ADDED"
PAY_RATE_CHANGED = "PAY_RATE_CHANGED"
PAY_RATE_REMOVED = "PAY_RATE_REMOVED"
LEAVER_RECORDED = "LEAVER_RECORDED"
PAY_RUN_FINALISED = "PAY_RUN_FINALISED"
CHECK_SAVED = "CHECK_SAVED"        # facts: kind (dbs, right_to_work, reference, contract)
CHECK_REMOVED = "CHECK_REMOVED"
PA_DATA_EXPORTED = "PA_DATA_EXPORTED"
PA_ERASED = "PA_ERASED"
P45_MADE = "P45_MADE"
P60S_MADE = "P60S_MADE"  # facts: tax_year, people, pas (their names)


@dataclass(frozen=True)
class Change:
    at: datetime
    who: str
    code: str
    facts: dict[str, Any]
    pa_id: int | None


def current_user() -> str:
    """Who is making changes: PA_MANAGER_USER if set (a shared server's staff), else the computer's user."""
    try:
        return os.environ.get("PA_MANAGER_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown user"


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, (Decimal, date)) else value


def note(session, employer_id: int, code: str, *, pa_id: int | None = None, at: datetime | None = None,
         **facts: Any) -> None:
    """Record a change in the caller's transaction."""
    session.add(models.Change(employer_id=employer_id, pa_id=pa_id, at=at or datetime.now(timezone.utc),
                              who=current_user(), code=code,
                              facts=json.dumps({k: _plain(v) for k, v in facts.items()}, sort_keys=True)))


def _text(value: Any) -> None:
    if not isinstance(value, str):
        raise ValueError(value)


def _day(value: Any) -> None:
    _text(value)
    date.fromisoformat(value)


def _number(value: Any) -> None:
    _text(value)
    # As Decimal reads it, for the words do (domain.money.read_amount would take "£1,234" too). NaN and sNaN
    # raise decimal.InvalidOperation, an ArithmeticError, turned into a ValueError by read_facts.
    if not abs(Decimal(value)) < AMOUNT_LIMIT:
        raise ValueError(value)


def _count(value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(value)


def _names(value: Any) -> None:
    if not isinstance(value, list):
        raise ValueError(value)
    for name in value:
        _text(name)


def _or_none(kind, blank_too: bool = False):
    def check(value: Any) -> None:
        if value is not None and not (blank_too and value == ""):
            kind(value)
    return check


_PAY_LINE = {"pa": _text, "kind": _text, "shift_type": _text, "effective_from": _day}
# The facts each change must have (for its words, wording.change_sentence), and what each is.
_FACTS: dict[str, dict[str, Any]] = {
    PAY_RATE_ADDED: _PAY_LINE, PAY_RATE_REMOVED: _PAY_LINE, PAY_RATE_CHANGED: {**_PAY_LINE, "was": _number},
    LEAVER_RECORDED: {"pa": _text, "leaving_date": _day},
    PAY_RUN_FINALISED: {"pay_date": _day, "period_start": _day, "period_end": _day, "people": _count,
                        "gross_pay": _number, "net_pay": _number},
    CHECK_SAVED: {"pa": _text, "kind": _text}, CHECK_REMOVED: {"pa": _text, "kind": _text},
    P45_MADE: {"pa": _text, "leaving_date": _day},
    P60S_MADE: {"tax_year": _text},
    PA_DATA_EXPORTED: {"pa": _text}, PA_ERASED: {"pa": _text},
}
# Facts a change may have, whatever it is; what each is when it has it.
_MAY_HAVE = {"amount": _or_none(_number), "multiplier": _or_none(_number), "pay_scale_years": _or_none(_count),
             "reason": _or_none(_text), "on": _or_none(_day, blank_too=True), "pas": _names, "people": _count}


def read_facts(code: str, text: str) -> dict[str, Any]:
    """A change's facts read from their JSON, as the history's words need them (the import reads each one
    so): ValueError if they are not a set of named facts, or if a change lacks one of the facts its words
    need or has one of the wrong kind (a date that is not one, money in words). A change whose code has no
    words of its own is said by its code, so needs only to be a set of named facts."""
    facts = json.loads(text)
    if not isinstance(facts, dict):
        raise ValueError(text)
    try:
        for name, check in (*_FACTS.get(code, {}).items(), *((n, c) for n, c in _MAY_HAVE.items() if n in facts)):
            if name not in facts:
                raise ValueError(name)
            check(facts[name])
    except ArithmeticError as error:  # Decimal("lots")
        raise ValueError(str(error)) from None
    if code in (PAY_RATE_ADDED, PAY_RATE_REMOVED, PAY_RATE_CHANGED) and (facts.get("amount") is None and
                                                                         facts.get("multiplier") is None):
        raise ValueError("a pay line is an amount or a multiple of the basic rate")
    return facts


def change_history(db: Database, employer_id: int, pa_id: int | None = None) -> list[Change]:
    """The employer's changes (or those about one PA), newest first."""
    query = select(models.Change).where(models.Change.employer_id == employer_id)
    if pa_id is not None:
        query = query.where(models.Change.pa_id == pa_id)
    with db.session() as s:
        rows = s.scalars(query.order_by(models.Change.at.desc(), models.Change.id.desc()))
        return [Change(r.at, r.who, r.code, json.loads(r.facts), r.pa_id) for r in rows]


def note_pay_rate_changes(session, employer_id: int, pa_id: int, name: str, before, after) -> None:
    """Each pay-rate line added, changed or removed between two versions of a PA's pay terms."""
    old = {line.key: line for line in before}
    new = {line.key: line for line in after}
    for key in sorted(old.keys() | new.keys()):
        was, now = old.get(key), new.get(key)
        if was == now:
            continue
        line = now or was
        facts = dict(pa=name, kind=line.kind, shift_type=line.shift_type, effective_from=line.effective_from)
        if was is None:
            note(session, employer_id, PAY_RATE_ADDED, pa_id=pa_id, amount=now.amount, multiplier=now.multiplier, **facts)
        elif now is None:
            note(session, employer_id, PAY_RATE_REMOVED, pa_id=pa_id, amount=was.amount, multiplier=was.multiplier,
                 **facts)
        else:
            note(session, employer_id, PAY_RATE_CHANGED, pa_id=pa_id, amount=now.amount, multiplier=now.multiplier,
                 was=was.amount if was.amount is not None else was.multiplier, **facts)
