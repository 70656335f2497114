"""What must be seen and confirmed before money goes out: a row per case."""
from datetime import date
from decimal import Decimal as D

import pytest

from pa_manager import messages
from pa_manager.domain import before_paying as b
from pa_manager.domain.validation import Problem

TODAY = date(2026, 11, 23)
CHECKED = b.PAFacts(1, "Ann", first_shift=date(2026, 4, 7), right_to_work_checked=date(2026, 4, 1),
                    must_enrol=False, gross_pay=D("500"), planned_hours=D("0"))


@pytest.mark.parametrize("pay_date, registered, person, expected", [
    (date(2026, 11, 27), True, CHECKED, []),                                          # all in order
    (date(2026, 11, 20), True, CHECKED, [b.PAY_DATE_IN_PAST]),                        # paid in the past
    (date(2026, 11, 30), True, CHECKED, []),                                          # exactly a week ahead
    (date(2026, 12, 1), True, CHECKED, [b.PAY_DATE_FAR_AHEAD]),                       # 8 days ahead
    (date(2026, 11, 27), False, CHECKED, [b.NOT_REGISTERED_WITH_HMRC]),
    (date(2026, 11, 27), True, b.PAFacts(1, "Ann", date(2026, 4, 7), None, False, D("500"), D("0")),
     [b.RIGHT_TO_WORK_NOT_CHECKED]),
    (date(2026, 11, 27), True, b.PAFacts(1, "Ann", date(2026, 4, 7), date(2026, 4, 7), False, D("500"), D("0")),
     [b.RIGHT_TO_WORK_AFTER_FIRST_SHIFT]),                                            # on the day is too late
    (date(2026, 11, 27), True, b.PAFacts(1, "Ann", None, date(2026, 4, 7), True, D("500"), D("0")),
     [b.PENSION_ENROL_NOW]),
    (date(2026, 11, 27), True, b.PAFacts(1, "Ann", None, date(2026, 4, 7), False, D("0"), D("12.5")),
     [b.NO_PAY_FOR_PLANNED_HOURS]),
    (date(2026, 11, 27), True, b.PAFacts(1, "Ann", None, date(2026, 4, 7), False, D("0"), D("0")), []),
])
def test_what_to_confirm(pay_date, registered, person, expected):
    found = b.before_paying(pay_date, TODAY, registered, [person])
    assert [c.code for c in found] == expected


def test_every_code_has_one_sentence():
    assert messages.missing_messages(b.CODES) == set()
    for code in b.CODES:
        sentence = messages.describe(Problem.of(code, "Ann", day=date(2026, 4, 7), hours="12.5"), strict=True)
        assert sentence.endswith(".") and "{" not in sentence
