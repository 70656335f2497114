"""What the benchmark scripts share: timing a fresh process as the user sees it, and taking turns.

Every figure is compared with a floor measured in the same run, taking turns (a busy moment on the
computer slows both alike), and the median of the runs is reported.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The floor for time to usable: a bare PySide6 window, started, shown and painted, in a fresh Python.
BARE_WINDOW = """
import resource, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.setWindowTitle("bare"); w.resize(1100, 760); w.show()
app.processEvents()
print(f"shown {time.time():.6f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
"""


def environment(**extra: str) -> dict[str, str]:
    """The children's environment: offscreen Qt, this checkout first, and Python's compiled files kept
    (as an installed app has them: pip compiles them when it installs)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra)
    return env


# A second floor for anything that reads the data file: a fresh Python importing the database layer
# (SQLAlchemy and the app's models), which every command and the window need before the first query.
DATABASE_LAYER = "import pa_manager.storage.models, pa_manager.storage.database"


def compile_all(root: Path = ROOT) -> None:
    """Compile the app's Python once, so no run pays for it (an installed app ships compiled)."""
    import compileall

    compileall.compile_dir(str(root / "pa_manager"), quiet=1)
    if (root / "pa_manager" / "dataclass_code.py").exists():  # and its dataclasses' methods (not in older copies)
        subprocess.run([sys.executable, "-c", "from pa_manager.dataclass_code import make_file; make_file()"],
                       check=True, cwd=root, env=dict(environment(), PYTHONPATH=str(root)))


def time_to_shown(argv: Sequence[str], env: dict[str, str] | None = None, timeout: float = 180,
                  cwd: Path = ROOT) -> tuple[float, float, float]:
    """Seconds from starting a process to its "shown <time> <peak KiB>" line (records on screen), to its
    "ready ..." line (the records read now on screen, the window answering; the same when it says only
    "shown"), and its peak memory in MiB then. The app prints them when PA_MANAGER_QUIT_WHEN_SHOWN is set
    (pa_manager.app)."""
    env = env or environment(PA_MANAGER_QUIT_WHEN_SHOWN="1")
    started = time.time()
    out = subprocess.run(list(argv), capture_output=True, text=True, env=env, timeout=timeout, cwd=cwd)
    stamps = {line.split()[0]: line.split()[1:] for line in out.stdout.splitlines()
              if line.startswith(("shown ", "ready "))}
    if "shown" not in stamps:
        raise RuntimeError(f"{' '.join(argv)} never said it was shown:\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}")
    shown, peak = stamps["shown"]
    ready, peak = stamps.get("ready", (shown, peak))
    return float(shown) - started, float(ready) - started, int(peak) / 1024


def bare_window() -> tuple[float, float]:
    return time_to_shown([sys.executable, "-c", BARE_WINDOW], environment())


def app_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "pa_manager", *args]


def wall_time(argv: Sequence[str], *, check: bool = True, before: Callable[[], None] | None = None) -> float:
    """Seconds a whole command takes, from starting the process to its end."""
    if before is not None:
        before()
    started = time.perf_counter()
    out = subprocess.run(list(argv), capture_output=True, text=True, env=environment(), cwd=ROOT)
    elapsed = time.perf_counter() - started
    if check and out.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, argv))} failed ({out.returncode}): {out.stderr[-1000:]}")
    return elapsed


def peak_memory(argv: Sequence[str]) -> tuple[float, float]:
    """Seconds and peak memory (MiB) of a whole Python command: `argv` is run under a small wrapper that
    reports the process's own peak resident memory when it ends."""
    wrapper = ("import resource, runpy, sys, time; sys.argv = sys.argv[1:]; "
               "code = 0\n"
               "try:\n    runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)\n"
               "except SystemExit as e:\n    code = e.code or 0\n"
               "print(f'peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}', file=sys.stderr)\n"
               "sys.exit(code)")
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", wrapper, *argv], capture_output=True, text=True, env=environment(),
                         cwd=ROOT)
    elapsed = time.perf_counter() - started
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, argv))} failed: {out.stderr[-1000:]}")
    peak = next(line for line in out.stderr.splitlines() if line.startswith("peak "))
    return elapsed, int(peak.split()[1]) / 1024


def taking_turns(actions: dict[str, Callable[[], object]], runs: int, warm: int = 1) -> dict[str, list]:
    """Each action `runs` times, one after the other in turn (after `warm` rounds not counted)."""
    results: dict[str, list] = {name: [] for name in actions}
    for round_ in range(warm + runs):
        for name, action in actions.items():
            value = action()
            if round_ >= warm:
                results[name].append(value)
    return results


def median(values) -> float:
    return statistics.median(values)


def timed(action: Callable[[], object]) -> Callable[[], float]:
    def run() -> float:
        started = time.perf_counter()
        action()
        return time.perf_counter() - started
    return run


def fresh_copy(source: Path, folder: Path, name: str | None = None) -> Path:
    """A copy of a data file to change (the cached one is never changed)."""
    target = folder / (name or source.name)
    for old in folder.glob(target.name + "*"):
        if old.is_file():
            old.unlink()
    shutil.copy(source, target)
    os.chmod(target, 0o600)
    return target
