"""Small input widgets that read and write domain values (dates, money, hours) as text a person types."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QLineEdit, QSizePolicy, QStyle, QStyleOptionButton, QStyleOptionFocusRect, QStylePainter,
)

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


class WrappingCheckBox(QCheckBox):
    """A check box whose words wrap onto more lines when the form is narrow, instead of holding the
    form wider than its window (a plain QCheckBox keeps its text on one line). Clicking the words ticks
    it, its Alt+letter works, and its text is the same as a plain check box's."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(text, parent)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)  # a fixed height would cut off a second line
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return option

    def _indent(self) -> int:
        """From the left edge to where the words start: the box and the space after it."""
        style, option = self.style(), self._option()
        return (style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, option, self)
                + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, option, self))

    def _text_rect(self, width: int) -> QRect:
        flags = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic
        return self.fontMetrics().boundingRect(QRect(0, 0, max(width - self._indent() - 2, 1), 100_000),
                                               int(flags), self.text())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        words = self.text().replace("&", "").split()
        longest_word = max((self.fontMetrics().horizontalAdvance(word) for word in words), default=0)
        return QSize(self._indent() + longest_word + 4, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return super().sizeHint()  # all on one line, when there is room

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return max(super().sizeHint().height(), self._text_rect(width).height() + 4)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.height() < self.heightForWidth(self.width()):
            self.updateGeometry()  # a layout may have kept the height of a wider size: ask again for this width

    def hitButton(self, pos) -> bool:  # noqa: N802 - Qt's name
        return self.rect().contains(pos)

    def paintEvent(self, _event) -> None:
        painter = QStylePainter(self)
        option = self._option()
        style = self.style()
        line = self.fontMetrics().height()
        box = QStyleOptionButton(option)
        box.rect = style.subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, self)
        box.rect.moveTop(2 + max((line - box.rect.height()) // 2, 0))
        painter.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorCheckBox, box)
        words = QRect(self._indent(), 2, self.width() - self._indent() - 2, self.height() - 2)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
            Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic)
        painter.drawItemText(words, flags, self.palette(), self.isEnabled(), self.text(), QPalette.ColorRole.WindowText)
        if self.hasFocus():
            focus = QStyleOptionFocusRect()
            focus.initFrom(self)
            focus.rect = self._text_rect(self.width()).translated(self._indent(), 2).adjusted(-2, -1, 2, 1)
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus)
