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

from sqlalchemy import Connection, Engine, create_engine, event, exc, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from pa_manager.storage import postgresql

# The newest migration's revision id. Opening a file already at this revision needs no Alembic at all,
# which keeps Alembic's import (about a third of a second) off the start-up path.
# tests/storage/test_database.py checks it matches the newest file in migrations/versions.
SCHEMA_REVISION = "0009"


class DataFileError(Exception):
    """A data file that cannot be opened or written; the message is one plain sentence for the user."""


class StorageError(DataFileError):
    """The database refused a read or a write. `code` says why (CLASH, IN_USE, READ_ONLY, DISK_FULL,
    DAMAGED, CANNOT_OPEN, OTHER; for a database server also NO_DRIVER, NO_SERVER, LOGIN_REFUSED, NO_PERMISSION,
    NO_DATABASE, NOT_SUPPORTED, BAD_ADDRESS: storage/postgresql.py); the message never quotes the
    statement or its values, which can hold a PA's NI number or date of birth."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


# What the database's own words mean (SQLite's, then PostgreSQL's), most specific first.
_REFUSALS = (
    ("CLASH", ("constraint failed", "violates", "duplicate key")),
    ("IN_USE", ("database is locked", "database table is locked", "could not obtain lock", "deadlock detected",
                "could not serialize")),
    ("READ_ONLY", ("readonly database", "read-only", "permission denied")),
    ("DISK_FULL", ("database or disk is full", "no space left")),
    ("DAMAGED", ("malformed", "disk i/o error", "not a database", "file is encrypted")),
    ("CANNOT_OPEN", ("unable to open database file", "could not connect", "connection refused")),
)
_SENTENCES = {
    "CLASH": "That change clashes with a record already in the data file, so nothing was saved. "
             "Check for a duplicate, then try again.",
    "IN_USE": "Another program, or another PA Manager window, is changing the data file, so nothing was saved. "
              "Wait a moment and try again, or close the other program.",
    "READ_ONLY": "The data file cannot be changed (it or its folder is read-only), so nothing was saved. "
                 "Copy it to a folder you can change, or ask whoever looks after this computer.",
    "DISK_FULL": "The disk is full, so nothing was saved. Free some space, then try again.",
    "DAMAGED": "The data file could not be read or written: the disk or the file may be damaged. Nothing was "
               "saved. Make a copy of the file, then open your latest backup.",
    "CANNOT_OPEN": "The data file cannot be reached. Check that its folder or server is there and that you "
                   "may use it.",
    "OTHER": "The data file refused the change, so nothing was saved. Try again; if it happens again, "
             "open your latest backup.",
}


def storage_error(error: BaseException) -> StorageError:
    """The plain-English refusal for a database error (from SQLAlchemy or the driver)."""
    if isinstance(error, exc.IntegrityError):
        code = "CLASH"
    else:
        found = str(getattr(error, "orig", None) or error).lower()
        code = postgresql.refusal_code(found) or next(
            (c for c, phrases in _REFUSALS if any(p in found for p in phrases)), "OTHER")
    return StorageError(code, _SENTENCES.get(code) or postgresql.SENTENCES[code])


@dataclass(frozen=True)
class OpenResult:
    backup: Path | None  # the copy taken before an upgrade, if one was needed


class Database:
    """An open data file: hands out one session per user action."""

    def __init__(self, engine: Engine, location: str):
        self.engine = engine
        self.location = location
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # A writing session takes the write lock as it starts (SQLite: BEGIN IMMEDIATE), so what it
        # reads cannot change under it before it writes: read-check-write is one step, even across
        # processes. Other databases get the same from the services' row locks (lock_employer).
        self._writing = sessionmaker(engine.execution_options(sqlite_begin="BEGIN IMMEDIATE"),
                                     expire_on_commit=False)

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """One transaction: committed if the block finishes, rolled back if it raises. `write=True`
        for an action that reads, decides and writes (finalising, importing). A refusal by the
        database becomes a StorageError with a plain sentence."""
        try:
            with (self._writing if write else self._sessions).begin() as session:
                yield session
        except exc.DBAPIError as error:
            raise storage_error(error) from None

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A plain connection in one transaction (for whole-table reads and writes)."""
        try:
            with self.engine.begin() as connection:
                yield connection
        except exc.DBAPIError as error:
            raise storage_error(error) from None

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
        # The driver's own transaction handling starts a transaction only at the first write, so a
        # read and the write that depends on it would not be one transaction; we BEGIN ourselves.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql(connection.get_execution_options().get("sqlite_begin", "BEGIN"))


def lock_employer(session: Session, employer_id: int) -> None:
    """Hold the employer's row until the transaction ends, so two writers for one employer take turns
    (PostgreSQL; SQLite's writing session already holds the whole file)."""
    from pa_manager.storage.models import Employer

    session.execute(select(Employer.id).where(Employer.id == employer_id).with_for_update())


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
        engine = _url_engine(text)
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
    except exc.DBAPIError as error:
        engine.dispose()
        raise storage_error(error) from None
    return Database(engine, postgresql.without_password(text)), OpenResult(backup=backup)


def _url_engine(address: str) -> Engine:
    """A database URL (PostgreSQL): storage/postgresql.py makes the engine and words its refusals."""
    try:
        return postgresql.url_engine(address)
    except postgresql.Unusable as error:
        raise StorageError(error.code, str(error)) from None


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

