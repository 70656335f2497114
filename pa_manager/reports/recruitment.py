"""The job pack for a vacancy (job description, person specification and the advert) and an interview
sheet to print and write on, as PDFs and as web pages. Fed words (recruitment_words.JobPack) by the
service, so the screen, the page and the PDF say the same."""
from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from typing import BinaryIO

from reportlab.platypus import KeepTogether

from pa_manager.messages import format_date
from pa_manager.recruitment_words import JobPack
from pa_manager.reports.document.building import DocumentInfo, Furniture, build_pdf
from pa_manager.reports.document.fonts import fonts_for
from pa_manager.reports.document.styles import heading, paragraph, space, styles_for
from pa_manager.reports.document.tables import money_table
from pa_manager.reports.layout import Column

Target = str | os.PathLike | BinaryIO | None


def _furniture(pack: JobPack, opened_on: date) -> Furniture:
    return Furniture(pack.employer_name, f"Vacancy opened {format_date(opened_on)}", f"Job pack: {pack.title}")


def _parts(pack: JobPack) -> list[tuple[str, Sequence[str], bool]]:
    """(heading, lines, as a list?) in reading order."""
    return [("About the job", (pack.summary,), False), ("What you will do", pack.tasks, True),
            ("Hours", pack.hours, True), ("Pay and benefits", pack.pay, True), ("Training", pack.training, True)]


def write_job_pack_pdf(pack: JobPack, opened_on: date, target: Target = None, *, invariant: bool = False) -> bytes | None:
    styles = styles_for(fonts_for([pack.title, pack.employer_name, *pack.tasks]))
    story = [heading(f"Job description: {pack.title}", 1, styles)]
    for title, lines, listed in _parts(pack):
        block = [heading(title, 2, styles)]
        block += [paragraph(f"• {line}" if listed else line, styles) for line in lines]
        story.append(KeepTogether(block))
    story += [space(4), heading(f"Person specification: {pack.title}", 1, styles),
              paragraph("What the person doing this job needs (essential) and what would help (desirable). Values come "
                        "first: skills can be taught.", styles)]
    rows = [["Essential", line] for line in pack.essential] + [["Desirable", line] for line in pack.desirable]
    story.append(money_table([Column("Needed", 0.2), Column("What", 0.8)], rows, styles=styles))
    story += [space(4), KeepTogether([heading("The advert", 1, styles),
                                      paragraph("Copy this into a job website, a PA register or a notice:", styles),
                                      paragraph(pack.advert, styles)])]
    info = DocumentInfo(f"Job pack: {pack.title}", _furniture(pack, opened_on),
                        "Job description, person specification and advert")
    return build_pdf(story, info, target, invariant=invariant)


def write_job_pack_html(pack: JobPack, opened_on: date, target: Target = None) -> bytes | None:
    from pa_manager.reports.html import HtmlDocument

    page = HtmlDocument(f"Job pack: {pack.title}", _furniture(pack, opened_on))
    page.heading(f"Job pack: {pack.title}", 1)
    page.heading("Job description", 2)
    for title, lines, listed in _parts(pack):
        page.heading(title, 3)
        if listed:
            page.bullets(list(lines))
        else:
            for line in lines:
                page.paragraph(line)
    page.heading("Person specification", 2)
    page.table("Person specification: essential and desirable", [Column("Needed", 0), Column("What", 0)],
               [["Essential", line] for line in pack.essential] + [["Desirable", line] for line in pack.desirable])
    page.heading("The advert", 2)
    page.paragraph(pack.advert)
    return page.write(target)


def write_interview_sheet_pdf(employer_name: str, title: str, applicant_name: str, questions: Sequence[tuple[str, str, str]],
                              made_on: date, target: Target = None, *, invariant: bool = False) -> bytes | None:
    """One page or more to write on at the interview: each question (value, words, what to look for) with
    room for a score from 1 to 4 and notes."""
    styles = styles_for(fonts_for([employer_name, title, applicant_name, *(q for _, q, _ in questions)]))
    story = [heading(f"Interview: {applicant_name}", 1, styles),
             paragraph(f"For the {title.lower()} job. Score each answer for the evidence it gives of the value: 1 no "
                       "evidence, 2 some, 3 good, 4 strong. Experience counts for less than the values: skills can be "
                       "taught.", styles)]
    for number, (value, question, look_for) in enumerate(questions, start=1):
        story.append(KeepTogether([
            heading(f"{number}. {value}", 2, styles), paragraph(question, styles),
            paragraph(f"A good answer: {look_for}", styles),
            paragraph("Score (ring one):" + "".join("\u00a0" * 6 + str(n) for n in range(1, 5)), styles, bold=True),
            paragraph("Notes:", styles), space(14)]))
    info = DocumentInfo(f"Interview: {applicant_name}",
                        Furniture(employer_name, f"Interview sheet, {format_date(made_on)}", f"Interview: {applicant_name}"),
                        "Values-based interview questions")
    return build_pdf(story, info, target, invariant=invariant)
