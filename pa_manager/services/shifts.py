"""Recording shifts: add, change and remove them, each checked first; and reading them back.

A shift is stored as two instants and the Europe/London date it starts on; screens hand in local
dates and times (`ShiftInput`) and get domain `Shift` values back (key = stored id, pa = PA id).
"""
from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import Integer, case, insert, select, type_coerce
from sqlalchemy.orm.exc import StaleDataError

from pa_manager.domain.shifts import (
    MANUAL, Shift, ShiftError, ShiftType, errors, find_overlaps, local_date, local_shift, validate_shift,
)
from pa_manager.domain.validation import Problem
from pa_manager.services.errors import ChangedElsewhere, NotFound, ValidationFailed
from pa_manager.services.undo import Change, Done, Recorder, Rule, done, same
from pa_manager.storage import models
from pa_manager.storage.database import Database, lock_employer

# Which form field each refusal belongs to, so the message appears next to it.
_FIELD = {
    "SHIFT_END_BEFORE_START": "end", "SHIFT_TOO_LONG": "end", "SHIFT_START_EQUALS_END": "end",
    "SHIFT_BREAK_INVALID": "break_minutes", "LOCAL_TIME_DOES_NOT_EXIST": "start",
    "SHIFT_BEFORE_START_DATE": "day", "SHIFT_AFTER_LEAVING_DATE": "day", "SHIFT_OVERLAPS_SAVED": "start",
    "SLEEP_IN_AWAKE_OUTSIDE": "awake",
}


@dataclass(frozen=True)
class ShiftInput:
    """A shift as a person enters it: local date and times; an end before the start is the next day."""

    pa_id: int
    day: date
    start: time
    end: time
    shift_type: ShiftType = ShiftType.STANDARD
    break_minutes: int = 0
    awake: tuple[tuple[time, time], ...] = ()  # sleep-ins: when they were woken and worked
    notes: str = ""


def build_shift(entry: ShiftInput, key: int | None = None) -> Shift:
    try:
        return local_shift(
            entry.day, entry.start, entry.end, pa=entry.pa_id, shift_type=entry.shift_type,
            break_minutes=entry.break_minutes, awake=entry.awake, notes=entry.notes.strip(), key=key,
        )
    except ShiftError as error:
        value = error.detail.get("time") or entry.start
        raise ValidationFailed({_FIELD.get(error.code, "start"): Problem.of(
            error.code, f"{value:%H:%M}" if isinstance(value, time) else value, day=entry.day)}) from None


def _when(shift: Shift) -> tuple:
    """A shift's (start, end), which the words layer says as 'Tuesday 3 March 2026, 08:00 to 12:00'."""
    return (shift.start, shift.end)


# --- storage <-> values ------------------------------------------------------------------------


def _encode_awake(shift: Shift) -> str:
    return ";".join(f"{int(a.timestamp())}-{int(b.timestamp())}" for a, b in shift.awake)


def decode_awake(text: str) -> tuple[tuple[datetime, datetime], ...]:
    if not text:
        return ()
    pairs = (part.split("-") for part in text.split(";"))
    return tuple((datetime.fromtimestamp(int(a), timezone.utc), datetime.fromtimestamp(int(b), timezone.utc))
                 for a, b in pairs)


_SHIFT_COLUMNS = (models.Shift.id, models.Shift.pa_id, models.Shift.starts_at, models.Shift.ends_at,
                  models.Shift.shift_type, models.Shift.break_minutes, models.Shift.awake_periods, models.Shift.notes,
                  models.Shift.version)


def shift_rows():
    """A query for shifts to read (not change) as plain rows, which to_shift reads as it reads stored
    shifts: several times quicker than loading each as a stored object."""
    return select(*_SHIFT_COLUMNS)


def paid_minutes_column():
    """domain.shifts.paid_minutes asked of the database, for sums in SQL: a shift's length in whole minutes
    (its instants are whole seconds) less its break, never below zero."""
    length = (type_coerce(models.Shift.ends_at, Integer) - type_coerce(models.Shift.starts_at, Integer)) // 60
    paid = length - models.Shift.break_minutes
    return case((paid > 0, paid), else_=0)


# Looked up by the stored value, quicker than asking the enum (Shift still refuses a value not in it).
_SHIFT_TYPES = {t.value: t for t in ShiftType}


def to_shift(row: models.Shift) -> Shift:
    return Shift.made_ready(
        pa=row.pa_id, start=row.starts_at, end=row.ends_at,
        shift_type=_SHIFT_TYPES.get(row.shift_type, row.shift_type), break_minutes=row.break_minutes,
        awake=decode_awake(row.awake_periods), notes=row.notes, key=row.id, version=row.version,
    )


