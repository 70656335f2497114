"""Written statements through the services: made from the records, kept with their date, given and
signed, and a change to tell when pay or hours change."""
from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from datetime import date, time
from decimal import Decimal

import pytest

from pa_manager.domain import particulars as law
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.domain.rota import RotaPattern
from pa_manager.services import checks, due, employers, people, rota, statements
from pa_manager.services import undo_rules
from pa_manager.services import statement_given
from pa_manager.services.errors import ChangedElsewhere, ValidationFailed
from tests.reports.html_checks import accessibility_problems
from tests.saying import raises_saying
from pa_manager.messages import say

START = date(2026, 12, 7)


@pytest.fixture
def household(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames", address="2 Quay Street\nPortlow",
                                                          postcode="PT1 4AB", pension_provider="NEST"))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Ann Cole", start_date=START, contracted_hours=Decimal("20"),
        pay_rates=(PayRateEntry(START, Decimal("13.00")),)), today)
    rota.save_pattern(db, employer.id, RotaPattern("Mornings", pa.id, time(9), time(13), frozenset({0, 1, 2, 3, 4}), START))
    return employer.id, pa.id


def _codes(db, employer_id, today):
    return {i.code: i for i in due.due_list(db, employer_id, today)}


def test_a_statement_is_made_from_the_records_and_kept_with_its_date(db, household, today):
    employer_id, pa_id = household
    made = statements.make_statement(db, employer_id, pa_id, today)
    assert (made.kind, made.made_on, made.as_at, made.given_on) == ("statement", today, today, None)
    hours = " ".join(made.worded.section(law.HOURS).paragraphs)
    assert "20 hours a week" in hours and "Monday to Friday, 9am to 1pm" in hours
    assert "You are paid £13.00 an hour" in " ".join(made.worded.section(law.PAY).paragraphs)
    # The same statement asked for again the same day is the one already made.
    assert statements.make_statement(db, employer_id, pa_id, today).id == made.id
    assert [s.id for s in statements.list_statements(db, employer_id, pa_id)] == [made.id]
    # Kept as made: a pay rise entered later does not change the stored words.
    pa = people.get_pa(db, pa_id)
    people.save_pa(db, employer_id, replace(pa, pay_rates=(*pa.pay_rates, PayRateEntry(START, Decimal("13.50")))), today)
    assert "£13.00" in " ".join(statements.get_statement(db, made.id).worded.section(law.PAY).paragraphs)


def test_giving_the_statement_fills_in_the_checklist_and_clears_whats_due(db, household, today):
    employer_id, pa_id = household
    assert "CONTRACT_STATEMENT_DUE" in _codes(db, employer_id, today)
    made = statements.make_statement(db, employer_id, pa_id, today)
    statement_given.record_given(db, employer_id, made.id, date(2026, 11, 25), date(2026, 11, 26))
    contract = checks.pa_checks(db, employer_id, pa_id).contract
    assert (contract.statement_given_on, contract.signed_on) == (date(2026, 11, 25), date(2026, 11, 26))
    assert "CONTRACT_STATEMENT_DUE" not in _codes(db, employer_id, today)
    assert statements.get_statement(db, made.id).signed_on == date(2026, 11, 26)


def test_a_statement_older_than_7_days_cannot_be_given(db, household, today):
    employer_id, pa_id = household
    made = statements.make_statement(db, employer_id, pa_id, today)
    with pytest.raises(ValidationFailed) as old:
        statement_given.record_given(db, employer_id, made.id, date(2026, 12, 1))
    assert old.value.problems["given_on"].code == "STATEMENT_TOO_OLD"
    assert "make a new one" in say(old.value)
    with pytest.raises(ValidationFailed) as early:
        statement_given.record_given(db, employer_id, made.id, date(2026, 11, 22))
    assert early.value.problems["given_on"].code == "STATEMENT_GIVEN_BEFORE_MADE"
    with pytest.raises(ValidationFailed) as unsigned:
        statement_given.record_given(db, employer_id, made.id, date(2026, 11, 25), date(2026, 11, 24))
    assert unsigned.value.problems["signed_on"].code == "STATEMENT_SIGNED_BEFORE_GIVEN"
    assert statements.get_statement(db, made.id).given_on is None


