"""RTI files from the stored records (services.rti): the FPS of a finalised pay run, the EPS of a tax month,
the record of each, and the late FPS on the "what needs doing" list."""
from __future__ import annotations

import json
import shutil
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import func, select, update

from pa_manager.hmrc import rti_files
from pa_manager.services import pay_runs, rti, undo_rules
from pa_manager.services.due import due_list
from pa_manager.services.employers import find_employer
from pa_manager.services.errors import ServiceError
from pa_manager.storage import models
from pa_manager.wording import due_item_sentence
from tests.saying import raises_saying
from pa_manager.messages import say

NOW = datetime(2026, 11, 23, 12, tzinfo=timezone.utc)
LAST_RUN = date(2026, 10, 30)   # the demo's latest pay run (tests' today is 23 November 2026)
NEXT_RUN = date(2026, 11, 30)


def _employer(db) -> int:
    return find_employer(db, "Margaret Okafor").id


def _fps_items(db, today):
    return [i for i in due_list(db, _employer(db), today) if i.code in (rti.FPS_DUE, rti.FPS_LATE)]


def test_the_demo_reported_each_pay_day_so_no_fps_is_late(demo_db):
    assert _fps_items(demo_db, date(2026, 11, 23)) == []
    assert rti.fps_status(demo_db, _employer(demo_db), LAST_RUN).sent_how == rti.BASIC_PAYE_TOOLS


def test_a_new_pay_runs_fps_is_due_by_its_pay_day_then_late_until_it_is_sent(demo_db, tmp_path):
    employer_id = _employer(demo_db)
    pay_runs.finalise_pay_run(demo_db, employer_id, NEXT_RUN, NOW, confirmed=True)
    [item] = _fps_items(demo_db, date(2026, 11, 23))
    assert (item.code, item.due, item.status) == (rti.FPS_DUE, NEXT_RUN, "due_soon")
    status, words = due_item_sentence(item, date(2026, 11, 23))
    assert "Due in 7 days" in words and "30 November 2026" in words and "Save the FPS file" in words
    [late] = _fps_items(demo_db, date(2026, 12, 1))
    assert (late.code, late.status) == (rti.FPS_LATE, "overdue")
    assert "is late" in due_item_sentence(late, date(2026, 12, 1))[1]
    # Made but not yet sent: still late. Sent: gone. Not sent after all: back.
    made = rti.write_fps(demo_db, employer_id, NEXT_RUN, tmp_path / "fps.xml", NOW)
    assert made.path.exists() and rti_files.check(made.path.read_bytes()).ok
    assert rti.fps_status(demo_db, employer_id, NEXT_RUN).made_at == NOW
    assert len(_fps_items(demo_db, date(2026, 12, 1))) == 1
    sent = rti.mark_fps_sent_undoably(demo_db, employer_id, NEXT_RUN, rti.FILE_SENT, NOW)
    assert sent.value.irmark == made.irmark and sent.value.sent_how == rti.FILE_SENT
    assert _fps_items(demo_db, date(2026, 12, 1)) == []
    undo_rules.reverse(demo_db, sent.change, date(2026, 12, 1))
    assert rti.fps_status(demo_db, employer_id, NEXT_RUN).made_at == NOW  # the file made is still noted
    assert len(_fps_items(demo_db, date(2026, 12, 1))) == 1
    rti.mark_fps_sent(demo_db, employer_id, NEXT_RUN, rti.BASIC_PAYE_TOOLS, NOW)
    assert _fps_items(demo_db, date(2026, 12, 1)) == []


def test_sending_a_file_needs_a_file_made_first(demo_db):
    employer_id = _employer(demo_db)
    pay_runs.finalise_pay_run(demo_db, employer_id, NEXT_RUN, NOW, confirmed=True)
    with raises_saying(ServiceError, "save the FPS file first"):
        rti.mark_fps_sent(demo_db, employer_id, NEXT_RUN, rti.FILE_SENT, NOW)


