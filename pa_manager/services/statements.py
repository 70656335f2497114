"""Written statements of employment particulars: the employer's choices for each PA, making a
statement (or a notice of a change) from the records, keeping it with its date, recording when it
was given and signed, and saying when a change must be told.

A statement, once made, is kept as it was made (its words and the values behind them), so reprinting
it years later prints the same statement. Giving one fills in the PA's existing contract record
(the New PA checklist's "written statement" step), so the checklist and the dashboard follow.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from pa_manager.domain import particulars as law
from pa_manager.domain.compliance import DEFAULT_WITHIN_DAYS, DueItem, sort_due_items
from pa_manager.domain.particulars import StatementError, StatementFacts, StatementTerms, WorkingPattern
from pa_manager.domain.validation import Problem
from pa_manager.services import employers, people, rota, training
from pa_manager.services.errors import ChangedElsewhere, NotFound, ServiceError, ValidationFailed
from pa_manager.services.sick_pay_scheme import scheme_for, schemes_in
from pa_manager.statement_words import WordedStatement, change_list, from_document, to_document, word_change_notice, \
    word_statement
from pa_manager.storage import recruitment_models as rm
from pa_manager.services.undo import Done, Recorder, done
from pa_manager.storage import models
from pa_manager.storage.database import Database

STATEMENT, CHANGE_NOTICE = "statement", "change_notice"
_TERM_FIELDS = [f.name for f in fields(StatementTerms) if f.name != "version"]


@dataclass(frozen=True)
class StoredStatement:
    id: int
    pa_id: int
    kind: str  # STATEMENT or CHANGE_NOTICE
    made_on: date
    as_at: date
    changed_on: date | None
    changes: tuple[str, ...]  # a notice: the particulars it changes
    given_on: date | None
    signed_on: date | None
    worded: WordedStatement
    particulars: dict  # the values it was made from (domain.particulars.Statement.comparable)


# --- the employer's choices --------------------------------------------------------------------------

def get_terms(db: Database, employer_id: int, pa_id: int, today: date) -> StatementTerms:
    """The choices for a PA's statement; the defaults until the employer has made any."""
    with db.session() as s:
        row = s.scalar(select(rm.EmploymentTerms).where(rm.EmploymentTerms.pa_id == pa_id))
        if row is None:
            return law.default_terms(today)
        return StatementTerms(**{name: getattr(row, name) for name in _TERM_FIELDS}, version=row.version)


def save_terms(db: Database, employer_id: int, pa_id: int, terms: StatementTerms) -> StatementTerms:
    """Check and keep the choices. A form opened before someone else saved them is refused."""
    pa = people.get_pa(db, pa_id)
    problems = law.check_terms(terms, pa.start_date)
    if problems:
        raise ValidationFailed({name: Problem.of(code, None, **details) for name, (code, details) in problems.items()})
    with db.session() as s:
        row = s.scalar(select(rm.EmploymentTerms).where(rm.EmploymentTerms.pa_id == pa_id))
        if row is not None and terms.version is not None and row.version != terms.version:
            raise ChangedElsewhere(Problem("TERMS_CHANGED_ELSEWHERE", pa.name))
        if row is None:
            row = rm.EmploymentTerms(employer_id=employer_id, pa_id=pa_id)
            s.add(row)
        for name in _TERM_FIELDS:
            value = getattr(terms, name)
            setattr(row, name, value.strip() if isinstance(value, str) else value)
        try:
            s.flush()
        except StaleDataError:
            raise ChangedElsewhere(Problem("TERMS_CHANGED_ELSEWHERE", pa.name)) from None
        return replace(terms, version=row.version)


def remove_terms(db: Database, pa_id: int) -> None:
    """Back to the defaults (undoing a first save)."""
    with db.session() as s:
        row = s.scalar(select(rm.EmploymentTerms).where(rm.EmploymentTerms.pa_id == pa_id))
        if row is not None:
            s.delete(row)


# --- what a statement is made from -------------------------------------------------------------------

def _working_pattern(pattern) -> WorkingPattern:
    return WorkingPattern(tuple(sorted(pattern.weekdays)), pattern.start.replace(tzinfo=None),
                          pattern.end.replace(tzinfo=None), pattern.shift_type.value, pattern.interval,
                          pattern.break_minutes, pattern.starts_on, pattern.until)


