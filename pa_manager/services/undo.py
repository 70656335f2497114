"""Undo as data: what an action changed, row by row, and the one way of putting it back.

An action a person can take back returns `Done(value, change)`. The change is made in the action's
own transaction by a `Recorder`: it reads the rows the action is about to touch, and once the action
has written, reads them again, so the change holds every row inserted, updated or deleted, as it was
before and after (`RowChange`), and nothing else. It says what was done as a code and facts
(`wording.undo_text` turns them into "Add Ann Cole's shift on ..."), never in words.

`undo_rules.reverse(db, change, today)` puts the rows back as they were, in one transaction: refused when anyone
has changed them since (the rows are compared), and with every rule the records must keep checked
again by the table's `Rule` (services.undo_rules lists them; each lives beside the service that owns
its table: a PA is checked as saving checks them, a shift on a day now paid is refused, ...). A
refusal is a ServiceError saying why, and nothing is written. It returns the change it made, with
the same code and facts: reversing that does the action again (redo), and so on.

A row deleted and put back keeps its id. Should the id have been handed out again meanwhile (SQLite
reuses the largest id once it is deleted), the row is put back under a new id, and every row of the
change that refers to it follows.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from sqlalchemy import Table, and_, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from pa_manager.domain.validation import Problem
from pa_manager.services.errors import ChangedElsewhere
from pa_manager.storage.database import Database, lock_employer
from pa_manager.storage.models import Base
from pa_manager.storage.postgresql import advance_sequence

T = TypeVar("T")
Row = Mapping[str, Any]

# The change history kept for an audit is never taken back: undo is itself a change, noted by the
# rules (a pay rate put back is noted as changed again). Rows that point at a removed row from it
# (SET NULL) are left as they are. A whole employer's removal, which takes the history too, names
# the table itself and so puts it back.
UNTRACKED = frozenset({"changes"})
VERSION = "version"  # moves on at every write, so a form opened before an undo is refused on save
_CHUNK = 500  # ids per query


@dataclass(frozen=True)
class RowChange:
    """One row of `table`, as it was (`old`) and as it became (`new`); None where there was no row."""

    table: str
    id: int
    old: Row | None
    new: Row | None


@dataclass(frozen=True)
class WholeEmployer:
    """An employer added whole from a file, held by what identifies it rather than row by row, so the
    change does not grow with their history (services.transfer.reverse_import takes it back, and
    imports the file again). While they are in the data file, `employer_id` is theirs and `records` a
    digest of every row they own as added (history and versions aside); both None once taken back."""

    name: str
    source: Path
    source_digest: str  # sha256 of the file's bytes
    employer_id: int | None = None
    records: str | None = None


@dataclass(frozen=True)
class Change:
    """What one action did: `code` and `facts` say what, for the words (wording.undo_text); `rows` hold
    every row it changed, or `whole` the employer it added whole. `employer_id` is whose records they
    are (None for none in particular)."""

    code: str
    employer_id: int | None
    facts: Mapping[str, Any] = field(default_factory=dict)
    rows: tuple[RowChange, ...] = ()
    whole: WholeEmployer | None = None

    def rows_of(self, table: str) -> list[RowChange]:
        return [r for r in self.rows if r.table == table]

    @property
    def added_employer(self) -> int | None:
        """The id of an employer this change added (or put back), if it did."""
        if self.whole is not None:
            return self.whole.employer_id
        return next((r.id for r in self.rows_of("employers") if r.old is None and r.new is not None), None)


@dataclass(frozen=True)
class Done(Generic[T]):
    """What an action that can be undone gives back: its result, and the change it made."""

    value: T
    change: Change


@dataclass(frozen=True)
class Reversal:
    """What a rule is told about the undo or redo it checks, besides its rows."""

    today: date
    # Employers added or removed whole by it: their change history moves with them, so nothing is noted.
    whole_employers: frozenset[int] = frozenset()


class Rule:
    """What the records must keep, checked again whenever undo or redo writes rows of `tables`.

    `before` is called before anything is written, with each row as it is (old) and as it is to be
    (new; a row put back under a new id has id None); `after` once everything is written, with the rows
    as they were and as they are now, and with what `before` returned. Either raises a ServiceError to
    refuse (nothing is then kept). `after` also notes in the change history what the action would
    have noted."""

    tables: frozenset[str] = frozenset()

    def before(self, session, rows: list[RowChange], reversal: Reversal) -> Any:
        return None

    def after(self, session, rows: list[RowChange], state: Any, reversal: Reversal) -> None:
        return None


# --- reading rows -----------------------------------------------------------------------------------


def table_of(model_or_table) -> Table:
    return model_or_table if isinstance(model_or_table, Table) else model_or_table.__table__


def _tables() -> dict[str, Table]:
    return Base.metadata.tables


@cache
def _order() -> dict[str, int]:
    """Parents before children (so inserts go in this order, and deletes in the reverse)."""
    return {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}


@cache
def _dependents(table_name: str) -> tuple[tuple[str, str], ...]:
    """(child table, column) for each foreign key pointing at `table_name` that a delete of its row
    carries on into (CASCADE, or SET NULL), leaving out UNTRACKED tables."""
    found = []
    for child in Base.metadata.sorted_tables:
        if child.name in UNTRACKED:
            continue
        for fk in child.foreign_keys:
            if fk.column.table.name == table_name and (fk.ondelete or "").upper() in ("CASCADE", "SET NULL"):
                found.append((child.name, fk.parent.name))
    return tuple(found)


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def _read(connection, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], dict]:
    """The rows with these (table, id) keys as they are now; a key with no row is left out."""
    by_table: dict[str, list[int]] = defaultdict(list)
    for name, row_id in keys:
        by_table[name].append(row_id)
    found = {}
    for name, ids in by_table.items():
        table = _tables()[name]
        for part in _chunks(sorted(set(ids))):
            for row in connection.execute(select(table).where(table.c.id.in_(part))):
                found[(name, row.id)] = dict(row._mapping)
    return found


def same(a: Row | None, b: Row | None) -> bool:
    """Whether two states of a row are the same record (its version aside)."""
    if a is None or b is None:
        return a is b
    return {k: v for k, v in a.items() if k != VERSION} == {k: v for k, v in b.items() if k != VERSION}


# --- recording what an action does -----------------------------------------------------------------

_RECORDING: ContextVar[bool] = ContextVar("pa_manager_undo_recording", default=True)


@contextmanager
def not_recorded() -> Iterator[None]:
    """Actions done inside (in this thread) keep no rows for undo: their Change names the action and holds
    no rows. For what nobody can take back, such as making the demo household in a new file, where reading
    every row back again would be work for nothing."""
    token = _RECORDING.set(False)
    try:
        yield
    finally:
        _RECORDING.reset(token)


class Recorder:
    """Records the rows an action changes, in the action's own transaction.

    Before writing, `watch` the rows the action may change or delete (with `dependents`, also the rows
    a delete would carry on into); after writing, name the rows it added (`added`, `added_where`);
    then `change(...)` reads them all again and returns the Change. A watched condition is read again
    too, so a row added inside it needs no naming; every row the action touches must be watched or
    named."""

    def __init__(self, session):
        self._session = session
        self._old: dict[tuple[str, int], dict | None] = {}
        self._scopes: list[tuple[Table, Any]] = []

    @property
    def _connection(self):
        return self._session.connection()

    def watch(self, model, *where, dependents: bool = False) -> list[dict]:
        """Read the rows of `model` matching `where` as they are before the action; returns them."""
        self._session.flush()
        table = table_of(model)
        condition = and_(*where)
        self._scopes.append((table, condition))
        rows = [dict(r._mapping) for r in self._connection.execute(select(table).where(condition))]
        for row in rows:
            self._old.setdefault((table.name, row["id"]), row)
        if dependents and rows:
            self._watch_dependents(table.name, [row["id"] for row in rows])
        return rows

    def watch_ids(self, model, ids: Iterable[int], *, dependents: bool = False) -> list[dict]:
        ids = sorted(set(ids))
        table = table_of(model)
        found = []
        for part in _chunks(ids):
            found += self.watch(table, table.c.id.in_(part), dependents=dependents)
        return found

    def _watch_dependents(self, table_name: str, ids: list[int]) -> None:
        for child, column in _dependents(table_name):
            table = _tables()[child]
            for part in _chunks(ids):
                self.watch(table, table.c[column].in_(part), dependents=True)

    def added(self, model, *ids: int) -> None:
        """Rows the action inserted."""
        name = table_of(model).name
        for row_id in ids:
            self._old.setdefault((name, row_id), None)

    def added_where(self, model, *where) -> None:
        """Every row of `model` matching `where` is one the action inserted."""
        self._session.flush()
        if not _RECORDING.get():
            return
        table = table_of(model)
        for (row_id,) in self._connection.execute(select(table.c.id).where(and_(*where))):
            self._old.setdefault((table.name, row_id), None)

    def added_whole(self, model, row_id: int) -> None:
        """A row the action inserted, with every row that refers to it (those its delete would carry on
        into), all as inserted by the action; rows already watched keep what was read before."""
        self._session.flush()
        if not _RECORDING.get():
            return
        table = table_of(model)
        self._old.setdefault((table.name, row_id), None)
        for child, column in _dependents(table.name):
            child_table = _tables()[child]
            for (child_id,) in self._connection.execute(select(child_table.c.id).where(child_table.c[column] == row_id)):
                self.added_whole(child_table, child_id)

    def change(self, code: str, employer_id: int | None, **facts: Any) -> Change:
        """The change the action made: every row watched or named, before and after."""
        self._session.flush()
        if not _RECORDING.get():
            return Change(code, employer_id, dict(facts), ())
        now: dict[tuple[str, int], dict] = {}
        for table, condition in self._scopes:
            for row in self._connection.execute(select(table).where(condition)):
                now[(table.name, row.id)] = dict(row._mapping)
                self._old.setdefault((table.name, row.id), None)
        now.update(_read(self._connection, [k for k in self._old if k not in now]))
        rows = tuple(RowChange(name, row_id, old, now.get((name, row_id)))
                     for (name, row_id), old in sorted(self._old.items(), key=lambda kv: (_order()[kv[0][0]], kv[0][1]))
                     if not same(old, now.get((name, row_id))))
        return Change(code, employer_id, dict(facts), rows)


def done(value: T, recorder: Recorder, code: str, employer_id: int | None, **facts: Any) -> Done[T]:
    return Done(value, recorder.change(code, employer_id, **facts))


def undoable(db: Database, code: str, employer_id: int | None, action, watches, facts=lambda value: {}) -> Done:
    """Do `action()` in one transaction with the change it made: `watches` are (model, *where) read
    before it (rows it adds inside them are found again); `facts(value)` says what was done."""
    with db.session() as s:
        recorder = Recorder(s)
        for model, *where in watches:
            recorder.watch(model, *where)
        value = action()
        return done(value, recorder, code, employer_id, **facts(value))


# --- putting rows back ------------------------------------------------------------------------------


def reverse_with(db: Database, change: Change, today: date, RULES) -> Change:
    """Put every row of `change` back as it was before it, in one transaction, checking `RULES` again
    (services.undo_rules.reverse gives them: the rules live beside their services, which import this
    module, so this module never imports them); returns the change this made (reverse that to do the
    action again). Raises ServiceError, with nothing written, when the records no longer allow it."""

    with db.session(write=True) as s:
        if change.employer_id is not None:
            lock_employer(s, change.employer_id)
        connection = s.connection()
        current = _read(connection, [(r.table, r.id) for r in change.rows])
        planned: list[RowChange] = []
        for r in change.rows:
            now = current.get((r.table, r.id))
            if r.new is None and r.old is not None and now is not None:
                planned.append(RowChange(r.table, None, None, r.old))  # its id was handed out again: a new one
            elif not same(now, r.new):
                raise ChangedElsewhere(Problem("UNDO_CHANGED_SINCE"))
            else:
                planned.append(RowChange(r.table, r.id, now, r.old))
        whole = frozenset(r.id if r.id is not None else r.new["id"] for r in planned if r.table == "employers"
                          and (r.old is None) != (r.new is None))
        reversal = Reversal(today, whole)
        rules = [(rule, [p for p in planned if p.table in rule.tables]) for rule in RULES]
        rules = [(rule, rows) for rule, rows in rules if rows]
        states = [rule.before(s, rows, reversal) for rule, rows in rules]
        try:
            written = _write(connection, planned)
        except IntegrityError:
            raise ChangedElsewhere(Problem("UNDO_NOT_POSSIBLE")) from None
        s.expire_all()
        whole = frozenset(w.id for w in written if w.table == "employers" and (w.old is None) != (w.new is None))
        reversal = Reversal(today, whole)
        for (rule, _), state in zip(rules, states):
            rule.after(s, [w for w in written if w.table in rule.tables], state, reversal)
        s.flush()
    return Change(change.code, change.employer_id, change.facts, tuple(written))


def _foreign(table: Table) -> list[tuple[str, str]]:
    return [(fk.parent.name, fk.column.table.name) for fk in table.foreign_keys]


def _write(connection, planned: list[RowChange]) -> list[RowChange]:
    """Write each planned row (deletes first, children before parents; then the rest, parents first)
    and return what was written: old as it was, new as it is now."""
    order, tables = _order(), _tables()
    written: list[RowChange] = []
    deletes = sorted((p for p in planned if p.new is None), key=lambda p: (-order[p.table], p.id))
    for name in sorted({p.table for p in deletes}, key=lambda n: -order[n]):
        table = tables[name]
        for part in _chunks([p.id for p in deletes if p.table == name]):
            connection.execute(delete(table).where(table.c.id.in_(part)))
    written += deletes
    new_ids: dict[str, dict[int, int]] = defaultdict(dict)
    puts = sorted((p for p in planned if p.new is not None), key=lambda p: (order[p.table], p.new["id"]))
    postgresql = connection.dialect.name == "postgresql"
    for name in sorted({p.table for p in puts}, key=order.get):
        table = tables[name]
        foreign = _foreign(table)
        inserts, fresh = [], []
        for r in (p for p in puts if p.table == name):
            values = {k: v for k, v in r.new.items() if k in table.c}
            for column, parent in foreign:
                if values.get(column) in new_ids[parent]:
                    values[column] = new_ids[parent][values[column]]
            if r.old is not None:
                if VERSION in table.c:
                    values[VERSION] = (r.old.get(VERSION) or 0) + 1
                connection.execute(update(table).where(table.c.id == r.id).values(**values))
                written.append(RowChange(name, r.id, r.old, values))
            elif r.id is None:
                fresh.append(values)
            else:
                inserts.append(values)
        if inserts:
            if postgresql:
                advance_sequence(connection, name, max(v["id"] for v in inserts))
            connection.execute(insert(table), inserts)
            written += [RowChange(name, v["id"], None, v) for v in inserts]
        for values in fresh:
            old_id = values.pop("id")
            new_id = connection.execute(insert(table).values(**values)).inserted_primary_key[0]
            new_ids[name][old_id] = new_id
            values["id"] = new_id
            written.append(RowChange(name, new_id, None, values))
    return written
