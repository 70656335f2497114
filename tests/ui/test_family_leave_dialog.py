"""Family leave recorded by keyboard from the People page: a refusal shown next to its field, the leave
saved, its weeks and amounts shown when chosen again, and undo taking it away."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import family_leave, people
from pa_manager.ui.dialogs.family_leave_dialog import FamilyLeaveDialog
from pa_manager.ui.pages.people import PeoplePage
from tests.conftest import TODAY
from tests.ui.driving import click, type_into
from tests.ui.keys import tab_stops


def test_maternity_leave_typed_saved_shown_and_undone(qtbot, demo_context, monkeypatch):
    db, employer_id = demo_context.db, demo_context.employer_id
    ann = people.save_pa(db, employer_id, PARecord(
        name="Ann Cole", date_of_birth=date(1990, 1, 1), start_date=date(2024, 1, 8), tax_code="1257L",
        pay_rates=(PayRateEntry(date(2024, 1, 8), Decimal("12.71")),)), TODAY)
    page = PeoplePage(demo_context)
    qtbot.addWidget(page)
    page.show()
    page.select_pa(ann.id)
    assert page.family_button.isEnabled()
    seen = {}

    def fill(dialog: FamilyLeaveDialog):
        dialog.show()
        seen["first"] = dialog.leave_list.item(0).text()
        dialog.kind.setFocus()
        assert dialog.kind.currentData() == "SMP"
        type_into(qtbot, dialog.key_date, "10/9/2026")
        type_into(qtbot, dialog.leave_start, "30/8/2026")
        type_into(qtbot, dialog.earnings, "400")
        type_into(qtbot, dialog.evidence, "1/6/2026")
        type_into(qtbot, dialog.kit_days, "6/10/2026, 3/11/2026")
        type_into(qtbot, dialog.weeks, "40")                  # more than the law allows: refused
        qtbot.keyClick(dialog.weeks, Qt.Key.Key_Return)
        seen["error"] = dialog.rows["weeks"].error.text()
        seen["open"] = dialog.isVisible()
        dialog.weeks.clear()
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        return dialog.result()

    monkeypatch.setattr(FamilyLeaveDialog, "exec", fill)
    click(qtbot, page.family_button)
    assert seen["first"] == "Record new leave"
    assert seen["error"] == "Enter fewer weeks of pay: this kind of pay has a limit set by law."
    assert seen["open"]
    [stored] = family_leave.list_leave(db, employer_id, ann.id)
    leave = stored.leave
    assert (leave.kind, leave.key_date, leave.leave_start, leave.pay_start, leave.average_weekly_earnings) == (
        "SMP", date(2026, 9, 10), date(2026, 8, 30), date(2026, 8, 30), Decimal("400"))
    assert leave.evidence_received == date(2026, 6, 1)
    assert leave.keeping_in_touch_days == (date(2026, 10, 6), date(2026, 11, 3))

    # Opened again: the leave is listed with its total, and choosing it shows each week.
    dialog = FamilyLeaveDialog(db, employer_id, ann.id, "Ann Cole")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.leave_list.item(1).text() == (
        "Statutory Maternity Pay from 30 August 2026: 39 weeks, £8,572.56 in all")   # 6 x 360 + 33 x 194.32
    dialog.leave_list.setFocus()
    qtbot.keyClick(dialog.leave_list, Qt.Key.Key_Down)
    weeks = [dialog.weeks_list.item(i).text() for i in range(dialog.weeks_list.count())]
    assert len(weeks) == 39
    assert weeks[0] == "Week 1, 30 August to 5 September 2026: £360.00 (90% of average weekly earnings)"
    assert weeks[6] == "Week 7, 11 October to 17 October 2026: £194.32 (the standard weekly rate)"
    assert dialog.key_date.text() == "10/9/2026" and dialog.earnings.text() == "400.00"
    # Every control Tab reaches has a name a screen reader can say; the form comes before the lists.
    stops = tab_stops(dialog)
    assert all(w.accessibleName() or w.text() for w in stops if hasattr(w, "text")), [type(w) for w in stops]
    assert all(w.accessibleName() for w in stops if not hasattr(w, "text")), [type(w) for w in stops]
    assert stops.index(dialog.kind) < stops.index(dialog.leave_list) < stops.index(dialog.weeks_list)
    assert dialog.leave_list.accessibleName() == "Family leave recorded"
    assert dialog.weeks_list.accessibleName() == "Pay week by week"

    assert dialog.remove_button.isEnabled()

    # Removed (asked once), then undone: the leave is back.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    click(qtbot, dialog.remove_button)
    assert dialog.result() and family_leave.list_leave(db, employer_id, ann.id) == []
    demo_context.push(dialog.change)
    demo_context.undo_group.undo()
    assert [r.leave.kind for r in family_leave.list_leave(db, employer_id, ann.id)] == ["SMP"]
    demo_context.undo_group.undo()   # and the recording before it
    assert family_leave.list_leave(db, employer_id, ann.id) == []
