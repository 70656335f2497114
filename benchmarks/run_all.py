"""Every speed and memory figure of PA Manager against its floor, measured in one run, and written to
docs/performance.md (and the figures to docs/performance.json).

    python benchmarks/run_all.py [--runs N] [--only SECTION ...] [--before FILE] [--no-write]
    python benchmarks/run_all.py --demo-only [--against CHECKOUT ...] [--runs N]

Sections: usable (time to usable and memory, whole process), interactive (dashboard, switch
employer, week view), payrun, cli, export, payslips. Each figure and its floor are measured taking
turns, and the median of the runs is reported. The data files come from benchmarks/datasets.py
(made the first time, then kept in a cache folder). --before adds a column of earlier figures (a
performance.json from another run); by default docs/performance-before.json is used if it is there.
--demo-only measures just the two --demo rows and their floor (the page is not written); with --against, the
same rows for other copies of PA Manager (the code before a change) too, taking turns in the same run.
"""
from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime, time as clock, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datasets  # noqa: E402
from common import (  # noqa: E402
    DATABASE_LAYER, ROOT, app_argv, bare_window, compile_all, environment, fresh_copy, median, peak_memory, taking_turns,
    time_to_shown, wall_time,
)

SECTIONS = ("usable", "interactive", "payrun", "cli", "export", "payslips")


class Figures:
    """The figures of one run: name -> {value, unit, floor, floor_value, target, ...}."""

    def __init__(self):
        self.rows: dict[str, dict] = {}

    def add(self, key: str, what: str, value: float, unit: str, *, floor: str = "", floor_value: float | None = None,
            target: str = "", met: bool | None = None, note: str = "") -> None:
        self.rows[key] = dict(what=what, value=value, unit=unit, floor=floor, floor_value=floor_value, target=target,
                              met=met, note=note)
        ratio = f" ({value / floor_value:.1f}x {floor})" if floor_value else ""
        verdict = "" if met is None else ("  met" if met else "  MISSED")
        print(f"{what}: {_show(value, unit)}{ratio}{'  target ' + target if target else ''}{verdict}", flush=True)


def _show(value: float, unit: str) -> str:
    return f"{value:.0f} MiB" if unit == "MiB" else f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


# --- time to usable, and memory with a file open -----------------------------------------------------


def usable(figures: Figures, files: dict[str, Path], runs: int, work: Path) -> None:
    """Each file opened as on a second start today (what the window showed when it last closed is kept) and
    as on the first start today (nothing kept: the records are read before anything is shown)."""
    kept, config = work / "kept", work / "config"

    def app(*args: str, first: bool = False):
        cache = work / "first" if first else kept
        if first:
            shutil.rmtree(cache, ignore_errors=True)
        return time_to_shown(app_argv(*args), environment(PA_MANAGER_QUIT_WHEN_SHOWN="1", XDG_CACHE_HOME=str(cache),
                                                         XDG_CONFIG_HOME=str(config)))

    actions = {"bare": lambda: bare_window(),
               "database layer": lambda: (wall_time([sys.executable, "-c", DATABASE_LAYER]),) * 2 + (0,)}
    for size, path in files.items():
        actions[size] = (lambda p=path: app("--data", str(p)))
        actions[f"first {size}"] = (lambda p=path: app("--data", str(p), first=True))
    actions["demo"] = lambda: app("--demo")
    actions["first demo"] = lambda: app("--demo", first=True)
    results = taking_turns(actions, runs)
    shown = {name: median(v[0] for v in values) for name, values in results.items()}
    ready = {name: median(v[1] for v in values) for name, values in results.items()}
    memory = {name: median(v[2] for v in values) for name, values in results.items()}
    bare = shown["bare"]
    figures.add("bare_window", "bare PySide6 window shown (the floor)", bare, "s")
    figures.add("database_layer", "a fresh Python importing the database layer (SQLAlchemy and the models)",
                shown["database layer"], "s", floor="bare window", floor_value=bare)
    limits = {"household": 3, "caseload": 5}
    for size in files:
        limit = limits.get(size)
        target = f"<= {limit}x bare" if limit else ""
        figures.add(f"usable_{size}", f"{size} file to usable (records on screen), opened again today", shown[size],
                    "s", floor="bare window", floor_value=bare, target=target,
                    met=shown[size] <= limit * bare if limit else None)
        figures.add(f"ready_{size}", f"{size} file, opened again today, until the records read now are on screen",
                    ready[size], "s", floor="bare window", floor_value=bare)
        first = f"first {size}"
        figures.add(f"usable_first_{size}", f"{size} file to usable, the first time today", shown[first], "s",
                    floor="bare window", floor_value=bare, target=target,
                    met=shown[first] <= limit * bare if limit else None)
    figures.add("usable_demo", "--demo to usable (records on screen), today's demo already made", shown["demo"], "s",
                floor="bare window", floor_value=bare, target="<= 2 s", met=shown["demo"] <= 2)
    figures.add("usable_first_demo", "--demo to usable, the first today (the demo made then)", shown["first demo"],
                "s", floor="bare window", floor_value=bare, target="<= 2 s", met=shown["first demo"] <= 2)
    figures.add("memory_bare", "peak memory, bare window", memory["bare"], "MiB")
    for size in files:
        limit = 150 if size == "large" else None
        figures.add(f"memory_{size}", f"peak memory, {size} file open", memory[size], "MiB", floor="bare window",
                    floor_value=memory["bare"], target=f"<= {limit} MiB" if limit else "",
                    met=memory[size] <= limit if limit else None)


