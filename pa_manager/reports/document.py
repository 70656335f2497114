"""Shared page set-up for every PDF the app writes.

Plain A4 in a readable size: 11 pt text, larger headings, at least 18 mm clear of every edge so no
printer cuts anything off. Every page carries the employer's name, the period and "Page N of M".
Every PDF embeds its font (a TrueType font found on the computer, or the one ReportLab ships), so it
looks the same and reads out the same on any computer, and keeps its title, author and language.
"""
from __future__ import annotations

import io
import os
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import lru_cache, partial
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import registerFont, registerFontFamily, stringWidth
from reportlab.pdfbase import pdfdoc, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, KeepTogether, PageBreak, PageTemplate, Paragraph,
                                Spacer, Table, TableStyle)

from pa_manager.domain.money import format_money
from pa_manager.reports.layout import Column  # the one table column, shared with the blocks

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm  # the furniture sits on this line; nothing is printed nearer the edge
BODY_SIZE = 11
LEADING = 14
HEADING_SIZES = {1: 18, 2: 14}
HEADER_GAP = 6 * mm  # between the header's last line and the text
FOOTER_BAND = LEADING + 4 * mm
SIDE_BY_SIDE_GAP = 12  # points between two texts on one line of the header or footer
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
INK = colors.black
RULE_WIDTH = 0.6

Target = str | os.PathLike | BinaryIO | None


# ---- Fonts -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str


# Fonts tried, in order. Liberation Sans and Arial have Helvetica's widths; DejaVu Sans (on most Linux
# computers) is a little wider and has the most letters. Vera ships with ReportLab: always there.
_FONT_FILES = (
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("arial.ttf", "arialbd.ttf"),
    ("Arial.ttf", "Arial Bold.ttf"),
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
)
_FONT_FOLDERS = (
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/liberation-sans",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/dejavu",
    os.path.join(os.environ.get("WINDIR", "C:/Windows"), "Fonts"),
    "/System/Library/Fonts/Supplemental",
    "/Library/Fonts",
)
_BUNDLED_FONT_FILES = ("Vera.ttf", "VeraBd.ttf")  # ship with ReportLab; fewer letters, always there


@lru_cache(maxsize=1)
def embedded_fonts() -> Fonts:
    """The font every PDF embeds. Registered once per run, on first use (reading the font file is the
    slow part, so nothing pays for it until a document is made)."""
    regular, bold = _find_font_files()
    registerFont(_EmbeddedFont("PAManagerSans", regular))
    registerFont(_EmbeddedFont("PAManagerSans-Bold", bold))
    registerFontFamily("PAManagerSans", normal="PAManagerSans", bold="PAManagerSans-Bold",
                       italic="PAManagerSans", boldItalic="PAManagerSans-Bold")
    return Fonts("PAManagerSans", "PAManagerSans-Bold")


def fonts_for(texts: Iterable[str] = ()) -> Fonts:
    """The fonts for a document holding these texts: always the embedded font (kept as a function of
    the texts so that a font with more letters could be chosen for names that need one)."""
    return embedded_fonts()


unicode_fonts = embedded_fonts  # the older name


