"""At the next start the window shows at once what its dashboard showed when it closed (while the file still
holds just that), then the records read afresh take its place, saying the same."""
from pathlib import Path

import pytest

from pa_manager.storage import first_view
from tests.conftest import TODAY


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _lines(status_list) -> list[str]:
    return [status_list.item(i).text() for i in range(status_list.count())]


def test_the_dashboard_kept_at_closing_is_shown_first_next_time_then_the_records(qtbot, demo_context):
    from pa_manager.ui.context import AppContext
    from pa_manager.ui.main_window import MainWindow

    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.keep_first_view = True
    window.show()
    due, glance = _lines(window.dashboard.due), _lines(window.dashboard.glance)
    assert due and any(line.startswith("On track") or "balance" in line for line in glance)
    window.close()
    path = Path(demo_context.db.location)
    kept = first_view.kept(path, TODAY)
    assert kept is not None and kept["employer_id"] == demo_context.employer_id

    later = MainWindow()
    qtbot.addWidget(later)
    shown = []
    later.records_shown.connect(lambda: shown.append(later.context))
    later.show()
    later.show_first_view(kept)
    first = later.stack.currentWidget()
    assert shown == [None]  # the records are on screen before any are read
    assert first.heading.text() == "Margaret Okafor" and _lines(first.due) == due and _lines(first.glance) == glance
    assert later.employer_box.currentText() == "Margaret Okafor"
    assert later.client_heading.text() == "Margaret Okafor's records"

    context = AppContext(demo_context.db, today=lambda: TODAY)
    context.set_employer(demo_context.employer_id)
    later.attach(context)
    assert later.stack.currentWidget() is later.dashboard and first is not later.dashboard
    assert _lines(later.dashboard.due) == due and _lines(later.dashboard.glance) == glance
    assert shown[-1] is context


def test_nothing_is_kept_unless_the_app_asks_for_it(qtbot, demo_context):
    from pa_manager.ui.main_window import MainWindow

    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()
    window.close()  # tests and the demo: keep_first_view is off
    assert first_view.kept(Path(demo_context.db.location), TODAY) is None