def test_the_fps_holds_the_stored_payslips_figures_for_each_pa(demo_db, tmp_path):
    employer_id = _employer(demo_db)
    made = rti.write_fps(demo_db, employer_id, LAST_RUN, tmp_path / "fps.xml", NOW)
    with demo_db.session() as s:
        stored = s.execute(select(models.PersonalAssistant.ni_number, models.StoredPayslip.taxable_pay,
                                  models.StoredPayslip.tax, models.StoredPayslip.employee_ni,
                                  models.StoredPayslip.employer_ni, models.StoredPayslip.gross_pay)
                           .join(models.PayRun).join(models.PersonalAssistant,
                                                     models.PersonalAssistant.id == models.StoredPayslip.pa_id)
                           .where(models.PayRun.pay_date == LAST_RUN, models.PayRun.employer_id == employer_id)).all()
    root = etree.fromstring(made.path.read_bytes())
    employees = root.findall(".//{*}Employee")
    assert made.people == len(employees) == len(stored) > 1
    by_nino = {e.findtext(".//{*}NINO"): e for e in employees}
    for ni_number, taxable, tax, employee_ni, employer_ni, gross in stored:
        e = by_nino[ni_number]
        assert e.findtext(".//{*}Payment/{*}TaxablePay") == f"{taxable:.2f}"
        assert e.findtext(".//{*}Payment/{*}TaxDeductedOrRefunded") == f"{tax:.2f}"
        assert e.findtext(".//{*}NIlettersAndValues/{*}GrossEarningsForNICsInPd") == f"{gross:.2f}"
        assert e.findtext(".//{*}NIlettersAndValues/{*}EmpeeContribnsInPd") == f"{employee_ni:.2f}"
        assert e.findtext(".//{*}NIlettersAndValues/{*}TotalEmpNICInPd") == f"{employee_ni + employer_ni:.2f}"


def test_a_record_from_before_format_4_takes_gender_and_declaration_from_the_pa(demo_db, tmp_path):
    employer_id = _employer(demo_db)
    with demo_db.session() as s:
        slip = s.scalars(select(models.StoredPayslip).join(models.PayRun)
                         .where(models.PayRun.pay_date == LAST_RUN)).first()
        document = json.loads(slip.document)
        document["format_version"] = 3
        for key in ("gender", "starter_declaration"):
            document["pa_details"].pop(key)
        slip.document = json.dumps(document)
        pa = s.get(models.PersonalAssistant, slip.pa_id)
        pa.gender, name = "M", pa.name
    fps = rti.fps_of(demo_db, employer_id, LAST_RUN)
    assert [e.gender for e in fps.employees if e.pa_name == name] == ["M"]


def test_what_hmrc_needs_and_the_record_lacks_is_asked_for_in_words(demo_db, tmp_path):
    employer_id = _employer(demo_db)
    with demo_db.session() as s:
        slip = s.scalars(select(models.StoredPayslip).join(models.PayRun)
                         .where(models.PayRun.pay_date == LAST_RUN)).first()
        document = json.loads(slip.document)
        document["pa_details"]["date_of_birth"] = None
        slip.document = json.dumps(document)
        name = document["pa_details"]["name"]
    with pytest.raises(ServiceError) as caught:
        rti.write_fps(demo_db, employer_id, LAST_RUN, tmp_path / "fps.xml", NOW)
    assert say(caught.value) == f"Record {name}'s date of birth on the People page: HMRC needs it in the FPS."
    assert not (tmp_path / "fps.xml").exists()


def test_an_employer_without_an_accounts_office_reference_is_told_where_to_add_it(demo_db, tmp_path):
    with demo_db.session() as s:
        s.execute(update(models.Employer).values(accounts_office_reference=""))
    with raises_saying(ServiceError, "Change employer details"):
        rti.write_eps(demo_db, _employer(demo_db), "2026-27", 7, tmp_path / "eps.xml", NOW)


def test_no_file_is_made_for_a_day_with_no_pay_run(demo_db, tmp_path):
    with raises_saying(ServiceError, "no finalised pay run on 29 October 2026"):
        rti.write_fps(demo_db, _employer(demo_db), date(2026, 10, 29), tmp_path / "fps.xml", NOW)


def test_the_years_first_eps_claims_the_employment_allowance_and_later_ones_do_not(demo_db, tmp_path):
    employer_id = _employer(demo_db)
    first = rti.write_eps(demo_db, employer_id, "2026-27", 7, tmp_path / "eps7.xml", NOW)
    assert first.employment_allowance and not first.no_payment   # paid on 30 October (month 7)
    second = rti.write_eps(demo_db, employer_id, "2026-27", 8, tmp_path / "eps8.xml", NOW)
    assert not second.employment_allowance and second.no_payment  # 6 November to 5 December: not paid yet
    forced = rti.write_eps(demo_db, employer_id, "2026-27", 8, tmp_path / "eps8b.xml", NOW,
                           claim_employment_allowance=True)
    assert forced.employment_allowance
    root = etree.fromstring((tmp_path / "eps8.xml").read_bytes())
    assert root.findtext(".//{*}NoPaymentForPeriod/{*}From") == "2026-11-06"
    assert root.findtext(".//{*}NoPaymentForPeriod/{*}To") == "2026-12-05"
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(models.RtiReport).where(models.RtiReport.kind == "EPS")) == 3


