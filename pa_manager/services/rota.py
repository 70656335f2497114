"""The rota: recurring patterns that plan shifts, one-off changes (cancelled or covered shifts),
and turning planned shifts into worked ones."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select

from pa_manager.domain import rota as rota_rules
from pa_manager.domain.rota import CANCEL, COVER, Cancellation, Cover, RotaPattern
from pa_manager.domain.shifts import FROM_ROTA, Shift, ShiftError, ShiftType, find_overlaps, local_date, to_london
from pa_manager.domain.validation import Problem
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.shifts import added_shifts, shifts_between, store_checked_in
from pa_manager.services.undo import Change, Done, Recorder, Rule, done
from pa_manager.storage import models
from pa_manager.storage.database import Database


@dataclass(frozen=True)
class PatternRecord:
    """A stored rota pattern: the domain pattern plus its id."""

    id: int | None
    pattern: RotaPattern


@dataclass(frozen=True)
class ChangeRecord:
    id: int | None
    change: Cancellation | Cover


def _hhmm(text: str) -> time:
    return time.fromisoformat(text)


def pattern_record(row: models.RotaPattern) -> PatternRecord:
    return PatternRecord(row.id, RotaPattern(
        name=row.name, pa=row.pa_id, start=_hhmm(row.start_time), end=_hhmm(row.end_time),
        weekdays=frozenset(int(d) for d in row.weekdays.split(",")), starts_on=row.starts_on,
        shift_type=ShiftType(row.shift_type), break_minutes=row.break_minutes, interval=row.interval_weeks,
        until=row.until,
    ))


def list_patterns(db: Database, employer_id: int) -> list[PatternRecord]:
    with db.session() as s:
        return _patterns(s, employer_id)


def _patterns(s, employer_id: int) -> list[PatternRecord]:
    rows = s.scalars(select(models.RotaPattern).where(models.RotaPattern.employer_id == employer_id)
                     .order_by(models.RotaPattern.starts_on, models.RotaPattern.id))
    return [pattern_record(r) for r in rows]


def make_pattern(**fields) -> RotaPattern:
    """Build a pattern from what a person entered; an impossible one is refused in words."""
    try:
        return RotaPattern(**fields)
    except ShiftError as error:
        field = {"ROTA_NO_WEEKDAYS": "weekdays", "ROTA_UNTIL_BEFORE_START": "until",
                 "ROTA_BAD_INTERVAL": "interval", "SHIFT_BREAK_INVALID": "break_minutes"}.get(error.code, "end")
        raise ValidationFailed({field: Problem(error.code)}) from None


def save_pattern(db: Database, employer_id: int, pattern: RotaPattern,
                 pattern_id: int | None = None) -> Done[PatternRecord]:
    """Add a pattern to the rota (ROTA_PATTERN_ADDED), or change one (ROTA_PATTERN_CHANGED)."""
    with db.session() as s:
        recorder = Recorder(s)
        row = s.get(models.RotaPattern, pattern_id) if pattern_id is not None else None
        if row is None:
            row = models.RotaPattern()
            s.add(row)
        else:
            recorder.watch(models.RotaPattern, models.RotaPattern.id == pattern_id)
        row.employer_id, row.pa_id, row.name = employer_id, pattern.pa, pattern.name.strip()
        row.shift_type, row.break_minutes = pattern.shift_type.value, pattern.break_minutes
        row.start_time, row.end_time = pattern.start.strftime("%H:%M"), pattern.end.strftime("%H:%M")
        row.weekdays = ",".join(str(d) for d in sorted(pattern.weekdays))
        row.interval_weeks, row.starts_on, row.until = pattern.interval, pattern.starts_on, pattern.until
        s.flush()
        recorder.added(models.RotaPattern, row.id)
        saved = pattern_record(row)
        return done(saved, recorder, "ROTA_PATTERN_ADDED" if pattern_id is None else "ROTA_PATTERN_CHANGED",
                    employer_id, **_pattern_facts(s, saved.pattern))


def _pattern_facts(s, pattern: RotaPattern) -> dict:
    pa = s.get(models.PersonalAssistant, pattern.pa)
    return dict(name=pa.name if pa else "", pattern=pattern.name, weekdays=tuple(sorted(pattern.weekdays)))


def delete_pattern(db: Database, pattern_id: int) -> Change | None:
    """Take a pattern off the rota (ROTA_PATTERN_REMOVED); None if it was not there."""
    with db.session() as s:
        row = s.get(models.RotaPattern, pattern_id)
        if row is None:
            return None
        recorder = Recorder(s)
        recorder.watch(models.RotaPattern, models.RotaPattern.id == pattern_id)
        facts = _pattern_facts(s, pattern_record(row).pattern)
        s.delete(row)
        return recorder.change("ROTA_PATTERN_REMOVED", row.employer_id, **facts)


class PatternRule(Rule):
    """A pattern put back by undo or redo must still make a rota (as the form checks it)."""

    tables = frozenset({"rota_patterns"})

    def after(self, s, rows, state, reversal):
        for r in rows:
            if r.new is not None:
                try:
                    pattern_record(s.get(models.RotaPattern, r.id))
                except ShiftError as error:
                    raise ValidationFailed({"pattern": Problem(error.code)}) from None


def list_changes(db: Database, employer_id: int, first: date, last: date) -> list[ChangeRecord]:
    with db.session() as s:
        return _changes(s, employer_id, first, last)


def _changes(s, employer_id: int, first: date, last: date) -> list[ChangeRecord]:
    rows = s.scalars(select(models.RotaChange).where(
        models.RotaChange.employer_id == employer_id, models.RotaChange.day >= first, models.RotaChange.day <= last,
    ).order_by(models.RotaChange.id))
    return [ChangeRecord(r.id, _change(r)) for r in rows]


def _change(row: models.RotaChange) -> Cancellation | Cover:
    start = _hhmm(row.start_time) if row.start_time else None
    if row.kind == COVER:
        return Cover(pa=row.pa_id, day=row.day, cover_pa=row.cover_pa_id, start=start)
    return Cancellation(pa=row.pa_id, day=row.day, start=start)


def save_change(db: Database, employer_id: int, change: Cancellation | Cover) -> ChangeRecord:
    """Record a one-off change to the rota."""
    with db.session() as s:
        return _add_change(s, employer_id, change)


def _add_change(s, employer_id: int, change: Cancellation | Cover, holiday_booking_id: int | None = None) -> ChangeRecord:
    row = models.RotaChange(
        employer_id=employer_id, pa_id=change.pa, day=change.day,
        start_time=change.start.strftime("%H:%M") if change.start else "",
        kind=COVER if isinstance(change, Cover) else CANCEL,
        cover_pa_id=change.cover_pa if isinstance(change, Cover) else None, holiday_booking_id=holiday_booking_id,
    )
    s.add(row)
    s.flush()
    return ChangeRecord(row.id, _change(row))


def cancel_planned(db: Database, employer_id: int, planned: Shift) -> Done[ChangeRecord]:
    """Cancel one planned shift; the rota itself is unchanged (ROTA_SHIFT_CANCELLED)."""
    return _change_planned(db, employer_id, planned, Cancellation(planned.pa, local_date(planned),
                                                                  planned_start(planned)))


def cancel_for_holiday(s, employer_id: int, planned: Shift, holiday_booking_id: int) -> ChangeRecord:
    """Cancel one planned shift in the caller's transaction, for the holiday booking that takes its place."""
    return _add_change(s, employer_id, Cancellation(planned.pa, local_date(planned), planned_start(planned)),
                       holiday_booking_id)


