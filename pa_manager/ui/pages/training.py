"""Training: the matrix of PAs and courses on the left, the chosen PA's training on the right.

Arrow keys move through the matrix; Enter on a cell records training for that PA and course.
Every stored change is a service's, which gives back the change it made for the undo stack (see
dialogs/training/edits.py), so it can be undone.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontMetrics, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
    QMessageBox, QPushButton, QStyle, QTableView, QVBoxLayout, QWidget,
)

from pa_manager.domain import training as rules
from pa_manager.domain.money import format_money
from pa_manager.messages import format_date, say
from pa_manager.services import employers, training
from pa_manager.services.errors import ServiceError
from pa_manager.services.training import StoredRecord
from pa_manager.reports.training_contents import cell_detail, cell_word
from pa_manager.services.training_report import save_training_report
from pa_manager.ui.context import AppContext
from pa_manager.ui.refresh import Refresher
from pa_manager.ui.dialogs.training.care_certificate import CareCertificateDialog
from pa_manager.ui.dialogs.training.common import FUNDING_NAMES
from pa_manager.ui.dialogs.training.courses import CoursesDialog
from pa_manager.ui.dialogs.training.edits import care_certificate_edit, remove_record_edit, set_required_edit
from pa_manager.ui.dialogs.training.meetings import MeetingsDialog
from pa_manager.ui.dialogs.training.record import RecordTrainingDialog
from pa_manager.ui.dialogs.training.required import RequiredCoursesDialog
from pa_manager.ui.models.spoken import SpokenTableModel
from pa_manager.ui.models.training_matrix import CELL_ROLE, COURSE_ROLE, PA_ROLE, TrainingMatrixModel
from pa_manager.ui.widgets.adaptive import AdaptiveSplitter, keep_lines
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.status import status_icon
from pa_manager.ui.widgets.status_list import STATUS_BY_CODE, StatusList, fit_to_text
from pa_manager.wording import due_item_sentence

TYPICAL_PRACTICE = ("How often courses need refreshing is typical practice, not the law. "
                    "You can change it for each course.")
_CELL_CODE = {rules.DONE: "ok", rules.DUE_SOON: "warning", rules.EXPIRED: "below", rules.MISSING: "missing"}


def describe_record(stored: StoredRecord, course_name: str) -> str:
    """Two lines: "Moving and handling, 23 September 2025", then who ran it, who paid and the certificate."""
    r = stored.record
    details = [f"With {r.provider}"] if r.provider else []
    cost = f" ({format_money(r.cost)})" if r.cost is not None else ""
    if r.funding_source == "free":
        details.append("Free of charge")
    elif r.funding_source:
        details.append(f"Paid for by: {FUNDING_NAMES[r.funding_source]}{cost}")
    elif cost:
        details.append(f"Cost: {format_money(r.cost)}")
    details.append(f"Certificate: {stored.certificate_name}" if stored.certificate_name else "No certificate kept")
    return f"{course_name}, {format_date(r.completed_on)}\n" + ". ".join(details) + "."



# The tables whose records this page shows: a change to any of them redraws it (ui/refresh.py).
SHOWS = frozenset({"courses", "training_records", "required_courses", "meetings", "care_certificate_progress",
                    "attachments", "pas", "employers"})


class _RecordsList(QListWidget):
    """The PA's records: each line shown in full; the list itself scrolls."""

    def showEvent(self, event) -> None:
        super().showEvent(event)
        fit_to_text(self, whole_list=False)


