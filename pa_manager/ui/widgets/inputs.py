"""Small input widgets that read and write domain values (dates, money, hours) as text a person types."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from pa_manager.domain.money import AmountError, read_amount
from pa_manager.messages import format_date

DATE_HINT = "For example 3/4/2026 or 2026-04-03"


class InputError(ValueError):
    """Text that is not the kind of value the field wants; str() is the sentence to show."""


class DateEdit(QLineEdit):
    """A date that may be left blank. Accepts 3/4/2026, 03/04/2026 and 2026-04-03."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText("DD/MM/YYYY")

    def value(self) -> date | None:
        text = self.text().strip()
        if not text:
            return None
        try:
            if "-" in text:
                return date.fromisoformat(text)
            day, month, year = (int(part) for part in text.replace(".", "/").split("/"))
            return date(year, month, day)
        except ValueError:
            raise InputError(f"Enter a real date, like 3/4/2026. '{text}' is not one.") from None

    def set_value(self, value: date | None) -> None:
        self.setText("" if value is None else f"{value.day}/{value.month}/{value.year}")
        self.setToolTip("" if value is None else format_date(value))


class DecimalEdit(QLineEdit):
    """A number such as hours or pounds (without the £). Right-aligned, as figures are."""

    def __init__(self, parent=None, *, money: bool = False):
        super().__init__(parent)
        self._money = money
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText("0.00" if money else "")

    def value(self) -> Decimal | None:
        text = self.text().strip()
        if not text:
            return None
        try:
            return read_amount(text)
        except AmountError:
            what = "an amount in pounds, like 12.71" if self._money else "a number, like 37.5"
            raise InputError(f"Enter {what}. '{text}' is not one.") from None

    def set_value(self, value: Decimal | None) -> None:
        self.setText("" if value is None else (f"{value:.2f}" if self._money else f"{value.normalize():f}"))


class DeliberateComboBox(QComboBox):
    """A choice that changes only when chosen on purpose: arrow keys and the mouse wheel do nothing
    while the list is closed (they would switch it at once); Space, F4 or Alt+Down open the list, and
    Enter chooses. For choices that switch a lot at once, like whose records are open."""

    _MOVES = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp,
              Qt.Key.Key_PageDown, Qt.Key.Key_Left, Qt.Key.Key_Right}

    def keyPressEvent(self, event) -> None:
        moves = event.key() in self._MOVES and not (event.modifiers() & Qt.KeyboardModifier.AltModifier)
        typed = event.text().strip() != "" and event.key() != Qt.Key.Key_Space  # a letter jumps to a match
        if moves or typed:
            event.ignore()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:
        event.ignore()
