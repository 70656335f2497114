import pytest

from tests.conftest import TODAY


@pytest.fixture(scope="session", autouse=True)
def _own_settings(tmp_path_factory):
    """The text size and theme the tests choose are kept in a folder of their own, never the user's."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path_factory.mktemp("settings")))


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
