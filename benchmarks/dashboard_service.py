"""The dashboard's records gathered by the service alone (services.dashboard.load_dashboard without the
budget line, which the window asks for once the rest is on screen), as processor time: issue 17's target
is 0.1 s at every size. benchmarks/interactive.py's figure is the window's wall time until they are drawn.

    python benchmarks/dashboard_service.py [--size large] [--calls 9] [--runs 3] [--against CHECKOUT ...]

Each run is a fresh process that makes one dashboard not counted, then `calls` more, and gives their median
and fastest. With --against, the same for other copies of PA Manager (the code before a change, say a
`git worktree add --detach`), taking turns run by run on the same data file, so that other work on the
machine weighs on each alike. `--profile` prints where one copy's time goes instead.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve()
TARGET = 0.1


def measure(path: str, calls: int) -> dict:
    """In this process, with the pa_manager on sys.path: the processor time of `calls` dashboards."""
    from pa_manager.services import dashboard, data_files
    from pa_manager.services.employers import list_employers

    today = date.today()
    db = data_files.open_data_file(Path(path), read_only=True).db
    employer_id = list_employers(db, today)[0].id

    def one() -> float:
        started = time.process_time()
        dashboard.load_dashboard(db, employer_id, today, with_budget=False)
        return time.process_time() - started

    one()
    times = [one() for _ in range(calls)]
    return {"median": statistics.median(times), "fastest": min(times)}


def profile(path: str) -> None:
    import cProfile
    import pstats

    from pa_manager.services import dashboard, data_files
    from pa_manager.services.employers import list_employers

    db = data_files.open_data_file(Path(path), read_only=True).db
    employer_id = list_employers(db, date.today())[0].id
    dashboard.load_dashboard(db, employer_id, date.today(), with_budget=False)
    profiler = cProfile.Profile()
    profiler.runcall(lambda: [dashboard.load_dashboard(db, employer_id, date.today(), with_budget=False)
                              for _ in range(5)])
    pstats.Stats(profiler).sort_stats("cumulative").print_stats("pa_manager", 40)


def run_in(checkout: Path, path: str, calls: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    out = subprocess.run([sys.executable, str(HERE), "--one", path, "--calls", str(calls)], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="large", help="a size in benchmarks/datasets.py (household, caseload, large)")
    parser.add_argument("--calls", type=int, default=9)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", nargs="*", default=[], type=Path, help="other checkouts to measure in turn")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a single run, in a child process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.calls)))
        return
    sys.path.insert(0, str(HERE.parent))
    import datasets

    path = str(datasets.data_file(args.size))
    if args.profile:
        profile(path)
        return
    checkouts = [HERE.parent.parent, *args.against]
    results: dict[Path, list[dict]] = {c: [] for c in checkouts}
    for _ in range(args.runs):
        for checkout in checkouts:
            results[checkout].append(run_in(checkout, path, args.calls))
    for checkout, runs in results.items():
        medians = " ".join(f"{r['median']:.3f}" for r in runs)
        fastest = " ".join(f"{r['fastest']:.3f}" for r in runs)
        overall = statistics.median(r["median"] for r in runs)
        verdict = "met" if overall <= TARGET else "MISSED"
        print(f"{checkout}: dashboard ({args.size}) medians {medians} s, fastest {fastest} s; "
              f"median of medians {overall:.3f} s, target {TARGET} s {verdict}")


if __name__ == "__main__":
    main()