def test_a_pay_rise_is_due_to_be_told_in_writing_then_a_notice_clears_it(db, household, today):
    employer_id, pa_id = household
    made = statements.make_statement(db, employer_id, pa_id, today)
    statement_given.record_given(db, employer_id, made.id, today, today)
    assert "STATEMENT_CHANGE_DUE" not in _codes(db, employer_id, date(2027, 3, 20))
    pa = people.get_pa(db, pa_id)
    people.save_pa(db, employer_id, replace(pa, pay_rates=(*pa.pay_rates, PayRateEntry(date(2027, 4, 1), Decimal("13.60")))),
                   today)
    item = _codes(db, employer_id, date(2027, 3, 20))["STATEMENT_CHANGE_DUE"]
    assert (item.status, item.due, item.param("changed_on")) == ("due_soon", date(2027, 5, 1), date(2027, 4, 1))
    assert _codes(db, employer_id, date(2027, 5, 2))["STATEMENT_CHANGE_DUE"].status == "overdue"
    notice = statements.make_change_notice(db, employer_id, pa_id, date(2027, 3, 20))
    assert (notice.kind, notice.changes, notice.as_at) == ("change_notice", (law.PAY,), date(2027, 4, 1))
    pay = notice.worded.section(law.PAY).paragraphs
    assert pay[0] == "From now on: You are paid £13.60 an hour, from 1 April 2027."
    assert pay[-1] == "It used to say: You are paid £13.00 an hour, from 7 December 2026."  # only what differs
    statement_given.record_given(db, employer_id, notice.id, date(2027, 3, 21))
    assert "STATEMENT_CHANGE_DUE" not in _codes(db, employer_id, date(2027, 5, 2))


def test_more_hours_typed_in_are_a_change_with_no_date(db, household, today):
    employer_id, pa_id = household
    made = statements.make_statement(db, employer_id, pa_id, today)
    statement_given.record_given(db, employer_id, made.id, today)
    people.save_pa(db, employer_id, replace(people.get_pa(db, pa_id), contracted_hours=Decimal("25")), today)
    item = _codes(db, employer_id, today)["STATEMENT_CHANGE_DUE"]
    assert (item.status, item.due) == ("missing", None)
    assert "hours and holiday" in checks_sentence(item, today)


def checks_sentence(item, today) -> str:
    from pa_manager.wording import due_item_sentence

    return due_item_sentence(item, today)[1]


def test_a_notice_needs_a_statement_given_and_a_change(db, household, today):
    employer_id, pa_id = household
    with raises_saying(ValidationFailed, "Give Ann Cole a written statement first"):
        statements.make_change_notice(db, employer_id, pa_id, today)
    made = statements.make_statement(db, employer_id, pa_id, today)
    statement_given.record_given(db, employer_id, made.id, today)
    with raises_saying(ValidationFailed, "Nothing in Ann Cole's terms has changed"):
        statements.make_change_notice(db, employer_id, pa_id, today)


def test_the_employers_choices_are_kept_and_a_stale_form_is_refused(db, household, today):
    employer_id, pa_id = household
    terms = statements.get_terms(db, employer_id, pa_id, today)
    assert terms.probation_months == 3 and terms.version is None
    saved = statements.save_terms(db, employer_id, pa_id, replace(terms, probation_months=6, pa_notice_weeks=2))
    assert statements.get_terms(db, employer_id, pa_id, today).probation_months == 6
    statements.save_terms(db, employer_id, pa_id, replace(saved, other_benefits="Free parking"))
    with pytest.raises(ChangedElsewhere):
        statements.save_terms(db, employer_id, pa_id, replace(saved, other_benefits="Nothing"))
    with pytest.raises(ValidationFailed) as wrong:
        statements.save_terms(db, employer_id, pa_id, replace(statements.get_terms(db, employer_id, pa_id, today),
                                                              duration=law.FIXED_TERM))
    assert "Enter the date a fixed-term job ends" in say(wrong.value)
    made = statements.make_statement(db, employer_id, pa_id, today)
    assert "Your first 6 months, until 7 June 2027" in " ".join(made.worded.section(law.PROBATION).paragraphs)


