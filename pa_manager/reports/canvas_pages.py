"""Blocks (reports/layout.py) drawn straight onto the PDF canvas, page after page.

Much quicker than laying out platypus tables (a pay run writes many payslips), with the same look:
11 pt text, bold headers under a rule, totals under a rule, the page furniture on every page. Every
page is planned before anything is drawn, so each page's footer can say "Page 2 of 3". A table that
runs on to another page repeats its header row; a row, a list of labels and values, or a boxed
figure is never split between pages.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

from pa_manager.domain.money import format_money
from pa_manager.reports.document.building import Furniture, furniture_marks, header_lines
from pa_manager.reports.document.fonts import Fonts
from pa_manager.reports.document.measures import (
    BODY_SIZE, FOOTER_BAND, FRAME_WIDTH, HEADER_GAP, HEADING_SIZES, INK, LEADING, MARGIN, PAGE_HEIGHT, RULE_WIDTH,
)
from pa_manager.reports.layout import Block, Boxed, Cell, Column, Gap, Heading, KeyValues, SideBySide, Table, Text


# The same labels and figures are measured payslip after payslip: remember their widths.
stringWidth = lru_cache(maxsize=16384)(stringWidth)

PAD = 6  # points of padding on each side of a table cell (none at the frame's edges)
ROW_GAP = 3  # points under each table row
PARAGRAPH_GAP = 4  # points under a paragraph
Shape = Callable[[Canvas], None]
Word = tuple[str, float, float, float, str]  # font, size, x, baseline, text


@dataclass
class _Sheet:
    words: list[Word] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)


@dataclass
class _Run:
    """What one piece of a block puts on the page, relative to its top: drawn only once placed."""

    height: float
    words: list[tuple[str, float, float, float, str]] = field(default_factory=list)  # baseline below top
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)  # x1, x2, below top, width
    boxes: list[tuple[float, float, float, float, float]] = field(default_factory=list)  # x, below top, w, h, width


@lru_cache(maxsize=4096)
def _wrapped(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    lines: list[str] = []
    for piece in text.split("\n"):
        # Most cells fit on one line; measuring once is much quicker than splitting word by word.
        lines += [piece] if stringWidth(piece, font, size) <= width else (simpleSplit(piece, font, size, width) or [""])
    return tuple(lines)


Grid = tuple[float, tuple[float, ...], tuple[bool, ...]]  # a table's left edge, column widths, right-aligned


def _grid(x: float, width: float, columns: Sequence[Column]) -> Grid:
    return x, tuple([column.share * width for column in columns]), tuple([column.right for column in columns])


@lru_cache(maxsize=1024)
def _slots(x: float, widths: tuple[float, ...], rights: tuple[bool, ...],
           filled: tuple[bool, ...]) -> tuple[tuple[int, float, float, bool], ...]:
    """Where each filled cell of a row goes: (column, x, room, right-aligned). Left-aligned text runs
    on over the empty cells to its right. Worked out once for each table's shape of row."""
    lefts = [x + sum(widths[:i]) for i in range(len(widths))]
    slots = []
    for i, is_filled in enumerate(filled):
        if not is_filled:
            continue
        span = i + 1
        while not rights[i] and span < len(filled) and not filled[span]:
            span += 1
        left_pad = 0 if i == 0 else PAD
        right_pad = 0 if span == len(filled) else PAD
        room = sum(widths[i:span]) - left_pad - right_pad
        x_from = lefts[i] + sum(widths[i:span]) - right_pad if rights[i] else lefts[i] + left_pad
        slots.append((i, x_from, room, rights[i]))
    return tuple(slots)


