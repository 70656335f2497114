"""The change history an audit asks for, and a PA's personal data: all of it exported on request, and
erased once it need no longer be kept, with the pay figures kept without a name."""
import json
import subprocess
import zipfile
from dataclasses import replace
from datetime import date, datetime, time, timezone
from decimal import Decimal

import pytest

from pa_manager import cli
from pa_manager.domain.compliance import DBSCheck
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import checks, data_protection, employers, history, holiday, pay_day, pay_runs, people
from pa_manager.services.errors import ServiceError
from pa_manager.services.shifts import ShiftInput, save_shift, shifts_between
from pa_manager.wording import change_sentence
from pa_manager.messages import say

NOW = datetime(2026, 3, 31, 12, tzinfo=timezone.utc)


@pytest.fixture
def former(db, today, monkeypatch):
    """A PA paid in March 2026 who left on 31 March 2026, with a DBS check and notes on a shift."""
    monkeypatch.setenv("PA_MANAGER_USER", "Ruth's advocate")
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames", pay_frequency=PayFrequency.MONTHLY))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Ann Cole", date_of_birth=date(1980, 1, 1), ni_number="AB123456C", address="3 Low Lane",
        phone="01234 567890", start_date=date(2025, 4, 7), tax_code="1257L",
        pay_rates=(PayRateEntry(date(2025, 4, 7), Decimal("12.21")),)), today)
    people.save_pa(db, employer.id, replace(people.get_pa(db, pa.id), pay_rates=(
        PayRateEntry(date(2025, 4, 7), Decimal("12.50")), PayRateEntry(date(2026, 3, 1), Decimal("13.00")))), today)
    checks.save_dbs_check(db, employer.id, pa.id, DBSCheck("enhanced_adults_barred", "001234567890",
                                                           date(2025, 3, 1)))
    save_shift(db, employer.id, ShiftInput(pa.id, date(2026, 3, 2), time(9), time(17), notes="Took Ruth to clinic"))
    pay_runs.finalise_pay_run(db, employer.id, date(2026, 3, 31), NOW, confirmed=True)
    people.record_leaver(db, employer.id, pa.id, date(2026, 3, 31), "Moved away", today)
    return employer.id, pa.id


def test_the_history_says_who_changed_pay_rates_finalised_pay_and_recorded_checks(db, former):
    employer_id, pa_id = former
    changes = history.change_history(db, employer_id)
    assert {c.who for c in changes} == {"Ruth's advocate"}
    said = [change_sentence(c) for c in reversed(changes)]
    assert said == [
        "Hourly rate for all shifts for Ann Cole from 7 April 2025: set to £12.21.",
        "Hourly rate for all shifts for Ann Cole from 7 April 2025: now £12.50 (was £12.21).",
        "Hourly rate for all shifts for Ann Cole from 1 March 2026: set to £13.00.",
        "Recorded Ann Cole's DBS check dated 1 March 2025.",
        # 8 hours at £13.00 = £104.00: no tax or NI at that pay.
        "Finalised the pay run of 31 March 2026 for 1 March 2026 to 31 March 2026: 1 PA, £104.00 gross pay, "
        "£104.00 take-home pay.",
        "Recorded that Ann Cole leaves on 31 March 2026 (Moved away).",
    ]
    assert [c.code for c in history.change_history(db, employer_id, pa_id)][-1] == history.PAY_RATE_ADDED


def test_the_history_from_the_command_line(db, former, data_location, capsys):
    db.close()
    code = cli.main(["history", "--employer", "Ruth Ames", "--pa", "Ann Cole", "--json", "--data", data_location])
    entries = json.loads(capsys.readouterr().out)
    assert code == 0 and entries[0]["what"] == "Recorded that Ann Cole leaves on 31 March 2026 (Moved away)."
    assert entries[-1]["facts"]["amount"] == "12.21" and entries[-1]["who"] == "Ruth's advocate"


