"""Work that may take a moment (a year's budget forecast, everyone's caseload), done away from the window
so it never waits for it: the records are on screen first and these lines fill in after.

One task at a time, in one thread (Python runs one thread at a time anyway; a second would only make
each slower). Each task reads through its own database session, which the thread's own context keeps
apart from the window's. The result comes back to the window's thread, and only the newest request
for the same thing is shown: a result that a later request has overtaken is dropped.

Not threaded (the default, and in the tests), a task is done at once, before `run` returns.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor

import shiboken6
from PySide6.QtCore import QObject, Signal

from pa_manager.ui.collector import collect_in_window_thread


class Background(QObject):
    _finished = Signal(object, object, object)  # (key, ticket, callbacks), result, error: to the window's thread
    idle = Signal()  # nothing is left to do

    def __init__(self, parent: QObject | None = None, *, threaded: bool = False):
        super().__init__(parent)
        if threaded:
            collect_in_window_thread()  # never let the worker thread destroy Qt objects (ui/collector.py)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pa-manager") if threaded else None
        self._tickets = itertools.count(1)
        self._latest: dict[Hashable, int] = {}
        self._pending = 0
        self._finished.connect(self._deliver)

    @property
    def threaded(self) -> bool:
        return self._executor is not None

    def run(self, key: Hashable, work: Callable[[], object], done: Callable[[object], None],
            failed: Callable[[BaseException], None] | None = None) -> None:
        """Do `work()`, then `done(result)` in the window's thread, unless `run` was asked again for the
        same key meanwhile (that newer result is the one shown). An error goes to `failed`, or is raised in
        the window's thread, where the last guard says it in words."""
        ticket = next(self._tickets)
        self._latest[key] = ticket
        if self._executor is None:
            try:
                result = work()
            except Exception as error:  # noqa: BLE001 - handed on, as a thread would
                if failed is None:
                    raise
                failed(error)
                return
            done(result)
            return
        self._pending += 1

        def task() -> None:
            try:
                result, error = work(), None
            except BaseException as caught:  # noqa: BLE001 - handed to the window's thread
                result, error = None, caught
            self._finished.emit((key, ticket, done, failed), result, error)

        self._executor.submit(task)

    def _deliver(self, meta, result, error) -> None:
        key, ticket, done, failed = meta
        self._pending -= 1
        try:
            if self._latest.get(key) != ticket or not _still_there(done):
                return  # overtaken by a newer request, or the page it was for has gone
            if error is None:
                done(result)
            elif failed is not None:
                failed(error)
            else:
                raise error
        finally:
            if not self._pending:
                self.idle.emit()

    def busy(self) -> bool:
        """Something is still being worked out."""
        return self._pending > 0

    def forget(self, key: Hashable) -> None:
        """Drop what a task for `key` still to come would show (its page has gone)."""
        self._latest.pop(key, None)

    def shutdown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)


def _still_there(done: Callable) -> bool:
    """Whether the widget a result is for (the owner of the bound method `done`, or of the one a
    functools.partial `done` calls) still exists: a page closed while its figures were being worked out
    (another data file opened) is not shown them."""
    owner = getattr(done, "__self__", None) or getattr(getattr(done, "func", None), "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)
