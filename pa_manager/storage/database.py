"""Opening a data file: the one place engines are made.

A path means a SQLite file (created if new); anything with "://" is a database URL (PostgreSQL for an
organisation). Opening brings the schema up to date with Alembic, after copying an existing SQLite
file to a dated backup beside it. A file written by a newer version of the app is refused untouched.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

# The newest migration's revision id. Opening a file already at this revision needs no Alembic at all,
# which keeps Alembic's import (about a third of a second) off the start-up path.
# tests/storage/test_database.py checks it matches the newest file in migrations/versions.
SCHEMA_REVISION = "0007"


class DataFileError(Exception):
    """A data file that cannot be opened; the message is one plain sentence for the user."""


@dataclass(frozen=True)
class OpenResult:
    backup: Path | None  # the copy taken before an upgrade, if one was needed


class Database:
    """An open data file: hands out one session per user action."""

    def __init__(self, engine: Engine, location: str):
        self.engine = engine
        self.location = location
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed if the block finishes, rolled back if it raises."""
        with self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _alembic_config(connection=None):
    from alembic.config import Config

    config = Config()
    # Found through importlib.resources so a frozen (PyInstaller) app finds its migrations too.
    config.set_main_option("script_location", str(resources.files("pa_manager.storage") / "migrations"))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return SCHEMA_REVISION


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def _enable_sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()


def _sqlite_revision(path: Path) -> str | None:
    """The schema revision stored in an existing SQLite file, read without changing it."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                if tables:
                    raise DataFileError(f"{path.name} is a database, but not a PA Manager data file.")
                return None
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            con.close()
    except sqlite3.DatabaseError:
        raise DataFileError(
            f"{path.name} is not a PA Manager data file, or it is damaged. Open a backup copy instead."
        ) from None


def backup_path_for(path: Path, when: datetime) -> Path:
    return path.with_name(f"{path.stem}.backup-{when:%Y-%m-%d-%H%M%S}{path.suffix}")


def open_database(location: str | Path, *, now: datetime | None = None) -> tuple[Database, OpenResult]:
    """Open (creating or upgrading) the data file or database URL at `location`."""
    text = str(location)
    backup = None
    if "://" in text:
        engine = create_engine(text)
    else:
        path = Path(text).expanduser()
        if path.is_dir():
            raise DataFileError(f"{path} is a folder. Choose a data file instead.")
        revision = _sqlite_revision(path) if path.exists() and path.stat().st_size else None
        head = head_revision()
        if revision is not None and revision != head and revision not in known_revisions():
            raise DataFileError(
                f"{path.name} was saved by a newer version of PA Manager. Install the latest version to open it."
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        if revision is not None and revision != head:
            backup = backup_path_for(path, now or datetime.now())
            _copy_sqlite(path, backup)
        engine = create_engine(f"sqlite:///{path}")
        _enable_sqlite_pragmas(engine)
    try:
        _upgrade(engine)
    except DataFileError:
        engine.dispose()
        raise
    return Database(engine, text), OpenResult(backup=backup)


def _copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy even if a write-ahead log holds recent changes."""
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _stored_revision(connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _upgrade(engine: Engine) -> None:
    with engine.begin() as connection:
        current = _stored_revision(connection)
        if current == head_revision():
            return
        from alembic import command

        if current is not None and current not in known_revisions():
            raise DataFileError("This database was saved by a newer version of PA Manager. Install the latest version to open it.")
        command.upgrade(_alembic_config(connection), "head")