def test_everything_held_about_a_pa_is_exported_in_one_file(db, former, tmp_path):
    employer_id, pa_id = former
    path = data_protection.export_pa_data(db, employer_id, pa_id, tmp_path / "ann.zip", date(2026, 12, 3))
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        data = json.loads(archive.read("personal-data.json"))
        payslip = archive.read("payslips/2026-03-31 payslip.pdf")
    assert "README.txt" in names
    assert data["pas"][0]["ni_number"] == "AB123456C" and data["pas"][0]["phone"] == "01234 567890"
    assert [r["certificate_number"] for r in data["dbs_checks"]] == ["001234567890"]
    assert [s["notes"] for s in data["shifts"]] == ["Took Ruth to clinic"]
    assert len(data["pay_rates"]) == 2 and len(data["payslips"]) == 1 and len(data["changes"]) >= 5
    (tmp_path / "p.pdf").write_bytes(payslip)
    text = subprocess.run(["pdftotext", str(tmp_path / "p.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Payslip for Ann Cole" in text
    assert history.change_history(db, employer_id, pa_id)[0].code == history.PA_DATA_EXPORTED


def test_a_former_pa_cannot_be_erased_while_records_must_be_kept(db, former):
    employer_id, pa_id = former
    with pytest.raises(ServiceError) as refused:
        data_protection.erase_former_pa(db, employer_id, pa_id, date(2032, 3, 31))
    # Left 31 March 2026: records about employing them are kept until 31 March 2032.
    assert say(refused.value) == ("Keep Ann Cole's details until 1 April 2032, as records about employing them are kept "
                                  "for 6 years after they leave; you can erase them from then.")
    assert people.get_pa(db, pa_id).ni_number == "AB123456C"


def test_erasing_a_former_pa_keeps_the_pay_figures_without_their_name(db, former):
    employer_id, pa_id = former
    before = pay_runs.prepare_pay_run(db, employer_id, date(2026, 3, 31)).pas[0].payslip
    people.save_pa(db, employer_id, replace(people.get_pa(db, pa_id), contracted_hours=Decimal("8")), date(2026, 3, 1))
    holiday.book_holiday(db, pa_id, date(2026, 3, 9), date(2026, 3, 9), Decimal("1.6"), "Hospital appointment")
    people.save_pa(db, employer_id, replace(people.get_pa(db, pa_id), bank_sort_code="123456",
                                            bank_account_number="12345678", bank_account_name="Ann Cole",
                                            building_society_roll_number="R1"), date(2032, 4, 1))
    new_name = data_protection.erase_former_pa(db, employer_id, pa_id, date(2032, 4, 1))
    assert holiday.holiday_year(db, pa_id, date(2026, 3, 9)).bookings == ()  # its note could say why
    assert new_name == "Former PA 1"
    pa = people.get_pa(db, pa_id)
    assert (pa.name, pa.ni_number, pa.date_of_birth, pa.address, pa.phone) == ("Former PA 1", "", None, "", "")
    assert (pa.bank_sort_code, pa.bank_account_number, pa.bank_account_name, pa.building_society_roll_number) == (
        "", "", "", "")
    assert checks.pa_checks(db, employer_id, pa_id).dbs == ()
    [shift] = shifts_between(db, employer_id, date(2026, 3, 1), date(2026, 3, 31))
    assert shift.notes == "" and shift.end - shift.start == datetime(1, 1, 1, 17) - datetime(1, 1, 1, 9)
    after = pay_runs.prepare_pay_run(db, employer_id, date(2026, 3, 31)).pas[0].payslip
    assert (after.pa_name, after.pa_details.ni_number) == ("Former PA 1", "")
    assert (after.gross_pay, after.net_pay, after.year_to_date) == (before.gross_pay, before.net_pay,
                                                                    before.year_to_date)
    changes = history.change_history(db, employer_id)
    said = " ".join(change_sentence(c) for c in changes)
    assert "Ann Cole" not in said and "Moved away" not in said
    # An export of these records imports: each change's facts are as the import reads them (history.read_facts).
    assert [history.read_facts(c.code, json.dumps(c.facts)) for c in changes] == [c.facts for c in changes]
    assert {c.code for c in changes} >= {history.PAY_RATE_CHANGED, history.LEAVER_RECORDED, history.PA_ERASED}
    assert [name for name, _ in pay_day.year_end_summary(db, employer_id, "2025-26")] == ["Former PA 1"]


def test_erasing_from_the_command_line_needs_confirming(db, former, data_location, capsys, monkeypatch):
    db.close()
    monkeypatch.setattr(cli, "_today", lambda: date(2032, 4, 1))
    assert cli.main(["erase-pa", "--employer", "Ruth Ames", "--pa", "Ann Cole", "--data", data_location]) == 2
    assert "cannot be undone" in capsys.readouterr().err
    assert cli.main(["erase-pa", "--employer", "Ruth Ames", "--pa", "Ann Cole", "--confirm",
                     "--data", data_location]) == 0
    assert "kept as Former PA 1" in capsys.readouterr().out
