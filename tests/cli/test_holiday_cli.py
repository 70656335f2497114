"""`pa-manager holiday`: the balance, booking (refused beyond what is left) and carrying over, as text
and JSON, on the demo household (Janet Moyo: 27.5 hours over Monday to Friday, leave year from 1 April,
bank holidays part of the entitlement)."""
import json
from decimal import Decimal

from tests.cli.test_cli import run

JANET = ["--employer", "Margaret Okafor", "--pa", "Janet Moyo"]


def _show(capsys, data, on="2026-06-01"):
    code, out, err = run(capsys, "holiday", *JANET, "--on", on, "--json", "--data", data)
    assert code == 0, err
    return json.loads(out)


def test_the_balance_as_json(demo_location, capsys):
    shown = _show(capsys, demo_location)
    assert shown["leave_year"] == {"start": "2026-04-01", "end": "2027-03-31"}
    assert shown["basis"] == "fixed_hours"
    assert shown["entitlement_hours"] == "154.00"  # 5.6 weeks x 27.5 hours
    # England, 1 April 2026 to 31 March 2027: 10 bank holidays on weekdays, 5.5 hours each
    assert len(shown["bank_holidays"]["days"]) == 10 and shown["bank_holidays"]["hours"] == "55.00"
    parts = {k: Decimal(shown[k]) for k in ("entitlement_hours", "carried_in_hours", "taken_hours", "booked_hours")}
    assert Decimal(shown["left_hours"]) == (parts["entitlement_hours"] + parts["carried_in_hours"] - Decimal("55")
                                            - parts["taken_hours"] - parts["booked_hours"])


def test_book_and_the_booking_refused_beyond_the_balance(demo_location, capsys):
    before = _show(capsys, demo_location)
    code, out, err = run(capsys, "holiday", "book", *JANET, "--from", "2026-12-07", "--to", "2026-12-11", "--json",
                         "--data", demo_location)
    assert code == 0, err
    booked = json.loads(out)
    assert booked["booked"] == {"first_day": "2026-12-07", "last_day": "2026-12-11", "hours": "27.50"}
    assert Decimal(booked["left_hours"]) == Decimal(before["left_hours"]) - Decimal("27.50")
    code, out, err = run(capsys, "holiday", "book", *JANET, "--from", "2027-01-04", "--to", "2027-01-29",
                         "--hours", "500", "--data", demo_location)
    assert code == 1 and out == "" and "Traceback" not in err
    assert err.strip() == (f"They have {booked['left_hours']} hours of holiday left this leave year, so book "
                           f"{booked['left_hours']} hours or fewer.")
    assert _show(capsys, demo_location)["bookings"] == booked["bookings"]


def test_book_in_text(demo_location, capsys):
    code, out, err = run(capsys, "holiday", "book", *JANET, "--from", "2026-12-07", "--to", "2026-12-08",
                         "--hours", "11", "--data", demo_location)
    assert code == 0, err
    assert out.splitlines()[0] == "Booked 11.00 hours of holiday for Janet Moyo."
    assert "Booked: 11.00 hours" in out


def test_book_needs_its_dates(demo_location, capsys):
    code, out, err = run(capsys, "holiday", "book", *JANET, "--data", demo_location)
    assert code == 2 and err.strip() == "To book, give --from and --to. Run 'pa-manager holiday --help' to see the options."


def test_carry_over_into_the_next_leave_year(demo_location, capsys):
    code, out, err = run(capsys, "holiday", "carry-over", *JANET, "--from-year", "2025-05-01", "--hours", "10",
                         "--reason", "sickness", "--json", "--data", demo_location)
    assert code == 0, err
    shown = json.loads(out)
    # 18 months after the 2025-26 leave year ends on 31 March 2026
    assert shown["carried_over"] == {"hours": "10.00", "reason": "sickness", "from_year_start": "2025-04-01",
                                     "take_by": "2027-09-30"}
    assert shown["leave_year"]["start"] == "2026-04-01" and shown["carried_in_hours"] == "10.00"
    code, out, err = run(capsys, "holiday", "carry-over", *JANET, "--from-year", "2025-05-01", "--hours", "1000",
                         "--reason", "agreement", "--data", demo_location)
    assert code == 1 and "the law lets you carry over up to" in err and len(err.strip().splitlines()) == 1


def test_an_unknown_pa(demo_location, capsys):
    code, out, err = run(capsys, "holiday", "--employer", "Margaret Okafor", "--pa", "Nobody", "--data", demo_location)
    assert code == 1 and "There is no PA called Nobody" in err
