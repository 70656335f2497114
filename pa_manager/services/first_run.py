"""The first run of a new data file: who uses it (remembered in the file itself), and where its records
are kept, for the step that tells the person so.

Who uses the file decides where the window opens: a budget holder's dashboard, or the caseload for an
advocate or council staff. It is a setting of the data file, not of any employer, so nothing is written
outside the file (a portable run on someone else's computer leaves nothing behind)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from pa_manager.storage import models
from pa_manager.storage.backup import KEEP_DAILY, backups_of, made_on
from pa_manager.storage.database import Database

OWN_PAS = "own"            # employs their own PAs (or runs the direct payment for a relative)
ADVOCATE = "advocate"      # helps other people with their records
COUNCIL = "council"        # council or support-service staff, in advice sessions
ROLES = (OWN_PAS, ADVOCATE, COUNCIL)
ROLE_KEY = "user_role"


def user_role(db: Database) -> str | None:
    """Who said they use this data file, or None when nobody has been asked yet."""
    with db.session() as s:
        value = s.scalar(select(models.FileSetting.value).where(models.FileSetting.key == ROLE_KEY))
    return value if value in ROLES else None


def remember_user_role(db: Database, role: str | None) -> str | None:
    """Keep who uses this data file (None forgets it, for undo); returns what it was before."""
    if role is not None and role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    with db.session(write=True) as s:
        row = s.get(models.FileSetting, ROLE_KEY)
        before = row.value if row is not None and row.value in ROLES else None
        if role is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(models.FileSetting(key=ROLE_KEY, value=role))
        else:
            row.value = role
    return before


@dataclass(frozen=True)
class RecordsPlace:
    """Where the records are kept, as the first run tells it."""

    location: str            # the data file's path, or the database URL (never with a password)
    is_file: bool            # False: an organisation's database server, which keeps its own backups
    folder: Path | None      # where the file and its backups are
    backups: int             # how many backups are beside it now
    newest_backup: datetime | None
    keep_daily: int          # how many daily backups are kept
    encrypted: bool
    read_only: bool


def where_records_are_kept(db: Database) -> RecordsPlace:
    location = db.location
    if "://" in location:
        from sqlalchemy.engine import make_url

        shown = make_url(location).render_as_string(hide_password=True)
        return RecordsPlace(shown, False, None, 0, None, KEEP_DAILY, db.encrypted, db.read_only)
    path = Path(location).expanduser().resolve()
    found = backups_of(path) if path.parent.exists() else []
    return RecordsPlace(str(path), True, path.parent, len(found), made_on(found[0]) if found else None, KEEP_DAILY,
                        db.encrypted, db.read_only)