def demo_only(figures: Figures, runs: int, work: Path, against: Sequence[Path] = ()) -> None:
    """The two --demo rows against the bare window, as `usable` measures them; with `against`, also the
    same rows for those checkouts, each with its own cache folder (so none copies another's demo)."""
    checkouts = {"": ROOT, **{f" ({path.name})": path for path in against}}
    actions: dict[str, Callable[[], object]] = {"bare": lambda: bare_window()}
    for label, root in checkouts.items():
        compile_all(root)
        folder = work / f"checkout{len(actions)}"

        def app(first: bool, root=root, folder=folder):
            cache = folder / ("first" if first else "kept")
            if first:
                shutil.rmtree(cache, ignore_errors=True)
            return time_to_shown(app_argv("--demo"), environment(
                PA_MANAGER_QUIT_WHEN_SHOWN="1", XDG_CACHE_HOME=str(cache), XDG_CONFIG_HOME=str(folder / "config"),
                PYTHONPATH=str(root)), cwd=root)

        actions[f"demo{label}"] = (lambda a=app: a(False))
        actions[f"first demo{label}"] = (lambda a=app: a(True))
    results = taking_turns(actions, runs)
    shown = {name: median(v[0] for v in values) for name, values in results.items()}
    bare = shown["bare"]
    figures.add("bare_window", "bare PySide6 window shown (the floor)", bare, "s")
    for label, root in checkouts.items():
        key = f"_{root.name}" if label else ""
        figures.add(f"usable_demo{key}", f"--demo to usable (records on screen), today's demo already made{label}",
                    shown[f"demo{label}"], "s", floor="bare window", floor_value=bare, target="<= 2 s",
                    met=shown[f"demo{label}"] <= 2)
        figures.add(f"usable_first_demo{key}", f"--demo to usable, the first today (the demo made then){label}",
                    shown[f"first demo{label}"], "s", floor="bare window", floor_value=bare, target="<= 2 s",
                    met=shown[f"first demo{label}"] <= 2)
        print(f"  runs{label}: first " + ", ".join(f"{v[0]:.3f}" for v in results[f"first demo{label}"])
              + "; again " + ", ".join(f"{v[0]:.3f}" for v in results[f"demo{label}"]), flush=True)


# --- inside the window ----------------------------------------------------------------------------------


