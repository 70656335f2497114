"""Giving a written statement to the PA: the day it was given (and signed), and the PA's contract
record for the New PA checklist filled in from it. Apart from services.statements because it writes
the checks' contract record: the checks' due list reads the statements' (services.staff_due), so
statements itself never imports the checks."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from pa_manager.domain import particulars as law
from pa_manager.domain.compliance import Contract
from pa_manager.domain.validation import Problem
from pa_manager.services import checks
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.statements import STATEMENT, STATEMENT_GIVEN, StoredStatement, get_statement, set_given, \
    undoable
from pa_manager.services.undo import Done
from pa_manager.storage.database import Database


def record_given(db: Database, employer_id: int, statement_id: int, given_on: date,
                 signed_on: date | None = None) -> StoredStatement:
    """Record the day a statement or notice was given to the PA (and signed, if it was). A statement must
    be given within 7 days of the day its terms were stated (ERA s.1(4)); giving the first statement
    also fills in the PA's contract record for the New PA checklist."""
    record = get_statement(db, statement_id)
    if given_on < record.made_on:
        raise ValidationFailed({"given_on": Problem.of("STATEMENT_GIVEN_BEFORE_MADE", given_on, made_on=record.made_on)})
    if record.kind == STATEMENT and law.as_at_problem(record.as_at, given_on):
        raise ValidationFailed({"given_on": Problem.of("STATEMENT_TOO_OLD", given_on, as_at=record.as_at)})
    if signed_on is not None and signed_on < given_on:
        raise ValidationFailed({"signed_on": Problem.of("STATEMENT_SIGNED_BEFORE_GIVEN", signed_on, given_on=given_on)})
    set_given(db, statement_id, given_on, signed_on)
    if record.kind == STATEMENT:
        contract = checks.pa_checks(db, employer_id, record.pa_id).contract or Contract()
        first = min(d for d in (contract.statement_given_on, given_on) if d is not None)
        signed = signed_on if first == given_on else contract.signed_on
        checks.save_contract(db, employer_id, record.pa_id, replace(contract, statement_given_on=first, signed_on=signed))
    return get_statement(db, statement_id)


def record_given_undoably(db: Database, employer_id: int, statement_id: int, given_on: date,
                          signed_on: date | None = None) -> Done[StoredStatement]:
    """record_given, with the change it made (the statement's dates and the PA's contract record)."""
    record = get_statement(db, statement_id)
    return undoable(db, employer_id, record.pa_id, STATEMENT_GIVEN,
                    lambda: record_given(db, employer_id, statement_id, given_on, signed_on), record.kind)
