"""Parts of the Budget page: small table and text helpers, status lines, and the what-if panel."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout,
    QWidget,
)

from pa_manager.domain.money import format_money
from pa_manager.domain.uprating import Scenario, nlw_plus, real_living_wage_target
from pa_manager.services import budget, employers, people
from pa_manager.ui.context import AppContext
from pa_manager.ui.models.rows_table import SORT_ROLE
from pa_manager.ui.models.spoken import SpokenTableModel
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.widgets.inputs import DecimalEdit, InputError
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.status import status_icon
from pa_manager.ui.widgets.status_list import STATUS_BY_CODE
from pa_manager.wording import per_hour


def item(text: str, sort=None, right: bool = False) -> QStandardItem:
    cell = QStandardItem(text)
    cell.setData(text if sort is None else sort, SORT_ROLE)
    if right:
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return cell


def money_item(amount: Decimal | None) -> QStandardItem:
    return item("" if amount is None else format_money(amount), float(amount or 0), right=True)


def fit_rows(view: QTableView) -> None:
    """As tall as its rows, for short tables inside the page's scroll: no empty space, no second scroll bar."""
    rows = view.model().rowCount()
    height = view.horizontalHeader().sizeHint().height() + sum(view.rowHeight(r) for r in range(rows))
    view.setFixedHeight(height + 2 * view.frameWidth() + 4)


def table(name: str, headers, *, sortable: bool = False, stretch: int = -1, view: QTableView | None = None,
          header_columns: tuple[int, ...] = (0,)) -> tuple[QTableView, QStandardItemModel]:
    """A read-only table of rows; `stretch` is the column of words that takes the room left over; each row
    is headed, for a screen reader, by the text of `header_columns`."""
    model = QStandardItemModel(0, len(headers))
    model.setHorizontalHeaderLabels(list(headers))
    view = view or QTableView()
    view.setAccessibleName(name)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    proxy = SpokenTableModel(view, header_columns=header_columns)
    proxy.setSourceModel(model)
    view.setModel(proxy)
    view.setSortingEnabled(sortable)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    model.setParent(view)
    return view, model


def group(title: str, *widgets) -> tuple[QGroupBox, QVBoxLayout]:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    return box, layout


