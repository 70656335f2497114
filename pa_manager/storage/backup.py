"""Copies of a SQLite data file: beside it (so a file on a USB stick keeps its backups on the stick),
dated and named for why they were made, made with SQLite's own backup (so a copy taken while the app is
open is whole), readable by the user only, and encrypted with the file's passphrase when the file is.

    data.backup-2026-12-02-090000-daily.sqlite3

Kinds: `daily` (the first opening of a day; only the newest KEEP_DAILY are kept), and the ones never
deleted automatically: `before-upgrade` (a newer version is about to change the file; older versions
named these with no kind), `before-restore`, `before-encrypting` and `manual` (asked for)."""
from __future__ import annotations

import os
import re
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

OWNER_ONLY = 0o600

DAILY = "daily"
BEFORE_UPGRADE = "before-upgrade"
BEFORE_RESTORE = "before-restore"
BEFORE_ENCRYPTING = "before-encrypting"
MANUAL = "manual"
KINDS = (DAILY, BEFORE_UPGRADE, BEFORE_RESTORE, BEFORE_ENCRYPTING, MANUAL)
KEEP_DAILY = 7  # the newest seven daily backups; the other kinds are never deleted automatically

_STAMP = "%Y-%m-%d-%H%M%S"


def _pattern(path: Path) -> re.Pattern:
    kinds = "|".join(re.escape(k) for k in KINDS)
    return re.compile(re.escape(path.stem) + r"\.backup-(\d{4}-\d{2}-\d{2}-\d{6})(?:-(" + kinds + "))?"
                      + re.escape(path.suffix) + "$")


def backup_path_for(path: Path, when: datetime, kind: str = BEFORE_UPGRADE) -> Path:
    """The name of a backup of `path` made at `when`; a second later if that name is taken."""
    while True:
        candidate = path.with_name(f"{path.stem}.backup-{when:{_STAMP}}-{kind}{path.suffix}")
        if not candidate.exists():
            return candidate
        when += timedelta(seconds=1)


def backups_of(path: Path) -> list[Path]:
    """The dated copies beside a data file, newest first."""
    pattern = _pattern(path)
    found = [p for p in path.parent.glob(f"{path.stem}.backup-*{path.suffix}") if pattern.match(p.name)]
    return sorted(found, key=lambda p: pattern.match(p.name).group(1), reverse=True)


def made_on(backup: Path) -> datetime | None:
    match = re.search(r"\.backup-(\d{4}-\d{2}-\d{2}-\d{6})", backup.name)
    return datetime.strptime(match.group(1), _STAMP) if match else None


def kind_of(backup: Path) -> str:
    """Why a backup was made (one of KINDS); an older version's unnamed ones were taken before upgrades."""
    match = re.search(r"\.backup-\d{4}-\d{2}-\d{2}-\d{6}-(" + "|".join(re.escape(k) for k in KINDS) + r")\.", backup.name)
    return match.group(1) if match else BEFORE_UPGRADE


def copy_database(source: Path, target: Path, passphrase: str | None = None, *,
                  new_passphrase: str | None = None) -> None:
    """A consistent copy of a SQLite file, made by SQLite's backup API, owner-only. An encrypted file
    (`passphrase`) is copied encrypted, with the same passphrase or with `new_passphrase`."""
    if passphrase is None:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        connect_target = sqlite3.connect
    else:
        from pa_manager.storage import cipher

        src = cipher.connect(source, passphrase, read_only=True)
        connect_target = lambda t: cipher.connect(t, new_passphrase or passphrase)  # noqa: E731
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)  # owner-only from the start
        os.close(fd)
        dst = connect_target(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    os.chmod(target, OWNER_ONLY)
