"""Status shown the accessible way: always a word with an icon, never colour alone."""
from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle


class Status(Enum):
    DONE = "Done"
    MISSING = "Missing"
    ATTENTION = "Needs attention"
    OVERDUE = "Overdue"
    INFO = "For information"


_ICONS = {
    Status.DONE: QStyle.StandardPixmap.SP_DialogApplyButton,
    Status.MISSING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Status.ATTENTION: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Status.OVERDUE: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Status.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}


def status_icon(status: Status) -> QIcon:
    return QApplication.style().standardIcon(_ICONS[status])
