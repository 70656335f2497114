"""pa-manager check-wage: the calculator on the command line."""
import json

import pytest

from pa_manager import cli


def check(capsys, *args):
    code = cli.main(["check-wage", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "args, band, minimum, effective, shortfall, meets, rlw, meets_rlw",
    [
        # 19 in November 2026: 18-20 band £10.85; 80 h for £850 = £10.625 -> shortfall 80 x 10.85 - 850 = 18.00
        (["--date-of-birth", "2007-03-01", "--hours", "80", "--pay", "850"], "18-20", "10.85", "10.63", "18.00", False, "13.45", False),
        # 30 years old, NLW £12.71; 100 h for £1,400 = £14.00, above the RLW of £13.45
        (["--age", "30", "--hours", "100", "--pay", "1400"], "NLW", "12.71", "14.00", "0.00", True, "13.45", True),
        # London: same pay, London Living Wage £14.80
        (["--age", "30", "--hours", "100", "--pay", "1400", "--london"], "NLW", "12.71", "14.00", "0.00", True, "14.80", False),
        # 17: under-18 band £8.00; the Real Living Wage is for 18 and over
        (["--age", "17", "--hours", "10", "--pay", "80"], "under-18", "8.00", "8.00", "0.00", True, None, None),
        # Apprentice aged 20 in the first year: apprentice rate £8.00
        (["--date-of-birth", "2006-01-10", "--apprentice", "--apprenticeship-start", "2026-09-01", "--hours", "30", "--pay", "240"],
         "apprentice", "8.00", "8.00", "0.00", True, "13.45", False),
    ],
)
def test_json_answers(capsys, args, band, minimum, effective, shortfall, meets, rlw, meets_rlw):
    code, out, err = check(capsys, "--period-start", "2026-11-01", "--period-end", "2026-11-30", *args, "--json")
    assert code == 0 and err == ""
    result = json.loads(out)
    assert (result["band"], result["minimum_hourly_rate"], result["effective_hourly_rate"], result["shortfall"]) == (
        band, minimum, effective, shortfall)
    assert result["meets_minimum"] is meets
    assert result["real_living_wage_hourly_rate"] == rlw and result["meets_real_living_wage"] is meets_rlw


def test_a_period_starting_before_1_april_uses_the_old_rate(capsys):
    code, out, _ = check(capsys, "--age", "40", "--period-start", "2026-03-28", "--period-end", "2026-04-03",
                         "--hours", "10", "--pay", "122.10", "--json")
    assert json.loads(out)["minimum_hourly_rate"] == "12.21" and json.loads(out)["meets_minimum"] is True


@pytest.mark.parametrize(
    "args, message",
    [
        (["--date-of-birth", "2015-01-01", "--hours", "8", "--pay", "100"], "does not cover workers under 16"),
        (["--age", "30", "--hours", "-8", "--pay", "100"], "The hours must be 0 or more."),
        (["--age", "30", "--hours", "8", "--pay", "lots"], "lots is not a number"),
        (["--age", "30", "--hours", "8", "--pay", "1e40"], "1e40 is not a number"),
        (["--age", "30", "--hours", "NaN", "--pay", "100"], "NaN is not a number"),
        (["--age", "30", "--hours", "8", "--pay", "100", "--period-end", "2026-10-01"], "must end on or after the day it starts"),
    ],
)
def test_bad_input_is_one_sentence_and_a_non_zero_code(capsys, args, message):
    base = ["--period-start", "2026-11-01"] + ([] if "--period-end" in args else ["--period-end", "2026-11-30"])
    code, out, err = check(capsys, *base, *args)
    assert code != 0 and out == "" and message in err and err.count("\n") == 1
