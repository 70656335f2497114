"""Start the desktop app: Qt, the data file, the main window."""
from __future__ import annotations

import sys
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


def run(location: str | Path, demo: bool = False) -> int:
    """Show the window first, then open the records into it, so the app appears at once."""
    from pa_manager.ui.main_window import MainWindow

    app = make_application()
    window = MainWindow()
    window.show()
    app.processEvents()
    if not open_records(window, location, demo):
        return 1
    return app.exec()


def open_records(window, location: str | Path, demo: bool = False) -> bool:
    from pa_manager.storage.database import DataFileError, open_database
    from pa_manager.ui.context import AppContext

    try:
        db, opened = open_database(location)
    except DataFileError as error:
        QMessageBox.critical(window, "PA Manager could not open your data", str(error))
        return False
    context = AppContext(db)
    if demo:
        from pa_manager.services.demo import create_demo

        context.set_employer(create_demo(db, date.today()))
    window.attach(context)
    if opened.backup:
        window.statusBar().showMessage(f"Upgraded your data file. A copy of the old one is in {opened.backup}.")
    return True
