"""`pa-manager family-leave add|list`: leave recorded from the command line, listed in words and as JSON
(money as decimal strings), mistakes as one sentence on stderr."""
from __future__ import annotations

import json

import pytest

from pa_manager import cli
from tests.conftest import TODAY


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(cli, "_today", lambda: TODAY)


def run(capsys, *args):
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_and_list(demo_location, capsys):
    code, out, err = run(capsys, "family-leave", "add", "--employer", "Margaret Okafor", "--pa", "Janet Moyo",
                         "--kind", "smp", "--due", "2026-12-10", "--leave-start", "2026-11-29", "--awe", "400",
                         "--evidence-received", "2026-09-01", "--kit-day", "2027-01-12", "--kit-day", "2027-02-09",
                         "--json", "--data", demo_location)
    assert (code, err) == (0, "")
    [leave] = json.loads(out)
    assert (leave["pa"], leave["kind"], leave["key_date"], leave["pay_start"]) == (
        "Janet Moyo", "SMP", "2026-12-10", "2026-11-29")
    assert leave["qualifying_week"] == "2026-08-23"          # EWC 6 December 2026, 15 weeks before
    assert (leave["entitled"], leave["codes"], leave["lower_earnings_limit"]) == (True, [], "129")
    assert leave["keeping_in_touch_days"] == ["2027-01-12", "2027-02-09"]
    weeks = leave["pay_weeks"]
    assert len(weeks) == 39
    assert weeks[0] == {"week": 1, "from": "2026-11-29", "to": "2026-12-05", "weekly_rate": "360.00",
                        "basis": "EARNINGS_RELATED"}
    assert weeks[6]["weekly_rate"] == "194.32" and weeks[6]["basis"] == "STANDARD_RATE"
    assert leave["total"] == "8572.56"                         # 6 x 360.00 + 33 x 194.32

    code, out, err = run(capsys, "family-leave", "list", "--employer", "Margaret Okafor", "--data", demo_location)
    assert (code, err) == (0, "")
    assert out == "Janet Moyo: Statutory Maternity Pay from 29 November 2026: 39 weeks, £8,572.56 in all\n"
    code, out, _ = run(capsys, "family-leave", "list", "--employer", "Margaret Okafor", "--pa", "Priya Sandhu",
                       "--json", "--data", demo_location)
    assert (code, json.loads(out)) == (0, [])


def test_awe_left_out_is_worked_out_from_the_finalised_pay(demo_location, capsys):
    code, out, err = run(capsys, "family-leave", "add", "--employer", "Margaret Okafor", "--pa", "Janet Moyo",
                         "--kind", "SPP", "--due", "2027-01-20", "--leave-start", "2027-01-24", "--weeks", "2",
                         "--json", "--data", demo_location)
    assert (code, err) == (0, "")
    [leave] = json.loads(out)
    # The demo pays Janet every month for years: her AWE is far above the LEL, so SPP is the standard rate.
    assert leave["entitled"] and float(leave["average_weekly_earnings"]) > 129
    assert [w["weekly_rate"] for w in leave["pay_weeks"]] == ["194.32", "194.32"]


@pytest.mark.parametrize("args, message", [
    (["--kind", "SPP", "--due", "2026-12-10", "--leave-start", "2026-12-06", "--awe", "400", "--weeks", "3"],
     "Enter fewer weeks of pay: this kind of pay has a limit set by law.\n"),
    (["--kind", "SMP", "--matched", "2026-12-10", "--leave-start", "2026-12-06", "--awe", "400"],
     "Choose adoption only for adoption, paternity or shared parental pay.\n"),
])
def test_mistakes_are_one_sentence(demo_location, capsys, args, message):
    code, out, err = run(capsys, "family-leave", "add", "--employer", "Margaret Okafor", "--pa", "Janet Moyo", *args,
                         "--data", demo_location)
    assert code != 0 and out == ""
    assert err == message


def test_a_missing_date_is_a_usage_sentence(demo_location, capsys):
    code, out, err = run(capsys, "family-leave", "add", "--employer", "Margaret Okafor", "--pa", "Janet Moyo",
                         "--kind", "SMP", "--leave-start", "2026-12-06", "--data", demo_location)
    assert code == cli.EXIT_USAGE and out == ""
    assert err.count("\n") == 1 and "--due" in err and "Traceback" not in err