class TrainingPage(QWidget):
    title = "Training"

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self._pa_id: int | None = None
        self._course_id: int | None = None
        self._courses, self._records, self._items, self._meetings = [], [], [], []
        self.model = TrainingMatrixModel(self)
        self.proxy = SpokenTableModel(self)
        self.proxy.setSourceModel(self.model)

        # Left: the matrix.
        note = paragraph(TYPICAL_PRACTICE)
        self.problems_box = QCheckBox("Show only pro&blems")
        self.problems_box.setToolTip("Only the PAs and courses with something expired, due soon or missing")
        self.required_box = QCheckBox("Show only req&uired courses")
        self.required_box.setToolTip("Only the courses at least one of your PAs needs")
        filters = QHBoxLayout()
        filters.addWidget(self.problems_box)
        filters.addWidget(self.required_box)
        filters.addStretch()
        self.table = QTableView()
        keep_lines(self.table, 8)  # usable above the details on a small screen
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Training matrix: a row for each PA, a column for each course")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(TrainingMatrixModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the matrix; the arrow keys move inside it
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setWordWrap(False)
        matrix_label = QLabel("Training &matrix (press Enter on a course to record training):")
        matrix_label.setBuddy(self.table)
        self.empty_label = paragraph()
        self.record_button = QPushButton("&Record training…")
        self.courses_button = QPushButton("&Courses…")
        self.courses_button.setToolTip("Add a course of your own, change how often one is refreshed, or mark it as "
                                       "needed by every PA")
        self.report_button = QPushButton("Save &training report…")
        self.report_button.setToolTip("A PDF of every current PA's training, for the council or your records")
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(heading("Training"))
        column.addWidget(note)
        column.addLayout(filters)
        column.addWidget(matrix_label)
        column.addWidget(self.empty_label)
        column.addWidget(self.table, stretch=1)
        buttons = QHBoxLayout()
        for button in (self.record_button, self.courses_button, self.report_button):
            buttons.addWidget(button)
        buttons.addStretch()
        column.addLayout(buttons)

        # Right: the chosen PA.
        self.pa_heading = heading(scale=1.25)
        # The chosen cell in words, with its dates: a screen reader hears the same from the matrix itself.
        self.cell_icon, self.cell_text = QLabel(), QLabel()
        self.cell_text.setWordWrap(True)
        cell_row = QHBoxLayout()
        cell_row.addWidget(self.cell_icon, alignment=Qt.AlignmentFlag.AlignTop)
        cell_row.addWidget(self.cell_text, stretch=1)
        self.todo = StatusList("What needs doing")
        todo_label = QLabel("What &needs doing:")
        todo_label.setBuddy(self.todo)
        self.records_list = _RecordsList()
        self.records_list.setAccessibleName("Training records")
        self.records_list.setWordWrap(True)
        self.records_list.setSpacing(2)
        self.records_list.setAlternatingRowColors(True)  # from the palette: tells one record from the next
        records_label = QLabel("Training recor&ds:")
        records_label.setBuddy(self.records_list)
        self.open_button = QPushButton("&Open certificate")
        self.open_button.setToolTip("Open the chosen record's certificate in the app your computer uses for it")
        self.remove_button = QPushButton("Remo&ve record…")
        self.meetings_label = paragraph()
        self.care_label = paragraph()
        self.required_button = QPushButton("Re&quired for this PA…")
        self.required_button.setToolTip("Choose the courses this PA needs, besides those every PA needs")
        self.meetings_button = QPushButton("&Supervision and appraisal…")
        self.care_button = QPushButton("C&are Certificate…")
        self.pa_report_button = QPushButton("Save report for this &PA…")
        right = QWidget()
        details = QVBoxLayout(right)
        details.addWidget(self.pa_heading)
        details.addLayout(cell_row)
        details.addWidget(todo_label)
        details.addWidget(self.todo)
        details.addWidget(records_label)
        details.addWidget(self.records_list, stretch=1)
        record_row = QHBoxLayout()
        record_row.addWidget(self.open_button)
        record_row.addWidget(self.remove_button)
        record_row.addStretch()
        details.addLayout(record_row)
        details.addWidget(self.meetings_label)
        details.addWidget(self.care_label)
        # One above the other, so the details stay narrow and the matrix gets the width.
        for button in (self.required_button, self.meetings_button, self.care_button, self.pa_report_button):
            details.addWidget(button)

        splitter = AdaptiveSplitter()  # one above the other on a small screen or at large text
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([650, 300])  # the matrix gets the room; the details wrap
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.problems_box.toggled.connect(self._on_filter_toggled)
        self.required_box.toggled.connect(self._on_filter_toggled)
        self.table.selectionModel().currentChanged.connect(self._on_table_current_changed)
        self.table.activated.connect(self._on_table_activated)
        self.record_button.clicked.connect(self._on_record_button_clicked)
        self.courses_button.clicked.connect(self._on_courses_button_clicked)
        self.report_button.clicked.connect(lambda: self._save_report(None))
        self.pa_report_button.clicked.connect(lambda: self._save_report(self._pa_id))
        self.records_list.currentRowChanged.connect(self._sync_record_buttons)
        self.records_list.itemActivated.connect(self._on_open_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.required_button.clicked.connect(self._on_required_button_clicked)
        self.meetings_button.clicked.connect(self._on_meetings_button_clicked)
        self.care_button.clicked.connect(self._on_care_button_clicked)
        self.refresher = Refresher(self, context, SHOWS, self.refresh)
        self.refresh()

    # --- what is shown ---
    def refresh(self) -> None:
        employer_id, db, today = self.context.employer_id, self.context.db, self.context.today()
        self.setEnabled(employer_id is not None)
        if employer_id is None:
            self._courses, self._records, self._items, self._meetings = [], [], [], []
            self.model.set_matrix([], [], {}, set())
        else:
            pas, self._courses, cells = training.training_matrix(db, employer_id, today)
            required = set()  # (PA id, course id) for every course each PA needs
            for pa in pas:
                needed = training.required_course_ids(db, employer_id, pa.key)
                required |= {(pa.key, c.id) for c in self._courses if c.required_for_everyone or c.id in needed}
            self._records = training.list_records(db, employer_id)
            self._items = training.training_due(db, employer_id, today)
            self._meetings = [m for _, m in training.list_meetings(db, employer_id)]
            self.model.set_matrix(pas, self._courses, cells, required)
        self._after_reset()

    def _fit_columns(self) -> None:
        """Each column as wide as its widest line. (Qt's own fit leaves room for a sort arrow as wide as
        the whole two-line header is tall, which doubles the width of narrow columns.)"""
        header = self.table.horizontalHeader()
        bold = header.font()
        bold.setBold(True)  # the current column's title is drawn bold
        metrics = QFontMetrics(bold)
        for column in range(self.proxy.columnCount()):
            title = str(self.proxy.headerData(column, Qt.Orientation.Horizontal) or "")
            widest = max((metrics.horizontalAdvance(line) for line in title.split("\n")), default=0)
            header.resizeSection(column, max(self.table.sizeHintForColumn(column), widest + 18))

    def _after_reset(self) -> None:
        """Put the cursor back on the same PA and course, or the first cell, and say why a matrix is empty."""
        self._fit_columns()
        if self.model.rowCount() == 0:
            if self.model.has_hidden():
                self.empty_label.setText("Nothing has expired, is due soon or is missing. Untick the boxes above "
                                         "to see every course.")
            else:
                self.empty_label.setText("No current PAs yet. Add your PAs on the People page (Ctrl+2), and their "
                                         "training shows here.")
        self.empty_label.setVisible(self.model.rowCount() == 0)
        row = self.model.row_of(self._pa_id) if self._pa_id is not None else None
        column = self.model.column_of(self._course_id) if self._course_id is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is None:
            self._show_pa(None)
            return
        self.select_cell(row, column if column is not None else (1 if self.model.columnCount() > 1 else 0))

    def select_cell(self, source_row: int, source_column: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(source_row, source_column))
        self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.scrollTo(index)
        self._on_table_current_changed(index)

    def select(self, pa_id: int, course_id: int | None = None) -> None:
        """Show this PA (and course), e.g. when the dashboard leads here."""
        row = self.model.row_of(pa_id)
        if row is not None:
            column = self.model.column_of(course_id) if course_id is not None else None
            self.select_cell(row, column if column is not None else 0)

    def _show_pa(self, pa_id: int | None, index=None) -> None:
        self._pa_id = pa_id
        for widget in (self.required_button, self.meetings_button, self.care_button, self.pa_report_button,
                       self.records_list):
            widget.setEnabled(pa_id is not None)
        if pa_id is None:
            self.pa_heading.setText("No PA chosen")
            self._show_cell(None, None)
            self.todo.set_lines([])
            self.records_list.clear()
            self.meetings_label.clear()
            self.care_label.clear()
            self._sync_record_buttons()
            return
        pa = self.model.pa_at(self.model.row_of(pa_id))
        today = self.context.today()
        self.pa_heading.setText(pa.name)
        self._show_cell(*((index.data(CELL_ROLE), index.data(COURSE_ROLE)) if index is not None else (None, None)))
        mine = [i for i in self._items if i.pa_key == pa_id]
        names = {c.course.key: c.name for c in self._courses}
        self.todo.set_lines([due_item_sentence(i, today, names) for i in mine]
                            or [("ok", f"Done: nothing needs doing for {pa.name} in the next 30 days.")])
        self.todo.setAccessibleName(f"What needs doing for {pa.name}")
        self._show_records(pa_id)
        self._show_meetings(pa)
        done = training.care_certificate(self.context.db, self.context.employer_id, pa_id)
        total = len(rules.care_certificate_standards())
        self.care_label.setText(f"Care Certificate (optional for PAs): {len(done)} of {total} standards completed."
                                if done else "Care Certificate (optional for PAs): nothing recorded.")

    def _show_cell(self, cell, course) -> None:
        if cell is None:
            self.cell_icon.clear()
            self.cell_text.setText("Choose a course in the matrix to see its dates." if self._pa_id else "")
            return
        side = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        code = _CELL_CODE.get(cell.state)  # "Not required" is a word alone, as in the matrix
        self.cell_icon.setPixmap(status_icon(STATUS_BY_CODE[code]).pixmap(side, side) if code else QPixmap())
        self.cell_text.setText(f"{course.name}: {cell_word(cell)}. {cell_detail(cell)}.")

    def _show_records(self, pa_id: int) -> None:
        names = {c.id: c.name for c in self._courses}
        self.records_list.clear()
        mine = [r for r in self._records if r.pa_id == pa_id]
        for stored in mine:
            item = QListWidgetItem(describe_record(stored, names.get(stored.course_id, "Course")))
            item.setData(Qt.ItemDataRole.UserRole, stored)
            self.records_list.addItem(item)
        if not mine:
            self.records_list.addItem(QListWidgetItem("No training recorded yet."))
        self.records_list.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)
        fit_to_text(self.records_list, whole_list=False)
        self._sync_record_buttons()

    def _show_meetings(self, pa) -> None:
        parts = []
        for kind, name in ((rules.SUPERVISION, "supervision"), (rules.APPRAISAL, "appraisal")):
            held = [m.held_on for m in self._meetings if m.pa_key == pa.key and m.kind == kind]
            parts.append(f"Last {name}: {format_date(max(held))}." if held else f"Last {name}: none recorded.")
        self.meetings_label.setText("\n".join(parts))

    def current_record(self) -> StoredRecord | None:
        item = self.records_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _sync_record_buttons(self, *_args) -> None:
        record = self.current_record()
        self.open_button.setEnabled(record is not None and record.attachment_id is not None)
        self.remove_button.setEnabled(record is not None)

    def _pa_name(self, pa_id: int) -> str:
        return dict(self._all_pas()).get(pa_id, "this PA")

    # --- slots ---
    def _on_filter_toggled(self, _checked: bool) -> None:
        self.model.set_filters(problems_only=self.problems_box.isChecked(), required_only=self.required_box.isChecked())
        self._after_reset()

    def _on_table_current_changed(self, index, previous=None) -> None:
        if not index.isValid():
            return
        course = index.data(COURSE_ROLE)
        self._course_id = course.id if course is not None else self._course_id
        if previous is not None and previous.isValid() and previous.data(PA_ROLE) == index.data(PA_ROLE):
            self._show_cell(index.data(CELL_ROLE), course)  # same PA: their details stand
        else:
            self._show_pa(index.data(PA_ROLE), index)

    def _on_table_activated(self, index) -> None:
        course = index.data(COURSE_ROLE)
        self.record_training(index.data(PA_ROLE), course.id if course is not None else None)

    def _on_record_button_clicked(self) -> None:
        index = self.table.currentIndex()
        course = index.data(COURSE_ROLE) if index.isValid() else None
        self.record_training(self._pa_id, course.id if course is not None else None)

    def record_training(self, pa_id: int | None, course_id: int | None) -> None:
        employer_id, pas = self.context.employer_id, self._all_pas()
        if employer_id is None or not pas:
            self.context.status_message.emit("Add your PAs on the People page first, then record their training.")
            return
        courses = training.list_courses(self.context.db, employer_id)
        dialog = RecordTrainingDialog(self.context.db, employer_id, pas, courses, self.context.today(), pa_id,
                                      course_id, self)
        if dialog.exec() and dialog.saved is not None:
            saved = dialog.saved
            self._pa_id, self._course_id = saved.pa_id, saved.course_id
            self.context.push(dialog.change)
        dialog.deleteLater()
        self.table.setFocus()

    def _all_pas(self) -> list[tuple[int, str]]:
        """Every current PA, whatever the filters hide."""
        return sorted(((pa.key, pa.name) for pa in self.model.all_pas()), key=lambda p: p[1].lower())

    def _on_courses_button_clicked(self) -> None:
        if self.context.employer_id is None:
            return
        dialog = CoursesDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()

    def _on_required_button_clicked(self) -> None:
        if self._pa_id is None:
            return
        db, employer_id, pa_id = self.context.db, self.context.employer_id, self._pa_id
        before = training.required_course_ids(db, employer_id, pa_id)
        everyone = {c.id for c in self._courses if c.required_for_everyone}
        dialog = RequiredCoursesDialog(self._pa_name(pa_id), self._courses, before, self)
        if dialog.exec() and dialog.chosen != before - everyone:
            set_required_edit(self.context, pa_id, dialog.chosen)
        dialog.deleteLater()

    def _on_meetings_button_clicked(self) -> None:
        if self._pa_id is not None:
            dialog = MeetingsDialog(self.context, self._pa_id, self._pa_name(self._pa_id), self)
            dialog.exec()
            dialog.deleteLater()

    def _on_care_button_clicked(self) -> None:
        if self._pa_id is None:
            return
        db, employer_id, pa_id = self.context.db, self.context.employer_id, self._pa_id
        before = training.care_certificate(db, employer_id, pa_id)
        dialog = CareCertificateDialog(self._pa_name(pa_id), before, self.context.today(), self)
        if dialog.exec() and dialog.progress != before:
            care_certificate_edit(self.context, pa_id, before, dialog.progress)
        dialog.deleteLater()

    def _on_open_button_clicked(self, *_args) -> None:
        record = self.current_record()
        if record is None or record.attachment_id is None:
            return
        try:
            name, content = training.certificate_bytes(self.context.db, record.attachment_id)
            # A copy in a folder of its own, so the file keeps its name and the app that opens it knows its type.
            path = Path(tempfile.mkdtemp(prefix="pa-manager-certificate-")) / Path(name).name
            path.write_bytes(content)
        except (ServiceError, OSError) as error:
            QMessageBox.warning(self, "The certificate was not opened", say(error))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.context.status_message.emit(f"No app on this computer opens {name}. A copy is in {path}.")

    def _on_remove_button_clicked(self) -> None:
        record = self.current_record()
        if record is None:
            return
        course = next((c.name for c in self._courses if c.id == record.course_id), "course")
        pa_name = self._pa_name(record.pa_id)
        text = (f"Remove {pa_name}'s {course.lower()} record of {format_date(record.record.completed_on)}"
                + (" and its certificate" if record.attachment_id else "")
                + "? You can undo this with Edit, then Undo (Ctrl+Z).")
        if self._confirm("Remove this training record?", text, "Remove record"):
            remove_record_edit(self.context, record)
            self.records_list.setFocus()

    def _confirm(self, title: str, text: str, action: str) -> bool:
        """Ask once; the button says what will happen. (Tests replace this.)"""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Keep it", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def _save_report(self, pa_id: int | None) -> None:
        employer_id = self.context.employer_id
        if employer_id is None:
            return
        today = self.context.today()
        whose = self._pa_name(pa_id) if pa_id is not None else employers.get_employer(self.context.db, employer_id).name
        suggested = str(Path.home() / f"{whose} – training report {format_date(today)}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, "Save the training report", suggested, "PDF documents (*.pdf)")
        if not path:
            return
        path = path if path.lower().endswith(".pdf") else path + ".pdf"
        try:
            save_training_report(self.context.db, employer_id, Path(path), today, pa_id)
        except ServiceError as error:
            QMessageBox.warning(self, "The report was not saved", say(error))
            return
        except OSError:
            QMessageBox.warning(self, "The report was not saved", f"PA Manager could not write to {path}. Choose "
                                "another folder, such as Documents, and try again.")
            return
        self.context.status_message.emit(f"Saved the training report to {path}.")