@lru_cache(maxsize=4096)
def _cell_words(text: str, font: str, x: float, room: float, right: bool) -> tuple[Word, ...]:
    """A table cell's words, their baselines below the row's top: text from `x`, or right-aligned
    to `x`, wrapped within `room`. A pay run's labels, headers and most figures repeat from payslip
    to payslip, so each is measured and placed once."""
    if not right:
        return tuple((font, BODY_SIZE, x, BODY_SIZE + n * LEADING, line)
                     for n, line in enumerate(_wrapped(text, font, BODY_SIZE, room)))
    # Right-aligned; a value wider than its column (a holiday year's dates) wraps, each line
    # right-aligned, rather than run over the label beside it.
    lines = (text,) if stringWidth(text, font, BODY_SIZE) <= room else _wrapped(text, font, BODY_SIZE, room)
    return tuple((font, BODY_SIZE, x - stringWidth(line, font, BODY_SIZE), BODY_SIZE + n * LEADING, line)
                 for n, line in enumerate(lines))


class Pages:
    """A cursor down the pages that records what to draw; `draw` puts it all on the canvas."""

    def __init__(self, furniture: Furniture, fonts: Fonts):
        self.furniture, self.fonts = furniture, fonts
        self.regular, self.bold = fonts.regular, fonts.bold
        self.top = PAGE_HEIGHT - MARGIN - header_lines(furniture, fonts) * LEADING - HEADER_GAP
        self.floor = MARGIN + FOOTER_BAND
        self.sheets: list[_Sheet] = [_Sheet()]
        self.y = self.top

    # -- placing -------------------------------------------------------------------------------

    def _new_page(self) -> None:
        self.sheets.append(_Sheet())
        self.y = self.top

    def _room(self, height: float) -> None:
        """Start a new page unless `height` fits below the cursor (or the page is still empty)."""
        if self.y - height < self.floor and self.y < self.top:
            self._new_page()

    def place(self, run: _Run, *, keep_with: float = 0) -> None:
        """Put a run at the cursor (on a new page if it does not fit, with `keep_with` points of what
        follows), then move the cursor below it."""
        self._room(run.height + keep_with)
        sheet, top = self.sheets[-1], self.y
        sheet.words += [(font, size, x, top - below, text) for font, size, x, below, text in run.words]
        for x1, x2, below, width in run.rules:
            sheet.shapes.append(lambda c, x1=x1, x2=x2, y=top - below, w=width: (c.setLineWidth(w), c.line(x1, y, x2, y)))
        for x, below, w, h, width in run.boxes:
            sheet.shapes.append(lambda c, x=x, y=top - below - h, w=w, h=h, lw=width: (c.setLineWidth(lw), c.rect(x, y, w, h)))
        self.y -= run.height

    def gap(self, points: float) -> None:
        if self.y < self.top:  # no gap at the top of a page
            self.y -= points

    # -- measuring -----------------------------------------------------------------------------

    def wrap(self, text: str, width: float, *, bold: bool = False, size: float = BODY_SIZE) -> tuple[str, ...]:
        return _wrapped(text, self.bold if bold else self.regular, size, width)

    def joined(self, text: str, width: float) -> str:
        """A value's lines joined with commas as far as they fit, broken only between its own lines."""
        parts = [part.strip() for part in text.replace(",", "\n").splitlines() if part.strip()]
        lines: list[str] = []
        for part in parts:
            both = f"{lines[-1]}, {part}" if lines else part
            if lines and stringWidth(both, self.regular, BODY_SIZE) <= width:
                lines[-1] = both
            else:
                lines.append(part)
        return "\n".join(lines)

    def paragraph_run(self, text: str, *, bold: bool = False, size: float = BODY_SIZE, x: float = MARGIN,
                      width: float = FRAME_WIDTH, after: float = PARAGRAPH_GAP) -> _Run:
        font = self.bold if bold else self.regular
        lines = self.wrap(text, width, bold=bold, size=size)
        leading = max(LEADING, size * 1.25)
        return _Run(len(lines) * leading + after,
                    [(font, size, x, size + n * leading, line) for n, line in enumerate(lines)])

    def row_run(self, grid: Grid, cells: Sequence[Cell], *, bold: bool = False, bold_first: bool = False) -> _Run:
        """One table row: left-aligned text wraps in its cell (and runs on over empty cells to its right)."""
        run, tallest = _Run(0), 1
        for i, x_from, room, right in _slots(*grid, tuple([cell is not None for cell in cells])):
            value = cells[i]
            font = self.bold if bold or (bold_first and i == 0) else self.regular
            text = value if isinstance(value, str) else format_money(value)
            words = _cell_words(text, font, x_from, room, right)
            tallest = max(tallest, len(words))
            run.words += words
        run.height = tallest * LEADING + ROW_GAP
        return run

    # -- the blocks ----------------------------------------------------------------------------

    def table(self, x: float, width: float, columns: Sequence[Column], rows, totals=(), *, header=None,
              bold_first: bool = False) -> None:
        """`header` is the header row's cells (the column titles when not given; () for none)."""
        grid = _grid(x, width, columns)
        head_cells = [column.title for column in columns] if header is None else header
        head = self.row_run(grid, head_cells, bold=True) if head_cells else None
        if head:
            head.rules.append((x, x + width, head.height - ROW_GAP + 1, RULE_WIDTH))
        body = [self.row_run(grid, cells, bold_first=bold_first) for cells in rows]
        sums = [self.row_run(grid, cells, bold=True) for cells in totals]
        if sums:
            sums[0].rules.append((x, x + width, -(ROW_GAP - 1), RULE_WIDTH))
        first = (body or sums or [_Run(0)])[0]
        if head:
            self.place(head, keep_with=first.height)  # never a header alone at the foot of a page
        for run in body + sums:
            if head and self.y - run.height < self.floor:
                self._new_page()
                self.place(head)
            self.place(run)

    def key_values_run(self, block: KeyValues, x: float, width: float) -> _Run:
        """A whole list of labels and values as one run (it is kept together)."""
        columns = (Column("", block.label_share), Column("", 1 - block.label_share, right=block.figures))
        grid = _grid(x, width, columns)
        value_room = grid[1][1] - PAD
        runs = []
        if block.title:
            head = self.row_run(grid, [block.title, None], bold=True)
            head.rules.append((x, x + width, head.height - ROW_GAP + 1, RULE_WIDTH))
            runs.append(head)
        for label, value in block.rows:
            shown = value if block.figures else self.joined(value, value_room) if "\n" in value else value
            runs.append(self.row_run(grid, [label, shown], bold_first=not block.title))
        whole, below = _Run(0), 0.0
        for run in runs:
            whole.words += [(f, s, wx, b + below, t) for f, s, wx, b, t in run.words]
            whole.rules += [(x1, x2, b + below, w) for x1, x2, b, w in run.rules]
            below += run.height
        whole.height = below
        return whole

    def side_by_side(self, block: SideBySide) -> None:
        count = len(block.blocks)
        width = (FRAME_WIDTH - block.gap * (count - 1)) / count
        runs = [self.key_values_run(kv, MARGIN + n * (width + block.gap), width) for n, kv in enumerate(block.blocks)]
        whole = _Run(max(run.height for run in runs))
        for run in runs:
            whole.words += run.words
            whole.rules += run.rules
        self.place(whole)

    def boxed(self, block: Boxed) -> None:
        font, size = self.bold, block.size
        height = size * 1.2 + 11
        baseline = 5 + size
        amount = format_money(block.amount)
        run = _Run(height, [(font, size, MARGIN + PAD, baseline, block.label),
                            (font, size, MARGIN + FRAME_WIDTH - PAD - stringWidth(amount, font, size), baseline, amount)],
                   boxes=[(MARGIN, 0, FRAME_WIDTH, height, 1.2)])
        self.place(run)
        self.y -= 1.5 * mm

    def add(self, blocks: Sequence[Block]) -> None:
        for index, block in enumerate(blocks):
            if isinstance(block, Heading):
                size = HEADING_SIZES[block.level]
                nxt = blocks[index + 1] if index + 1 < len(blocks) else None
                follow = self.paragraph_run(nxt.text).height if isinstance(nxt, Text) else LEADING
                self.place(self.paragraph_run(block.text, bold=True, size=size, after=size * 0.25), keep_with=follow)
            elif isinstance(block, Text):
                self.place(self.paragraph_run(block.text, bold=block.bold))
            elif isinstance(block, Gap):
                self.gap(block.mm * mm)
            elif isinstance(block, Table):
                self.table(MARGIN, FRAME_WIDTH, block.columns, block.rows, block.totals)
            elif isinstance(block, KeyValues):
                self.place(self.key_values_run(block, MARGIN, FRAME_WIDTH))
            elif isinstance(block, SideBySide):
                self.side_by_side(block)
            elif isinstance(block, Boxed):
                self.boxed(block)
            else:
                raise TypeError(f"not a block: {block!r}")

    # -- drawing -------------------------------------------------------------------------------

    def draw(self, canvas: Canvas) -> int:
        """Draw every planned page with its furniture ("Page n of m"); returns how many pages."""
        count = len(self.sheets)
        for number, sheet in enumerate(self.sheets, start=1):
            canvas.setFillColor(INK)
            canvas.setStrokeColor(INK)
            for shape in sheet.shapes:
                shape(canvas)
            # The furniture's words go in with the page's own: one text object for the whole page.
            words, rules = furniture_marks(self.furniture, number, count, self.fonts)
            canvas.setLineWidth(RULE_WIDTH)
            for x1, x2, y in rules:
                canvas.line(x1, y, x2, y)
            _draw_words(canvas, sheet.words + words)
            canvas.showPage()
        return count


