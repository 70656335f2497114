"""Export one employer to a single file, and import it into another install.

The file is a zip holding employer.json (and, in later versions, attached certificates), so it can
be emailed or carried on a USB stick as one thing.
"""
from __future__ import annotations

import io
import json
import zipfile
import zlib
from datetime import date, datetime
from pathlib import Path

from pa_manager.domain.pay_record import from_document
from pa_manager.services.employers import added_employer, employer_named
from pa_manager.services.errors import ServiceError
from pa_manager.services.import_checks import check_records
from pa_manager.services.undo import Done, Recorder, done
from pa_manager.storage.database import Database, head_revision, known_revisions
from pa_manager.storage.export_schema import FileRefused, check_repeats, check_tables
from pa_manager.storage.record_upgrade import repeated_periods, upgrade_version_1_records
from pa_manager.storage.transfer import load_employer, stream_employer

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


def read_export(path: Path) -> dict:
    """The document inside an export file, if it is one this version can import (not yet checked
    whole: see import_employer)."""
    name = Path(path).name
    try:
        with zipfile.ZipFile(path) as archive:
            document = json.loads(archive.read(MEMBER))
    except FileNotFoundError:
        raise ServiceError("EMPLOYER_FILE_MISSING", str(path)) from None
    except IsADirectoryError:
        raise ServiceError("EMPLOYER_FILE_FOLDER", name) from None
    except PermissionError:
        raise ServiceError("EMPLOYER_FILE_NOT_ALLOWED", name) from None
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError, UnicodeDecodeError, RecursionError, ValueError,
            NotImplementedError, RuntimeError, EOFError, OSError, zlib.error):
        # Not a zip, no employer.json, not JSON, or a zip PA Manager does not write (encrypted,
        # compressed in another way, damaged): not an export of ours in any case.
        raise ServiceError("EMPLOYER_FILE_NOT_AN_EXPORT", name) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ServiceError("EMPLOYER_FILE_NOT_AN_EXPORT", name)
    version, revision = document.get("format_version", 0), document.get("schema_revision")
    if isinstance(version, bool) or not isinstance(version, int) or not isinstance(revision, str):
        raise ServiceError("EMPLOYER_FILE_NOT_AN_EXPORT", name)
    if version > FORMAT_VERSION or revision not in known_revisions():
        raise ServiceError("EMPLOYER_FILE_NEWER", name)
    return document


def _renamed_columns(tables: object) -> object:
    """Columns an export from an older version has under a name a later migration dropped, given their
    present name (pay_rates.hourly_rate became amount in migration 0003). Safe on any shape."""
    for row in tables.get("pay_rates", []) if isinstance(tables, dict) and isinstance(tables.get("pay_rates"), list) else []:
        if isinstance(row, dict) and "hourly_rate" in row:
            rate = row.pop("hourly_rate")
            row.setdefault("amount", rate)
    return tables


def _brought_up_to_date(tables: dict) -> dict:
    """What an export made before one pay run per period, one row per shift and payslips keeping the
    hours worked needs to fit those rules: runs that paid a period again are marked (and kept), exact
    duplicate shifts dropped, hours worked taken from the pay record. The tables have passed
    export_schema.check_tables."""
    runs = tables.get("pay_runs", [])
    if runs and "repeats_period" not in runs[0]:
        ordered = sorted(runs, key=lambda r: (r["finalised_at"], r["id"]))
        repeats = repeated_periods((r["id"], r["employer_id"], r["period_start"], r["period_end"]) for r in ordered)
        for run in runs:
            run["repeats_period"] = run["id"] in repeats
    for payslip in tables.get("payslips", []):
        # Before migration 0008 a payslip did not keep the hours worked: its record says them.
        if "hours_worked" not in payslip:
            try:
                payslip["hours_worked"] = str(from_document(json.loads(payslip["document"])).hours_worked)
            except (ValueError, RecursionError):
                pass  # a damaged record: the checks that follow refuse it in words
    seen, shifts = set(), []
    for shift in tables.get("shifts", []):
        key = (shift["pa_id"], shift["starts_at"], shift["ends_at"], shift.get("shift_type", "standard"))
        if key not in seen:
            seen.add(key)
            shifts.append(shift)
    return {**tables, "shifts": shifts} if "shifts" in tables else tables


def checked_tables(document: dict, rename_to: str | None, today: date) -> dict:
    """The export's tables, brought up to date and (with `rename_to`) renamed, once the whole file has
    passed every check: each table, field and value (storage.export_schema), then each record's rules
    (services.import_checks). Raises FileRefused naming the first problem; nothing is stored here."""
    tables = _renamed_columns(document.get("tables"))
    check_tables(tables)
    tables = _brought_up_to_date(tables)
    if rename_to and rename_to.strip():
        tables["employers"][0]["name"] = rename_to.strip()
    rows = check_tables(tables)  # again: what bringing up to date and renaming changed
    check_repeats(rows)
    check_records(rows, today)
    return tables


def import_employer(db: Database, path: Path, rename_to: str | None = None, today: date | None = None) -> int:
    """Add the exported employer to this data file; returns its new id. The file is checked whole
    first, and refused, with nothing stored, if anything in it could not be stored or read back; a
    name already here is refused too (import it under another with `rename_to`)."""
    return import_employer_undoably(db, path, rename_to, today).value


def import_employer_undoably(db: Database, path: Path, rename_to: str | None = None,
                             today: date | None = None) -> Done[int]:
    """import_employer, with the change it made (EMPLOYER_IMPORTED: every row it added)."""
    document = read_export(path)
    try:
        tables = checked_tables(document, rename_to, today or date.today())
    except FileRefused as refused:
        raise ServiceError("EMPLOYER_FILE_REFUSED", Path(path).name, why=refused.problem) from None
    employer = tables["employers"][0]
    with db.session(write=True) as s:
        if employer_named(s, employer["name"]) is not None:
            raise ServiceError("EMPLOYER_FILE_NAME_TAKEN", employer["name"])
        employer_id = load_employer(s.connection(), tables)
        # An export from before pay records kept their details: bring its records up to date too.
        upgrade_version_1_records(s.connection(), employer_id)
        recorder = Recorder(s)
        added_employer(recorder, employer_id)
        return done(employer_id, recorder, "EMPLOYER_IMPORTED", employer_id, name=employer["name"])
