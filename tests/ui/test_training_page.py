"""The Training page driven as a person would: arrow keys and Enter in the matrix, typing into the
dialogs, clicking their buttons, then checking what was stored, what is shown, and undo."""
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLabel

from pa_manager.services import employers, training
from pa_manager.ui.dialogs import training_dialogs as dialogs
from pa_manager.ui.dialogs.training_dialogs import (
    CareCertificateDialog, CoursesDialog, MeetingsDialog, RecordTrainingDialog, RequiredCoursesDialog,
)
from pa_manager.ui.pages import training as training_page
from pa_manager.ui.pages.training import TrainingPage
from tests.ui.test_accessibility import _mnemonic, unnamed_controls
from tests.ui.driving import WINDOW_LETTERS, click, type_into

EPILEPSY = "Epilepsy rescue medication (buccal midazolam)"


def _page(qtbot, context):
    page = TrainingPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


def _tick(qtbot, box):
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # as a keyboard user would; a click must land on the words


def _save(qtbot, dialog):
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))


def _index(page, pa_name, course_name):
    """The matrix cell (in the table's own order) for a PA and a course."""
    proxy = page.proxy
    columns = {proxy.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole): c
               for c in range(proxy.columnCount())}
    rows = {proxy.index(r, 0).data(): r for r in range(proxy.rowCount())}
    return proxy.index(rows[pa_name], columns[course_name])


def _headers(page):
    return [page.proxy.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            for c in range(page.proxy.columnCount())]


def _pa(context, name):
    return next(pa.key for pa in training.training_matrix(context.db, context.employer_id, context.today())[0]
                if pa.name == name)


def _course(context, name):
    return next(c for c in training.list_courses(context.db, context.employer_id) if c.name == name)


def _records(context, pa_name, course_name):
    course = _course(context, course_name)
    return [r for r in training.list_records(context.db, context.employer_id, _pa(context, pa_name))
            if r.course_id == course.id]


def _shows_dialog(monkeypatch, cls, fill):
    """Replace the modal exec: show the dialog, let the test fill it in, and return how it was closed."""
    def run(dialog):
        dialog.show()
        fill(dialog)
        return dialog.result()

    monkeypatch.setattr(cls, "exec", run)


# --- the matrix -------------------------------------------------------------------------------------


