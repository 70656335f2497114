"""Hours: import a 10,000-row timesheet, and open the timesheet week of an employer with ten years of
history (benchmarks/datasets.py, "large": 20 PAs, about 146,000 shifts), against the week's rows read
with a raw SELECT. Prints timings against the targets (import <= 2 s, week view <= 0.1 s).

Run with: .venv/bin/python benchmarks/hours.py
"""
from __future__ import annotations

import csv
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datasets  # noqa: E402
from common import taking_turns, timed  # noqa: E402
from interactive import raw_week  # noqa: E402

from pa_manager.services.demo import create_demo  # noqa: E402
from pa_manager.services.employers import list_employers  # noqa: E402
from pa_manager.services.hours import week_view  # noqa: E402
from pa_manager.services.people import list_pas  # noqa: E402
from pa_manager.services.timesheets import import_timesheet  # noqa: E402
from pa_manager.storage.database import open_database  # noqa: E402

TODAY = date(2026, 11, 23)


def timesheet(path: Path, names: list[str], rows: int, first: date) -> None:
    """One shift a day per PA, three-hour visits at different hours, going back from `first`."""
    with path.open("w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["pa", "date", "start", "end", "break_minutes", "type", "notes"])
        for n in range(rows):
            name = names[n % len(names)]
            day = first + timedelta(days=n // len(names))
            hour = 6 + 4 * (n % len(names))
            out.writerow([name, day.isoformat(), f"{hour:02d}:00", f"{hour + 3:02d}:00", 0, "standard", ""])


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    db, _ = open_database(folder / "bench.sqlite3")
    employer_id = create_demo(db, TODAY)
    pas = [pa for pa in list_pas(db, employer_id) if pa.leaving_date is None]
    names = [pa.name for pa in pas]

    sheet = folder / "sheet.csv"
    timesheet(sheet, names, 10_000, date(2031, 1, 1))
    started = time.perf_counter()
    result = import_timesheet(db, employer_id, sheet)
    imported = time.perf_counter() - started
    assert result.ok and result.added == 10_000, result.errors[:3]

    print(f"import 10,000 timesheet rows:          {imported:.2f} s (target <= 2 s)")
    large = datasets.data_file("large")
    db, _ = open_database(large, read_only=True)
    employer_id = list_employers(db, TODAY)[0].id
    monday = date.today() - timedelta(days=date.today().weekday())
    con = sqlite3.connect(f"file:{large}?mode=ro", uri=True)
    week_view(db, employer_id, monday)  # warm
    times = taking_turns({"week": timed(lambda: week_view(db, employer_id, monday)),
                          "raw": timed(lambda: raw_week(con, employer_id, monday))}, 7)
    print(f"timesheet week over ~146,000 shifts:   {statistics.median(times['week']):.3f} s median of 7 "
          f"(target <= 0.1 s; raw SELECTs {statistics.median(times['raw']):.4f} s)")


if __name__ == "__main__":
    main()