def interactive(figures: Figures, files: dict[str, Path], runs: int) -> None:
    for size, path in files.items():
        out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "interactive.py"), str(path), str(runs)],
                             capture_output=True, text=True, env=environment(), cwd=ROOT)
        if out.returncode != 0:
            raise RuntimeError(f"interactive.py {size} failed: {out.stderr[-3000:]}")
        r = json.loads(out.stdout.strip().splitlines()[-1])
        figures.add(f"dashboard_{size}", f"dashboard, {size} file", r["dashboard"], "s", floor="raw SELECTs",
                    floor_value=r["dashboard_floor"], target="<= 0.1 s", met=r["dashboard"] <= 0.1)
        if "switch" in r:
            figures.add(f"switch_{size}", f"switch employer, {size} file (to records on screen)", r["switch"], "s",
                        floor="raw SELECTs", floor_value=r["switch_floor"], target="<= 0.15 s", met=r["switch"] <= 0.15)
            figures.add(f"switch_idle_{size}", f"switch employer, {size} file, until nothing is left to do",
                        r["switch_until_idle"], "s", floor="raw SELECTs", floor_value=r["switch_floor"])
        figures.add(f"week_{size}", f"week view, {size} file", r["week"], "s", floor="raw SELECTs",
                    floor_value=r["week_floor"], target="<= 0.1 s", met=r["week"] <= 0.1)


# --- a monthly pay run ------------------------------------------------------------------------------------


def payrun(figures: Figures, files: dict[str, Path], runs: int, work: Path) -> None:
    from pa_manager.services.employers import list_employers
    from pa_manager.services.pay_runs import default_pay_date, finalise_pay_run, prepare_pay_run
    from pa_manager.storage.database import open_database

    today = date.today()
    for size in ("household", "large"):
        if size not in files:
            continue
        state: dict = {}

        def setup(size=size) -> None:
            copy = fresh_copy(files[size], work, f"payrun-{size}.sqlite3")
            db, _ = open_database(copy)
            employer_id = list_employers(db, today)[0].id
            state.update(db=db, employer_id=employer_id, pay_date=default_pay_date(db, employer_id, today))

        def run() -> float:
            setup()
            db, employer_id, pay_date = state["db"], state["employer_id"], state["pay_date"]
            started = time.perf_counter()
            draft = prepare_pay_run(db, employer_id, pay_date, today)
            finalise_pay_run(db, employer_id, pay_date, datetime.now().astimezone(), confirmed=True)
            elapsed = time.perf_counter() - started
            db.close()
            assert draft.pas and not draft.blocking, draft.blocking
            return elapsed

        pas = datasets.SIZES[size][1]
        floor_inputs = _payroll_inputs(pas, today)
        results = taking_turns({"run": run, "floor": lambda: _arithmetic(floor_inputs)}, runs)
        figures.add(f"payrun_{size}", f"monthly pay run, {size} file (work out, then finalise)", median(results["run"]),
                    "s", floor="payroll arithmetic alone", floor_value=median(results["floor"]))


def _payroll_inputs(pas: int, today: date):
    from pa_manager.domain.pay_frequency import PayFrequency
    from pa_manager.domain.pay_period import PayPeriodInput
    from pa_manager.domain.pay_rates import PayRate
    from pa_manager.domain.shifts import local_shift

    start = today.replace(day=1)
    end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    days = [start + timedelta(days=d) for d in range((end - start).days + 1)]
    return [PayPeriodInput(
        frequency=PayFrequency.MONTHLY, pay_date=end, period_start=start, period_end=end,
        date_of_birth=date(1980, 1, 1), tax_code="1257L", pa=pa, pay_rates=(PayRate(date(2020, 1, 1), None, Decimal("13.50")),),
        shifts=tuple(local_shift(d, b, e, pa=pa) for d in days for b, e in ((clock(7), clock(10)), (clock(17), clock(20)))))
        for pa in range(pas)]


def _arithmetic(inputs) -> float:
    from pa_manager.domain.payroll import calculate_payslip

    started = time.perf_counter()
    for one in inputs:
        calculate_payslip(one)
    return time.perf_counter() - started


# --- the command line -----------------------------------------------------------------------------------


