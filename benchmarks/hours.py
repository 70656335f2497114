"""Hours: import a 10,000-row timesheet, and open the timesheet week over 150,000 stored shifts.
Prints timings against the targets (import <= 2 s, week view <= 0.1 s).

Run with: .venv/bin/python benchmarks/hours.py
"""
from __future__ import annotations

import csv
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from pa_manager.domain.shifts import local_shift
from pa_manager.services.demo import create_demo
from pa_manager.services.hours import week_view
from pa_manager.services.people import list_pas
from pa_manager.services.shifts import store_batch
from pa_manager.services.timesheets import import_timesheet
from pa_manager.storage.database import open_database

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

    # Fill the data file to 150,000 shifts: one 2-hour visit per PA per day, years ahead.
    need = 150_000 - 10_000 - 2_000
    shifts = []
    day = date(2040, 1, 1)
    while len(shifts) < need:
        for index, pa in enumerate(pas):
            shifts.append(local_shift(day, local_time(6 + 3 * index), local_time(8 + 3 * index), pa=pa.id))
        day += timedelta(days=1)
    store_batch(db, employer_id, shifts[:need], "benchmark")

    monday = date(2026, 11, 16)
    week_view(db, employer_id, monday)  # warm
    runs = []
    for _ in range(7):
        started = time.perf_counter()
        week_view(db, employer_id, monday)
        runs.append(time.perf_counter() - started)
    print(f"import 10,000 timesheet rows:          {imported:.2f} s (target <= 2 s)")
    print(f"timesheet week over ~150,000 shifts:   {statistics.median(runs):.3f} s median of 7 (target <= 0.1 s)")


def local_time(hour: int):
    from datetime import time as clock

    return clock(hour % 24, 0)


if __name__ == "__main__":
    main()
