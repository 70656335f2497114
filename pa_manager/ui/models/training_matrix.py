"""The training matrix: a row for each current PA, a column for each course, each cell a status word
with an icon, and the dates in its tooltip and in what a screen reader says.

The two filters live here too, as they hide whole rows and columns: "only problems" keeps the PAs
and courses with something expired, due soon or missing; "only required" keeps the courses at least
one PA needs. Courses someone needs come first, so the useful columns show without scrolling.
"""
from __future__ import annotations

import textwrap
from collections.abc import Hashable, Sequence
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from pa_manager.domain import training as rules
from pa_manager.domain.compliance import PAChecks
from pa_manager.domain.training import MatrixCell
from pa_manager.services.training import CourseRecord
from pa_manager.reports.training_contents import cell_detail, cell_word
from pa_manager.ui.models.rows_table import SORT_ROLE
from pa_manager.ui.widgets.status import Status, status_icon

PA_ROLE = Qt.ItemDataRole.UserRole + 1  # the PA's id
COURSE_ROLE = Qt.ItemDataRole.UserRole + 2  # the CourseRecord, or None in the name column
CELL_ROLE = Qt.ItemDataRole.UserRole + 3  # the MatrixCell

PROBLEMS = frozenset({rules.EXPIRED, rules.DUE_SOON, rules.MISSING})
_STATUS = {rules.DONE: Status.DONE, rules.DUE_SOON: Status.ATTENTION, rules.EXPIRED: Status.OVERDUE,
           rules.MISSING: Status.MISSING}  # "Not required" is a word alone: nothing to act on
_RANK = {rules.EXPIRED: 0, rules.MISSING: 1, rules.DUE_SOON: 2, rules.DONE: 3, rules.NOT_REQUIRED: 4}


class TrainingMatrixModel(QAbstractTableModel):
    _pas: Sequence = ()  # asked while being torn down, its attributes cleared: empty (rows_table.py says why)
    _courses: Sequence = ()
    COL_NAME = 0

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pas: list[PAChecks] = []
        self._courses: list[CourseRecord] = []
        self._cells: dict[tuple[Hashable, str], MatrixCell] = {}
        self._required: set[tuple[int, int]] = set()
        self._all = ([], [])
        self.problems_only = False
        self.required_only = False

    # --- contents ---
    def set_matrix(self, pas: list[PAChecks], courses: list[CourseRecord], cells: dict, required: set[tuple[int, int]]) -> None:
        """`required` holds (PA id, course id) for every course each PA needs."""
        needed = {course_id for _, course_id in required}
        # Stable sort: needed courses first, each group in the catalogue's order.
        self._all = (list(pas), sorted(courses, key=lambda c: c.id not in needed))
        self._cells, self._required = dict(cells), set(required)
        self._apply_filters()

    def set_filters(self, *, problems_only: bool | None = None, required_only: bool | None = None) -> None:
        if problems_only is not None:
            self.problems_only = problems_only
        if required_only is not None:
            self.required_only = required_only
        self._apply_filters()

    def _apply_filters(self) -> None:
        pas, courses = self._all
        if self.required_only:
            needed = {course_id for _, course_id in self._required}
            courses = [c for c in courses if c.id in needed]
        if self.problems_only:
            bad = {pa_course for pa_course, cell in self._cells.items() if cell.state in PROBLEMS}
            pas = [pa for pa in pas if any((pa.key, c.course.key) in bad for c in courses)]
            courses = [c for c in courses if any((pa.key, c.course.key) in bad for pa in pas)]
        self.beginResetModel()
        self._pas, self._courses = pas, courses
        self.endResetModel()

    def all_pas(self) -> list[PAChecks]:
        """Every current PA, whatever the filters hide."""
        return list(self._all[0])

    def pa_at(self, row: int) -> PAChecks:
        return self._pas[row]

    def course_at(self, column: int) -> CourseRecord | None:
        return self._courses[column - 1] if column > self.COL_NAME else None

    def cell(self, row: int, column: int) -> MatrixCell | None:
        course = self.course_at(column)
        return None if course is None else self._cells.get((self._pas[row].key, course.course.key))

    def row_of(self, pa_id: int) -> int | None:
        return next((i for i, pa in enumerate(self._pas) if pa.key == pa_id), None)

    def column_of(self, course_id: int) -> int | None:
        return next((i + 1 for i, c in enumerate(self._courses) if c.id == course_id), None)

    def has_hidden(self) -> bool:
        return (len(self._pas), len(self._courses)) != tuple(map(len, self._all))

    # --- Qt model ---
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._pas)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or not self._pas else len(self._courses) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        name = "PA" if section == self.COL_NAME else self._courses[section - 1].name
        if role == Qt.ItemDataRole.DisplayRole:
            return _wrapped(name) if section else name
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return name
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        pa, column = self._pas[index.row()], index.column()
        if role == PA_ROLE:
            return pa.key
        if column == self.COL_NAME:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return pa.name
            if role == SORT_ROLE:
                return pa.name.lower()
            return None
        course = self._courses[column - 1]
        cell = self._cells.get((pa.key, course.course.key), MatrixCell(rules.NOT_REQUIRED))
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_word(cell)
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(_STATUS[cell.state]) if cell.state in _STATUS else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._detail(pa, course, cell)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{pa.name}, {course.name}: {cell_word(cell)}. {self._detail(pa, course, cell)}."
        if role == SORT_ROLE:
            return (_RANK[cell.state], (cell.due or cell.completed_on or date.max).toordinal())
        if role == COURSE_ROLE:
            return course
        if role == CELL_ROLE:
            return cell
        return None

    def _detail(self, pa: PAChecks, course: CourseRecord, cell: MatrixCell) -> str:
        needed = "needed" if (pa.key, course.id) in self._required else "not needed"
        return f"{cell_detail(cell)} ({needed} for {pa.name})" if cell.completed_on else cell_detail(cell)


def _wrapped(name: str) -> str:
    """A course name on up to three short lines, so the columns stay narrow."""
    width = 13
    while len(lines := textwrap.wrap(name, width)) > 3:
        width += 2
    return "\n".join(lines)
