"""The compliance report's contents, gathered from the checks records and worded plainly."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pa_manager.domain.compliance import DBSCheck, RightToWorkCheck
from pa_manager.messages import format_date
from pa_manager.reports.compliance import ComplianceReport, PASection, StatusLine, write_compliance_report
from pa_manager.services.checks import all_checks, due_list
from pa_manager.services.employers import get_employer
from pa_manager.wording import due_item_sentence

RETENTION_NOTE = (
    "PA Manager keeps only a DBS certificate's number, level, issue date and outcome, never what a disclosure "
    "says, while the PA works for you and for 6 months after. Right-to-work records are kept for 2 years after "
    "employment ends, as the law requires."
)
DBS_LEVELS = {
    "basic": "Basic", "standard": "Standard", "enhanced": "Enhanced",
    "enhanced_adults_barred": "Enhanced with the adults' barred list",
    "enhanced_children_barred": "Enhanced with the children's barred list",
    "enhanced_both_barred": "Enhanced with both barred lists",
}
RTW_METHODS = {"online_share_code": "online check with a share code", "manual_document": "manual document check",
               "identity_service_provider": "identity service provider"}
_STATUS = {"overdue": "overdue", "due_soon": "due_soon", "missing": "missing", "ok": "done"}


def _when(day: date | None) -> str:
    return format_date(day) if day else "not recorded"


def _dbs(check: DBSCheck) -> str:
    text = f"{DBS_LEVELS.get(check.level, check.level)}, certificate {check.certificate_number}, issued {_when(check.issue_date)}"
    if check.processed_by:
        text += f" through {check.processed_by}"
    text += ". Outcome: " + ("clear" if check.outcome == "clear" else
                             f"information disclosed, risk assessment {_when(check.risk_assessment_date)}")
    if check.update_service:
        text += f". On the Update Service (renews {_when(check.update_service_renewal)})"
        if check.status_checks:
            latest = check.status_checks[-1]
            text += f"; last status check {_when(latest.checked_on)}: " + (
                "no change" if latest.result == "no_change" else "changed")
    return text + "."


def _rtw(check: RightToWorkCheck) -> str:
    text = f"Checked {_when(check.checked_on)} by {RTW_METHODS.get(check.method, check.method)}"
    if check.document_type:
        text += f" ({check.document_type})"
    text += f"; permission ends {_when(check.permission_expires)}" if check.permission_expires else "; no time limit"
    return text + "."


def build_compliance_report(db, employer_id: int, today: date) -> ComplianceReport:
    employer = get_employer(db, employer_id)
    items = due_list(db, employer_id, today)
    sentence = {id(i): due_item_sentence(i, today)[1] for i in items}
    sections = []
    for records in all_checks(db, employer_id):
        pa = records.pa
        rows = [("DBS check", " ".join(_dbs(s.value) for s in records.dbs) or "None recorded."),
                ("Right to work", " ".join(_rtw(s.value) for s in records.right_to_work) or "None recorded.")]
        references = [f"{r.value.referee}: " + ("received " + _when(r.value.received_on) if r.value.received_on else "not received")
                      + (", satisfactory" if r.value.satisfactory else "") for r in records.references]
        rows.append(("References", "; ".join(references) + "." if references else "None recorded."))
        c = records.contract
        rows.append(("Written statement and induction", "None recorded." if c is None else
                     f"Statement given {_when(c.statement_given_on)}, signed {_when(c.signed_on)}; "
                     f"induction completed {_when(c.induction_completed_on)}."))
        lines = tuple(StatusLine(_STATUS[i.status], sentence[id(i)]) for i in items if i.pa_key == pa.id)
        sections.append(PASection(pa.name, pa.start_date, pa.leaving_date, tuple(rows), lines))
    duties = (
        ("Registered with HMRC as an employer", _when(employer.paye_registered_on)
         + (f" (PAYE reference {employer.paye_reference})" if employer.paye_reference else "")),
        ("Employer's liability insurance", f"{employer.insurer or 'Insurer not recorded'}, policy "
         f"{employer.insurance_policy_number or 'not recorded'}, renews {_when(employer.insurance_renewal_date)}"),
        ("Pension duties started", _when(employer.pension_duties_start)),
        ("Declaration of compliance", _when(employer.declaration_of_compliance_on)),
        ("Last re-enrolment", _when(employer.last_re_enrolment_on)),
        ("Direct payment started", _when(employer.direct_payment_start)),
        ("Last review by the council", _when(employer.last_council_review_on)),
    )
    employer_lines = tuple(StatusLine(_STATUS[i.status], sentence[id(i)]) for i in items if i.pa_key is None)
    return ComplianceReport(employer.name, employer.council, employer.direct_payment_reference, today, duties,
                            employer_lines, tuple(sections), RETENTION_NOTE)


def save_compliance_report(db, employer_id: int, path: Path, today: date) -> Path:
    write_compliance_report(build_compliance_report(db, employer_id, today), Path(path))
    return Path(path)
