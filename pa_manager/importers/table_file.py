"""Read a CSV or XLSX table into rows keyed by header, keeping each row's line number in the file."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any


class TableFileError(Exception):
    """The file as a whole cannot be read; str() says why in one sentence."""


@dataclass(frozen=True)
class TableRow:
    line: int  # line number in the file; the header is line 1
    values: dict[str, Any]


def _header(cells) -> list[str]:
    return [str(c or "").strip().lower().replace(" ", "_") for c in cells]


def _is_blank(cells) -> bool:
    return all(c is None or str(c).strip() == "" for c in cells)


def read_table(path: Path, required: set[str]) -> list[TableRow]:
    """Rows of the first sheet (XLSX) or the file (CSV). Blank rows are skipped."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise TableFileError(f"There is no file at {path}. Check the name and folder.")
    if suffix == ".csv":
        raw = _read_csv(path)
    elif suffix in {".xlsx", ".xlsm"}:
        raw = _read_xlsx(path)
    else:
        raise TableFileError(f"{path.name} is not a CSV or XLSX file. Save it as CSV or XLSX and try again.")
    if not raw:
        raise TableFileError(f"{path.name} is empty. Add a header row and at least one row.")
    header = _header(raw[0])
    missing = sorted(required - set(header))
    if missing:
        raise TableFileError(f"{path.name} has no column called {', '.join(missing)}. Add it to the first row.")
    rows = []
    for index, cells in enumerate(raw[1:], start=2):
        if _is_blank(cells):
            continue
        values = {name: (cells[i] if i < len(cells) else None) for i, name in enumerate(header) if name}
        rows.append(TableRow(index, values))
    return rows


def _read_csv(path: Path) -> list[list[Any]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return list(csv.reader(handle))
    except UnicodeDecodeError:
        raise TableFileError(f"{path.name} is not plain text. Save it as CSV (UTF-8) and try again.") from None
    except csv.Error as error:
        raise TableFileError(f"{path.name} is not a well-formed CSV file ({error}).") from None


def _read_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook  # imported here: only XLSX imports pay for it
    from zipfile import BadZipFile

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, OSError, KeyError, ValueError):
        raise TableFileError(f"{path.name} is not a readable XLSX file. Open it in a spreadsheet and save it again.") from None
    try:
        return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def cell_text(value: Any) -> str:
    """A cell as text: numbers without a trailing .0, dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def parse_date(value: Any) -> date:
    """ISO 2026-04-01 or UK 01/04/2026 (or a spreadsheet date). Raises ValueError."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)
