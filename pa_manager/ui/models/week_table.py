"""The timesheet week: a row per PA, a column per day, then the week's total and its cost.

The total is the hours paid by the hour, with sleep-in nights paid by the allowance counted apart,
and the cost is the payslip's pay for that work (services.hours, domain.work_pay).

Every cell says what it shows in words ("Planned 08:00–12:00"), never by style alone, and has an
accessible text that makes sense without the headers, for a screen reader moving cell by cell.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from pa_manager.domain.money import format_money
from pa_manager.domain.shifts import SHORT_VISIT_MINUTES, Shift, ShiftType, length_minutes, paid_minutes, to_london
from pa_manager.messages import format_date
from pa_manager.services.hours import WeekRow, WeekView
from pa_manager.wording import amount_in_words, spoken_hours

CELL_ROLE = Qt.ItemDataRole.UserRole  # (pa_id, date), or (pa_id, None) for the total and cost

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SHIFT_TYPE_NAMES = {
    ShiftType.STANDARD: "Standard",
    ShiftType.WAKING_NIGHT: "Waking night",
    ShiftType.SLEEP_IN: "Sleep-in",
    ShiftType.TRAVEL: "Travel between visits",
    ShiftType.TRAINING: "Training",
    ShiftType.SHADOWING: "Shadowing or induction",
    ShiftType.HOLIDAY: "Holiday",
    ShiftType.SICKNESS: "Sickness",
}
NO_RATE = "Cost not known: add a rate"
NBSP = "\u00a0"  # keeps "7 h 30 min" together when a narrow cell wraps its text


def hours_text(minutes: int) -> str:
    """'7 h 30 min', the short form the timesheet grid uses (product.md)."""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    return f"{rest} min" if rest else f"{hours} h"


def nights_text(nights: int) -> str:
    """'2 sleep-in nights': nights paid by the sleep-in allowance, counted apart from hours."""
    return f"{nights} sleep-in night" + ("" if nights == 1 else "s")


def times_of(shift: Shift) -> tuple[str, str]:
    """Start and end as London wall-clock 'HH:MM' (an end before the start is the next day)."""
    return f"{to_london(shift.start):%H:%M}", f"{to_london(shift.end):%H:%M}"


def day_name(day: date) -> str:
    """'Monday 16 November' (no year: the week label gives it)."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {format_date(day).rsplit(' ', 1)[0]}"


def _kept_together(text: str) -> str:
    return text.replace(" ", NBSP)


def is_short(shift: Shift) -> bool:
    """Under the 30 minutes the Citizens UK care charter asks a visit to last."""
    return 0 < length_minutes(shift) < SHORT_VISIT_MINUTES


def worked_line(shift: Shift) -> str:
    """'08:00–12:00 (4 h)'; other types than standard are named: '22:00–08:00 (10 h, sleep-in)'."""
    start, end = times_of(shift)
    kind = "" if shift.shift_type is ShiftType.STANDARD else f", {SHIFT_TYPE_NAMES[shift.shift_type].lower()}"
    short = ", short visit" if is_short(shift) else ""
    return f"{start}–{end} ({_kept_together(hours_text(paid_minutes(shift)))}{kind}{short})"


def planned_line(shift: Shift) -> str:
    start, end = times_of(shift)
    kind = "" if shift.shift_type is ShiftType.STANDARD else f" ({SHIFT_TYPE_NAMES[shift.shift_type].lower()})"
    return f"Planned {start}–{end}{kind}"


def _spoken(shift: Shift, planned: bool) -> str:
    start, end = times_of(shift)
    kind = "" if shift.shift_type is ShiftType.STANDARD else f" ({SHIFT_TYPE_NAMES[shift.shift_type].lower()})"
    words = f"{'planned' if planned else 'worked'} {start} to {end}{kind}, {spoken_hours(paid_minutes(shift))}"
    if is_short(shift):
        words += ", a short visit of under 30 minutes"
    return words + (", not yet marked as worked" if planned else "")


