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
    assert listed == [(i.code, i.pa_name, i.status) for i in dashboard.due]
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
