"""Reports as plain web pages: what a screen reader reads best.

A PDF from ReportLab is untagged, so a screen reader gets its words in drawing order with no headings
or table structure. The same report as HTML has all of that: the page's language, a title, headings
in order (a heading never skips a level), tables with a caption and header cells that say what they
head (<th scope="col"> and <th scope="row">), and no scripts. Meaning is always in words, never in
colour alone; the only style is a little inline CSS for large, readable text that prints plainly and
leaves colours to the browser (so a high-contrast setting still works).

Each report module builds an HtmlDocument from the same data as its PDF; this module words nothing.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import escape
from typing import BinaryIO

from pa_manager.domain.money import format_money
from pa_manager.messages import format_date
from pa_manager.reports.document import Furniture
from pa_manager.reports import layout
from pa_manager.reports.layout import Column

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; font-size: 1.25rem;
       line-height: 1.5; max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; }
header { border-bottom: 2px solid currentColor; margin-bottom: 1.5rem; }
header p { margin: 0 0 .25rem; }
h1 { font-size: 2rem; line-height: 1.25; }
h2 { font-size: 1.5rem; margin-top: 2rem; }
h3 { font-size: 1.25rem; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1.5rem; }
caption { text-align: left; font-weight: bold; padding: .5rem 0; }
th, td { border-bottom: 1px solid currentColor; padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { border-bottom-width: 2px; }
.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot th, tfoot td { font-weight: bold; border-top: 2px solid currentColor; }
.signature td { height: 3rem; min-width: 10rem; }
@media print { body { font-size: 12pt; max-width: none; margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
""".strip()

Cell = str | Decimal | date | int | None


@dataclass(frozen=True)
class Number:
    """A figure that is not money (hours, nights): shown as given, aligned right."""

    text: str


def _cell_text(value: Cell | Number) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_money(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Number):
        return value.text
    return str(value)


def _text(value: str) -> str:
    """Plain text for HTML: escaped, with line breaks kept."""
    return escape(value).replace("\n", "<br>")


