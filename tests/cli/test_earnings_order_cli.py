"""`pa-manager earnings-order add|list|stop`: court orders recorded from the command line, listed in
words and as JSON (money as decimal strings), mistakes as one sentence on stderr."""
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


ADD = ("earnings-order", "add", "--employer", "Margaret Okafor", "--pa", "Janet Moyo", "--reference", "K12X3456",
       "--court", "County Court Business Centre", "--kind", "judgment_debt", "--start", "2027-01-01",
       "--normal-deduction", "100", "--protected-earnings", "500.50", "--total", "850")


def test_add_list_and_stop(demo_location, capsys):
    per = "month"   # the demo's Margaret Okafor pays monthly
    code, out, err = run(capsys, *ADD, "--per", per, "--json", "--data", demo_location)
    assert (code, err) == (0, "")
    [order] = json.loads(out)
    assert (order["pa"], order["reference"], order["kind"], order["start_date"]) == (
        "Janet Moyo", "K12X3456", "judgment_debt", "2027-01-01")
    assert (order["normal_deduction_rate"], order["protected_earnings_rate"], order["total_to_pay"]) == (
        "100", "500.50", "850")
    assert (order["deducted"], order["left_to_pay"], order["end_date"], order["take_fee"]) == ("0.00", "850.00", None, True)

    code, out, err = run(capsys, "earnings-order", "list", "--employer", "Margaret Okafor", "--data", demo_location)
    assert (code, err) == (0, "")
    period = "a month" if per == "month" else "a week"
    assert out == (f"Janet Moyo: Order K12X3456 from County Court Business Centre (judgment debt or administration "
                   f"order), £100.00 {period}, protected earnings £500.50 {period}, from 1 January 2027: £0.00 paid "
                   "so far, £850.00 left to pay.\n")

    code, out, err = run(capsys, "earnings-order", "stop", "--employer", "Margaret Okafor", "--pa", "Janet Moyo",
                         "--reference", "k12x3456", "--on", "2027-03-01", "--json", "--data", demo_location)
    assert (code, err) == (0, "")
    assert json.loads(out)[0]["end_date"] == "2027-03-01"
    code, out, err = run(capsys, "earnings-order", "stop", "--employer", "Margaret Okafor", "--pa", "Janet Moyo",
                         "--reference", "K12X3456", "--data", demo_location)
    assert (code, out, err) == (1, "", "Order K12X3456 is already stopped.\n")


def test_mistakes_are_one_sentence(demo_location, capsys):
    per = "month"   # the demo's Margaret Okafor pays monthly
    code, out, err = run(capsys, *ADD[:-2], "--per", per, "--normal-deduction", "0", "--data", demo_location)
    assert code != 0 and out == ""
    assert err == "Enter the normal deduction rate from the order: more than £0.\n"
    code, out, err = run(capsys, "earnings-order", "stop", "--employer", "Margaret Okafor", "--pa", "Janet Moyo",
                         "--reference", "NOPE", "--data", demo_location)
    assert (code, out) == (1, "")
    assert err == "Check the reference: Janet Moyo has no attachment of earnings order NOPE.\n"
    code, out, err = run(capsys, "earnings-order", "list", "--employer", "Margaret Okafor", "--json",
                         "--data", demo_location)
    assert (code, json.loads(out)) == (0, [])
