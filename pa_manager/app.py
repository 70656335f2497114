"""Start the desktop app: Qt, the data file, the main window."""
from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleFactory


def _ask_without_keeping_sources() -> None:
    """PySide6 asks of every module imported after it whether its source mentions "PySide6" (for its
    `from __feature__ import ...`), through inspect.getsource, which keeps every module's source lines in
    memory for good: 13 MB of lines for the modules the window imports (with ten years of records open the
    window peaked at 151 MiB with them, 128 MiB without). The same question asked of the file's bytes keeps
    nothing. Modules without a .py file (a built app's) are asked as before."""
    feature = sys.modules.get("shibokensupport.feature")
    asked = getattr(feature, "_mod_uses_pyside", None)
    if asked is None or getattr(asked, "reads_bytes", False):
        return

    def mentions_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return asked(module)

    mentions_pyside.reads_bytes = True
    feature._mod_uses_pyside = mentions_pyside


_ask_without_keeping_sources()  # before the app's own modules are imported

from pa_manager import todays_demo  # noqa: E402 - after the line above, as every module imported later
from pa_manager.config import APP_NAME  # noqa: E402
from pa_manager.ui.collector import collecting  # noqa: E402

# The icons (resources/icons at the top of the repository): found beside the pa_manager folder, which
# is where both a source checkout and the frozen build (installers/pa-manager.spec) have them.
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
# For checking a build and for the benchmarks, never needed by users: quit as soon as the window shows
# the records, saying on stdout what it shows and when (_quit_when_shown). Setting it changes nothing else.
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
    gc.disable()  # until the app's own objects are made (_keep_out_of_collection)
    try:
        return _run(location, demo, create=create, portable=portable, passphrase=passphrase)
    finally:
        if not collecting():  # the window's thread collects once work goes to the background (ui/collector.py)
            gc.enable()


def _run(location: str | Path, demo: bool, *, create: bool, portable: bool, passphrase: str | None) -> int:
    from PySide6.QtCore import QSettings

    from pa_manager.ui.main_window import LastEmployer, MainWindow

    app = make_application()
    sys.excepthook = _say_what_went_wrong
    window = MainWindow()
    window.portable = portable
    window.last_employer = LastEmployer(QSettings())  # opens on whoever's records were open last time
    # What the dashboard showed when the window last closed on this file, shown at once if the file still
    # holds just that (storage/first_view.py, reached through services/data_files.py): never for the demo,
    # a USB stick left clean, or an encrypted file.
    window.keep_first_view = not (demo or portable or passphrase is not None)
    window.show()
    app.processEvents()
    if os.environ.get(QUIT_WHEN_SHOWN):
        _quit_when_shown(app, window)
    if window.keep_first_view and isinstance(location, Path):
        from pa_manager.services.data_files import kept_first_view

        kept = kept_first_view(location, date.today())
        if kept is not None:
            window.show_first_view(kept)
            app.processEvents()
    _keep_out_of_collection()
    if not open_records(window, location, demo, create=create or demo, passphrase=passphrase):
        return 1
    return app.exec()


def _keep_out_of_collection() -> None:
    """What starting makes lives as long as the app: the modules and classes of Qt, SQLAlchemy and the app's
    own layers (_record_layers, imported here as open_records imports them), and the window. Python's cycle
    collector would find no garbage among it, yet walk all of it again at every full collection, and its
    youngest generation over and over while it is made. So it is made with the collector off (run), then
    moved out of its sight for good (gc.freeze). Measured in instructions: 3.5% less work for the first
    --demo of a day, 5% for a demo already made today or a household's file (docs/performance-notes.md)."""
    _record_layers()
    gc.freeze()


