"""Opening, closing and switching a data file, and keeping it safe: the only way the window and the
command line reach the data file (an import-linter contract keeps pa_manager.ui, pa_manager.cli,
pa_manager.cli_recruitment and pa_manager.app from importing pa_manager.storage).

The dashboard the window showed when it last closed on a file is kept in the user's cache folder for
the next start (storage/first_view.py): `kept_first_view` shows it, `keep_first_view` keeps it, and a
command that changes the file calls `forget_first_view` first.

A data file opened to be changed takes the day's backup first; one that cannot be backed up is still
opened, and the caller is told why there is no backup. The storage layer does the work; the types
the callers hold or catch (the open `Database`, `DataFileError`, a backup's `BackupSummary`) are
named here so that they need nothing from storage.

Importing this module does not load SQLAlchemy (a command that never opens the database starts
quickly): `Database`, `OpenResult`, `storage_error` and `SCHEMA_REVISION` are fetched from
storage.database the first time they are asked for.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pa_manager.storage.backup import MANUAL, backups_of, copy_database, kind_of, made_on
from pa_manager.storage.cipher import looks_encrypted
from pa_manager.storage.safekeeping import (
    MIN_PASSPHRASE_LENGTH,
    BackupSummary,
    EncryptResult,
    PassphraseResult,
    RestoreResult,
    change_passphrase,
    check_new_passphrase,
    encrypt_data_file,
    hold_writer_lock,
    restore_backup,
    summarise_backup,
    take_backup,
    take_daily_backup,
)
from pa_manager.storage.sqlite_file import DataFileError, FileState, can_change, inspect_file, wrong_passphrase
from pa_manager.storage.writer_lock import WriterLock

if TYPE_CHECKING:
    from pa_manager.storage.database import Database, OpenResult

_FROM_DATABASE = ("Database", "OpenResult", "storage_error", "SCHEMA_REVISION")


def __getattr__(name: str) -> Any:
    """The names that live beside SQLAlchemy, loaded only when first asked for."""
    if name in _FROM_DATABASE:
        from pa_manager.storage import database

        return getattr(database, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "MANUAL", "MIN_PASSPHRASE_LENGTH", "BackupSummary", "Database", "DataFileError", "EncryptResult",
    "FileState", "OpenResult", "OpenedFile", "PassphraseResult", "RestoreResult", "WriterLock", "backups_of",
    "can_change", "change_data_file", "change_passphrase", "check_new_passphrase", "copy_database", "daily_backup",
    "encrypt_data_file", "file_path", "forget_first_view", "keep_first_view", "kept_first_view",
    "hold_writer_lock", "inspect_file", "kind_of", "looks_encrypted", "lock_for_writing", "made_on",
    "open_data_file", "restore_backup", "summarise_backup", "take_backup", "wrong_passphrase",
]

T = TypeVar("T")


@dataclass
class OpenedFile:
    """A data file as opened: the database, what opening it did (an upgrade's backup), and why the
    day's backup could not be made, if it could not."""

    db: "Database"
    opened: "OpenResult"
    backup_problem: str | None = None


def file_path(location: str | Path) -> Path | None:
    """The file behind a location, or None for a database server (postgresql://...)."""
    text = str(location)
    return None if "://" in text else Path(text).expanduser()


def kept_first_view(path: Path, today: date) -> dict | None:
    """What the dashboard showed when the window last closed on this file, if the file still holds just
    that today; otherwise None."""
    from pa_manager.storage import first_view

    return first_view.kept(path, today)


def keep_first_view(path: Path, today: date, view: dict) -> None:
    """Keep what the dashboard shows for the next start (once nothing more will be written to the file)."""
    from pa_manager.storage import first_view

    first_view.keep(path, today, view)


def forget_first_view(path: Path) -> None:
    """Before the file is changed: what the window kept of it may be about to stop being true."""
    from pa_manager.storage import first_view

    first_view.forget(path)


def lock_for_writing(path: Path) -> WriterLock | None:
    """This process's claim to change the file, or None when another window holds it."""
    return WriterLock.acquire(path)


def daily_backup(path: Path, passphrase: str | None, now: datetime) -> str | None:
    """Take the day's backup (once a day); the sentence saying why it could not be made, if not."""
    try:
        take_daily_backup(path, now=now, passphrase=passphrase)
    except (DataFileError, OSError) as error:
        return f"Today's backup could not be made: {error}"
    return None


def open_data_file(location: str | Path, *, create: bool = False, read_only: bool = False,
                   passphrase: str | None = None, throwaway: bool = False, now: datetime | None = None,
                   back_up: bool = True) -> OpenedFile:
    """Open a data file (or database server). A file that already held data and is opened to be
    changed takes the day's backup. DataFileError when it cannot be opened (its `.code` says why)."""
    from pa_manager.storage.database import open_database

    path = file_path(location)
    existed = path is not None and path.exists() and path.stat().st_size > 0
    db, opened = open_database(str(location), create=create, read_only=read_only, passphrase=passphrase,
                               throwaway=throwaway, now=now)
    problem = None
    if back_up and existed and not read_only and not db.read_only:
        problem = daily_backup(path, db.passphrase, now or datetime.now())
    return OpenedFile(db, opened, problem)


def change_data_file(db: "Database", change: Callable[[], T], passphrase_after: str | None,
                     now: datetime | None = None) -> tuple[T | None, DataFileError | OSError | None, OpenedFile]:
    """Let go of an open data file, make a change to the file itself (restore a backup, encrypt it,
    change its passphrase), and open it again, with its new passphrase if it has one. A refused change
    leaves the file as it was and it is opened as it was: (the change's result or None, the refusal or
    None, the file opened again)."""
    path, before = file_path(db.location), db.passphrase
    db.close()
    try:
        result, refusal = change(), None
    except (DataFileError, OSError) as error:
        result, refusal, passphrase_after = None, error, before
    return result, refusal, open_data_file(path, passphrase=passphrase_after, now=now, back_up=False)