def test_a_file_that_cannot_be_saved_is_said_in_words(demo_db, tmp_path):
    blocker = tmp_path / "taken"
    blocker.write_text("a file, not a folder")
    with raises_saying(ServiceError, "could not be saved"):
        rti.write_fps(demo_db, _employer(demo_db), LAST_RUN, blocker / "fps.xml", NOW)


def test_pay_runs_from_before_rti_files_are_taken_as_reported_through_basic_paye_tools(tmp_path):
    from pa_manager.storage.database import open_database

    path = tmp_path / "old.sqlite3"
    shutil.copy(Path(__file__).parents[1] / "data" / "release-0007.sqlite3", path)
    db, _ = open_database(path)
    try:
        with db.session() as s:
            runs = s.scalar(select(func.count()).select_from(models.PayRun))
            reports = s.scalars(select(models.RtiReport.sent_how)).all()
            employer_ids = s.scalars(select(models.Employer.id)).all()
        assert runs > 0 and reports == [rti.BEFORE_RTI_FILES] * runs
        assert all(not [i for i in due_list(db, e, date(2026, 12, 14)) if i.code.startswith("FPS")]
                   for e in employer_ids)
    finally:
        db.close()


def test_a_pa_moved_from_an_earlier_payroll_is_no_starter_on_their_first_fps_from_pa_manager(demo_db, tmp_path):
    # The employer ran payroll in Basic PAYE Tools until March 2026: PA Manager's first pay run for
    # Janet Moyo (with them for years) is the one of April 2026, and her starter checklist is long gone.
    employer_id = _employer(demo_db)
    with demo_db.session() as s:
        janet = s.scalar(select(models.PersonalAssistant).where(models.PersonalAssistant.name == "Janet Moyo"))
        janet.starter_declaration = ""
        slips = s.execute(select(models.StoredPayslip, models.PayRun.pay_date).join(models.PayRun)
                          .where(models.StoredPayslip.pa_id == janet.id).order_by(models.PayRun.pay_date)).all()
        for slip, pay_date in slips:
            if pay_date < date(2026, 4, 6):
                s.delete(slip)
        first, first_day = next((slip, day) for slip, day in slips if day >= date(2026, 4, 6))
        janet_id = janet.id
        document = json.loads(first.document)
        document["pa_details"]["starter_declaration"] = ""
        first.document = json.dumps(document)
    with raises_saying(ServiceError, "Janet Moyo's starter declaration"):
        rti.write_fps(demo_db, employer_id, first_day, tmp_path / "refused.xml", NOW)
    # Marked as last paid by the earlier payroll on 31 March 2026 (after the pay run was made): no
    # Starter block, and her figures to date are PA Manager's own from 6 April.
    with demo_db.session() as s:
        janet = s.get(models.PersonalAssistant, janet_id)
        janet.earlier_payroll_last_paid, janet.payroll_id = date(2026, 3, 31), "JM-01"
    made = rti.write_fps(demo_db, employer_id, first_day, tmp_path / "fps.xml", NOW)
    assert rti_files.check(made.path.read_bytes()).ok
    root = etree.fromstring(made.path.read_bytes())
    [mine] = [e for e in root.findall(".//{*}Employee") if e.findtext(".//{*}Sur") == "Moyo"]
    assert mine.find(".//{*}Starter") is None
    assert mine.findtext(".//{*}Employment/{*}PayId") == "JM-01"  # the earlier payroll's ID, so one employment
    assert all(e.find(".//{*}PayId") is None for e in root.findall(".//{*}Employee") if e is not mine)
    assert mine.findtext(".//{*}FiguresToDate/{*}TaxablePay") == mine.findtext(".//{*}Payment/{*}TaxablePay")


def test_a_pa_paid_by_an_earlier_payroll_earlier_this_tax_year_is_refused_in_words(demo_db, tmp_path):
    employer_id = _employer(demo_db)
    with demo_db.session() as s:
        janet = s.scalar(select(models.PersonalAssistant).where(models.PersonalAssistant.name == "Janet Moyo"))
        janet.earlier_payroll_last_paid = date(2026, 9, 30)
    with pytest.raises(ServiceError) as caught:
        rti.write_fps(demo_db, employer_id, LAST_RUN, tmp_path / "fps.xml", NOW)
    # The pay run was made before the earlier payroll's figures to date were recorded (domain.earlier_payroll).
    assert say(caught.value).startswith("Undo this pay run, enter on Janet Moyo's PA form the figures to date")
    assert not (tmp_path / "fps.xml").exists()
