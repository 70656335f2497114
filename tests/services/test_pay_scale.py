"""The pay scale through the services: saved whole, refused when wrong, undone and redone, and the step on
each current PA's work anniversary on the "what needs doing" list."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.pay_scale import PayStep
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import due, employers, pay_scale, people, undo_rules
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.staff_due import staff_due
from pa_manager.wording import undo_text
from tests.saying import raises_saying

SCALE = [PayStep(0, Decimal("12.71")), PayStep(1, Decimal("13.10")), PayStep(2, Decimal("13.50"))]


@pytest.fixture
def household(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    leah = people.save_pa(db, employer.id, PARecord(name="Leah Grant", start_date=date(2025, 6, 1),
                                                    pay_rates=(PayRateEntry(date(2025, 6, 1), Decimal("13.10")),)),
                          today)
    gone = people.save_pa(db, employer.id, PARecord(name="Sam Low", start_date=date(2025, 6, 1),
                                                    leaving_date=date(2027, 4, 30),
                                                    pay_rates=(PayRateEntry(date(2025, 6, 1), Decimal("12.71")),)),
                          today)
    return employer.id, leah.id, gone.id


def test_saved_whole_in_order_and_replaced(db, household):
    employer_id, *_ = household
    assert pay_scale.get_steps(db, employer_id) == []
    pay_scale.save_steps(db, employer_id, list(reversed(SCALE)))
    assert pay_scale.get_steps(db, employer_id) == SCALE
    pay_scale.save_steps(db, employer_id, [PayStep(0, Decimal("13.00"))])
    assert pay_scale.get_steps(db, employer_id) == [PayStep(0, Decimal("13.00"))]
    pay_scale.save_steps(db, employer_id, [])
    assert pay_scale.get_steps(db, employer_id) == []


def test_a_wrong_scale_is_refused_and_nothing_kept(db, household):
    employer_id, *_ = household
    pay_scale.save_steps(db, employer_id, SCALE)
    with raises_saying(ValidationFailed, "a pay scale never goes down") as refused:
        pay_scale.save_steps(db, employer_id, [PayStep(0, Decimal("13.00")), PayStep(1, Decimal("12.00"))])
    assert set(refused.value.problems) == {"rate_1"}
    with raises_saying(ValidationFailed, "only one step"):
        pay_scale.save_steps(db, employer_id, [PayStep(1, Decimal("13.00")), PayStep(1, Decimal("13.00"))])
    assert pay_scale.get_steps(db, employer_id) == SCALE


def test_undo_and_redo(db, household, today):
    employer_id, *_ = household
    pay_scale.save_steps(db, employer_id, SCALE[:1])
    done = pay_scale.save_steps_undoably(db, employer_id, SCALE)
    assert done.value == SCALE
    assert undo_text(done.change) == "Save Ruth Ames's pay scale"
    redo = undo_rules.reverse(db, done.change, today)
    assert pay_scale.get_steps(db, employer_id) == SCALE[:1]
    undo_rules.reverse(db, redo, today)
    assert pay_scale.get_steps(db, employer_id) == SCALE


def test_the_step_on_the_anniversary_is_due(db, household):
    employer_id, leah_id, _ = household
    assert pay_scale.pay_step_due(db, employer_id, date(2027, 5, 10)) == []  # no scale yet
    pay_scale.save_steps(db, employer_id, SCALE)
    [item] = pay_scale.pay_step_due(db, employer_id, date(2027, 5, 10))  # Sam leaves before the anniversary
    assert (item.code, item.pa_key, item.due, item.status) == ("PAY_STEP_DUE", leah_id, date(2027, 6, 1), "due_soon")
    assert item.param("hourly_rate") == Decimal("13.50") and item.param("current_rate") == Decimal("13.10")
    assert item in due.due_list(db, employer_id, date(2027, 5, 10))
    assert item in staff_due(db, employer_id, date(2027, 5, 10))
    # Before Leah's is in view (30 days), Sam is still here, and his first year's step never came.
    [sam] = pay_scale.pay_step_due(db, employer_id, date(2027, 4, 1))
    assert (sam.pa_name, sam.due, sam.status, sam.param("hourly_rate")) == (
        "Sam Low", date(2026, 6, 1), "overdue", Decimal("13.10"))
    assert pay_scale.pay_step_due(db, employer_id, date(2027, 7, 1))[0].status == "overdue"


def test_adding_the_new_rate_clears_it(db, household, today):
    employer_id, leah_id, _ = household
    pay_scale.save_steps(db, employer_id, SCALE)
    leah = people.get_pa(db, leah_id)
    people.save_pa(db, employer_id, PARecord(**{**leah.__dict__, "pay_rates": (
        *leah.pay_rates, PayRateEntry(date(2027, 6, 1), Decimal("13.50")))}), today)
    assert pay_scale.pay_step_due(db, employer_id, date(2027, 5, 10)) == []
    assert pay_scale.pay_step_due(db, employer_id, date(2027, 7, 1)) == []
