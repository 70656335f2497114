"""Opening a data file: the one place engines are made.

A path means a SQLite file (created if new); anything with "://" is a database URL (PostgreSQL for an
organisation). Opening brings the schema up to date with Alembic, after copying an existing SQLite
file to a dated backup beside it. A file written by a newer version of the app is refused untouched.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, exc, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from pa_manager.storage import postgresql
from pa_manager.storage.backup import OWNER_ONLY, backup_path_for, copy_database
from pa_manager.storage.sqlite_file import WAIT_FOR_FILE_SECONDS, DataFileError, inspect_file

# The newest migration's revision id. Opening a file already at this revision needs no Alembic at all,
# which keeps Alembic's import (about a third of a second) off the start-up path.
# tests/storage/test_database.py checks it matches the newest file in migrations/versions.
SCHEMA_REVISION = "0027"


class StorageError(DataFileError):
    """The database refused a read or a write. `code` says why (CLASH, IN_USE, READ_ONLY, DISK_FULL,
    DAMAGED, CANNOT_OPEN, OTHER; for a database server also NO_DRIVER, NO_SERVER, LOGIN_REFUSED, NO_PERMISSION,
    NO_DATABASE, NOT_SUPPORTED, BAD_ADDRESS: storage/postgresql.py); the message never quotes the
    statement or its values, which can hold a PA's NI number or date of birth."""

    def __init__(self, code: str, message: str):
        super().__init__(message, code)


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

    def __init__(self, engine: Engine, location: str, *, read_only: bool = False, passphrase: str | None = None):
        self.engine = engine
        self.location = location
        self.read_only = read_only  # opened to look at only: every write is refused in words
        # An encrypted file's passphrase, held in memory only while the file is open (backups are made
        # with it); never written anywhere.
        self.passphrase = passphrase
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # A writing session takes the write lock as it starts (SQLite: BEGIN IMMEDIATE), so what it
        # reads cannot change under it before it writes: read-check-write is one step, even across
        # processes. Other databases get the same from the services' row locks (lock_employer).
        self._writing = sessionmaker(engine.execution_options(sqlite_begin="BEGIN IMMEDIATE"),
                                     expire_on_commit=False)
        self._open: ContextVar[Session | None] = ContextVar(f"open_session_{id(self)}", default=None)
        self._touched: set[str] = set()
        self._touched_lock = threading.Lock()
        _track_writes(engine, self)

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """One transaction: committed if the block finishes, rolled back if it raises. `write=True`
        for an action that reads, decides and writes (finalising, importing). A refusal by the
        database becomes a StorageError with a plain sentence.

        One user action, one session: a session asked for while another is open in the same thread
        (a service called from inside another's transaction, or an action that opens one session around
        every service it calls) is that same session, and its work is part of that transaction."""
        current = self._open.get()
        if current is not None:
            yield current
            return
        try:
            with (self._writing if write else self._sessions).begin() as session:
                token = self._open.set(session)
                try:
                    yield session
                finally:
                    self._open.reset(token)
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

    def _note_touched(self, tables: set[str]) -> None:
        with self._touched_lock:
            self._touched |= tables

    def take_touched(self) -> frozenset[str]:
        """The tables written by the transactions committed since the last time this was asked (what a
        user action changed, for the window to redraw only what shows it)."""
        with self._touched_lock:
            touched, self._touched = frozenset(self._touched), set()
        return touched

    @property
    def encrypted(self) -> bool:
        return self.passphrase is not None

    def close(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Database({self.location!r}, read_only={self.read_only}, encrypted={self.encrypted})"


def _alembic_config(connection=None):
    from alembic.config import Config

    config = Config()
    # Found through importlib.resources so a frozen (PyInstaller) app finds its migrations too.
    config.set_main_option("script_location", str(resources.files("pa_manager.storage") / "migrations"))
    config.attributes["connection"] = connection
    return config


# --- what each transaction wrote ------------------------------------------------------------------
# Every INSERT, UPDATE and DELETE (the ORM's and plain statements alike) goes through the engine's
# "before_execute": counting them per connection lets a transaction know whether a list it read is still
# true, and naming their tables on commit lets the window redraw only what a user action changed.
_WRITES = "pa_manager_writes"
_TOUCHED = "pa_manager_touched"


def _track_writes(engine: Engine, db: "Database") -> None:
    from sqlalchemy.sql.dml import UpdateBase

    @event.listens_for(engine, "before_execute")
    def _on_execute(connection, statement, *_args) -> None:
        if isinstance(statement, UpdateBase):
            info = connection.info
            info[_WRITES] = info.get(_WRITES, 0) + 1
            table = getattr(statement, "table", None)
            info.setdefault(_TOUCHED, set()).add(getattr(table, "name", "") or "")

    @event.listens_for(engine, "commit")
    def _on_commit(connection) -> None:
        touched = connection.info.pop(_TOUCHED, None)
        if touched:
            db._note_touched(touched)

    @event.listens_for(engine, "rollback")
    def _on_rollback(connection) -> None:
        connection.info.pop(_TOUCHED, None)


def remembered(session: Session, key, compute):
    """`compute()`, or what it gave earlier in the same transaction when nothing has been written since:
    for lists several services read in one user action (the employer's PAs, say). `compute` must give
    a value nobody changes (frozen records, a tuple)."""
    if session.new or session.dirty or session.deleted:
        return compute()
    connection = session.connection()
    memo = session.info.setdefault("remembered", {})
    found = memo.get(key)
    writes = connection.info.get(_WRITES, 0)
    if found is not None and found[0] == writes:
        return found[1]
    value = compute()
    memo[key] = (connection.info.get(_WRITES, 0), value)
    return value


def head_revision() -> str:
    return SCHEMA_REVISION


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def _enable_sqlite_pragmas(engine: Engine, *, read_only: bool, throwaway: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # The driver's own transaction handling starts a transaction only at the first write, so a
        # read and the write that depends on it would not be one transaction; we BEGIN ourselves.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if throwaway:  # the demo's file, deleted at the end: no need to wait for the disk on each change
            cursor.execute("PRAGMA synchronous=OFF")
        if not read_only:
            # A rollback journal, not a write-ahead log: once a transaction is committed it is in the
            # data file itself, so a copy of that one file (to a USB stick, by a backup program) is
            # always whole, even straight after a crash.
            cursor.execute("PRAGMA journal_mode=DELETE")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql(connection.get_execution_options().get("sqlite_begin", "BEGIN"))


def lock_employer(session: Session, employer_id: int) -> None:
    """Hold the employer's row until the transaction ends, so two writers for one employer take turns
    (PostgreSQL; SQLite's writing session already holds the whole file)."""
    from pa_manager.storage.models import Employer

    session.execute(select(Employer.id).where(Employer.id == employer_id).with_for_update())


def open_database(location: str | Path, *, now: datetime | None = None, create: bool = True,
                  read_only: bool = False, passphrase: str | None = None,
                  throwaway: bool = False) -> tuple[Database, OpenResult]:
    """Open (creating or upgrading) the data file or database URL at `location`.

    A file is looked at first, without changing it (storage/sqlite_file.py): a missing file is made
    only when `create` is true; a damaged, read-only, newer or foreign file is refused in words. An
    older file is copied to a dated backup beside it before it is upgraded. `read_only` opens an
    existing file to look at only. `passphrase` opens an encrypted file (storage/cipher.py), or makes a
    new file encrypted; without it an encrypted file is refused with the code ENCRYPTED. `throwaway`
    is for a file nobody keeps (the demo), written without waiting for the disk."""
    text = str(location)
    backup = None
    if "://" in text:
        engine = _url_engine(text)
    else:
        path = Path(text).expanduser()
        state = inspect_file(path, create=create, read_only=read_only, passphrase=passphrase)
        head = head_revision()
        if state.revision is not None and state.revision != head and state.revision not in known_revisions():
            raise DataFileError(f"{path.name} was saved by a newer version of PA Manager. Install the latest version "
                                "to open it.", "NEWER_VERSION")
        if state.revision is not None and state.revision != head:
            if read_only:
                raise DataFileError(f"{path.name} was saved by an older version of PA Manager and must be brought up "
                                    "to date, which changes it. Open it normally (not read-only) first.", "NEEDS_UPGRADE")
            backup = backup_path_for(path, now or datetime.now())
            copy_database(path, backup, passphrase)
        if not state.exists:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            path.touch(mode=OWNER_ONLY)
        if state.writable:
            os.chmod(path, OWNER_ONLY)  # the records are personal: the user's own, whoever else uses the computer
        if state.encrypted:
            engine = _encrypted_engine(path, passphrase, read_only=read_only)
        else:
            url = f"sqlite:///file:{path}?mode=ro&uri=true" if read_only else f"sqlite:///{path}"
            engine = create_engine(url, connect_args={"timeout": WAIT_FOR_FILE_SECONDS})
        _enable_sqlite_pragmas(engine, read_only=read_only, throwaway=throwaway)
    try:
        _upgrade(engine)
    except DataFileError:
        engine.dispose()
        raise
    except exc.DBAPIError as error:
        engine.dispose()
        raise storage_error(error) from None
    location = postgresql.without_password(text) if "://" in text else text
    return Database(engine, location, read_only=read_only, passphrase=passphrase if "://" not in text else None), \
        OpenResult(backup=backup)


def _url_engine(address: str) -> Engine:
    """A database URL (PostgreSQL): storage/postgresql.py makes the engine and words its refusals."""
    try:
        return postgresql.url_engine(address)
    except postgresql.Unusable as error:
        raise StorageError(error.code, str(error)) from None


def _encrypted_engine(path: Path, passphrase: str, *, read_only: bool) -> Engine:
    """SQLAlchemy's SQLCipher dialect over sqlcipher3: the same models, migrations and services. The
    passphrase goes in the URL object (in memory; SQLAlchemy hides it when the URL is shown). A pool like
    the plain file's (the dialect's default keeps one connection per thread), since each new connection
    pays for the key derivation."""
    from sqlalchemy import URL
    from sqlalchemy.pool import QueuePool

    from pa_manager.storage import cipher

    cipher.dbapi()  # the log off before the first key is tried
    database, query = (f"file:{path}", {"mode": "ro", "uri": "true"}) if read_only else (str(path), {})
    url = URL.create("sqlite+pysqlcipher", password=passphrase, database=database, query=query)
    return create_engine(url, poolclass=QueuePool, connect_args={"timeout": WAIT_FOR_FILE_SECONDS})


def _create(connection) -> None:
    """A new, empty database: the tables the models describe, marked as at the newest migration.
    The same schema the migrations build (tests/storage/test_database.py holds them to it), without
    loading Alembic or running every migration in turn."""
    from pa_manager.storage.models import Base

    Base.metadata.create_all(connection, checkfirst=False)  # the file has no tables (_upgrade looked)
    connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                            "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"))
    connection.execute(text("INSERT INTO alembic_version (version_num) VALUES (:head)"), {"head": head_revision()})


def _stored_revision(connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _upgrade(engine: Engine) -> None:
    with engine.begin() as connection:
        current = _stored_revision(connection)
        if current == head_revision():
            return
        if current is None and not inspect(connection).get_table_names():
            _create(connection)
            return
        from alembic import command

        if current is not None and current not in known_revisions():
            raise DataFileError("This database was saved by a newer version of PA Manager. Install the latest version to open it.")
        command.upgrade(_alembic_config(connection), "head")

