"""Read a CSV or XLSX table into rows keyed by header, keeping each row's line number in the file."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from pa_manager.domain.validation import Problem


class TableFileError(Exception):
    """The file as a whole cannot be read; `problem` says why, by a code (TABLE_...) and the file's name,
    worded in pa_manager.service_words."""

    def __init__(self, code: str, name: object, **params: Any):
        self.problem = Problem.of(code, str(name), **params)
        super().__init__(code)


@dataclass(frozen=True)
class TableRow:
    line: int  # line number in the file; the header is line 1
    values: dict[str, Any]


def _header(cells) -> list[str]:
    return [str(c or "").strip().lower().replace(" ", "_") for c in cells]


def _is_blank(cells) -> bool:
    return all(c is None or str(c).strip() == "" for c in cells)


def read_table(path: Path, required: set[str]) -> list[TableRow]:
    """Rows of the first sheet (XLSX) or the file (CSV). Blank rows are skipped.

    Raises TableFileError, with a code, for a file that cannot be read as a table at all: not
    there, a folder, unreadable, not CSV or XLSX, not UTF-8, damaged, empty, a header with a required
    column missing or a column named twice, or a header with no rows under it."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise TableFileError("TABLE_NO_FILE", path)
    if path.is_dir():
        raise TableFileError("TABLE_FOLDER", path.name)
    if suffix == ".csv":
        raw = _read_csv(path)
    elif suffix in {".xlsx", ".xlsm"}:
        raw = _read_xlsx(path)
    else:
        raise TableFileError("TABLE_NOT_CSV_OR_XLSX", path.name)
    if not raw or all(_is_blank(cells) for cells in raw):
        raise TableFileError("TABLE_EMPTY", path.name)
    header = _header(raw[0])
    missing = sorted(required - set(header))
    if missing:
        raise TableFileError("TABLE_COLUMN_MISSING", path.name, columns=", ".join(missing))
    twice = sorted({name for name in header if name and header.count(name) > 1})
    if twice:
        raise TableFileError("TABLE_COLUMN_TWICE", path.name, column=twice[0])
    rows = []
    for index, cells in enumerate(raw[1:], start=2):
        if _is_blank(cells):
            continue
        values = {name: (cells[i] if i < len(cells) else None) for i, name in enumerate(header) if name}
        rows.append(TableRow(index, values))
    if not rows:
        raise TableFileError("TABLE_NO_ROWS", path.name)
    return rows


def _cannot_open(path: Path) -> TableFileError:
    return TableFileError("TABLE_CANNOT_OPEN", path.name)


def _read_csv(path: Path) -> list[list[Any]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            raw = list(csv.reader(handle))
    except UnicodeDecodeError:
        raise TableFileError("TABLE_NOT_PLAIN_TEXT", path.name) from None
    except csv.Error as error:
        raise TableFileError("TABLE_BAD_CSV", path.name, reason=str(error)) from None
    except OSError:
        raise _cannot_open(path) from None
    # A NUL character is never in a text file: this is UTF-16 or not text at all.
    if any("\x00" in cell for cells in raw for cell in cells):
        raise TableFileError("TABLE_NOT_PLAIN_TEXT", path.name)
    return raw


def _read_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook  # imported here: only XLSX imports pay for it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except PermissionError:
        raise _cannot_open(path) from None
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged or foreign file
        raise TableFileError("TABLE_BAD_XLSX", path.name) from None
    try:
        # Read-only workbooks are parsed as the rows are read, so damage can show up here too.
        return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    except Exception:  # noqa: BLE001 - as above
        raise TableFileError("TABLE_BAD_XLSX", path.name) from None
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
