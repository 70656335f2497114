"""Tables for the flowing reports: blocks side by side, labels and values, room to sign, tables of
money with totals, and a status shown as a word with its mark (never colour alone).
"""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from pa_manager.domain.money import format_money
from pa_manager.reports.layout import Column
from pa_manager.reports.document.measures import BODY_SIZE, FRAME_WIDTH, INK, LEADING, RULE_WIDTH
from pa_manager.reports.document.fonts import embedded_fonts
from pa_manager.reports.document.styles import Styles, default_styles, paragraph


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
