"""Check records in words, and the round trip for changing them: open the form, save, and put the
change on the undo stack. Shared by the Checks page and the new PA checklist."""
from __future__ import annotations

from datetime import date

from pa_manager.domain import compliance as rules
from pa_manager.domain.people import PARecord
from pa_manager.messages import format_date
from pa_manager.services import checks
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.check_dialogs import (
    LEVEL_NAMES, METHOD_NAMES, OUTCOME_NAMES, RESULT_NAMES, ContractDialog, DBSCheckDialog, ReferenceDialog,
    RightToWorkDialog,
)
from pa_manager.wording import CHECK_NOUNS

DIALOGS = {"dbs": DBSCheckDialog, "right_to_work": RightToWorkDialog, "reference": ReferenceDialog,
           "contract": ContractDialog}
NOUNS = CHECK_NOUNS


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

def edit_check(context: AppContext, kind: str, pa: PARecord, stored=None, parent=None, focus: str | None = None) -> bool:
    """Open the form for one record (a new one when `stored` is None); on Save, put the change on the
    undo stack. `focus` names the field to start in (the checklist's induction step starts at the
    induction date)."""
    dialog = DIALOGS[kind](context.db, context.employer_id, pa, stored, parent)
    if focus in dialog.rows:
        dialog.rows[focus].field.setFocus()
    accepted = dialog.exec()
    change = dialog.change
    dialog.deleteLater()  # a child of the page otherwise, kept until the page goes
    if not accepted or change is None:
        return False
    context.push(change)
    return True


def remove_check(context: AppContext, kind: str, pa: PARecord, stored) -> None:
    """Remove one record now; undo puts it back with the same id."""
    change = checks.remove_check(context.db, context.employer_id, pa.id, kind,
                                 None if kind == "contract" else stored.id)
    if change is None:
        context.announce_change()
    else:
        context.push(change)