def cover_planned(db: Database, employer_id: int, planned: Shift, cover_pa: int) -> Done[ChangeRecord]:
    """Record another PA working a planned shift instead (ROTA_SHIFT_COVERED)."""
    return _change_planned(db, employer_id, planned, Cover(planned.pa, local_date(planned), cover_pa,
                                                           planned_start(planned)))


def _change_planned(db: Database, employer_id: int, planned: Shift, change: Cancellation | Cover) -> Done[ChangeRecord]:
    with db.session() as s:
        recorder = Recorder(s)
        saved = _add_change(s, employer_id, change)
        recorder.added(models.RotaChange, saved.id)
        names = {pa_id: name for pa_id, name in s.execute(select(models.PersonalAssistant.id, models.PersonalAssistant.name)
                                                          .where(models.PersonalAssistant.employer_id == employer_id))}
        facts = dict(name=names.get(planned.pa, ""), start=planned.start, end=planned.end)
        if isinstance(change, Cover):
            return done(saved, recorder, "ROTA_SHIFT_COVERED", employer_id, cover=names.get(change.cover_pa, ""),
                        **facts)
        return done(saved, recorder, "ROTA_SHIFT_CANCELLED", employer_id, **facts)


def planned_shifts(db: Database, employer_id: int, first: date, last: date, *, include_worked: bool = False) -> list[Shift]:
    """Shifts the rota plans from `first` to `last`, after cancellations and cover.

    Planned shifts that a worked shift of the same PA already overlaps are left out (they have been
    marked as worked, or the PA recorded what they really did), unless `include_worked`."""
    with db.session() as s:
        planned = planned_in(s, employer_id, first, last)
    if include_worked:
        return planned
    return not_worked(planned, shifts_between(db, employer_id, first, last))