@dataclass(frozen=True)
class _Subset:
    """A font's first subset as a fresh PDF's letters leave it, and the text operators drawn with it."""

    assignments: dict[int, int]  # letter to code
    subsets: tuple[tuple[int, ...], ...]
    next_code: int
    shown: dict[str, str] = field(default_factory=dict)  # a string's text operator, once worked out


@dataclass(frozen=True)
class _Codes:
    table: dict[int, int]  # each of the page's letters to its code; read only
    subset: _Subset


# A fresh PDF's subset depends only on the order in which its letters without a code of their own
# are first used (ReportLab gives printable ASCII its own codes): for a pay run's payslips, nearly
# always the same few ("£" and so on), so the subset and its strings' operators are made once.
_KNOWN_SUBSETS: dict[tuple[str, str], _Subset] = {}


@lru_cache(maxsize=16)
def _given_from_the_start(font) -> frozenset[int]:
    """The letters a fresh PDF's subset of this font already has codes for."""
    return frozenset(type(font).State(font._asciiReadable, font).assignments)


def _one_subset_codes(font, strings: Sequence[str], doc) -> _Codes | None:
    """Give every letter of a page's strings its code in the font's subset, in the order the strings
    are drawn (exactly as drawing them one by one would), and return the letters' codes when they
    all fit in the first subset (under 256 letters: always, for a payslip); None otherwise."""
    letters = "".join(dict.fromkeys("".join(strings)))  # each once, in order of first use
    fresh = doc not in font.state
    key = None
    if fresh:
        given = _given_from_the_start(font)
        key = (font.fontName, "".join([letter for letter in letters if ord(letter) not in given]))
        known = _KNOWN_SUBSETS.get(key)
        if known is not None:  # the subset these letters make, as ReportLab made it the first time
            state = font.state[doc] = type(font).State(font._asciiReadable, font)
            state.assignments, state.nextCode = dict(known.assignments), known.next_code
            state.subsets = [list(subset) for subset in known.subsets]
            return _Codes(_table(letters, state.assignments), known)
    font.splitString(letters, doc)  # assigns the codes, first use first
    state = font.state[doc]
    if state.nextCode > 256:
        return None
    subset = _Subset(dict(state.assignments), tuple(tuple(codes) for codes in state.subsets), state.nextCode)
    if key is not None:
        if len(_KNOWN_SUBSETS) >= 64:  # a few kinds of page; a long run of one kind reuses one entry
            _KNOWN_SUBSETS.clear()
        _KNOWN_SUBSETS[key] = subset
    return _Codes(_table(letters, state.assignments), subset)


