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
