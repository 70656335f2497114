"""The one helper that builds every form row: label with its & shortcut, buddy, accessible name,
an optional hint, and a place for the validation message right under the field."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from pa_manager.ui.announce import announce
from pa_manager.ui.keyboard import reading_order
from pa_manager.ui.widgets.paragraph import paragraph


def plain_label(text: str) -> str:
    """'&Date of birth:' -> 'Date of birth' (what a screen reader should say)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":").strip()


_IN_ERROR = "paManagerInError"  # a field's property: its message is showing


def _point_to(field: QWidget, message: str) -> None:
    """Put the cursor in `field`, unless a field before it in reading order is also in error and has it
    already: when a form shows several messages, the cursor ends on the first, whose description (read
    out when it takes focus) starts with its message. A field that has the cursor already cannot be
    focused again, so its message is announced."""
    window = field.window()
    if not field.isEnabled() or not field.isVisibleTo(window):
        return
    current = window.focusWidget()
    if current is field:
        announce(field, message, urgent=True)
        return
    if current is not None and current.property(_IN_ERROR):
        order = reading_order(window)
        if current in order and field in order and order.index(current) < order.index(field):
            return
    field.setFocus(Qt.FocusReason.OtherFocusReason)


def reads_its_own_text(field: QWidget) -> bool:
    """A check box or radio button is named by its own words ("Close relative who lives in the same
    household"), not by its row's label ("Family"), which then describes it."""
    return isinstance(field, QAbstractButton) and bool(field.text().strip())


@dataclass
class FieldRow:
    label: QLabel
    field: QWidget
    error: QLabel
    hint: str

    def show_error(self, message: str | None) -> None:
        """Show (or clear) the message next to the field, and tell a screen reader about it too: the
        message leads the field's description, and the cursor goes to the first field in error."""
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.field.setAccessibleDescription(_description(self.label.text(), self.field, self.hint, message))
        self.field.setProperty(_IN_ERROR, bool(message))
        if message:
            _point_to(self.field, message)


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
    if message:
        announce(label, message, urgent=True)


def _description(label_text: str, field: QWidget, hint: str, message: str | None = None) -> str:
    row = plain_label(label_text) if reads_its_own_text(field) else ""
    return ". ".join(part for part in (message, row, hint) if part)


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
    if not reads_its_own_text(field):
        field.setAccessibleName(plain_label(label_text))
    if hint:
        field.setToolTip(hint)
    field.setAccessibleDescription(_description(label_text, field, hint))
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

