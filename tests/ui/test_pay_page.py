"""The Pay page driven as a person would on pay day: type the date, work out the pay, read the
warnings, record a reason, finalise, save the payslips; and check what was shown and stored."""
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QMessageBox

from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.domain.validation import Problem
from pa_manager.services import pay_day, pay_runs, people, shifts
from pa_manager.ui.dialogs.pay_dialogs import ExtrasDialog, MinimumWageReasonDialog, YearEndDialog
from pa_manager.ui.models.pay_run_table import PayRunTableModel
from pa_manager.ui.pages.pay import PayPage
from tests.conftest import TODAY
from tests.ui.test_accessibility import _mnemonic, unnamed_controls
from tests.ui.driving import WINDOW_LETTERS, click, type_into

NOVEMBER = date(2026, 11, 30)
OCTOBER = date(2026, 10, 30)
TODAY_NOON = datetime(2026, 11, 23, 12, tzinfo=timezone.utc)


def _page(qtbot, context):
    page = PayPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    return page


def _rows(page) -> dict[str, dict[str, str]]:
    """What each row of the table shows, by PA name and column heading."""
    model = page.model
    return {model.index(r, 0).data(): {model.HEADERS[c]: model.index(r, c).data() for c in range(model.columnCount())}
            for r in range(model.rowCount())}


def _lines(status_list) -> list[str]:
    return [status_list.item(i).text() for i in range(status_list.count())]


def _add_pa(context, name, rate, born=date(1990, 5, 1), tax_code="1257L", hours_each=8, days=1):
    """A PA who started this year at `rate` an hour and worked `days` weekday shifts in November."""
    pa = people.save_pa(context.db, context.employer_id, PARecord(
        name=name, date_of_birth=born, tax_code=tax_code, start_date=date(2026, 1, 5),
        pay_rates=(PayRateEntry(date(2026, 1, 5), Decimal(rate)),)), TODAY)
    day = date(2026, 11, 2)
    for _ in range(days):
        shifts.save_shift(context.db, context.employer_id,
                          shifts.ShiftInput(pa.id, day, time(9), time(9 + hours_each)))
        day += timedelta(days=1 if day.weekday() < 4 else 3)
    return pa


def _work_out(qtbot, page, text="30/11/2026"):
    type_into(qtbot, page.date_edit, text)
    click(qtbot, page.work_out_button)


@pytest.fixture
def says_yes(monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *args: asked.append(text) or QMessageBox.StandardButton.Yes)
    return asked


# --- working out the pay ---------------------------------------------------------------------------


