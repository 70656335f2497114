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
    """Rows of the first sheet (XLSX) or the file (CSV). Blank rows are skipped.

    Raises TableFileError, in one sentence, for a file that cannot be read as a table at all: not
    there, a folder, unreadable, not CSV or XLSX, not UTF-8, damaged, empty, a header with a required
    column missing or a column named twice, or a header with no rows under it."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise TableFileError(f"There is no file at {path}. Check the name and folder.")
    if path.is_dir():
        raise TableFileError(f"{path.name} is a folder. Choose a CSV or XLSX file.")
    if suffix == ".csv":
        raw = _read_csv(path)
    elif suffix in {".xlsx", ".xlsm"}:
        raw = _read_xlsx(path)
    else:
        raise TableFileError(f"{path.name} is not a CSV or XLSX file. Save it as CSV or XLSX and try again.")
    if not raw or all(_is_blank(cells) for cells in raw):
        raise TableFileError(f"{path.name} is empty. Add a header row and at least one row.")
    header = _header(raw[0])
    missing = sorted(required - set(header))
    if missing:
        raise TableFileError(f"{path.name} has no column called {', '.join(missing)}. Add it to the first row.")
    twice = sorted({name for name in header if name and header.count(name) > 1})
    if twice:
        raise TableFileError(f"{path.name} has more than 1 column called {twice[0]}. Keep one of them and try again.")
    rows = []
    for index, cells in enumerate(raw[1:], start=2):
        if _is_blank(cells):
            continue
        values = {name: (cells[i] if i < len(cells) else None) for i, name in enumerate(header) if name}
        rows.append(TableRow(index, values))
    if not rows:
        raise TableFileError(f"{path.name} has a header row but no rows under it. Add at least one row.")
    return rows


def _cannot_open(path: Path) -> TableFileError:
    return TableFileError(f"PA Manager cannot open {path.name}. Check that it is not open in another program, "
                          "then try again.")


def _read_csv(path: Path) -> list[list[Any]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            raw = list(csv.reader(handle))
    except UnicodeDecodeError:
        raise TableFileError(f"{path.name} is not plain text. Save it as CSV (UTF-8) and try again.") from None
    except csv.Error as error:
        raise TableFileError(f"{path.name} is not a well-formed CSV file ({error}).") from None
    except OSError:
        raise _cannot_open(path) from None
    # A NUL character is never in a text file: this is UTF-16 or not text at all.
    if any("\x00" in cell for cells in raw for cell in cells):
        raise TableFileError(f"{path.name} is not plain text. Save it as CSV (UTF-8) and try again.")
    return raw


def _read_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook  # imported here: only XLSX imports pay for it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except PermissionError:
        raise _cannot_open(path) from None
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged or foreign file
        raise TableFileError(f"{path.name} is not a readable XLSX file. Open it in a spreadsheet and save it again.") from None
    try:
        # Read-only workbooks are parsed as the rows are read, so damage can show up here too.
        return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    except Exception:  # noqa: BLE001 - as above
        raise TableFileError(f"{path.name} is not a readable XLSX file. Open it in a spreadsheet and save it again.") from None
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