def planned_in(s, employer_id: int, first: date, last: date) -> list[Shift]:
    """planned_shifts(include_worked=True) in the caller's session (so an action can change what it read)."""
    patterns = [p.pattern for p in _patterns(s, employer_id)]
    return rota_rules.apply_changes(rota_rules.rota_shifts(patterns, first, last),
                                    [c.change for c in _changes(s, employer_id, first, last)])


def not_worked(planned: list[Shift], worked: list[Shift]) -> list[Shift]:
    """The planned shifts that no worked shift of the same PA overlaps."""
    mine = {id(p) for p in planned}
    done = {id(p) for pair in find_overlaps([*planned, *worked]) for p in pair if id(p) in mine}
    return [p for p in planned if id(p) not in done]


def planned_shifts_of(session, employer_ids, first: date, last: date, worked: list[Shift]) -> dict[int, list[Shift]]:
    """planned_shifts for several employers at once, in the caller's session: their patterns and changes
    read in one query each. `worked` must hold every worked shift of theirs starting from the day before
    `first` to `last` (those that may overlap a planned one)."""
    employer_ids = list(employer_ids)
    patterns: dict[int, list[RotaPattern]] = {e: [] for e in employer_ids}
    for row in session.scalars(select(models.RotaPattern).where(models.RotaPattern.employer_id.in_(employer_ids))
                               .order_by(models.RotaPattern.starts_on, models.RotaPattern.id)):
        patterns[row.employer_id].append(pattern_record(row).pattern)
    changes: dict[int, list] = {e: [] for e in employer_ids}
    for row in session.scalars(select(models.RotaChange).where(
            models.RotaChange.employer_id.in_(employer_ids), models.RotaChange.day >= first,
            models.RotaChange.day <= last).order_by(models.RotaChange.id)):
        changes[row.employer_id].append(_change(row))
    worked_by_pa: dict[int, list[Shift]] = {}
    for shift in worked:
        worked_by_pa.setdefault(shift.pa, []).append(shift)
    out = {}
    for employer_id in employer_ids:
        if not patterns[employer_id]:
            out[employer_id] = []
            continue
        planned = rota_rules.apply_changes(rota_rules.rota_shifts(patterns[employer_id], first, last), changes[employer_id])
        theirs = [w for pa in {p.pa for p in planned} for w in worked_by_pa.get(pa, ()) if first <= local_date(w) <= last]
        out[employer_id] = not_worked(planned, theirs)
    return out


def mark_worked(db: Database, employer_id: int, planned: list[Shift]) -> Done[tuple[int, ...]]:
    """Record planned shifts as worked, as planned (SHIFTS_MARKED_WORKED). All or nothing: any refusal
    stores none (ValidationFailed). Gives the new shifts' ids."""
    with db.session() as s:
        recorder = Recorder(s)
        ids = store_checked_in(s, employer_id, planned, FROM_ROTA)
        return Done(ids, added_shifts(recorder, s, "SHIFTS_MARKED_WORKED", employer_id, ids))


def planned_start(shift: Shift) -> time:
    return to_london(shift.start).time()