def _table(letters: str, assigned: dict[int, int]) -> dict[int, int]:
    table = {code: assigned.get(code, 0) for code in map(ord, letters)}  # 0: a letter the font lacks
    if 0xA0 in table:
        table[0xA0] = assigned.get(32, 32)  # ReportLab draws a no-break space as a space
    return table


@lru_cache(maxsize=4096)
def _moved_to(x: float, baseline: float) -> str:
    """The text matrix for a word at (x, baseline), to 1/100 point: a payslip's places repeat."""
    return f"1 0 0 1 {x:.2f} {baseline:.2f} Tm"


def _draw_words(canvas: Canvas, words: Sequence[Word]) -> None:
    """All the words of a page in one text object, naming a font only when it changes: far fewer
    operators. A TrueType font (the embedded one) is written with the codes ReportLab's own text object
    would write (ttfonts.splitString: each letter's code in the font's subset, then the subset's name),
    found once for the page rather than letter by letter for every string, and without the work a
    text object does to keep a cursor that is never used here."""
    doc, escape = canvas._doc, canvas._escape
    code, current, text = ["BT"], None, None
    selections: dict[tuple, str] = {}
    fonts = {name: getFont(name) for name in {word[0] for word in words}}
    codes = {name: _one_subset_codes(font, [w[4] for w in words if w[0] == name], doc)
             for name, font in fonts.items() if font._dynamicFont}
    for font_name, size, x, baseline, string in words:
        font = fonts[font_name]
        if not font._dynamicFont:  # a standard PDF font: the text object's own route
            if text is None:
                text = canvas.beginText()
            text.setFont(font_name, size, LEADING)
            text.setTextOrigin(x, baseline)
            text.textOut(string)
            continue
        code.append(_moved_to(x, baseline))
        known = codes[font_name]
        if known is not None:  # the usual word: every letter has its code in the first subset
            if current != (font_name, 0, size):
                code.append(_selected(selections, font, 0, size, doc))
                current = (font_name, 0, size)
            said = known.subset.shown
            shown = said.get(string)
            if shown is None:
                if len(said) >= 8192:  # names and figures differ from payslip to payslip: keep it bounded
                    said.clear()
                shown = said[string] = f"({escape(string.translate(known.table).encode('latin-1'))}) Tj"
            code.append(shown)
            continue
        for subset, chunk in font.splitString(string, doc):
            if (font_name, subset, size) != current:
                code.append(_selected(selections, font, subset, size, doc))
                current = (font_name, subset, size)
            code.append(f"({escape(chunk)}) Tj")
    code.append("ET")
    if len(code) > 2:
        canvas._code.append("\n".join(code))
    if text is not None:
        canvas.drawText(text)


def _selected(selections: dict[tuple, str], font, subset: int, size: float, doc) -> str:
    """The operator choosing a font's subset and size, worked out once a page (a payslip goes back and
    forth between the regular and the bold a few dozen times)."""
    key = (font.fontName, subset, size)
    found = selections.get(key)
    if found is None:
        found = selections[key] = f"{font.getSubsetInternalName(subset, doc)} {fp_str(size)} Tf"
    return found


def draw_blocks(blocks: Sequence[Block], furniture: Furniture, canvas: Canvas, fonts: Fonts) -> int:
    """Lay the blocks out on as many pages as they need and draw them; returns the page count."""
    pages = Pages(furniture, fonts)
    pages.add(blocks)
    return pages.draw(canvas)
