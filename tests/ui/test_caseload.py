"""The Caseload page: everyone in the data file, most overdue first, and Enter opens one."""
from datetime import timedelta

from PySide6.QtCore import Qt

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord
from pa_manager.services import due, employers, people
from pa_manager.ui.pages.caseload import CaseloadPage, CaseloadTableModel
from tests.conftest import TODAY
from tests.ui.driving import click
from tests.ui.test_accessibility import _mnemonic, unnamed_controls

COL = CaseloadTableModel


def _page(qtbot, context):
    page = CaseloadPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def _column(page, column):
    return [page.proxy.index(row, column).data() for row in range(page.proxy.rowCount())]


def _add_client(context, name, *, started_days_ago=None):
    """An employer with one PA; a PA who has already started has their checks overdue."""
    employer = employers.save_employer(context.db, EmployerRecord(name=name, council="Brackenfield Borough Council"))
    if started_days_ago is not None:
        people.save_pa(context.db, employer.id, PARecord(name=f"PA of {name}", start_date=TODAY - timedelta(days=started_days_ago)), TODAY)
    return employer


def test_rows_are_sorted_most_overdue_first(qtbot, demo_context):
    _add_client(demo_context, "Aaron Abbott")  # nothing overdue: sorts last despite its name
    _add_client(demo_context, "Zoe Zane", started_days_ago=10)
    page = _page(qtbot, demo_context)
    expected = [row.name for row in due.caseload(demo_context.db, TODAY)]
    assert _column(page, COL.COL_NAME) == expected
    overdue = [row.overdue for row in due.caseload(demo_context.db, TODAY)]
    assert overdue == sorted(overdue, reverse=True) and overdue[-1] == 0
    assert _column(page, COL.COL_NAME)[-1] == "Aaron Abbott"
    assert _column(page, COL.COL_OVERDUE)[-1] == "None overdue"
    assert _column(page, COL.COL_OVERDUE)[0] == f"{overdue[0]} overdue"
    header = page.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (COL.COL_OVERDUE, Qt.SortOrder.DescendingOrder)


def test_a_column_heading_sorts_by_that_column(qtbot, demo_context):
    _add_client(demo_context, "Aaron Abbott")
    page = _page(qtbot, demo_context)
    page.table.sortByColumn(COL.COL_NAME, Qt.SortOrder.AscendingOrder)
    names = _column(page, COL.COL_NAME)
    assert names == sorted(names, key=str.lower) and names[0] == "Aaron Abbott"


def test_enter_on_a_row_asks_for_that_employer(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    page.table.selectRow(1)
    wanted = page.employer_at(1)
    with qtbot.waitSignal(page.employer_requested) as asked:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert asked.args == [wanted]


def test_double_click_asks_for_that_employer_once(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    asked = []
    page.employer_requested.connect(asked.append)
    point = page.table.visualRect(page.proxy.index(0, COL.COL_NAME)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=point)  # the first press of the two
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert asked == [page.employer_at(0)]


def test_the_page_follows_changes(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    before = page.proxy.rowCount()
    added = employers.save_employer_undoably(demo_context.db, EmployerRecord(name="Nia Owusu"))
    demo_context.push(added.change)
    assert page.proxy.rowCount() == before + 1
    demo_context.undo_group.activeStack().undo()
    assert page.proxy.rowCount() == before


def test_save_calendar_for_everyone(qtbot, demo_context, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "everyone.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    page = _page(qtbot, demo_context)
    qtbot.mouseClick(page.calendar_button, Qt.MouseButton.LeftButton)
    text = target.read_text(encoding="utf-8").replace("\r\n ", "")  # unfold long lines
    for employer in employers.list_employers(demo_context.db, TODAY):
        assert f"SUMMARY:{employer.name}: " in text


def test_every_control_is_named_and_shortcuts_do_not_clash(qtbot, demo_context):
    from PySide6.QtWidgets import QAbstractButton

    page = _page(qtbot, demo_context)
    assert unnamed_controls(page) == []
    letters = [m for m in map(_mnemonic, (b.text() for b in page.findChildren(QAbstractButton))) if m]
    assert len(letters) == len(set(letters)) and not set(letters) & {"f", "e", "g", "h", "y"}


def test_an_advocate_can_add_someone_or_open_a_clients_file_from_here(qtbot, context):
    page = _page(qtbot, context)
    assert page.summary.text() == "There is nobody in this data file yet. Add someone you support, or open a client's file."
    with qtbot.waitSignal(page.employer_add_requested):
        click(qtbot, page.add_button)
    with qtbot.waitSignal(page.file_open_requested):
        click(qtbot, page.open_button)
    assert "pa-manager --portable --data" in page.portable_note.text()
