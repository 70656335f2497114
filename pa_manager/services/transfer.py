"""Export one employer to a single file, and import it into another install.

The file is a zip holding employer.json (and, in later versions, attached certificates), so it can
be emailed or carried on a USB stick as one thing.
"""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import column, select

from pa_manager.domain.pay_record import from_document
from pa_manager.domain.validation import Problem
from pa_manager.services import json_stream
from pa_manager.services.employers import employer_named
from pa_manager.services.errors import ChangedElsewhere, ServiceError
from pa_manager.services.import_checks import RecordChecks
from pa_manager.services.json_stream import NotJson
from pa_manager.services.undo import UNTRACKED, VERSION, Change, Done, WholeEmployer
from pa_manager.storage.database import Database, head_revision, known_revisions, lock_employer
from pa_manager.storage.export_schema import EMPLOYERS, FileRefused, Repeats, TableCheck, owned_by, owned_tables, parents_first
from pa_manager.storage.record_upgrade import repeated_periods, upgrade_version_1_records
from pa_manager.storage.transfer import delete_employer_rows, load_employer, stream_employer

FORMAT = "pa-manager-employer"
FORMAT_VERSION = 1
SUFFIX = ".paemployer"
MEMBER = "employer.json"


def export_employer(db: Database, employer_id: int, path: Path, now: datetime) -> Path:
    """One employer's records in one file. Written row by row as they are read, so memory stays the
    same however long the history: a JSON document laid out one row to a line (import_employer reads it
    back the same way; any JSON reader, older versions included, reads it whole)."""
    path = Path(path)
    temporary = path.with_name(path.name + ".part")
    header = {"format": FORMAT, "format_version": FORMAT_VERSION, "schema_revision": head_revision(),
              "exported_at": now.isoformat(timespec="seconds")}
    try:
        with db.connection() as connection, \
                zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive, \
                archive.open(MEMBER, "w", force_zip64=True) as member:
            out = io.TextIOWrapper(member, encoding="utf-8", newline="\n")
            _write_document(out, header, stream_employer(connection, employer_id))
            out.flush()
            out.detach()
    except _NoEmployer:
        temporary.unlink(missing_ok=True)
        raise ServiceError("EMPLOYER_GONE_CHOOSE") from None
    except BaseException:
        temporary.unlink(missing_ok=True)  # a failed export never leaves half a file behind
        raise
    temporary.replace(path)
    return path


class _NoEmployer(Exception):
    pass


_TABLES_KEY = '"tables": {'


def _write_document(out, header: dict, tables) -> None:
    """{header..., "tables": {"employers": [row, row...], "pas": [...], ...}}, one row to a line."""
    out.write(json.dumps(header, sort_keys=True)[:-1] + ", " + _TABLES_KEY + "\n")
    for number, (name, rows) in enumerate(tables):
        out.write(("" if number == 0 else ",\n") + json.dumps(name) + ": [\n")
        written = 0
        for row in rows:
            out.write(("" if written == 0 else ",\n") + json.dumps(row, sort_keys=True))
            written += 1
        if name == "employers" and not written:
            raise _NoEmployer
        out.write("\n]")
    out.write("\n}}\n")


# What reading a file that is not an export, or not whole, raises (zipfile, zlib and the JSON reader).
_UNREADABLE = (zipfile.BadZipFile, NotJson, UnicodeDecodeError, RecursionError, NotImplementedError,
               RuntimeError, EOFError, OSError, zlib.error)


