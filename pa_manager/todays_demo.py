"""Today's demo household, kept in the user's cache folder so that a second `--demo` the same day copies it
(made-up people only: nothing personal), and, on Linux, made by a second process while the window starts.

Making the demo (two years of pay runs) takes about as long as starting the window and loading the
database layer, and both are Python, so in one process one waits for the other. `start_making` forks before
the window is made: the copy makes the demo on the other processor core into the cache folder and ends, and
the window waits for it (`finished`) only when it needs the records. Forking is for Linux only (macOS's
system libraries are not safe to fork; Windows has no fork): elsewhere the window makes the demo itself,
away from its own thread, as before. No Qt here: the fork happens before Qt is loaded.
"""
from __future__ import annotations

import os
import shutil
import sys
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

    _kept_from(lambda partial: copy_database(location, partial), today)


def make(today: date) -> None:
    """Make today's demo straight into the cache folder (what the forked process does)."""
    from pa_manager.services.data_files import open_data_file
    from pa_manager.services.demo import create_demo

    def made(partial: Path) -> None:
        opened = open_data_file(partial, create=True, throwaway=True, back_up=False)
        try:
            create_demo(opened.db, today)
        finally:
            opened.db.close()

    _kept_from(made, today)


def _kept_from(write, today: date) -> None:
    kept = kept_path(today)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        for old in kept.parent.glob("demo-*.sqlite3"):
            old.unlink(missing_ok=True)
        partial = kept.with_name(f".{kept.name}.{os.getpid()}")
        partial.unlink(missing_ok=True)
        try:
            write(partial)
            partial.replace(kept)  # whole or not at all: the window never copies half a demo
        finally:
            partial.unlink(missing_ok=True)
    except OSError:
        pass


def start_making(today: date) -> int | None:
    """On Linux, when today's demo is not kept yet: fork a process that makes it, and return its process id
    for `finished`. None where it is kept already, or where the window must make it itself."""
    if sys.platform != "linux" or kept_path(today).is_file():
        return None
    try:
        child = os.fork()
    except OSError:
        return None
    if child:
        return child
    ended = 1
    try:
        # Nothing it could print belongs on the window's terminal, nor should it hold the window's pipes open.
        quiet = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1, 2):
            os.dup2(quiet, stream)
        make(today)
        ended = 0
    except BaseException:  # the window makes it instead: nothing to say here
        pass
    finally:
        os._exit(ended)  # no clean-up of the parent's (its temporary folder, its exit handlers)


def finished(child: int, *, wait: bool = True) -> bool | None:
    """Whether the process `start_making` forked made the demo: True or False once it has ended; None
    while it is still making it (only with wait=False, which does not wait)."""
    try:
        ended, status = os.waitpid(child, 0 if wait else os.WNOHANG)
    except ChildProcessError:
        return False
    if not ended:
        return None
    return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
