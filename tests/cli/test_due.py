"""`pa-manager due` lists what the dashboard lists, and its calendar file puts every item where it will
be seen: overdue ones on today's date, with a plain-English description and a reminder."""
import json
import shutil
from datetime import date

import pytest

from pa_manager import cli
from pa_manager.services.dashboard import load_dashboard
from pa_manager.services.employers import find_employer
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


def test_due_lists_what_the_dashboard_lists_with_the_same_codes(demo_file, capsys):
    code, out, err = run(capsys, "due", "--employer", "Margaret Okafor", "--json", "--data", str(demo_file))
    assert code == 0 and err == ""
    listed = [(row["code"], row["pa"], row["status"]) for row in json.loads(out)]
    db = open_database(demo_file, read_only=True)[0]
    try:
        dashboard = load_dashboard(db, find_employer(db, "Margaret Okafor").id, TODAY)
    finally:
        db.close()
    # The checks, duties and training first, then pay: here four PAs' hours worked since the last pay run.
    assert listed == [(i.code, i.pa_name, i.status) for i in dashboard.due] + [
        ("UNPAID_WORK", u.pa_name, "due_soon") for u in dashboard.unpaid]
    assert len(dashboard.unpaid) == 4 and not dashboard.enrol and not dashboard.below_minimum
    # Required training never done was on the dashboard and missing from `due`.
    assert ("TRAINING_MISSING", "Leah Grant", "missing") in listed
    assert ("MEETING_BEFORE_START", "Leah Grant", "warning") in listed
    code, out, _ = run(capsys, "due", "--employer", "Margaret Okafor", "--data", str(demo_file))
    assert "Margaret Okafor: Missing: Book epilepsy rescue medication (buccal midazolam) training for Leah Grant" in out


def _events(text: str) -> list[dict]:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    events, current, alarm = [], None, None
    for line in text.replace("\r\n ", "").split("\r\n")[:-1]:
        name, value = line.split(":", 1)
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif line == "BEGIN:VALARM":
            alarm = {}
        elif line == "END:VALARM":
            current["VALARM"], alarm = alarm, None
        elif alarm is not None:
            alarm[name] = value
        elif current is not None:
            current[name.split(";")[0]] = value.replace("\\,", ",").replace("\\;", ";")
    return events


def test_the_calendar_puts_overdue_items_on_today_and_keeps_to_within(demo_file, capsys, tmp_path):
    ics = tmp_path / "due.ics"
    code, _, _ = run(capsys, "due", "--employer", "Margaret Okafor", "--within", "30", "--calendar", str(ics),
                     "--data", str(demo_file))
    assert code == 0
    events = _events(ics.read_bytes().decode("utf-8"))
    by_title = {e["SUMMARY"]: e for e in events}
    # Janet's DBS re-check was due on 23 September 2026: it goes on today, marked overdue, with a reminder
    # that morning and a description that says when it was due and for whom.
    dbs = by_title["Overdue: Renew Janet Moyo's DBS check, or do a free status check if they subscribe to the "
                   "Update Service."]
    assert (dbs["DTSTART"], dbs["DTEND"]) == ("20261123", "20261124")
    assert dbs["DESCRIPTION"] == ("Renew Janet Moyo's DBS check, or do a free status check if they subscribe to the "
                                  "Update Service. This is overdue: it was due on 23 September 2026, so it is shown "
                                  "on today's date. For Margaret Okafor, from PA Manager.")
    assert dbs["VALARM"] == {"ACTION": "DISPLAY", "TRIGGER": "PT9H", "DESCRIPTION": dbs["SUMMARY"].replace(",", "\\,")}
    assert all(e["UID"].endswith("@pa-manager.invalid") and e["DTSTAMP"].endswith("Z") for e in events)
    # --within 30: nothing dated after 23 December 2026. Tom's permission (7 January 2027) is left out.
    assert all(e["DTSTART"] <= "20261223" for e in events)
    assert not any("Tom Whitfield's right to work" in title for title in by_title)
    # A wider window brings it in, on its own date, with a reminder a week before.
    run(capsys, "due", "--employer", "Margaret Okafor", "--within", "60", "--calendar", str(ics), "--data", str(demo_file))
    tom = next(e for e in _events(ics.read_bytes().decode("utf-8")) if "Tom Whitfield's right to work" in e["SUMMARY"])
    assert (tom["DTSTART"], tom["VALARM"]["TRIGGER"]) == ("20270107", "-P6DT15H")
    assert tom["DESCRIPTION"].endswith("Due on 7 January 2027, in 45 days. For Margaret Okafor, from PA Manager.")


