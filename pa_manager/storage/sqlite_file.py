"""Looking at a SQLite data file before opening it, without changing it: is it there, may we read
and write it, is it whole, which version of the app wrote it, is another program holding it.

Every problem is a DataFileError with one plain sentence (and a code), so the window and the command
line can say what is wrong and what to do, and nothing is written to a file that is not fit for it.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pa_manager.storage import cipher
from pa_manager.storage.backup import backups_of, made_on

# How long to wait for another program to let go of the file before saying so.
WAIT_FOR_FILE_SECONDS = 5.0


class DataFileError(Exception):
    """A data file that cannot be opened or written; the message is one plain sentence for the user,
    `code` says which problem it is."""

    def __init__(self, message: str, code: str = "CANNOT_OPEN"):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class FileState:
    exists: bool
    revision: str | None   # the schema revision stored in it; None for a new or empty file
    writable: bool         # the file and its folder can be written (SQLite writes a journal beside it)
    encrypted: bool = False  # an encrypted (SQLCipher) file, opened by the passphrase given


def encrypted_file(path: Path) -> DataFileError:
    return DataFileError(f"{path.name} is encrypted. Give its passphrase to open it.", "ENCRYPTED")


def wrong_passphrase(path: Path) -> DataFileError:
    return DataFileError(f"That passphrase does not open {path.name}, so nothing was opened or changed. Check it "
                         "(capital letters and spaces count) and try again.", "WRONG_PASSPHRASE")


def not_encrypted(path: Path) -> DataFileError:
    return DataFileError(f"{path.name} is not encrypted, so it has no passphrase. Open it without one, or encrypt it "
                         "first.", "NOT_ENCRYPTED")


def _date_words(when) -> str:
    return f"{when.day} {when:%B %Y}"


def damaged(path: Path, *, maybe_not_ours: bool = False) -> DataFileError:
    """A damaged file, offering the newest backup beside it."""
    what = "is not a PA Manager data file, or it is badly damaged" if maybe_not_ours else "is damaged"
    copies = backups_of(path)
    if copies:
        when = made_on(copies[0])
        offer = (f" The newest backup is {copies[0].name}, made on {_date_words(when)}: a backup can be put back in "
                 "place of the damaged file, which is kept beside it.")
    else:
        offer = " Open a backup copy if you have one, or ask for help."
    return DataFileError(f"{path.name} {what}, so PA Manager has not changed it.{offer}", "DAMAGED")


def can_change(path: Path) -> bool:
    """Whether this user may change the file and its folder (a write-protected USB stick may not)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def inspect_file(path: Path, *, create: bool, read_only: bool, passphrase: str | None = None) -> FileState:
    """What opening `path` would meet, or the DataFileError that stops it. With a `passphrase` the file
    must be an encrypted one that it opens; without, an encrypted file is said to need one."""
    if path.is_dir():
        raise DataFileError(f"{path} is a folder. Choose a data file instead.", "IS_FOLDER")
    if not path.exists():
        if not create or read_only:
            raise DataFileError(f"There is no data file at {path}. Check the name and folder, or create a new data "
                                "file on purpose (File > New data file, or --create on the command line).", "MISSING")
        folder = _nearest_existing(path.parent)
        if not os.access(folder, os.W_OK | os.X_OK):
            raise DataFileError(f"PA Manager cannot make a data file in {folder}, because you cannot change that "
                                "folder. Choose a folder of your own, such as Documents.", "FOLDER_NOT_WRITABLE")
        return FileState(False, None, True, encrypted=passphrase is not None)
    if not os.access(path, os.R_OK):
        raise DataFileError(f"You do not have permission to open {path.name}. Ask whoever looks after this computer, "
                            "or copy the file to a folder of your own.", "NOT_READABLE")
    writable = can_change(path)
    if not writable and not read_only:
        raise DataFileError(f"{path.name} is read-only (or its folder is), so PA Manager could not save changes to it. "
                            "Copy it to a folder you can change, or open it read-only to look at it.", "READ_ONLY")
    if not path.stat().st_size:
        return FileState(True, None, writable, encrypted=passphrase is not None)
    revision, encrypted = read_revision(path, passphrase)
    return FileState(True, revision, writable, encrypted)


def read_revision(path: Path, passphrase: str | None) -> tuple[str | None, bool]:
    """The schema revision of an existing file, and whether it is encrypted, after checking it is a whole
    PA Manager file; or the DataFileError saying why not."""
    with path.open("rb") as file:
        plain = file.read(16) == cipher.SQLITE_HEADER
    if plain:
        if passphrase is not None:
            raise not_encrypted(path)
        return _revision(path, None), False
    if not cipher.looks_encrypted(path):
        raise damaged(path, maybe_not_ours=True)
    if passphrase is None:
        raise encrypted_file(path)
    return _revision(path, passphrase), True


def _nearest_existing(folder: Path) -> Path:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _revision(path: Path, passphrase: str | None) -> str | None:
    """The schema revision, after checking the file is a whole PA Manager file (PRAGMA quick_check)."""
    if passphrase is not None:
        return _encrypted_revision(path, passphrase)
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=WAIT_FOR_FILE_SECONDS)
        try:
            return _checked_revision(path, con)
        finally:
            con.close()
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise in_use(path) from None
        raise damaged(path) from None
    except sqlite3.DatabaseError:
        with path.open("rb") as file:
            raise damaged(path, maybe_not_ours=file.read(16) != b"SQLite format 3\x00") from None


def in_use(path: Path) -> DataFileError:
    return DataFileError(f"{path.name} is being used by another program (perhaps a backup or sync program, or "
                         "another copy of PA Manager). Close that program, then open the file again.", "IN_USE")


def _checked_revision(path: Path, con) -> str | None:
    if con.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        raise damaged(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "alembic_version" not in tables:
        if tables:
            raise DataFileError(f"{path.name} is a database, but not a PA Manager data file. Choose your "
                                "PA Manager data file instead.", "NOT_PA_MANAGER")
        return None
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _encrypted_revision(path: Path, passphrase: str) -> str | None:
    """As _revision, through SQLCipher. A passphrase that reads nothing is said to be wrong: SQLCipher
    cannot tell a wrong passphrase from a damaged or foreign file, and the wrong passphrase is by far the
    likelier."""
    module = cipher.dbapi()
    try:
        con = cipher.connect(path, passphrase, read_only=True, timeout=WAIT_FOR_FILE_SECONDS)
        try:
            if not cipher.key_opens(con):
                raise wrong_passphrase(path)
            return _checked_revision(path, con)
        finally:
            con.close()
    except module.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise in_use(path) from None
        raise damaged(path) from None
    except module.DatabaseError:
        raise damaged(path) from None