class WeekTableModel(QAbstractTableModel):
    # Asked while being torn down, its attributes cleared: no week and no rows (rows_table.py says why).
    _view = None
    _rows: tuple = ()
    COL_TOTAL, COL_COST = 7, 8

    def __init__(self, parent=None):
        super().__init__(parent)
        self._view: WeekView | None = None
        self._rows: tuple[WeekRow, ...] = ()
        # Each cell's words, made once per week shown: Qt asks for them many times over (sizing the
        # rows to their wrapped text asks for every cell), and making them reads the London clock.
        self._words: dict[tuple[int, int, int], str] = {}

    def set_week(self, view: WeekView) -> None:
        self.beginResetModel()
        self._view, self._rows = view, view.rows
        self._words = {}
        self.endResetModel()

    # --- finding things ---
    def pa_id(self, row: int) -> int:
        return self._rows[row].pa.id

    def row_of(self, pa_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.pa.id == pa_id), None)

    def day_of(self, column: int) -> date | None:
        return self._view.days[column] if self._view is not None and 0 <= column < 7 else None

    def worked_at(self, index: QModelIndex) -> list[Shift]:
        day = self.day_of(index.column())
        return list(self._rows[index.row()].worked.get(day, [])) if index.isValid() and day else []

    def planned_at(self, index: QModelIndex) -> list[Shift]:
        day = self.day_of(index.column())
        return list(self._rows[index.row()].planned.get(day, [])) if index.isValid() and day else []

    # --- the Qt model ---
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 9

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole) and section < len(self._rows):
                return self._rows[section].pa.name
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if section == self.COL_TOTAL:
            return "Week total"
        if section == self.COL_COST:
            return "Cost"
        day = self.day_of(section)
        if day is None:
            return None
        holiday = self._view.bank_holidays.get(day)
        if role == Qt.ItemDataRole.DisplayRole:
            short = f"{WEEKDAY_NAMES[day.weekday()][:3]} {day.day} {format_date(day).split(' ')[1][:3]}"
            return f"{short}\n(bank holiday)" if holiday else short  # two lines keep the column narrow
        return f"{day_name(day)} ({holiday}, a bank holiday)" if holiday else day_name(day)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._words_of(index, 0, self._text)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self._words_of(index, 1, self._spoken_cell)
        if role == CELL_ROLE:
            return (row.pa.id, self.day_of(column))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (self.COL_TOTAL, self.COL_COST):  # figures are right-aligned
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def _words_of(self, index: QModelIndex, kind: int, make) -> str:
        key = (index.row(), index.column(), kind)
        words = self._words.get(key)
        if words is None:
            words = self._words[key] = make(self._rows[index.row()], index.column())
        return words

    def _text(self, row: WeekRow, column: int) -> str:
        totals = row.worked_totals
        if column == self.COL_TOTAL:
            # Hours paid by the hour; sleep-in nights paid by the allowance on a line of their own.
            text = _kept_together(hours_text(totals.total_minutes))
            text += f"\n{nights_text(totals.sleep_in_nights)}" if totals.sleep_in_nights else ""
            return text + (f"\nPlanned {_kept_together(hours_text(row.planned_minutes))}" if row.planned_minutes else "")
        if column == self.COL_COST:
            return NO_RATE if totals.missing_rate else format_money(totals.cost)
        day = self.day_of(column)
        lines = [worked_line(s) for s in row.worked.get(day, [])]
        lines += [planned_line(s) for s in row.planned.get(day, [])]
        return "\n".join(lines)

    def _spoken_cell(self, row: WeekRow, column: int) -> str:
        name, totals = row.pa.name, row.worked_totals
        if column == self.COL_TOTAL:
            words = f"{name}, week total: {spoken_hours(totals.total_minutes)} worked"
            if totals.sleep_in_nights:
                words += f" and {nights_text(totals.sleep_in_nights)}"
            if row.planned_minutes:
                words += f", {spoken_hours(row.planned_minutes)} planned and not yet marked as worked"
            return words
        if column == self.COL_COST:
            if totals.missing_rate:
                return f"{name}, cost this week not known: add their hourly rate on the People page"
            return f"{name}, cost this week: {amount_in_words(totals.cost)}"
        day = self.day_of(column)
        holiday = self._view.bank_holidays.get(day)
        when = f"{day_name(day)} ({holiday}, a bank holiday)" if holiday else day_name(day)
        parts = [_spoken(s, False) for s in row.worked.get(day, [])]
        parts += [_spoken(s, True) for s in row.planned.get(day, [])]
        return f"{name}, {when}: " + ("; ".join(parts) if parts else "no shifts")
