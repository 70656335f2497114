"""The one helper that builds every form row: label with its & shortcut, buddy, accessible name,
an optional hint, and a place for the validation message right under the field."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

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


def add_row(layout: QFormLayout, label_text: str, field: QWidget, hint: str = "") -> FieldRow:
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
