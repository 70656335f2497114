"""Today's demo household, kept in the user's cache folder so that a second `--demo` the same day copies it
instead of making it again (two years of pay runs). Made-up people only: nothing personal is kept.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import date
from pathlib import Path

from pa_manager import __version__
from pa_manager.config import APP_NAME


def kept_path(today: date) -> Path:
    """Where the demo made today is kept for the next --demo today."""
    from platformdirs import user_cache_path

    from pa_manager.services.data_files import SCHEMA_REVISION

    return user_cache_path(APP_NAME, appauthor=False) / f"demo-{__version__}-{SCHEMA_REVISION}-{today.isoformat()}.sqlite3"


def copy_kept(location: Path, today: date) -> None:
    """Today's kept demo copied to `location`, if there is one (else it is made there)."""
    kept = kept_path(today)
    if kept.is_file() and not location.exists():
        try:
            shutil.copyfile(kept, location)
            os.chmod(location, 0o600)
        except OSError:
            location.unlink(missing_ok=True)  # made again instead


def keep(location: Path, today: date) -> None:
    """A copy of the demo file at `location`, kept for the next --demo today; older ones are removed. Not
    being able to keep it only means making it again next time."""
    from pa_manager.services.data_files import copy_database

    kept = kept_path(today)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        for old in kept.parent.glob("demo-*.sqlite3"):
            old.unlink(missing_ok=True)
        partial = kept.with_name(f".{kept.name}.{os.getpid()}")
        partial.unlink(missing_ok=True)
        try:
            copy_database(location, partial)
            partial.replace(kept)  # whole or not at all: a --demo never copies half a demo
        finally:
            partial.unlink(missing_ok=True)
    except (OSError, sqlite3.Error):  # a folder that cannot be written, a disk full, a file SQLite refuses
        pass
