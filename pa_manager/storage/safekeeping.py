"""Keeping a SQLite data file safe: backups (daily, before changes, on request), what a backup holds,
putting a backup back, and encrypting a file or changing its passphrase.

Every change to the file itself is made the same way: a whole new file is written beside it, checked,
flushed to the disk and then put in place of the old one in one step (os.replace), while another
connection holds the file's write lock. A crash or a full disk part-way leaves the old file as it was.
The old file's bytes are then overwritten, so a program still holding it open fails in words instead
of writing where nobody will look.

The window holds the file's writer lock (storage/writer_lock.py) and lets go of its connections before
asking for a change; the command line takes the lock with `hold_writer_lock`, so it never changes a file
a window has open.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from pa_manager.storage import cipher
from pa_manager.storage.backup import (
    BEFORE_ENCRYPTING, BEFORE_RESTORE, DAILY, KEEP_DAILY, MANUAL, OWNER_ONLY, backup_path_for, backups_of,
    copy_database, kind_of, made_on,
)
from pa_manager.storage.sqlite_file import (
    WAIT_FOR_FILE_SECONDS, DataFileError, damaged, in_use, inspect_file, read_revision,
)
from pa_manager.storage.writer_lock import WriterLock


MIN_PASSPHRASE_LENGTH = 8


def check_new_passphrase(passphrase: str) -> None:
    """A new passphrase must be long enough to be worth having: 8 characters at least (several words are
    better, and easier to remember)."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise DataFileError(f"That passphrase is too short: use {MIN_PASSPHRASE_LENGTH} characters or more. A few "
                            "words you will remember are best, such as four words in a row.", "SHORT_PASSPHRASE")


# --- taking backups ---

def take_backup(path: Path, kind: str = MANUAL, *, now: datetime, passphrase: str | None = None,
                out: Path | None = None) -> Path:
    """A whole copy of the data file (encrypted with its passphrase if it is encrypted): beside it,
    named for when and why, or at `out` (which must not exist yet)."""
    target = out if out is not None else backup_path_for(path, now, kind)
    if out is not None and out.exists():
        raise DataFileError(f"There is already a file at {out}. Choose a new name for the backup.", "EXISTS")
    try:
        copy_database(path, target, passphrase)
    except (sqlite3.Error, cipher.dbapi_errors()) as error:
        if "locked" in str(error) or "busy" in str(error):
            raise in_use(path) from None
        raise damaged(path) from None
    return target


def take_daily_backup(path: Path, *, now: datetime, passphrase: str | None = None) -> Path | None:
    """The day's backup, on the first opening of the day (None when there is one already), then the daily
    backups beyond the newest KEEP_DAILY are deleted. Other kinds are never deleted here."""
    today = now.date()
    if any(kind_of(b) == DAILY and made_on(b).date() == today for b in backups_of(path)):
        return None
    made = take_backup(path, DAILY, now=now, passphrase=passphrase)
    prune_daily_backups(path)
    return made


def prune_daily_backups(path: Path, keep: int = KEEP_DAILY) -> list[Path]:
    """Delete the daily backups beyond the newest `keep`; the ones deleted."""
    old = [b for b in backups_of(path) if kind_of(b) == DAILY][keep:]
    for backup in old:
        backup.unlink(missing_ok=True)
    return old


# --- what a backup holds ---

@dataclass(frozen=True)
class BackupSummary:
    path: Path
    made_at: datetime | None
    kind: str
    size: int                      # bytes
    encrypted: bool
    employers: tuple[str, ...] = ()
    pa_count: int = 0
    latest_pay_date: date | None = None  # the newest finalised pay run's pay date
    problem: str | None = None     # a DataFileError code when it cannot be read or restored
    message: str | None = None     # that error's sentence


