"""Paragraph styles in the embedded font, and the simple flowables built from them: headings,
paragraphs and space.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from pa_manager.reports.document.measures import BODY_SIZE, HEADING_SIZES, INK, LEADING
from pa_manager.reports.document.fonts import Fonts, embedded_fonts


# ---- Styles ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    fonts: Fonts
    body: ParagraphStyle
    bold: ParagraphStyle
    headings: dict[int, ParagraphStyle]


@lru_cache(maxsize=4)
def styles_for(fonts: Fonts) -> Styles:
    """Built once per font and reused: documents are many, styles are few."""
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=BODY_SIZE, leading=LEADING,
                          alignment=TA_LEFT, textColor=INK, spaceAfter=4)
    bold = ParagraphStyle("bold", parent=body, fontName=fonts.bold)
    headings = {
        level: ParagraphStyle(f"heading{level}", parent=body, fontName=fonts.bold, fontSize=size,
                              leading=size * 1.25, spaceBefore=size * 0.5, spaceAfter=size * 0.25,
                              keepWithNext=1)
        for level, size in HEADING_SIZES.items()
    }
    return Styles(fonts, body, bold, headings)


def default_styles() -> Styles:
    return styles_for(embedded_fonts())


def __getattr__(name: str):
    # The embedded font is registered on first use, not when this module is imported.
    if name == "STANDARD_FONTS":
        return embedded_fonts()
    if name == "STANDARD_STYLES":
        return default_styles()
    raise AttributeError(name)


# ---- Simple flowables --------------------------------------------------------------------------------


def heading(text: str, level: int = 1, styles: Styles | None = None) -> Paragraph:
    return Paragraph(escape(text), (styles or default_styles()).headings[level])


def paragraph(text: str, styles: Styles | None = None, *, bold: bool = False) -> Paragraph:
    """Plain text, never markup: names like "Smith & Sons" must print as typed."""
    styles = styles or default_styles()
    style = styles.bold if bold else styles.body
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def space(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)