class _ExportFile:
    """An export file, open, whose header says it is one this version can import: `tables()` reads its
    tables, a record at a time, from the start each time it is called (the file is read twice: checked
    whole, then stored). The zip stays open between readings, and each reading checks the zip's CRC at
    its end, so what is stored is what was checked."""

    def __init__(self, path: Path) -> None:
        name = Path(path).name
        try:
            self.archive = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise ServiceError("EMPLOYER_FILE_MISSING", str(path)) from None
        except IsADirectoryError:
            raise ServiceError("EMPLOYER_FILE_FOLDER", name) from None
        except PermissionError:
            raise ServiceError("EMPLOYER_FILE_NOT_ALLOWED", name) from None
        except _UNREADABLE + (ValueError,):
            raise ServiceError("EMPLOYER_FILE_NOT_AN_EXPORT", name) from None
        try:
            header = self._header()
        except _UNREADABLE + (KeyError, ValueError):
            # Not a zip, no employer.json, not JSON, or a zip PA Manager does not write (encrypted,
            # compressed in another way, damaged): not an export of ours in any case.
            self.archive.close()
            raise ServiceError("EMPLOYER_FILE_NOT_AN_EXPORT", name) from None
        version, revision = header.get("format_version", 0), header.get("schema_revision")
        refusal = None
        if (header.get("format") != FORMAT or isinstance(version, bool) or not isinstance(version, int)
                or not isinstance(revision, str)):
            refusal = ServiceError("EMPLOYER_FILE_NOT_AN_EXPORT", name)
        elif version > FORMAT_VERSION or revision not in known_revisions():
            refusal = ServiceError("EMPLOYER_FILE_NEWER", name)
        if refusal is not None:
            self.archive.close()
            raise refusal

    def __enter__(self) -> _ExportFile:
        return self

    def __exit__(self, *exc) -> None:
        self.archive.close()

    def _document(self) -> Iterator[tuple[str, Any]]:
        with self.archive.open(MEMBER) as member, io.TextIOWrapper(member, encoding="utf-8-sig") as text:
            yield from json_stream.document(text)

    def _header(self) -> dict[str, Any]:
        """The document's names but "tables": those before it (where PA Manager writes them), or, if the
        format is not among them, all of them."""
        header: dict[str, Any] = {}
        for name, value in self._document():
            if name != "tables":
                header[name] = value
            elif "format" in header:
                break
        return header

    def tables(self) -> Iterator[tuple[str, Any]]:
        """(table name, its records) in the file's order, reading to the end of the file."""
        found = False
        for name, value in self._document():
            if name == "tables":
                if found or not isinstance(value, Iterator):
                    raise FileRefused(Problem("IMPORT_TABLES_MISSING"))
                found = True
                yield from value
        if not found:
            raise FileRefused(Problem("IMPORT_TABLES_MISSING"))


def _renamed_columns(row: dict) -> dict:
    """Columns an export from an older version has under a name a later migration dropped, given their
    present name (pay_rates.hourly_rate became amount in migration 0003)."""
    if "hourly_rate" in row:
        rate = row.pop("hourly_rate")
        row.setdefault("amount", rate)
    return row


def _brought_up_to_date(tables: Iterable[tuple[str, Any]], rename_to: str | None
                        ) -> Iterator[tuple[str, Any]]:
    """The tables, each record as (record, kept), with what an export made before one pay run per
    period, one row per shift and payslips keeping the hours worked needs to fit those rules: runs
    that paid a period again are marked (and kept), exact duplicate shifts not kept, hours worked taken
    from the pay record; and (with `rename_to`) the employer renamed. Safe on any shape: what it cannot
    read it leaves for the checks to refuse. Memory: the pay runs, and a short digest of each shift."""
    rename = rename_to.strip() if rename_to and rename_to.strip() else None
    for name, rows in parents_first(tables):
        if not isinstance(rows, (list, Iterator)):
            yield name, rows  # the checks refuse it
            continue
        if name == "pay_runs":
            rows = _marked_runs(list(rows))
        yield name, _rows_up_to_date(name, rows, rename)


