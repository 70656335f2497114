"""Recruitment checks and employer duties: keep the records (what needs doing, from them and the rest, is
services.due).

Records come back as `Stored(id, value)` around the domain values, so screens can change or remove
one and undo can put it back with the same id.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from collections.abc import Sequence
from typing import Generic, TypeVar

from sqlalchemy import delete, select

from pa_manager.domain import compliance as rules
from pa_manager.domain.compliance import (
    Contract, DBSCheck, EmployerDuties, PAChecks, RecheckPolicy, Reference, RightToWorkCheck, StatusCheck,
)
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord
from pa_manager.domain.validation import Problem, normalise_dbs_certificate_number
from pa_manager.services import history
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.people import list_pas
from pa_manager.services.undo import Change, Done, Recorder, Rule, done
from pa_manager.storage import models
from pa_manager.storage.database import Database

T = TypeVar("T")

# A shift worked before a right-to-work check: the employer has no statutory excuse for it.
SHIFT_BEFORE_RIGHT_TO_WORK = "SHIFT_BEFORE_RIGHT_TO_WORK"


@dataclass(frozen=True)
class Stored(Generic[T]):
    id: int
    value: T


@dataclass(frozen=True)
class PACheckRecords:
    pa: PARecord
    dbs: tuple[Stored[DBSCheck], ...]
    right_to_work: tuple[Stored[RightToWorkCheck], ...]
    references: tuple[Stored[Reference], ...]
    contract: Contract | None

    def as_checks(self) -> PAChecks:
        return PAChecks(
            key=self.pa.id, name=self.pa.name, start_date=self.pa.start_date, leaving_date=self.pa.leaving_date,
            dbs_checks=tuple(s.value for s in self.dbs), right_to_work_checks=tuple(s.value for s in self.right_to_work),
            references=tuple(s.value for s in self.references), contract=self.contract,
        )


def duties_of(employer: EmployerRecord) -> EmployerDuties:
    return EmployerDuties(
        insurance_renewal_date=employer.insurance_renewal_date, paye_registered_on=employer.paye_registered_on,
        pension_duties_start=employer.pension_duties_start,
        declaration_of_compliance_on=employer.declaration_of_compliance_on,
        last_re_enrolment_on=employer.last_re_enrolment_on, direct_payment_start=employer.direct_payment_start,
        last_council_review_on=employer.last_council_review_on,
    )


def policy_of(employer: EmployerRecord) -> RecheckPolicy:
    return RecheckPolicy(dbs_recheck_years=employer.dbs_recheck_years, references_required=employer.references_required)


# --- reading -------------------------------------------------------------------------------------


def _dbs(row: models.DBSCheck, status_rows) -> DBSCheck:
    return DBSCheck(
        level=row.level, certificate_number=row.certificate_number, issue_date=row.issue_date,
        processed_by=row.processed_by, outcome=row.outcome, risk_assessment_date=row.risk_assessment_date,
        update_service=row.update_service, update_service_renewal=row.update_service_renewal,
        status_checks=tuple(StatusCheck(r.checked_on, r.result) for r in status_rows),
    )


def _records_for(session, employer_id: int, pas: list[PARecord]) -> dict[int, PACheckRecords]:
    """Every PA's checks in four queries, whatever the number of PAs."""
    return records_of(session, [employer_id], pas)


