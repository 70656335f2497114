"""Dates a command is given that PA Manager has no rates for are refused in words, not with "Something
unexpected went wrong" (found by tests/cli/test_cli_fuzz.py)."""
import contextlib
import io
import json
import shutil
from datetime import date

import pytest

from pa_manager import cli
from tests.export_sample import RESIDENT

TODAY = date(2026, 11, 23)


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv, words", [
    (["payrun", "--employer", RESIDENT, "--pay-date", "0001-01-01"], "a date must be in a year from 1900 to 2199"),
    (["payrun", "--employer", RESIDENT, "--pay-date", "2040-01-31", "--json"], None),
    (["check-wage", "--date-of-birth", "9999-12-31", "--period-start", "0001-01-01", "--period-end", "9999-12-31",
      "--hours", "1", "--pay", "1"], "no minimum wage rates for 1 January 1"),
])
def test_dates_outside_the_rates_are_refused_in_words(argv, words, resident_data_file, tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "_today", lambda: TODAY)
    data_file = tmp_path / "data.sqlite3"
    shutil.copy(resident_data_file, data_file)
    code, out, err = run(argv + (["--data", str(data_file)] if argv[0] == "payrun" else []))
    if words is None:  # each PA's pay says why it cannot be worked out
        assert code == 0 and all("no tax rates for 2039-40" in p["problem"] for p in json.loads(out)["pas"])
    else:
        assert code != 0 and words in err and len(err.splitlines()) == 1
