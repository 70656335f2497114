"""Undo and redo of the biggest actions: a 10,000-row timesheet import, and removing the demo employer
whole (two years of shifts and pay runs). Each undo and redo is one transaction that checks again what
the records must keep (services.undo). Prints timings against the targets (each <= 2 s, as importing).

Run with: .venv/bin/python benchmarks/undo.py
"""
from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hours import TODAY, timesheet  # noqa: E402

from pa_manager.services import employers, undo_rules  # noqa: E402
from pa_manager.services.demo import create_demo  # noqa: E402
from pa_manager.services.people import list_pas  # noqa: E402
from pa_manager.services.timesheets import import_timesheet  # noqa: E402
from pa_manager.storage.database import open_database  # noqa: E402


def timed(action):
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    db, _ = open_database(folder / "bench.sqlite3")
    employer_id = create_demo(db, TODAY)
    names = [pa.name for pa in list_pas(db, employer_id) if pa.leaving_date is None]
    sheet = folder / "sheet.csv"
    timesheet(sheet, names, 10_000, date(2031, 1, 1))
    result, imported = timed(lambda: import_timesheet(db, employer_id, sheet))
    assert result.added == 10_000
    redo, undone = timed(lambda: undo_rules.reverse(db, result.change, TODAY))
    _, redone = timed(lambda: undo_rules.reverse(db, redo, TODAY))

    removed, removing = timed(lambda: employers.remove_employer(db, employer_id))
    back, putting_back = timed(lambda: undo_rules.reverse(db, removed, TODAY))
    print(f"import 10,000 timesheet rows:          {imported:.2f} s (target <= 2 s)")
    print(f"undo that import:                      {undone:.2f} s (target <= 2 s)")
    print(f"redo it (each shift checked again):    {redone:.2f} s (target <= 2 s)")
    print(f"remove the demo employer ({len(removed.rows):,} rows): {removing:.2f} s (target <= 2 s)")
    print(f"undo that removal:                     {putting_back:.2f} s (target <= 2 s)")


if __name__ == "__main__":
    main()
