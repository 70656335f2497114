"""The money and number box reads text with the domain's one amount reader, and words its refusals."""
from decimal import Decimal

import pytest

from pa_manager.ui.widgets.inputs import DecimalEdit, InputError


@pytest.mark.parametrize("typed, number", [("£1,234.5", Decimal("1234.5")), (" 37.5 ", Decimal("37.5")), ("", None)])
def test_a_decimal_box_reads_what_was_typed(qtbot, typed, number):
    box = DecimalEdit(money=True)
    qtbot.addWidget(box)
    box.setText(typed)
    assert box.value() == number


@pytest.mark.parametrize("money, typed, sentence", [
    (True, "1e40", "Enter an amount in pounds, like 12.71. '1e40' is not one."),
    (True, "NaN", "Enter an amount in pounds, like 12.71. 'NaN' is not one."),
    (False, "lots", "Enter a number, like 37.5. 'lots' is not one."),
])
def test_a_decimal_box_refuses_what_is_not_a_number_in_its_own_words(qtbot, money, typed, sentence):
    box = DecimalEdit(money=money)
    qtbot.addWidget(box)
    box.setText(typed)
    with pytest.raises(InputError) as raised:
        box.value()
    assert str(raised.value) == sentence


def test_a_status_list_shown_again_keeps_the_line_you_are_on(qtbot):
    from pa_manager.ui.widgets.status_list import StatusList

    lines = StatusList("Pay day and budget")
    qtbot.addWidget(lines)
    lines.set_lines([("info", "Next pay day: 27 November 2026."), ("warning", "Not paid yet: 34 hours."),
                     ("info", "Budget: working out the forecast…")])
    lines.setCurrentRow(1)
    lines.set_lines([("info", "Next pay day: 27 November 2026."), ("warning", "Not paid yet: 34 hours."),
                     ("missing", "Missing: no budget year is recorded for today.")])
    assert lines.currentRow() == 1 and lines.currentItem().text() == "Not paid yet: 34 hours."
