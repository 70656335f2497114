"""Every document a council's audit letter asks for, by name and format: one place the Reports page
and the `report` command both use, so they offer the same documents in the same formats.

A document's period: the monitoring return, timesheets and payslips cover the dates given; the budget
report a council year (or part of one); the review letter a council year; the compliance and training
reports are as things stand today.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pa_manager.domain.validation import Problem

PDF, HTML, CSV, XLSX = "pdf", "html", "csv", "xlsx"
KINDS = ("budget", "monitoring", "review-letter", "compliance", "training", "timesheets", "payslips")
FORMATS = {
    "budget": (PDF, HTML), "monitoring": (PDF, HTML, CSV, XLSX), "review-letter": (PDF, HTML),
    "compliance": (PDF, HTML), "training": (PDF, HTML), "timesheets": (PDF, HTML, CSV, XLSX), "payslips": (PDF, HTML),
}
NAMES = {"budget": "budget report", "monitoring": "monitoring return", "review-letter": "review letter",
         "compliance": "compliance report", "training": "training report", "timesheets": "timesheets",
         "payslips": "payslips"}
FORMAT_NAMES = {PDF: "a PDF", HTML: "a web page (html)", CSV: "a CSV spreadsheet", XLSX: "an Excel workbook (xlsx)"}
NEEDS_DATES = ("monitoring", "timesheets", "payslips")  # the rest can do without


@dataclass(frozen=True)
class Saved:
    path: Path
    kind: str
    fmt: str
    count: int | None = None  # payslips: how many


def format_problem(kind: str, fmt: str) -> Problem:
    """A document asked for in a format it does not come in (DOCUMENT_FORMAT: "The budget report can be
    saved as a PDF or a web page (html), not as csv.")."""
    return Problem.of("DOCUMENT_FORMAT", fmt, kind=NAMES[kind], formats=tuple(FORMAT_NAMES[f] for f in FORMATS[kind]))


def check_format(kind: str, fmt: str) -> None:
    if fmt not in FORMATS[kind]:
        from pa_manager.services.errors import ServiceError  # loaded when needed: the command line's parser reads this module

        raise ServiceError(format_problem(kind, fmt))


def save_document(db, employer_id: int, kind: str, fmt: str, path: Path, today: date, first: date | None = None,
                  last: date | None = None, year: str | None = None) -> Saved:
    """Make one document. `year` is the council year ("2026-27") for the budget report and review letter;
    without it, the year `first` falls in (or today's)."""
    if kind not in FORMATS:
        raise ValueError(f"unknown document {kind!r}")
    check_format(kind, fmt)
    path = Path(path)
    if kind in NEEDS_DATES and (first is None or last is None):
        raise ValueError(f"the {NAMES[kind]} needs a first and a last date")
    from pa_manager.domain.budget import budget_year_label

    label = year or budget_year_label(first or today)
    count = None
    if kind == "monitoring":
        from pa_manager.services.monitoring import save_monitoring_return

        save_monitoring_return(db, employer_id, path, first, last, today, fmt)
    elif kind == "timesheets":
        from pa_manager.services.period_reports import save_timesheet_report

        save_timesheet_report(db, employer_id, path, first, last, fmt)
    elif kind == "payslips":
        from pa_manager.services.period_reports import save_payslips_for_period

        count = save_payslips_for_period(db, employer_id, path, first, last, fmt)
    elif kind == "budget":
        from pa_manager.services.budget_report import save_budget_report

        save_budget_report(db, employer_id, label, path, today, first, last, fmt)
    elif kind == "review-letter":
        from pa_manager.services.budget_report import save_review_letter

        save_review_letter(db, employer_id, label, path, today, fmt)
    elif kind == "compliance":
        from pa_manager.reports.compliance import write_compliance_html, write_compliance_report
        from pa_manager.services.compliance_report import build_compliance_report

        report = build_compliance_report(db, employer_id, today)
        (write_compliance_html if fmt == HTML else write_compliance_report)(report, path)
    else:
        from pa_manager.reports.training import write_training_html, write_training_report
        from pa_manager.services.training_report import build_training_report

        report = build_training_report(db, employer_id, today)
        (write_training_html if fmt == HTML else write_training_report)(report, path)
    return Saved(path, kind, fmt, count)