def records_of(session, employer_ids: Sequence[int], pas: Sequence[PARecord]) -> dict[int, PACheckRecords]:
    """The checks of PAs of several employers, in one query per kind of record, whatever the number of
    employers and PAs."""
    def rows(model):
        found: dict[int, list] = {}
        for row in session.scalars(select(model).where(model.employer_id.in_(employer_ids)).order_by(model.id)):
            found.setdefault(row.pa_id, []).append(row)
        return found

    statuses: dict[int, list] = {}
    for row in session.scalars(select(models.DBSStatusCheck).where(models.DBSStatusCheck.employer_id.in_(employer_ids))
                               .order_by(models.DBSStatusCheck.checked_on)):
        statuses.setdefault(row.dbs_check_id, []).append(row)
    dbs, rtw, refs, contracts = rows(models.DBSCheck), rows(models.RightToWorkCheck), rows(models.Reference), rows(models.Contract)
    out = {}
    for pa in pas:
        contract = contracts.get(pa.id, [None])[0]
        out[pa.id] = PACheckRecords(
            pa=pa,
            dbs=tuple(Stored(r.id, _dbs(r, statuses.get(r.id, []))) for r in dbs.get(pa.id, [])),
            right_to_work=tuple(Stored(r.id, RightToWorkCheck(r.method, r.checked_on, r.document_type, r.permission_expires))
                                for r in rtw.get(pa.id, [])),
            references=tuple(Stored(r.id, Reference(r.referee, r.requested_on, r.received_on, r.satisfactory))
                             for r in refs.get(pa.id, [])),
            contract=None if contract is None else Contract(
                contract.statement_given_on, contract.signed_on, contract.job_description, contract.induction_completed_on),
        )
    return out


def all_checks(db: Database, employer_id: int) -> list[PACheckRecords]:
    pas = list_pas(db, employer_id)
    with db.session() as s:
        records = _records_for(s, employer_id, pas)
    return [records[pa.id] for pa in pas]


def pa_checks(db: Database, employer_id: int, pa_id: int) -> PACheckRecords:
    return next(r for r in all_checks(db, employer_id) if r.pa.id == pa_id)


# --- saving --------------------------------------------------------------------------------------


def _row(session, model, record_id: int | None):
    return (session.get(model, record_id) if record_id is not None else None) or model(id=record_id)


def save_check(db: Database, employer_id: int, pa_id: int, kind: str, value, record_id: int | None = None) -> Done:
    """Add or change one of a PA's checks: kind "dbs", "right_to_work" or "reference" (a Stored record
    back), or "contract" (one per PA: record_id is not used). The change is CHECK_ADDED or CHECK_CHANGED."""
    if kind == "contract":
        if value is None:
            raise ValueError("remove a contract record with remove_check")
    else:
        problems = _PROBLEMS[kind](value)
        if problems:
            raise ValidationFailed(problems)
    with db.session() as s:
        recorder = Recorder(s)
        model = _CONTRACT if kind == "contract" else _MODELS[kind]
        where = model.pa_id == pa_id if kind == "contract" else model.id == record_id
        existed = bool(recorder.watch(model, where, dependents=True)) if kind == "contract" or record_id else False
        saved = _WRITERS[kind](s, employer_id, pa_id, value, record_id)
        if kind != "contract":
            recorder.added(model, saved.id)
        if kind == "dbs":
            recorder.added_where(models.DBSStatusCheck, models.DBSStatusCheck.dbs_check_id == saved.id)
        return done(saved, recorder, "CHECK_CHANGED" if existed else "CHECK_ADDED", employer_id,
                    **_facts(s, pa_id, kind))


def remove_check(db: Database, employer_id: int, pa_id: int, kind: str, record_id: int | None = None) -> Change | None:
    """Remove a DBS check, right-to-work check or reference (by id), or the PA's contract record
    (CHECK_REMOVED); None if it was not there."""
    with db.session() as s:
        recorder = Recorder(s)
        model = _CONTRACT if kind == "contract" else _MODELS[kind]
        found = recorder.watch(model, model.pa_id == pa_id if kind == "contract" else model.id == record_id,
                               dependents=True)
        if not found:
            return None
        s.delete(s.get(model, found[0]["id"]))
        _noted(s, employer_id, pa_id, history.CHECK_REMOVED, kind, None)
        return recorder.change("CHECK_REMOVED", employer_id, **_facts(s, pa_id, kind))


def _facts(s, pa_id: int, kind: str) -> dict:
    pa = s.get(models.PersonalAssistant, pa_id)
    return dict(name=pa.name if pa else "", kind=kind)


def save_dbs_check(db: Database, employer_id: int, pa_id: int, check: DBSCheck, check_id: int | None = None) -> Stored[DBSCheck]:
    return save_check(db, employer_id, pa_id, "dbs", check, check_id).value