class StatusLines(QWidget):
    """Status sentences, each after its icon; labels wrap to any width, so nothing is cut off."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.texts: list[str] = []

    def set_lines(self, lines: list[tuple[str, str]]) -> None:
        while self._layout.count():
            self._layout.takeAt(0).widget().deleteLater()
        self.texts = [text for _, text in lines]
        for code, text in lines:
            row = QWidget()
            box = QHBoxLayout(row)
            box.setContentsMargins(0, 2, 0, 2)
            icon = QLabel()
            icon.setPixmap(status_icon(STATUS_BY_CODE.get(code, STATUS_BY_CODE["info"])).pixmap(20, 20))
            words = paragraph(text)
            words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.addWidget(icon, alignment=Qt.AlignmentFlag.AlignTop)
            box.addWidget(words, stretch=1)
            self._layout.addWidget(row)


WHAT_IF_HEADERS = ("PA", "Hours in the year", "Cost now", "Cost with the change", "Difference")
# (key, words); the size field's meaning and its starting value follow the choice.
WHAT_IFS = (("rlw", "Everyone to the Real Living Wage"), ("nlw_plus", "Everyone to the National Living Wage plus £…"),
            ("rate", "Everyone's rate up by …%"), ("hours", "Hours up or down by …%"))
WHAT_IF_SIZE = {"rlw": ("Not needed for this choice", ""),
                "nlw_plus": ("£ an hour above the National Living Wage", "1.00"),
                "rate": ("% more for everyone", "5"), "hours": ("% more hours (a minus sign for fewer)", "10")}


class WhatIfPanel(QGroupBox):
    """Try a change to every PA's pay or hours; the year's cost against the direct payment shows at once."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__("What if…", parent)
        self.context = context
        self.label: str | None = None
        self._baseline = None  # the year's costs with no change, per PA: worked out once per year shown
        self.box = QComboBox()
        for key, words in WHAT_IFS:
            self.box.addItem(words, key)
        self.size = DecimalEdit()
        self.size.setMaximumWidth(self.size.fontMetrics().horizontalAdvance("-100.00") * 2)
        self.unit = QLabel()
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.size)
        row.addWidget(self.unit, stretch=1)
        form = QFormLayout()
        add_row(form, "&What to try:", self.box)
        self.size_row = add_row(form, "&Size of the change:", holder)
        self.size.setAccessibleName("Size of the change")
        self.result = paragraph()
        self.table, self.model = table("The year's cost for each PA", WHAT_IF_HEADERS, stretch=0)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph("Try a change to every PA's pay or hours and see the year's cost against the "
                                 "direct payment. Nothing is saved."))
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(self.table)
        self.box.currentIndexChanged.connect(self._on_box_changed)
        self.size.textChanged.connect(self.run)
        self._on_box_changed()

    def show_year(self, label: str | None) -> None:
        """None when there is no year, or its costs cannot be worked out."""
        self.label = label
        self._baseline = None if label is None else budget.try_what_if(
            self.context.db, self.context.employer_id, label, Scenario())
        self.box.setEnabled(label is not None)
        self._on_box_changed()

    def _on_box_changed(self, *_) -> None:
        unit, start = WHAT_IF_SIZE[self.box.currentData()]
        self.unit.setText(unit)
        self.size.setEnabled(self.box.currentData() != "rlw" and self.label is not None)
        self.size.blockSignals(True)
        self.size.setText(start)
        self.size.blockSignals(False)
        self.run()

    def _scenario(self) -> tuple[Scenario, str] | None:
        """The scenario chosen and what it means in words, or None after saying what is wrong."""
        key = self.box.currentData()
        year = budget.get_year(self.context.db, self.context.employer_id, self.label)
        if key == "rlw":
            on = min(max(self.context.today(), year.starts_on), year.ends_on)
            london = employers.get_employer(self.context.db, self.context.employer_id).london
            found = real_living_wage_target(on, london=london)
            if found is None:
                return None
            return Scenario(rate_at_least=found[0]), f"everyone paid at least {per_hour(found[0])}"
        try:
            size = self.size.value()
        except InputError as error:
            self.size_row.show_error(str(error))
            return None
        if size is None:
            self.size_row.show_error("Enter how big a change to try.")
            return None
        if key == "nlw_plus":
            rate = nlw_plus(year.starts_on, size)[0]  # the NLW in force for the whole council year
            return Scenario(rate_at_least=rate), f"everyone paid at least {per_hour(rate)}"
        if size <= -100:
            self.size_row.show_error("Enter a change above -100%.")
            return None
        if key == "rate":
            return Scenario(rate_change=size / 100), f"everyone's rate up by {size.normalize():f}%"
        way = "up" if size >= 0 else "down"
        return Scenario(hours_change=size / 100), f"everyone's hours {way} by {abs(size).normalize():f}%"

    def run(self) -> None:
        self.size_row.show_error(None)
        self.model.removeRows(0, self.model.rowCount())
        self.result.setText("")
        chosen = None if self.label is None or self._baseline is None else self._scenario()
        if chosen is None:
            return
        scenario, words = chosen
        result = budget.try_what_if(self.context.db, self.context.employer_id, self.label, scenario)
        difference = result.difference
        against = (f"{format_money(-difference)} more than the council pays" if difference < 0 else
                   f"{format_money(difference)} less than the council pays" if difference > 0 else
                   "exactly what the council pays")
        text = (f"With {words}, the year's cost would be {format_money(result.total_cost)} against a direct payment "
                f"of {format_money(result.budget)}: {against}. That is {format_money(abs(result.change))} "
                f"{'more' if result.change >= 0 else 'less'} than the {format_money(result.baseline_cost)} it costs now.")
        if result.costing.employment_allowance:
            text += (f" The PAs' costs below are before the Employment Allowance, which takes "
                     f"{format_money(result.costing.employment_allowance)} off the year's employer's National Insurance.")
        self.result.setText(text)
        names = {pa.id: pa.name for pa in people.list_pas(self.context.db, self.context.employer_id)}
        before = {p.pa_key: p.total for p in self._baseline.per_pa}
        for pa in sorted(result.per_pa, key=lambda p: names.get(p.pa_key, "")):
            now = before.get(pa.pa_key, Decimal(0))
            self.model.appendRow([item(names.get(pa.pa_key, "A PA no longer on record")),
                                  item(f"{pa.hours.normalize():f}", right=True),
                                  money_item(now), money_item(pa.total), money_item(pa.total - now)])
        fit_rows(self.table)
