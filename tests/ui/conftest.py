import pytest

from tests.conftest import TODAY


@pytest.fixture
def context(qtbot, db):
    from pa_manager.ui.context import AppContext

    return AppContext(db, today=lambda: TODAY)


@pytest.fixture
def demo_context(qtbot, demo_db):
    from pa_manager.services.employers import find_employer
    from pa_manager.ui.context import AppContext

    context = AppContext(demo_db, today=lambda: TODAY)
    context.set_employer(find_employer(demo_db, "Margaret Okafor").id)
    return context


@pytest.fixture
def window(qtbot, demo_context):
    from pa_manager.ui.main_window import MainWindow

    w = MainWindow(demo_context)
    qtbot.addWidget(w)
    w.show()
    return w