def test_the_page_opens_on_the_next_pay_day_and_enter_works_out_the_pay(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    assert page.date_edit.text() == "30/11/2026"
    assert page.next_pay_day.text() == "Your next pay day is Monday 30 November 2026."
    assert page.period_label.text() == "1 to 30 November 2026"
    assert not page.finalise_button.isEnabled()  # nothing worked out yet

    qtbot.keyClick(page.date_edit, Qt.Key.Key_Return)
    rows = _rows(page)
    assert sorted(rows) == ["Janet Moyo", "Leah Grant", "Priya Sandhu", "Tom Whitfield"]
    assert rows["Janet Moyo"]["Gross pay"] == "£976.80"
    assert rows["Janet Moyo"]["Hours"] == "66"
    assert rows["Janet Moyo"]["Income tax"] == "-£14.40"
    for row in rows.values():
        for column in ("Gross pay", "Income tax", "NI", "Pension", "Take-home pay"):
            assert row[column].startswith(("£", "-£")), row
        assert row["Minimum wage check"] == "Meets the legal minimum"
    assert page.state_heading.text() == "Not finalised yet: pay for 1 to 30 November 2026"
    assert page.finalise_button.isEnabled()
    assert any(line.startswith("For information: Janet Moyo gets £14.40 of tax back") for line in _lines(page.warnings))


def test_typing_another_date_shows_its_period_and_a_wrong_date_is_explained(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    _work_out(qtbot, page)
    type_into(qtbot, page.date_edit, "31/12/2026")
    assert page.period_label.text() == "1 to 31 December 2026"
    assert page.model.rowCount() == 0  # the November figures are not left beside a December date
    assert not page.finalise_button.isEnabled()
    _work_out(qtbot, page, "31/2/2026")
    assert "is not one" in page.date_row.error.text()


def test_the_table_sorts_money_by_value_and_right_aligns_it(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    _work_out(qtbot, page)
    page.table.sortByColumn(PayRunTableModel.COL_NET, Qt.SortOrder.DescendingOrder)
    proxy = page.table.model()
    shown = [proxy.index(r, PayRunTableModel.COL_NET).data() for r in range(proxy.rowCount())]
    assert shown == ["£972.92", "£386.40", "£361.05", "£167.72"]
    alignment = proxy.index(0, PayRunTableModel.COL_NET).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight


def test_a_pa_whose_pay_cannot_be_worked_out_says_why_and_blocks_finalising(qtbot, demo_context):
    people.save_pa(demo_context.db, demo_context.employer_id, PARecord(name="Ade Bello", tax_code="1257L"), TODAY)
    page = _page(qtbot, demo_context)
    _work_out(qtbot, page)
    row = _rows(page)["Ade Bello"]
    assert row["Minimum wage check"] == "Not worked out: Add their date of birth on the People page."
    assert row["Gross pay"] == ""
    assert ("Blocks finalising: Pay for Ade Bello cannot be worked out: add their date of birth on the People page."
            in _lines(page.warnings))
    assert not page.finalise_button.isEnabled()
    assert "cannot finalise yet" in page.finalise_note.text()


def test_pension_enrolment_is_asked_for_in_words(qtbot, demo_context):
    _add_pa(demo_context, "Kofi Mensah", "13.00", days=10, hours_each=7)  # 70 hours: £910 in the month
    page = _page(qtbot, demo_context)
    _work_out(qtbot, page)
    lines = _lines(page.warnings)
    assert any(line.startswith("Needs attention: Enrol Kofi Mensah in your workplace pension: they earn over £833 "
                               "a month and are 22 or over.") for line in lines)
    # Said once, with why: not again as one of the things finalising asks to confirm (it still asks).
    assert [line for line in lines if "Enrol Kofi Mensah" in line] == [
        next(line for line in lines if line.startswith("Needs attention: Enrol Kofi Mensah"))]
    assert any(c.code == "CONFIRM_PENSION_ENROL_NOW" for c in page._run.to_confirm)


def test_with_no_employer_the_page_is_disabled(qtbot, context):
    page = _page(qtbot, context)
    assert not page.isEnabled()
    assert page.model.rowCount() == 0


# --- the minimum wage ------------------------------------------------------------------------------


def test_pay_below_the_minimum_blocks_finalising_until_a_reason_is_recorded(qtbot, demo_context, monkeypatch):
    sam = _add_pa(demo_context, "Sam Low", "11.00")  # 8 hours at £11.00: £1.71 an hour short of £12.71
    page = _page(qtbot, demo_context)
    _work_out(qtbot, page)
    assert _rows(page)["Sam Low"]["Minimum wage check"] == "Below the legal minimum by £13.68"
    assert not page.finalise_button.isEnabled()
    assert ("Blocks finalising: Raise Sam Low's pay, or record why, as it is below the legal minimum wage."
            in _lines(page.warnings))
    assert page.reason_button.isVisible()

    seen = {}

    def explain_and_save(dialog: MinimumWageReasonDialog):
        dialog._on_buttons_accepted()  # nothing written yet: refused, with a message by the field
        seen["empty"] = dialog.reason_row.error.text()
        seen["intro"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        type_into(qtbot, dialog.reason_edit, "Shift times were wrong; the £13.68 owed is paid on 31 December.")
        dialog._on_buttons_accepted()
        return dialog.result()

    monkeypatch.setattr(MinimumWageReasonDialog, "exec", explain_and_save)
    click(qtbot, page.reason_button)
    assert seen["empty"] == "Write the reason, or choose Cancel."
    assert "The law requires you to pay at least the legal minimum wage" in seen["intro"]
    assert "does not make paying less legal" in seen["intro"]

    stored = {d.pa.id: d for d in pay_runs.prepare_pay_run(demo_context.db, demo_context.employer_id, NOVEMBER).pas}
    assert stored[sam.id].payslip.minimum_wage_reason.startswith("Shift times were wrong")
    assert _rows(page)["Sam Low"]["Minimum wage check"] == "Reason recorded (below the legal minimum by £13.68)"
    assert page.finalise_button.isEnabled()
    assert any(line.startswith("Needs attention: Sam Low is paid £13.68 below the legal minimum. You recorded why: "
                               "“Shift times were wrong") for line in _lines(page.warnings))

    stack = demo_context.undo_group.activeStack()
    assert stack.undoText() == "Record why Sam Low is paid below the minimum"
    stack.undo()
    assert not page.finalise_button.isEnabled()
    assert _rows(page)["Sam Low"]["Minimum wage check"] == "Below the legal minimum by £13.68"


# --- expenses and deductions -----------------------------------------------------------------------


def test_adding_expenses_is_stored_shown_and_can_be_undone(qtbot, demo_context, monkeypatch):
    page = _page(qtbot, demo_context)
    _work_out(qtbot, page)

    def fill(dialog: ExtrasDialog):
        dialog.pa_box.setCurrentIndex(dialog.pa_box.findText("Janet Moyo"))
        type_into(qtbot, dialog.description, "Mileage to the hospital")
        type_into(qtbot, dialog.amount, "12.50")
        dialog._on_buttons_accepted()
        return dialog.result()

    monkeypatch.setattr(ExtrasDialog, "exec", fill)
    click(qtbot, page.extras_button)
    extras = pay_day.list_extras(demo_context.db, demo_context.employer_id, NOVEMBER)
    assert [(x.description, x.amount, x.kind) for x in extras] == [("Mileage to the hospital", Decimal("12.50"), "addition")]
    assert _rows(page)["Janet Moyo"]["Take-home pay"] == "£985.42"
    assert _lines(page.extras) == ["Janet Moyo: Mileage to the hospital, £12.50 added (expenses, not taxed)"]

    demo_context.undo_group.activeStack().undo()
    assert pay_day.list_extras(demo_context.db, demo_context.employer_id, NOVEMBER) == []
    assert _rows(page)["Janet Moyo"]["Take-home pay"] == "£972.92"
    assert not page.extras.isVisible()


def test_removing_an_expense_asks_once_and_can_be_undone(qtbot, demo_context, says_yes):
    janet = next(pa for pa in people.list_pas(demo_context.db, demo_context.employer_id) if pa.name == "Janet Moyo")
    pay_day.save_extra(demo_context.db, demo_context.employer_id,
                       pay_day.Extra(None, janet.id, NOVEMBER, "addition", "Bus fares", Decimal("6.40")))
    page = _page(qtbot, demo_context)
    _work_out(qtbot, page)
    page.extras.setCurrentRow(0)
    click(qtbot, page.remove_extra_button)
    assert "Bus fares" in says_yes[0]
    assert pay_day.list_extras(demo_context.db, demo_context.employer_id, NOVEMBER) == []
    demo_context.undo_group.activeStack().undo()
    assert [x.description for x in pay_day.list_extras(demo_context.db, demo_context.employer_id, NOVEMBER)] == ["Bus fares"]
    assert _lines(page.extras) == ["Janet Moyo: Bus fares, £6.40 added (expenses, not taxed)"]


def test_a_deduction_needs_its_purpose(qtbot, demo_context, monkeypatch):
    page = _page(qtbot, demo_context)
    _work_out(qtbot, page)
    seen = {}

    def fill(dialog: ExtrasDialog):
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("deduction"))
        type_into(qtbot, dialog.description, "Advance")
        type_into(qtbot, dialog.amount, "20")
        dialog._on_buttons_accepted()
        seen["error"] = dialog.rows["purpose"].error.text()
        return dialog.result()

    monkeypatch.setattr(ExtrasDialog, "exec", fill)
    click(qtbot, page.extras_button)
    assert seen["error"] == "Say what the deduction is for, as the law requires it on the payslip."
    assert pay_day.list_extras(demo_context.db, demo_context.employer_id, NOVEMBER) == []


# --- finalising and after --------------------------------------------------------------------------


def test_finalising_asks_once_stores_the_run_and_says_what_to_pay(qtbot, demo_context, says_yes):
    page = _page(qtbot, demo_context)
    _work_out(qtbot, page)
    click(qtbot, page.finalise_button)
    assert says_yes == ["Finalise the pay run for 30 November 2026? The payslips become a permanent record. "
                        "Corrections go in a later pay run. This cannot be undone."]
    assert pay_runs.prepare_pay_run(demo_context.db, demo_context.employer_id, NOVEMBER).finalised is True
    assert demo_context.undo_group.activeStack().count() == 0  # a permanent record: not undoable

    assert page.paid_box.isVisible()
    lines = _lines(page.payments)
    assert "Pay Janet Moyo £972.92 on 30 November 2026 (take-home pay)." in lines
    hmrc = [line for line in lines if line.startswith("Pay HMRC ")]
    assert len(hmrc) == 1 and "by 22 December 2026 (tax and National Insurance for the tax month ending " \
                              "5 December 2026)." in hmrc[0]
    assert page.bpt_model.rowCount() == 4
    assert page.past_runs.item(0).text() == "30 November 2026"
    assert not page.finalise_button.isEnabled()
    assert "permanent record" in page.finalise_note.text()


def test_saying_cancel_finalises_nothing(qtbot, demo_context, monkeypatch):
    page = _page(qtbot, demo_context)
    _work_out(qtbot, page)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Cancel)
    click(qtbot, page.finalise_button)
    assert pay_runs.prepare_pay_run(demo_context.db, demo_context.employer_id, NOVEMBER).finalised is False
    assert not page.paid_box.isVisible()


def test_choosing_a_past_pay_run_shows_its_stored_figures(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    assert page.past_runs.item(0).text() == "30 October 2026"
    page.past_runs.setCurrentRow(0)
    assert page.date_edit.text() == "30/10/2026"
    assert page.state_heading.text() == "Finalised: pay for 1 to 31 October 2026"
    assert _rows(page)["Janet Moyo"]["Take-home pay"] == "£1,365.84"
    assert not page.finalise_button.isEnabled()
    lines = _lines(page.payments)
    assert "Pay Janet Moyo £1,365.84 on 30 October 2026 (take-home pay)." in lines
    assert ("Pay HMRC £181.49 by 22 November 2026 (tax and National Insurance for the tax month ending "
            "5 November 2026).") in lines
    assert "£181.49, to pay HMRC by 22 November 2026" in page.hmrc_note.text()

    _work_out(qtbot, page)  # the November draft, then back to October with one click
    assert page.past_runs.currentRow() == -1
    page.past_runs.itemClicked.emit(page.past_runs.item(0))
    assert page.state_heading.text() == "Finalised: pay for 1 to 31 October 2026"

    # A later pay rise does not change a finalised pay run.
    janet = next(pa for pa in people.list_pas(demo_context.db, demo_context.employer_id) if pa.name == "Janet Moyo")
    raised = PARecord(**{**janet.__dict__, "pay_rates": janet.pay_rates + (PayRateEntry(date(2026, 10, 1), Decimal("20.00")),)})
    people.save_pa(demo_context.db, demo_context.employer_id, raised, TODAY)
    demo_context.announce_change()
    assert _rows(page)["Janet Moyo"]["Take-home pay"] == "£1,365.84"


def test_saving_payslips_writes_a_pdf_for_each_pa_and_one_pdf_for_all(qtbot, demo_context, monkeypatch, tmp_path):
    page = _page(qtbot, demo_context)
    page.past_runs.setCurrentRow(0)
    said = []
    demo_context.status_message.connect(said.append)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(tmp_path / "slips"))
    click(qtbot, page.save_button)
    written = sorted((tmp_path / "slips").glob("*.pdf"))
    assert len(written) == 4
    assert all(path.read_bytes().startswith(b"%PDF") for path in written)
    assert said[-1] == f"Saved 4 payslips in {tmp_path / 'slips'}."

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "October"), ""))
    click(qtbot, page.save_pdf_button)
    assert (tmp_path / "October.pdf").read_bytes().startswith(b"%PDF")


