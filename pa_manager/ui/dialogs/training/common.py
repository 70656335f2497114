"""What the Training area's dialogs share: the names of funding sources, the certificate file
filter, and small layout helpers (the names of meetings are pa_manager.wording's).
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QWidget

from pa_manager.ui.widgets.paragraph import paragraph


FUNDING_NAMES = {
    "direct_payment": "The direct payment",
    "individual_employer_funding": "Skills for Care Individual Employer Funding",
    "own_money": "Own money",
    "free": "Free",
    "other": "Other",
}
CERTIFICATE_FILTER = "Certificates (*.pdf *.jpg *.jpeg *.png *.heic *.tif *.tiff *.doc *.docx);;All files (*)"


def save_buttons(dialog: QDialog, save_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text)
    buttons.rejected.connect(dialog.reject)
    return buttons


def left_aligned(button: QPushButton) -> QWidget:
    """A button at its own width under a form's fields, rather than stretched across."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(button)
    row.addStretch()
    return holder


def intro(text: str) -> QLabel:
    label = paragraph(text)
    return label
