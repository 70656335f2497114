"""Start the desktop app: Qt, the data file, the main window."""
from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QStyleFactory

from pa_manager.config import APP_NAME


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    # The platform's own style where it has one; Fusion where it has none (for example on bare X11).
    if app.style().name().lower() in {"windows", ""} and "Fusion" in QStyleFactory.keys():
        app.setStyle("Fusion")
    return app


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
    return app.exec()


def open_records(window, location: str | Path, demo: bool = False, *, create: bool = False,
                 passphrase: str | None = None, today: Callable[[], date] = date.today) -> bool:
    """Open the data file into the window; a new, empty one is then set up step by step (the first
    run). `today` is the date the app works from (tests fix it)."""
    from pa_manager.ui.context import AppContext
    from pa_manager.ui.open_data import open_data

    data = open_data(window, location, create=create, passphrase=passphrase, throwaway=demo)
    if data is None:
        return False
    context = AppContext(data.db, today=today)
    if demo:
        from pa_manager.services.demo import create_demo

        context.set_employer(create_demo(data.db, date.today()))
    window.attach(context, data)
    if data.opened.backup:
        window.statusBar().showMessage(f"Upgraded your data file. A copy of the old one is in {data.opened.backup}.")
    elif data.backup_problem:
        window.statusBar().showMessage(data.backup_problem)
    if not demo:
        window.offer_first_run()
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
