"""Attachment of earnings orders recorded by keyboard from the People page: a refusal shown next to its
field, the order saved, listed with what has been taken, stopped, and undo taking it back."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import earnings_orders, people
from pa_manager.ui.dialogs.earnings_order_dialog import EarningsOrderDialog
from pa_manager.ui.pages.people import PeoplePage
from tests.conftest import TODAY
from tests.ui.driving import click, type_into
from tests.ui.keys import tab_stops


def test_an_order_typed_saved_listed_stopped_and_undone(qtbot, demo_context, monkeypatch):
    db, employer_id = demo_context.db, demo_context.employer_id
    ann = people.save_pa(db, employer_id, PARecord(
        name="Ann Cole", date_of_birth=date(1990, 1, 1), start_date=date(2024, 1, 8), tax_code="1257L",
        pay_rates=(PayRateEntry(date(2024, 1, 8), Decimal("12.71")),)), TODAY)
    page = PeoplePage(demo_context)
    qtbot.addWidget(page)
    page.show()
    page.select_pa(ann.id)
    assert page.earnings_order_button.isEnabled()
    seen = {}

    def fill(dialog: EarningsOrderDialog):
        dialog.show()
        seen["focus"] = dialog.focusWidget() is dialog.kind
        seen["summary"] = dialog.summary.text()
        type_into(qtbot, dialog.reference, "K12X3456")
        type_into(qtbot, dialog.court, "County Court Business Centre")
        type_into(qtbot, dialog.start, "1/9/2026")
        type_into(qtbot, dialog.normal, "0")                       # refused: must be more than £0
        type_into(qtbot, dialog.protected, "500.50")
        seen["per"] = dialog.per.currentData()                   # the demo employer pays monthly
        type_into(qtbot, dialog.total, "850")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        seen["error"] = dialog.rows["normal_deduction_rate"].error.text()
        seen["open"] = dialog.isVisible()
        dialog.normal.clear()
        type_into(qtbot, dialog.normal, "100")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        return dialog.result()

    monkeypatch.setattr(EarningsOrderDialog, "exec", fill)
    click(qtbot, page.earnings_order_button)
    assert seen["focus"]
    assert seen["summary"] == "No orders are recorded for this PA."
    assert seen["per"] == "month"
    assert seen["error"] == "Enter the normal deduction rate from the order: more than £0."
    assert seen["open"]
    [stored] = earnings_orders.list_orders(db, employer_id, ann.id)
    d = stored.details
    assert (d.kind, d.reference, d.issued_by, d.start_date, d.rate_period) == (
        "judgment_debt", "K12X3456", "County Court Business Centre", date(2026, 9, 1), "month")
    assert (d.normal_deduction_rate, d.protected_earnings_rate, d.total_to_pay, d.take_fee) == (
        Decimal("100"), Decimal("500.50"), Decimal("850"), True)

    # Opened again: listed with what has been paid, and stopped from a day typed in.
    dialog = EarningsOrderDialog(db, employer_id, ann.id, "Ann Cole", lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)
    dialog.show()
    assert dialog.order_list.item(0).text() == (
        "Order K12X3456 from County Court Business Centre (judgment debt or administration order), £100.00 a "
        "month, protected earnings £500.50 a month, from 1 September 2026: £0.00 paid so far, £850.00 left to pay.")
    assert dialog.paid_list.item(0).text() == "Nothing has been taken yet."
    type_into(qtbot, dialog.stop_on, "1/8/2026")                  # before it started: refused in words
    click(qtbot, dialog.stop_button)
    assert dialog.rows["stop_on"].error.text() == "Enter a stop date on or after the day deductions started."
    dialog.stop_on.clear()
    type_into(qtbot, dialog.stop_on, "30/11/2026")
    click(qtbot, dialog.stop_button)
    assert earnings_orders.list_orders(db, employer_id, ann.id)[0].end_date == date(2026, 11, 30)
    assert "stopped 30 November 2026" in dialog.order_list.item(0).text()
    assert not dialog.stop_button.isEnabled()
    # Every control Tab reaches has a name a screen reader can say; the form comes before the lists.
    stops = tab_stops(dialog)
    assert all(w.accessibleName() or w.text() for w in stops if hasattr(w, "text")), [type(w) for w in stops]
    assert all(w.accessibleName() for w in stops if not hasattr(w, "text")), [type(w) for w in stops]
    assert stops.index(dialog.kind) < stops.index(dialog.order_list) < stops.index(dialog.paid_list)
    assert dialog.order_list.accessibleName() == "Orders recorded"
    # The stop can be undone: the order is in force again.
    from pa_manager.services import undo_rules
    undo_rules.reverse(db, dialog.stopped_change, TODAY)
    assert earnings_orders.list_orders(db, employer_id, ann.id)[0].end_date is None


def test_the_dialog_fits_a_1366_by_768_screen(qtbot, demo_context):
    db, employer_id = demo_context.db, demo_context.employer_id
    pa = people.list_pas(db, employer_id)[0]
    dialog = EarningsOrderDialog(db, employer_id, pa.id, pa.name, lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    hint = dialog.sizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768 - 40