class HtmlDocument:
    """One report as a web page, built in reading order and written with `render` or `write`."""

    def __init__(self, title: str, furniture: Furniture, *, lang: str = "en-GB"):
        self.title, self.furniture, self.lang = title, furniture, lang
        self._parts: list[str] = []
        self._level = 0

    def heading(self, text: str, level: int = 1) -> None:
        if level < 1 or level > self._level + 1:
            raise ValueError(f"a level {level} heading cannot follow a level {self._level} one")
        self._level = level
        self._parts.append(f"<h{level}>{_text(text)}</h{level}>")

    def paragraph(self, text: str) -> None:
        if text:
            self._parts.append(f"<p>{_text(text)}</p>")

    def bullets(self, items: Sequence[str]) -> None:
        if items:
            self._parts.append("<ul>" + "".join(f"<li>{_text(item)}</li>" for item in items) + "</ul>")

    def table(self, caption: str, columns: Sequence[Column], rows: Sequence[Sequence[Cell | Number]],
              totals: Sequence[Sequence[Cell | Number]] = (), *, row_headers: bool = True) -> None:
        """A table with a caption and column headers; with `row_headers` the first cell of each row
        heads it (a date, a name, a course). Right-aligned columns hold figures."""
        def cells(row, tag_first: str) -> str:
            out = []
            for index, (column, value) in enumerate(zip(columns, row)):
                css = ' class="number"' if column.right else ""
                if index == 0 and tag_first == "th":
                    out.append(f'<th scope="row"{css}>{_text(_cell_text(value))}</th>')
                else:
                    out.append(f"<td{css}>{_text(_cell_text(value))}</td>")
            return "<tr>" + "".join(out) + "</tr>"

        first = "th" if row_headers else "td"
        number = ' class="number"'
        head = "".join(f'<th scope="col"{number if c.right else ""}>{_text(c.title)}</th>' for c in columns)
        parts = [f"<table><caption>{_text(caption)}</caption>", f"<thead><tr>{head}</tr></thead>", "<tbody>"]
        parts += [cells(row, first) for row in rows]
        parts.append("</tbody>")
        if totals:
            parts += ["<tfoot>", *(cells(row, "th") for row in totals), "</tfoot>"]
        parts.append("</table>")
        self._parts.append("".join(parts))

    def key_values(self, caption: str, rows: Sequence[tuple[str, Cell | Number]], *, figures: bool = False) -> None:
        """Labels with their values, each label heading its row."""
        css = ' class="number"' if figures else ""
        body = "".join(f'<tr><th scope="row">{_text(label)}</th><td{css}>{_text(_cell_text(value))}</td></tr>'
                       for label, value in rows)
        self._parts.append(f"<table><caption>{_text(caption)}</caption><tbody>{body}</tbody></table>")

    def signatures(self, caption: str, people: Sequence[tuple[str, str]]) -> None:
        """Room to sign when printed: each person (role, name) with a blank signature and date."""
        body = "".join(f'<tr><th scope="row">{_text(role)}</th><td>{_text(name)}</td><td></td><td></td></tr>'
                       for role, name in people)
        self._parts.append(
            f'<table class="signature"><caption>{_text(caption)}</caption><thead><tr><th scope="col">Who</th>'
            '<th scope="col">Name</th><th scope="col">Signature</th><th scope="col">Date</th></tr></thead>'
            f"<tbody>{body}</tbody></table>")

    def render(self) -> str:
        furniture = self.furniture
        header = [f"<p><strong>{_text(furniture.employer_name)}</strong></p>", f"<p>{_text(furniture.period)}</p>"]
        return "\n".join([
            "<!DOCTYPE html>",
            f'<html lang="{escape(self.lang)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_text(self.title)}</title>",
            f'<meta name="author" content="{escape(furniture.employer_name)}">',
            '<meta name="generator" content="PA Manager">',
            f"<style>\n{STYLE}\n</style>",
            "</head>",
            "<body>",
            "<header>", *header, "</header>",
            "<main>", *self._parts, "</main>",
            "</body>",
            "</html>",
            "",
        ])

    def write(self, target: str | os.PathLike | BinaryIO | None = None) -> bytes | None:
        data = self.render().encode("utf-8")
        if target is None:
            return data
        if hasattr(target, "write"):
            target.write(data)
        else:
            with open(target, "wb") as file:
                file.write(data)
        return None


def write_blocks(page: HtmlDocument, blocks: Sequence[layout.Block], *, heading_offset: int = 0) -> None:
    """A document described as blocks (reports/layout.py), the same description its PDF is drawn
    from, added to a web page. `heading_offset` moves every heading down a level (a payslip's own
    heading sits under the page's title). Gaps mean nothing here; a value's lines are joined with
    commas; a boxed figure is a one-row table of its own."""
    for block in blocks:
        if isinstance(block, layout.Heading):
            page.heading(block.text, block.level + heading_offset)
        elif isinstance(block, layout.Text):
            page.paragraph(block.text)
        elif isinstance(block, layout.Table):
            page.table(block.caption, block.columns, [_figures(block.columns, row) for row in block.rows],
                       [_figures(block.columns, row) for row in block.totals])
        elif isinstance(block, layout.KeyValues):
            _key_values(page, block)
        elif isinstance(block, layout.SideBySide):
            for inner in block.blocks:
                _key_values(page, inner)
        elif isinstance(block, layout.Boxed):
            page.key_values(block.label, [(block.label, block.amount)], figures=True)
        elif not isinstance(block, layout.Gap):
            raise TypeError(f"not a block: {block!r}")


def _figures(columns: Sequence[Column], row: Sequence[layout.Cell]) -> list[Cell | Number]:
    """Text in a right-aligned column is a figure (hours, a rate): marked so it aligns as one."""
    return [Number(value) if column.right and isinstance(value, str) else value for column, value in zip(columns, row)]


def _key_values(page: HtmlDocument, block: layout.KeyValues) -> None:
    rows = [(label, ", ".join(part.strip() for part in value.splitlines() if part.strip()) if "\n" in value else value)
            for label, value in block.rows]
    page.key_values(block.title or block.caption, rows, figures=block.figures)
