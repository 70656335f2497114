"""Disciplinary and grievance case records: opened, each step kept, closed with an outcome; in a PA's
data export and erased with their details."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from pa_manager.domain import cases as rules
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord
from pa_manager.services import cases, employers, people
from pa_manager.services.errors import ValidationFailed
from pa_manager.storage.transfer import dump_pa
from tests.saying import raises_saying


@pytest.fixture
def pa(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    return employer.id, people.save_pa(db, employer.id, PARecord(name="Kit Moss", start_date=date(2025, 1, 6)), today).id


def test_a_case_is_opened_stepped_through_and_closed(db, pa):
    employer_id, pa_id = pa
    with raises_saying(ValidationFailed, "what the case is about"):
        cases.put_case(db, employer_id, pa_id, rules.Case(rules.DISCIPLINARY, date(2026, 11, 2), " "))
    opened = cases.put_case(db, employer_id, pa_id, rules.Case(rules.DISCIPLINARY, date(2026, 11, 2),
                                                               "Late for three morning shifts"))
    with raises_saying(ValidationFailed, "on or after the day the case was opened"):
        cases.add_step(db, employer_id, opened.id, rules.Step(date(2026, 11, 1), "letter"))
    cases.add_step(db, employer_id, opened.id, rules.Step(date(2026, 11, 3), "letter", "Invited to a meeting on the 9th"))
    cases.add_step(db, employer_id, opened.id, rules.Step(date(2026, 11, 9), "meeting", "Explained the bus times",
                                                          "Jo Bell, colleague"))
    with raises_saying(ValidationFailed, "how the case ended"):
        cases.close_case(db, employer_id, opened.id, "upheld", date(2026, 11, 10))  # a grievance's outcome
    closed = cases.close_case(db, employer_id, opened.id, "first_written_warning", date(2026, 11, 10))
    assert (closed.case.outcome, closed.case.closed_on, closed.case.is_open) == ("first_written_warning",
                                                                                 date(2026, 11, 10), False)
    assert [(s.kind, s.accompanied_by) for s in closed.case.steps] == [("letter", ""), ("meeting", "Jo Bell, colleague")]
    before = replace(closed.case, steps=closed.case.steps[:1], outcome="", closed_on=None)
    cases.put_case(db, employer_id, pa_id, before, closed.id)  # a case kept with its id, as given
    assert cases.get_case(db, closed.id).case == before


def test_cases_are_in_the_pas_data_and_go_with_them(db, pa):
    employer_id, pa_id = pa
    opened = cases.put_case(db, employer_id, pa_id, rules.Case(rules.GRIEVANCE, date(2026, 11, 2), "Rota changes"))
    cases.add_step(db, employer_id, opened.id, rules.Step(date(2026, 11, 4), "meeting"))
    with db.connection() as connection:
        tables = dump_pa(connection, pa_id)
    assert (len(tables["hr_cases"]), len(tables["hr_case_steps"])) == (1, 1)
    people.delete_pa(db, pa_id)
    assert cases.list_cases(db, pa_id) == []
