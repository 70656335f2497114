"""--demo in the window: the first of the day is made away from the window's thread and kept; the next
that day copies it and opens at once."""
import pytest

from pa_manager import todays_demo
from pa_manager.app import open_records
from pa_manager.ui.main_window import MainWindow
from tests.conftest import TODAY


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def open_demo(qtbot, folder) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    folder.mkdir()
    assert open_records(window, folder / "demo.sqlite3", demo=True, create=True, today=lambda: TODAY)
    return window


def test_the_first_demo_of_the_day_is_made_and_kept_and_the_next_is_copied(qtbot, tmp_path, cache):
    first = open_demo(qtbot, tmp_path / "first")
    assert first.context is None and first.opening.text() == "Making the demo household…"  # the window is not held
    qtbot.waitUntil(lambda: first.context is not None, timeout=60_000)
    assert first.client_heading.text() == "Margaret Okafor's records"
    kept = todays_demo.kept_path(TODAY)
    qtbot.waitUntil(kept.is_file, timeout=30_000)  # copied away from the window's thread, once it is made
    made_at = kept.stat().st_mtime_ns

    second = open_demo(qtbot, tmp_path / "second")
    assert second.context is not None  # copied and opened: nothing left to make
    assert second.client_heading.text() == "Margaret Okafor's records"
    assert kept.stat().st_mtime_ns == made_at
    for window in (first, second):
        window.context.background.shutdown()
        window.context.db.close()
