"""A one-page payslip drawn straight onto the canvas: the same layout as payslip_story, several
times quicker than laying out tables (a pay run writes many payslips).

`draw` plans every line first and draws nothing unless the whole payslip fits on one page in the
embedded font; the caller falls back to the flowing layout otherwise (a very long payslip).
"""
from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from pa_manager.domain.money import format_money
from pa_manager.messages import date_range, format_date
from pa_manager.reports.document import (
    BODY_SIZE, FOOTER_BAND, FRAME_WIDTH, HEADER_GAP, HEADING_SIZES, INK, LEADING, MARGIN, PAGE_HEIGHT, RULE_WIDTH,
    Fonts, Furniture, _header_lines,
)

PAD = 6  # points of padding on each side of a table cell (none at the frame's edges)
ROW_GAP = 3  # points under each table row
Shape = Callable[[Canvas], None]


class _Page:
    """A cursor down the page that records what to draw, to be drawn only if it all fits."""

    def __init__(self, furniture: Furniture, fonts: Fonts):
        self.regular, self.bold = fonts.regular, fonts.bold
        self.y = PAGE_HEIGHT - MARGIN - _header_lines(furniture, fonts) * LEADING - HEADER_GAP
        self.floor = MARGIN + FOOTER_BAND
        self.words: list[tuple[str, float, float, float, str]] = []  # font, size, x, baseline, text
        self.shapes: list[Shape] = []

    def text(self, x: float, size: float, words: str, *, bold: bool = False, right: bool = False, y=None) -> None:
        font = self.bold if bold else self.regular
        if right:
            x -= stringWidth(words, font, size)
        self.words.append((font, size, x, self.y - size if y is None else y, words))

    def rule(self, x1: float, x2: float, y: float, width: float = RULE_WIDTH) -> None:
        self.shapes.append(lambda c: (c.setLineWidth(width), c.line(x1, y, x2, y)))

    def lines(self, x: float, width: float, words: str, *, bold: bool = False, size: float = BODY_SIZE) -> int:
        """Wrapped text from the cursor; returns how many lines it took (the cursor does not move)."""
        font = self.bold if bold else self.regular
        wrapped = []
        for piece in words.split("\n"):
            # Most cells fit on one line; measuring once is much quicker than splitting word by word.
            fits = stringWidth(piece, font, size) <= width
            wrapped += [piece] if fits else (simpleSplit(piece, font, size, width) or [""])
        for n, line in enumerate(wrapped):
            self.text(x, size, line, bold=bold, y=self.y - size - n * LEADING)
        return len(wrapped)

    def paragraph(self, words: str, *, bold: bool = False, after: float = 4) -> None:
        self.y -= self.lines(MARGIN, FRAME_WIDTH, words, bold=bold) * LEADING + after

    def fits(self) -> bool:
        return self.y >= self.floor


def _table(page: _Page, x: float, width: float, columns, rows, totals=(), *, header: bool = True,
           title: str = "", bold_labels: bool = False) -> None:
    """Columns are (title, share, right). A cell of None lets the text to its left run on over it.
    A `title` is one bold header across the whole table. With `bold_labels` the first column of each
    row is bold (a list of labels and values)."""
    widths = [share * width for _, share, _ in columns]
    lefts = [x + sum(widths[:i]) for i in range(len(widths))]

    def row(cells, bold: bool) -> None:
        tallest = 1
        for i, value in enumerate(cells):
            if value is None:
                continue
            strong = bold or (bold_labels and i == 0)
            span = i + 1
            while span < len(cells) and cells[span] is None:
                span += 1
            text = format_money(value) if not isinstance(value, str) else value
            left_pad = 0 if i == 0 else PAD
            right_pad = 0 if span == len(cells) else PAD
            room = sum(widths[i:span]) - left_pad - right_pad
            if columns[i][2]:
                page.text(lefts[i] + sum(widths[i:span]) - right_pad, BODY_SIZE, text, bold=strong, right=True)
            else:
                tallest = max(tallest, page.lines(lefts[i] + left_pad, room, text, bold=strong))
        page.y -= tallest * LEADING + ROW_GAP

    if header or title:
        row([title] + [None] * (len(columns) - 1) if title else [name for name, _, _ in columns], True)
        page.rule(x, x + width, page.y + ROW_GAP - 1)
    for cells in rows:
        row(cells, False)
    if totals:
        page.rule(x, x + width, page.y + ROW_GAP - 1)
        for cells in totals:
            row(cells, True)


