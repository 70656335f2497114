"""Start the desktop app: Qt, the data file, the main window."""
from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleFactory

from pa_manager.config import APP_NAME

# The icons (resources/icons at the top of the repository): found beside the pa_manager folder, which
# is where both a source checkout and the frozen build (installers/pa-manager.spec) have them.
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
# For checking a build, never needed by users: quit as soon as the window shows the records, saying on
# stdout what it shows (exit code 0), or 1 if it shows none. Setting it changes nothing else.
QUIT_WHEN_SHOWN = "PA_MANAGER_QUIT_WHEN_SHOWN"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("pa-manager")  # matches installers/linux/pa-manager.desktop, so menus show our icon
    app.setWindowIcon(app_icon())
    # The platform's own style where it has one; Fusion where it has none (for example on bare X11).
    if app.style().name().lower() in {"windows", ""} and "Fusion" in QStyleFactory.keys():
        app.setStyle("Fusion")
    return app


def app_icon() -> QIcon:
    """The app's icon at every size drawn, or the icon theme's (a Linux install's menu entry) if this
    copy has no resources folder (a wheel installed without the source tree)."""
    icon = QIcon()
    for png in sorted(ICONS.glob("pa-manager-*.png")):
        icon.addFile(str(png))
    return icon if not icon.isNull() else QIcon.fromTheme("pa-manager")


def run(location: str | Path, demo: bool = False, *, create: bool = False, portable: bool = False,
        passphrase: str | None = None) -> int:
    """Show the window first, then open the records into it, so the app appears at once. `create`:
    the location is the app's own default file, made on first use. `portable`: said in the window."""
    from pa_manager.ui.main_window import MainWindow

    app = make_application()
    sys.excepthook = _say_what_went_wrong
    window = MainWindow()
    window.portable = portable
    window.show()
    app.processEvents()
    if not open_records(window, location, demo, create=create or demo, passphrase=passphrase):
        return 1
    if os.environ.get(QUIT_WHEN_SHOWN):
        QTimer.singleShot(0, lambda: app.exit(_say_what_is_shown(window)))
    return app.exec()


def _say_what_is_shown(window) -> int:
    """For QUIT_WHEN_SHOWN: one line on what is on screen (the window, whose records, the area open)."""
    page = window.stack.currentWidget()
    shown = window.isVisible() and window.context is not None and page in window.pages
    print(f"Shown: {window.windowTitle()} | {window.client_heading.text()} | {getattr(page, 'title', 'no records')}",
          flush=True)
    return 0 if shown else 1


def open_records(window, location: str | Path, demo: bool = False, *, create: bool = False,
                 passphrase: str | None = None) -> bool:
    from pa_manager.ui.context import AppContext
    from pa_manager.ui.open_data import open_data

    data = open_data(window, location, create=create, passphrase=passphrase, throwaway=demo)
    if data is None:
        return False
    context = AppContext(data.db)
    if demo:
        from pa_manager.services.demo import create_demo

        context.set_employer(create_demo(data.db, date.today()))
    window.attach(context, data)
    if data.opened.backup:
        window.statusBar().showMessage(f"Upgraded your data file. A copy of the old one is in {data.opened.backup}.")
    elif data.backup_problem:
        window.statusBar().showMessage(data.backup_problem)
    return True


def _say_what_went_wrong(kind, error, trace) -> None:
    """The last guard in the window: a refusal by the data file (read-only, in use, full) is said in its
    own sentence; anything else in a general one. Never a traceback on screen, nor personal data."""
    from pa_manager.storage.database import DataFileError

    if isinstance(error, DataFileError):
        QMessageBox.warning(QApplication.activeWindow(), "That was not saved", str(error))
    else:
        QMessageBox.critical(QApplication.activeWindow(), "Something went wrong",
                             f"Something unexpected went wrong ({kind.__name__}). What you were doing may not have "
                             "been saved. Check it, and if it happens again, please report it.")
    sys.__excepthook__(kind, error, trace)  # still written to the terminal, for whoever is fixing it