def test_each_cell_is_a_word_with_an_icon_and_its_dates(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    expired = _index(page, "Janet Moyo", "Moving and handling")
    assert expired.data() == "Expired"
    assert not expired.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert expired.data(Qt.ItemDataRole.ToolTipRole).startswith(
        "Done on 23 September 2025; refresh was due 23 September 2026")
    assert expired.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Janet Moyo, Moving and handling: Expired.")
    missing = _index(page, "Leah Grant", EPILEPSY)
    assert missing.data() == "Missing"
    assert missing.data(Qt.ItemDataRole.ToolTipRole) == "Needed, and not done yet"
    done = _index(page, "Leah Grant", "First aid")
    assert done.data() == "Done"
    assert done.data(Qt.ItemDataRole.ToolTipRole) == "Done on 22 May 2026; refresh due 22 May 2029 (needed for Leah Grant)"
    assert _index(page, "Leah Grant", "Food hygiene").data() == "Not required"
    # The courses someone needs come first, so they show without scrolling.
    assert _headers(page)[:6] == ["PA", "Moving and handling", "First aid", "Safeguarding adults", "Medication", EPILEPSY]
    labels = [label.text() for label in page.findChildren(QLabel)]
    assert ("How often courses need refreshing is typical practice, not the law. "
            "You can change it for each course.") in labels


def test_the_filters_show_only_problems_and_only_required_courses(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    assert page.proxy.rowCount() == 4 and len(_headers(page)) == 15
    click(qtbot, page.required_box)
    assert _headers(page) == ["PA", "Moving and handling", "First aid", "Safeguarding adults", "Medication", EPILEPSY]
    click(qtbot, page.problems_box)
    assert [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())] == ["Janet Moyo", "Leah Grant"]
    assert _headers(page) == ["PA", "Moving and handling", EPILEPSY]
    click(qtbot, page.required_box)
    click(qtbot, page.problems_box)
    assert len(_headers(page)) == 15


def test_arrow_keys_move_through_the_matrix_and_the_details_follow(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.table.setFocus()
    assert page.table.currentIndex() == _index(page, "Janet Moyo", "Moving and handling")
    assert page.pa_heading.text() == "Janet Moyo"
    assert "refresh was due 23 September 2026" in page.cell_text.text()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    for _ in range(4):
        qtbot.keyClick(page.table, Qt.Key.Key_Right)
    assert page.table.currentIndex() == _index(page, "Leah Grant", EPILEPSY)
    assert page.pa_heading.text() == "Leah Grant"
    assert page.cell_text.text() == f"{EPILEPSY}: Missing. Needed, and not done yet."
    todo = [page.todo.item(i).text() for i in range(page.todo.count())]
    assert todo == ["Missing: Book epilepsy rescue medication (buccal midazolam) training for Leah Grant, as it is "
                    "required for their role.",
                    # The demo's appraisal for Leah is dated before she started: a record to check.
                    "Check: The date recorded for Leah Grant's appraisal, 23 March 2026, is before they started on 1 "
                    "May 2026, so correct it on the Training page."]


def test_enter_on_a_cell_records_training_with_a_certificate_and_it_can_be_undone(qtbot, demo_context, monkeypatch, tmp_path):
    page = _page(qtbot, demo_context)
    content = b"%PDF-1.4 Leah's certificate \x00\x01"
    certificate = tmp_path / "leah-epilepsy.pdf"
    certificate.write_bytes(content)

    def fill(dialog: RecordTrainingDialog):
        assert (dialog.pa_box.currentText(), dialog.course_box.currentText()) == ("Leah Grant", EPILEPSY)
        type_into(qtbot, dialog.date_edit, "20/11/2026")
        type_into(qtbot, dialog.provider_edit, "Epilepsy Action")
        type_into(qtbot, dialog.cost_edit, "30")
        dialog.paid_box.setCurrentIndex(dialog.paid_box.findText("Skills for Care Individual Employer Funding"))
        type_into(qtbot, dialog.certificate_edit, str(certificate))
        _save(qtbot, dialog)

    _shows_dialog(monkeypatch, RecordTrainingDialog, fill)
    page.table.setFocus()
    page.table.setCurrentIndex(_index(page, "Leah Grant", EPILEPSY))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)

    [stored] = _records(demo_context, "Leah Grant", EPILEPSY)
    record = stored.record
    assert (record.completed_on, record.provider, str(record.cost), record.funding_source) == (
        date(2026, 11, 20), "Epilepsy Action", "30.00", "individual_employer_funding")
    assert training.certificate_bytes(demo_context.db, stored.attachment_id) == ("leah-epilepsy.pdf", content)
    assert _index(page, "Leah Grant", EPILEPSY).data() == "Done"
    assert page.records_list.item(0).text().startswith(f"{EPILEPSY}, 20 November 2026\nWith Epilepsy Action.")

    stack = demo_context.undo_group.activeStack()
    assert stack.undoText() == "Record Leah Grant's epilepsy rescue medication (buccal midazolam) training"
    stack.undo()
    assert _records(demo_context, "Leah Grant", EPILEPSY) == []
    assert _index(page, "Leah Grant", EPILEPSY).data() == "Missing"
    stack.redo()
    [again] = _records(demo_context, "Leah Grant", EPILEPSY)
    assert again.id == stored.id
    assert training.certificate_bytes(demo_context.db, again.attachment_id) == ("leah-epilepsy.pdf", content)


def test_the_record_dialog_explains_problems_next_to_the_fields(qtbot, demo_context, monkeypatch, tmp_path):
    page = _page(qtbot, demo_context)
    chosen = tmp_path / "scan.jpg"
    chosen.write_bytes(b"jpeg")
    monkeypatch.setattr(dialogs.QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(chosen), ""))
    seen = {}

    def fill(dialog: RecordTrainingDialog):
        click(qtbot, dialog.browse_button)
        seen["certificate"] = dialog.certificate_edit.text()
        type_into(qtbot, dialog.date_edit, "1/12/2026")
        type_into(qtbot, dialog.cost_edit, "lots")
        _save(qtbot, dialog)
        seen["date"] = dialog.rows["completed_on"].error.text()
        seen["cost"] = dialog.rows["cost"].error.text()
        seen["visible"] = dialog.rows["completed_on"].error.isVisible()
        dialog.reject()

    _shows_dialog(monkeypatch, RecordTrainingDialog, fill)
    before = len(training.list_records(demo_context.db, demo_context.employer_id))
    click(qtbot, page.record_button)
    assert seen["certificate"] == str(chosen)
    assert seen["date"] == "Enter the date the course was completed – 1 December 2026 is in the future."
    assert seen["cost"] == "Enter an amount in pounds, like 12.71. 'lots' is not one."
    assert seen["visible"]
    assert len(training.list_records(demo_context.db, demo_context.employer_id)) == before


