"""Shifts written as a timesheet (CSV or XLSX) in the columns `read_timesheet` reads back.

Dates are the Europe/London date a shift starts on (YYYY-MM-DD), times are Europe/London
wall-clock HH:MM, and an end earlier than the start means the next day, so a night across a clock
change (22:00-08:00) is written as it was typed and reads back to the same instants.

What HH:MM cannot say, and so does not read back the same: a shift of 24 hours or more, and a
time in the second pass of the repeated autumn hour (read back as the first, BST, pass).
"""
from __future__ import annotations

import csv
from datetime import date, time
from pathlib import Path
from typing import Any, Iterable

from pa_manager.domain.shifts import Shift, local_date, to_london
from pa_manager.importers.table_file import TableFileError
from pa_manager.importers.timesheet import COLUMNS, guard

DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "hh:mm"


def write_timesheet(path: Path, rows: Iterable[tuple[str, Shift]]) -> None:
    """Write (PA name, shift) pairs to `path` (.csv or .xlsx), earliest start first."""
    ordered = sorted(rows, key=lambda row: (row[1].start, row[1].end, row[0]))
    records = [_record(name, shift) for name, shift in ordered]
    suffix = path.suffix.lower()
    if suffix == ".csv":
        _write_csv(path, records)
    elif suffix == ".xlsx":
        _write_xlsx(path, records)
    else:
        raise TableFileError("TABLE_EXPORT_ENDING", path.name)


def _record(name: str, shift: Shift) -> list[Any]:
    start, end = to_london(shift.start), to_london(shift.end)
    return [
        name, local_date(shift), time(start.hour, start.minute), time(end.hour, end.minute),
        shift.break_minutes, shift.shift_type.value, shift.notes,
    ]


def _csv_cell(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, str):
        return guard(value)  # so a spreadsheet opening the file runs no formula
    return value


def _write_csv(path: Path, records: list[list[Any]]) -> None:
    # utf-8-sig: the byte-order mark tells Excel the file is UTF-8, and read_table skips it.
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows([_csv_cell(v) for v in record] for record in records)


def _write_xlsx(path: Path, records: list[list[Any]]) -> None:
    from openpyxl import Workbook  # imported here: only XLSX exports pay for it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Timesheet")
    sheet.append(list(COLUMNS))

    def cell(value: Any) -> Any:
        # Plain values where they will do: a styled cell object costs several times as much.
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters cannot be stored
            if value.startswith("="):
                out = WriteOnlyCell(sheet, value=value)
                out.data_type = "s"  # text, never a formula
                return out
        elif isinstance(value, (date, time)):
            out = WriteOnlyCell(sheet, value=value)
            out.number_format = TIME_FORMAT if isinstance(value, time) else DATE_FORMAT
            return out
        return value

    for record in records:
        sheet.append([cell(v) for v in record])
    book.save(path)
