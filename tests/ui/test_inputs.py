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


def test_a_status_lists_lines_measured_again_fit_their_wrapped_text_at_each_width_and_text_size(qtbot):
    from PySide6.QtCore import QRect, Qt

    from pa_manager.ui.widgets.status_list import StatusList

    sentence = "Check: Ann Cole had less than 11 hours' rest between shifts on 3 November 2026. " * 3
    lines = StatusList("What needs doing")
    qtbot.addWidget(lines)
    lines.resize(600, 300)
    lines.show()

    def heights():
        lines.set_lines([("warning", sentence), ("ok", "Done.")])
        return [lines.item(row).sizeHint().height() for row in range(lines.count())]

    def measured(row):  # the wrapped text measured afresh, as fit_to_text lays each line out
        icon = lines.iconSize().width() if lines.iconSize().isValid() else lines.style().pixelMetric(
            lines.style().PixelMetric.PM_SmallIconSize)
        width = max(lines.viewport().width() - 2 * lines.spacing(), 80) - (icon + 8) - 8
        text = lines.fontMetrics().boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap,
                                                lines.item(row).text())
        return max(text.height(), icon) + 6

    wide = heights()
    assert heights() == wide == [measured(0), measured(1)]  # shown again: the same heights
    lines.resize(250, 300)
    narrow = heights()
    assert narrow == [measured(0), measured(1)] and narrow[0] > wide[0]  # wraps onto more lines
    font = lines.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    lines.setFont(font)
    large = heights()
    assert large == [measured(0), measured(1)] and large[0] > narrow[0]  # a larger text size: taller again