def summarise_backup(backup: Path, passphrase: str | None = None) -> BackupSummary:
    """What a backup holds (employers, how many PAs, the latest finalised pay run), read without changing
    it; or, in `problem` and `message`, why it cannot be restored. Plain SQL over tables every version
    has, so a backup from before an upgrade can be looked at too."""
    size = backup.stat().st_size
    base = dict(path=backup, made_at=made_on(backup), kind=kind_of(backup), size=size)
    try:
        revision, encrypted = _restorable(backup, passphrase)
    except DataFileError as error:
        encrypted = error.code in ("ENCRYPTED", "WRONG_PASSPHRASE")
        return BackupSummary(**base, encrypted=encrypted, problem=error.code, message=str(error))
    if revision is None:
        return BackupSummary(**base, encrypted=encrypted)
    con = _read_connection(backup, passphrase if encrypted else None)
    try:
        employers = tuple(r[0] for r in con.execute("SELECT name FROM employers ORDER BY name"))
        pa_count = con.execute("SELECT count(*) FROM pas").fetchone()[0]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        latest = con.execute("SELECT max(pay_date) FROM pay_runs").fetchone()[0] if "pay_runs" in tables else None
    finally:
        con.close()
    return BackupSummary(**base, encrypted=encrypted, employers=employers, pa_count=pa_count,
                         latest_pay_date=date.fromisoformat(str(latest)[:10]) if latest else None)


def _read_connection(path: Path, passphrase: str | None):
    if passphrase is None:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=WAIT_FOR_FILE_SECONDS)
    return cipher.connect(path, passphrase, read_only=True, timeout=WAIT_FOR_FILE_SECONDS)


def _restorable(backup: Path, passphrase: str | None) -> tuple[str | None, bool]:
    """The backup's schema revision and whether it is encrypted, or why it cannot be put back: damaged,
    not a PA Manager file, saved by a newer version, or needing a passphrase that was not given. A
    passphrase given for a plain backup is not needed, and not an error."""
    from pa_manager.storage.database import head_revision, known_revisions

    if backup.is_dir() or not backup.exists():
        raise DataFileError(f"There is no backup at {backup}. Check the name and folder.", "MISSING")
    if not backup.stat().st_size:
        raise DataFileError(f"{backup.name} is empty, so it is not a backup of a PA Manager data file.", "NOT_PA_MANAGER")
    try:
        revision, encrypted = _state(backup, passphrase)
    except DataFileError as error:
        if error.code != "DAMAGED":
            raise
        raise DataFileError(f"{backup.name} is damaged, or it is not a backup of a PA Manager data file, so it was not "
                            "put back. Choose another backup.", "DAMAGED") from None
    if revision is None:
        raise DataFileError(f"{backup.name} holds no PA Manager records, so it was not put back.", "NOT_PA_MANAGER")
    if revision != head_revision() and revision not in known_revisions():
        raise DataFileError(f"{backup.name} was saved by a newer version of PA Manager, so it was not put back. "
                            "Install the latest version to use it.", "NEWER_VERSION")
    return revision, encrypted


# --- putting a backup back ---

@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    before_restore: Path | None  # the copy of the file as it was, when there was one
    encrypted: bool               # the restored file is encrypted


def restore_backup(path: Path, backup: Path, *, now: datetime, passphrase: str | None = None) -> RestoreResult:
    """Put a backup in place of the data file, after checking the backup (refused in one sentence when it
    is damaged, from a newer version or not a PA Manager file) and after backing up the file as it is.

    One `passphrase` serves both: it opens an encrypted backup and an encrypted data file. A restore never
    leaves plain what was encrypted: when the data file is encrypted, a plain backup is put back encrypted
    with its passphrase. A data file that cannot be read (the usual reason for restoring) is kept byte for
    byte beside it. A backup from an older version is put back as it is and brought up to date when the
    file is next opened (after its own before-upgrade backup)."""
    if backup.resolve() == path.resolve():
        raise DataFileError("That is the data file itself, not a backup of it. Choose one of its backups.", "SAME_FILE")
    _, backup_encrypted = _restorable(backup, passphrase)
    current_ok = current_encrypted = False
    before = None
    if path.exists() and path.stat().st_size:
        try:
            _, current_encrypted = _state(path, passphrase)
            current_ok = True
        except DataFileError as error:
            if error.code in ("ENCRYPTED", "IN_USE") or (error.code == "WRONG_PASSPHRASE" and not backup_encrypted):
                raise  # an encrypted data file is never decrypted by a restore: its passphrase is needed
        if current_ok:
            before = take_backup(path, BEFORE_RESTORE, now=now, passphrase=passphrase if current_encrypted else None)
        else:
            before = backup_path_for(path, now, BEFORE_RESTORE)
            _raw_copy(path, before)
    encrypt = backup_encrypted or current_encrypted or (before is not None and not current_ok and passphrase is not None)

    def build(temp: Path) -> None:
        if backup_encrypted or not encrypt:
            copy_database(backup, temp, passphrase if backup_encrypted else None)
        else:
            _export_encrypted(backup, temp, passphrase)
        read_revision(temp, passphrase if encrypt else None)  # whole, and opens as it will be opened

    _swap_in(path, build, hold=passphrase if current_encrypted else None, lock=current_ok, journal_to=before)
    return RestoreResult(backup, before, encrypt)


