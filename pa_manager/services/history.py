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
