"""The training report: each PA's courses with when they were done and when a refresher is due, their
Care Certificate progress and supervision dates; for the household, a summary of what needs doing.
Fed plain data (TrainingReport) by services.training_report; it words nothing but its own labels."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from reportlab.platypus import KeepTogether, TableStyle

from pa_manager.messages import format_date
from pa_manager.reports.document import (
    Column, DocumentInfo, Furniture, Mark, build_pdf, fonts_for, heading, key_value_table, money_table, paragraph,
    space, status_cell, styles_for,
)


@dataclass(frozen=True)
class CourseLine:
    course: str
    provider: str
    completed_on: date | None
    refresh_due: date | None
    state: str  # "done", "due_soon", "expired", "missing", "not_required" (the matrix's states)
    word: str  # "Done", "Due in 20 days", "Expired"…


@dataclass(frozen=True)
class SummaryLine:
    state: str  # the due item's status: "overdue", "due_soon", "missing", "warning"
    word: str  # "Expired", "Overdue", "Due in 20 days", "Missing", "Check"
    pa_name: str
    course: str  # the course, or "Supervision", "Appraisal"
    details: str  # "Ran out on 23 September 2026. Book a refresher."


@dataclass(frozen=True)
class PATraining:
    name: str
    start_date: date | None
    courses: tuple[CourseLine, ...]
    care_certificate: tuple[tuple[str, date], ...]  # ("1. Understand your role", completed on)
    care_certificate_total: int
    meetings: tuple[tuple[str, str], ...]  # ("Supervision", "Held 22 October 2026. Next due by…")


@dataclass(frozen=True)
class TrainingReport:
    employer_name: str
    made_on: date
    subject: str  # "Margaret Okafor's household" or the PA's name
    household: bool
    summary: tuple[SummaryLine, ...]  # every open item of the PAs below
    pas: tuple[PATraining, ...]
    note: str  # intervals are typical practice, not the law
    summary_words: tuple[str, str] = ("ok", "")  # (icon code, "To do: 1 overdue, 1 missing.") from the same items


_MARKS = {"done": Mark.TICK, "due_soon": Mark.WARNING, "expired": Mark.CROSS, "missing": Mark.WARNING,
          "overdue": Mark.CROSS, "warning": Mark.WARNING}
# The widths are set so a date like "23 September 2026" and "Due in 20 days" each fit on one line.
_COURSE_COLUMNS = [Column("Course and provider", 0.31), Column("Completed", 0.25), Column("Refresh due", 0.25),
                   Column("Status", 0.19)]
_SUMMARY_COLUMNS = [Column("Status", 0.19), Column("PA", 0.18), Column("Course or meeting", 0.27),
                    Column("Details", 0.36)]


def _status(state: str, word: str, styles):
    """A mark and the word; a course that is simply not needed gets the word alone."""
    return status_cell(word, _MARKS[state], styles) if state in _MARKS else word


def _course_table(pa: PATraining, styles):
    rows = [["\n".join(part for part in (line.course, line.provider) if part),
             format_date(line.completed_on) if line.completed_on else "Not done",
             format_date(line.refresh_due) if line.refresh_due else ("No refresher needed" if line.completed_on else ""),
             _status(line.state, line.word, styles)]
            for line in pa.courses]
    table = money_table(_COURSE_COLUMNS, rows, styles=styles)
    # A little air under each course, so a course and its provider read as one block.
    table.setStyle(TableStyle([("BOTTOMPADDING", (0, 1), (-1, -1), 5)]))
    return table


def _pa_section(pa: PATraining, styles) -> list:
    """The PA's name with their course table, then the Care Certificate and meetings, each block kept
    whole on a page where it fits and titled with the PA's name, in case it starts a page."""
    opening = [heading(pa.name, 2, styles)]
    if pa.start_date:
        opening.append(paragraph(f"Started {format_date(pa.start_date)}.", styles))
    opening.append(_course_table(pa, styles) if pa.courses else
                   paragraph("No courses are recorded or needed for this PA yet.", styles))
    story = [KeepTogether(opening)]
    if pa.care_certificate:
        done = len(pa.care_certificate)
        story += [space(2), KeepTogether(key_value_table(
            [(standard, format_date(day)) for standard, day in pa.care_certificate], styles=styles, label_share=0.7,
            title=f"{pa.name}'s Care Certificate: {done} of {pa.care_certificate_total} standards completed"))]
    if pa.meetings:
        story += [space(2), KeepTogether(key_value_table(pa.meetings, styles=styles, label_share=0.3,
                                                         title=f"{pa.name}'s supervision and appraisal"))]
    story.append(space())
    return story


