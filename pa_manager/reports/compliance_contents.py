"""The compliance report's contents, worded plainly: each PA's checks and the employer's duties, from
the checks records and the due items that pa_manager.services.compliance_report gathers."""
from __future__ import annotations

from datetime import date

from pa_manager.domain import compliance as rules
from pa_manager.domain.compliance import DBSCheck, RightToWorkCheck
from pa_manager.domain.employer import EmployerRecord
from pa_manager.messages import format_date
from pa_manager.reports.compliance import ComplianceReport, PASection, StatusLine
from pa_manager.wording import STATUS_WORD, due_item_sentence, insurance_recorded, summary_words, when_words

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
        text += f" – {check.document_type}"
    text += f"; permission ends {_when(check.permission_expires)}" if check.permission_expires else "; no time limit"
    return text + "."


def report_line(item, today: date) -> StatusLine:
    """One item as the report prints it: the status word, then what needs doing and by when."""
    sentence = due_item_sentence(item, today)[1].split(": ", 1)[1]
    return StatusLine(item.status, STATUS_WORD[item.status], " ".join(p for p in (sentence, when_words(item, today)) if p))


def _summary(items, today: date, within_days: int, **options) -> StatusLine:
    return StatusLine(*summary_words(rules.summarise(items), today, within_days, **options))


def compose_compliance_report(employer: EmployerRecord, records: list, items: list[rules.DueItem],
                              today: date, within_days: int = rules.DEFAULT_WITHIN_DAYS) -> ComplianceReport:
    """The report from the records (pa_manager.services.checks.PACheckRecords, one a PA) and the due
    items (in date ones too): every summary line is made from the items listed beneath it, so the two
    cannot disagree."""
    items = rules.sort_due_items(items, include_ok=True)
    sections = []
    for record in records:
        pa = record.pa
        rows = [("DBS check", " ".join(_dbs(s.value) for s in record.dbs) or "None recorded."),
                ("Right to work", " ".join(_rtw(s.value) for s in record.right_to_work) or "None recorded.")]
        references = [f"{r.value.referee}: " + ("received " + _when(r.value.received_on) if r.value.received_on else "not received")
                      + (", satisfactory" if r.value.satisfactory else "") for r in record.references]
        rows.append(("References", "; ".join(references) + "." if references else "None recorded."))
        c = record.contract
        rows.append(("Written statement and induction", "None recorded." if c is None else
                     f"Statement given {_when(c.statement_given_on)}, signed {_when(c.signed_on)}; "
                     f"induction completed {_when(c.induction_completed_on)}."))
        mine = [i for i in items if i.pa_key == pa.id]
        left = pa.leaving_date if pa.leaving_date is not None and pa.leaving_date < today else None
        sections.append(PASection(pa.name, pa.start_date, pa.leaving_date, tuple(rows),
                                  _summary(mine, today, within_days, left_on=left),
                                  tuple(report_line(i, today) for i in mine)))
    duties = (
        ("Registered with HMRC as an employer", _when(employer.paye_registered_on)
         + (f" (PAYE reference {employer.paye_reference})" if employer.paye_reference else "")),
        ("Employer's liability insurance", _insurance(employer)),
        ("Pension duties started", _when(employer.pension_duties_start)),
        ("Declaration of compliance", _when(employer.declaration_of_compliance_on)),
        ("Last re-enrolment", _when(employer.last_re_enrolment_on)),
        ("Direct payment started", _when(employer.direct_payment_start)),
        ("Last review by the council", _when(employer.last_council_review_on)),
    )
    employer_items = [i for i in items if i.pa_key is None]
    return ComplianceReport(
        employer.name, employer.council, employer.direct_payment_reference, today, duties,
        _summary(employer_items, today, within_days), tuple(report_line(i, today) for i in employer_items),
        tuple(sections), RETENTION_NOTE, _summary(items, today, within_days))


def _insurance(employer: EmployerRecord) -> str:
    return insurance_recorded(employer.insurer, employer.insurance_policy_number,
                              employer.insurance_renewal_date) or "None recorded."
