"""Make the README's screenshots: the app on the demo household, under a virtual X screen (Xvfb), the
way a person sees it. Run from the top of the repository:

    .venv/bin/python installers/readme_screenshots.py [FOLDER]     (default: docs/screenshots)

It needs Xvfb (Debian: xvfb) and the libraries a real window needs (installers/linux/system-packages.sh).
Each picture is the window itself, at 1280×800, made by Qt (no screen-capture tool needed). The demo's
dates are fixed (23 November 2026), so the pictures only change when the app does.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 23)
SIZE = (1280, 800)
# (file name, area, what else to do first)
SHOTS = (
    ("dashboard.png", "Dashboard", None),
    ("people.png", "People", "first PA"),
    ("hours.png", "Hours", None),
    ("pay.png", "Pay", "work out pay"),
    ("budget.png", "Budget", None),
    ("high-contrast.png", "Dashboard", "high contrast"),
)


def _under_xvfb(folder: Path) -> int:
    """Start Xvfb on a free display and run this script again in it."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SIZE[0] + 200}x{SIZE[1] + 200}x24",
                             "-nolisten", "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        display = pipe.readline().strip()
    try:
        env = {**os.environ, "DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb", "PA_MANAGER_SHOTS_IN_XVFB": "1",
               "XDG_CONFIG_HOME": tempfile.mkdtemp(prefix="pa-manager-shots-")}  # the standard look, not yours
        return subprocess.run([sys.executable, __file__, str(folder)], env=env, cwd=ROOT).returncode
    finally:
        xvfb.terminate()
        xvfb.wait()


def _take(folder: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from pa_manager.app import make_application
    from pa_manager.services.demo import create_demo
    from pa_manager.services.employers import find_employer
    from pa_manager.storage.database import open_database
    from pa_manager.ui import appearance
    from pa_manager.ui.context import AppContext
    from pa_manager.ui.main_window import AREAS, MainWindow

    app = make_application([sys.argv[0]])
    db, _ = open_database(Path(tempfile.mkdtemp(prefix="pa-manager-shots-")) / "demo.sqlite3")
    create_demo(db, TODAY)
    context = AppContext(db, today=lambda: TODAY)
    context.set_employer(find_employer(db, "Margaret Okafor").id)
    window = MainWindow(context)
    window.resize(*SIZE)
    window.show()
    folder.mkdir(parents=True, exist_ok=True)
    for name, area, first in SHOTS:
        window.go_to(AREAS.index(area))
        if first == "first PA":
            window.show_pa(window.people.model.record(0).id)
        elif first == "work out pay":
            window.pay.open_next_pay_run()
        elif first == "high contrast":
            appearance.current().set_theme(appearance.HIGH_CONTRAST)
            context.announce_change()
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(folder / name))
        print(f"Saved {folder / name}")
    appearance.current().set_theme(appearance.STANDARD)
    db.close()
    return 0


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    if os.environ.get("PA_MANAGER_SHOTS_IN_XVFB"):
        return _take(folder)
    return _under_xvfb(folder.resolve())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