def save_right_to_work(db: Database, employer_id: int, pa_id: int, check: RightToWorkCheck,
                       check_id: int | None = None) -> Stored[RightToWorkCheck]:
    return save_check(db, employer_id, pa_id, "right_to_work", check, check_id).value


def save_reference(db: Database, employer_id: int, pa_id: int, reference: Reference,
                   reference_id: int | None = None) -> Stored[Reference]:
    return save_check(db, employer_id, pa_id, "reference", reference, reference_id).value


def save_contract(db: Database, employer_id: int, pa_id: int, contract: Contract | None) -> None:
    """Set (or with None, clear) the PA's contract record."""
    if contract is None:
        remove_check(db, employer_id, pa_id, "contract")
    else:
        save_check(db, employer_id, pa_id, "contract", contract)


def delete_check(db: Database, kind: str, record_id: int) -> None:
    """Remove a DBS check, right-to-work check or reference ("dbs", "right_to_work", "reference")."""
    with db.session() as s:
        row = s.get(_MODELS[kind], record_id)
        employer_id, pa_id = (row.employer_id, row.pa_id) if row is not None else (None, None)
    if row is not None:
        remove_check(db, employer_id, pa_id, kind, record_id)


def _dbs_problems(check: DBSCheck) -> dict[str, Problem]:
    return rules.check_dbs_check(replace(check, certificate_number=normalise_dbs_certificate_number(check.certificate_number)))


def _right_to_work_problems(check: RightToWorkCheck) -> dict[str, Problem]:
    if check.permission_expires is not None and check.permission_expires < check.checked_on:
        return {"permission_expires": Problem.of("DATE_ORDER", check.permission_expires, earlier=check.checked_on)}
    return {}


def _reference_problems(reference: Reference) -> dict[str, Problem]:
    if not reference.referee.strip():
        return {"referee": Problem("NAME_MISSING")}
    if reference.requested_on and reference.received_on and reference.received_on < reference.requested_on:
        return {"received_on": Problem.of("DATE_ORDER", reference.received_on, earlier=reference.requested_on)}
    return {}


def _write_dbs(s, employer_id: int, pa_id: int, check: DBSCheck, check_id: int | None) -> Stored[DBSCheck]:
    check = replace(check, certificate_number=normalise_dbs_certificate_number(check.certificate_number))
    row = _row(s, models.DBSCheck, check_id)
    row.employer_id, row.pa_id, row.level = employer_id, pa_id, check.level
    row.certificate_number, row.issue_date, row.processed_by = check.certificate_number, check.issue_date, check.processed_by.strip()
    row.outcome, row.risk_assessment_date = check.outcome, check.risk_assessment_date
    row.update_service, row.update_service_renewal = check.update_service, check.update_service_renewal
    s.add(row)
    s.flush()
    s.execute(delete(models.DBSStatusCheck).where(models.DBSStatusCheck.dbs_check_id == row.id))
    s.add_all(models.DBSStatusCheck(employer_id=employer_id, dbs_check_id=row.id, checked_on=c.checked_on,
                                    result=c.result) for c in check.status_checks)
    _noted(s, employer_id, pa_id, history.CHECK_SAVED, "dbs", check.issue_date)
    return Stored(row.id, check)


def _write_right_to_work(s, employer_id: int, pa_id: int, check: RightToWorkCheck,
                         check_id: int | None) -> Stored[RightToWorkCheck]:
    row = _row(s, models.RightToWorkCheck, check_id)
    row.employer_id, row.pa_id, row.method, row.checked_on = employer_id, pa_id, check.method, check.checked_on
    row.document_type, row.permission_expires = check.document_type.strip(), check.permission_expires
    s.add(row)
    s.flush()
    _noted(s, employer_id, pa_id, history.CHECK_SAVED, "right_to_work", check.checked_on)
    return Stored(row.id, check)


