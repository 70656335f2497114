"""The compliance report: its contents gathered from the checks records and the due list, worded by
pa_manager.reports.compliance_contents, and saved."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pa_manager.domain.training import CODES as TRAINING_CODES
from pa_manager.reports.compliance import ComplianceReport, write_compliance_report
from pa_manager.reports.compliance_contents import compose_compliance_report
from pa_manager.services.checks import all_checks
from pa_manager.services.due import due_list
from pa_manager.services.employers import get_employer


def build_compliance_report(db, employer_id: int, today: date) -> ComplianceReport:
    """Every check and duty, in date ones too, from the same list the dashboard and `due` show (training
    has its own report)."""
    items = [i for i in due_list(db, employer_id, today, include_ok=True) if i.code not in TRAINING_CODES]
    return compose_compliance_report(get_employer(db, employer_id), all_checks(db, employer_id), items, today)


def save_compliance_report(db, employer_id: int, path: Path, today: date) -> Path:
    write_compliance_report(build_compliance_report(db, employer_id, today), Path(path))
    return Path(path)
