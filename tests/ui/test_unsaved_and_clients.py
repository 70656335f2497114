"""Never lose an edit, and always know whose records are open: the window asks Save / Discard /
Cancel before typed changes would be thrown away, and switching client is deliberate."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from pa_manager.services import employers, people
from tests.ui.driving import type_into


@pytest.fixture
def answer(monkeypatch):
    """Answer the next Save / Discard / Cancel question with the button named."""
    asked = []

    def choose(label):
        def exec_(box):
            asked.append(box.text())
            next(b for b in box.buttons() if b.text().replace("&", "") == label).click()
            return 0
        monkeypatch.setattr(QMessageBox, "exec", exec_)
    choose.asked = asked
    return choose


def _janet_with_a_new_phone_typed(qtbot, window):
    window.go_to(window.pages.index(window.people))
    page = window.people
    janet = next(p for p in people.list_pas(window.context.db, window.context.employer_id) if p.name == "Janet Moyo")
    page.select_pa(janet.id)
    type_into(qtbot, page.form.phone, "07700 900123")
    return page, janet


def test_choosing_another_pa_asks_and_cancel_keeps_what_was_typed(qtbot, window, answer):
    page, janet = _janet_with_a_new_phone_typed(qtbot, window)
    leah = next(p for p in people.list_pas(window.context.db, window.context.employer_id) if p.name == "Leah Grant")
    answer("Cancel")
    page.table.setCurrentIndex(page.proxy.mapFromSource(page.model.index(page.model.row_of(leah.id), 0)))
    assert answer.asked == ["You have not saved your changes to Janet Moyo's details. Save them now?"]
    assert page.form.phone.text() == "07700 900123" and page.form_heading.text() == "Janet Moyo"
    answer("Save")
    page.table.setCurrentIndex(page.proxy.mapFromSource(page.model.index(page.model.row_of(leah.id), 0)))
    assert people.get_pa(window.context.db, janet.id).phone == "07700 900123"
    assert page.form_heading.text() == "Leah Grant"


def test_going_to_another_area_or_quitting_asks_and_discard_throws_the_edit_away(qtbot, window, answer):
    page, janet = _janet_with_a_new_phone_typed(qtbot, window)
    before = people.get_pa(window.context.db, janet.id).phone
    answer("Cancel")
    window.go_to(window.pages.index(window.hours))
    assert window.stack.currentWidget() is page and window.nav.currentRow() == window.pages.index(page)
    assert not window.close() and window.isVisible()  # Ctrl+Q is the same close
    answer("Discard changes")
    window.go_to(window.pages.index(window.hours))
    assert window.stack.currentWidget() is window.hours
    assert people.get_pa(window.context.db, janet.id).phone == before


def test_ctrl_q_with_an_unsaved_edit_asks_and_cancel_keeps_the_window_open(qtbot, window, answer):
    from tests.ui.driving import shortcut

    page, _ = _janet_with_a_new_phone_typed(qtbot, window)
    answer("Cancel")
    shortcut(window, Qt.Key.Key_Q)
    assert answer.asked == ["You have not saved your changes to Janet Moyo's details. Save them now?"]
    assert window.isVisible() and page.form.phone.text() == "07700 900123"
    answer("Discard changes")
    shortcut(window, Qt.Key.Key_Q)
    assert not window.isVisible()


def test_switching_client_asks_first_and_cancel_stays(qtbot, window, answer):
    _janet_with_a_new_phone_typed(qtbot, window)
    answer("Cancel")
    other = window.employer_box.findText("Desmond Clarke")
    window.employer_box.setCurrentIndex(other)
    window.employer_box.activated.emit(other)
    assert window.employer_box.currentText() == "Margaret Okafor"
    assert window.client_heading.text() == "Margaret Okafor's records"


def test_an_arrow_key_on_the_closed_client_box_does_not_switch_client(qtbot, window):
    window.employer_box.setFocus()
    qtbot.keyClick(window.employer_box, Qt.Key.Key_Down)
    qtbot.keyClick(window.employer_box, Qt.Key.Key_D)
    assert window.employer_box.currentText() == "Margaret Okafor"
    assert employers.get_employer(window.context.db, window.context.employer_id).name == "Margaret Okafor"


def test_caseload_opens_on_the_client_whose_records_are_open(qtbot, window):
    desmond = employers.find_employer(window.context.db, "Desmond Clarke")
    window.open_employer(desmond.id)
    window.go_to(window.pages.index(window.caseload))
    page = window.caseload
    assert page.employer_at(page.table.currentIndex().row()) == desmond.id
    assert window.client_heading.text() == "Desmond Clarke's records"