def test_the_year_end_summary_shows_each_pas_totals(qtbot, demo_context, monkeypatch):
    page = _page(qtbot, demo_context)
    seen = {}

    def look(dialog: YearEndDialog):
        dialog.year_box.setCurrentIndex(dialog.year_box.findData("2025-26"))
        model = dialog.model
        seen["years"] = [dialog.year_box.itemText(i) for i in range(dialog.year_box.count())]
        seen["rows"] = {model.index(r, 0).data(): model.index(r, 2).data() for r in range(model.rowCount())}
        return 0

    monkeypatch.setattr(YearEndDialog, "exec", look)
    click(qtbot, page.year_end_button)
    assert seen["years"][0] == "6 April 2026 to 5 April 2027"
    assert "6 April 2025 to 5 April 2026" in seen["years"]
    assert seen["rows"]["Janet Moyo"] == "£20,384.10"


# --- accessibility ---------------------------------------------------------------------------------


def _letters(texts):
    letters = [m for m in map(_mnemonic, texts) if m]
    return sorted({m for m in letters if letters.count(m) > 1})


def test_every_control_on_the_page_is_named_and_no_shortcut_letter_is_shared(qtbot, demo_context, monkeypatch):
    _add_pa(demo_context, "Sam Low", "11.00")
    page = _page(qtbot, demo_context)
    _work_out(qtbot, page)
    assert unnamed_controls(page) == []
    page.past_runs.setCurrentRow(0)  # the finalised view: What to pay and Basic PAYE Tools
    assert unnamed_controls(page) == []
    texts = [w.text() for w in page.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in page.findChildren(QAbstractButton)]
    letters = [m for m in map(_mnemonic, texts) if m]
    assert _letters(texts) == []
    assert not set(letters) & set(WINDOW_LETTERS), texts