def _write_reference(s, employer_id: int, pa_id: int, reference: Reference,
                     reference_id: int | None) -> Stored[Reference]:
    row = _row(s, models.Reference, reference_id)
    row.employer_id, row.pa_id, row.referee = employer_id, pa_id, reference.referee.strip()
    row.requested_on, row.received_on, row.satisfactory = reference.requested_on, reference.received_on, reference.satisfactory
    s.add(row)
    s.flush()
    _noted(s, employer_id, pa_id, history.CHECK_SAVED, "reference", reference.received_on or reference.requested_on)
    return Stored(row.id, reference)


def _write_contract(s, employer_id: int, pa_id: int, contract: Contract, _unused=None) -> Contract:
    row = s.scalar(select(models.Contract).where(models.Contract.pa_id == pa_id))
    row = row or models.Contract(employer_id=employer_id, pa_id=pa_id)
    row.statement_given_on, row.signed_on = contract.statement_given_on, contract.signed_on
    row.job_description, row.induction_completed_on = contract.job_description, contract.induction_completed_on
    s.add(row)
    s.flush()
    _noted(s, employer_id, pa_id, history.CHECK_SAVED, "contract", contract.statement_given_on)
    return contract


_MODELS = {"dbs": models.DBSCheck, "right_to_work": models.RightToWorkCheck, "reference": models.Reference}
_CONTRACT = models.Contract
_PROBLEMS = {"dbs": _dbs_problems, "right_to_work": _right_to_work_problems, "reference": _reference_problems}
_WRITERS = {"dbs": _write_dbs, "right_to_work": _write_right_to_work, "reference": _write_reference,
            "contract": _write_contract}
_KINDS = {"dbs_checks": "dbs", "right_to_work_checks": "right_to_work", "references": "reference",
          "contracts": "contract"}


def _noted(s, employer_id: int, pa_id: int, code: str, kind: str, on) -> None:
    pa = s.get(models.PersonalAssistant, pa_id)
    history.note(s, employer_id, code, pa_id=pa_id, pa=pa.name if pa else "", kind=kind, on=on)


class CheckRule(Rule):
    """Undo and redo of a PA's checks: each record put back is checked as its form is checked, and the
    change history notes it as saved or removed, as saving and removing note it."""

    tables = frozenset({*_KINDS, "dbs_status_checks"})

    def after(self, s, rows, state, reversal):
        for r in rows:
            kind = _KINDS.get(r.table)
            values = r.new or r.old
            if kind is None:
                continue
            if r.new is not None and kind != "contract":
                problems = _PROBLEMS[kind](_value(s, kind, r.id))
                if problems:
                    raise ValidationFailed(problems)
            if values["employer_id"] in reversal.whole_employers:
                continue  # their history came back with them
            if r.new is None:
                if s.get(models.PersonalAssistant, values["pa_id"]) is not None:  # not removed with their PA
                    _noted(s, values["employer_id"], values["pa_id"], history.CHECK_REMOVED, kind, None)
                continue
            on = {"dbs": "issue_date", "right_to_work": "checked_on", "contract": "statement_given_on"}.get(kind)
            on = values[on] if on else values["received_on"] or values["requested_on"]
            _noted(s, values["employer_id"], values["pa_id"], history.CHECK_SAVED, kind, on)
        for r in rows:  # a DBS check's status checks alone
            if r.table == "dbs_status_checks" and r.new is not None and not any(
                    x.table == "dbs_checks" and x.id == r.new["dbs_check_id"] for x in rows):
                problems = _dbs_problems(_value(s, "dbs", r.new["dbs_check_id"]))
                if problems:
                    raise ValidationFailed(problems)


def _value(s, kind: str, record_id: int):
    row = s.get(_MODELS[kind], record_id)
    if kind == "dbs":
        statuses = s.scalars(select(models.DBSStatusCheck).where(models.DBSStatusCheck.dbs_check_id == record_id)
                             .order_by(models.DBSStatusCheck.checked_on))
        return _dbs(row, list(statuses))
    if kind == "right_to_work":
        return RightToWorkCheck(row.method, row.checked_on, row.document_type, row.permission_expires)
    return Reference(row.referee, row.requested_on, row.received_on, row.satisfactory)


