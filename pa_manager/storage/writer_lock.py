"""One window writing to a data file at a time.

SQLite keeps two programs from corrupting a file, but two windows editing the same records would
each show what the other has overwritten. So the window that opens a file to change it holds a lock
on a small file beside it (`<data file>.lock`) for as long as it is open; a second window is told
and can open the file read-only. The operating system lets go of the lock if the app crashes.
Command-line runs do not take it: each is one short transaction.
"""
from __future__ import annotations

import os
from pathlib import Path

from pa_manager.storage.backup import OWNER_ONLY


class WriterLock:
    def __init__(self, handle: int, path: Path):
        self._handle, self.path = handle, path

    @classmethod
    def acquire(cls, data_file: Path) -> WriterLock | None:
        """The lock, or None when another window holds it."""
        path = data_file.with_name(data_file.name + ".lock")
        handle = os.open(path, os.O_RDWR | os.O_CREAT, OWNER_ONLY)
        try:
            _lock(handle)
        except OSError:
            os.close(handle)
            return None
        return cls(handle, path)

    def release(self) -> None:
        if self._handle >= 0:
            os.close(self._handle)  # closing lets go of the lock
            self._handle = -1


if os.name == "nt":  # pragma: no cover - Windows
    import msvcrt

    def _lock(handle: int) -> None:
        msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
else:
    import fcntl

    def _lock(handle: int) -> None:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
