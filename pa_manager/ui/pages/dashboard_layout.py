"""The dashboard's widgets and what they show, as plain words: the page (ui/pages/dashboard.py) fills
them from the records; at start-up the window can fill them from the words it kept when it last closed
(storage/first_view.py), before the database layer is even loaded. Qt only."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.scroll import vertical_scroll
from pa_manager.ui.widgets.status_list import StatusList

LISTS = ("due", "glance", "pay_warnings", "gaps")
TEXTS = ("heading", "due_summary", "pay_summary", "continuity", "summary")


class DashboardLayout(QWidget):
    """What the dashboard shows, without where it comes from."""

    title = "Dashboard"

    def __init__(self, parent=None):
        super().__init__(parent)
        self._welcome = False
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = heading()
        layout.addWidget(self.heading)

        # Shown only when the data file has no employer yet: the one thing to do first.
        self.welcome = QWidget()
        welcome_layout = QVBoxLayout(self.welcome)
        welcome_text = paragraph(
            "PA Manager keeps the records of someone who employs personal assistants with a direct payment: "
            "their PAs, hours, pay, checks, training and budget. Start by adding the employer: the person who "
            "holds the direct payment. Set up step by step walks you through the employer, your first PA and "
            "your first pay day. To look around first, open the demo household with pa-manager --demo.")
        welcome_layout.addWidget(welcome_text)
        self.first_run_button = QPushButton("Set up step by &step…")
        self.add_employer_button = QPushButton("&Add the employer…")
        welcome_buttons = QHBoxLayout()
        welcome_buttons.addWidget(self.first_run_button)
        welcome_buttons.addWidget(self.add_employer_button)
        welcome_buttons.addStretch()
        welcome_layout.addLayout(welcome_buttons)
        layout.addWidget(self.welcome)

        todo_now = QGroupBox("What needs doing")
        todo_now_layout = QVBoxLayout(todo_now)
        self.due_summary = paragraph()
        todo_now_layout.addWidget(self.due_summary)
        self.due = StatusList("What needs doing")
        todo_now_layout.addWidget(self.due)
        layout.addWidget(todo_now)

        glance = QGroupBox("Pay day and budget")
        glance_layout = QVBoxLayout(glance)
        self.glance = StatusList("Pay day and budget")
        glance_layout.addWidget(self.glance)
        layout.addWidget(glance)

        pay = QGroupBox("Pay and the minimum wage")
        pay_layout = QVBoxLayout(pay)
        self.pay_summary = paragraph()
        pay_layout.addWidget(self.pay_summary)
        self.pay_warnings = StatusList("Pay and the minimum wage")
        pay_layout.addWidget(self.pay_warnings)
        layout.addWidget(pay)

        self.continuity = paragraph()
        pay_layout.addWidget(self.continuity)

        todo = QGroupBox("Details still to add")
        todo_layout = QVBoxLayout(todo)
        self.summary = paragraph()
        todo_layout.addWidget(self.summary)
        self.gaps = StatusList("Details still to add")
        todo_layout.addWidget(self.gaps)
        hint = paragraph("Press Enter on an item to go to where you can put it right.")
        todo_layout.addWidget(hint)
        layout.addWidget(todo)

        self.groups = (todo_now, glance, pay, todo)
        details = QGroupBox("Employer details")
        self.details = QFormLayout(details)
        layout.addWidget(details)
        self.groups += (details,)
        self.edit_button = QPushButton("&Change employer details…")
        layout.addWidget(self.edit_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addStretch()

        scroll = vertical_scroll(body, "Dashboard")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)


    def _show_welcome(self, shown: bool) -> None:
        self._welcome = shown
        self.welcome.setVisible(shown)
        self.edit_button.setVisible(not shown)
        for group in self.groups:
            group.setVisible(not shown)

    def show_details(self, rows: list[tuple[str, str]]) -> None:
        """The employer's details, as (label, value) rows."""
        while self.details.rowCount():
            self.details.removeRow(0)
        self._detail_rows = list(rows)
        for label, value in rows:
            text = QLabel(value)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details.addRow(f"{label}:", text)

    def view(self) -> dict:
        """What is on show, as plain words (and where each item leads)."""
        return {
            "welcome": self._welcome,
            **{name: getattr(self, name).text() for name in TEXTS},
            **{name: _plain(getattr(self, name).shown()) for name in LISTS},
            "pay_warnings_shown": not self.pay_warnings.isHidden(),
            "details": [list(row) for row in getattr(self, "_detail_rows", [])],
            "can_edit": self.edit_button.isEnabled(),
        }

    def show_view(self, view: dict) -> None:
        """Show what view() gave (at start-up, the words kept from the last time)."""
        for name in TEXTS:
            getattr(self, name).setText(view[name])
        for name in LISTS:
            lines, targets = view[name]
            getattr(self, name).set_lines([tuple(line) for line in lines], targets)
        self.pay_warnings.setVisible(view["pay_warnings_shown"])
        self.show_details([tuple(row) for row in view["details"]])
        self.edit_button.setEnabled(view["can_edit"])
        self._show_welcome(view["welcome"])


def _plain(shown: tuple[list, list | None]) -> list:
    lines, targets = shown
    return [[list(line) for line in lines], None if targets is None else [
        list(t) if isinstance(t, (tuple, list)) else t for t in targets]]
