"""Check records in words, and the round trip for changing them: open the form, save, and put the
change on the undo stack. Shared by the Checks page and the new PA checklist."""
from __future__ import annotations

from datetime import date

from pa_manager.domain import compliance as rules
from pa_manager.domain.people import PARecord
from pa_manager.messages import format_date
from pa_manager.services import checks
from pa_manager.services.data_files import Database
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.check_dialogs import (
    LEVEL_NAMES, METHOD_NAMES, OUTCOME_NAMES, RESULT_NAMES, ContractDialog, DBSCheckDialog, ReferenceDialog,
    RightToWorkDialog,
)

DIALOGS = {"dbs": DBSCheckDialog, "right_to_work": RightToWorkDialog, "reference": ReferenceDialog,
           "contract": ContractDialog}
NOUNS = {"dbs": "DBS check", "right_to_work": "right-to-work check", "reference": "reference",
         "contract": "contract and induction record"}
_SAVERS = {"dbs": checks.save_dbs_check, "right_to_work": checks.save_right_to_work, "reference": checks.save_reference}


# --- how each kind of record reads ---------------------------------------------------------------

def describe_dbs(check: rules.DBSCheck, recheck: date | None = None) -> str:
    lines = [f"{LEVEL_NAMES[check.level]}, issued {format_date(check.issue_date)}"
             + (f" through {check.processed_by}" if check.processed_by else "") + ".",
             f"Certificate {check.certificate_number}. Outcome: {OUTCOME_NAMES[check.outcome].lower()}."]
    if check.outcome == rules.INFORMATION_DISCLOSED:
        lines.append(f"Risk assessment done {format_date(check.risk_assessment_date)}." if check.risk_assessment_date
                     else "Risk assessment not recorded yet.")
    if check.update_service:
        renews = f", renews {format_date(check.update_service_renewal)}" if check.update_service_renewal else ""
        lines.append(f"On the Update Service{renews}.")
        for checked_on, result in check.status_checks:
            lines.append(f"Status check {format_date(checked_on)}: {RESULT_NAMES[result].lower()}.")
    if recheck is not None:
        lines.append(f"Next check due {format_date(recheck)}.")
    return "\n".join(lines)


def describe_right_to_work(check: rules.RightToWorkCheck) -> str:
    lines = [f"{METHOD_NAMES[check.method]} on {format_date(check.checked_on)}."]
    if check.document_type:
        lines.append(f"Document: {check.document_type}.")
    lines.append(f"Permission ends {format_date(check.permission_expires)}." if check.permission_expires
                 else "No time limit.")
    return "\n".join(lines)


def describe_reference(reference: rules.Reference) -> str:
    asked = f"Asked {format_date(reference.requested_on)}. " if reference.requested_on else ""
    received = f"Received {format_date(reference.received_on)}." if reference.received_on else "Not received yet."
    judged = {None: "Not decided yet whether it is satisfactory.", True: "Satisfactory.", False: "Not satisfactory."}
    return f"{reference.referee}.\n{asked}{received} {judged[reference.satisfactory]}"


def describe_contract(contract: rules.Contract) -> str:
    def when(value: date | None, done: str, not_done: str) -> str:
        return f"{done} {format_date(value)}." if value else not_done

    return "\n".join([
        when(contract.statement_given_on, "Written statement given", "Written statement not given yet."),
        when(contract.signed_on, "Signed", "Not signed yet."),
        "Job description given." if contract.job_description else "No job description given yet.",
        when(contract.induction_completed_on, "Induction finished", "Induction not finished yet."),
    ])


# --- the round trip: open, save, and put it on the undo stack ------------------------------------

def _put_back(db: Database, employer_id: int, kind: str, pa_id: int, value) -> None:
    """Write a record (Stored, or a Contract or None for the contract) back as it was."""
    if kind == "contract":
        checks.save_contract(db, employer_id, pa_id, value)
    elif value is not None:
        _SAVERS[kind](db, employer_id, pa_id, value.value, value.id)


def _take_away(db: Database, employer_id: int, kind: str, pa_id: int, value) -> None:
    if kind == "contract":
        checks.save_contract(db, employer_id, pa_id, None)
    else:
        checks.delete_check(db, kind, value.id)


def edit_check(context: AppContext, kind: str, pa: PARecord, stored=None, parent=None, focus: str | None = None) -> bool:
    """Open the form for one record (a new one when `stored` is None); on Save, record the undo step.
    `focus` names the field to start in (the checklist's induction step starts at the induction date)."""
    db, employer_id = context.db, context.employer_id
    dialog = DIALOGS[kind](db, employer_id, pa, stored, parent)
    if focus in dialog.rows:
        dialog.rows[focus].field.setFocus()
    accepted = dialog.exec()
    before, saved = dialog.before, dialog.saved
    dialog.deleteLater()  # a child of the page otherwise, kept until the page goes
    if not accepted or saved is None:
        return False
    verb = "Change" if before is not None else "Add"
    if before is None and kind != "contract":
        undo = lambda: _take_away(db, employer_id, kind, pa.id, saved)  # noqa: E731
    else:
        undo = lambda: _put_back(db, employer_id, kind, pa.id, before)  # noqa: E731
    context.record(f"{verb} {pa.name}'s {NOUNS[kind]}", redo=lambda: _put_back(db, employer_id, kind, pa.id, saved),
                   undo=undo)
    return True


def remove_check(context: AppContext, kind: str, pa: PARecord, stored) -> None:
    """Remove one record now; undo puts it back with the same id."""
    db, employer_id = context.db, context.employer_id
    _take_away(db, employer_id, kind, pa.id, stored)
    context.record(f"Remove {pa.name}'s {NOUNS[kind]}", redo=lambda: _take_away(db, employer_id, kind, pa.id, stored),
                   undo=lambda: _put_back(db, employer_id, kind, pa.id, stored))
