"""A shared database on a PostgreSQL server: the engine for a database URL, and what the server's
refusals mean in plain words. storage/database.py calls in here for any location with "://".

The same models and migrations serve SQLite and PostgreSQL. What differs is kept here: the driver
(psycopg 3, the `postgres` extra), the words for a server that cannot be reached, a login refused or
a database that is not there, and the sequences behind the ids (see `watch_explicit_ids`).
"""
from __future__ import annotations

from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.engine import make_url

# The driver PA Manager declares (pip install 'pa-manager[postgres]'): plain postgresql:// URLs use it.
DRIVER = "postgresql+psycopg"
CONNECT_TIMEOUT_SECONDS = 10
# How long a change waits for a record someone else is changing (a row lock) before giving up with
# IN_USE's sentence: as long as SQLite waits for a locked file.
LOCK_TIMEOUT_MILLISECONDS = 5000

# What a server's refusal to connect says (libpq's and psycopg's words), most specific first; checked
# before storage/database.py's own list, which is about a database already open.
REFUSALS = (
    ("LOGIN_REFUSED", ("password authentication failed", "no password supplied", "pg_hba.conf",
                       "authentication failed", "role \"")),
    ("NO_DATABASE", ("database \"",)),  # 'database "x" does not exist'
    ("NO_SERVER", ("connection refused", "could not connect", "failed to resolve host",
                   "could not translate host name", "name or service not known", "timeout expired",
                   "no route to host", "network is unreachable", "server closed the connection",
                   "connection to server at", "consuming input failed", "the connection is closed")),
    ("NO_PERMISSION", ("permission denied for", "must be owner of")),  # a login that may only read
    ("IN_USE", ("lock timeout",)),  # 'canceling statement due to lock timeout'
)
SENTENCES = {
    "NO_DRIVER": "PA Manager cannot use a PostgreSQL database until its PostgreSQL support is installed: "
                 "run pip install 'pa-manager[postgres]' (or, in a copy of the source, pip install -e '.[postgres]').",
    "NOT_SUPPORTED": "PA Manager keeps its records in a SQLite data file or a PostgreSQL database: give a file, "
                     "or an address like postgresql://name@server:5432/database.",
    "BAD_ADDRESS": "That database address cannot be read: write it like postgresql://name@server:5432/database.",
    "NO_SERVER": "The database server cannot be reached, so nothing was opened or saved. Check the server's name "
                 "and port in the address, and that the server is running and this computer is connected to it.",
    "LOGIN_REFUSED": "The database server refused the user name or password, so nothing was opened or saved. "
                     "Check them in the address (postgresql://name:password@server/database) with whoever "
                     "looks after the server.",
    "NO_DATABASE": "The database server has no database by that name, so nothing was opened or saved. Check the "
                   "name at the end of the address, or ask whoever looks after the server to create it.",
    "NO_PERMISSION": "Your login to the database server is not allowed to make that change, so nothing was saved. "
                     "Ask whoever looks after the server to let it change PA Manager's records.",
}


class Unusable(Exception):
    """A database URL that cannot be used; `code` is a key of SENTENCES."""

    def __init__(self, code: str):
        super().__init__(SENTENCES[code])
        self.code = code


def url_engine(address: str) -> Engine:
    """The engine for a database URL. postgresql:// (or postgres://) means PostgreSQL through psycopg 3;
    a URL naming its own driver (postgresql+psycopg2://, sqlite:///) is taken as written."""
    try:
        url = make_url(address)
    except (exc.ArgumentError, ValueError):
        raise Unusable("BAD_ADDRESS") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername=DRIVER)
    options = {}
    if url.get_backend_name() == "postgresql":
        options = {"pool_pre_ping": True,  # a shared server may restart while the app is open
                   "connect_args": {"connect_timeout": CONNECT_TIMEOUT_SECONDS, "application_name": "PA Manager",
                                    "options": f"-c lock_timeout={LOCK_TIMEOUT_MILLISECONDS}"}}
    try:
        engine = create_engine(url, **options)
    except ImportError:
        raise Unusable("NO_DRIVER" if url.get_backend_name() == "postgresql" else "NOT_SUPPORTED") from None
    except exc.NoSuchModuleError:
        raise Unusable("NOT_SUPPORTED") from None
    if engine.dialect.name == "postgresql":
        watch_explicit_ids()
    return engine


def without_password(location: str) -> str:
    """A location fit to show on screen: a database URL's password, if it has one, as ***."""
    if "://" not in location:
        return location
    try:
        url = make_url(location)
    except (exc.ArgumentError, ValueError):
        return location.split("://", 1)[0] + "://…"
    return url.render_as_string(hide_password=True) if url.password else location


def refusal_code(message: str) -> str | None:
    """The code for a server's refusal to connect, from its words (lower case), or None."""
    return next((code for code, phrases in REFUSALS if any(p in message for p in phrases)), None)


# --- ids given back by undo ------------------------------------------------------------------------
# Undo and redo put rows back with the ids they had. SQLite then carries on from the largest id; a
# PostgreSQL sequence does not look at the rows, so one that had not yet reached a restored id would
# later hand it out again and the insert would clash. Before a row is inserted with an id of its own,
# its table's sequence is moved past that id (never back: other sessions may be using it).

_ADVANCE = text(
    "SELECT setval(pg_get_serial_sequence(:table, 'id'), :id) "
    "WHERE COALESCE(pg_sequence_last_value(pg_get_serial_sequence(:table, 'id')::regclass), 0) < :id")


def advance_sequence(connection, table: str, row_id: int) -> None:
    """Make sure the table's id sequence will never hand out `row_id` (or anything below it) again."""
    connection.execute(_ADVANCE, {"table": f'"{table}"', "id": row_id})


def _before_insert(_mapper, connection, target) -> None:
    row_id = getattr(target, "id", None)
    if row_id is not None and connection.dialect.name == "postgresql":
        advance_sequence(connection, target.__table__.name, row_id)


def watch_explicit_ids() -> None:
    """Advance the sequence before any ORM insert that gives its own id (once per process), and give the
    tables what they need only on PostgreSQL."""
    from pa_manager.storage.models import Base, postgresql_options

    postgresql_options()

    if not event.contains(Base, "before_insert", _before_insert):
        event.listen(Base, "before_insert", _before_insert, propagate=True)