def row_values(employer_id: int, shift: Shift, source: str) -> dict:
    """Column values for storing a shift (used for single saves and bulk imports alike)."""
    return dict(
        employer_id=employer_id, pa_id=shift.pa, starts_at=shift.start, ends_at=shift.end,
        local_date=local_date(shift), break_minutes=shift.break_minutes, shift_type=shift.shift_type.value,
        awake_periods=_encode_awake(shift), notes=shift.notes, source=source,
    )


# --- checks ------------------------------------------------------------------------------------


def stored_near(session, pa_id: int, shift: Shift) -> list[Shift]:
    """The PA's saved shifts that could overlap this one (those starting within a day either side)."""
    rows = session.execute(
        shift_rows().where(
            models.Shift.pa_id == pa_id,
            models.Shift.starts_at > shift.start - timedelta(days=1, hours=1),
            models.Shift.starts_at < shift.end,
        )
    )
    return [to_shift(r) for r in rows]


def paid_periods(session, employer_id: int) -> list[tuple[date, date, date]]:
    """(first day, last day, pay date) of each finalised pay run: their shifts were paid as they were."""
    return list(session.execute(select(models.PayRun.period_start, models.PayRun.period_end, models.PayRun.pay_date)
                                .where(models.PayRun.employer_id == employer_id)).all())


def paid_day_problem(periods, day: date) -> Problem | None:
    """A shift on a day already paid cannot be added, changed or removed: the pay record would no
    longer match the hours, and the difference would never be paid. Corrections go in a later run."""
    for first, last, paid_on in periods:
        if first <= day <= last:
            return Problem.of("SHIFT_IN_PAID_PERIOD", day, day=day, paid_on=paid_on)
    return None


def _refuse_if_paid(session, employer_id: int, day: date) -> None:
    problem = paid_day_problem(paid_periods(session, employer_id), day)
    if problem is not None:
        raise ValidationFailed({"day": problem})


def shift_problems(session, employer_id: int, shift: Shift) -> dict[str, Problem]:
    """Refusals only (a short visit is a warning, not a refusal), keyed by form field."""
    pa = session.get(models.PersonalAssistant, shift.pa)
    if pa is None or pa.employer_id != employer_id:
        raise NotFound("PA_GONE")
    found: dict[str, Problem] = {}
    paid = paid_day_problem(paid_periods(session, employer_id), local_date(shift))
    if paid is not None:
        found["day"] = paid
    for problem in errors(validate_shift(shift, pa_start=pa.start_date, pa_leaving=pa.leaving_date)):
        found.setdefault(_FIELD.get(problem.code, "start"), Problem.of(problem.code, problem.value, name=pa.name))
    others = [s for s in stored_near(session, shift.pa, shift) if s.key != shift.key]
    for earlier, later in find_overlaps([*others, shift]):
        other = earlier if later is shift else later
        if shift in (earlier, later):
            found.setdefault("start", Problem.of("SHIFT_OVERLAPS_SAVED", _when(other), name=pa.name))
    return found


def store_checked_in(s, employer_id: int, shifts: list[Shift], source: str) -> tuple[int, ...]:
    """Check new shifts and store them in the caller's transaction, all or none: ValidationFailed
    (each problem by its field) if any is refused. Returns their new ids in order."""
    if not shifts:
        return ()
    lock_employer(s, employer_id)
    problems = batch_problems(s, employer_id, shifts)
    if problems:
        raise ValidationFailed({field: problem for _, field, problem in problems})
    return insert_batch(s, employer_id, shifts, source)


def check_batch(db: Database, employer_id: int, shifts: list[Shift]) -> list[tuple[int, str, Problem]]:
    """Refusals for many new shifts at once, as (index, field, problem): each against its PA's
    employment dates, against saved shifts, and against each other. One query, however many shifts."""
    if not shifts:
        return []
    with db.session() as s:
        return batch_problems(s, employer_id, shifts)


