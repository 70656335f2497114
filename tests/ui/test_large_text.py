"""At 200% text on a 1366×768 screen (QT_FONT_DPI=192: 683×384 to Qt) every area and every dialog fits:
no window bigger than the screen, nothing that would need sideways scrolling, no words cut off. The
check runs in a process of its own with that screen (tests/ui/large_text.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui import large_text

ROOT = Path(__file__).resolve().parents[2]


def test_every_area_and_dialog_fits_a_1366_by_768_screen_at_200_percent_text(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": large_text.platform_setting(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path)}  # its own settings: the standard theme at the system's size
    done = subprocess.run([sys.executable, "-m", "tests.ui.large_text"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout)
    assert report["screen"] == [683, 384]  # the screen Qt lays out on, in its own units, at 200%
    assert report["problems"] == []


def test_a_narrow_window_puts_the_areas_in_a_choice_over_the_page(qtbot, window):
    window.resize(1100, 700)
    qtbot.wait(10)
    assert window.nav.isVisible() and not window.area_row.isVisible()
    window.resize(640, 500)
    qtbot.waitUntil(lambda: window.area_row.isVisible())
    assert not window.nav.isVisible()
    window.activateWindow()
    qtbot.waitActive(window)
    box = window.area_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)  # the closed list does not switch areas on an arrow key
    assert window.stack.currentWidget() is window.dashboard
    box.showPopup()
    view = box.view()
    qtbot.waitUntil(view.isVisible)
    view.setCurrentIndex(box.model().index(2, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.hours
    assert window.hours.isAncestorOf(window.focusWidget())  # the cursor goes into the area chosen
    window.resize(1100, 700)
    qtbot.waitUntil(lambda: window.nav.isVisible())
    assert window.nav.currentRow() == 2
