"""Export one employer to a single file, and import it into another install.

The file is a zip holding employer.json (and, in later versions, attached certificates), so it can
be emailed or carried on a USB stick as one thing.
"""
from __future__ import annotations

import json
import zipfile
from datetime import datetime
from pathlib import Path

from pa_manager.services.employers import employer_named
from pa_manager.services.errors import ServiceError
from pa_manager.storage.database import Database, head_revision, known_revisions
from pa_manager.storage.record_upgrade import repeated_periods, upgrade_version_1_records
from pa_manager.storage.transfer import dump_employer, load_employer

FORMAT = "pa-manager-employer"
FORMAT_VERSION = 1
SUFFIX = ".paemployer"
MEMBER = "employer.json"


def export_employer(db: Database, employer_id: int, path: Path, now: datetime) -> Path:
    with db.connection() as connection:
        tables = dump_employer(connection, employer_id)
    if not tables.get("employers"):
        raise ServiceError("That employer is no longer in this data file. Choose another employer.")
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_revision": head_revision(),
        "exported_at": now.isoformat(timespec="seconds"),
        "tables": tables,
    }
    path = Path(path)
    temporary = path.with_name(path.name + ".part")
    # Written beside the target then renamed, so a failed export never leaves half a file behind.
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MEMBER, json.dumps(document, indent=1, sort_keys=True))
    temporary.replace(path)
    return path


def read_export(path: Path) -> dict:
    try:
        with zipfile.ZipFile(path) as archive:
            document = json.loads(archive.read(MEMBER))
    except FileNotFoundError:
        raise ServiceError(f"There is no file at {path}. Check the name and folder.") from None
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError, UnicodeDecodeError):
        raise ServiceError(f"{Path(path).name} is not an employer file exported by PA Manager.") from None
    if document.get("format") != FORMAT:
        raise ServiceError(f"{Path(path).name} is not an employer file exported by PA Manager.")
    if document.get("format_version", 0) > FORMAT_VERSION or document.get("schema_revision") not in known_revisions():
        raise ServiceError(
            f"{Path(path).name} was exported by a newer version of PA Manager. Install the latest version to import it."
        )
    return document


def _brought_up_to_date(tables: dict) -> dict:
    """What an export made before one pay run per period and one row per shift needs to fit those
    rules: runs that paid a period again are marked (and kept), exact duplicate shifts dropped."""
    runs = tables.get("pay_runs", [])
    if runs and "repeats_period" not in runs[0]:
        ordered = sorted(runs, key=lambda r: (r["finalised_at"], r["id"]))
        repeats = repeated_periods((r["id"], r["employer_id"], r["period_start"], r["period_end"]) for r in ordered)
        for run in runs:
            run["repeats_period"] = run["id"] in repeats
    seen, shifts = set(), []
    for shift in tables.get("shifts", []):
        key = (shift["pa_id"], shift["starts_at"], shift["ends_at"], shift["shift_type"])
        if key not in seen:
            seen.add(key)
            shifts.append(shift)
    return {**tables, "shifts": shifts} if "shifts" in tables else tables


def import_employer(db: Database, path: Path, rename_to: str | None = None) -> int:
    """Add the exported employer to this data file; returns its new id. Refuses a name already here."""
    document = read_export(path)
    tables = _brought_up_to_date(document["tables"])
    employer = tables["employers"][0]
    if rename_to:
        employer["name"] = rename_to.strip()
    with db.session(write=True) as s:
        if employer_named(s, employer["name"]) is not None:
            raise ServiceError(
                f"An employer called {employer['name']} is already in this data file. "
                "Rename one of them, then import again."
            )
        employer_id = load_employer(s.connection(), tables)
        # An export from before pay records kept their details: bring its records up to date too.
        upgrade_version_1_records(s.connection(), employer_id)
        return employer_id