def test_open_certificate_writes_the_stored_bytes_and_opens_them(qtbot, demo_context, monkeypatch, tmp_path):
    certificate = tmp_path / "Janet moving and handling.png"
    certificate.write_bytes(b"\x89PNG certificate")
    course = _course(demo_context, "Moving and handling")
    training.save_record(demo_context.db, demo_context.employer_id, _pa(demo_context, "Janet Moyo"), course.id,
                         date(2026, 11, 20), certificate=certificate, today=demo_context.today())
    page = _page(qtbot, demo_context)
    opened = []

    class Desktop:
        @staticmethod
        def openUrl(url):
            opened.append(Path(url.toLocalFile()))
            return True

    monkeypatch.setattr(training_page, "QDesktopServices", Desktop)
    page.records_list.setCurrentRow(0)  # the newest record: the one with the certificate
    assert page.open_button.isEnabled()
    click(qtbot, page.open_button)
    assert opened[0].name == "Janet moving and handling.png"
    assert opened[0].read_bytes() == b"\x89PNG certificate"
    page.records_list.setCurrentRow(1)  # an older record has no certificate to open
    assert not page.open_button.isEnabled()


def test_removing_a_record_asks_first_and_can_be_undone(qtbot, demo_context, monkeypatch):
    page = _page(qtbot, demo_context)
    asked = []
    monkeypatch.setattr(page, "_confirm", lambda title, text, action: asked.append(text) or True)
    row = next(i for i in range(page.records_list.count())
               if page.records_list.item(i).text().startswith("Moving and handling"))
    page.records_list.setCurrentRow(row)
    click(qtbot, page.remove_button)
    assert asked == ["Remove Janet Moyo's moving and handling record of 23 September 2025? "
                     "You can undo this with Edit, then Undo (Ctrl+Z)."]
    assert _records(demo_context, "Janet Moyo", "Moving and handling") == []
    assert _index(page, "Janet Moyo", "Moving and handling").data() == "Missing"
    demo_context.undo_group.activeStack().undo()
    assert _index(page, "Janet Moyo", "Moving and handling").data() == "Expired"


# --- the other dialogs ------------------------------------------------------------------------------