def required_course_names(db: Database, employer_id: int, pa_id: int) -> tuple[str, ...]:
    """The courses the PA must do: those marked for everyone and those chosen for them, by name."""
    wanted = training.required_course_ids(db, employer_id, pa_id)
    return tuple(c.name for c in training.list_courses(db, employer_id) if c.required_for_everyone or c.id in wanted)


def statement_facts(db: Database, employer_id: int, pa_id: int, today: date,
                    terms: StatementTerms | None = None) -> StatementFacts:
    employer = employers.get_employer(db, employer_id)
    pa = people.get_pa(db, pa_id)
    patterns = tuple(_working_pattern(r.pattern) for r in rota.list_patterns(db, employer_id) if r.pattern.pa == pa_id)
    return StatementFacts(
        employer_name=employer.name, employer_address=employer.address, employer_postcode=employer.postcode,
        nation=employer.nation.value, pay_frequency=employer.pay_frequency.value,
        pension_provider=employer.pension_provider, pension_employer_rate=employer.pension_employer_rate,
        pension_employee_rate=employer.pension_employee_rate, pa_name=pa.name, start_date=pa.start_date,
        job_title=pa.job_title, contracted_hours=pa.contracted_hours, irregular_hours=pa.irregular_hours,
        rolled_up_holiday=pa.rolled_up_holiday, date_of_birth=pa.date_of_birth, pay_rates=pa.pay_rates,
        patterns=patterns, required_courses=required_course_names(db, employer_id, pa_id),
        terms=terms or get_terms(db, employer_id, pa_id, today), leave_year_starts=employer.leave_year_starts,
        sick_pay_scheme=_scheme(db, employer_id, pa_id),
    )


def _scheme(db: Database, employer_id: int, pa_id: int):
    with db.session() as s:
        return scheme_for(schemes_in(s, employer_id), pa_id)


def _built(facts: StatementFacts, as_at: date) -> law.Statement:
    try:
        return law.build_statement(facts, as_at)
    except StatementError as error:
        raise ValidationFailed({"pa": Problem(error.code, facts.pa_name)}) from None


@dataclass(frozen=True)
class Preview:
    worded: WordedStatement
    warnings: tuple[Problem, ...]  # things the law does not allow in the rota (a young worker at night)


def preview_statement(db: Database, employer_id: int, pa_id: int, today: date) -> Preview:
    """The statement as it would be made today, with anything in the records the law does not allow."""
    facts = statement_facts(db, employer_id, pa_id, today)
    statement = _built(facts, today)
    on = max(today, facts.start_date)
    warnings = tuple(Problem(code, facts.pa_name) for code in law.young_worker_problems(facts, on))
    return Preview(word_statement(statement, facts.nation), warnings)


# --- keeping statements ------------------------------------------------------------------------------

def _stored(row: rm.WrittenStatement) -> StoredStatement:
    return StoredStatement(row.id, row.pa_id, row.kind, row.made_on, row.as_at, row.changed_on,
                           tuple(c for c in row.changes.split(",") if c), row.given_on, row.signed_on,
                           kept_words(row.document), kept_particulars(row.particulars))


def kept_words(document: str) -> WordedStatement:
    """A kept statement's words, read back from their stored text. ValueError when they are not as PA
    Manager keeps them (a changed or damaged file: the import refuses one, services.import_checks)."""
    return from_document(json.loads(document))


def kept_particulars(particulars: str) -> dict[str, dict[str, str]]:
    """The particulars a kept statement was made from, read back from their stored text; ValueError as above."""
    return law.given_particulars(json.loads(particulars))


def list_statements(db: Database, employer_id: int, pa_id: int | None = None) -> list[StoredStatement]:
    """Oldest first."""
    with db.session() as s:
        query = select(rm.WrittenStatement).where(rm.WrittenStatement.employer_id == employer_id)
        if pa_id is not None:
            query = query.where(rm.WrittenStatement.pa_id == pa_id)
        return [_stored(r) for r in s.scalars(query.order_by(rm.WrittenStatement.made_on, rm.WrittenStatement.id))]


def get_statement(db: Database, statement_id: int) -> StoredStatement:
    with db.session() as s:
        row = s.get(rm.WrittenStatement, statement_id)
        if row is None:
            raise NotFound("STATEMENT_GONE")
        return _stored(row)