def test_a_pa_with_no_pay_rate_is_told_what_to_record_first(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    pa = people.save_pa(db, employer.id, PARecord(name="Ann Cole", start_date=START), today)
    with raises_saying(ValidationFailed, "Record Ann Cole's hourly rate on the People page first"):
        statements.make_statement(db, employer.id, pa.id, today)


def test_the_statement_saves_as_a_pdf_to_sign_and_a_web_page(db, household, today, tmp_path):
    employer_id, pa_id = household
    made = statements.make_statement(db, employer_id, pa_id, today)
    pdf = statements.save_statement_document(db, made.id, tmp_path / "statement.pdf")
    html = statements.save_statement_document(db, made.id, tmp_path / "statement.html")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert accessibility_problems(html) == []
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "Written statement of employment terms for Ann Cole" in info


def test_the_statement_travels_with_an_employer_export(db, household, today, tmp_path):
    from pa_manager.storage.transfer import dump_employer

    employer_id, pa_id = household
    statements.make_statement(db, employer_id, pa_id, today)
    with db.connection() as connection:
        tables = dump_employer(connection, employer_id)
    assert len(tables["written_statements"]) == 1
    assert json.loads(tables["written_statements"][0]["document"])["pa_name"] == "Ann Cole"


def test_making_and_giving_a_statement_are_undone_and_redone_as_changes(db, household, today):
    from pa_manager.services.errors import ServiceError
    from pa_manager.wording import undo_text

    employer_id, pa_id = household
    made = statements.make_undoably(db, employer_id, pa_id, today)
    assert undo_text(made.change) == "Make Ann Cole's written statement"
    # Made again the same day with nothing changed: the same statement, and nothing to undo.
    assert not statements.make_undoably(db, employer_id, pa_id, today).change.rows
    given = statement_given.record_given_undoably(db, employer_id, made.value.id, date(2026, 11, 25), date(2026, 11, 26))
    assert undo_text(given.change) == "Record Ann Cole's written statement as given"
    # Once given, the statement has changed since it was made, so undoing "make" is refused, storing nothing.
    with pytest.raises(ServiceError):
        undo_rules.reverse(db, made.change, today)
    assert statements.get_statement(db, made.value.id).given_on == date(2026, 11, 25)
    # Undoing "given" puts back the dates and the checklist's contract record in one go; redo gives them again.
    redo = undo_rules.reverse(db, given.change, today)
    assert statements.get_statement(db, made.value.id).given_on is None
    assert checks.pa_checks(db, employer_id, pa_id).contract is None
    undo_rules.reverse(db, redo, today)
    assert checks.pa_checks(db, employer_id, pa_id).contract.statement_given_on == date(2026, 11, 25)
    # Undoing "given" again, then "make": the statement is gone.
    undo_rules.reverse(db, given.change, today)
    undo_rules.reverse(db, made.change, today)
    assert statements.list_statements(db, employer_id, pa_id) == []


def test_the_employers_sick_pay_scheme_is_in_the_statement_and_a_new_one_is_a_change_to_tell(db, household, today):
    from pa_manager.domain.occupational_sick_pay import SickPayScheme
    from pa_manager.services import sick_pay_scheme

    employer_id, pa_id = household
    made = statements.make_statement(db, employer_id, pa_id, today)
    assert "sick pay scheme" not in " ".join(made.worded.section(law.SICK_PAY).paragraphs)
    statement_given.record_given(db, employer_id, made.id, today, today)
    sick_pay_scheme.save_scheme(db, employer_id, SickPayScheme(4, 2, 6, 3))
    item = _codes(db, employer_id, today)["STATEMENT_CHANGE_DUE"]
    assert item.param("what") is not None
    notice = statements.make_change_notice(db, employer_id, pa_id, today)
    assert notice.changes == (law.SICK_PAY,)
    said = " ".join(notice.worded.section(law.SICK_PAY).paragraphs)
    assert said.startswith("From now on: If you are too ill to work")
    assert ("Your employer's sick pay scheme pays you full pay for 4 weeks then half pay for 2 weeks in "
            "any 12 months, once you have worked for your employer for 6 months, from the 4th working day of each "
            "time off sick. A week is as many days as you normally work in a week. Statutory Sick Pay is part of it, "
            "not paid on top.") in said
