"""Page furniture (the employer's name, the period and "Page N of M" on every page) and building a
flowing document, or several in one file each counting its own pages.
"""
from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from pa_manager.reports.document.measures import (
    BODY_SIZE, FOOTER_BAND, FRAME_WIDTH, HEADER_GAP, INK, LEADING, MARGIN, PAGE_HEIGHT, PAGE_WIDTH, RULE_WIDTH,
    SIDE_BY_SIDE_GAP, Target,
)
from pa_manager.reports.document.fonts import Fonts, fonts_for


# ---- Page furniture and building ---------------------------------------------------------------------


@dataclass(frozen=True)
class Furniture:
    """What every page carries besides its number."""

    employer_name: str
    period: str  # e.g. "Pay period: 1 November 2026 to 30 November 2026"
    footer: str = ""  # bottom left, e.g. "Payslip for Janet Moyo"

    def texts(self) -> tuple[str, ...]:
        return self.employer_name, self.period, self.footer


@dataclass(frozen=True)
class DocumentInfo:
    title: str  # the PDF's title, shown by viewers and read out by screen readers
    furniture: Furniture
    subject: str = ""


class _SectionStart(Flowable):
    """Invisible marker: from this page on, new furniture and page numbers counted afresh."""

    def __init__(self, furniture: Furniture):
        super().__init__()
        self.furniture = furniture

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        self.canv.begin_section(self.furniture)


class _FurnishedCanvas(Canvas):
    """Holds every page back until the end, when "Page N of M" can be known, then adds the furniture."""

    def __init__(self, *args, furniture: Furniture, fonts: Fonts, **kwargs):
        super().__init__(*args, **kwargs)
        self._fonts = fonts
        self._sections = [furniture]
        self._held_pages: list[tuple[int, dict]] = []

    def begin_section(self, furniture: Furniture) -> None:
        self._sections.append(furniture)

    def showPage(self):
        self._held_pages.append((len(self._sections) - 1, dict(self.__dict__)))
        self._startPage()

    def save(self):
        counts = [0] * len(self._sections)
        for section, _ in self._held_pages:
            counts[section] += 1
        numbers = [0] * len(self._sections)
        for section, state in self._held_pages:
            numbers[section] += 1
            self.__dict__.update(state)
            draw_furniture(self, self._sections[section], numbers[section], counts[section], self._fonts)
            Canvas.showPage(self)
        Canvas.save(self)


Mark = tuple[str, float, float, float, str]  # font, size, x, baseline, text
Rule = tuple[float, float, float]  # from x, to x, at height (RULE_WIDTH thick)


def furniture_marks(furniture: Furniture, page: int, pages: int, fonts: Fonts) -> tuple[list[Mark], list[Rule]]:
    """Where the furniture's words and rules go on a page: the header, the same on every page of a
    document (worked out once), and the footer with "Page n of m"."""
    header_words, header_rules = _header_marks(furniture.employer_name, furniture.period, fonts)
    right, bottom = PAGE_WIDTH - MARGIN, MARGIN + 3  # descenders stay inside the margin too
    number = f"Page {page} of {pages}"
    number_width = stringWidth(number, fonts.regular, BODY_SIZE)
    footer = _fit(furniture.footer, fonts.regular, FRAME_WIDTH - number_width - SIDE_BY_SIDE_GAP)
    words = [*header_words, (fonts.regular, BODY_SIZE, MARGIN, bottom, footer),
             (fonts.regular, BODY_SIZE, right - number_width, bottom, number)]
    return words, [*header_rules, (MARGIN, right, bottom + LEADING)]


@lru_cache(maxsize=64)
def _header_marks(employer_name: str, period: str, fonts: Fonts) -> tuple[tuple[Mark, ...], tuple[Rule, ...]]:
    top = PAGE_HEIGHT - MARGIN - BODY_SIZE  # baseline of a line whose top touches the margin
    right = PAGE_WIDTH - MARGIN
    names, own_line = _header_layout(employer_name, period, fonts)
    words = [(fonts.bold, BODY_SIZE, MARGIN, top - n * LEADING, line) for n, line in enumerate(names)]
    last_baseline = top - (len(names) - 1 + own_line) * LEADING
    shown = _fit(period, fonts.regular, FRAME_WIDTH)
    words.append((fonts.regular, BODY_SIZE, right - stringWidth(shown, fonts.regular, BODY_SIZE), last_baseline, shown))
    return tuple(words), ((MARGIN, right, last_baseline - 5),)