def test_courses_add_change_and_remove_with_undo(qtbot, demo_context, monkeypatch):
    page = _page(qtbot, demo_context)

    told = []

    def fill(dialog: CoursesDialog):
        monkeypatch.setattr(dialog, "_tell", told.append)
        click(qtbot, dialog.add_button)
        type_into(qtbot, dialog.name_edit, "PEG feeding")
        type_into(qtbot, dialog.months_edit, "often")
        click(qtbot, dialog.save_button)
        assert "number of months from 1 to 120" in dialog.rows["refresh_months"].error.text()
        type_into(qtbot, dialog.months_edit, "6")
        _tick(qtbot, dialog.everyone_box)
        click(qtbot, dialog.save_button)
        assert dialog.list.currentItem().text() == "PEG feeding: refresh every 6 months; every PA needs it"
        # A usual course: its interval can change, its name and place in the list cannot.
        dialog.list.setCurrentRow(0)
        assert dialog.name_edit.isReadOnly()
        type_into(qtbot, dialog.months_edit, "24")
        click(qtbot, dialog.save_button)
        click(qtbot, dialog.remove_button)
        assert "Moving and handling is one of the usual courses, so it stays" in told[0]
        dialog.accept()

    _shows_dialog(monkeypatch, CoursesDialog, fill)
    click(qtbot, page.courses_button)
    peg = _course(demo_context, "PEG feeding")
    assert (peg.course.refresh_months, peg.required_for_everyone) == (6, True)
    assert _course(demo_context, "Moving and handling").course.refresh_months == 24
    assert _index(page, "Tom Whitfield", "PEG feeding").data() == "Missing"
    assert _index(page, "Janet Moyo", "Moving and handling").data() == "Done"  # 24 months: back in date

    stack = demo_context.undo_group.activeStack()
    stack.undo()
    assert _course(demo_context, "Moving and handling").course.refresh_months == 12

    def remove(dialog: CoursesDialog):
        monkeypatch.setattr(dialog, "_confirm", lambda name: True)
        monkeypatch.setattr(dialog, "_tell", told.append)
        dialog.list.setCurrentRow(dialog.list.count() - 2)
        click(qtbot, dialog.remove_button)  # training is recorded for it: it stays
        assert told[-1].startswith(f"Training is recorded for {EPILEPSY}, so it cannot be removed.")
        dialog.list.setCurrentRow(dialog.list.count() - 1)
        assert dialog.list.currentItem().text().startswith("PEG feeding")
        click(qtbot, dialog.remove_button)
        dialog.accept()

    _shows_dialog(monkeypatch, CoursesDialog, remove)
    click(qtbot, page.courses_button)
    assert "PEG feeding" not in [c.name for c in training.list_courses(demo_context.db, demo_context.employer_id)]
    stack.undo()
    assert _course(demo_context, "PEG feeding").required_for_everyone
    assert _index(page, "Tom Whitfield", "PEG feeding").data() == "Missing"


def test_required_for_this_pa_ticks_courses_and_they_show_as_missing(qtbot, demo_context, monkeypatch):
    page = _page(qtbot, demo_context)
    page.select(_pa(demo_context, "Tom Whitfield"))

    def fill(dialog: RequiredCoursesDialog):
        boxes = {box.text(): box for box in dialog.findChildren(dialogs.QCheckBox)}
        assert not boxes["Medication (every PA needs this)"].isEnabled()
        _tick(qtbot, boxes["Food hygiene"])
        _save(qtbot, dialog)

    _shows_dialog(monkeypatch, RequiredCoursesDialog, fill)
    click(qtbot, page.required_button)
    tom = _pa(demo_context, "Tom Whitfield")
    assert training.required_course_ids(demo_context.db, demo_context.employer_id, tom) == {
        _course(demo_context, "Food hygiene").id}
    assert _index(page, "Tom Whitfield", "Food hygiene").data() == "Missing"
    demo_context.undo_group.activeStack().undo()
    assert _index(page, "Tom Whitfield", "Food hygiene").data() == "Not required"


def test_supervision_and_appraisal_are_added_listed_and_removed(qtbot, demo_context, monkeypatch):
    page = _page(qtbot, demo_context)
    janet = _pa(demo_context, "Janet Moyo")

    def fill(dialog: MeetingsDialog):
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findText("Appraisal"))
        type_into(qtbot, dialog.date_edit, "24/11/2026")
        click(qtbot, dialog.add_button)
        assert "is in the future" in dialog.date_row.error.text()
        type_into(qtbot, dialog.date_edit, "20/11/2026")
        click(qtbot, dialog.add_button)
        assert dialog.list.item(0).text() == "Appraisal on 20 November 2026"
        dialog.list.setCurrentRow(1)
        assert dialog.list.currentItem().text() == "Supervision on 22 October 2026"
        click(qtbot, dialog.remove_button)
        dialog.accept()

    _shows_dialog(monkeypatch, MeetingsDialog, fill)
    click(qtbot, page.meetings_button)
    mine = [(m.kind, m.held_on) for _, m in training.list_meetings(demo_context.db, demo_context.employer_id)
            if m.pa_key == janet]
    assert mine == [("appraisal", date(2026, 3, 23)), ("appraisal", date(2026, 11, 20))]
    assert page.meetings_label.text() == "Last supervision: none recorded.\nLast appraisal: 20 November 2026."
    demo_context.undo_group.activeStack().undo()  # the removed supervision comes back
    assert "Last supervision: 22 October 2026." in page.meetings_label.text()