def batch_problems(s, employer_id: int, shifts: list[Shift], replacing=frozenset()) -> list[tuple[int, str, Problem]]:
    """check_batch inside a transaction the caller holds (so it can store what passes in the same one).
    `replacing`: ids of saved shifts these take the place of (undo), left out of the overlap check."""
    if not shifts:
        return []
    pas = {pa.id: pa for pa in s.scalars(select(models.PersonalAssistant).where(
        models.PersonalAssistant.employer_id == employer_id))}
    first = min(x.start for x in shifts) - timedelta(days=1, hours=1)
    last = max(x.end for x in shifts)
    stored = [to_shift(r) for r in s.execute(shift_rows().where(
        models.Shift.employer_id == employer_id, models.Shift.starts_at > first, models.Shift.starts_at < last))
        if r.id not in replacing]
    paid = paid_periods(s, employer_id)
    found: list[tuple[int, str, Problem]] = []
    for index, shift in enumerate(shifts):
        pa = pas.get(shift.pa)
        if pa is None:
            raise NotFound("PA_GONE")
        problem = paid_day_problem(paid, local_date(shift))
        if problem is not None:
            found.append((index, "day", problem))
        for problem in errors(validate_shift(shift, pa_start=pa.start_date, pa_leaving=pa.leaving_date)):
            found.append((index, _FIELD.get(problem.code, "start"), Problem.of(problem.code, problem.value, name=pa.name)))
    position = {id(shift): index for index, shift in enumerate(shifts)}
    for a, b in find_overlaps([*stored, *shifts]):
        for mine, other in ((a, b), (b, a)):
            if id(mine) in position and (other.key is not None or position.get(id(other), -1) < position[id(mine)]):
                found.append((position[id(mine)], "start", Problem.of(
                    "SHIFT_OVERLAPS_SAVED", _when(other), name=pas[mine.pa].name)))
    return sorted(found, key=lambda f: f[0])


def store_batch(db: Database, employer_id: int, shifts: list[Shift], source: str) -> None:
    """Store checked shifts in one transaction, their new ids not asked back (the demo's two years of rota:
    a third of the time of insert_batch, which has the database return each id in order)."""
    if shifts:
        with db.session() as s:
            s.execute(insert(models.Shift), [row_values(employer_id, shift, source) for shift in shifts])


def insert_batch(s, employer_id: int, shifts: list[Shift], source: str) -> tuple[int, ...]:
    if not shifts:
        return ()
    # sort_by_parameter_order: the ids in the order of the shifts given (otherwise SQLAlchemy promises no
    # order when one INSERT ... RETURNING carries many rows, as it does on PostgreSQL).
    return tuple(s.scalars(insert(models.Shift).returning(models.Shift.id, sort_by_parameter_order=True),
                           [row_values(employer_id, shift, source) for shift in shifts]))


def is_short_visit(shift: Shift) -> bool:
    return any(p.code == "SHORT_VISIT" for p in validate_shift(shift))


# --- use cases ---------------------------------------------------------------------------------


def save_shift(db: Database, employer_id: int, entry: ShiftInput, shift_id: int | None = None,
               source: str = MANUAL, *, version: int | None = None) -> Shift:
    """Add a shift (shift_id None) or change one, after checking it; returns it as stored. `version` is
    the version of the shift the form opened (Shift.version): if someone else has changed or removed
    the shift since, nothing is saved (ChangedElsewhere). As save_shift_undoably, for callers with no
    undo to keep."""
    return save_shift_undoably(db, employer_id, entry, shift_id, source, version=version).value


def save_shift_undoably(db: Database, employer_id: int, entry: ShiftInput, shift_id: int | None = None,
                        source: str = MANUAL, *, version: int | None = None) -> Done[Shift]:
    """save_shift, with the change it made (SHIFT_ADDED or SHIFT_CHANGED)."""
    shift = build_shift(entry, key=shift_id)
    with db.session() as s:
        lock_employer(s, employer_id)  # no pay run is finalised between the paid-day check and the write
        recorder = Recorder(s)
        row = s.get(models.Shift, shift_id) if shift_id is not None else None
        if shift_id is not None and version is not None and (row is None or row.version != version):
            stored = shift if row is None else to_shift(row)
            pa = s.get(models.PersonalAssistant, stored.pa)
            code = "SHIFT_REMOVED_ELSEWHERE" if row is None else "SHIFT_CHANGED_ELSEWHERE"
            raise ChangedElsewhere(Problem.of(code, _when(stored), name=pa.name if pa else ""))
        problems = shift_problems(s, employer_id, shift)
        if problems:
            raise ValidationFailed(problems)
        if row is not None:
            _refuse_if_paid(s, employer_id, row.local_date)  # moving a paid shift out is a change too
            recorder.watch(models.Shift, models.Shift.id == row.id)
        if row is None:
            row = models.Shift()
            s.add(row)
        for name, value in row_values(employer_id, shift, source if shift_id is None else row.source or source).items():
            setattr(row, name, value)
        try:
            s.flush()
        except StaleDataError:  # changed by someone else between the check above and this write
            pa = s.get(models.PersonalAssistant, shift.pa)
            raise ChangedElsewhere(Problem.of("SHIFT_CHANGED_ELSEWHERE", _when(shift),
                                              name=pa.name if pa else "")) from None
        recorder.added(models.Shift, row.id)
        saved = to_shift(row)
        return done(saved, recorder, "SHIFT_ADDED" if shift_id is None else "SHIFT_CHANGED", employer_id,
                    **shift_facts(s, saved))


def shift_facts(s, shift: Shift) -> dict:
    """What the words for a change to one shift need (wording.undo_text): whose, and when."""
    pa = s.get(models.PersonalAssistant, shift.pa)
    return dict(name=pa.name if pa else "", start=shift.start, end=shift.end)


