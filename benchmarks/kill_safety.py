"""Kill -9 at random moments while a pay run is finalised or a timesheet imported, then check the data
file: whole (PRAGMA integrity_check), and each action all or nothing (a finalised run has all its
payslips and ledger lines, or the run is not there; an import stored every row or none).

    python benchmarks/kill_safety.py [TRIALS]   (default 60; prints the counts)
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROWS = 400  # shifts in the timesheet each import trial writes


def _demo(folder: Path) -> Path:
    template = folder / "template.sqlite3"
    subprocess.run([sys.executable, "-m", "pa_manager", "create-demo", "--data", str(template)], check=True,
                   capture_output=True)
    return template


def _timesheet(folder: Path) -> Path:
    sheet = folder / "sheet.csv"
    rows = [f"Janet Moyo,2031-{1 + n // 28:02d}-{1 + n % 28:02d},09:00,12:00,0,standard," for n in range(ROWS)]
    sheet.write_text("pa,date,start,end,break_minutes,type,notes\n" + "\n".join(rows) + "\n")
    return sheet


def _state(path: Path) -> tuple[str, int, int, int]:
    con = sqlite3.connect(path)
    try:
        whole = con.execute("PRAGMA integrity_check").fetchone()[0]
        runs = con.execute("SELECT COUNT(*) FROM pay_runs").fetchone()[0]
        orphans = con.execute(
            "SELECT COUNT(*) FROM pay_runs r WHERE NOT EXISTS (SELECT 1 FROM payslips p WHERE p.pay_run_id = r.id) "
            "OR NOT EXISTS (SELECT 1 FROM ledger_entries l WHERE l.reference = 'pay run ' || r.pay_date)").fetchone()[0]
        imported = con.execute("SELECT COUNT(*) FROM shifts WHERE local_date >= '2031-01-01'").fetchone()[0]
        return whole, runs, orphans, imported
    finally:
        con.close()


def trial(template: Path, sheet: Path, folder: Path, kind: str, rng: random.Random) -> str | None:
    """One kill; None when the file is whole and the action all or nothing, else what went wrong."""
    path = folder / "trial.sqlite3"
    shutil.copy(template, path)
    before = _state(path)
    command = ([sys.executable, "-m", "pa_manager", "payrun", "--employer", "Margaret Okafor", "--pay-date",
                "2026-12-31", "--finalise", "--confirm", "--data", str(path)] if kind == "payrun" else
               [sys.executable, "-m", "pa_manager", "import-timesheet", str(sheet), "--employer", "Margaret Okafor",
                "--data", str(path)])
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0.2, 2.0))
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    whole, runs, orphans, imported = _state(path)
    if whole != "ok":
        return f"{kind}: damaged ({whole})"
    if orphans:
        return f"{kind}: a pay run without its payslips or ledger lines"
    if kind == "payrun" and runs not in (before[1], before[1] + 1):
        return f"{kind}: {runs - before[1]} runs added"
    if kind == "import" and imported not in (0, ROWS):
        return f"{kind}: {imported} of {ROWS} shifts stored"
    return None


def main(trials: int = 60) -> int:
    folder = Path(tempfile.mkdtemp(prefix="pa-manager-kill-"))
    try:
        template, sheet = _demo(folder), _timesheet(folder)
        rng = random.Random(20261203)
        failures = [f for f in (trial(template, sheet, folder, kind, rng)
                                for _ in range(trials // 2) for kind in ("payrun", "import")) if f]
        print(f"kill -9 trials: {trials} (pay runs and imports, killed 0.2 to 2 s in); failures: {len(failures)}")
        for failure in failures:
            print(f"  {failure}")
        return 1 if failures else 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 60))
