"""Export one employer to a single file, and import it into another install.

The file is a zip holding employer.json (and, in later versions, attached certificates), so it can
be emailed or carried on a USB stick as one thing.
"""
from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from pa_manager.services.employers import employer_named
from pa_manager.services.errors import ServiceError
from pa_manager.storage.database import Database, head_revision, known_revisions
from pa_manager.storage.record_upgrade import repeated_periods, upgrade_version_1_records
from pa_manager.storage.transfer import load_employer, owned_tables, stream_employer

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
        raise ServiceError("That employer is no longer in this data file. Choose another employer.") from None
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


def _not_ours(path: Path) -> ServiceError:
    return ServiceError(f"{Path(path).name} is not an employer file exported by PA Manager.")


@contextmanager
def _opened_export(path: Path) -> Iterator[tuple[dict, Iterable[tuple[str, Iterator[dict]]]]]:
    """The export's header and its tables, one after another. A file laid out one row to a line (as
    export_employer writes it) is read a line at a time; any other (an export from an earlier version)
    is read whole."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ServiceError(f"There is no file at {path}. Check the name and folder.") from None
    except (zipfile.BadZipFile, OSError):
        raise _not_ours(path) from None
    with archive:
        try:
            member = archive.open(MEMBER)
        except KeyError:
            raise _not_ours(path) from None
        with member:
            lines = io.TextIOWrapper(member, encoding="utf-8")
            try:
                first = lines.readline()
                if first.startswith('{"') and first.rstrip("\n").endswith(_TABLES_KEY):
                    header = json.loads(first.rstrip("\n")[:-len(_TABLES_KEY)].rstrip().rstrip(",") + "}")
                    yield header, _tables_by_line(lines)
                else:
                    document = json.loads(first + lines.read())
                    tables = document.get("tables") if isinstance(document, dict) else None
                    yield document, _parents_first(tables if isinstance(tables, dict) else {})
            except (json.JSONDecodeError, UnicodeDecodeError, zipfile.BadZipFile, EOFError):
                raise _not_ours(path) from None


def _parents_first(tables: dict) -> list[tuple[str, list]]:
    known = [table.name for table in owned_tables()]
    return [(name, tables[name]) for name in known if name in tables] + \
        [(name, rows) for name, rows in tables.items() if name not in known]


def _tables_by_line(lines) -> Iterator[tuple[str, Iterator[dict]]]:
    for line in lines:
        line = line.rstrip("\n")
        if not line or line == "}}":
            continue
        if not line.endswith(": ["):
            raise json.JSONDecodeError("a table was expected", line, 0)
        yield json.loads(line[:-3]), _rows_by_line(lines)


def _rows_by_line(lines) -> Iterator[dict]:
    for line in lines:
        line = line.rstrip("\n")
        if line in ("]", "],"):
            return
        if line:
            yield json.loads(line[:-1] if line.endswith(",") else line)


def read_export(path: Path) -> dict:
    """The whole export as one document (for looking at it; importing reads it as it goes)."""
    with _opened_export(path) as (header, tables):
        _check_header(path, header)
        return {**header, "tables": {name: list(rows) for name, rows in tables}}


def _check_header(path: Path, header: dict) -> None:
    if header.get("format") != FORMAT:
        raise _not_ours(path)
    if header.get("format_version", 0) > FORMAT_VERSION or header.get("schema_revision") not in known_revisions():
        raise ServiceError(
            f"{Path(path).name} was exported by a newer version of PA Manager. Install the latest version to import it."
        )


def _brought_up_to_date(tables) -> Iterator[tuple[str, Iterable[dict]]]:
    """What an export made before one pay run per period and one row per shift needs to fit those
    rules: runs that paid a period again are marked (and kept), exact duplicate shifts dropped."""
    for name, rows in tables:
        if name == "pay_runs":
            runs = list(rows)  # a handful: all of them are needed to tell which paid a period again
            if runs and "repeats_period" not in runs[0]:
                ordered = sorted(runs, key=lambda r: (r["finalised_at"], r["id"]))
                repeats = repeated_periods((r["id"], r["employer_id"], r["period_start"], r["period_end"])
                                           for r in ordered)
                for run in runs:
                    run["repeats_period"] = run["id"] in repeats
            yield name, runs
        elif name == "shifts":
            yield name, _distinct_shifts(rows)
        else:
            yield name, rows


def _distinct_shifts(rows: Iterable[dict]) -> Iterator[dict]:
    seen = set()
    for shift in rows:
        key = (shift["pa_id"], shift["starts_at"], shift["ends_at"], shift["shift_type"])
        if key not in seen:
            seen.add(key)
            yield shift


def import_employer(db: Database, path: Path, rename_to: str | None = None) -> int:
    """Add the exported employer to this data file; returns its new id. Refuses a name already here."""
    with _opened_export(path) as (header, tables), db.session(write=True) as s:
        _check_header(path, header)
        name = rename_to.strip() if rename_to else None

        def checked(tables):
            for table, rows in tables:
                if table == "employers":
                    rows = list(rows)  # the one employer, named as it will be here
                    if not rows:
                        raise _not_ours(path)
                    if name:
                        rows[0]["name"] = name
                    if employer_named(s, rows[0]["name"]) is not None:
                        raise ServiceError(
                            f"An employer called {rows[0]['name']} is already in this data file. "
                            "Rename one of them, then import again."
                        )
                yield table, rows

        employer_id = load_employer(s.connection(), checked(_brought_up_to_date(tables)))
        # An export from before pay records kept their details: bring its records up to date too.
        upgrade_version_1_records(s.connection(), employer_id)
        return employer_id
