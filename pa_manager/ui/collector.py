"""Python's cycle collector, run only in the window's thread.

Left to itself, the collector runs in whichever thread reaches its threshold. When that is the background
thread (ui/background.py) and the garbage holds Qt objects, Qt destroys them in that thread: it takes Qt's
signal lock and then waits for Python's lock, which the window's thread holds while it waits for that
signal lock to connect a new widget. Both wait for ever (seen in the tests: a caseload task's query
collected an earlier window's widgets while the next window was being built). So once work runs in the
background, automatic collection is switched off and the window's thread collects on a timer instead,
generation by generation as Python itself would.
"""
from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 250

_collector: "_Collector | None" = None


class _Collector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.timeout.connect(collect_due)
        self._timer.start(INTERVAL_MS)
        # Gone with its application: Python collects by itself again rather than never.
        self.destroyed.connect(gc.enable)

    def active(self) -> bool:
        return self._timer.isActive()


def collect_due() -> None:
    """Collect what Python would have collected by now: the youngest generation once it has grown past
    its threshold, an older one once its own count has."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return
    generation = 2 if counts[2] > thresholds[2] else 1 if counts[1] > thresholds[1] else 0
    gc.collect(generation)


def collect_in_window_thread() -> None:
    """From now on, collect only in this (the window's) thread. Call it there, once the application
    exists, before any work is sent to the background; calling it again does nothing."""
    global _collector
    app = QCoreApplication.instance()
    if app is None or (_collector is not None and shiboken6.isValid(_collector)
                       and _collector.thread() is app.thread()):
        return
    _collector = _Collector(app)  # the first, or one whose application has gone
    gc.disable()


def collecting() -> bool:
    """Whether the window's thread is collecting (automatic collection then stays off)."""
    return _collector is not None and shiboken6.isValid(_collector) and _collector.active()