def test_a_window_reaching_past_the_last_date_a_computer_knows_lists_everything_dated(demo_file, capsys, tmp_path):
    """--within 2912117 days runs past 31 December 9999: everything dated is due soon, nothing goes wrong."""
    ics = tmp_path / "due.ics"
    code, out, err = run(capsys, "due", "--employer", "Margaret Okafor", "--within", "2912117", "--calendar", str(ics),
                         "--json", "--data", str(demo_file))
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert any("Tom Whitfield" == row["pa"] and row["code"].startswith("RIGHT_TO_WORK") for row in rows)
    assert not any(row["status"] == "ok" for row in rows)
    titles = [e["SUMMARY"] for e in _events(ics.read_bytes().decode("utf-8"))]
    assert any("Tom Whitfield's right to work" in title for title in titles)

@pytest.fixture
def first_weeks(tmp_path, monkeypatch):
    """A new weekly employer: Sam paid on 6 November, enough to be enrolled in the pension, and not recorded
    as enrolled since; a shift of Sam's on 10 November that no pay run has paid (its pay day, 13 November,
    has passed); Ann, 26, on £10 an hour, below the legal minimum."""
    from datetime import datetime, time, timezone
    from decimal import Decimal

    from pa_manager.domain.employer import EmployerRecord
    from pa_manager.domain.pay_frequency import PayFrequency
    from pa_manager.domain.people import PARecord, PayRateEntry
    from pa_manager.services import employers, pay_runs, people, shifts

    monkeypatch.setattr(cli, "_today", lambda: TODAY)
    path = tmp_path / "first.sqlite3"
    db, _ = open_database(path)
    employer = employers.save_employer(db, EmployerRecord(name="Amira Hassan", pay_frequency=PayFrequency.WEEKLY,
                                                          paye_reference="123/AB45678"))
    sam, ann = (people.save_pa(db, employer.id, PARecord(
        name=name, date_of_birth=born, start_date=date(2026, 11, 2), tax_code="1257L",
        pay_rates=(PayRateEntry(date(2026, 11, 2), Decimal(rate)),)), TODAY)
        for name, born, rate in (("Sam Reid", date(1990, 5, 1), "13.50"), ("Ann Cole", date(2000, 3, 1), "10.00")))
    for day in range(2, 7):
        shifts.save_shift(db, employer.id, shifts.ShiftInput(sam.id, date(2026, 11, day), time(8), time(16)))
    pay_runs.finalise_pay_run(db, employer.id, date(2026, 11, 6), datetime(2026, 11, 6, 12, tzinfo=timezone.utc),
                              confirmed=True)
    shifts.save_shift(db, employer.id, shifts.ShiftInput(sam.id, date(2026, 11, 10), time(9), time(15)))
    db.close()
    return path


def test_due_lists_unpaid_hours_pension_enrolment_and_pay_below_the_minimum_as_the_dashboard_does(first_weeks, capsys):
    code, out, err = run(capsys, "due", "--employer", "Amira Hassan", "--json", "--data", str(first_weeks))
    assert code == 0 and err == ""
    pay = {row["code"]: row for row in json.loads(out) if row["code"] in (
        "UNPAID_WORK", "PENSION_ENROL_NOW", "BELOW_MINIMUM_WAGE")}
    assert (pay["UNPAID_WORK"]["pa"], pay["UNPAID_WORK"]["hours"], pay["UNPAID_WORK"]["status"],
            pay["UNPAID_WORK"]["due"]) == ("Sam Reid", "6.00", "overdue", "2026-11-13")
    assert pay["UNPAID_WORK"]["message"] == ("Not paid yet: 6 hours worked by Sam Reid (10 November 2026) are in no "
                                             "finalised pay run. Pay them on 13 November 2026.")
    assert (pay["PENSION_ENROL_NOW"]["pa"], pay["PENSION_ENROL_NOW"]["due"]) == ("Sam Reid", "2026-11-06")
    assert pay["PENSION_ENROL_NOW"]["message"].startswith("Enrol Sam Reid in your workplace pension: the pay run of "
                                                          "6 November 2026 found the law says they must be.")
    assert pay["BELOW_MINIMUM_WAGE"]["pa"] == "Ann Cole"
    assert pay["BELOW_MINIMUM_WAGE"]["message"].startswith("Below the legal minimum: Ann Cole is paid £10.00 an hour")
    code, out, _ = run(capsys, "due", "--employer", "Amira Hassan", "--data", str(first_weeks))
    assert "Amira Hassan: Enrol Sam Reid in your workplace pension" in out

    db = open_database(first_weeks, read_only=True)[0]
    try:
        dashboard = load_dashboard(db, find_employer(db, "Amira Hassan").id, TODAY, with_budget=False)
    finally:
        db.close()
    assert [e.pa_name for e in dashboard.enrol] == ["Sam Reid"]
    assert [u.pa_name for u in dashboard.unpaid if u.overdue] == ["Sam Reid"]
    assert [s.pa_name for s in dashboard.below_minimum] == ["Ann Cole"]


