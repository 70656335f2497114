"""Checks: your PAs on the left, the chosen PA's recruitment checks on the right.

For each PA: what needs doing (most urgent first), then their DBS checks, right-to-work checks,
references, and contract and induction, each with Add, Change and Remove. Every change goes through
check_records.edit_check / remove_check, so it can be undone.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog, QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
    QVBoxLayout, QWidget,
)

from pa_manager.domain import compliance as rules
from pa_manager.messages import format_date, say
from pa_manager.services import checks, employers
from pa_manager.services import due
from pa_manager.services.checks import PACheckRecords
from pa_manager.services.errors import ServiceError
from pa_manager.ui.context import AppContext
from pa_manager.ui.refresh import Refresher
from pa_manager.ui.dialogs.check_records import (
    NOUNS, describe_contract, describe_dbs, describe_reference, describe_right_to_work, edit_check, remove_check,
)
from pa_manager.ui.dialogs.checklists import NewEmployerChecklistDialog, NewPAChecklistDialog
from pa_manager.ui.dialogs.employer_duties_dialog import edit_employer_duties
from pa_manager.ui.widgets.adaptive import AdaptiveSplitter, keep_lines
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.scroll import vertical_scroll
from pa_manager.ui.widgets.status import status_icon
from pa_manager.ui.widgets.status_list import STATUS_BY_CODE, StatusList, fit_to_text
from pa_manager.wording import STATUS_ICON, due_item_sentence

RETENTION_NOTE = (
    "PA Manager keeps only the DBS certificate's number, level, date and outcome — never what a disclosure "
    "says — while they work for you and for 6 months after. Right-to-work records are kept for 2 years after "
    "they leave, as the law requires."
)
CALENDAR_FILTER = "Calendar files (*.ics)"
CHECK_CODES = rules.CODES | {checks.SHIFT_BEFORE_RIGHT_TO_WORK}


def pa_summary(items: list[rules.DueItem]) -> tuple[str, str]:
    """(status code, words) for one PA's open items, like "2 overdue, 1 due soon" or "All done", counted
    by compliance.summarise from the same items the page lists."""
    summary = rules.summarise(items)
    parts = [f"{n} {words}" for n, words in ((summary.overdue, "overdue"), (summary.due_soon, "due soon"),
                                              (summary.missing, "missing"), (summary.warning, "to check")) if n]
    return (STATUS_ICON[summary.worst], ", ".join(parts)) if parts else ("ok", "All done")



# The tables whose records this page shows: a change to any of them redraws it (ui/refresh.py).
SHOWS = frozenset({"dbs_checks", "dbs_status_checks", "right_to_work_checks", "references", "contracts", "pas", "employers",
                    "shifts", "courses", "training_records", "required_courses", "meetings"})


class RecordSection(QGroupBox):
    """One kind of record: a list, and Add…, Change…, Remove… (also Insert, Enter and Delete in the list)."""

    add_requested = Signal()
    change_requested = Signal(object)
    remove_requested = Signal(object)

    def __init__(self, title: str, noun: str, parent=None):
        super().__init__(title, parent)
        self.noun = noun
        self.list = QListWidget()
        self.list.setAccessibleName(title.replace("&", ""))
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)  # from the palette: tells one record from the next
        self.add_button = QPushButton("Add…")
        self.change_button = QPushButton("Change…")
        self.remove_button = QPushButton("Remove…")
        # The same three words in every section: the accessible names say which record they act on.
        for button, words, key in ((self.add_button, f"Add a {noun}", "Insert"),
                                   (self.change_button, f"Change the chosen {noun}", "Enter"),
                                   (self.remove_button, f"Remove the chosen {noun}", "Delete")):
            button.setAccessibleName(words)
            button.setToolTip(f"{words} ({key})")
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        for button in (self.add_button, self.change_button, self.remove_button):
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add_requested)
        self.change_button.clicked.connect(self._on_change_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.list.currentRowChanged.connect(self._sync_buttons)
        for key, slot in ((QKeySequence.StandardKey.Delete, self._on_remove_clicked),
                          (QKeySequence(Qt.Key.Key_Insert), self.add_requested.emit)):
            QShortcut(key, self.list, activated=slot, context=Qt.ShortcutContext.WidgetShortcut)

    def set_records(self, lines: list[str], records: list, empty: str) -> None:
        keep = self.list.currentRow()
        self.list.clear()
        for text, record in zip(lines, records):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, record)
            self.list.addItem(item)
        if not records:
            self.list.addItem(QListWidgetItem(empty))
        # Current (so Change… works at once) but not highlighted: four highlighted lists read as noise.
        self.list.setCurrentRow(min(max(keep, 0), self.list.count() - 1), QItemSelectionModel.SelectionFlag.NoUpdate)
        fit_to_text(self.list)
        self._sync_buttons()

    def current(self):
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _sync_buttons(self) -> None:
        chosen = self.current() is not None
        self.change_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _on_list_item_activated(self, _item) -> None:
        # Enter on "None recorded yet" adds the first one.
        if self.current() is None:
            self.add_requested.emit()
        else:
            self._on_change_clicked()

    def _on_change_clicked(self, *_args) -> None:
        if self.current() is not None:
            self.change_requested.emit(self.current())

    def _on_remove_clicked(self) -> None:
        if self.current() is not None:
            self.remove_requested.emit(self.current())


class ChecksPage(QWidget):
    title = "Checks"
    people_requested = Signal()  # the new employer checklist's "Go to People"

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self._records: dict[int, PACheckRecords] = {}
        self._pa_id: int | None = None

        # Left: the PAs, and the employer's own duties.
        self.pa_list = QListWidget()
        keep_lines(self.pa_list, 8)  # usable above the details on a small screen
        self.pa_list.setAccessibleName("Your PAs and what needs doing for each")
        self.pa_list.setSpacing(2)
        pas_label = QLabel("Your &PAs:")
        pas_label.setBuddy(self.pa_list)
        self.duties_list = StatusList("Your duties as an employer")
        duties_label = QLabel("Your duties as an employer:")
        duties_label.setBuddy(self.duties_list)
        self.duties_button = QPushButton("Employer &duties…")
        self.employer_checklist_button = QPushButton("New employer check&list…")
        self.calendar_button = QPushButton("Save &calendar…")
        self.calendar_button.setToolTip("Save the due dates as a file your calendar app can open (.ics)")
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(heading("Checks"))
        column.addWidget(pas_label)
        column.addWidget(self.pa_list, stretch=1)
        column.addWidget(duties_label)
        column.addWidget(self.duties_list)
        for button in (self.duties_button, self.employer_checklist_button, self.calendar_button):
            column.addWidget(button)

        # Right: the chosen PA.
        self.pa_heading = heading(scale=1.25)
        self.pa_checklist_button = QPushButton("Chec&klist for this PA…")
        self.pa_checklist_button.setToolTip("A step-by-step list of the checks for a new PA")
        top = QHBoxLayout()
        top.addWidget(self.pa_heading, stretch=1)
        top.addWidget(self.pa_checklist_button, alignment=Qt.AlignmentFlag.AlignTop)
        body = QWidget()
        details = QVBoxLayout(body)
        self.todo = StatusList("What needs doing for this PA")
        todo_label = QLabel("&What needs doing:")
        todo_label.setBuddy(self.todo)
        details.addWidget(todo_label)
        details.addWidget(self.todo)
        self.sections = {
            "dbs": RecordSection("D&BS checks", NOUNS["dbs"]),
            "right_to_work": RecordSection("&Right to work", NOUNS["right_to_work"]),
            "reference": RecordSection("Refere&nces", NOUNS["reference"]),
            "contract": RecordSection("Contract and &induction", NOUNS["contract"]),
        }
        for kind, section in self.sections.items():
            details.addWidget(section)
            section.add_requested.connect(lambda k=kind: self._on_add(k))
            section.change_requested.connect(lambda record, k=kind: self._on_change(k, record))
            section.remove_requested.connect(lambda record, k=kind: self._on_remove(k, record))
        self.retention_note = paragraph(RETENTION_NOTE)
        details.addWidget(self.retention_note)
        details.addStretch()
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.addLayout(top)
        right_column.addWidget(vertical_scroll(body, "Checks for this PA"), stretch=1)

        splitter = AdaptiveSplitter()  # one above the other on a small screen or at large text
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([360, 740])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.pa_list.currentRowChanged.connect(self._on_pa_list_current_changed)
        self.duties_button.clicked.connect(self._on_duties_button_clicked)
        self.duties_list.itemActivated.connect(self._on_duties_button_clicked)
        self.employer_checklist_button.clicked.connect(self._on_employer_checklist_clicked)
        self.pa_checklist_button.clicked.connect(self._on_pa_checklist_clicked)
        self.calendar_button.clicked.connect(self._on_calendar_button_clicked)
        self.refresher = Refresher(self, context, SHOWS, self.refresh)
        self.refresh()

    # --- what is shown ---
    def refresh(self) -> None:
        employer_id, today = self.context.employer_id, self.context.today()
        self.setEnabled(employer_id is not None)
        if employer_id is None:
            self._records, self._items, self._employer = {}, [], None
        else:
            db = self.context.db
            self._employer = employers.get_employer(db, employer_id)
            self._records = {r.pa.id: r for r in checks.all_checks(db, employer_id)}
            # Only checks and duties here: training items belong to the Training area.
            self._items = [i for i in due.due_list(db, employer_id, today) if i.code in CHECK_CODES]
        self._show_duties(today)
        self.pa_list.blockSignals(True)
        self.pa_list.clear()
        for record in self._records.values():
            mine = [i for i in self._items if i.pa_key == record.pa.id]
            code, words = pa_summary(mine)
            if record.pa.leaving_date is not None and record.pa.leaving_date < today:
                words = f"Left {format_date(record.pa.leaving_date)}. {words}"
            item = QListWidgetItem(status_icon(STATUS_BY_CODE[code]), f"{record.pa.name}\n{words}")
            item.setData(Qt.ItemDataRole.UserRole, record.pa.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{record.pa.name}: {words}")
            self.pa_list.addItem(item)
        self.pa_list.blockSignals(False)
        keep = self._pa_id if self._pa_id in self._records else next(iter(self._records), None)
        if keep is None:
            self._show_pa(None)
        else:
            self.select_pa(keep)

    def select_pa(self, pa_id: int) -> None:
        for row in range(self.pa_list.count()):
            if self.pa_list.item(row).data(Qt.ItemDataRole.UserRole) == pa_id:
                self.pa_list.blockSignals(True)
                self.pa_list.setCurrentRow(row)
                self.pa_list.blockSignals(False)
        self._show_pa(pa_id)

    def _show_duties(self, today) -> None:
        mine = [i for i in self._items if i.pa_key is None]
        lines = [due_item_sentence(item, today) for item in mine]
        if not lines and self._employer is not None:
            lines = [("ok", "Done: nothing is due in the next 30 days.")]
        self.duties_list.set_lines(lines)
        fit_to_text(self.duties_list)

    def _show_pa(self, pa_id: int | None) -> None:
        self._pa_id = pa_id
        record = self._records.get(pa_id)
        for widget in (self.pa_checklist_button, *self.sections.values()):
            widget.setEnabled(record is not None)
        if record is None:
            self.pa_heading.setText("No PAs yet")
            self.todo.set_lines([("info", "For information: add your PAs on the People page (Ctrl+2), then record "
                                          "their checks here.")])
            fit_to_text(self.todo)
            for section in self.sections.values():
                section.set_records([], [], "")
            return
        today = self.context.today()
        name = record.pa.name
        self.pa_heading.setText(name)
        self.todo.setAccessibleName(f"What needs doing for {name}")
        mine = [i for i in self._items if i.pa_key == pa_id]
        lines = [due_item_sentence(item, today) for item in mine]
        self.todo.set_lines(lines or [("ok", f"Done: nothing needs doing for {name} at the moment.")])
        fit_to_text(self.todo)
        latest = rules.latest_dbs_check(s.value for s in record.dbs)
        policy = checks.policy_of(self._employer)
        self.sections["dbs"].set_records(
            [describe_dbs(s.value, rules.dbs_recheck_due(s.value, today, policy)[0] if s.value is latest else None)
             for s in record.dbs],
            list(record.dbs), "No DBS check recorded yet.")
        self.sections["right_to_work"].set_records(
            [describe_right_to_work(s.value) for s in record.right_to_work], list(record.right_to_work),
            "No right-to-work check recorded yet.")
        self.sections["reference"].set_records(
            [describe_reference(s.value) for s in record.references], list(record.references),
            "No references recorded yet.")
        contract = [record.contract] if record.contract is not None else []
        self.sections["contract"].set_records([describe_contract(c) for c in contract], contract,
                                              "No written statement, contract or induction recorded yet.")
        # A PA has one contract record: Add becomes Change once it exists.
        self.sections["contract"].add_button.setEnabled(not contract)

    def current_pa(self):
        record = self._records.get(self._pa_id)
        return record.pa if record is not None else None

    # --- slots ---
    def _on_pa_list_current_changed(self, row: int) -> None:
        if row >= 0:
            self._show_pa(self.pa_list.item(row).data(Qt.ItemDataRole.UserRole))

    def _on_add(self, kind: str) -> None:
        pa = self.current_pa()
        if pa is None or (kind == "contract" and self._records[pa.id].contract is not None):
            return
        edit_check(self.context, kind, pa, None, self)

    def _on_change(self, kind: str, record) -> None:
        pa = self.current_pa()
        if pa is not None:
            edit_check(self.context, kind, pa, record, self)

    def _on_remove(self, kind: str, record) -> None:
        pa = self.current_pa()
        if pa is None:
            return
        noun = NOUNS[kind]
        text = (f"Remove {pa.name}'s {noun}? PA Manager will forget it, and if it was the only one, "
                f"\"what needs doing\" will ask for it again. You can undo this with Edit, then Undo (Ctrl+Z).")
        if self._confirm(f"Remove this {noun}?", text, f"Remove {noun}"):
            remove_check(self.context, kind, pa, record)
            self.sections[kind].list.setFocus()

    def _confirm(self, title: str, text: str, action: str) -> bool:
        """Ask once; the button says what will happen. (Tests replace this.)"""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Keep it", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def _on_duties_button_clicked(self, *_args) -> None:
        edit_employer_duties(self.context, parent=self)

    def _on_employer_checklist_clicked(self) -> None:
        dialog = NewEmployerChecklistDialog(self.context, self)
        dialog.people_requested.connect(self.people_requested)
        dialog.exec()
        dialog.deleteLater()

    def _on_pa_checklist_clicked(self) -> None:
        pa = self.current_pa()
        if pa is not None:
            dialog = NewPAChecklistDialog(self.context, pa.id, self)
            dialog.exec()
            dialog.deleteLater()

    def _on_calendar_button_clicked(self) -> None:
        if self._employer is None:
            return
        suggested = str(Path.home() / f"{self._employer.name} – due dates.ics")
        path, _ = QFileDialog.getSaveFileName(self, "Save the due dates as a calendar", suggested, CALENDAR_FILTER)
        if path:
            save_calendar(self, self.context, [self.context.employer_id], Path(path))


def save_calendar(parent: QWidget, context: AppContext, employer_ids: list[int], path: Path) -> bool:
    """Export the due dates of these employers to an .ics file, and say what happened."""
    from pa_manager.services.calendar import export_due_calendar

    try:
        # A year ahead: a calendar is where a re-check months away is remembered.
        count = export_due_calendar(context.db, employer_ids, path, context.today(), datetime.now().astimezone(),
                                    within_days=365)
    except ServiceError as error:
        QMessageBox.warning(parent, "The calendar was not saved", say(error))
        return False
    except OSError:
        QMessageBox.warning(parent, "The calendar was not saved",
                            f"PA Manager could not write to {path}. Choose another folder, such as Documents, and try again.")
        return False
    dates = f"{count} due date{'s' if count != 1 else ''}" if isinstance(count, int) else "the due dates"
    context.status_message.emit(f"Saved {dates} to {path}. Open the file with your calendar app to add them.")
    return True
