"""Hours: the week's timesheet, one row per PA and a column per day, worked from the keyboard.

Arrow keys move between days, Enter or F2 opens that day's shifts, Delete removes the one shift
there. Every action also has a button. Totals, planned against worked, and continuity of care are
below the grid in words.
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_FLOOR

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from pa_manager.domain.money import ZERO, format_money
from pa_manager.domain.shifts import ShiftType, local_date
from pa_manager.messages import date_range, describe, format_date, short_date, short_range
from pa_manager.services import hours, pay_runs, rota, shifts
from pa_manager.services.errors import ValidationFailed
from pa_manager.ui.context import AppContext
from pa_manager.ui.refresh import Refresher
from pa_manager.ui.dialogs.rota_dialog import RotaDialog
from pa_manager.ui.dialogs.shift_dialog import (
    ShiftDialog, cancel_planned, cancel_question, confirm, full_day, removal_question, remove_shift,
)
from pa_manager.ui.dialogs.timesheet_dialogs import TimesheetExportDialog, TimesheetImportDialog
from pa_manager.ui.models.week_table import CELL_ROLE, SHIFT_TYPE_NAMES, WeekTableModel, hours_text, nights_text
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.period_bar import Band, PeriodBar
from pa_manager.ui.widgets.status_list import StatusList

GRID_HELP = ("Use the arrow keys to move between days. Press Enter to add or change that day's shifts, "
             "or Delete to remove the shift there.")


def _shifts(count: int) -> str:
    return f"{count} shift" + ("" if count == 1 else "s")



# The tables whose records this page shows: a change to any of them redraws it (ui/refresh.py).
SHOWS = frozenset({"shifts", "rota_patterns", "rota_changes", "pas", "pay_rates", "pay_runs", "employers"})


class WeekGrid(QTableView):
    """The timesheet grid: Enter or F2 asks to edit the day, Delete asks to remove its shift."""

    edit_requested = Signal(QModelIndex)
    delete_requested = Signal(QModelIndex)

    def keyPressEvent(self, event) -> None:
        index = self.currentIndex()
        if index.isValid() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.edit_requested.emit(index)
            return
        if index.isValid() and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit(index)
            return
        super().keyPressEvent(event)


class HoursPage(QWidget):
    title = "Hours"

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.monday = hours.monday_of(context.today())
        self.model = WeekTableModel(self)

        self.previous_button = QPushButton("&Previous week")
        self.this_week_button = QPushButton("&This week")
        self.next_button = QPushButton("&Next week")
        self.week_label = heading(scale=1.2)
        nav = QHBoxLayout()
        for button in (self.previous_button, self.this_week_button, self.next_button):
            nav.addWidget(button)
        nav.addSpacing(12)
        nav.addWidget(self.week_label, stretch=1)

        self.grid = WeekGrid()
        self.grid.setModel(self.model)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setTabKeyNavigation(False)  # Tab leaves the grid; arrows move inside it
        self.grid.setWordWrap(True)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Days share the width, but never so narrow that a time is cut: the grid scrolls sideways instead.
        header.setMinimumSectionSize(self.grid.fontMetrics().horizontalAdvance("08:00–14:00") + 16)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        for column in (WeekTableModel.COL_TOTAL, WeekTableModel.COL_COST):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        grid_label = QLabel("Time&sheet:")
        grid_label.setBuddy(self.grid)
        grid_help = paragraph(GRID_HELP)
        self.grid.setAccessibleDescription(GRID_HELP)

        self.add_button = QPushButton("&Add shift…")
        self.edit_button = QPushButton("Edit shifts for this &day…")
        self.copy_button = QPushButton("&Copy last week")
        self.copy_button.setToolTip("Copy the shifts worked in the week before into this week")
        self.mark_button = QPushButton("&Mark planned shifts as worked")
        self.mark_button.setToolTip("Record this week's planned shifts as worked, as planned")
        day_row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.copy_button, self.mark_button):
            day_row.addWidget(button)
        day_row.addStretch()
        self.rota_button = QPushButton("&Rota…")
        self.import_button = QPushButton("&Import timesheet…")
        self.export_button = QPushButton("E&xport timesheet…")
        file_row = QHBoxLayout()
        for button in (self.rota_button, self.import_button, self.export_button):
            file_row.addWidget(button)
        file_row.addStretch()

        self.totals = StatusList("Totals for the week")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Hours"))
        layout.addLayout(nav)
        layout.addWidget(grid_label)
        layout.addWidget(grid_help)
        self.period_bar = PeriodBar(self.grid)  # the pay periods drawn over the days they cover
        layout.addWidget(self.period_bar)
        layout.addSpacing(-layout.spacing() + 2)  # the bands sit right on the grid's day columns
        layout.addWidget(self.grid)
        # Where the week meets the pay periods (weekly pay runs Saturday to Friday, say), in words.
        self.pay_periods = paragraph()
        self.pay_periods.setAccessibleName("Pay periods this week")
        layout.addWidget(self.pay_periods)
        layout.addLayout(day_row)
        layout.addLayout(file_row)
        layout.addWidget(heading("Totals for the week", scale=1.2))
        layout.addWidget(self.totals, stretch=1)

        self.previous_button.clicked.connect(lambda: self.show_week(self.monday - timedelta(days=7)))
        self.this_week_button.clicked.connect(lambda: self.show_week(hours.monday_of(self.context.today())))
        self.next_button.clicked.connect(lambda: self.show_week(self.monday + timedelta(days=7)))
        self.grid.edit_requested.connect(self._on_grid_edit_requested)
        self.grid.doubleClicked.connect(self._on_grid_edit_requested)
        self.grid.delete_requested.connect(self._on_grid_delete_requested)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.edit_button.clicked.connect(lambda: self._on_grid_edit_requested(self.grid.currentIndex()))
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.mark_button.clicked.connect(self._on_mark_button_clicked)
        self.rota_button.clicked.connect(self._on_rota_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.refresher = Refresher(self, context, SHOWS, self.refresh)
        self.refresh()

    # --- what is shown ---
    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    def show_week(self, monday: date) -> None:
        self.monday = monday
        self.refresh()

    def refresh(self) -> None:
        with self.context.db.session():  # one transaction for the week, its totals and its pay periods
            self._refresh()

    def _refresh(self) -> None:
        employer_id = self.context.employer_id
        self.setEnabled(employer_id is not None)
        keep = self.grid.currentIndex()
        keep = (self.model.pa_id(keep.row()), keep.column()) if keep.isValid() else None
        view = (hours.week_view(self.context.db, employer_id, self.monday) if employer_id is not None
                else hours.WeekView(self.monday, (), {}))
        self.model.set_week(view)
        current = self.monday == hours.monday_of(self.context.today())
        self.week_label.setText(f"Week starting {full_day(self.monday)}" + (" (this week)" if current else ""))
        self.grid.setAccessibleName(f"Timesheet for the week starting {full_day(self.monday)}")
        self.grid.resizeRowsToContents()
        self._fit_grid()
        self._restore_cell(keep)
        self.totals.set_lines(self._total_lines(view) if employer_id is not None else [])
        self._show_pay_periods()
        # The list sizes itself before the page knows its width, and wrapped lines need more room:
        # let it take the space under the grid instead, so it only scrolls when the window is small.
        self.totals.setMaximumHeight(16777215)

    def _show_pay_periods(self) -> None:
        """In words under the grid, and drawn over it as a band per pay period."""
        if self.context.employer_id is None:
            self.pay_periods.setText("")
            self.period_bar.set_bands([], "")
            return
        parts, bands = [], []
        for run in pay_runs.periods_of(self.context.db, self.context.employer_id, self.monday, self.sunday):
            days = full_day(run.first) if run.first == run.last else f"{full_day(run.first)} to {full_day(run.last)}"
            paid = (f"paid on {format_date(run.paid_on)}" if run.paid_on else "not paid yet")
            parts.append(f"{days}: pay period {date_range(run.period_start, run.period_end)}, {paid}.")
            short = f"paid {short_date(run.paid_on)}" if run.paid_on else "not paid yet"
            when = short_range(run.period_start, run.period_end)
            bands.append(Band((run.first - self.monday).days, (run.last - self.monday).days,
                              f"Pay period {when}: {short}", f"{when}: {short.replace(' yet', '')}"))
        words = "Pay periods: " + " ".join(parts)
        self.pay_periods.setText(words)
        self.period_bar.set_bands(bands, words)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_grid()  # narrower columns wrap into taller rows

    def _fit_grid(self) -> None:
        """As tall as its rows (so the totals sit right under it), but never under five rows' worth."""
        rows = sum(self.grid.rowHeight(r) for r in range(self.model.rowCount()))
        header = self.grid.horizontalHeader().sizeHint().height()
        line = self.grid.fontMetrics().lineSpacing()
        self.grid.setMinimumHeight(header + line * 5)
        self.grid.setMaximumHeight(max(header + rows + 2 * self.grid.frameWidth() + line, header + line * 5))

    def _restore_cell(self, keep: tuple[int, int] | None) -> None:
        if not self.model.rowCount():
            return
        row = self.model.row_of(keep[0]) if keep else None
        if row is None:
            today = self.context.today()
            row, column = 0, (today - self.monday).days if self.monday <= today <= self.sunday else 0
        else:
            column = keep[1]
        self.grid.setCurrentIndex(self.model.index(row, column))

    def _total_lines(self, view: hours.WeekView) -> list[tuple[str, str]]:
        lines: list[tuple[str, str]] = []
        everyone, nights, cost, cost_missing = 0, 0, ZERO, False
        for row in view.rows:
            totals, name = row.worked_totals, row.pa.name
            if totals.has_work:
                worked = self._worked_words(totals)
                if totals.missing_rate:
                    lines.append(("missing", f"{name}: {worked}. "
                                             "Cost not known: add their hourly rate on the People page."))
                else:
                    lines.append(("info", f"{name}: {worked}, {format_money(totals.cost)}"))
                everyone, nights = everyone + totals.total_minutes, nights + totals.sleep_in_nights
                cost = cost + totals.cost
                cost_missing = cost_missing or totals.missing_rate
            if row.on_rota_minutes or row.planned_minutes:
                lines.append(self._plan_line(name, totals.shift_minutes, row.on_rota_minutes, row.planned_minutes))
        if everyone or nights:
            unknown = " (not counting shifts with no rate)" if cost_missing else ""
            worked = " and ".join(part for part in (hours_text(everyone) if everyone else "",
                                                    nights_text(nights) if nights else "") if part)
            lines.append(("info", f"Everyone: {worked} this week, {format_money(cost)}{unknown}"))
        if not lines:
            lines.append(("info", "No shifts are recorded or planned for this week. Press Add shift to record one, "
                                  "or Copy last week."))
        lines.append(self._continuity_line())
        return lines

    @staticmethod
    def _worked_words(totals: hours.PATotals) -> str:
        """'7 h this week (standard 6 h, sleep-in 1 h) and 2 sleep-in nights': hours are those paid by
        the hour; a sleep-in night paid by the allowance is counted apart, as on the payslip."""
        nights = nights_text(totals.sleep_in_nights)
        if not totals.total_minutes:
            return f"{nights} this week"
        kinds = ", ".join(f"{SHIFT_TYPE_NAMES[kind].lower()} {hours_text(totals.minutes_by_type[kind])}"
                          for kind in ShiftType if totals.minutes_by_type.get(kind))
        return f"{hours_text(totals.total_minutes)} this week ({kinds})" + (
            f" and {nights}" if totals.sleep_in_nights else "")

    @staticmethod
    def _plan_line(name: str, worked: int, planned: int, still_planned: int) -> tuple[str, str]:
        """Planned against worked, for one PA, in words that start with their status."""
        if still_planned:
            return ("info", f"Not yet marked as worked: {hours_text(still_planned)} of {name}'s {hours_text(planned)} "
                            f"on the rota. Mark it as worked once it has happened, or change it on the day.")
        if worked == planned:
            return ("ok", f"Done: {name} worked the {hours_text(planned)} the rota planned.")
        more_or_less = "more" if worked > planned else "less"
        return ("info", f"Different from the rota: {name} worked {hours_text(worked)} against {hours_text(planned)} "
                        f"planned ({hours_text(abs(worked - planned))} {more_or_less}).")

    def _continuity_line(self) -> tuple[str, str]:
        found = hours.continuity_of_care(self.context.db, self.context.employer_id, self.monday, self.sunday)
        if found.share is None:
            return ("info", "Continuity of care: no care hours are recorded as worked this week yet.")
        # Rounded down, so a week just under the target never shows as meeting it.
        share = int((found.share * 100).to_integral_value(ROUND_FLOOR))
        target = int(found.target * 100)
        sentence = (f"{share}% of care hours were worked by your regular PAs "
                    f"(the Citizens UK charter asks for {target}%).")
        if found.meets_target:
            return ("ok", f"Meets the charter: {sentence}")
        return ("warning", f"Below the charter: {sentence} Where you can, book your regular PAs rather than "
                           "agency or occasional staff.")

    # --- finding the day you are on ---
    def _pa_and_day(self, index: QModelIndex) -> tuple[int, date | None] | None:
        return index.data(CELL_ROLE) if index.isValid() else None

    def open_day(self, pa_id: int, day: date) -> None:
        ShiftDialog(self.context, pa_id, day, self).exec()

    def _say(self, text: str) -> None:
        self.context.status_message.emit(text)

    def _confirm(self, title: str, text: str, action: str) -> bool:
        return confirm(self, title, text, action)

    # --- slots ---
    def _on_grid_edit_requested(self, index: QModelIndex) -> None:
        cell = self._pa_and_day(index)
        if cell is None:
            self._say("Move to a PA's row first, then press Enter.")
        elif cell[1] is None:
            self._say("Move to one of the days, then press Enter to add or change its shifts.")
        else:
            self.open_day(*cell)

    def _on_add_button_clicked(self) -> None:
        cell = self._pa_and_day(self.grid.currentIndex())
        if cell is None:
            pas = self.model.rowCount()
            if not pas:
                self._say("Add a PA on the People page first, then record their shifts here.")
                return
            cell = (self.model.pa_id(0), None)
        today = self.context.today()
        fallback = today if self.monday <= today <= self.sunday else self.monday
        self.open_day(cell[0], cell[1] or fallback)

    def _on_grid_delete_requested(self, index: QModelIndex) -> None:
        worked, planned = self.model.worked_at(index), self.model.planned_at(index)
        name = self.model.headerData(index.row(), Qt.Orientation.Vertical)
        if self.model.day_of(index.column()) is None:
            self._say("Move to one of the days, then press Delete to remove the shift there.")
        elif len(worked) == 1:
            if self._confirm("Remove this shift?", removal_question(name, worked[0]), "Remove shift"):
                remove_shift(self.context, worked[0])
        elif not worked and len(planned) == 1:
            if self._confirm("Cancel this planned shift?", cancel_question(name, planned[0]), "Cancel shift"):
                cancel_planned(self.context, planned[0])
        elif not worked and not planned:
            self._say("There is no shift on this day to remove.")
        else:
            self._say(f"This day has {_shifts(len(worked) + len(planned))}. Press Enter to choose which one "
                      "to change or remove.")

    def _on_copy_button_clicked(self) -> None:
        db, employer_id = self.context.db, self.context.employer_id
        before = self.monday - timedelta(days=7)
        source = shifts.shifts_between(db, employer_id, before, before + timedelta(days=6))
        if not source:
            self._say(f"No shifts were worked in the week starting {full_day(before)}, so there is nothing to copy.")
            return
        copied = hours.copy_week(db, employer_id, before, self.monday)
        added = copied.value
        left_out = len(source) - len(added)
        words = f"Copied {_shifts(len(added))} from the week starting {full_day(before)}."
        if left_out:
            words += (f" {_shifts(left_out)} left out, because they would overlap shifts already there "
                      "or the PA was not working for you then.")
        if added:
            self.context.push(copied.change)
            words += " You can undo this."
        self._say(words)

    def _on_mark_button_clicked(self) -> None:
        db, employer_id = self.context.db, self.context.employer_id
        planned = rota.planned_shifts(db, employer_id, self.monday, self.sunday)
        if not planned:
            self._say("There are no planned shifts left to mark as worked this week.")
            return
        try:
            marked = rota.mark_worked(db, employer_id, planned)
        except ValidationFailed as failure:
            first = describe(next(iter(failure.problems.values())))
            self._say(f"No shifts were marked as worked, because one would not fit: {first} "
                      "Change that day's shifts, then try again.")
            return
        self.context.push(marked.change)
        words = f"Marked {_shifts(len(marked.value))} as worked. You can undo this."
        later = sum(1 for s in planned if local_date(s) > self.context.today())
        if later:
            words += f" {later} of them are after today: change or remove any that do not happen."
        self._say(words)

    def _on_rota_button_clicked(self) -> None:
        RotaDialog(self.context, self).exec()

    def _on_import_button_clicked(self) -> None:
        dialog = TimesheetImportDialog(self.context, self)
        if not dialog.exec() or dialog.result is None:
            return
        result = dialog.result
        if result.change is not None:
            self.context.push(result.change)
        already = f"; {result.already_there} {'was' if result.already_there == 1 else 'were'} already there" \
            if result.already_there else ""
        self._say(f"Added {_shifts(result.added)}{already}. You can undo this.")

    def _on_export_button_clicked(self) -> None:
        TimesheetExportDialog(self.context, self.monday, self.sunday, self).exec()
