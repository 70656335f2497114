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
    assert not gc.isenabled()
    gone = _garbage_cycle()
    kept = [_Node() for _ in range(gc.get_threshold()[0] + 1)]  # past the youngest generation's threshold
    alive = gone() is not None   # (not asserted on the call itself: pytest would keep the object it returns)
    assert alive                 # nobody collected in passing
    qtbot.waitUntil(lambda: gone() is None, timeout=3000)   # the window's timer did
    assert len(kept) > gc.get_threshold()[0]


def test_nothing_is_collected_before_python_would_have(qtbot):
    gc.collect()
    kept = _garbage_cycle()
    collector.collect_due()  # the count is far under the threshold just after a collection
    alive = kept() is not None
    assert alive
    gc.collect()
    assert kept() is None

