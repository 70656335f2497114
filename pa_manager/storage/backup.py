"""Copies of a SQLite data file: beside it, dated, made with SQLite's own backup (so a copy taken
while the app is open is whole), readable by the user only."""
from __future__ import annotations

import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path

OWNER_ONLY = 0o600


def backup_path_for(path: Path, when: datetime) -> Path:
    return path.with_name(f"{path.stem}.backup-{when:%Y-%m-%d-%H%M%S}{path.suffix}")


def backups_of(path: Path) -> list[Path]:
    """The dated copies beside a data file, newest first."""
    pattern = re.compile(re.escape(path.stem) + r"\.backup-(\d{4}-\d{2}-\d{2}-\d{6})" + re.escape(path.suffix) + "$")
    found = [p for p in path.parent.glob(f"{path.stem}.backup-*{path.suffix}") if pattern.match(p.name)]
    return sorted(found, key=lambda p: pattern.match(p.name).group(1), reverse=True)


def made_on(backup: Path) -> datetime | None:
    match = re.search(r"\.backup-(\d{4}-\d{2}-\d{2}-\d{6})", backup.name)
    return datetime.strptime(match.group(1), "%Y-%m-%d-%H%M%S") if match else None


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite file, made by SQLite's backup API, owner-only."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    os.chmod(target, OWNER_ONLY)