def draw_furniture(canvas: Canvas, furniture: Furniture, page: int, pages: int, fonts: Fonts) -> None:
    words, rules = furniture_marks(furniture, page, pages, fonts)
    canvas.saveState()
    canvas.setFillColor(INK)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(RULE_WIDTH)
    for x1, x2, y in rules:
        canvas.line(x1, y, x2, y)
    for font, size, x, baseline, text in words:
        canvas.setFont(font, size)
        canvas.drawString(x, baseline, text)
    canvas.restoreState()


@lru_cache(maxsize=64)
def _header_layout(employer_name: str, period: str, fonts: Fonts) -> tuple[tuple[str, ...], bool]:
    """The employer's name in lines (two at most, the second shortened with "…" if it must be), and
    whether the period needs a line of its own rather than sitting beside the name's last line."""
    names = simpleSplit(employer_name, fonts.bold, BODY_SIZE, FRAME_WIDTH) or [""]
    if len(names) > 2:
        names = [names[0], _fit(" ".join(names[1:]), fonts.bold, FRAME_WIDTH)]
    beside = stringWidth(names[-1], fonts.bold, BODY_SIZE) + SIDE_BY_SIDE_GAP
    beside += stringWidth(period, fonts.regular, BODY_SIZE)
    return tuple(names), beside > FRAME_WIDTH


def header_lines(furniture: Furniture, fonts: Fonts) -> int:
    """1 when the employer's name and the period fit side by side; more for a long name or period."""
    names, own_line = _header_layout(furniture.employer_name, furniture.period, fonts)
    return len(names) + own_line


def _fit(text: str, font: str, width: float) -> str:
    """Shortened with "…" rather than run off the page."""
    if stringWidth(text, font, BODY_SIZE) <= width:
        return text
    while text and stringWidth(text + "…", font, BODY_SIZE) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def build_pdf(story: Sequence[Flowable], info: DocumentInfo, target: Target = None, *,
              invariant: bool = False) -> bytes | None:
    """Write one document to a path or an open binary file; with no target, return the PDF's bytes.

    The story's own flowables carry their fonts (see `fonts_for` and `styles_for`); the header and
    footer choose theirs from their text.
    """
    return build_sections_pdf([(info.furniture, story)], info, target, invariant=invariant)


def build_sections_pdf(sections: Sequence[tuple[Furniture, Sequence[Flowable]]], info: DocumentInfo,
                       target: Target = None, *, invariant: bool = False) -> bytes | None:
    """Several documents in one file (a pay run's payslips): each starts on a new page, has its own
    header and counts its own pages, so each can be printed and handed over on its own.

    `invariant` fixes the creation date and file ID, so the same input gives the same bytes.
    Flowables are used up by building: make a fresh story for each PDF.
    """
    if not sections:
        raise ValueError("A PDF needs at least one section")
    fonts = fonts_for(text for furniture, _ in sections for text in furniture.texts())
    story: list[Flowable] = []
    for index, (furniture, flowables) in enumerate(sections):
        if index:
            story += [PageBreak(), _SectionStart(furniture)]
        story += list(flowables)
    lines_in_header = max(header_lines(furniture, fonts) for furniture, _ in sections)
    buffer = io.BytesIO() if target is None else target
    if isinstance(buffer, os.PathLike):
        buffer = os.fspath(buffer)
    top = MARGIN + lines_in_header * LEADING + HEADER_GAP
    bottom = MARGIN + FOOTER_BAND
    # No frame padding: the text's edges are the margins, in line with the header and footer.
    frame = Frame(MARGIN, bottom, FRAME_WIDTH, PAGE_HEIGHT - top - bottom, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="text")
    document = BaseDocTemplate(
        buffer, pagesize=A4, pageTemplates=[PageTemplate("page", [frame])],
        title=info.title, author=info.furniture.employer_name, subject=info.subject,
        creator="PA Manager", invariant=int(invariant), lang="en-GB",
        initialFontName=fonts.regular, initialFontSize=BODY_SIZE, initialLeading=LEADING,
    )
    maker = partial(_FurnishedCanvas, furniture=sections[0][0], fonts=fonts)
    document.build(story, canvasmaker=maker)
    return buffer.getvalue() if target is None else None
