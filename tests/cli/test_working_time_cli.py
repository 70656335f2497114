"""`pa-manager working-time --employer E [--json]`: the working-time findings of the last 17 weeks and the
coming rota, in the dashboard's words, with the figures as decimal strings; and `due` lists them too."""
import json
import shutil
from datetime import date, time

import pytest

from pa_manager import cli
from pa_manager.domain.people import PARecord
from pa_manager.services import people
from pa_manager.services.employers import find_employer
from pa_manager.services.shifts import ShiftInput, save_shift
from pa_manager.storage.database import open_database

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo_file(tmp_path, _demo_data_file, monkeypatch):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(_demo_data_file, path)
    monkeypatch.setattr(cli, "_today", lambda: TODAY)
    return path


def run(capsys, *args):
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_demo_household_keeps_to_the_rules(demo_file, capsys):
    code, out, err = run(capsys, "working-time", "--employer", "Margaret Okafor", "--data", str(demo_file))
    assert (code, err) == (0, "")
    assert out == ("No working-time problems from 27 July 2026 to 23 December 2026 (the last 17 weeks and the "
                   "coming rota).\n")


def test_a_short_rest_and_a_short_break_are_listed_with_their_figures(demo_file, capsys):
    db = open_database(demo_file)[0]
    try:
        employer_id = find_employer(db, "Margaret Okafor").id
        pa = people.save_pa(db, employer_id, PARecord(name="Ivy Penrose", start_date=date(2026, 10, 1),
                                                      working_time_opt_out=date(2026, 10, 1)), TODAY)
        save_shift(db, employer_id, ShiftInput(pa.id, date(2026, 11, 24), time(14), time(23)))
        save_shift(db, employer_id, ShiftInput(pa.id, date(2026, 11, 25), time(7), time(11)))
    finally:
        db.close()
    code, out, err = run(capsys, "working-time", "--employer", "Margaret Okafor", "--json", "--data", str(demo_file))
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert (document["from"], document["to"]) == ("2026-07-27", "2026-12-23")
    assert document["opt_outs"] == [{"pa": "Ivy Penrose", "signed": "2026-10-01"}]
    assert [(r["pa"], r["code"], r["day"], r["found"], r["limit"], r["unit"], r["first"], r["shifts"])
            for r in document["findings"]] == [
        ("Ivy Penrose", "WORKING_TIME_DAILY_REST_SHORT", "2026-11-24", "8.00", "11.00", "hours", None, 2),
        ("Ivy Penrose", "WORKING_TIME_BREAK_SHORT", "2026-11-24", "0", "20", "minutes", None, 1),
    ]
    assert document["findings"][1]["message"] == (
        "Make sure Ivy Penrose can take a break of at least 20 minutes in one go in their shift on 24 November "
        "2026, and record it as the shift's unpaid break (it has no break).")
    code, out, _ = run(capsys, "working-time", "--employer", "Margaret Okafor", "--data", str(demo_file))
    assert out.splitlines()[-1] == "Ivy Penrose signed the 48-hour opt-out on 1 October 2026."
    assert ("Change Ivy Penrose's shifts so they have 11 hours off in a row: they get at most 8 hours of rest in "
            "a row" in out)
    code, out, _ = run(capsys, "due", "--employer", "Margaret Okafor", "--json", "--data", str(demo_file))
    [row] = [r for r in json.loads(out) if r["code"] == "WORKING_TIME_DAILY_REST_SHORT"]
    assert (row["pa"], row["due"], row["status"], row["found"], row["limit"], row["unit"]) == (
        "Ivy Penrose", "2026-11-24", "warning", "8.00", "11.00", "hours")
    assert row["message"].startswith("Check: Change Ivy Penrose's shifts so they have 11 hours off in a row")


def test_an_unknown_employer_is_one_sentence_on_stderr(demo_file, capsys):
    code, out, err = run(capsys, "working-time", "--employer", "Nobody Here", "--data", str(demo_file))
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
