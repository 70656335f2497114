"""Everything by keyboard alone: Tab leaves every table, follows reading order on every page and in
every dialog, a dialog opens at its first field, switching area lands on the area's first control and
says which area it is, and a field reached by its Alt key is scrolled into view."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox, QPushButton, QScrollArea

from pa_manager.ui.announce import listen
from tests.ui.every_window import DIALOG_NAMES, dialog_makers
from tests.ui.test_accessibility import _accessible_name
from tests.ui.keys import describe, out_of_reading_order, tab_stops


def _dialog(qtbot, context, name):
    dialog = dialog_makers(context)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _areas(window):
    for index, page in enumerate(window.pages):
        window.go_to(index)
        yield page


def _unrolled(window):
    """Tall enough that nothing scrolls, so every widget's place on screen is its place on the page."""
    window.resize(window.width(), 5000)
    QApplication.processEvents()
    return window


# --- Tab leaves every table; the arrow keys move inside it -----------------------------------------


def test_tab_leaves_every_table_and_list_on_every_page(qtbot, window):
    trapped = [f"{page.title}: {view.accessibleName()}" for page in _areas(window)
               for view in page.findChildren(QAbstractItemView) if view.tabKeyNavigation()]
    assert trapped == []


@pytest.mark.parametrize("name", DIALOG_NAMES)
def test_tab_leaves_every_table_and_list_in_every_dialog(qtbot, demo_context, name):
    dialog = _dialog(qtbot, demo_context, name)
    assert [view.accessibleName() for view in dialog.findChildren(QAbstractItemView) if view.tabKeyNavigation()] == []


def test_tab_and_shift_tab_go_past_the_pay_rates_table(qtbot, window):
    window.show_pa(window.people.model.record(0).id)
    form = window.people.form
    window.activateWindow()
    qtbot.waitActive(window)
    form.rates_table.setFocus()
    qtbot.keyClick(form.rates_table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not form.rates_table
    form.rates_table.setFocus()
    qtbot.keyClick(form.rates_table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is not form.rates_table
    # Inside it, the arrow keys still move from rate to rate.
    form.rates_table.setFocus()
    form.rates_table.setCurrentCell(0, 0)
    qtbot.keyClick(form.rates_table, Qt.Key.Key_Down)
    assert form.rates_table.currentRow() == min(1, form.rates_table.rowCount() - 1)


# --- reading order --------------------------------------------------------------------------------


def test_tab_follows_reading_order_on_every_page(qtbot, window):
    _unrolled(window)
    wrong = {page.title: out_of_reading_order(tab_stops(window)) for page in _areas(window)}
    assert {title: steps for title, steps in wrong.items() if steps} == {}


def test_no_page_has_a_tab_stop_without_a_visible_focus(qtbot, window):
    # A scroll area holding a page shows no focus of its own: it must not be a Tab stop.
    stops = {page.title: [describe(w) for w in tab_stops(window) if isinstance(w, QScrollArea)] for page in _areas(window)}
    assert {title: found for title, found in stops.items() if found} == {}


@pytest.mark.parametrize("name", DIALOG_NAMES)
def test_tab_follows_reading_order_in_every_dialog_with_the_buttons_last(qtbot, demo_context, name):
    dialog = _unrolled(_dialog(qtbot, demo_context, name))
    stops = tab_stops(dialog)
    assert out_of_reading_order(stops) == []
    assert not [describe(w) for w in stops if isinstance(w, QScrollArea)]
    boxes = dialog.findChildren(QDialogButtonBox)
    if boxes:
        buttons = [w for w in stops if boxes[-1].isAncestorOf(w)]
        assert stops[-len(buttons):] == buttons, [describe(w) for w in stops]


@pytest.mark.parametrize("name", DIALOG_NAMES)
def test_every_dialog_opens_with_its_first_field_focused(qtbot, demo_context, name):
    dialog = _dialog(qtbot, demo_context, name)
    focused = dialog.focusWidget()
    assert focused is not None and not isinstance(focused, QScrollArea), name
    boxes = dialog.findChildren(QDialogButtonBox)
    if any(not isinstance(w, QPushButton) for w in tab_stops(dialog)):
        # A dialog with anything to fill in or choose opens there, never on its buttons.
        assert not any(box.isAncestorOf(focused) for box in boxes), describe(focused)
        assert not isinstance(focused, QPushButton) or focused is tab_stops(dialog)[0], describe(focused)


# --- areas ----------------------------------------------------------------------------------------


def test_switching_area_lands_on_its_first_control_and_says_which_area(qtbot, window):
    heard = []
    stop = listen(heard.append)
    try:
        for index, page in enumerate(window.pages):
            window.go_to(index)
            focused = window.focusWidget()
            assert focused is not None and page.isAncestorOf(focused), page.title
            assert focused.isVisibleTo(window) and _accessible_name(focused), describe(focused)
            assert heard[-1].startswith(page.title), heard[-1]
    finally:
        stop()


# --- Enter, and fields brought into view ------------------------------------------------------------


def test_enter_in_any_field_saves_the_shift(qtbot, demo_context):
    from datetime import time

    from pa_manager.domain.shifts import to_london
    from pa_manager.services import shifts
    from tests.ui.driving import type_into
    from tests.ui.every_window import THIS_MONDAY, _pa

    dialog = _dialog(qtbot, demo_context, "shift")
    assert dialog.focusWidget() is dialog.start_edit  # the times are what is typed first
    type_into(qtbot, dialog.start_edit, "18:00")
    type_into(qtbot, dialog.end_edit, "19:30")
    qtbot.keyClick(dialog.end_edit, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    janet = _pa(demo_context, "Janet Moyo").id
    day = THIS_MONDAY + __import__("datetime").timedelta(days=1)
    saved = [s for s in shifts.shifts_between(demo_context.db, demo_context.employer_id, day, day, pa_id=janet)]
    assert any(to_london(s.start).time() == time(18) and to_london(s.end).time() == time(19, 30) for s in saved)


def test_a_field_reached_by_its_alt_key_is_scrolled_into_view(qtbot, window):
    window.resize(900, 520)
    window.show_pa(window.people.model.record(0).id)
    window.activateWindow()
    qtbot.waitActive(window)
    form = window.people.form
    scroll = next(a for a in window.people.findChildren(QScrollArea) if a.widget() is form)
    qtbot.wait(20)  # the page settles
    scroll.verticalScrollBar().setValue(0)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # "Star&t date", far down the form
    focused = QApplication.focusWidget()
    assert focused is form.start_date
    qtbot.wait(10)
    top = focused.mapTo(scroll.viewport(), focused.rect().topLeft()).y()
    assert 0 <= top and top + focused.height() <= scroll.viewport().height(), scroll.verticalScrollBar().value()
