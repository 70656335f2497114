"""The written statement of employment particulars (or a notice of a change to it), and the household's
policies: a PDF to print and sign, and the same words as a web page for a screen reader. Fed a
WordedStatement (statement_words, policy_words), so both say exactly the same."""
from __future__ import annotations

import os
from typing import BinaryIO

from reportlab.platypus import KeepTogether

from pa_manager.messages import format_date
from pa_manager.reports.document.building import DocumentInfo, Furniture, build_pdf
from pa_manager.reports.document.fonts import fonts_for
from pa_manager.reports.document.styles import heading, paragraph, space, styles_for
from pa_manager.reports.document.tables import signature_table
from pa_manager.statement_words import WordedStatement

Target = str | os.PathLike | BinaryIO | None


def _furniture(worded: WordedStatement) -> Furniture:
    if worded.kind == "policy":
        return Furniture(worded.employer_name, f"Made on {format_date(worded.as_at)}", worded.title)
    what = "Written statement" if worded.kind == "statement" else "Change to terms"
    return Furniture(worded.employer_name, f"{what}, terms as at {format_date(worded.as_at)}",
                     f"For {worded.pa_name}")


def _basis(worded: WordedStatement) -> str:
    """What each section's last line names: the law that asks for it, or the standard a policy follows."""
    return "Based on" if worded.kind == "policy" else "The law"


def _signers(worded: WordedStatement) -> list[tuple[str, str]]:
    return [("Employer", worded.employer_name), ("PA", worded.pa_name)]


def write_statement_pdf(worded: WordedStatement, target: Target = None, *, invariant: bool = False) -> bytes | None:
    texts = [worded.title, worded.employer_name, worded.pa_name,
             *(line for s in worded.sections for line in (s.heading, *s.paragraphs))]
    styles = styles_for(fonts_for(texts))
    story = [heading(worded.title, 1, styles)]
    story += [paragraph(line, styles) for line in worded.intro]
    story.append(space(2))
    for number, section in enumerate(worded.sections, start=1):
        # Each section's heading stays with its first lines; the law it meets closes it.
        block = [heading(f"{number}. {section.heading}", 2, styles)]
        block += [paragraph(line, styles) for line in section.paragraphs]
        block.append(paragraph(f"{_basis(worded)}: {section.provision}.", styles))
        story.append(KeepTogether(block))
    story.append(space(4))
    # The request to sign stays with the lines to sign on (signature_table keeps itself together; a
    # KeepTogether around it as well measured it too tall and pushed it to a page of its own).
    *lines, last = [paragraph(line, styles) for line in worded.closing]
    story += lines
    last.keepWithNext = 1
    story += [last, signature_table(_signers(worded), styles=styles)]
    subject = {"statement": "Written statement of employment particulars (Employment Rights Act 1996, sections 1 to 4)",
               "change_notice": "Notice of a change to employment particulars (Employment Rights Act 1996, section 4)",
               }.get(worded.kind, worded.title)
    info = DocumentInfo(worded.title, _furniture(worded), subject)
    return build_pdf(story, info, target, invariant=invariant)


def write_statement_html(worded: WordedStatement, target: Target = None) -> bytes | None:
    """The same words as a web page: headings in order, each section's law, a table to sign."""
    from pa_manager.reports.html import HtmlDocument

    page = HtmlDocument(worded.title, _furniture(worded))
    page.heading(worded.title, 1)
    for line in worded.intro:
        page.paragraph(line)
    for number, section in enumerate(worded.sections, start=1):
        page.heading(f"{number}. {section.heading}", 2)
        for line in section.paragraphs:
            page.paragraph(line)
        page.paragraph(f"{_basis(worded)}: {section.provision}.")
    page.heading("Signatures", 2)
    for line in worded.closing:
        page.paragraph(line)
    page.signatures("Signatures", _signers(worded))
    return page.write(target)