def _rows_up_to_date(name: str, rows: Iterable[Any], rename: str | None) -> Iterator[tuple[Any, bool]]:
    seen: set[bytes] = set()
    for number, row in enumerate(rows):
        if not isinstance(row, dict):
            yield row, True
            continue
        if name == "pay_rates":
            _renamed_columns(row)
        elif name == "employers" and number == 0 and rename:
            row["name"] = rename
        elif name == "payslips" and "hours_worked" not in row:
            # Before migration 0008 a payslip did not keep the hours worked: its record says them.
            try:
                row["hours_worked"] = str(from_document(json.loads(row["document"])).hours_worked)
            except (ValueError, RecursionError, TypeError, KeyError):
                pass  # a damaged record: the checks that follow refuse it in words
        elif name == "shifts":
            key = repr((row.get("pa_id"), row.get("starts_at"), row.get("ends_at"),
                        row.get("shift_type", "standard"))).encode()
            digest = hashlib.blake2b(key, digest_size=16).digest()
            if digest in seen:
                yield row, False
                continue
            seen.add(digest)
        yield row, True


def _marked_runs(runs: list) -> list:
    """Pay runs from before one pay run per period, each marked whether it paid a period again."""
    if runs and isinstance(runs[0], dict) and "repeats_period" not in runs[0]:
        try:
            ordered = sorted(runs, key=lambda r: (r["finalised_at"], r["id"]))
            repeats = repeated_periods((r["id"], r["employer_id"], r["period_start"], r["period_end"]) for r in ordered)
        except (TypeError, KeyError, ValueError):
            return runs  # not pay runs this version could read: the checks refuse them in words
        for run in runs:
            run["repeats_period"] = run["id"] in repeats
    return runs


def _check(tables: Iterable[tuple[str, Any]], rename_to: str | None, today: date) -> str:
    """Every table, record and value (storage.export_schema), then every record's rules
    (services.import_checks), read once, a record at a time; returns the employer's name (as renamed).
    Raises FileRefused naming the first problem; nothing is stored here."""
    tables_check, repeats, records = TableCheck(), Repeats(), RecordChecks(today)
    name = ""
    for table, rows in _brought_up_to_date(tables, rename_to):
        for position, (row, kept) in enumerate(tables_check.table(table, rows), start=1):
            typed = tables_check.row(table, position, row)
            if kept:
                repeats.add(table, typed)
                records.row(table, typed)
            if table == EMPLOYERS:
                name = typed["name"]
    tables_check.finish()
    repeats.finish()
    records.finish()
    return name


def checked_tables(document: dict, rename_to: str | None, today: date) -> str:
    """Checks an export's document (read whole) as import_employer checks a file; returns the
    employer's name. Raises FileRefused naming the first problem."""
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise FileRefused(Problem("IMPORT_TABLES_MISSING"))
    return _check(tables.items(), rename_to, today)


def _kept(tables: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, Iterator[Any]]]:
    for name, rows in tables:
        yield name, (row for row, kept in rows if kept)


def import_employer(db: Database, path: Path, rename_to: str | None = None, today: date | None = None) -> int:
    """Add the exported employer to this data file; returns its new id. The file is checked whole
    first, and refused, with nothing stored, if anything in it could not be stored or read back; a
    name already here is refused too (import it under another with `rename_to`)."""
    return _imported(db, path, rename_to, today, lambda s, employer_id, name: employer_id)


def import_employer_undoably(db: Database, path: Path, rename_to: str | None = None,
                             today: date | None = None) -> Done[int]:
    """import_employer, with the change it made (EMPLOYER_IMPORTED). The change holds no rows, so memory
    does not grow with the history: only the employer's id and name, a digest of the rows they own as
    imported, and the file's path and digest (reverse_import takes it back, and imports it again)."""
    return _imported_undoably(db, Path(path), rename_to, today, None)


