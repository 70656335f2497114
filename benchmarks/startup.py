"""Start-up time: process start to the main window shown, for PA Manager with the demo data and for a
bare PySide6 window, measured the same way in the same run. Prints both and the ratio (target <= 1.3),
and also the time until the demo employer's records are on screen (the window opens first, then the
records load into it, as pa_manager.app.run does).

Each measurement is a fresh Python process (so imports are counted), run several times; the median
is reported. Run with: .venv/bin/python benchmarks/startup.py
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7

BARE = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.setWindowTitle("bare"); w.resize(1100, 760); w.show()
app.processEvents()
print(time.time())
"""

APP = """
import time, sys
from pa_manager.app import make_application, open_records
from pa_manager.ui.main_window import MainWindow
app = make_application([])
w = MainWindow(); w.show()
app.processEvents()
shown = time.time()
open_records(w, sys.argv[1])
app.processEvents()
assert w.employer_box.count() == 2
print(shown, time.time())
"""


def measure(code: str, *args: str) -> list[float]:
    """Seconds from process start to each time stamp the child prints."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    return [float(stamp) - started for stamp in out.stdout.strip().splitlines()[-1].split()]


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    data = folder / "demo.sqlite3"
    subprocess.run([sys.executable, "-m", "pa_manager", "create-demo", "--data", str(data)], check=True, capture_output=True)
    measure(BARE)  # warm the file cache for both
    measure(APP, str(data))
    bare = statistics.median(measure(BARE)[0] for _ in range(RUNS))
    runs = [measure(APP, str(data)) for _ in range(RUNS)]
    shown = statistics.median(r[0] for r in runs)
    records = statistics.median(r[1] for r in runs)
    print(f"bare PySide6 window shown:          {bare:.3f} s (median of {RUNS})")
    print(f"PA Manager main window shown:       {shown:.3f} s")
    print(f"ratio:                              {shown / bare:.2f} (target <= 1.30)")
    print(f"PA Manager demo records on screen:  {records:.3f} s ({records / bare:.2f} x the bare window)")


if __name__ == "__main__":
    main()
