"""A document described once, as plain blocks, for every way it is drawn: the PDF pages
(reports/canvas_pages.py) and the web page for a screen reader (reports/html.py, `write_blocks`).

A block says what is on the page and in which order, never where: headings, paragraphs, tables of
figures, lists of labels and values (two can sit side by side), and a boxed figure. A renderer
decides the positions. Nothing here imports a PDF library, so the description can be tested, and
drawn in another way, on its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Column:
    title: str
    share: float  # of the table's width
    right: bool = False  # money and numbers are right-aligned


# A table cell: Decimal prints as money; None lets the text to its left run on over it.
Cell = str | Decimal | None


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Text:
    """A paragraph."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Gap:
    """Room between blocks, in millimetres (a web page leaves its own)."""

    mm: float


@dataclass(frozen=True)
class Table:
    """A table of figures with a header row; `totals` are bold under a rule. `caption` names the
    table for a screen reader; the PDF shows the header row instead."""

    caption: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    totals: tuple[tuple[Cell, ...], ...] = ()


@dataclass(frozen=True)
class KeyValues:
    """Labels and values, one pair a row. With a `title` the title heads the list (bold, under a
    rule); without one the labels are bold, and `caption` still names the list for a screen reader. `figures`: the values
    are numbers, aligned right. A value's lines ("\\n") are joined with commas as far as they fit
    (an address on as few lines as it needs, the postcode kept whole)."""

    caption: str
    rows: tuple[tuple[str, str], ...]
    title: str = ""
    label_share: float = 0.5
    figures: bool = False


@dataclass(frozen=True)
class SideBySide:
    """Lists of labels and values next to each other, as wide as each other."""

    blocks: tuple[KeyValues, ...]
    gap: float = 14  # points between them


@dataclass(frozen=True)
class Boxed:
    """One figure that matters most (take-home pay): large, bold and boxed."""

    label: str
    amount: Decimal
    size: float = 14


Block = Heading | Text | Gap | Table | KeyValues | SideBySide | Boxed


def texts(blocks: tuple[Block, ...]):
    """Every piece of text the blocks will print, to choose a font that can show it all."""
    for block in blocks:
        if isinstance(block, (Heading, Text)):
            yield block.text
        elif isinstance(block, Table):
            yield block.caption
            for column in block.columns:
                yield column.title
            for row in block.rows + block.totals:
                yield from (cell for cell in row if isinstance(cell, str))
        elif isinstance(block, KeyValues):
            yield from (block.title, *(text for row in block.rows for text in row))
        elif isinstance(block, SideBySide):
            yield from texts(block.blocks)
        elif isinstance(block, Boxed):
            yield block.label
