"""Encrypted data files: SQLCipher (through the sqlcipher3 binding) under the same SQLite code.

An encrypted file is a whole SQLite database whose every page, header included, is encrypted with a key
made from the passphrase (SQLCipher 4: AES-256, PBKDF2-HMAC-SHA512, an HMAC on every page). Plain sqlite3
cannot read it, and a wrong passphrase reads nothing, so it cannot be told from damage by its bytes
alone: `looks_encrypted` is a guess from the outside, and only the right passphrase proves it.

The passphrase is handed in by whoever asked the person for it and is kept in memory only: nothing here
writes it anywhere. sqlcipher3 is imported only when an encrypted file is met.
"""
from __future__ import annotations

import os
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"


_quiet = False


def dbapi():
    """The sqlcipher3 DB-API module, with SQLCipher's own log switched off: it would otherwise print
    to stderr on every failed passphrase, and the command line says things in one sentence."""
    global _quiet
    try:
        from sqlcipher3 import dbapi2
    except ImportError:  # pragma: no cover - it is a dependency; a broken install says so in words
        from pa_manager.storage.sqlite_file import DataFileError

        raise DataFileError("Encrypted data files need the sqlcipher3 package, which is missing from this "
                            "installation of PA Manager. Reinstall PA Manager.", "NO_ENCRYPTION") from None
    if not _quiet:
        con = dbapi2.connect(":memory:")
        try:
            con.execute("PRAGMA cipher_log_level = NONE")  # process-wide
        finally:
            con.close()
        _quiet = True
    return dbapi2


def dbapi_errors() -> type[Exception]:
    """SQLCipher's error class (its own, not sqlite3's), for `except` clauses."""
    from pa_manager.storage.sqlite_file import DataFileError

    try:
        return dbapi().Error
    except DataFileError:  # pragma: no cover - no sqlcipher3: nothing of it can fail
        return DataFileError


def quote(passphrase: str) -> str:
    """A passphrase as an SQL string literal (PRAGMA key takes no parameters)."""
    return "'" + passphrase.replace("'", "''") + "'"


def connect(path: Path | str, passphrase: str, *, read_only: bool = False, timeout: float = 5.0):
    """A SQLCipher connection to `path`, keyed. The key is only tried at the first read, so callers read
    something (`check_key`) before trusting it."""
    module = dbapi()
    if read_only:
        con = module.connect(f"file:{path}?mode=ro", uri=True, timeout=timeout, isolation_level=None)
    else:
        con = module.connect(str(path), timeout=timeout, isolation_level=None)
    try:
        con.execute(f"PRAGMA key = {quote(passphrase)}")
    except BaseException:
        con.close()
        raise
    return con


def key_opens(con) -> bool:
    """True when the connection's passphrase opens its file: SQLCipher says "file is not a database"
    for a wrong passphrase (and for a damaged or foreign file: they look the same)."""
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi().DatabaseError as error:
        if "not a database" in str(error) or "encrypted" in str(error):
            return False
        raise
    return True


def looks_encrypted(path: Path) -> bool:
    """A guess from the bytes: not SQLite's header, whole pages, and a first page that looks random (as
    encrypted pages do, and a text file, a picture or a zeroed-out header does not)."""
    size = path.stat().st_size
    if size == 0 or size % 512:
        return False
    with path.open("rb") as file:
        first = file.read(4096)
    if first.startswith(SQLITE_HEADER):
        return False
    return len(set(first)) >= min(200, len(first) // 3)


def export_encrypted(source_connection, target: Path, passphrase: str) -> None:
    """Write the whole database of a plain connection (plain sqlite3 opened by sqlcipher3, no key) into a
    new encrypted file at `target`."""
    source_connection.execute(f"ATTACH DATABASE {quote(str(target))} AS encrypted KEY {quote(passphrase)}")
    try:
        source_connection.execute("SELECT sqlcipher_export('encrypted')")
    finally:
        source_connection.execute("DETACH DATABASE encrypted")


def sync(path: Path) -> None:
    """Make sure a file's bytes are on the disk before it is put in place of another."""
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def scrub(handle: int) -> None:
    """Overwrite a file (by an open handle to it, after it has been replaced) with zeros, so its plain
    bytes are not simply left in free space. A best effort: a solid-state disk, a journalling file system
    or a sync program may still keep old copies out of reach."""
    size = os.fstat(handle).st_size
    os.lseek(handle, 0, os.SEEK_SET)
    block = b"\x00" * 65536
    written = 0
    while written < size:
        written += os.write(handle, block[: min(len(block), size - written)])
    os.fsync(handle)