def test_once_enrolled_the_pension_is_no_longer_listed(first_weeks, capsys):
    from dataclasses import replace

    from pa_manager.services import people

    db = open_database(first_weeks)[0]
    try:
        employer_id = find_employer(db, "Amira Hassan").id
        sam = next(p for p in people.list_pas(db, employer_id) if p.name == "Sam Reid")
        people.save_pa(db, employer_id, replace(sam, pension_status="ENROLLED", pension_active_from=date(2026, 11, 2)),
                       TODAY)
    finally:
        db.close()
    code, out, _ = run(capsys, "due", "--employer", "Amira Hassan", "--json", "--data", str(first_weeks))
    assert "PENSION_ENROL_NOW" not in {row["code"] for row in json.loads(out)}


def test_unpaid_hours_are_listed_however_far_ahead_is_asked(first_weeks, capsys):
    """Ann's Saturday shift is paid on Friday 27 November: left out of a 3-day window, due soon in one running
    past the last date a computer knows."""
    from datetime import time

    from pa_manager.services import shifts
    from pa_manager.services.people import list_pas

    db, _ = open_database(first_weeks)
    employer_id = find_employer(db, "Amira Hassan").id
    ann = next(pa for pa in list_pas(db, employer_id) if pa.name == "Ann Cole")
    shifts.save_shift(db, employer_id, shifts.ShiftInput(ann.id, date(2026, 11, 21), time(9), time(13)))
    db.close()

    def unpaid(within: str) -> list[tuple[str, str, str, str]]:
        code, out, err = run(capsys, "due", "--employer", "Amira Hassan", "--within", within, "--json",
                             "--data", str(first_weeks))
        assert code == 0 and err == ""
        return [(row["pa"], row["hours"], row["due"], row["status"]) for row in json.loads(out)
                if row["code"] == "UNPAID_WORK"]

    saturday = ("Ann Cole", "4.00", "2026-11-27", "due_soon")
    assert saturday not in unpaid("3")
    assert saturday in unpaid("2912117")


def test_due_lists_a_pay_scale_step_with_its_rates_as_decimal_strings(demo_file, capsys):
    from decimal import Decimal

    from pa_manager.domain.pay_scale import PayStep
    from pa_manager.domain.people import PARecord, PayRateEntry
    from pa_manager.services import pay_scale, people

    db = open_database(demo_file)[0]
    try:
        employer_id = find_employer(db, "Margaret Okafor").id
        start = date(2024, 12, 1)
        people.save_pa(db, employer_id, PARecord(name="Ivy Penrose", start_date=start,
                                                 pay_rates=(PayRateEntry(start, Decimal("13.10")),)), TODAY)
        pay_scale.save_steps(db, employer_id, [PayStep(0, Decimal("12.71")), PayStep(2, Decimal("13.50"))])
    finally:
        db.close()
    code, out, err = run(capsys, "due", "--employer", "Margaret Okafor", "--json", "--data", str(demo_file))
    assert code == 0 and err == ""
    [row] = [row for row in json.loads(out) if row["code"] == "PAY_STEP_DUE" and row["pa"] == "Ivy Penrose"]
    assert (row["pa"], row["due"], row["status"], row["hourly_rate"], row["current_rate"]) == (
        "Ivy Penrose", "2026-12-01", "due_soon", "13.50", "13.10")
    assert row["message"] == ("Due in 8 days (1 December 2026): Add a new hourly rate for Ivy Penrose on the People "
                              "page: from 1 December 2026, after 2 years with you, your pay scale says £13.50 an "
                              "hour (now £13.10).")
    code, out, _ = run(capsys, "due", "--employer", "Margaret Okafor", "--within", "5", "--json", "--data",
                       str(demo_file))
    assert ("PAY_STEP_DUE", "Ivy Penrose") not in {(row["code"], row["pa"]) for row in json.loads(out)}