def _quit_when_shown(app: QApplication, window) -> None:
    """For QUIT_WHEN_SHOWN: "shown <seconds since 1970> <peak memory in KiB>" once the dashboard first
    shows records (those kept from last time, or read now: time to usable for benchmarks/run_all.py);
    once the records read now are on screen, what is shown ("Shown: the window's title | whose records |
    the area open", for checking a build) and "ready ...", then close as a person would and quit: exit
    code 0, or 1 if no records are shown."""
    from PySide6.QtCore import QTimer

    said: list[str] = []

    def report() -> None:
        app.processEvents()  # painted
        try:
            import resource

            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        except ImportError:  # not on Windows
            peak = 0
        if not said:
            said.append("shown")
            print(f"shown {time.time():.6f} {peak}", flush=True)
        if window.context is not None and "ready" not in said:
            said.append("ready")
            page = window.stack.currentWidget()
            print(f"Shown: {window.windowTitle()} | {window.client_heading.text()} | {getattr(page, 'title', 'no records')}")
            print(f"ready {time.time():.6f} {peak}", flush=True)
            window.close()  # as a person closes it (what it keeps for next time is kept)
            app.exit(0 if window.context is not None and page in window.pages else 1)

    window.records_shown.connect(lambda: QTimer.singleShot(0, report))


def _record_layers():
    """What opening records needs: the window's background work, its context and the data file's opening,
    with the services and SQLAlchemy beneath them. Imported once the window shows, not before (run)."""
    from pa_manager.ui.background import Background
    from pa_manager.ui.context import AppContext
    from pa_manager.ui.open_data import open_data

    return Background, AppContext, open_data


def open_records(window, location: str | Path, demo: bool = False, *, create: bool = False,
                 passphrase: str | None = None, today: Callable[[], date] = date.today) -> bool:
    """Open the data file into the window; a new, empty one is then set up step by step (the first
    run). `today` is the date the app works from (tests fix it)."""
    Background, AppContext, open_data = _record_layers()
    if demo:
        todays_demo.copy_kept(Path(location), today())
    data = open_data(window, location, create=create, passphrase=passphrase, throwaway=demo)
    if data is None:
        return False
    context = AppContext(data.db, today=today)
    # What can take a moment (the budget forecast, the caseload, making the demo) is worked out away from the
    # window, so the window is usable at once and the records are on screen first.
    context.background = Background(context, threaded=True)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(context.background.shutdown)
    if demo:
        from pa_manager.services.demo import DEMO_EMPLOYER, create_demo
        from pa_manager.services.employers import find_employer

        made = find_employer(data.db, DEMO_EMPLOYER)
        if made is None:  # the first demo today: made now, away from the window, and kept for next time
            window.opening.setText("Making the demo household…")
            db = data.db

            def made_now(employer_id: int) -> None:
                # Kept for the next --demo today by the background thread (SQLite copies it without holding
                # Python's lock) while this one puts the records on screen; it ends before the app does.
                context.background.run("keep demo", lambda: todays_demo.keep(Path(db.location), today()), _kept)
                context.set_employer(employer_id)
                _attach(window, context, data)

            context.background.run("demo", lambda: create_demo(db, today()), made_now)
            return True
        context.set_employer(made.id)
    _attach(window, context, data)
    if not demo:
        window.offer_first_run()
    return True


def _kept(_: None) -> None:
    """Nothing to show: keeping today's demo says nothing when it cannot (it is made again next time)."""


def _attach(window, context, data) -> None:
    window.attach(context, data)
    if data.opened.backup:
        window.statusBar().showMessage(f"Upgraded your data file. A copy of the old one is in {data.opened.backup}.")
    elif data.backup_problem:
        window.statusBar().showMessage(data.backup_problem)


def _say_what_went_wrong(kind, error, trace) -> None:
    """The last guard in the window: a refusal by the data file (read-only, in use, full), or by a service
    that a screen did not catch, is said in its own sentence; anything else in a general one. Never a
    traceback on screen, nor personal data."""
    from pa_manager.messages import say
    from pa_manager.services.data_files import DataFileError
    from pa_manager.services.errors import ServiceError

    if isinstance(error, DataFileError):
        QMessageBox.warning(QApplication.activeWindow(), "That was not saved", str(error))
    elif isinstance(error, ServiceError):
        QMessageBox.warning(QApplication.activeWindow(), "That was not done", say(error))
    else:
        QMessageBox.critical(QApplication.activeWindow(), "Something went wrong",
                             f"Something unexpected went wrong ({kind.__name__}). What you were doing may not have "
                             "been saved. Check it, and if it happens again, please report it.")
    sys.__excepthook__(kind, error, trace)  # still written to the terminal, for whoever is fixing it