def write_training_report(report: TrainingReport, target: str | os.PathLike | BinaryIO | None = None,
                          invariant: bool = False) -> bytes | None:
    texts = [report.employer_name, report.subject, *(pa.name for pa in report.pas),
             *(t for pa in report.pas for line in pa.courses for t in (line.course, line.provider)),
             *(t for line in report.summary for t in (line.pa_name, line.course))]
    styles = styles_for(fonts_for(texts))
    story = [heading(f"Training report for {report.subject}", 1, styles),
             paragraph(f"Made on {format_date(report.made_on)}. For each PA: the courses they have done or need, "
                       "when they did them and when a refresher is due.", styles),
             paragraph(report.note, styles), space()]
    if report.household:
        story += [heading("What needs doing", 2, styles), paragraph(report.summary_words[1], styles)]
        if report.summary:
            rows = [[_status(line.state, line.word, styles), line.pa_name, line.course, line.details]
                    for line in report.summary]
            story.append(money_table(_SUMMARY_COLUMNS, rows, styles=styles))
        story.append(space())
    for pa in report.pas:
        story += _pa_section(pa, styles)
    if not report.pas:
        story.append(paragraph("There are no current PAs to report on.", styles))
    period = f"Training report, {format_date(report.made_on)}"
    info = DocumentInfo(f"Training report for {report.subject}",
                        Furniture(report.employer_name, period, "" if report.household else f"Training for {report.subject}"),
                        "Training records, refreshers due, Care Certificate, supervision and appraisal")
    return build_pdf(story, info, target, invariant=invariant)


def write_training_html(report: TrainingReport, target: str | os.PathLike | BinaryIO | None = None) -> bytes | None:
    """The same report as a web page, for a screen reader."""
    from pa_manager.reports.html import HtmlDocument

    title = f"Training report for {report.subject}"
    page = HtmlDocument(title, Furniture(report.employer_name, f"Training report, {format_date(report.made_on)}"))
    page.heading(title, 1)
    page.paragraph(f"Made on {format_date(report.made_on)}. For each PA: the courses they have done or need, when "
                   "they did them and when a refresher is due.")
    page.paragraph(report.note)
    if report.household:
        page.heading("What needs doing", 2)
        if report.summary:
            page.table("What needs doing", [Column("Status", 0), Column("PA", 0), Column("Course", 0),
                                             Column("Details", 0)],
                       [[line.word, line.pa_name, line.course, line.details] for line in report.summary])
        else:
            page.paragraph("Nothing has expired, is missing or is due in the next 30 days.")
    for pa in report.pas:
        page.heading(pa.name, 2)
        if pa.start_date:
            page.paragraph(f"Started {format_date(pa.start_date)}.")
        if pa.courses:
            page.table(f"{pa.name}'s courses", [Column("Course", 0), Column("Provider", 0), Column("Completed", 0),
                                                Column("Refresh due", 0), Column("Status", 0)],
                       [[line.course, line.provider, line.completed_on or "Not done",
                         line.refresh_due or ("No refresher needed" if line.completed_on else ""), line.word]
                        for line in pa.courses])
        else:
            page.paragraph("No courses are recorded or needed for this PA yet.")
        if pa.care_certificate:
            page.key_values(f"{pa.name}'s Care Certificate: {len(pa.care_certificate)} of "
                            f"{pa.care_certificate_total} standards completed", pa.care_certificate)
        if pa.meetings:
            page.key_values(f"{pa.name}'s supervision and appraisal", pa.meetings)
    if not report.pas:
        page.paragraph("There are no current PAs to report on.")
    return page.write(target)