def cli(figures: Figures, files: dict[str, Path], runs: int, work: Path) -> None:
    from pa_manager.services.employers import list_employers
    from pa_manager.services.pay_runs import pay_run_dates
    from pa_manager.services.people import list_pas
    from pa_manager.storage.database import open_database

    source = files["household"]
    db, _ = open_database(source, read_only=True)
    employer = list_employers(db, date.today())[0]
    pa = list_pas(db, employer.id)[0].name
    paid = pay_run_dates(db, employer.id)[0]
    db.close()
    data = fresh_copy(source, work, "cli.sqlite3")
    out = work / "out"
    out.mkdir(exist_ok=True)
    today = date.today()
    year = f"{today.year if today.month >= 4 else today.year - 1}-{(today.year + (today.month >= 4)) % 100:02d}"
    month_ago = (today - timedelta(days=30)).isoformat()
    e = ["--employer", employer.name]
    d = ["--data", str(data)]
    (work / "staff.csv").write_text("name,date_of_birth,ni_number,start_date,tax_code,hourly_rate\n"
                                    f"New Starter,1990-05-01,,{today.isoformat()},1257L,13.50\n")
    (work / "sheet.csv").write_text("pa,date,start,end,break_minutes,type,notes\n"
                                    f"{pa},{(today + timedelta(days=40)).isoformat()},09:00,12:00,0,standard,\n")
    (work / "passphrase").write_text("correct horse battery staple\n")
    exported = work / "exported.paemployer"
    commands = {
        "employers": ["employers", *d],
        "due": ["due", *e, *d],
        "due --all": ["due", "--all", *d],
        "hours": ["hours", *e, "--from", month_ago, "--to", today.isoformat(), *d],
        "payrun (work out)": ["payrun", *e, "--pay-date", paid.isoformat(), *d],
        "payslips": ["payslips", *e, "--pay-date", paid.isoformat(), "--out", str(out / "slips"), *d],
        "budget": ["budget", *e, "--year", year, *d],
        "history": ["history", *e, *d],
        "export-pa": ["export-pa", *e, "--pa", pa, "--out", str(out / "pa.zip"), *d],
        "export-employer": ["export-employer", *e, "--out", str(exported), *d],
        "import-staff --dry-run": ["import-staff", str(work / "staff.csv"), *e, "--dry-run", *d],
        "import-timesheet --dry-run": ["import-timesheet", str(work / "sheet.csv"), *e, "--dry-run", *d],
        "backups": ["backups", *d],
        "report compliance": ["report", "compliance", *e, "--out", str(out / "compliance.pdf"), *d],
        "report training": ["report", "training", *e, "--out", str(out / "training.pdf"), *d],
        "report timesheets": ["report", "timesheets", *e, "--from", month_ago, "--to", today.isoformat(),
                              "--out", str(out / "timesheets.csv"), *d],
        "report monitoring": ["report", "monitoring", *e, "--from", month_ago, "--to", today.isoformat(),
                              "--out", str(out / "monitoring.csv"), *d],
        "report budget": ["report", "budget", *e, "--year", year, "--out", str(out / "budget.pdf"), *d],
        "report payslips": ["report", "payslips", *e, "--from", paid.isoformat(), "--to", paid.isoformat(),
                            "--out", str(out / "payslips.pdf"), *d],
        "calc-pay": ["calc-pay", "--tax-year", "2026-27", "--frequency", "monthly", "--period", "3", "--gross", "2000",
                     "--tax-code", "1257L"],
        "check-wage": ["check-wage", "--age", "30", "--period-start", "2026-06-01", "--period-end", "2026-06-30",
                       "--hours", "100", "--pay", "1300"],
    }
    # Commands that change the file run on a fresh copy each time (made before the clock starts).
    fresh = lambda: fresh_copy(source, work, "cli-changed.sqlite3")  # noqa: E731
    c = ["--data", str(work / "cli-changed.sqlite3")]
    changing = {
        "backup": (["backup", *c], fresh),
        "import-staff": (["import-staff", str(work / "staff.csv"), *e, *c], fresh),
        "import-timesheet": (["import-timesheet", str(work / "sheet.csv"), *e, *c], fresh),
        "payrun --finalise": (["payrun", *e, "--pay-date", _next_pay_date(source, today).isoformat(), "--finalise",
                               "--confirm", *c], fresh),
        "import-employer": (["import-employer", str(exported), "--rename", "Imported", *c], fresh),
        "encrypt": (["encrypt", "--passphrase-file", str(work / "passphrase"), *c], fresh),
    }
    wall_time(app_argv(*commands["export-employer"]))  # the file import-employer reads
    actions = {"empty Python": lambda: wall_time([sys.executable, "-c", "pass"]),
               "sqlalchemy": lambda: wall_time([sys.executable, "-c", "import sqlalchemy"]),
               "database layer": lambda: wall_time([sys.executable, "-c", DATABASE_LAYER])}
    for name, argv in commands.items():
        actions[name] = (lambda a=argv: wall_time(app_argv(*a)))
    for name, (argv, before) in changing.items():
        actions[name] = (lambda a=argv, b=before: wall_time(app_argv(*a), before=b))
    results = taking_turns(actions, runs)
    floor = median(results.pop("empty Python"))
    figures.add("cli_floor", "empty Python process (the floor for commands)", floor, "s")
    # SQLAlchemy's own import, which every command that opens data needs: more than the 0.3 s target by
    # itself on a busy computer, so each command is also shown against it.
    library = median(results.pop("sqlalchemy"))
    figures.add("cli_sqlalchemy", "a fresh Python importing SQLAlchemy alone", library, "s", floor="empty Python",
                floor_value=floor)
    layer = median(results.pop("database layer"))
    figures.add("cli_database_layer", "a fresh Python importing the database layer", layer, "s", floor="empty Python",
                floor_value=floor)
    for name, values in results.items():
        value = median(values)
        figures.add(f"cli {name}", f"pa-manager {name}, household file", value, "s", floor="empty Python",
                    floor_value=floor, target="<= 0.3 s", met=value <= 0.3)