def _dialogs(context):
    run = pay_runs.prepare_pay_run(context.db, context.employer_id, NOVEMBER)
    below = next(d for d in run.pas if d.pa.name == "Sam Low")
    return {
        "reason": MinimumWageReasonDialog(below),
        "extras": ExtrasDialog(context.db, context.employer_id, NOVEMBER, [d.pa for d in run.pas]),
        "year end": YearEndDialog(context.db, context.employer_id, ["2026-27", "2025-26"]),
    }


@pytest.mark.parametrize("name", ["reason", "extras", "year end"])
def test_every_control_in_each_pay_dialog_is_named_and_its_letters_differ(qtbot, demo_context, name):
    _add_pa(demo_context, "Sam Low", "11.00")
    dialog = _dialogs(demo_context)[name]
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_controls(dialog) == []
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
    assert _letters(texts) == [], texts


# --- the pay record: kept, once per period, corrections later ---------------------------------------------


def test_finalising_clears_the_undo_history_so_nothing_behind_the_run_can_be_undone(qtbot, demo_context, says_yes):
    tom = next(pa for pa in people.list_pas(demo_context.db, demo_context.employer_id) if pa.name == "Tom Whitfield")
    page = _page(qtbot, demo_context)
    added = shifts.save_shift_undoably(demo_context.db, demo_context.employer_id,
                                       shifts.ShiftInput(tom.id, date(2026, 11, 24), time(9), time(12)))
    demo_context.push(added.change)
    assert demo_context.undo_group.canUndo()
    _work_out(qtbot, page)
    click(qtbot, page.finalise_button)
    assert not demo_context.undo_group.canUndo()  # the shift the pay was worked out from stays


