"""The one helper that builds every form row: label with its & shortcut, buddy, accessible name,
an optional hint, and a place for the validation message right under the field."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractSpinBox, QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QTextEdit, QVBoxLayout, QWidget,
)

from pa_manager.ui.widgets.paragraph import paragraph


def plain_label(text: str) -> str:
    """'&Date of birth:' -> 'Date of birth' (what a screen reader should say)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":").strip()


@dataclass
class FieldRow:
    label: QLabel
    field: QWidget
    error: QLabel
    hint: str

    def show_error(self, message: str | None) -> None:
        """Show (or clear) the message next to the field, and tell a screen reader about it too."""
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        description = " ".join(part for part in (message, self.hint) if part)
        self.field.setAccessibleDescription(description)


def form_message() -> QLabel:
    """A place under a form for what is wrong with the whole form rather than one field (someone else
    saved the record first, say); hidden until `show_form_message` gives it a sentence."""
    label = paragraph()
    label.setObjectName("formMessage")
    label.setAccessibleName("Message")
    label.setVisible(False)
    return label


def show_form_message(label: QLabel, message: str | None) -> None:
    label.setText(message or "")
    label.setVisible(bool(message))
    label.setAccessibleDescription(message or "")


# Below this many average characters of room for the fields beside their labels, every field goes under
# its label instead: a field squeezed narrower shows too little of what is typed in it.
FIELD_ROOM_CHARACTERS = 32


class _WrapWhenNarrow(QObject):
    """Lays a form's fields under their labels when the form is narrow, beside them when there is room."""

    def __init__(self, layout: QFormLayout, owner: QWidget):
        super().__init__(owner)
        self._layout = layout
        owner.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.fit(event.size().width())
        return False

    def fit(self, width: int) -> None:
        layout = self._layout
        labels = [layout.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(layout.rowCount())]
        widest = max((item.widget().sizeHint().width() for item in labels
                      if item is not None and item.widget() is not None and not item.widget().isHidden()), default=0)
        margins = layout.contentsMargins()
        room = width - margins.left() - margins.right() - widest - max(layout.horizontalSpacing(), 0)
        narrow = room < layout.parentWidget().fontMetrics().averageCharWidth() * FIELD_ROOM_CHARACTERS
        wanted = QFormLayout.RowWrapPolicy.WrapAllRows if narrow else QFormLayout.RowWrapPolicy.WrapLongRows
        if layout.rowWrapPolicy() != wanted:
            layout.setRowWrapPolicy(wanted)


def _wrap_when_narrow(layout: QFormLayout) -> None:
    owner = layout.parentWidget()
    if owner is None:  # not in a widget yet: at least a field too wide for the room goes under its label
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return
    if not any(isinstance(child, _WrapWhenNarrow) for child in owner.children()):
        _WrapWhenNarrow(layout, owner)


def add_row(layout: QFormLayout, label_text: str, field: QWidget, hint: str = "") -> FieldRow:
    # Where the form is too narrow for a label and its field side by side, the field goes under its label
    # rather than running off the side or being squeezed (at large text sizes, in a small window, beside a list).
    _wrap_when_narrow(layout)
    if isinstance(field, QComboBox):
        # Sized by a few characters rather than its longest choice, so it never holds the form wider than
        # its window; the list that opens still shows each choice in full.
        field.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        field.setMinimumContentsLength(max(field.minimumContentsLength(), 12))
    label = QLabel(label_text)
    label.setBuddy(field)
    field.setAccessibleName(plain_label(label_text))
    if hint:
        field.setToolTip(hint)
        field.setAccessibleDescription(hint)
    error = paragraph()
    error.setVisible(False)
    error.setObjectName("fieldError")
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(field)
    if hint:
        hint_label = paragraph(hint)
        hint_label.setObjectName("fieldHint")
        column.addWidget(hint_label)
    column.addWidget(error)
    layout.addRow(label, holder)
    return FieldRow(label, field, error, hint)


def _is_field(widget: QWidget) -> bool:
    """Something a person types into or chooses with, as opposed to a button or a scrolling frame."""
    if isinstance(widget, QAbstractButton):
        return not isinstance(widget, QPushButton)  # a check box or a choice, not a button
    return isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox))


def _tab_chain(dialog: QWidget) -> list[QWidget]:
    """The controls Tab reaches in the dialog, in the order it reaches them."""
    chain, widget = [], dialog.nextInFocusChain()
    while widget is not dialog and widget not in chain:
        if (dialog.isAncestorOf(widget) and widget.isVisibleTo(dialog) and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def start_on_first_field(dialog: QWidget, buttons: QWidget | None = None) -> None:
    """For a dialog's showEvent: the buttons come last when tabbing (after every field, wherever they were
    made), and the keyboard starts in the first field, so typing at once is never lost (unless the dialog
    chose a field itself)."""
    chain = _tab_chain(dialog)
    if buttons is not None:
        own = [w for w in chain if buttons.isAncestorOf(w)]
        others = [w for w in chain if not buttons.isAncestorOf(w)]
        if own and others:
            previous = others[-1]
            for button in own:
                QWidget.setTabOrder(previous, button)
                previous = button
    focus = dialog.focusWidget()
    if focus is None or not _is_field(focus):
        first = next((w for w in chain if _is_field(w)), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