def _next_pay_date(path: Path, today: date) -> date:
    from pa_manager.services.employers import list_employers
    from pa_manager.services.pay_runs import default_pay_date
    from pa_manager.storage.database import open_database

    db, _ = open_database(path, read_only=True)
    try:
        return default_pay_date(db, list_employers(db, today)[0].id, today)
    finally:
        db.close()


# --- export and import ----------------------------------------------------------------------------------


RAW_EXPORT = """
import json, sqlite3, sys, zipfile
con = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%employer_id%'")]
with zipfile.ZipFile(sys.argv[2], "w", compression=zipfile.ZIP_DEFLATED) as archive, archive.open("rows.json", "w") as out:
    for table in ["employers", *tables]:
        key = "id" if table == "employers" else "employer_id"
        cursor = con.execute(f'SELECT * FROM "{table}" WHERE {key} = 1 ORDER BY id')
        names = [c[0] for c in cursor.description]
        for row in cursor:
            out.write((json.dumps(dict(zip(names, row))) + "\\n").encode())
"""


def export(figures: Figures, files: dict[str, Path], runs: int, work: Path) -> None:
    for size in ("large",) if "large" in files else ():
        source = files[size]
        data = fresh_copy(source, work, f"export-{size}.sqlite3")
        from pa_manager.services.employers import list_employers
        from pa_manager.storage.database import open_database

        db, _ = open_database(data, read_only=True)
        name = list_employers(db, date.today())[0].name
        db.close()
        target = work / f"{size}.paemployer"
        imported = work / f"imported-{size}.sqlite3"

        def clear_import() -> None:
            for old in work.glob(imported.name + "*"):
                old.unlink()

        actions = {
            "export": lambda: peak_memory(["pa_manager", "export-employer", "--employer", name, "--out", str(target),
                                           "--data", str(data)]),
        }
        script = work / "runpy_raw_export.py"
        script.write_text(RAW_EXPORT)
        actions["floor"] = lambda: _raw_export(script, data, work / "raw.zip")

        def import_run():
            clear_import()
            return peak_memory(["pa_manager", "import-employer", str(target), "--create", "--data", str(imported)])

        actions["import"] = import_run
        results = taking_turns(actions, runs)
        exp, floor, imp = (results[k] for k in ("export", "floor", "import"))
        figures.add(f"export_{size}", f"export-employer, {size} file", median(v[0] for v in exp), "s",
                    floor="raw SELECTs into a zip", floor_value=median(v[0] for v in floor))
        figures.add(f"export_memory_{size}", f"export-employer, {size} file, peak memory", median(v[1] for v in exp),
                    "MiB", floor="raw SELECTs into a zip", floor_value=median(v[1] for v in floor), target="<= 200 MiB",
                    met=median(v[1] for v in exp) <= 200)
        figures.add(f"import_{size}", f"import-employer, {size} export into a new file", median(v[0] for v in imp), "s")
        figures.add(f"import_memory_{size}", f"import-employer, {size} export, peak memory", median(v[1] for v in imp),
                    "MiB", target="<= 200 MiB", met=median(v[1] for v in imp) <= 200)
        with zipfile.ZipFile(target) as archive:
            size_mib = sum(i.file_size for i in archive.infolist()) / 2**20
        print(f"  (the {size} export holds {size_mib:.0f} MiB of JSON)")