def _state(path: Path, passphrase: str | None) -> tuple[str | None, bool]:
    """read_revision, taking a passphrase given for a plain file as not needed."""
    try:
        return read_revision(path, passphrase)
    except DataFileError as error:
        if error.code != "NOT_ENCRYPTED":
            raise
    return read_revision(path, None)


def _raw_copy(source: Path, target: Path) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    os.close(fd)
    shutil.copyfile(source, target)
    os.chmod(target, OWNER_ONLY)


# --- encrypting, and changing the passphrase ---

@dataclass(frozen=True)
class EncryptResult:
    backup: Path                      # the copy taken first (itself encrypted)
    backups_encrypted: tuple[Path, ...]   # plain backups beside the file, now encrypted
    backups_left: tuple[Path, ...]    # backups that could not be read, left as they were


def encrypt_data_file(path: Path, passphrase: str, *, now: datetime) -> EncryptResult:
    """Encrypt a plain data file in place with `passphrase`, and every plain backup beside it.

    No plain copy is made or left behind: the backup taken first is written encrypted; the file and each
    backup are replaced by an encrypted copy in one step, and then their plain bytes are overwritten with
    zeros (a best effort: see cipher.scrub). A backup that cannot be read (damaged, another program's) is
    left as it is and named in the result."""
    check_new_passphrase(passphrase)
    try:
        inspect_file(path, create=False, read_only=False)
    except DataFileError as error:
        if error.code == "ENCRYPTED":
            raise DataFileError(f"{path.name} is already encrypted. Its passphrase can be changed instead (File > Change "
                                "the passphrase, or pa-manager change-passphrase).", "ALREADY_ENCRYPTED") from None
        raise
    old_backups = backups_of(path)
    backup = backup_path_for(path, now, BEFORE_ENCRYPTING)
    _export_encrypted(path, backup, passphrase)
    _swap_in(path, lambda temp: _export_encrypted(path, temp, passphrase), hold=None)
    done, left = [], []
    for old in old_backups:
        try:
            read_revision(old, None)
            _swap_in(old, lambda temp, old=old: _export_encrypted(old, temp, passphrase), hold=None, lock=False)
            done.append(old)
        except (DataFileError, sqlite3.Error, cipher.dbapi_errors()):
            left.append(old)
    return EncryptResult(backup, tuple(done), tuple(left))


@dataclass(frozen=True)
class PassphraseResult:
    backups_changed: tuple[Path, ...]  # backups beside the file now opened by the new passphrase
    backups_left: tuple[Path, ...]     # backups the old passphrase does not open (or plain, or damaged)


def change_passphrase(path: Path, old: str, new: str) -> PassphraseResult:
    """Give an encrypted data file, and every backup beside it that the old passphrase opens, a new
    passphrase, so the old one opens nothing from then on."""
    check_new_passphrase(new)
    try:
        inspect_file(path, create=False, read_only=False, passphrase=old)
    except DataFileError as error:
        if error.code == "NOT_ENCRYPTED":
            raise DataFileError(f"{path.name} is not encrypted, so it has no passphrase to change. Encrypt it first.",
                                "NOT_ENCRYPTED") from None
        raise
    _swap_in(path, lambda temp: copy_database(path, temp, old, new_passphrase=new), hold=old)
    done, left = [], []
    for backup in backups_of(path):
        try:
            read_revision(backup, old)
            _swap_in(backup, lambda temp, b=backup: copy_database(b, temp, old, new_passphrase=new), hold=None,
                     lock=False)
            done.append(backup)
        except (DataFileError, sqlite3.Error, cipher.dbapi_errors()):
            left.append(backup)
    return PassphraseResult(tuple(done), tuple(left))


