"""--demo in the window: the window stays responsive while a second process makes today's demo
(todays_demo.start_making), then copies it; when that process could not make it, the window makes it
itself, away from its own thread."""
import os
import sys

import pytest

from pa_manager import todays_demo
from pa_manager.app import open_records
from pa_manager.ui.main_window import MainWindow
from tests.conftest import TODAY


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def ended(code: int) -> int:
    """The id of a child process that ends with `code`, as the demo's maker ends, left for open_records to wait
    for (posix_spawn: no Python object that might wait for it first)."""
    return os.posix_spawn(sys.executable, [sys.executable, "-c", f"raise SystemExit({code})"], dict(os.environ))


def open_demo(qtbot, tmp_path, being_made: int) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert open_records(window, tmp_path / "demo.sqlite3", demo=True, create=True, today=lambda: TODAY,
                        demo_being_made=being_made)
    return window


def test_the_demo_the_second_process_made_is_opened_when_it_ends(qtbot, tmp_path, cache):
    todays_demo.make(TODAY)
    kept = todays_demo.kept_path(TODAY)
    made_at = kept.stat().st_mtime_ns
    window = open_demo(qtbot, tmp_path, ended(0))
    assert window.context is None and window.opening.text() == "Making the demo household…"  # not waited for
    qtbot.waitUntil(lambda: window.context is not None, timeout=30_000)
    assert window.client_heading.text() == "Margaret Okafor's records"
    assert kept.stat().st_mtime_ns == made_at  # copied, not made again
    window.context.background.shutdown()
    window.context.db.close()


def test_when_the_second_process_failed_the_window_makes_the_demo_itself(qtbot, tmp_path, cache):
    window = open_demo(qtbot, tmp_path, ended(1))
    qtbot.waitUntil(lambda: window.context is not None, timeout=60_000)
    assert window.client_heading.text() == "Margaret Okafor's records"
    assert todays_demo.kept_path(TODAY).is_file()  # kept for the next --demo today
    window.context.background.shutdown()
    window.context.db.close()