def _raw_export(script: Path, data: Path, target: Path) -> tuple[float, float]:
    wrapper = ("import resource, runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0]); "
               "print(f'peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}', file=sys.stderr)")
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", wrapper, str(script), str(data), str(target)], capture_output=True,
                         text=True, env=environment())
    elapsed = time.perf_counter() - started
    peak = next(line for line in out.stderr.splitlines() if line.startswith("peak "))
    return elapsed, int(peak.split()[1]) / 1024


# --- payslips ---------------------------------------------------------------------------------------------


def payslips(figures: Figures, runs: int, work: Path) -> None:
    from dataclasses import replace

    import payslips as bench

    slips = [bench.sample(week, pa) for week in range(52) for pa in range(10)][:bench.COUNT]
    slips = [replace(p, pa_name=f"{p.pa_name} week {i // 10 + 1}") for i, p in enumerate(slips)]
    from pa_manager.reports.payslip import write_payslips_separately

    ours = work / "payslips"
    raw = work / "raw-payslips"
    raw.mkdir(exist_ok=True)
    write_payslips_separately(slips[:5], work / "warm-up")
    for slip in slips:  # the raw floor's layout (each word's place, from the app's own) is worked out before the clock
        bench.marks(slip)
    bench.write_raw(slips[:5], raw)
    results = taking_turns({"ours": lambda: _timed(lambda: write_payslips_separately(slips, ours)),
                            "raw": lambda: _timed(lambda: bench.write_raw(slips, raw)),
                            "embedded": lambda: _timed(lambda: bench.write_raw_embedded(slips, raw)),
                            "helvetica": lambda: _timed(lambda: bench.write_raw_helvetica(slips, raw))}, runs)
    value, floor = median(results["ours"]), median(results["raw"])
    figures.add("payslips_520", f"{bench.COUNT} payslips (separate PDFs)", value, "s",
                floor="raw ReportLab, the same pages", floor_value=floor, target="<= 1.5x raw", met=value <= 1.5 * floor)
    figures.add("payslips_520_embedded", f"{bench.COUNT} payslips, against lines of their words in the font they embed",
                value, "s", floor="raw ReportLab, lines, embedded font", floor_value=median(results["embedded"]))
    figures.add("payslips_520_helvetica", f"{bench.COUNT} payslips, against lines of their words in Helvetica (not "
                "embedded; the floor before 4 December)", value, "s", floor="raw ReportLab, lines, Helvetica",
                floor_value=median(results["helvetica"]))


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


# --- the page ---------------------------------------------------------------------------------------------


