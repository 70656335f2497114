"""Start-up: process start to the records on screen, for a household's file, a caseload's, ten years of
one employer's and the demo, each against a bare PySide6 window measured the same way in the same run
(benchmarks/run_all.py's "usable" section; the app says when its dashboard shows the records).

    python benchmarks/startup.py [--runs N]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run_all  # noqa: E402

if __name__ == "__main__":
    sys.exit(run_all.main(["--only", "usable", "--no-write", "--json", "/dev/null", *sys.argv[1:]]))
