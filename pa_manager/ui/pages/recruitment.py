"""Recruitment: taking on a PA and keeping them. Two parts, as tabs (Ctrl+Tab moves between them):
vacancies with their applicants, interviews and offers; and your PAs, with their written statements,
induction, probation and, for a leaver, the exit record."""
from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

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