def test_care_certificate_dates_are_stored_and_counted(qtbot, demo_context, monkeypatch):
    page = _page(qtbot, demo_context)

    def fill(dialog: CareCertificateDialog):
        type_into(qtbot, dialog.rows[1].field, "3/3/2026")
        type_into(qtbot, dialog.rows[2].field, "1/1/2027")
        _save(qtbot, dialog)
        assert "is in the future" in dialog.rows[2].error.text()
        type_into(qtbot, dialog.rows[2].field, "10/3/2026")
        _save(qtbot, dialog)

    _shows_dialog(monkeypatch, CareCertificateDialog, fill)
    assert page.care_label.text() == "Care Certificate (optional for PAs): nothing recorded."
    click(qtbot, page.care_button)
    janet = _pa(demo_context, "Janet Moyo")
    assert training.care_certificate(demo_context.db, demo_context.employer_id, janet) == {
        1: date(2026, 3, 3), 2: date(2026, 3, 10)}
    assert page.care_label.text() == "Care Certificate (optional for PAs): 2 of 16 standards completed."
    demo_context.undo_group.activeStack().undo()
    assert training.care_certificate(demo_context.db, demo_context.employer_id, janet) == {}


def test_save_training_report_for_the_household_and_for_one_pa(qtbot, demo_context, monkeypatch, tmp_path):
    page = _page(qtbot, demo_context)
    targets = iter([tmp_path / "household.pdf", tmp_path / "janet"])
    suggested = []

    def choose(parent, caption, start, filter_):
        suggested.append(Path(start).name)
        return str(next(targets)), filter_

    monkeypatch.setattr(training_page.QFileDialog, "getSaveFileName", choose)
    messages = []
    demo_context.status_message.connect(messages.append)
    click(qtbot, page.report_button)
    click(qtbot, page.pa_report_button)
    assert suggested == ["Margaret Okafor – training report 23 November 2026.pdf",
                         "Janet Moyo – training report 23 November 2026.pdf"]
    assert (tmp_path / "household.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "janet.pdf").read_bytes().startswith(b"%PDF")  # ".pdf" added
    assert messages == [f"Saved the training report to {tmp_path / 'household.pdf'}.",
                        f"Saved the training report to {tmp_path / 'janet.pdf'}."]


def test_the_page_follows_the_employer(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    demo_context.set_employer(employers.find_employer(demo_context.db, "Desmond Clarke").id)
    names = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert len(names) == 1 and "Janet Moyo" not in names
    assert page.pa_heading.text() == names[0]


# --- accessibility ----------------------------------------------------------------------------------


def _dialogs(context):
    pas = [(1, "Janet Moyo")]
    courses = training.list_courses(context.db, context.employer_id)
    return {
        "record": RecordTrainingDialog(context.db, context.employer_id, pas, courses, context.today()),
        "courses": CoursesDialog(context),
        "required": RequiredCoursesDialog("Janet Moyo", courses, set()),
        "meetings": MeetingsDialog(context, 1, "Janet Moyo"),
        "care certificate": CareCertificateDialog("Janet Moyo", {}, context.today()),
    }


def _letters(root, shown=lambda w: True):
    texts = [w.text() for w in root.findChildren(QLabel) if w.buddy() is not None and shown(w)]
    texts += [w.text() for w in root.findChildren(QAbstractButton) if shown(w)]
    return [m for m in map(_mnemonic, texts) if m]


def test_every_control_on_the_page_is_named_and_shortcut_letters_differ(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    assert unnamed_controls(page) == []
    letters = _letters(page, lambda w: w.isVisibleTo(page))
    assert sorted({m for m in letters if letters.count(m) > 1}) == []
    assert set(letters) & WINDOW_LETTERS == set()


@pytest.mark.parametrize("name", ["record", "courses", "required", "meetings", "care certificate"])
def test_every_control_in_each_dialog_is_named_and_shortcut_letters_differ(qtbot, demo_context, name):
    dialog = _dialogs(demo_context)[name]
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_controls(dialog) == []
    letters = _letters(dialog)
    assert sorted({m for m in letters if letters.count(m) > 1}) == []
