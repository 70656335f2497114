"""Reports as spreadsheets, for councils that want one: an XLSX workbook or a CSV file.

A report gives its tables as Sheets of Blocks: each block a title, named columns and rows of plain
values. In XLSX each sheet is a worksheet (money as numbers shown in pounds, dates as dates, hours as
numbers), blocks one under another with a blank row between; the workbook keeps its title, author and
language. CSV has no sheets, so every block follows the one before: its title on a line of its own,
then its column names, its rows and a blank line. In CSV money and hours are plain figures with two
decimal places ("1234.50", no £ or commas, so a spreadsheet reads them as numbers) and dates are
written 2026-11-03. The file starts with a byte-order mark so Excel reads £ and accented names right.
"""
from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import BinaryIO

from pa_manager.domain.money import money_str

TEXT, MONEY, DATE, HOURS, COUNT = "text", "money", "date", "hours", "count"
_XLSX_FORMATS = {MONEY: '"£"#,##0.00;-"£"#,##0.00', DATE: "d mmmm yyyy", HOURS: "0.00", COUNT: "0"}
_WIDTHS = {MONEY: 14, DATE: 18, HOURS: 10, COUNT: 8}

Value = str | Decimal | date | int | None
Target = str | os.PathLike | BinaryIO


@dataclass(frozen=True)
class SheetColumn:
    title: str
    kind: str = TEXT


@dataclass(frozen=True)
class Block:
    title: str
    columns: tuple[SheetColumn, ...]
    rows: tuple[tuple[Value, ...], ...]


@dataclass(frozen=True)
class Sheet:
    name: str  # 31 characters at most, as Excel allows
    blocks: tuple[Block, ...]


def _csv_value(value: Value, kind: str) -> str:
    if value is None:
        return ""
    if kind == MONEY and isinstance(value, Decimal):
        return money_str(value)
    if kind == HOURS and isinstance(value, Decimal):
        return f"{value.quantize(Decimal('0.01'))}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def csv_text(sheets: Sequence[Sheet]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    first = True
    for sheet in sheets:
        for block in sheet.blocks:
            if not first:
                writer.writerow([])
            first = False
            writer.writerow([block.title])
            writer.writerow([column.title for column in block.columns])
            for row in block.rows:
                writer.writerow([_csv_value(value, column.kind) for value, column in zip(row, block.columns)])
    return out.getvalue()


def write_csv(sheets: Sequence[Sheet], target: Target) -> None:
    data = csv_text(sheets).encode("utf-8-sig")
    _write_bytes(data, target)


def write_xlsx(sheets: Sequence[Sheet], target: Target, *, title: str, author: str, subject: str = "") -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = title
    workbook.properties.creator = author
    workbook.properties.subject = subject
    workbook.properties.language = "en-GB"
    bold = Font(bold=True)
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.name[:31])
        widths: dict[int, int] = {}
        row_number = 1
        for block_index, block in enumerate(sheet.blocks):
            if block_index:
                row_number += 1
            worksheet.cell(row_number, 1, block.title).font = Font(bold=True, size=13)
            row_number += 1
            for col, column in enumerate(block.columns, start=1):
                cell = worksheet.cell(row_number, col, column.title)
                cell.font = bold
                if column.kind != TEXT:
                    cell.alignment = Alignment(horizontal="right")
                widths[col] = max(widths.get(col, 0), len(column.title) + 2)
            if block_index == 0 and len(sheet.blocks) == 1:
                worksheet.freeze_panes = worksheet.cell(row_number + 1, 1)
            for row in block.rows:
                row_number += 1
                for col, (value, column) in enumerate(zip(row, block.columns), start=1):
                    if value is None:
                        continue
                    cell = worksheet.cell(row_number, col, value)
                    if column.kind in _XLSX_FORMATS:
                        cell.number_format = _XLSX_FORMATS[column.kind]
                    longest = max((len(line) for line in str(value).splitlines()), default=0)
                    widths[col] = max(widths.get(col, 0), _WIDTHS.get(column.kind, min(longest + 2, 60)))
                    if isinstance(value, str) and "\n" in value:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
            row_number += 1
        for col, width in widths.items():
            worksheet.column_dimensions[worksheet.cell(1, col).column_letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    _write_bytes(buffer.getvalue(), target)


def _write_bytes(data: bytes, target: Target) -> None:
    if hasattr(target, "write"):
        target.write(data)
    else:
        with open(target, "wb") as file:
            file.write(data)
