"""Every area and every dialog at 200% text on a 1366×768 screen, run in a process of its own (the
screen is the platform's, fixed when Qt starts): tests/ui/test_large_text.py runs it with Qt's offscreen
platform set to that screen, as QT_FONT_DPI=192 makes it on a real one (683×384 in Qt's own units).

It reports, as one JSON document, everything a person with large text would meet:
- a window bigger than the screen, or one that cannot be made as small as the screen;
- anything that runs off the right of what holds it, so it would need sideways scrolling to see
  (tables and lists may scroll inside themselves: that is how they show many columns);
- a label or button whose words do not fit it (cut off).

    python -m tests.ui.large_text [--screenshots FOLDER]
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

SCREEN = {"width": 1366, "height": 768, "scale": 2}


def platform_setting(folder: Path) -> str:
    """The QT_QPA_PLATFORM value for the offscreen platform with a 1366×768 screen at 200%."""
    config = folder / "screen-1366x768-200.json"
    config.write_text(json.dumps({"screens": [{
        "name": "large text", "x": 0, "y": 0, "width": SCREEN["width"], "height": SCREEN["height"],
        "logicalDpi": 96 * SCREEN["scale"], "logicalBaseDpi": 96, "dpr": SCREEN["scale"]}]}), encoding="utf-8")
    return f"offscreen:configfile={config}"


def _words_cut_off(widget) -> str | None:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1:
                return f"needs {needed} high, has {widget.height()}"
        elif widget.sizeHint().width() > widget.width() + 1:
            return f"needs {widget.sizeHint().width()} wide, has {widget.width()}"
    if isinstance(widget, QAbstractButton) and widget.text():
        if widget.hasHeightForWidth():  # its words wrap (ui.widgets.inputs.WrappingCheckBox): as a wrapping label
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1:
                return f"needs {needed} high, has {widget.height()}"
        elif widget.sizeHint().width() > widget.width() + 1:
            return f"needs {widget.sizeHint().width()} wide, has {widget.width()}"
    return None


def _inside_a_scrolling_view(widget, window) -> bool:
    """Inside a table, list or text view, which scrolls its own contents both ways."""
    from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QScrollArea

    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QScrollArea):
            return True
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def problems_in(window, where: str) -> list[str]:
    """What does not fit in `window` as it is shown now."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QScrollBar, QWidget

    found = []
    screen = QGuiApplication.primaryScreen().availableGeometry()
    frame = window.frameGeometry()
    if frame.width() > screen.width() or frame.height() > screen.height():
        found.append(f"{where}: the window is {frame.width()}×{frame.height()}, the screen {screen.width()}×"
                     f"{screen.height()}")
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    if least.width() > screen.width() or least.height() > screen.height():
        found.append(f"{where}: the window cannot be smaller than {least.width()}×{least.height()}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window or isinstance(widget, QScrollBar):
            continue
        if _inside_a_scrolling_view(widget, window):
            continue
        name = widget.accessibleName() or getattr(widget, "text", lambda: "")() or type(widget).__name__
        name = f"{type(widget).__name__} {str(name)[:50]!r}"
        parent = widget.parentWidget()
        if parent is not None:
            left = widget.mapTo(parent, QPoint(0, 0)).x()
            if left < 0 or left + widget.width() > parent.width() + 1:
                found.append(f"{where}: {name} runs off the side ({left}+{widget.width()} in {parent.width()})")
                continue
        cut = _words_cut_off(widget)
        if cut:
            found.append(f"{where}: {name} is cut off ({cut})")
    return found


def check_areas(context, shots: Path | None) -> list[str]:
    from PySide6.QtWidgets import QApplication

    from pa_manager.ui.main_window import MainWindow

    window = MainWindow(context)
    window.show()
    QApplication.processEvents()
    found = []
    for index, page in enumerate(window.pages):
        window.go_to(index)
        if page is window.people:
            window.show_pa(window.people.model.record(0).id)
        for _ in range(3):
            QApplication.processEvents()
        found += problems_in(window, page.title)
        if shots is not None:
            window.grab().save(str(shots / f"area-{index + 1:02d}-{page.title.lower().replace(' ', '-')}.png"))
    window.close()
    return found


def check_dialogs(context, shots: Path | None) -> list[str]:
    from PySide6.QtWidgets import QApplication

    from tests.ui.every_window import DIALOG_NAMES, dialog_makers

    makers, found = dialog_makers(context), []
    for name in DIALOG_NAMES:
        dialog = makers[name]()
        dialog.show()
        for _ in range(3):
            QApplication.processEvents()
        found += problems_in(dialog, f"dialog '{name}'")
        if shots is not None:
            dialog.grab().save(str(shots / f"dialog-{name.replace(' ', '-')}.png"))
        dialog.close()
        dialog.deleteLater()
    return found


def main(argv: list[str]) -> int:
    shots = Path(argv[argv.index("--screenshots") + 1]) if "--screenshots" in argv else None
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from pa_manager.app import make_application
    from pa_manager.services.demo import create_demo
    from pa_manager.services.employers import find_employer
    from pa_manager.storage.database import open_database
    from pa_manager.ui.context import AppContext
    from tests.conftest import TODAY

    app = make_application([sys.argv[0]])
    folder = Path(tempfile.mkdtemp(prefix="pa-manager-large-text-"))
    db, _ = open_database(folder / "demo.sqlite3")
    create_demo(db, TODAY)
    context = AppContext(db, today=lambda: TODAY)
    context.set_employer(find_employer(db, "Margaret Okafor").id)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    found = check_areas(context, shots) + check_dialogs(context, shots)
    db.close()
    QApplication.processEvents()
    print(json.dumps({"screen": [screen.width(), screen.height()], "font_pixels": app.fontMetrics().height(),
                      "problems": found}))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main(sys.argv[1:]))
