"""Keeping good PAs through the services: the exit record of a leaver, what the leavers add up to, and a
former PA's recruitment records in their data export and erased with their other details."""
from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from datetime import date
from decimal import Decimal


from pa_manager.domain import recruitment as r
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.keeping import ExitRecord
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import data_protection, employers, keeping, people, recruitment, statement_given, statements
from pa_manager.services.errors import ValidationFailed
from tests.saying import raises_saying


def test_an_exit_record_is_kept_for_a_leaver_only(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    pa = people.save_pa(db, employer.id, PARecord(name="Kit Moss", start_date=date(2024, 1, 8)), today)
    with raises_saying(ValidationFailed, "Record Kit Moss as a leaver on the People page first"):
        keeping.save_exit_record(db, employer.id, pa.id, ExitRecord("pay"))
    people.record_leaver(db, employer.id, pa.id, date(2026, 10, 31), "New job", today)
    record = ExitRecord("hours", True, "Good team", "More hours", date(2026, 10, 24), today)
    keeping.save_exit_record(db, employer.id, pa.id, record)
    assert keeping.exit_record(db, pa.id) == record
    summary = keeping.retention_summary(db, employer.id, today)
    assert (summary.leavers, summary.average_months, summary.reasons) == (1, 33, (("hours", 1),))
    keeping.save_exit_record(db, employer.id, pa.id, None)
    assert keeping.exit_record(db, pa.id) is None


def test_the_demo_knows_why_its_leaver_went(demo_db, today):
    employer_id = employers.find_employer(demo_db, "Margaret Okafor").id
    summary = keeping.retention_summary(demo_db, employer_id, today)
    assert (summary.leavers, summary.average_months, summary.reasons) == (1, 18, (("another_care_job", 1),))


def test_a_former_pas_recruitment_records_are_exported_then_erased(db, today, tmp_path):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    vacancy = recruitment.save_vacancy(db, employer.id, replace(
        recruitment.new_vacancy(db, employer.id, date(2020, 5, 1)), tasks=(r.MEALS,), hourly_rate=Decimal("9.00"),
        hours_per_week=Decimal("10")))
    applicant = recruitment.save_applicant(db, employer.id, vacancy.id, r.Applicant(
        "Kit Moss", date(2020, 5, 4), phone="07700 900111"))
    recruitment.save_scores(db, employer.id, applicant.id, date(2020, 5, 9), {vacancy.questions[0]: (4, "Kind")})
    recruitment.make_offer(db, employer.id, applicant.id, r.Offer(date(2020, 5, 11), Decimal("9.00"), date(2020, 6, 1),
                                                                  Decimal("10")))
    pa_id = recruitment.accept_offer(db, employer.id, applicant.id, date(2020, 5, 12), today)
    made = statements.make_statement(db, employer.id, pa_id, date(2020, 6, 1))
    statement_given.record_given(db, employer.id, made.id, date(2020, 6, 1), date(2020, 6, 1))
    pa = people.get_pa(db, pa_id)
    people.save_pa(db, employer.id, replace(pa, pay_rates=(PayRateEntry(date(2020, 6, 1), Decimal("9.00")),)), today)
    people.record_leaver(db, employer.id, pa_id, date(2020, 9, 30), "Moved away", date(2020, 9, 1))
    keeping.save_exit_record(db, employer.id, pa_id, ExitRecord("moved_away", True))

    path = data_protection.export_pa_data(db, employer.id, pa_id, tmp_path / "kit.zip", today)
    with zipfile.ZipFile(path) as archive:
        tables = json.loads(archive.read("personal-data.json"))
    assert [row["name"] for row in tables["applicants"]] == ["Kit Moss"]
    assert [(row["score"], row["note"]) for row in tables["interview_scores"]] == [(4, "Kind")]
    assert len(tables["offers"]) == len(tables["written_statements"]) == len(tables["exit_records"]) == 1

    data_protection.erase_former_pa(db, employer.id, pa_id, today)
    assert statements.list_statements(db, employer.id, pa_id) == []
    assert keeping.exit_record(db, pa_id) is None
    assert recruitment.list_applicants(db, vacancy.id) == []