def test_an_undo_the_records_no_longer_allow_is_refused_in_words_and_dropped(qtbot, demo_context, monkeypatch):
    tom = next(pa for pa in people.list_pas(demo_context.db, demo_context.employer_id) if pa.name == "Tom Whitfield")
    added = shifts.save_shift_undoably(demo_context.db, demo_context.employer_id,
                                       shifts.ShiftInput(tom.id, date(2026, 11, 24), time(9), time(12)))
    saved = added.value
    demo_context.push(added.change)
    # Another window (or the command line) finalises November meanwhile.
    pay_runs.finalise_pay_run(demo_context.db, demo_context.employer_id, NOVEMBER, TODAY_NOON, confirmed=True)
    refused = []
    demo_context.refused.connect(refused.append)
    demo_context.undo_group.activeStack().undo()
    assert refused and "paid in the pay run of 30 November 2026" in refused[0]
    assert shifts.get_shift(demo_context.db, saved.key) == saved  # the shift was paid, so it stays
    assert demo_context.undo_group.activeStack().count() == 0  # and the step is gone, not left to redo


def test_a_second_pay_date_in_a_paid_month_says_which_run_paid_it_and_cannot_be_finalised(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    _work_out(qtbot, page, "27/10/2026")  # October was paid on Friday 30 October
    assert page.period_label.text() == "1 to 31 October 2026"
    assert not page.finalise_button.isEnabled()
    assert any("1 to 31 October 2026 was paid in the pay run of 30 October 2026" in line
               for line in _lines(page.warnings))


def test_a_bonus_is_added_as_taxed_pay(qtbot, demo_context, monkeypatch):
    page = _page(qtbot, demo_context)
    _work_out(qtbot, page)
    before = _rows(page)["Janet Moyo"]["Gross pay"]

    def fill(dialog: ExtrasDialog):
        dialog.pa_box.setCurrentIndex(dialog.pa_box.findText("Janet Moyo"))
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("bonus"))
        assert not dialog.purpose.isEnabled()
        type_into(qtbot, dialog.description, "Christmas")
        type_into(qtbot, dialog.amount, "100")
        dialog._on_buttons_accepted()
        return dialog.result()

    monkeypatch.setattr(ExtrasDialog, "exec", fill)
    click(qtbot, page.extras_button)
    after = _rows(page)["Janet Moyo"]["Gross pay"]
    assert Decimal(after.strip("£").replace(",", "")) - Decimal(before.strip("£").replace(",", "")) == 100
    assert _lines(page.extras) == ["Janet Moyo: Christmas, £100.00 added (a bonus, taxed)"]