def reverse_import(db: Database, change: Change, today: date) -> Change:
    """Undo of an import removes the employer and everything they own, in one transaction, refused if
    any of it was changed since (history and versions aside, as undo compares rows); redo imports the
    same file again under the same name, refused if it is gone or its bytes differ. Returns the change
    made, which reverses the other way."""
    whole = change.whole
    if whole.employer_id is None:
        if not whole.source.is_file():
            raise ServiceError("REDO_IMPORT_FILE_GONE", str(whole.source))
        if _file_digest(whole.source) != whole.source_digest:
            raise ServiceError("REDO_IMPORT_FILE_CHANGED", str(whole.source))
        return _imported_undoably(db, whole.source, whole.name, today, whole.source_digest).change
    with db.session(write=True) as s:
        lock_employer(s, whole.employer_id)
        if _records_digest(s.connection(), whole.employer_id) != whole.records:
            raise ChangedElsewhere(Problem("UNDO_CHANGED_SINCE"))
        delete_employer_rows(s.connection(), whole.employer_id)
    return replace(change, whole=replace(whole, employer_id=None, records=None))


def _imported_undoably(db: Database, path: Path, rename_to: str | None, today: date | None,
                       expected: str | None) -> Done[int]:
    def change(s, employer_id: int, name: str) -> Done[int]:
        digest = _file_digest(path)  # the bytes as stored, read inside the import's transaction
        if expected is not None and digest != expected:
            raise ServiceError("REDO_IMPORT_FILE_CHANGED", str(path))
        whole = WholeEmployer(name, path.resolve(), digest, employer_id, _records_digest(s.connection(), employer_id))
        return Done(employer_id, Change("EMPLOYER_IMPORTED", employer_id, {"name": name}, whole=whole))

    return _imported(db, path, rename_to, today, change)


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as file:
            for block in iter(lambda: file.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        raise ServiceError("REDO_IMPORT_FILE_GONE", str(path)) from None
    return digest.hexdigest()


def _records_digest(connection, employer_id: int) -> str:
    """A digest of every row the employer owns, read a batch at a time; their change history and the
    rows' versions are left out, as undo leaves them out when it compares rows (services.undo.same)."""
    digest = hashlib.sha256()
    for table in owned_tables():
        if table.name not in UNTRACKED:
            # Untyped columns: the values as the database gives them, unconverted (quicker: about 2 s, not 8,
            # for ten years of twenty PAs' shifts).
            columns = [column(c.name) for c in table.c if c.name != VERSION]
            rows = connection.execute(select(*columns).select_from(table).where(owned_by(table, employer_id))
                                      .order_by(table.c.id).execution_options(yield_per=1000))
            for row in rows:
                digest.update(repr((table.name, *row)).encode())
    return digest.hexdigest()


def _imported(db: Database, path: Path, rename_to: str | None, today: date | None, result):
    """The file is read twice, a record at a time, so memory does not grow with the history: checked
    whole, then stored in one transaction (undone whole if the second reading fails); returns
    result(session, new employer id, its name)."""
    file_name = Path(path).name
    with _ExportFile(path) as export:
        try:
            name = _check(export.tables(), rename_to, today or date.today())
        except FileRefused as refused:
            raise ServiceError("EMPLOYER_FILE_REFUSED", file_name, why=refused.problem) from None
        except _UNREADABLE:
            raise ServiceError("EMPLOYER_FILE_NOT_AN_EXPORT", file_name) from None
        with db.session(write=True) as s:
            if employer_named(s, name) is not None:
                raise ServiceError("EMPLOYER_FILE_NAME_TAKEN", name)
            try:
                employer_id = load_employer(s.connection(), _kept(_brought_up_to_date(export.tables(), rename_to)))
            except _UNREADABLE + (KeyError, ValueError):
                # The file is not what was checked (something wrote to it since): the transaction is undone.
                raise ServiceError("EMPLOYER_FILE_CHANGED", file_name) from None
            # An export from before pay records kept their details: bring its records up to date too.
            upgrade_version_1_records(s.connection(), employer_id)
            return result(s, employer_id, name)
