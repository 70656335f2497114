"""The employer's year on the command line: loans in calc-pay, P45 and P60, RTI files."""
import json

import pytest

from tests.cli.test_cli import run


@pytest.mark.parametrize("args, expected", [
    # 2026-27 monthly 3,000: Plan 2 (29,385 / 12 = 2,448.75) 551.25 x 9% = 49.61 -> 49; Postgraduate
    # (1,750) 1,250 x 6% = 75.
    (["--frequency", "monthly", "--gross", "3000", "--student-loan", "2", "--postgraduate-loan"],
     {"student_loan": "49.00", "postgraduate_loan": "75.00"}),
    # Weekly 700 on Plan 5 (25,000 / 52 = 480.76): 219.24 x 9% = 19.73 -> 19; no Postgraduate Loan asked.
    (["--frequency", "weekly", "--gross", "700", "--student-loan", "5"], {"student_loan": "19.00"}),
    # Fortnightly 1,300 on Plan 2: 650 a week against 565.09 -> 7 a week, 14 (CSLM17065).
    (["--frequency", "fortnightly", "--gross", "1300", "--student-loan", "2"], {"student_loan": "14.00"}),
])
def test_calc_pay_with_loans(capsys, args, expected):
    code, out, err = run(capsys, "calc-pay", "--tax-year", "2026-27", "--period", "2", "--tax-code", "1257L",
                         *args, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert {k: result[k] for k in expected} == expected
    assert ("postgraduate_loan" in result) == ("--postgraduate-loan" in args)


def test_calc_pay_refuses_a_plan_that_does_not_exist(capsys):
    code, out, err = run(capsys, "calc-pay", "--tax-year", "2026-27", "--frequency", "monthly", "--period", "1",
                         "--gross", "3000", "--tax-code", "1257L", "--student-loan", "3")
    assert code != 0 and "Traceback" not in err and "--student-loan" in err and len(err.strip().splitlines()) == 1


def test_p45_for_the_demo_leaver_and_p60s_for_last_year(demo_location, tmp_path, capsys, monkeypatch):
    import subprocess
    from datetime import date

    from pa_manager import cli

    monkeypatch.setattr(cli, "_today", lambda: date(2026, 11, 23))
    data = demo_location
    code, out, err = run(capsys, "p45", "--employer", "Margaret Okafor", "--pa", "Sam Ellis",
                         "--out", str(tmp_path / "p45.pdf"), "--json", "--data", data)
    assert code == 0, err
    form = json.loads(out)
    assert form["leaving_date"] == "2025-09-30" and form["last_period"] == "Month 6"
    assert form["pay_to_date"] == form["this_employment_pay"] != "0.00"
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "p45.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "P45 Part 1A" in text and "P45 Part 2" in text and "P45 Part 3" in text and "30 September 2025" in text
    code, out, err = run(capsys, "p45", "--employer", "Margaret Okafor", "--pa", "Janet Moyo",
                         "--out", str(tmp_path / "no.pdf"), "--data", data)
    assert code != 0 and "leaving date" in err and not (tmp_path / "no.pdf").exists()

    code, out, err = run(capsys, "p60", "--employer", "Margaret Okafor", "--tax-year", "2025-26",
                         "--out-dir", str(tmp_path / "p60"), "--json", "--data", data)
    assert code == 0, err
    result = json.loads(out)
    names = {p["pa"] for p in result["p60s"]}
    assert "Sam Ellis" not in names and names   # left in September: a P45, not a P60
    assert len(result["files"]) == len(names)
    for p60 in result["p60s"]:
        assert p60["total_pay"] == f"{float(p60['pay']) + float(p60['previous_pay']):.2f}"
    code, out, err = run(capsys, "p60", "--employer", "Margaret Okafor", "--tax-year", "2026-27",
                         "--out-dir", str(tmp_path / "early"), "--data", data)
    assert code != 0 and "5 April 2027" in err
