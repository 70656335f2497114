"""Recruitment: taking on a PA and keeping them. Two parts, as tabs (Ctrl+Tab moves between them):
vacancies with their applicants, interviews and offers; and your PAs, with their written statements,
induction, probation and, for a leaver, the exit record. Above them, the household's policies."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from pa_manager.ui.context import AppContext
from pa_manager.ui.pages.recruitment_team import TeamPanel
from pa_manager.ui.pages.recruitment_vacancies import VacanciesPanel
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.paragraph import paragraph

class RecruitmentPage(QWidget):
    title = "Recruitment"

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.vacancies = VacanciesPanel(context)
        self.team = TeamPanel(context)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Recruitment: choose a part")
        self.tabs.addTab(self.vacancies, "Vacancies and applicants")
        self.tabs.addTab(self.team, "Your PAs and their terms")
        self.vacancies.statement_requested.connect(self.select_pa)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Recruitment"))
        layout.addWidget(paragraph("Take on a new PA, from the job description to a signed written statement, and "
                                   "keep the records that help good PAs stay. Ctrl+Tab moves between the parts."))
        self.policies_button = QPushButton("Policies for yo&ur household…")
        self.policies_button.setToolTip("Disciplinary and grievance, sickness absence, working alone, safeguarding, "
                                        "and a risk assessment of the home and the tasks")
        self.policies_button.clicked.connect(self._on_policies_button_clicked)
        layout.addWidget(self.policies_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.tabs, stretch=1)
        context.data_changed.connect(self.refresh)
        context.employer_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.vacancies.refresh()
        self.team.refresh()

    def select_pa(self, pa_id: int) -> None:
        """From the dashboard: show this PA's terms."""
        self.tabs.setCurrentWidget(self.team)
        self.team.select_pa(pa_id)

    def _on_policies_button_clicked(self) -> None:
        from pa_manager.ui.dialogs.statement_dialogs import PoliciesDialog

        if self.context.employer_id is None:
            return
        dialog = PoliciesDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()
