"""Inside the window, on one data file: the dashboard, switching employer and the week view, each as the
user waits for it (until the page shows the records), against raw SELECTs of the rows it shows,
taking turns. Prints one JSON document; benchmarks/run_all.py runs it for each data file.

    python benchmarks/interactive.py DATA_FILE [RUNS]
"""
from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import median, taking_turns  # noqa: E402


def raw_dashboard(con: sqlite3.Connection, employer_id: int, today: date) -> None:
    """The rows the dashboard is drawn from, read with plain SELECTs: the employer, their PAs and pay
    rates, checks, training and meetings, pay runs, the budget year's ledger and the last four weeks'
    shifts."""
    april = date(today.year if today.month >= 4 else today.year - 1, 4, 1)
    for table in ("pas", "pay_rates", "right_to_work_checks", "dbs_checks", "dbs_status_checks", "references",
                  "contracts", "courses", "training_records", "required_courses", "meetings", "budget_years",
                  "pay_runs", "rota_patterns"):
        con.execute(f'SELECT * FROM "{table}" WHERE employer_id = ?', (employer_id,)).fetchall()
    con.execute("SELECT * FROM employers WHERE id = ?", (employer_id,)).fetchall()
    con.execute('SELECT * FROM ledger_entries WHERE employer_id = ? AND "on" BETWEEN ? AND ?',
                (employer_id, april.isoformat(), today.isoformat())).fetchall()
    con.execute("SELECT * FROM shifts WHERE employer_id = ? AND local_date BETWEEN ? AND ?",
                (employer_id, (today - timedelta(days=28)).isoformat(), today.isoformat())).fetchall()


def raw_week(con: sqlite3.Connection, employer_id: int, monday: date) -> None:
    """The rows the week view shows: the PAs, their rota, and the week's shifts."""
    con.execute("SELECT * FROM pas WHERE employer_id = ?", (employer_id,)).fetchall()
    con.execute("SELECT * FROM rota_patterns WHERE employer_id = ?", (employer_id,)).fetchall()
    con.execute("SELECT * FROM shifts WHERE employer_id = ? AND local_date BETWEEN ? AND ?",
                (employer_id, monday.isoformat(), (monday + timedelta(days=6)).isoformat())).fetchall()


def main(path: Path, runs: int) -> dict:
    from PySide6.QtWidgets import QApplication

    from pa_manager.app import make_application, open_records
    from pa_manager.ui.main_window import MainWindow

    app = make_application([])
    window = MainWindow()
    window.show()
    app.processEvents()
    shown: list[float] = []
    window.records_shown.connect(lambda: shown.append(time.perf_counter()))
    assert open_records(window, path)

    def wait_for_records(since: int, timeout: float = 60) -> None:
        end = time.perf_counter() + timeout
        while len(shown) <= since:
            app.processEvents()
            if time.perf_counter() > end:
                raise RuntimeError("the dashboard never showed the records")
            if len(shown) <= since:
                time.sleep(0.001)

    def settle() -> None:
        """Let anything the window does in the background after showing the records finish."""
        busy = getattr(window, "busy", lambda: False)
        end = time.perf_counter() + 120
        while busy() and time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)
        app.processEvents()

    wait_for_records(0)
    settle()
    today = window.context.today()
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    employer_id = window.context.employer_id
    monday = today - timedelta(days=today.weekday())
    result: dict = {}

    def dashboard() -> float:
        before = len(shown)
        started = time.perf_counter()
        window.dashboard.refresh()
        wait_for_records(before)
        elapsed = shown[before] - started
        settle()
        return elapsed

    actions = {"dashboard": dashboard,
               "dashboard_floor": lambda: _timed(lambda: raw_dashboard(con, employer_id, today))}

    ids = [window.employer_box.itemData(i) for i in range(window.employer_box.count())]
    if len(ids) > 1:
        turn = iter(range(10**6))

        def switch() -> float:
            index = next(turn) % len(ids)
            if ids[index] == window.context.employer_id:
                index = (index + 1) % len(ids)
            before = len(shown)
            started = time.perf_counter()
            window.employer_box.setCurrentIndex(index)
            window.employer_box.activated.emit(index)
            wait_for_records(before)
            elapsed = shown[before] - started
            settle()
            return elapsed

        def switch_until_idle() -> float:
            started = time.perf_counter()
            switch()
            return time.perf_counter() - started

        actions["switch"] = switch
        actions["switch_until_idle"] = switch_until_idle
        actions["switch_floor"] = lambda: _timed(lambda: raw_dashboard(con, ids[next(turn) % len(ids)], today))

    hours = window.hours

    def week() -> float:
        started = time.perf_counter()
        hours.show_week(monday)
        app.processEvents()
        return time.perf_counter() - started

    actions["week"] = week
    actions["week_floor"] = lambda: _timed(lambda: raw_week(con, window.context.employer_id, monday))
    timings = taking_turns(actions, runs)
    for name, values in timings.items():
        result[name] = median(values)
    con.close()
    window.close()
    QApplication.processEvents()
    return result


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 7)))