class _EmbeddedFont(TTFont):
    """A TrueType font whose embedded pieces are reused from one PDF to the next.

    Each PDF embeds only the letters it uses (a subset of the font): ReportLab cuts the subset out of
    the font file, compresses it, and writes its widths and its table for copying text, afresh for
    every document. A pay run's payslips use the same letters in the same order, so those pieces are
    kept, keyed by the subset, and written again as the same bytes. This is ReportLab's own
    TTFont.addObjects and TTFontFace.addSubsetObjects (reportlab 4 and 5) with that cache added;
    tests/reports/test_document.py checks the files are byte for byte what ReportLab writes.
    """

    def __init__(self, name: str, filename: str):
        super().__init__(name, filename)
        self._pieces: dict[tuple, tuple[bytes, bytes, bytes, int]] = {}

    def _subset_pieces(self, base_name: str, subset: list[int], compress: bool, doc) -> tuple[bytes, bytes, bytes, int]:
        key = (base_name, tuple(subset), compress)
        found = self._pieces.get(key)
        if found is None:
            widths = pdfdoc.PDFArray([self.face.getCharWidth(code) for code in subset]).format(doc)
            cmap = ttfonts.makeToUnicodeCMap(base_name, subset).encode("utf8")
            font_file = self.face.makeSubset(subset)
            if compress:
                cmap, packed = zlib.compress(cmap), zlib.compress(font_file)
            else:
                packed = font_file
            if len(self._pieces) >= 32:  # a few documents' worth; a long run of one kind reuses one entry
                self._pieces.clear()
            found = self._pieces[key] = (widths, cmap, packed, len(font_file))
        return found

    def splitString(self, text, doc, encoding="utf-8"):
        """ReportLab's, quicker for the usual line: when every letter already has its code in the first
        subset (after a payslip's first few lines, nearly all do), the codes are looked up in one pass.
        Anything else (a new letter, a later subset, shaped text) goes to ReportLab's own."""
        state = self.state.get(doc)
        if state is not None and type(text) is str:
            try:
                codes = bytes(map(state.assignments.__getitem__, map(ord, text.replace("\xa0", " "))))
            except (KeyError, ValueError):  # a letter without its code yet, or a code past the first subset
                pass
            else:
                return [(0, codes)] if codes else []
        return super().splitString(text, doc, encoding)

    def addObjects(self, doc):
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        face = self.face
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_name = b"".join((ttfonts.SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            widths, cmap, font_file, length = self._subset_pieces(base_name, subset, bool(doc.compression), doc)
            filters = {"Filter": pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])} if doc.compression else {}
            font = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {n}"
            font.Name = internal_name
            font.BaseFont = base_name
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = _Formatted(widths)
            cmap_stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary(dict(filters)), cmap, filters=[])
            font.ToUnicode = doc.Reference(cmap_stream, "toUnicodeCMap:" + base_name)
            file_stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary({**filters, "Length1": length}), font_file, filters=[])
            file_ref = doc.Reference(file_stream, f"fontFile:{face.filename}({base_name})")
            flags = (face.flags & ~ttfonts.FF_NONSYMBOLIC) | ttfonts.FF_SYMBOLIC
            descriptor = pdfdoc.PDFDictionary({
                "Type": "/FontDescriptor", "Ascent": face.ascent, "CapHeight": face.capHeight,
                "Descent": face.descent, "Flags": flags, "FontBBox": pdfdoc.PDFArray(face.bbox),
                "FontName": pdfdoc.PDFName(base_name), "ItalicAngle": face.italicAngle, "StemV": face.stemV,
                "FontFile2": file_ref, "MissingWidth": face.defaultWidth,
            })
            font.FontDescriptor = doc.Reference(descriptor, "fontDescriptor:" + base_name)
            doc.Reference(font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = font
        del self.state[doc]


class _Formatted(pdfdoc.PDFObject):
    """A PDF value already written out (a subset's widths)."""

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document) -> bytes:
        return self.data


def _find_font_files() -> tuple[str, str]:
    for regular, bold in _FONT_FILES:
        for folder in _FONT_FOLDERS:
            pair = (Path(folder) / regular, Path(folder) / bold)
            if pair[0].is_file() and pair[1].is_file():
                return str(pair[0]), str(pair[1])
    return _BUNDLED_FONT_FILES  # ReportLab finds these on its own search path


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


def _cell(text: str, width: float, styles: Styles, *, bold: bool = False, right: bool = False) -> str | Paragraph:
    """A plain string is far faster to draw; a Paragraph only when the text must wrap (lined up on the
    right in a column of figures, as the figures are)."""
    font = styles.fonts.bold if bold else styles.fonts.regular
    padding = 12  # the table's left and right cell padding
    lines = text.split("\n")
    if all(stringWidth(line, font, BODY_SIZE) <= width - padding for line in lines):
        return text
    if right:
        return Paragraph(escape(text).replace("\n", "<br/>"), _right_aligned(styles.bold if bold else styles.body))
    return paragraph(text, styles, bold=bold)