def _store(db: Database, employer_id: int, pa_id: int, kind: str, made_on: date, as_at: date, worded: WordedStatement,
           values: dict, changed_on: date | None = None, changes: tuple[str, ...] = ()) -> StoredStatement:
    with db.session() as s:
        row = rm.WrittenStatement(employer_id=employer_id, pa_id=pa_id, kind=kind, made_on=made_on, as_at=as_at,
                                  changed_on=changed_on, changes=",".join(changes),
                                  particulars=json.dumps(values, sort_keys=True),
                                  document=json.dumps(to_document(worded), sort_keys=True))
        s.add(row)
        s.flush()
        return _stored(row)


def make_statement(db: Database, employer_id: int, pa_id: int, today: date) -> StoredStatement:
    """Make and keep the PA's written statement as things stand today. Making it again the same day
    with nothing changed gives back the one already made."""
    facts = statement_facts(db, employer_id, pa_id, today)
    statement = _built(facts, today)
    values = statement.comparable()
    for earlier in reversed(list_statements(db, employer_id, pa_id)):
        if earlier.kind == STATEMENT and earlier.made_on == today and earlier.particulars == values:
            return earlier
    return _store(db, employer_id, pa_id, STATEMENT, today, today, word_statement(statement, facts.nation), values)


def latest_given(db: Database, employer_id: int, pa_id: int) -> StoredStatement | None:
    """The statement or notice given most recently: what the PA has been told their terms are."""
    given = [s for s in list_statements(db, employer_id, pa_id) if s.given_on is not None]
    return max(given, key=lambda s: (s.as_at, s.given_on, s.id), default=None)


def pending_change(db: Database, employer_id: int, pa_id: int, today: date,
                   within_days: int = DEFAULT_WITHIN_DAYS) -> law.PendingChange | None:
    """What has changed since the last statement or notice the PA was given (None: nothing, or none given)."""
    given = latest_given(db, employer_id, pa_id)
    if given is None:
        return None
    facts = statement_facts(db, employer_id, pa_id, today)
    return law.pending_change(facts, given.particulars, given.as_at, today, within_days)


def make_change_notice(db: Database, employer_id: int, pa_id: int, today: date) -> StoredStatement:
    """A written notice of what changed since the last statement or notice given (ERA s.4)."""
    name = people.get_pa(db, pa_id).name
    given = latest_given(db, employer_id, pa_id)
    if given is None:
        raise ValidationFailed({"pa": Problem("STATEMENT_NONE_GIVEN", name)})
    change = pending_change(db, employer_id, pa_id, today)
    if change is None:
        raise ValidationFailed({"pa": Problem("STATEMENT_NOTHING_CHANGED", name)})
    facts = statement_facts(db, employer_id, pa_id, today)
    as_at = change.changed_on or today
    statement = _built(facts, as_at)
    before = given.worded if given.kind == STATEMENT else _full_words(db, employer_id, pa_id, given)
    worded = word_change_notice(before, word_statement(statement, facts.nation), change.codes, change.changed_on,
                                given.given_on)
    return _store(db, employer_id, pa_id, CHANGE_NOTICE, today, as_at, worded, statement.comparable(),
                  change.changed_on, change.codes)


def _full_words(db: Database, employer_id: int, pa_id: int, notice: StoredStatement) -> WordedStatement:
    """The whole statement as a notice left it: the latest statement's sections with every later
    notice's sections over them ("From now on: ..." taken off)."""
    records = [s for s in list_statements(db, employer_id, pa_id) if s.given_on is not None and s.as_at <= notice.as_at]
    base = max((s for s in records if s.kind == STATEMENT), key=lambda s: (s.as_at, s.id), default=notice)
    sections = {s.code: s for s in base.worded.sections}
    for later in sorted((s for s in records if s.kind == CHANGE_NOTICE and s.as_at >= base.as_at),
                        key=lambda s: (s.as_at, s.id)):
        for section in later.worded.sections:
            paragraphs = [p.removeprefix("From now on: ") for p in section.paragraphs if not p.startswith("It used to say: ")]
            sections[section.code] = replace(section, paragraphs=tuple(paragraphs))
    return replace(base.worded, sections=tuple(sections.values()))


def set_given(db: Database, statement_id: int, given_on: date | None, signed_on: date | None) -> None:
    """Write the dates as they are (undo and redo use this to put them back)."""
    with db.session() as s:
        row = s.get(rm.WrittenStatement, statement_id)
        if row is None:
            raise NotFound("STATEMENT_GONE")
        row.given_on, row.signed_on = given_on, signed_on