def test_arrears_owed_from_a_short_pay_day_are_named_and_added_with_one_button(qtbot, demo_context):
    context = demo_context
    low = _add_pa(context, "Sam Low", "10.00", days=0)
    shifts.save_shift(context.db, context.employer_id, shifts.ShiftInput(low.id, date(2026, 12, 1), time(9), time(17)))
    shifts.save_shift(context.db, context.employer_id, shifts.ShiftInput(low.id, date(2026, 11, 24), time(9), time(17)))
    pay_runs.record_minimum_wage_reason(context.db, context.employer_id, low.id, NOVEMBER, "Rate typed wrongly")
    pay_runs.finalise_pay_run(context.db, context.employer_id, NOVEMBER, TODAY_NOON, confirmed=True)
    page = _page(qtbot, context)
    _work_out(qtbot, page, "31/12/2026")
    # November: 8 hours at £10.00 against £12.71 is £21.68 short; the rate is the same now, so £21.68 is owed.
    assert any(line.startswith("Needs attention: you owe Sam Low £21.68 of minimum-wage arrears for the pay day of "
                               "30 November 2026") for line in _lines(page.warnings))
    assert page.arrears_button.isVisible()
    click(qtbot, page.arrears_button)
    [extra] = pay_day.list_extras(context.db, context.employer_id, date(2026, 12, 31))
    assert (extra.kind, extra.amount, extra.relates_to) == ("arrears", Decimal("21.68"), NOVEMBER)
    assert not page.arrears_button.isVisible()
    context.undo_group.activeStack().undo()
    assert pay_day.list_extras(context.db, context.employer_id, date(2026, 12, 31)) == []


def test_a_pay_run_an_older_version_let_through_twice_says_which_run_paid_first(qtbot, tmp_path):
    """tests/data/release-0007.sqlite3: November 2026 paid on the 30th, then again on the 27th."""
    import shutil
    from pathlib import Path

    from pa_manager.services.employers import find_employer
    from pa_manager.storage.database import open_database
    from pa_manager.ui.context import AppContext

    path = tmp_path / "old.sqlite3"
    shutil.copy(Path(__file__).parents[1] / "data" / "release-0007.sqlite3", path)
    db, _ = open_database(path)
    context = AppContext(db, today=lambda: TODAY)
    context.set_employer(find_employer(db, "Old Release Household").id)
    page = _page(qtbot, context)
    _work_out(qtbot, page, "27/11/2026")
    assert page.state_heading.text().startswith("Finalised")
    assert ("Needs attention: this pay run paid 1 to 30 November 2026 again: the pay run of 30 November 2026 had "
            "paid it.") in " ".join(_lines(page.warnings))
    _work_out(qtbot, page, "30/11/2026")  # the first one is as it was
    assert not any("again" in line for line in _lines(page.warnings))
    db.close()