@lru_cache(maxsize=8)
def _right_aligned(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-right", parent=style, alignment=TA_RIGHT)


def _base_table_style(styles: Styles) -> list[tuple]:
    return [
        ("FONT", (0, 0), (-1, -1), styles.fonts.regular, BODY_SIZE, LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        # Text lines up with headings and the page furniture at the margins.
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
    ]


def side_by_side(blocks: Sequence[Flowable], widths: Sequence[float], *, gap: float = 14) -> Table:
    """Blocks next to each other, tops level, with `gap` points between them and none at the edges."""
    col_widths = [width + gap for width in widths[:-1]] + list(widths[-1:])
    table = Table([list(blocks)], colWidths=col_widths, hAlign="LEFT")
    fonts = embedded_fonts()
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts.regular, BODY_SIZE, LEADING),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


# ---- Key-value table ---------------------------------------------------------------------------------


def key_value_table(rows: Sequence[tuple[str, str]], *, title: str = "", width: float = FRAME_WIDTH,
                    label_share: float = 0.4, right_values: bool = False, styles: Styles | None = None) -> Table:
    """Each label with its value beside it; values right-aligned for money and hours.

    Without a title the labels are bold; with one, the title is a bold header row over a rule, like
    a money table's, and the labels are plain.
    """
    styles = styles or default_styles()
    label_width = width * label_share
    value_width = width - label_width
    bold_labels = not title
    data = [[_cell(label, label_width, styles, bold=bold_labels), _cell(value, value_width, styles)]
            for label, value in rows]
    style = _base_table_style(styles)
    if title:
        data.insert(0, [_cell(title, width, styles, bold=True), ""])
        style += [("SPAN", (0, 0), (1, 0)), ("FONT", (0, 0), (1, 0), styles.fonts.bold, BODY_SIZE, LEADING),
                  ("LINEBELOW", (0, 0), (1, 0), RULE_WIDTH, INK)]
    else:
        style.append(("FONT", (0, 0), (0, -1), styles.fonts.bold, BODY_SIZE, LEADING))
    if right_values:
        style.append(("ALIGN", (1, 1 if title else 0), (1, -1), "RIGHT"))
    table = Table(data, colWidths=[label_width, value_width], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


# ---- Signatures -------------------------------------------------------------------------------------

SIGNING_ROW = 30  # points: room to write a name, sign and date by hand


def signature_table(people: Sequence[tuple[str, str]], *, width: float = FRAME_WIDTH,
                    styles: Styles | None = None) -> Flowable:
    """For each person (who they are, their name or "" to write in), lines to sign and date on:
    "Name", "Signature" and "Date", each with a rule to write on, kept together on one page."""
    styles = styles or default_styles()
    label_width = width * 0.22
    data, style = [], _base_table_style(styles)
    for role, name in people:
        first = len(data)
        data += [[_cell(role, width, styles, bold=True), ""], ["Name", name], ["Signature", ""], ["Date", ""]]
        style += [("SPAN", (0, first), (1, first)), ("FONT", (0, first), (1, first), styles.fonts.bold, BODY_SIZE, LEADING),
                  ("TOPPADDING", (0, first), (1, first), 10 if first else 0)]
        style += [("LINEBELOW", (1, row), (1, row), RULE_WIDTH, INK) for row in range(first + 1, first + 4)]
        style += [("VALIGN", (0, row), (1, row), "BOTTOM") for row in range(first + 1, first + 4)]
    heights = [None if row % 4 == 0 else SIGNING_ROW for row in range(len(data))]
    table = Table(data, colWidths=[label_width, width - label_width], rowHeights=heights, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return KeepTogether([table])


# ---- Money table -------------------------------------------------------------------------------------


Cell = str | Decimal | Flowable | None  # a Flowable is drawn as it is, e.g. a status_cell


def money_table(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], totals: Sequence[Sequence[Cell]] = (),
                *, width: float = FRAME_WIDTH, styles: Styles | None = None) -> Table:
    """A table of figures: Decimal cells print as money, totals are bold under a rule.

    Text in a left-aligned column runs on over the empty (None) cells to its right, so a line with
    no hours or rate has room for a long description. The header row repeats on every page the
    table runs on to. Plain lines only, no shading.
    """
    styles = styles or default_styles()
    widths = [column.share * width for column in columns]
    header = [_cell(column.title, w, styles, bold=True, right=column.right) for column, w in zip(columns, widths)]
    all_rows = [(row, False) for row in rows] + [(row, True) for row in totals]
    spans = [_spans(row, columns) for row, _ in all_rows]
    cells = [[_money_cell(value, sum(widths[i:spans_[i] + 1]), styles, bold=bold) for i, value in enumerate(row)]
             for (row, bold), spans_ in zip(all_rows, spans)]
    table = Table([header, *cells], colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = _money_table_style(columns, len(rows), len(totals), styles)
    style += [("SPAN", (start, number), (end, number)) for number, spans_ in enumerate(spans, start=1)
              for start, end in spans_.items() if end > start]
    table.setStyle(TableStyle(style))
    return table


def _spans(row: Sequence[Cell], columns: Sequence[Column]) -> dict[int, int]:
    """For each cell, the last column it covers: itself, or the run of empty cells after left-aligned text."""
    spans = {}
    for index, value in enumerate(row):
        end = index
        if isinstance(value, str) and not columns[index].right:
            while end + 1 < len(row) and row[end + 1] is None:
                end += 1
        spans[index] = end
    return spans


def _money_cell(value: Cell, width: float, styles: Styles, *, bold: bool) -> str | Flowable:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_money(value)
    if isinstance(value, Flowable):
        return value
    return _cell(value, width, styles, bold=bold)


def _money_table_style(columns: Sequence[Column], body_rows: int, total_rows: int, styles: Styles) -> list[tuple]:
    style = _base_table_style(styles)
    style += [
        ("FONT", (0, 0), (-1, 0), styles.fonts.bold, BODY_SIZE, LEADING),
        ("LINEBELOW", (0, 0), (-1, 0), RULE_WIDTH, INK),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
    ]
    style += [("ALIGN", (i, 0), (i, -1), "RIGHT") for i, column in enumerate(columns) if column.right]
    if total_rows:
        first_total = 1 + body_rows
        style += [
            ("FONT", (0, first_total), (-1, -1), styles.fonts.bold, BODY_SIZE, LEADING),
            ("LINEABOVE", (0, first_total), (-1, first_total), RULE_WIDTH, INK),
        ]
    return style


# ---- Status cell -------------------------------------------------------------------------------------


class Mark(Enum):
    TICK = "tick"
    CROSS = "cross"
    WARNING = "warning"


class StatusCell(Flowable):
    """A drawn tick, cross or "!" followed by the status word: meaning never rests on the symbol alone."""

    SYMBOL = 9.0  # points square
    GAP = 4.0

    def __init__(self, word: str, mark: Mark, styles: Styles | None = None):
        super().__init__()
        fonts = (styles or default_styles()).fonts
        self.word, self.mark, self.font, self.bold_font = word, mark, fonts.regular, fonts.bold

    def wrap(self, available_width, available_height):
        self.width = self.SYMBOL + self.GAP + stringWidth(self.word, self.font, BODY_SIZE)
        self.height = LEADING
        return self.width, self.height

    def draw(self):
        canvas, s = self.canv, self.SYMBOL
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setFillColor(INK)
        canvas.setLineWidth(1.4)
        base = (LEADING - s) / 2  # centred on the text's height
        _DRAW_MARK[self.mark](canvas, base, s, self.bold_font)
        canvas.setFont(self.font, BODY_SIZE)
        canvas.drawString(s + self.GAP, base + 0.5, self.word)
        canvas.restoreState()


def _draw_tick(canvas: Canvas, base: float, s: float, bold_font: str) -> None:
    canvas.lines([(0, base + s * 0.5, s * 0.38, base), (s * 0.38, base, s, base + s)])


def _draw_cross(canvas: Canvas, base: float, s: float, bold_font: str) -> None:
    canvas.lines([(0, base, s, base + s), (0, base + s, s, base)])


def _draw_warning(canvas: Canvas, base: float, s: float, bold_font: str) -> None:
    canvas.setLineWidth(0.9)
    path = canvas.beginPath()
    path.moveTo(0, base)
    path.lineTo(s, base)
    path.lineTo(s / 2, base + s + 1)
    path.close()
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.setFont(bold_font, 7)
    canvas.drawCentredString(s / 2, base + 1.2, "!")


_DRAW_MARK = {Mark.TICK: _draw_tick, Mark.CROSS: _draw_cross, Mark.WARNING: _draw_warning}


def status_cell(word: str, mark: Mark, styles: Styles | None = None) -> StatusCell:
    return StatusCell(word, mark, styles)


# ---- Charts ------------------------------------------------------------------------------------------

CHART_HEIGHT = 75 * mm
CHART_TEXT = 11
CHART_FILL = colors.HexColor("#4d4d4d")  # one dark grey: every value is printed, colour means nothing
LABEL_NUDGE = 6


def bar_chart(title: str, points: Sequence[tuple[str, Decimal]], *, value_title: str = "Pounds",
              width: float = FRAME_WIDTH, height: float = CHART_HEIGHT, fonts: Fonts | None = None) -> Drawing:
    """Bars with their amounts printed on them, for example spending per month."""
    fonts = fonts or embedded_fonts()
    drawing, chart = _chart(VerticalBarChart(), title, value_title, width, height, fonts)
    chart.data = [[float(value) for _, value in points]]  # floats only position the bars
    chart.bars[0].fillColor = CHART_FILL
    chart.bars[0].strokeColor = INK
    labels, angle = _value_labels(points, chart.width, fonts)
    chart.barLabelFormat = "values"
    chart.barLabelArray = [labels]
    _style_labels(chart.barLabels, angle, fonts)
    chart.barLabels.nudge = LABEL_NUDGE
    _style_axes(chart, points, labels, angle, fonts)
    drawing.add(chart)
    _add_zero_line(drawing, chart)
    return drawing


def line_chart(title: str, points: Sequence[tuple[str, Decimal]], *, value_title: str = "Pounds",
               width: float = FRAME_WIDTH, height: float = CHART_HEIGHT, fonts: Fonts | None = None) -> Drawing:
    """A line through the amounts with each one printed, for example the budget left month by month."""
    fonts = fonts or embedded_fonts()
    drawing, chart = _chart(HorizontalLineChart(), title, value_title, width, height, fonts)
    chart.data = [[float(value) for _, value in points]]
    chart.lines[0].strokeColor = INK
    chart.lines[0].strokeWidth = 1.5
    chart.lines[0].symbol = makeMarker("FilledCircle", size=4, fillColor=INK, strokeColor=INK)
    labels, angle = _value_labels(points, chart.width, fonts)
    chart.lineLabelFormat = "values"
    chart.lineLabelArray = [labels]
    _style_labels(chart.lineLabels, angle, fonts)
    if not angle:
        chart.lineLabels.boxAnchor = "s"  # just above its point, whichever way the line runs
    chart.lineLabelNudge = LABEL_NUDGE
    _style_axes(chart, points, labels, angle, fonts)
    drawing.add(chart)
    _add_zero_line(drawing, chart)
    return drawing


def _chart(chart, title: str, value_title: str, width: float, height: float, fonts: Fonts):
    """The drawing with the chart's title and value-axis title above the plot, and the plot placed."""
    drawing = Drawing(width, height, initialFontName=fonts.regular, initialFontSize=CHART_TEXT)
    drawing.add(String(0, height - CHART_TEXT - 2, title, fontName=fonts.bold, fontSize=CHART_TEXT + 1))
    drawing.add(String(0, height - 2 * CHART_TEXT - 10, value_title, fontName=fonts.regular, fontSize=CHART_TEXT))
    left, bottom, top_room = 66, 22, 2 * CHART_TEXT + 20
    chart.x, chart.y, chart.width, chart.height = left, bottom, width - left - 10, height - bottom - top_room
    return drawing, chart


def _value_labels(points: Sequence[tuple[str, Decimal]], plot_width: float, fonts: Fonts) -> tuple[list[str], int]:
    """Exact amounts when they fit side by side; whole pounds if those fit; else whole pounds turned upright."""
    slot = plot_width / max(len(points), 1) - 4
    exact = [format_money(value) for _, value in points]
    if _widest(exact, fonts) <= slot:
        return exact, 0
    whole = [format_money(value.quantize(Decimal(1))).removesuffix(".00") for _, value in points]
    return whole, 0 if _widest(whole, fonts) <= slot else 90


def _widest(texts: Sequence[str], fonts: Fonts) -> float:
    return max((stringWidth(text, fonts.regular, CHART_TEXT) for text in texts), default=0)


def _style_labels(labels, angle: int, fonts: Fonts) -> None:
    labels.fontName, labels.fontSize, labels.angle = fonts.regular, CHART_TEXT, angle
    if angle:
        labels.boxAnchor = "w"  # upright text starts at the bar's end and reads upwards


def _style_axes(chart, points: Sequence[tuple[str, Decimal]], labels: Sequence[str], angle: int, fonts: Fonts) -> None:
    chart.categoryAxis.categoryNames = [label for label, _ in points]
    chart.categoryAxis.labels.fontName = fonts.regular
    chart.categoryAxis.labels.fontSize = CHART_TEXT
    chart.categoryAxis.labels.dy = -4
    chart.categoryAxis.joinAxisMode = "bottom"  # names stay below the plot even when values go below zero
    axis = chart.valueAxis
    axis.labels.fontName, axis.labels.fontSize = fonts.regular, CHART_TEXT
    axis.labelTextFormat = lambda value: format_money(Decimal(round(value))).removesuffix(".00")
    axis.visibleGrid = 0
    axis.valueMin, axis.valueMax = _value_range([value for _, value in points], labels, angle, chart.height, fonts)


def _add_zero_line(drawing: Drawing, chart) -> None:
    """A line at £0 when amounts go below it (an overspent budget), as the names sit at the bottom."""
    low, high = chart.valueAxis.valueMin, chart.valueAxis.valueMax
    if low >= 0:
        return
    y = chart.y + chart.height * (0 - low) / (high - low)
    drawing.add(Line(chart.x, y, chart.x + chart.width, y, strokeColor=INK, strokeWidth=0.8, strokeDashArray=[3, 2]))


def _value_range(values: Sequence[Decimal], labels: Sequence[str], angle: int, height: float,
                 fonts: Fonts) -> tuple[float, float]:
    """From zero (or the lowest value) to the highest, with room beyond for the printed amounts."""
    low, high = float(min([Decimal(0), *values])), float(max([Decimal(0), *values]))
    if high == low:
        high = low + 1
    room = (_widest(labels, fonts) if angle else CHART_TEXT) + LABEL_NUDGE + 2  # points
    stretch = (high - low) * room / max(height - 2 * room, 1)
    return (low - stretch if low < 0 else low), high + stretch


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
            _draw_furniture(self, self._sections[section], numbers[section], counts[section], self._fonts)
            Canvas.showPage(self)
        Canvas.save(self)


def _draw_furniture(canvas: Canvas, furniture: Furniture, page: int, pages: int, fonts: Fonts) -> None:
    top = PAGE_HEIGHT - MARGIN - BODY_SIZE  # baseline of a line whose top touches the margin
    right = PAGE_WIDTH - MARGIN
    canvas.saveState()
    canvas.setFillColor(INK)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(RULE_WIDTH)
    names, own_line = _header_layout(furniture, fonts)
    canvas.setFont(fonts.bold, BODY_SIZE)
    for n, line in enumerate(names):
        canvas.drawString(MARGIN, top - n * LEADING, line)
    canvas.setFont(fonts.regular, BODY_SIZE)
    last_baseline = top - (len(names) - 1 + own_line) * LEADING
    canvas.drawRightString(right, last_baseline, _fit(furniture.period, fonts.regular, FRAME_WIDTH))
    canvas.line(MARGIN, last_baseline - 5, right, last_baseline - 5)
    bottom = MARGIN + 3  # descenders stay inside the margin too
    canvas.line(MARGIN, bottom + LEADING, right, bottom + LEADING)
    number = f"Page {page} of {pages}"
    room = FRAME_WIDTH - stringWidth(number, fonts.regular, BODY_SIZE) - SIDE_BY_SIDE_GAP
    footer = _fit(furniture.footer, fonts.regular, room)
    canvas.drawString(MARGIN, bottom, footer)
    canvas.drawRightString(right, bottom, number)
    canvas.restoreState()


def _header_layout(furniture: Furniture, fonts: Fonts) -> tuple[list[str], bool]:
    """The employer's name in lines (two at most, the second shortened with "…" if it must be), and
    whether the period needs a line of its own rather than sitting beside the name's last line."""
    names = simpleSplit(furniture.employer_name, fonts.bold, BODY_SIZE, FRAME_WIDTH) or [""]
    if len(names) > 2:
        names = [names[0], _fit(" ".join(names[1:]), fonts.bold, FRAME_WIDTH)]
    beside = stringWidth(names[-1], fonts.bold, BODY_SIZE) + SIDE_BY_SIDE_GAP
    beside += stringWidth(furniture.period, fonts.regular, BODY_SIZE)
    return names, beside > FRAME_WIDTH


def _header_lines(furniture: Furniture, fonts: Fonts) -> int:
    """1 when the employer's name and the period fit side by side; more for a long name or period."""
    names, own_line = _header_layout(furniture, fonts)
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
    header_lines = max(_header_lines(furniture, fonts) for furniture, _ in sections)
    buffer = io.BytesIO() if target is None else target
    if isinstance(buffer, os.PathLike):
        buffer = os.fspath(buffer)
    top = MARGIN + header_lines * LEADING + HEADER_GAP
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
