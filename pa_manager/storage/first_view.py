"""The dashboard as it was shown when the window last closed on a data file, kept so the next start can
show it at once, before the database layer is loaded, then the records read afresh take its place.

It is only shown when it is exactly what the file holds today: kept for the same file, on the same day,
by the same version of PA Manager, with the file unchanged since (its size and the time it was last
written to the nanosecond: any change to the records writes the file). Anything else, and it is deleted
unread. Only for a plain data file: never for an encrypted one (its words would be readable outside it),
nor for a file on a USB stick opened to leave nothing on the computer, nor a database server.

Kept in the user's cache folder, readable by the user only. Every command that changes a data file
deletes its kept view, so erased details never outlive the records in it.
"""
from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from pathlib import Path

FORMAT = 1


def _folder() -> Path:
    from platformdirs import user_cache_path

    from pa_manager.config import APP_NAME

    return user_cache_path(APP_NAME, appauthor=False) / "first-view"


def kept_path(data_file: Path) -> Path:
    key = hashlib.sha256(str(Path(data_file).expanduser().resolve()).encode()).hexdigest()[:24]
    return _folder() / f"{key}.json"


def _file_state(data_file: Path) -> list[int] | None:
    try:
        state = Path(data_file).stat()
    except OSError:
        return None
    return [state.st_size, state.st_mtime_ns]


def _version() -> str:
    from pa_manager import __version__

    return __version__


def keep(data_file: Path, today: date, view: dict) -> None:
    """Keep what the window shows for this file (call it once nothing more will be written to the file).
    Not being able to keep it only means the next start reads the records first."""
    state = _file_state(data_file)
    if state is None:
        return
    document = {"format": FORMAT, "version": _version(), "file": str(Path(data_file).expanduser().resolve()),
                "state": state, "day": today.isoformat(), "view": view}
    target = kept_path(data_file)
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = target.with_name(f".{target.name}.{os.getpid()}")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(document, out)
        partial.replace(target)
    except OSError:
        pass


def kept(data_file: Path, today: date) -> dict | None:
    """The view kept for this file if it is still exactly what the file holds today; otherwise None (and
    a view that no longer is is deleted)."""
    target = kept_path(data_file)
    try:
        document = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    still = (isinstance(document, dict) and document.get("format") == FORMAT and document.get("version") == _version()
             and document.get("file") == str(Path(data_file).expanduser().resolve())
             and document.get("day") == today.isoformat() and document.get("state") == _file_state(data_file)
             and isinstance(document.get("view"), dict))
    if not still:
        forget(data_file)
        return None
    return document["view"]


def forget(data_file: Path) -> None:
    try:
        kept_path(data_file).unlink(missing_ok=True)
    except OSError:
        pass