def test_every_minimum_wage_state_has_its_own_words(demo_context):
    from dataclasses import replace

    from pa_manager.ui.models.pay_run_table import minimum_wage_words

    run = pay_runs.prepare_pay_run(demo_context.db, demo_context.employer_id, OCTOBER)
    draft = next(d for d in run.pas if d.payslip.minimum_wage_ok and d.payslip.minimum_hourly_rate is not None)
    slip = draft.payslip
    states = {
        "not worked out": replace(draft, payslip=None, problem=Problem("PAY_NO_TAX_CODE")),
        "under school age": replace(draft, payslip=replace(slip, minimum_hourly_rate=None,
                                                           flags=("MINIMUM_WAGE_NOT_COVERED",))),
        "no hours": replace(draft, payslip=replace(slip, minimum_hourly_rate=None, flags=())),
        "meets": draft,
        "below with a reason": replace(draft, payslip=replace(slip, minimum_wage_ok=False, minimum_wage_reason="Typo",
                                                              minimum_wage_shortfall=Decimal("3.20"))),
        "below": replace(draft, payslip=replace(slip, minimum_wage_ok=False, minimum_wage_shortfall=Decimal("3.20"))),
    }
    words = {state: minimum_wage_words(d)[1] for state, d in states.items()}
    assert words == {
        "not worked out": "Not worked out: Add their tax code on the People page (from their P45 or starter checklist).",
        "under school age": "Not covered (under school-leaving age)",
        "no hours": "No hours to check in this pay period",
        "meets": "Meets the legal minimum",
        "below with a reason": "Reason recorded (below the legal minimum by £3.20)",
        "below": "Below the legal minimum by £3.20",
    }


def test_finalising_lists_what_to_confirm_first_and_cancel_keeps_it_open(qtbot, context, monkeypatch):
    from pa_manager.domain.employer import EmployerRecord
    from pa_manager.services import employers

    employer = employers.save_employer(context.db, EmployerRecord(name="New Employer"))  # no PAYE reference
    context.set_employer(employer.id)
    _add_pa(context, "Sam Reid", "12.71")  # no right-to-work check recorded
    page = _page(qtbot, context)
    _work_out(qtbot, page)
    lines = _lines(page.warnings)
    assert any(line.startswith("Confirm before finalising: You have not recorded your employer PAYE reference")
               for line in lines)
    assert any("There is no right-to-work check recorded for Sam Reid" in line for line in lines)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.Cancel)
    click(qtbot, page.finalise_button)
    assert asked[0].startswith("Before you pay, check these:") and "Finalise the pay run for 30 November 2026 anyway?" \
        in asked[0]
    assert pay_runs.pay_run_dates(context.db, employer.id) == []


def test_the_suggested_pay_day_follows_the_work_but_not_over_a_date_you_typed(qtbot, context, says_yes):
    from pa_manager.domain.employer import EmployerRecord
    from pa_manager.domain.pay_frequency import PayFrequency
    from pa_manager.services import employers

    employer = employers.save_employer(context.db, EmployerRecord(name="Weekly", pay_frequency=PayFrequency.WEEKLY,
                                                                  paye_reference="123/AB45678"))
    context.set_employer(employer.id)
    page = _page(qtbot, context)
    assert page.date_edit.text() == "27/11/2026"  # nothing worked yet: this week's pay day
    pa = people.save_pa(context.db, employer.id, PARecord(
        name="Sam Reid", date_of_birth=date(1990, 5, 1), start_date=date(2026, 11, 2), tax_code="1257L",
        pay_rates=(PayRateEntry(date(2026, 11, 2), Decimal("13.50")),)), TODAY)
    shifts.save_shift(context.db, employer.id, shifts.ShiftInput(pa.id, date(2026, 11, 10), time(9), time(15)))
    context.announce_change()
    # The shift of 10 November is paid on Friday 13 November: that is the pay day to make now.
    assert page.date_edit.text() == "13/11/2026"
    assert page.next_pay_day.text() == "Your next pay day is Friday 13 November 2026."
    type_into(qtbot, page.date_edit, "20/11/2026")
    shifts.save_shift(context.db, employer.id, shifts.ShiftInput(pa.id, date(2026, 11, 3), time(9), time(15)))
    context.announce_change()
    assert page.date_edit.text() == "20/11/2026"  # yours stays
    assert page.next_pay_day.text() == "Your next pay day is Friday 6 November 2026."
    type_into(qtbot, page.date_edit, "6/11/2026")
    click(qtbot, page.work_out_button)
    click(qtbot, page.finalise_button)
    assert pay_runs.pay_run_dates(context.db, employer.id) == [date(2026, 11, 6)]
    assert page.next_pay_day.text() == "Your next pay day is Friday 13 November 2026."  # moved on