def delete_statement(db: Database, statement_id: int) -> None:
    """Remove a statement that was made but is not wanted (undoing "make"); one given is kept."""
    with db.session() as s:
        row = s.get(rm.WrittenStatement, statement_id)
        if row is None:
            return
        if row.given_on is not None:
            raise ServiceError("STATEMENT_GIVEN_KEPT")
        s.delete(row)


def put_back_statement(db: Database, employer_id: int, stored: StoredStatement) -> None:
    """Redo of "make": the same statement again, with the same id."""
    with db.session() as s:
        if s.get(rm.WrittenStatement, stored.id) is not None:
            return
        s.add(rm.WrittenStatement(id=stored.id, employer_id=employer_id, pa_id=stored.pa_id, kind=stored.kind,
                                  made_on=stored.made_on, as_at=stored.as_at, changed_on=stored.changed_on,
                                  changes=",".join(stored.changes), given_on=stored.given_on,
                                  signed_on=stored.signed_on, particulars=json.dumps(stored.particulars, sort_keys=True),
                                  document=json.dumps(to_document(stored.worded), sort_keys=True)))


# --- the same, as changes that can be undone ------------------------------------------------------------

TERMS_CHANGED, STATEMENT_MADE, STATEMENT_GIVEN = "STATEMENT_TERMS_CHANGED", "STATEMENT_MADE", "STATEMENT_GIVEN"


def undoable(db: Database, employer_id: int, pa_id: int, code: str, action, kind: str = STATEMENT) -> Done:
    """Do `action()` in one transaction, with the change it made to the PA's statement terms, written
    statements and contract record (the rows a statement action touches), for undo."""
    with db.session() as s:
        recorder = Recorder(s)
        recorder.watch(rm.EmploymentTerms, rm.EmploymentTerms.pa_id == pa_id)
        recorder.watch(rm.WrittenStatement, rm.WrittenStatement.pa_id == pa_id)
        recorder.watch(models.Contract, models.Contract.pa_id == pa_id)
        value = action()
        return done(value, recorder, code, employer_id, name=people.get_pa(db, pa_id).name, kind=kind)


def save_terms_undoably(db: Database, employer_id: int, pa_id: int, terms: StatementTerms) -> Done[StatementTerms]:
    return undoable(db, employer_id, pa_id, TERMS_CHANGED, lambda: save_terms(db, employer_id, pa_id, terms))


def make_undoably(db: Database, employer_id: int, pa_id: int, today: date, *,
                  change_notice: bool = False) -> Done[StoredStatement]:
    """make_statement (or make_change_notice), with the change it made."""
    make = make_change_notice if change_notice else make_statement
    return undoable(db, employer_id, pa_id, STATEMENT_MADE, lambda: make(db, employer_id, pa_id, today),
                     CHANGE_NOTICE if change_notice else STATEMENT)


# --- what needs doing --------------------------------------------------------------------------------

def statement_due(db: Database, employer_id: int, today: date, within_days: int = DEFAULT_WITHIN_DAYS, *,
                  include_ok: bool = False) -> list[DueItem]:
    """STATEMENT_CHANGE_DUE for each current PA whose terms have changed since the last statement or
    notice they were given. (A first statement not yet given is the checklist's CONTRACT_STATEMENT_DUE.)"""
    items = []
    given_to = {s.pa_id for s in list_statements(db, employer_id) if s.given_on is not None}
    for pa in people.list_pas(db, employer_id):
        if pa.id not in given_to or (pa.leaving_date is not None and pa.leaving_date < today):
            continue
        change = pending_change(db, employer_id, pa.id, today, within_days)
        if change is not None:
            items.append(law.change_item(pa.id, pa.name, change, today, within_days, what=change_list(change.codes)))
    return sort_due_items(items, include_ok=include_ok)


# --- documents ---------------------------------------------------------------------------------------

def save_statement_document(db: Database, statement_id: int, path: Path, fmt: str | None = None) -> Path:
    """Write a kept statement or notice as a PDF to sign, or as a web page (by `fmt`, else the file's ending)."""
    from pa_manager.reports.statement import write_statement_html, write_statement_pdf

    record = get_statement(db, statement_id)
    path = Path(path)
    fmt = fmt or ("html" if path.suffix.lower() in (".html", ".htm") else "pdf")
    (write_statement_html if fmt == "html" else write_statement_pdf)(record.worded, path)
    return path
