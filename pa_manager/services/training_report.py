"""The training report: its contents gathered from the training records, worded by
pa_manager.reports.training_contents, and saved."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pa_manager.domain import training as rules
from pa_manager.reports.training import TrainingReport, write_training_report
from pa_manager.reports.training_contents import compose_training_report
from pa_manager.services import training
from pa_manager.services.employers import get_employer
from pa_manager.services.errors import NotFound


def build_training_report(db, employer_id: int, today: date, pa_id: int | None = None) -> TrainingReport:
    """The training matrix, records, meetings and due items (services.training.training_due, made from
    the same matrix and meetings), gathered for the report and worded by reports.training_contents."""
    employer = get_employer(db, employer_id)
    pas, courses, cells = training.training_matrix(db, employer_id, today)
    if pa_id is not None:
        pas = [pa for pa in pas if pa.key == pa_id]
        if not pas:
            raise NotFound("TRAINING_REPORT_PA_LEFT")
    shown = {pa.key for pa in pas}
    items = [i for i in training.training_due(db, employer_id, today, include_ok=True) if i.pa_key in shown]
    records = training.list_records(db, employer_id)  # newest first
    meetings: dict[int, dict[str, list[date]]] = {}
    for _, meeting in training.list_meetings(db, employer_id):
        meetings.setdefault(meeting.pa_key, {}).setdefault(meeting.kind, []).append(meeting.held_on)
    providers = {}
    for pa in pas:
        for course in courses:
            cell = cells[(pa.key, course.course.key)]
            providers[(pa.key, course.course.key)] = next(
                (r.record.provider for r in records if r.pa_id == pa.key and r.course_id == course.id
                 and r.record.completed_on == cell.completed_on), "")
    progress = {pa.key: training.care_certificate(db, employer_id, pa.key) for pa in pas}
    return compose_training_report(employer.name, today, pas, courses, cells, providers, progress,
                                   rules.care_certificate_standards(), meetings, items, pa_id is not None)


def save_training_report(db, employer_id: int, path: Path, today: date, pa_id: int | None = None) -> Path:
    """Write the household's training report, or one PA's when `pa_id` is given, as a PDF."""
    write_training_report(build_training_report(db, employer_id, today, pa_id), Path(path))
    return Path(path)
