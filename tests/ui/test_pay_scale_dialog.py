"""The pay scale, set by keyboard from the Recruitment page, and the step it brings on a PA's work
anniversary: on the dashboard, and Enter on it opens the PA on the People page."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from pa_manager.domain.pay_scale import PayStep
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import pay_scale, people
from pa_manager.ui.dialogs.pay_scale_dialog import PayScaleDialog
from tests.conftest import TODAY
from tests.ui.driving import click


def _type(qtbot, field, text):
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_a_scale_typed_and_saved_shows_the_step_on_the_dashboard(qtbot, window, monkeypatch):
    db, employer_id = window.context.db, window.context.employer_id
    start = date(2024, 12, 10)  # the second anniversary is 17 days after TODAY
    ivy = people.save_pa(db, employer_id, PARecord(name="Ivy Penrose", start_date=start,
                                                    pay_rates=(PayRateEntry(start, Decimal("13.10")),)), TODAY)
    window.show_area_for("recruitment", ivy.id)
    team = window.recruitment.team
    window.recruitment.tabs.setCurrentWidget(team)
    seen = {}

    def fill(dialog: PayScaleDialog):
        seen["rows"] = len(dialog.steps)
        dialog.show()
        for i, (years, rate) in enumerate((("0", "12.71"), ("1", "13.10"), ("2", "12.50"))):
            _type(qtbot, dialog.steps[i][0], years)
            _type(qtbot, dialog.steps[i][1], rate)
        qtbot.keyClick(dialog.steps[2][1], Qt.Key.Key_Return)  # Enter saves: refused, the rate falls
        seen["error"] = dialog.rows["rate_2"].error.text()
        seen["open"] = dialog.isVisible()
        _type(qtbot, dialog.steps[2][1], "13.50")
        _type(qtbot, dialog.steps[3][0], "5")  # half a row: said so, not saved
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        seen["half"] = dialog.rows["rate_3"].error.text()
        dialog.steps[3][0].clear()
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        return dialog.result()

    monkeypatch.setattr(PayScaleDialog, "exec", fill)
    click(qtbot, team.pay_scale_button)
    assert seen["rows"] == 5
    assert seen["error"] == "Enter a rate at least that of the steps with fewer years: a pay scale never goes down."
    assert seen["open"]
    assert seen["half"] == "Enter both the years and the hourly rate for this step, or clear both."
    assert pay_scale.get_steps(db, employer_id) == [PayStep(0, Decimal("12.71")), PayStep(1, Decimal("13.10")),
                                                   PayStep(2, Decimal("13.50"))]

    window.go_to(window.pages.index(window.dashboard))
    window.context.announce_change()
    due = window.dashboard.due
    wanted = ("Due in 17 days (10 December 2026): Add a new hourly rate for Ivy Penrose on the People page: from "
              "10 December 2026, after 2 years with you, your pay scale says £13.50 an hour (now £13.10).")
    lines = [due.item(i).text() for i in range(due.count())]
    assert wanted in lines, lines
    due.setCurrentRow(lines.index(wanted))
    due.setFocus()
    qtbot.keyClick(due, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.people
    assert window.people.form.name.text() == "Ivy Penrose"

    window.context.undo_group.undo()  # the scale goes, and the item with it
    assert pay_scale.get_steps(db, employer_id) == []


def _recruitment_team(window):
    window.show_area_for("recruitment", -1)
    team = window.recruitment.team
    window.recruitment.tabs.setCurrentWidget(team)
    return team


def test_the_scale_paid_in_pay_runs_is_ticked_by_keyboard(qtbot, window, monkeypatch):
    from pa_manager.services import employers

    db, employer_id = window.context.db, window.context.employer_id
    team = _recruitment_team(window)

    def tick_and_save(dialog: PayScaleDialog):
        dialog.show()
        assert not dialog.applied.isChecked() and dialog.applied.accessibleName() == "Pay the scale in pay runs"
        dialog.applied.setFocus()
        qtbot.keyClick(dialog.applied, Qt.Key.Key_Space)
        _type(qtbot, dialog.steps[0][0], "1")
        _type(qtbot, dialog.steps[0][1], "13.50")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        return dialog.result()

    monkeypatch.setattr(PayScaleDialog, "exec", tick_and_save)
    click(qtbot, team.pay_scale_button)
    assert employers.get_employer(db, employer_id).applies_pay_scale
    assert pay_scale.get_steps(db, employer_id) == [PayStep(1, Decimal("13.50"))]


def test_a_sick_pay_scheme_set_by_keyboard(qtbot, window, monkeypatch):
    from pa_manager.domain.occupational_sick_pay import SickPayScheme
    from pa_manager.services import sick_pay_scheme
    from pa_manager.ui.dialogs.sick_pay_scheme_dialog import SickPaySchemeDialog

    db, employer_id = window.context.db, window.context.employer_id
    pa = people.list_pas(db, employer_id)[0]
    seen = {}

    def fill(dialog: SickPaySchemeDialog):
        dialog.show()
        if "every" not in seen:
            seen["every"] = (dialog.has_scheme.isChecked(), dialog.full_weeks.isEnabled())
            dialog.has_scheme.setFocus()
            qtbot.keyClick(dialog.has_scheme, Qt.Key.Key_Space)
            seen["enabled"] = dialog.full_weeks.isEnabled()
            seen["name"] = dialog.full_weeks.accessibleName()
            for box, text in ((dialog.full_weeks, "8"), (dialog.half_weeks, "2"), (dialog.months, "3"),
                              (dialog.waiting, "1")):
                _type(qtbot, box, text)
            _type(qtbot, dialog.half_weeks, "two")  # not a number: said so next to it, nothing saved
            click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
            seen["error"] = dialog.rows["half_pay_weeks"].error.text()
            _type(qtbot, dialog.half_weeks, "60")  # too many: the rules say so
            click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
            seen["range"] = dialog.rows["half_pay_weeks"].error.text()
            _type(qtbot, dialog.half_weeks, "2")
        else:
            seen["who"] = dialog.who.accessibleName()
            dialog.who.setFocus()
            qtbot.keyClick(dialog.who, Qt.Key.Key_Down)  # the first PA
            seen["pa"] = (dialog.who.currentText(), dialog.has_scheme.isChecked(), dialog.full_weeks.text())
            qtbot.keyClick(dialog.has_scheme, Qt.Key.Key_Space)
            _type(qtbot, dialog.full_weeks, "12")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        return dialog.result()

    monkeypatch.setattr(SickPaySchemeDialog, "exec", fill)
    team = _recruitment_team(window)
    click(qtbot, team.sick_pay_button)
    assert seen["every"] == (False, False) and seen["enabled"] and seen["name"] == "Weeks at full pay"
    assert seen["error"] == seen["range"] == "Enter the weeks as a whole number from 0 to 52."
    assert sick_pay_scheme.get_scheme(db, employer_id) == SickPayScheme(8, 2, 3, 1)
    click(qtbot, team.sick_pay_button)
    # Nothing of their own yet: not ticked, and the scheme for every PA to start from.
    assert seen["who"] == "Who it is for"
    assert seen["pa"] == (f"Only {pa.name}, instead of the scheme for every PA", False, "8")
    assert sick_pay_scheme.get_scheme(db, employer_id, pa.id) == SickPayScheme(12, 2, 3, 1)
    assert sick_pay_scheme.get_scheme(db, employer_id) == SickPayScheme(8, 2, 3, 1)


def test_the_sick_pay_button_opens_the_scheme_dialog(qtbot, window, monkeypatch):
    from pa_manager.ui.dialogs.sick_pay_scheme_dialog import SickPaySchemeDialog

    opened = []
    monkeypatch.setattr(SickPaySchemeDialog, "exec", lambda dialog: opened.append(dialog.windowTitle()) or 0)
    click(qtbot, _recruitment_team(window).sick_pay_button)
    assert opened == ["Your sick pay scheme"]
