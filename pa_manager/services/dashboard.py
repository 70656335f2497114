"""What the dashboard shows for one employer, gathered in one read."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pa_manager.domain.compliance import DueItem
from pa_manager.domain.continuity import Continuity
from pa_manager.domain.employer import EmployerRecord
from pa_manager.services.checks import due_list
from pa_manager.services.hours import continuity_of_care
from pa_manager.domain.missing import Gap, missing_details
from pa_manager.domain.people import PARecord
from pa_manager.services.employers import get_employer
from pa_manager.services.people import list_pas
from pa_manager.services.wages import PAWageWarning, WageStanding, standings_for, warnings_for
from pa_manager.storage.database import Database


@dataclass(frozen=True)
class Dashboard:
    employer: EmployerRecord
    current_pas: tuple[PARecord, ...]
    gaps: tuple[Gap, ...]
    standings: tuple[WageStanding, ...]
    wage_warnings: tuple[PAWageWarning, ...]
    due: tuple[DueItem, ...]  # checks, duties and training: overdue, due soon and missing
    continuity: Continuity | None  # share of the last four weeks' care hours worked by regular PAs


def load_dashboard(db: Database, employer_id: int, today: date) -> Dashboard:
    employer = get_employer(db, employer_id)
    pas = list_pas(db, employer_id)
    return Dashboard(
        employer=employer,
        current_pas=tuple(pa for pa in pas if pa.is_current(today)),
        gaps=tuple(missing_details(employer, pas, today)),
        standings=tuple(standings_for(employer, pas, today)),
        wage_warnings=tuple(warnings_for(employer, pas, today)),
        due=tuple(due_list(db, employer_id, today)),
        continuity=continuity_of_care(db, employer_id, today - timedelta(days=28), today - timedelta(days=1)),
    )