def _export_encrypted(source: Path, target: Path, passphrase: str) -> None:
    """An encrypted copy of a plain file at `target` (which must not exist), owner-only."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    os.close(fd)
    try:
        con = cipher.dbapi().connect(f"file:{source}?mode=ro", uri=True, timeout=WAIT_FOR_FILE_SECONDS,
                                     isolation_level=None)
        try:
            cipher.export_encrypted(con, target, passphrase)
        finally:
            con.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    os.chmod(target, OWNER_ONLY)


# --- putting a new whole file in place of an old one ---

def _swap_in(path: Path, build: Callable[[Path], None], *, hold: str | None, lock: bool = True,
             journal_to: Path | None = None) -> None:
    """Write a new file with `build(temp)` beside `path`, flush it, and put it in place of `path` in one
    step while holding the old file's write lock (so no other program writes to it meanwhile). `hold`
    is the old file's passphrase, if it is encrypted.

    The old file's bytes are then overwritten with zeros: its plain (or old-passphrase) content is not
    left in free space, and a program that was waiting to write to it fails in words ("damaged") rather
    than writing to a file nobody will read again. Whatever it held is kept elsewhere by then (the new
    file, or the backup the caller took)."""
    temp = path.with_name(f".{path.name}.new-{os.getpid()}")
    temp.unlink(missing_ok=True)
    holder = None
    try:
        if lock and path.exists() and os.name != "nt":
            holder = _hold(path, hold)
        build(temp)
        os.chmod(temp, OWNER_ONLY)
        cipher.sync(temp)
        # Windows cannot replace a file that is open, so there the old file is neither held nor scrubbed.
        old = os.open(path, os.O_RDWR) if path.exists() and os.name != "nt" else None
        try:
            journal = path.with_name(path.name + "-journal")
            if journal.exists():  # a crashed write's journal belongs to the old file, never the new one
                if journal_to is not None:
                    os.replace(journal, journal_to.with_name(journal_to.name + "-journal"))
                else:
                    journal.unlink()
            os.replace(temp, path)
            _sync_folder(path.parent)
            if old is not None:
                cipher.scrub(old)
        finally:
            if old is not None:
                os.close(old)
    finally:
        if holder is not None:
            try:
                holder.execute("ROLLBACK")
            finally:
                holder.close()
        temp.unlink(missing_ok=True)


def _hold(path: Path, passphrase: str | None):
    """A connection holding the write lock of `path` (other programs may still read)."""
    try:
        con = (cipher.connect(path, passphrase, timeout=WAIT_FOR_FILE_SECONDS) if passphrase is not None
               else sqlite3.connect(path, timeout=WAIT_FOR_FILE_SECONDS, isolation_level=None))
        con.execute("BEGIN IMMEDIATE")
    except (sqlite3.OperationalError, cipher.dbapi_errors()) as error:
        if "locked" in str(error) or "busy" in str(error):
            raise in_use(path) from None
        raise damaged(path) from None
    return con


def _sync_folder(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - Windows has no directory handles to flush
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


@contextmanager
def hold_writer_lock(path: Path) -> Iterator[None]:
    """For the command line: hold the lock a window holds while it has the file open, or refuse."""
    if not path.exists():
        yield
        return
    lock = WriterLock.acquire(path)
    if lock is None:
        raise DataFileError(f"{path.name} is open in a PA Manager window. Close it there (or do this from that "
                            "window's File menu), then try again.", "OPEN_IN_WINDOW")
    try:
        yield
    finally:
        lock.release()


__all__ = [
    "MANUAL", "BackupSummary", "check_new_passphrase", "EncryptResult", "PassphraseResult", "RestoreResult", "change_passphrase", "encrypt_data_file",
    "hold_writer_lock", "prune_daily_backups", "restore_backup", "summarise_backup", "take_backup",
    "take_daily_backup",
]