def delete_shift(db: Database, shift_id: int) -> Change | None:
    """Remove a shift (SHIFT_REMOVED); None if it was not there. A shift on a day already paid is refused."""
    with db.session() as s:
        row = s.get(models.Shift, shift_id)
        if row is None:
            return None
        lock_employer(s, row.employer_id)
        _refuse_if_paid(s, row.employer_id, row.local_date)
        recorder = Recorder(s)
        recorder.watch(models.Shift, models.Shift.id == shift_id)
        facts = shift_facts(s, to_shift(row))
        s.delete(row)
        return recorder.change("SHIFT_REMOVED", row.employer_id, **facts)


def added_shifts(recorder: Recorder, s, code: str, employer_id: int, ids: tuple[int, ...]) -> Change:
    """The change of an action that stored new shifts (SHIFTS_COPIED, SHIFTS_IMPORTED, SHIFTS_MARKED_WORKED):
    how many, and whose and when for just one."""
    recorder.added(models.Shift, *ids)
    facts = shift_facts(s, to_shift(s.get(models.Shift, ids[0]))) if len(ids) == 1 else {}
    return recorder.change(code, employer_id, count=len(ids), **facts)


class ShiftRule(Rule):
    """Undo and redo of shifts, checked as saving checks them: nothing on a day already paid (taken
    away, put back or moved), and a shift put back within its PA's employment and overlapping none,
    all at once however many there are (batch_problems). Checked before writing, so a shift the same as
    one typed in since is refused in these words, not by the database; or after, for shifts whose PA
    comes back in the same change."""

    tables = frozenset({"shifts"})

    def before(self, s, rows, reversal):
        rows = _checked(rows, reversal)
        paid: dict[int, list] = {}
        for r in rows:
            if r.old is not None:
                employer_id = r.old["employer_id"]
                if employer_id not in paid:
                    paid[employer_id] = paid_periods(s, employer_id)
                problem = paid_day_problem(paid[employer_id], r.old["local_date"])
                if problem is not None:
                    raise ValidationFailed({"day": problem})
        present = {pa_id for (pa_id,) in s.execute(select(models.PersonalAssistant.id).where(
            models.PersonalAssistant.id.in_({r.new["pa_id"] for r in rows if r.new is not None})))}
        now = [{**r.new, "id": r.id} for r in rows if r.new is not None and r.new["pa_id"] in present]
        _refuse_problems(s, now, {r.id for r in rows if r.id is not None})
        return present

    def after(self, s, rows, present, reversal):
        later = [r.new for r in _checked(rows, reversal) if r.new is not None and r.new["pa_id"] not in present]
        _refuse_problems(s, later, {v["id"] for v in later})


def _checked(rows, reversal) -> list:
    """The rows to check: not those moving with their whole employer, nor those whose only change is the
    link to a holiday booking (a booking cancelled, or put back, leaves a paid holiday shift as it was
    paid: nothing the pay record holds changes)."""
    return [r for r in rows if (r.old or r.new)["employer_id"] not in reversal.whole_employers and not (
        r.old is not None and r.new is not None
        and same({**r.old, "holiday_booking_id": None}, {**r.new, "holiday_booking_id": None}))]


def _refuse_problems(s, shifts: list[dict], replacing: set[int]) -> None:
    """The first problem with shifts about to be put back (row values; id None for a new one), if any."""
    by_employer: dict[int, list[Shift]] = {}
    for values in shifts:
        by_employer.setdefault(values["employer_id"], []).append(to_shift(SimpleNamespace(**values)))
    for employer_id, put in by_employer.items():
        problems = batch_problems(s, employer_id, put, replacing)
        if problems:
            _, field, problem = problems[0]
            raise ValidationFailed({field: problem})


def get_shift(db: Database, shift_id: int) -> Shift:
    with db.session() as s:
        row = s.get(models.Shift, shift_id)
        if row is None:
            raise NotFound("SHIFT_GONE")
        return to_shift(row)


def shifts_between(db: Database, employer_id: int, first: date, last: date, pa_id: int | None = None,
                   shift_type: ShiftType | None = None) -> list[Shift]:
    """Shifts starting (in London) on any day from `first` to `last`, in start order."""
    query = shift_rows().where(
        models.Shift.employer_id == employer_id, models.Shift.local_date >= first, models.Shift.local_date <= last
    )
    if pa_id is not None:
        query = query.where(models.Shift.pa_id == pa_id)
    if shift_type is not None:
        query = query.where(models.Shift.shift_type == shift_type.value)
    with db.session() as s:
        return [to_shift(r) for r in s.execute(query.order_by(models.Shift.starts_at))]