def draw(data, furniture: Furniture, canvas: Canvas, fonts: Fonts) -> bool:
    """Draw the payslip (body only; the caller adds the page furniture). False: it would not fit."""
    from pa_manager.reports import payslip as ps

    page = _Page(furniture, fonts)
    size = HEADING_SIZES[1]
    page.text(MARGIN, size, f"Payslip for {data.pa_name}", bold=True)
    page.y -= size * 1.25 + size * 0.25
    page.paragraph(f"Paid on {format_date(data.pay_date)} for {date_range(data.period_start, data.period_end)} "
                   f"(tax period: {data.tax_period}).")
    half = (FRAME_WIDTH - ps.SIDE_GAP) / 2
    top = page.y
    address = ps._address_lines(data.employer_address, half * (1 - ps.DETAIL_LABEL_SHARE) - 12, fonts.regular)
    details = [[("Employer", data.employer_name), ("Address", address), ("PAYE reference", data.paye_reference or "Not known")],
               [("Employee", data.pa_name), ("NI number", ps.mask_ni_number(data.ni_number)),
                ("Tax code", data.tax_code or "Not known"), ("NI category", data.ni_category)]]
    bottoms = []
    for n, pairs in enumerate(details):
        page.y = top
        left = MARGIN + n * (half + ps.SIDE_GAP)
        _table(page, left, half, [("", ps.DETAIL_LABEL_SHARE, False), ("", 1 - ps.DETAIL_LABEL_SHARE, False)],
               [list(pair) for pair in pairs], header=False, bold_labels=True)
        bottoms.append(page.y)
    page.y = min(bottoms) - 3 * mm
    cols = [(c.title, c.share, c.right) for c in ps.PAY_COLUMNS]
    rows = [[line.description, ps._maybe(ps.format_hours, line.hours), ps._maybe(ps.format_rate, line.rate), line.amount]
            for line in data.all_pay_lines]
    _table(page, MARGIN, FRAME_WIDTH, cols, rows, [["Total hours paid for", ps.format_hours(data.total_hours), "", ""],
                                                   ["Total pay before deductions", None, None, data.gross_pay]])
    page.y -= 3 * mm
    rows = [[d.description, d.purpose + (f"\n{d.note}" if d.note else ""), d.amount] for d in data.deductions]
    _table(page, MARGIN, FRAME_WIDTH, [(c.title, c.share, c.right) for c in ps.DEDUCTION_COLUMNS],
           rows or [["Nothing was taken from this pay", None, None]], [["Total deductions", None, data.total_deductions]])
    if data.additions:
        page.y -= 3 * mm
        _table(page, MARGIN, FRAME_WIDTH, [(c.title, c.share, c.right) for c in ps.ADDITION_COLUMNS],
               [[a.description, a.amount] for a in data.additions], [["Total added, not taxed", data.total_additions]])
    page.y -= 3 * mm
    # Take-home pay: large, bold and boxed, the figure most people look for first.
    box_top, box_height = page.y, ps.TAKE_HOME_SIZE * 1.2 + 11
    baseline = box_top - 5 - ps.TAKE_HOME_SIZE
    page.text(MARGIN + PAD, ps.TAKE_HOME_SIZE, "Take-home pay", bold=True, y=baseline)
    page.text(MARGIN + FRAME_WIDTH - PAD, ps.TAKE_HOME_SIZE, format_money(data.net_pay), bold=True, right=True, y=baseline)
    page.shapes.append(lambda c: (c.setLineWidth(1.2), c.rect(MARGIN, box_top - box_height, FRAME_WIDTH, box_height)))
    page.y = box_top - box_height - 1.5 * mm
    if data.part_payments:
        page.paragraph("Paid in parts:", bold=True)
        _table(page, MARGIN, FRAME_WIDTH, [("", 0.82, False), ("", 0.18, True)],
               [[p.method, format_money(p.amount)] for p in data.part_payments], header=False, bold_labels=True)
    else:
        page.paragraph(f"Paid by: {data.payment_method}")
    blocks = [b for b in (ps._year_to_date(data), ps._holiday(data)) if b]
    if blocks:
        page.y -= 3 * mm
        top = page.y
        bottoms = []
        for n, (title, pairs) in enumerate(blocks):
            page.y = top
            _table(page, MARGIN + n * (half + ps.SIDE_GAP), half, [("", ps.SUMMARY_LABEL_SHARE, False), ("", 1 - ps.SUMMARY_LABEL_SHARE, True)],
                   [list(pair) for pair in pairs], header=False, title=title)
            bottoms.append(page.y)
        page.y = min(bottoms) - 2 * mm
    if data.employer_costs:
        page.paragraph(f"Your employer also paid {format_money(data.employer_costs.employer_ni)} employer National "
                       f"Insurance and {format_money(data.employer_costs.employer_pension)} into your pension. "
                       "This was not taken from your pay.")
    for note in data.notes:
        page.paragraph(note)
    if not page.fits():
        return False
    canvas.setFillColor(INK)
    canvas.setStrokeColor(INK)
    for shape in page.shapes:
        shape(canvas)
    # All the words in one text object, changing font only when it changes: far fewer PDF operators.
    text, current = canvas.beginText(), None
    for font, size, x, baseline, words in page.words:
        if (font, size) != current:
            text.setFont(font, size, LEADING)
            current = (font, size)
        text.setTextOrigin(x, baseline)
        text.textLine(words)  # (textOut would measure every string again to move the cursor on)
    canvas.drawText(text)
    return True
