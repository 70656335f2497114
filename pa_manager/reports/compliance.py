"""The compliance report for a council audit: each PA's recruitment checks and the employer's duties,
with what is overdue or due soon. Fed plain data (ComplianceReport) by services.compliance_report."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from reportlab.platypus import KeepTogether

from pa_manager.messages import format_date
from pa_manager.reports.document import (
    Column, DocumentInfo, Furniture, Mark, build_pdf, fonts_for, heading, key_value_table, money_table, paragraph,
    space, status_cell, styles_for,
)


@dataclass(frozen=True)
class StatusLine:
    status: str  # "overdue", "due_soon", "missing", "warning", "ok" (a summary: the icon code "below"… too)
    word: str  # "Overdue", "In date", "To do", "Nothing to do"
    words: str  # "Renew Janet Moyo's DBS check… It was due on 23 September 2026."


@dataclass(frozen=True)
class PASection:
    name: str
    start_date: date | None
    leaving_date: date | None
    records: tuple[tuple[str, str], ...]  # (what, details): "Right to work", "Checked 3 March 2025 (UK passport)…"
    summary: StatusLine  # made from `lines`
    lines: tuple[StatusLine, ...]  # every item for this PA, in date ones too, most urgent first


@dataclass(frozen=True)
class ComplianceReport:
    employer_name: str
    council: str
    direct_payment_reference: str
    made_on: date
    duties: tuple[tuple[str, str], ...]  # (duty, details)
    employer_summary: StatusLine  # made from `employer_lines`
    employer_lines: tuple[StatusLine, ...]
    pas: tuple[PASection, ...]
    retention_note: str
    summary: StatusLine  # made from every line of the report


_MARKS = {"ok": Mark.TICK, "overdue": Mark.CROSS, "below": Mark.CROSS, "due_soon": Mark.WARNING,
          "missing": Mark.WARNING, "warning": Mark.WARNING}


def _status_table(lines, styles, title: str = "What needs doing"):
    """The summary line first, then the lines it sums up."""
    rows = [[status_cell(line.word, _MARKS[line.status], styles=styles), line.words] for line in lines]
    return money_table([Column("Status", 0.22), Column(title, 0.78)], rows, styles=styles)


def write_compliance_report(report: ComplianceReport, target: str | os.PathLike | BinaryIO | None = None,
                            invariant: bool = False) -> bytes | None:
    texts = [report.employer_name, report.council, *(t for pair in report.duties for t in pair),
             *(l.words for l in report.employer_lines),
             *(t for pa in report.pas for pair in pa.records for t in pair), *(pa.name for pa in report.pas)]
    styles = styles_for(fonts_for(texts))
    story = [
        heading(f"Compliance report for {report.employer_name}", 1, styles),
        paragraph(f"Made on {format_date(report.made_on)}. Council: {report.council or 'not recorded'}"
                  + (f", direct payment reference {report.direct_payment_reference}." if report.direct_payment_reference else "."),
                  styles),
        _status_table([report.summary], styles, "For the whole household"),
        space(),
        heading("Employer duties", 2, styles),
        key_value_table(report.duties, styles=styles),
        space(2),
        _status_table([report.employer_summary, *report.employer_lines], styles),
        space(),
    ]
    for pa in report.pas:
        employed = f"Started {format_date(pa.start_date)}" if pa.start_date else "Start date not recorded"
        if pa.leaving_date:
            employed += f"; left {format_date(pa.leaving_date)}" if pa.leaving_date < report.made_on else (
                f"; leaves {format_date(pa.leaving_date)}")
        # A PA's block is kept on one page where it fits, so no page starts with lines and no name.
        story += [KeepTogether([heading(pa.name, 2, styles), paragraph(employed + ".", styles),
                                key_value_table(pa.records, styles=styles), space(2),
                                _status_table([pa.summary, *pa.lines], styles)]), space()]
    story += [paragraph("Training, supervision and appraisal are in the training report.", styles), space(),
              heading("What PA Manager keeps", 2, styles), paragraph(report.retention_note, styles)]
    info = DocumentInfo(f"Compliance report for {report.employer_name}",
                        Furniture(report.employer_name, f"Compliance report, {format_date(report.made_on)}"),
                        "Recruitment checks and employer duties")
    return build_pdf(story, info, target, invariant=invariant)


def write_compliance_html(report: ComplianceReport, target: str | os.PathLike | BinaryIO | None = None) -> bytes | None:
    """The same report as a web page, for a screen reader: each status as its word, never a colour."""
    from pa_manager.reports.html import HtmlDocument

    title = f"Compliance report for {report.employer_name}"
    page = HtmlDocument(title, Furniture(report.employer_name, f"Compliance report, {format_date(report.made_on)}"))
    page.heading(title, 1)
    page.paragraph(f"Made on {format_date(report.made_on)}. Council: {report.council or 'not recorded'}"
                   + (f", direct payment reference {report.direct_payment_reference}."
                      if report.direct_payment_reference else "."))
    columns = [Column("Status", 0), Column("What it means", 0)]

    def status_rows(lines):
        return [[line.word, line.words] for line in lines]  # the status as its word, never a colour

    page.table("For the whole household", columns, status_rows([report.summary]))
    page.heading("Employer duties", 2)
    page.key_values("Employer duties", report.duties)
    page.table("The employer's duties", columns, status_rows([report.employer_summary, *report.employer_lines]))
    for pa in report.pas:
        page.heading(pa.name, 2)
        employed = f"Started {format_date(pa.start_date)}" if pa.start_date else "Start date not recorded"
        if pa.leaving_date:
            employed += f"; left {format_date(pa.leaving_date)}" if pa.leaving_date < report.made_on else (
                f"; leaves {format_date(pa.leaving_date)}")
        page.paragraph(employed + ".")
        page.key_values(f"{pa.name}'s checks", pa.records)
        page.table(f"{pa.name}: what needs doing", columns, status_rows([pa.summary, *pa.lines]))
    page.paragraph("Training, supervision and appraisal are in the training report.")
    page.heading("What PA Manager keeps", 2)
    page.paragraph(report.retention_note)
    return page.write(target)
