"""The training report's contents, gathered from the training records and worded plainly.

`cell_word` and `cell_detail` word one cell of the training matrix; the Training page uses them too,
so the screen and the paper always say the same."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pa_manager.domain import training as rules
from pa_manager.domain.training import MatrixCell
from pa_manager.messages import format_date
from pa_manager.reports.training import CourseLine, PATraining, SummaryLine, TrainingReport, write_training_report
from pa_manager.services import training
from pa_manager.services.employers import get_employer
from pa_manager.services.errors import NotFound

TYPICAL_PRACTICE_NOTE = (
    "How often courses need refreshing is typical practice, not the law: no law sets it for someone who employs "
    "their own PAs. You can change it for each course. Supervision every 3 months and an appraisal every year are "
    "typical practice too."
)
_URGENCY = {rules.EXPIRED: 0, rules.MISSING: 1, rules.DUE_SOON: 2}


def cell_word(cell: MatrixCell) -> str:
    """The status word: "Done", "Due in 20 days", "Expired", "Missing" or "Not required"."""
    if cell.state == rules.DUE_SOON:
        days = cell.days_left or 0
        return "Due today" if days <= 0 else "Due tomorrow" if days == 1 else f"Due in {days} days"
    return {rules.DONE: "Done", rules.EXPIRED: "Expired", rules.MISSING: "Missing"}.get(cell.state, "Not required")


def cell_detail(cell: MatrixCell) -> str:
    """The dates behind the word: "Done on 3 March 2026; refresh due 3 March 2027"."""
    if cell.completed_on is None:
        return "Needed, and not done yet" if cell.state == rules.MISSING else "Not needed, and not done"
    done = f"Done on {format_date(cell.completed_on)}"
    if cell.due is None:
        return f"{done}; does not need refreshing"
    if cell.state == rules.EXPIRED:
        return f"{done}; refresh was due {format_date(cell.due)}"
    if cell.state == rules.NOT_REQUIRED:
        return f"{done}; ran out on {format_date(cell.due)}, but it is not needed"
    return f"{done}; refresh due {format_date(cell.due)}"


def _summary_details(cell: MatrixCell) -> str:
    if cell.state == rules.MISSING:
        return "Needed, and not done yet. Book the course."
    if cell.state == rules.EXPIRED:
        return f"Ran out on {format_date(cell.due)}. Book a refresher."
    return f"Runs out on {format_date(cell.due)}. Book a refresher."


def _meetings(pa, held: dict[str, list[date]], today: date) -> tuple[tuple[str, str], ...]:
    """("Supervision", "Held 22 October 2026. Next due by 22 January 2027."), and the same for appraisal."""
    policy = rules.SupervisionPolicy()
    rows = []
    for kind, label, months in ((rules.SUPERVISION, "Supervision", policy.supervision_months),
                                (rules.APPRAISAL, "Appraisal", policy.appraisal_months)):
        dates = sorted((d for d in held.get(kind, []) if d <= today), reverse=True)
        text = ("Held " + ", ".join(format_date(d) for d in dates) + ".") if dates else "None recorded."
        due = rules.next_meeting_due(dates[0] if dates else None, pa.start_date, months)
        if due is not None:
            text += f" Overdue: it was due by {format_date(due)}." if due < today else f" Next due by {format_date(due)}."
        rows.append((label, text))
    return tuple(rows)


def build_training_report(db, employer_id: int, today: date, pa_id: int | None = None) -> TrainingReport:
    employer = get_employer(db, employer_id)
    pas, courses, cells = training.training_matrix(db, employer_id, today)
    if pa_id is not None:
        pas = [pa for pa in pas if pa.key == pa_id]
        if not pas:
            raise NotFound("That PA no longer works for you, so there is no current training to report.")
    records = training.list_records(db, employer_id)  # newest first
    meetings: dict[int, dict[str, list[date]]] = {}
    for _, meeting in training.list_meetings(db, employer_id):
        meetings.setdefault(meeting.pa_key, {}).setdefault(meeting.kind, []).append(meeting.held_on)
    standards = rules.care_certificate_standards()
    sections, summary = [], []
    for pa in pas:
        lines = []
        for course in courses:
            cell = cells[(pa.key, course.course.key)]
            if cell.state == rules.NOT_REQUIRED and cell.completed_on is None:
                continue  # neither done nor needed: not worth a line
            provider = next((r.record.provider for r in records if r.pa_id == pa.key and r.course_id == course.id
                             and r.record.completed_on == cell.completed_on), "")
            lines.append(CourseLine(course.name, provider, cell.completed_on, cell.due, cell.state, cell_word(cell)))
            if cell.state in _URGENCY:
                summary.append((_URGENCY[cell.state], pa.name, course.name,
                                SummaryLine(cell.state, cell_word(cell), pa.name, course.name, _summary_details(cell))))
        progress = training.care_certificate(db, employer_id, pa.key)
        care = tuple((f"{s.number}. {s.title}", progress[s.number]) for s in standards if s.number in progress)
        sections.append(PATraining(pa.name, pa.start_date, tuple(lines), care, len(standards),
                                   _meetings(pa, meetings.get(pa.key, {}), today)))
    subject = pas[0].name if pa_id is not None else f"{employer.name}'s household"
    return TrainingReport(employer.name, today, subject, pa_id is None,
                          tuple(line for *_, line in sorted(summary, key=lambda s: s[:3])), tuple(sections),
                          TYPICAL_PRACTICE_NOTE)


def save_training_report(db, employer_id: int, path: Path, today: date, pa_id: int | None = None) -> Path:
    """Write the household's training report, or one PA's when `pa_id` is given, as a PDF."""
    write_training_report(build_training_report(db, employer_id, today, pa_id), Path(path))
    return Path(path)