def write_page(figures: Figures, before: dict, path: Path, runs: int, sizes: dict[str, tuple]) -> None:
    lines = [
        "# Performance",
        "",
        "Made by `python benchmarks/run_all.py`, which measures every figure below against its floor in the same",
        "run, taking turns, and reports the median of the runs. Do not edit by hand: run it again.",
        "",
        f"Measured {datetime.now():%d %B %Y %H:%M} on {platform.platform(terse=True)}, Python "
        f"{platform.python_version()}, {_cpus()} cores; {runs} runs of each figure. Other work on the computer "
        "slows a figure and its floor alike; the ratio is the figure to read.",
        "",
        "Data files (benchmarks/datasets.py): " + "; ".join(
            f"{name} {e} employer{'s' if e > 1 else ''} x {p} PAs x {y} year{'s' if y > 1 else ''}"
            for name, (e, p, y) in sizes.items()) + ", two visits a day per PA, monthly pay runs, checks, training "
        "and budget, dated from the day of the run.",
        "",
        "| what | " + ("before | " if before else "") + "now | floor, same run | ratio | target | |",
        "|---|" + ("---:|" if before else "") + "---:|---|---:|---|---|",
    ]
    for key, row in figures.rows.items():
        was = before.get(key) or before.get(_BEFORE_AS.get(key, ""))
        floor = f"{row['floor']} {_show(row['floor_value'], row['unit'])}" if row["floor_value"] else ""
        ratio = f"{row['value'] / row['floor_value']:.1f}x" if row["floor_value"] else ""
        verdict = "" if row["met"] is None else ("met" if row["met"] else "**missed**")
        lines.append(f"| {row['what']} | " + (f"{_show(was['value'], was['unit']) if was else ''} | " if before else "")
                     + f"{_show(row['value'], row['unit'])} | {floor} | {ratio} | {row['target']} | {verdict} |")
    notes = path.with_name("performance-notes.md")
    if notes.exists():
        lines += ["", notes.read_text().strip()]
    path.write_text("\n".join(lines) + "\n")


# Rows the code before had no separate figure for, and the figure that was theirs then: before, every start
# read the records before showing anything (as a first start today does now).
_BEFORE_AS = {f"{kind}_{size}": f"usable_{size}" for kind in ("usable_first", "ready") for size in datasets.SIZES}


def _cpus() -> int:
    import os

    return os.cpu_count() or 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    parser.add_argument("--sizes", nargs="+", choices=list(datasets.SIZES), default=list(datasets.SIZES))
    parser.add_argument("--before", type=Path, default=ROOT / "docs" / "performance-before.json")
    parser.add_argument("--no-write", action="store_true", help="write the figures (--json) but not the page")
    parser.add_argument("--json", type=Path, default=ROOT / "docs" / "performance.json")
    parser.add_argument("--page-only", action="store_true", help="write the page from the figures in --json")
    parser.add_argument("--demo-only", action="store_true", help="only the --demo rows (and their floor)")
    parser.add_argument("--against", type=Path, nargs="*", default=[],
                        help="with --demo-only: other checkouts measured in turns")
    args = parser.parse_args(argv)
    if args.demo_only:  # for working on the demo: its rows alone, written nowhere but the screen
        with tempfile.TemporaryDirectory(prefix="pa-manager-bench-") as folder:
            demo_only(Figures(), args.runs, Path(folder), [path.resolve() for path in args.against])
        return 0
    if args.page_only:  # the page again from the figures of the last run (after --no-write, say)
        figures = Figures()
        figures.rows = json.loads(args.json.read_text())
        before = json.loads(args.before.read_text()) if args.before and args.before.exists() else {}
        write_page(figures, before, ROOT / "docs" / "performance.md", args.runs, datasets.SIZES)
        return 0
    files = {size: datasets.data_file(size) for size in args.sizes if size in args.sizes}
    figures = Figures()
    with tempfile.TemporaryDirectory(prefix="pa-manager-bench-") as folder:
        work = Path(folder)
        copies = {size: fresh_copy(path, work, f"{size}.sqlite3") for size, path in files.items()}
        compile_all()
        if "usable" in args.only:
            usable(figures, copies, args.runs, work)
        if "interactive" in args.only:
            interactive(figures, copies, args.runs)
        if "payrun" in args.only:
            payrun(figures, files, args.runs, work)
        if "cli" in args.only and "household" in files:
            cli(figures, files, args.runs, work)
        if "export" in args.only:
            export(figures, files, max(3, args.runs // 2), work)
        if "payslips" in args.only:
            payslips(figures, args.runs, work)
    args.json.parent.mkdir(exist_ok=True)
    args.json.write_text(json.dumps(figures.rows, indent=1) + "\n")
    if args.no_write:
        return 0
    before = json.loads(args.before.read_text()) if args.before and args.before.exists() else {}
    if set(args.only) == set(SECTIONS) and set(args.sizes) == set(datasets.SIZES):
        write_page(figures, before, ROOT / "docs" / "performance.md", args.runs, datasets.SIZES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
