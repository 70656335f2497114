"""Forms that fit the window they are in: nothing runs off the side, fields go under their labels when
the room is narrow, a field that takes the focus is scrolled into view, check boxes wrap their words,
and a dialog opens with the keyboard in its first field and its buttons last when tabbing."""
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QScrollArea

from pa_manager.services import people
from pa_manager.ui.dialogs import check_dialogs
from pa_manager.ui.dialogs.employer_dialog import EmployerDialog
from pa_manager.ui.dialogs.employer_duties_dialog import EmployerDutiesDialog
from pa_manager.ui.widgets.inputs import WrappingCheckBox
from tests.ui.driving import ALT, wait_for_focus
from tests.ui.test_accessibility import _mnemonic


def _scroll_of(widget) -> QScrollArea:
    parent = widget.parentWidget()
    while not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def _cut_off(rows, scroll: QScrollArea) -> list[str]:
    """The rows whose field or label reaches past the right edge of the scroll area's view."""
    right = scroll.viewport().width()
    cut = []
    for key, row in rows.items():
        for part in (row.label, row.field):
            if part.isVisibleTo(scroll) and part.mapTo(scroll.viewport(), QPoint(part.width(), 0)).x() > right:
                cut.append(key)
    return cut


def _beside(row) -> bool:
    return abs(row.field.mapToGlobal(QPoint(0, 0)).y() - row.label.mapToGlobal(QPoint(0, 0)).y()) < row.label.height()


def _people_form(qtbot, window, width, height=760):
    window.resize(width, height)
    window.go_to(window.pages.index(window.people))
    qtbot.wait(100)  # the layouts settle: a form that goes narrow lays its rows out again
    return window.people.form


@pytest.mark.parametrize("width", [1100, 800, 600])
def test_the_pa_form_never_runs_off_the_side_and_its_fields_are_never_squeezed(qtbot, window, width):
    form = _people_form(qtbot, window, width)
    scroll = _scroll_of(form.name)
    assert form.width() <= scroll.viewport().width()
    assert _cut_off(form.rows, scroll) == []
    # At the window's usual size there is room beside the list of PAs for labels and fields side by side;
    # narrower, the list goes above the form (or each field under its label), rather than squeezing a field.
    email = form.rows["email"]
    if width == 1100:
        assert _beside(email)
    assert email.field.width() >= email.field.fontMetrics().averageCharWidth() * 24


def test_with_room_the_fields_stay_beside_their_labels(qtbot, demo_context):
    dialog = EmployerDialog(demo_context.db)
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    qtbot.wait(100)
    assert _beside(dialog.rows["name"]) and _beside(dialog.rows["council"])


def test_a_narrow_employer_dialog_wraps_rather_than_cutting_off(qtbot, demo_context):
    dialog = EmployerDialog(demo_context.db)
    qtbot.addWidget(dialog)
    dialog.resize(380, 600)
    dialog.show()
    qtbot.wait(100)
    scroll = _scroll_of(dialog.name)
    assert _cut_off(dialog.rows, scroll) == []
    london = dialog.london
    assert isinstance(london, WrappingCheckBox)
    assert london.height() >= 2 * london.fontMetrics().height()  # its words on two lines, not cut off
    assert london.width() <= scroll.viewport().width()


def test_a_wrapping_check_box_is_ticked_by_its_words_space_and_its_letter(qtbot, demo_context):
    dialog = EmployerDialog(demo_context.db)
    qtbot.addWidget(dialog)
    dialog.resize(380, 600)
    dialog.show()
    wait_for_focus(qtbot, dialog)
    london = dialog.london
    qtbot.mouseClick(london, Qt.MouseButton.LeftButton, pos=QPoint(london.width() - 10, london.height() - 4))
    assert london.isChecked()  # the end of its second line of words
    qtbot.keyClick(dialog.focusWidget(), getattr(Qt.Key, f"Key_{_mnemonic(london.text()).upper()}"), ALT)
    qtbot.waitUntil(lambda: not london.isChecked())  # its letter presses it, a moment later as a click does
    assert london.hasFocus()
    qtbot.keyClick(london, Qt.Key.Key_Space)
    assert london.isChecked()


def test_a_field_reached_by_its_letter_is_scrolled_into_view(qtbot, window):
    form = _people_form(qtbot, window, 1100)
    window.activateWindow()
    form.name.setFocus()
    row = form.rows["new_rate_from"]
    scroll = _scroll_of(row.field)
    assert not row.field.visibleRegion().boundingRect().height()  # out of sight, further down the form
    qtbot.keyClick(form.name, getattr(Qt.Key, f"Key_{_mnemonic(row.label.text()).upper()}"), ALT)
    assert row.field.hasFocus()
    top = row.field.mapTo(scroll.viewport(), QPoint(0, 0)).y()
    assert 0 <= top and top + row.field.height() <= scroll.viewport().height()


def _is_field(widget) -> bool:
    """Something typed into or chosen with: not a push button or a scrolling frame."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit

    if isinstance(widget, QAbstractButton):
        return not isinstance(widget, QPushButton)
    return isinstance(widget, (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox))


def _pa(context):
    return people.list_pas(context.db, context.employer_id)[0]


DIALOGS = {
    "employer": lambda c: EmployerDialog(c.db),
    "employer duties": lambda c: EmployerDutiesDialog(c),
    "DBS check": lambda c: check_dialogs.DBSCheckDialog(c.db, c.employer_id, _pa(c)),
    "right to work": lambda c: check_dialogs.RightToWorkDialog(c.db, c.employer_id, _pa(c)),
    "reference": lambda c: check_dialogs.ReferenceDialog(c.db, c.employer_id, _pa(c)),
    "contract": lambda c: check_dialogs.ContractDialog(c.db, c.employer_id, _pa(c)),
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_a_dialog_opens_in_its_first_field_and_tab_reaches_its_buttons_last(qtbot, demo_context, name):
    dialog = DIALOGS[name](demo_context)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_focus(qtbot, dialog)
    first = QApplication.focusWidget()
    assert not isinstance(first, (QPushButton, QScrollArea)), type(first).__name__
    box = dialog.findChild(QDialogButtonBox)
    stops = []
    widget = first
    for _ in range(80):
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is first:
            break
        stops.append(widget)
    buttons = [i for i, w in enumerate(stops) if box.isAncestorOf(w)]
    assert buttons, "Tab reaches the buttons"
    assert not [w for w in stops[buttons[-1]:] if _is_field(w)], "the buttons come after every field"
