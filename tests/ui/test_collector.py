"""Python's cycle collector runs only in the window's thread once work runs in the background
(pa_manager/ui/collector.py): a worker thread that collected Qt widgets deadlocked the tests."""
from __future__ import annotations

import gc
import weakref

from pa_manager.ui import collector


class _Node:
    pass


def _garbage_cycle() -> weakref.ref:
    node = _Node()
    node.me = node  # only the cycle collector can free it
    return weakref.ref(node)


def test_background_work_switches_automatic_collection_off_and_the_window_collects_instead(qtbot):
    from pa_manager.ui.background import Background

    Background(threaded=True).shutdown()
    assert not gc.isenabled() and collector.collecting()
    gone = _garbage_cycle()
    kept = [_Node() for _ in range(gc.get_threshold()[0] + 1)]  # past the youngest generation's threshold
    alive = gone() is not None   # (not asserted on the call itself: pytest would keep the object it returns)
    assert alive                 # nobody collected in passing

    def still_allocating_until_collected() -> bool:
        # The count is allocations less deallocations: widgets of earlier tests freed meanwhile bring it
        # down again, so keep allocating, as a program does, until the window's timer collects.
        kept.extend(_Node() for _ in range(100))
        return gone() is None

    qtbot.waitUntil(still_allocating_until_collected, timeout=5000)


def test_nothing_is_collected_before_python_would_have(qtbot):
    gc.collect()
    kept = _garbage_cycle()
    collector.collect_due()  # the count is far under the threshold just after a collection
    alive = kept() is not None
    assert alive
    gc.collect()
    assert kept() is None



def test_when_the_collector_goes_python_collects_by_itself_again(qtbot):
    import gc

    import shiboken6
    from PySide6.QtCore import QObject

    from pa_manager.ui.collector import _Collector, collecting

    owner = QObject()
    _Collector(owner)
    gc.disable()
    try:
        shiboken6.delete(owner)  # as an application going takes its collector with it
        assert gc.isenabled()
    finally:
        if collecting():  # the tests' own window-thread collector is still there: keep to it
            gc.disable()
