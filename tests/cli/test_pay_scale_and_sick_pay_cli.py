"""`pa-manager pay-scale` (whether pay runs pay the scale) and `pa-manager sick-pay-scheme` (show, set,
remove the employer's own sick pay scheme): stored as the screens store them, errors in one sentence."""
import json
import shutil
from datetime import date

import pytest

from pa_manager import cli
from pa_manager.domain.occupational_sick_pay import SickPayScheme
from pa_manager.services import employers, sick_pay_scheme
from pa_manager.storage.database import open_database

EMPLOYER = "Margaret Okafor"


@pytest.fixture
def demo_file(tmp_path, _demo_data_file, monkeypatch):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(_demo_data_file, path)
    monkeypatch.setattr(cli, "_today", lambda: date(2026, 11, 23))
    return path


def run(capsys, *args):
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def stored(path):
    db = open_database(path, read_only=True)[0]
    try:
        employer = employers.find_employer(db, EMPLOYER)
        return employer.applies_pay_scale, sick_pay_scheme.get_scheme(db, employer.id)
    finally:
        db.close()


def test_the_scheme_is_set_shown_changed_and_removed(demo_file, capsys):
    data = ("--data", str(demo_file))
    code, out, err = run(capsys, "sick-pay-scheme", "--employer", EMPLOYER, "--json", *data)
    assert (code, err, json.loads(out)["scheme"]) == (0, "", None)
    code, out, err = run(capsys, "sick-pay-scheme", "--employer", EMPLOYER, "--full-weeks", "4", "--half-weeks", "4",
                         "--qualifying-months", "6", "--json", *data)
    assert code == 0 and err == ""
    assert json.loads(out)["scheme"] == {"full_pay_weeks": 4, "half_pay_weeks": 4, "qualifying_months": 6,
                                         "waiting_days": 0}
    assert stored(demo_file)[1] == SickPayScheme(4, 4, 6, 0)
    # Only what is given changes.
    code, out, _ = run(capsys, "sick-pay-scheme", "--employer", EMPLOYER, "--waiting-days", "3", *data)
    assert code == 0 and "4 weeks at full pay, then 4 weeks at half pay" in out and "3 waiting days" in out
    assert stored(demo_file)[1] == SickPayScheme(4, 4, 6, 3)
    code, out, _ = run(capsys, "sick-pay-scheme", "--employer", EMPLOYER, "--remove", *data)
    assert code == 0 and "Statutory Sick Pay only" in out
    assert stored(demo_file)[1] is None


def test_a_wrong_scheme_is_one_sentence_and_nothing_stored(demo_file, capsys):
    code, out, err = run(capsys, "sick-pay-scheme", "--employer", EMPLOYER, "--full-weeks", "60",
                         "--data", str(demo_file))
    assert code != 0 and out == "" and "0 to 52" in err and "Traceback" not in err
    assert stored(demo_file)[1] is None
    code, _, err = run(capsys, "sick-pay-scheme", "--employer", EMPLOYER, "--remove", "--full-weeks", "2",
                       "--data", str(demo_file))
    assert code != 0 and "not both" in err


def test_pay_scale_opt_in_and_out(demo_file, capsys):
    data = ("--data", str(demo_file))
    code, out, err = run(capsys, "pay-scale", "--employer", EMPLOYER, "--json", *data)
    assert code == 0 and json.loads(out)["applied"] is False
    code, out, _ = run(capsys, "pay-scale", "--employer", EMPLOYER, "--apply", *data)
    assert code == 0 and "Pay runs pay each step" in out
    assert stored(demo_file)[0] is True
    code, out, _ = run(capsys, "pay-scale", "--employer", EMPLOYER, "--suggest-only", "--json", *data)
    assert json.loads(out)["applied"] is False and stored(demo_file)[0] is False


def test_an_unknown_employer_is_named(demo_file, capsys):
    code, _, err = run(capsys, "sick-pay-scheme", "--employer", "Nobody", "--data", str(demo_file))
    assert code != 0 and "no employer called Nobody" in err


def test_a_scheme_for_one_pa_instead(demo_file, capsys):
    data = ("--data", str(demo_file))
    run(capsys, "sick-pay-scheme", "--employer", EMPLOYER, "--full-weeks", "4", *data)
    db = open_database(demo_file, read_only=True)[0]
    try:
        employer = employers.find_employer(db, EMPLOYER)
        from pa_manager.services import people
        pa = people.list_pas(db, employer.id)[0]
    finally:
        db.close()
    code, out, err = run(capsys, "sick-pay-scheme", "--employer", EMPLOYER, "--pa", pa.name, "--full-weeks", "8",
                         "--json", *data)
    assert code == 0 and err == ""
    assert json.loads(out) == {"employer": EMPLOYER, "pa": pa.name, "scheme": {
        "full_pay_weeks": 8, "half_pay_weeks": 0, "qualifying_months": 0, "waiting_days": 0}}
    db = open_database(demo_file, read_only=True)[0]
    try:
        assert sick_pay_scheme.get_scheme(db, employer.id, pa.id) == SickPayScheme(8, 0, 0, 0)
        assert sick_pay_scheme.get_scheme(db, employer.id) == SickPayScheme(4, 0, 0, 0)
    finally:
        db.close()
    code, out, _ = run(capsys, "sick-pay-scheme", "--employer", EMPLOYER, "--pa", pa.name, "--remove", *data)
    assert code == 0 and "no sick pay scheme of their own" in out
