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
    # her Monday and Tuesday mornings on the rota, 08:00 to 14:00 less a 30-minute break: 2 x 5.5 = 11 hours
    assert out.splitlines()[0] == ("Booked 2 days for Janet Moyo: their 11 hours of shifts on the rota are now "
                                   "holiday on the timesheet.")
    # The days are still to come: the 11 hours on the timesheet are booked, not yet taken.
    assert "Taken: 0.00 hours" in out and "Booked: 11.00 hours" in out


def test_book_puts_the_rota_week_on_the_timesheet_as_holiday_and_lists_the_shifts(demo_location, capsys):
    before = _show(capsys, demo_location)
    code, out, err = run(capsys, "holiday", "book", *JANET, "--from", "2026-12-07", "--to", "2026-12-11", "--json",
                         "--data", demo_location)
    assert code == 0, err
    booked = json.loads(out)
    days = ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11"]
    assert booked["holiday_shifts"] == [{"day": day, "start": "08:00", "end": "14:00", "break_minutes": 30,
                                         "hours": "5.50"} for day in days]
    assert booked["days_left_as_they_are"] == []
    # 5 x 5.5 = 27.5 hours on the timesheet for days still to come: booked, not taken, and the 27.50-hour
    # booking holds back nothing beyond them (counted once)
    assert booked["taken_hours"] == before["taken_hours"]
    assert Decimal(booked["booked_hours"]) == Decimal(before["booked_hours"]) + Decimal("27.50")
    assert Decimal(booked["left_hours"]) == Decimal(before["left_hours"]) - Decimal("27.50")
    assert booked["bookings"][-1]["hours_taken"] == "27.50"
    code, out, err = run(capsys, "hours", "--employer", "Margaret Okafor", "--from", "2026-12-07", "--to",
                         "2026-12-11", "--json", "--data", demo_location)
    [janet] = [pa for pa in json.loads(out)["pas"] if pa["name"] == "Janet Moyo"]
    assert janet["hours"] == {"holiday": "27.50"}  # on the timesheet, for the pay run to pay


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
