"""Checks records, what needs doing, the caseload, the calendar and the compliance report."""
import subprocess
from datetime import date, datetime, timezone

import pytest

from pa_manager.domain.compliance import DBSCheck, Reference, RightToWorkCheck
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord
from pa_manager.services import checks, employers, people
from pa_manager.services import due
from pa_manager.services.calendar import export_due_calendar
from pa_manager.services.compliance_report import save_compliance_report
from pa_manager.services.errors import ValidationFailed


@pytest.fixture
def new_pa(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    pa = people.save_pa(db, employer.id, PARecord(name="Ann Cole", start_date=date(2026, 12, 7)), today)
    return employer.id, pa.id


def _codes(db, employer_id, today, within=30):
    return {(i.code, i.status) for i in due.due_list(db, employer_id, today, within)}


def test_a_new_pa_needs_every_check_before_starting(db, new_pa, today):
    employer_id, _ = new_pa
    assert {code for code, _ in _codes(db, employer_id, today)} >= {
        "RIGHT_TO_WORK_MISSING", "DBS_MISSING", "REFERENCES_MISSING", "CONTRACT_STATEMENT_DUE"}
    assert ("RIGHT_TO_WORK_MISSING", "due_soon") in _codes(db, employer_id, today)  # starts in 14 days


def test_recording_the_checks_clears_them(db, new_pa, today):
    employer_id, pa_id = new_pa
    checks.save_right_to_work(db, employer_id, pa_id, RightToWorkCheck("manual_document", date(2026, 11, 20), "UK passport"))
    checks.save_dbs_check(db, employer_id, pa_id, DBSCheck("enhanced_adults_barred", "0012 3456 7890", date(2026, 11, 1)))
    for n in range(2):
        checks.save_reference(db, employer_id, pa_id, Reference(f"Referee {n}", date(2026, 11, 1), date(2026, 11, 10), True))
    codes = {code for code, _ in _codes(db, employer_id, today)}
    assert not codes & {"RIGHT_TO_WORK_MISSING", "DBS_MISSING", "REFERENCES_MISSING"}
    stored = checks.pa_checks(db, employer_id, pa_id)
    assert stored.dbs[0].value.certificate_number == "001234567890"


def test_a_wrong_certificate_number_is_refused(db, new_pa):
    employer_id, pa_id = new_pa
    with pytest.raises(ValidationFailed) as failure:
        checks.save_dbs_check(db, employer_id, pa_id, DBSCheck("enhanced", "12345", date(2026, 11, 1)))
    assert failure.value.problems["certificate_number"].code == "DBS_CERTIFICATE_FORMAT"
    assert checks.pa_checks(db, employer_id, pa_id).dbs == ()


def test_the_demo_has_an_overdue_dbs_recheck_and_a_right_to_work_follow_up_within_60_days(demo_db, today):
    employer = employers.find_employer(demo_db, "Margaret Okafor")
    items = {(i.code, i.pa_name): i for i in due.due_list(demo_db, employer.id, today, 60)}
    assert items[("DBS_RECHECK", "Janet Moyo")].status == "overdue"
    follow_up = items[("RIGHT_TO_WORK_FOLLOW_UP", "Tom Whitfield")]
    assert follow_up.status == "due_soon" and (follow_up.due - today).days <= 60


def test_caseload_puts_the_most_overdue_first(demo_db, today):
    rows = due.caseload(demo_db, today)
    assert [r.name for r in rows] == ["Desmond Clarke", "Margaret Okafor"]
    assert rows[0].overdue > rows[1].overdue > 0


def test_calendar_file_has_one_event_per_dated_item(demo_db, tmp_path, today):
    employer = employers.find_employer(demo_db, "Margaret Okafor")
    path = tmp_path / "due.ics"
    count = export_due_calendar(demo_db, [employer.id], path, today, datetime(2026, 11, 23, 9, tzinfo=timezone.utc))
    text = path.read_text()
    assert text.count("BEGIN:VEVENT") == count > 0
    assert "Renew Janet Moyo's DBS check" in text.replace("\r\n ", "")


def test_compliance_report_text(demo_db, tmp_path, today):
    employer = employers.find_employer(demo_db, "Margaret Okafor")
    path = save_compliance_report(demo_db, employer.id, tmp_path / "report.pdf", today)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    for expected in ("Compliance report for Margaret Okafor", "Employer duties", "Janet Moyo", "Overdue",
                     "Renew Janet Moyo's DBS check", "never what a disclosure says", "Page 1 of"):
        assert expected in " ".join(text.split())  # lines wrap where the page is full
