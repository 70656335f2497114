"""The training report's contents, worded plainly: the course table, "what needs doing" and the
meetings rows, from what pa_manager.services.training_report gathers from the training records.

`cell_word` and `cell_detail` word one cell of the training matrix; the Training page uses them too,
so the screen and the paper always say the same."""
from __future__ import annotations

from datetime import date

from pa_manager.domain import compliance, training as rules
from pa_manager.domain.training import MatrixCell
from pa_manager.messages import format_date
from pa_manager.reports.training import CourseLine, PATraining, SummaryLine, TrainingReport
from pa_manager.wording import summary_words

TYPICAL_PRACTICE_NOTE = (
    "How often courses need refreshing is typical practice, not the law: no law sets it for someone who employs "
    "their own PAs. You can change it for each course. Supervision every 3 months and an appraisal every year are "
    "typical practice too."
)


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


_MEETINGS = ((rules.SUPERVISION, rules.SUPERVISION_DUE, "Supervision"), (rules.APPRAISAL, rules.APPRAISAL_DUE, "Appraisal"))
_WHAT = {rules.SUPERVISION_DUE: "Supervision", rules.APPRAISAL_DUE: "Appraisal"}


def _days_word(due: date, today: date) -> str:
    days = (due - today).days
    return "Due today" if days <= 0 else "Due tomorrow" if days == 1 else f"Due in {days} days"


def summary_line(item, names: dict[str, str], today: date) -> SummaryLine:
    """One item of "what needs doing", worded as the course table and the meetings rows word it."""
    code, due = item.code, item.due
    if code == rules.MEETING_BEFORE_START:
        kind = item.param("kind")
        return SummaryLine(item.status, "Check", item.pa_name, kind.capitalize(),
                           f"Recorded as {format_date(item.param('held_on'))}, before they started on "
                           f"{format_date(item.param('start_date'))}. Correct the date.")
    if code in _WHAT:
        what = _WHAT[code]
        hold = "Hold a supervision meeting." if code == rules.SUPERVISION_DUE else "Hold their appraisal."
        if item.status == rules.OVERDUE:
            return SummaryLine(item.status, "Overdue", item.pa_name, what, f"Was due by {format_date(due)}. {hold}")
        if item.status == rules.DUE_SOON:
            return SummaryLine(item.status, _days_word(due, today), item.pa_name, what, f"Due by {format_date(due)}. {hold}")
        return SummaryLine(item.status, "Missing", item.pa_name, what, "No start date recorded, so no date can be given.")
    course = names.get(item.subject, item.subject)
    if code == rules.TRAINING_EXPIRED:
        return SummaryLine(item.status, "Expired", item.pa_name, course, f"Ran out on {format_date(due)}. Book a refresher.")
    if code == rules.TRAINING_MISSING:
        return SummaryLine(item.status, "Missing", item.pa_name, course, "Needed, and not done yet. Book the course.")
    return SummaryLine(item.status, _days_word(due, today), item.pa_name, course,
                       f"Runs out on {format_date(due)}. Book a refresher.")


def _meetings(held: dict[str, list[date]], items: list, today: date) -> tuple[tuple[str, str], ...]:
    """("Supervision", "Held 22 October 2026. Next due by 22 January 2027."), and the same for appraisal: the
    dates held, then what the PA's own due items say, so these rows and "what needs doing" agree."""
    rows = []
    for kind, code, label in _MEETINGS:
        dates = sorted((d for d in held.get(kind, []) if d <= today), reverse=True)
        text = ("Held " + ", ".join(format_date(d) for d in dates) + ".") if dates else "None recorded."
        for item in items:
            if item.code == code and item.due is not None:
                due = format_date(item.due)
                text += {rules.OVERDUE: f" Overdue: it was due by {due}.",
                         rules.DUE_SOON: f" {_days_word(item.due, today)}: by {due}."}.get(item.status,
                                                                                           f" Next due by {due}.")
            elif item.code == rules.MEETING_BEFORE_START and item.param("kind") == kind:
                text += (f" The date {format_date(item.param('held_on'))} is before they started, so it is not "
                         "counted: check it.")
        rows.append((label, text))
    return tuple(rows)


def compose_training_report(employer_name: str, today: date, pas: list, courses: list, cells: dict,
                            providers: dict, progress: dict, standards, meetings: dict, items: list,
                            one_pa: bool) -> TrainingReport:
    """The course table from the training matrix (`cells` by (PA key, course key), `providers` the
    same way); "what needs doing" and the meetings rows from the due items made from the same matrix
    and meetings, so they agree. `progress` and `meetings` are by PA key."""
    names = {c.course.key: c.name for c in courses}
    sections = []
    for pa in pas:
        lines = []
        for course in courses:
            cell = cells[(pa.key, course.course.key)]
            if cell.state == rules.NOT_REQUIRED and cell.completed_on is None:
                continue  # neither done nor needed: not worth a line
            lines.append(CourseLine(course.name, providers.get((pa.key, course.course.key), ""), cell.completed_on,
                                    cell.due, cell.state, cell_word(cell)))
        done = progress.get(pa.key, {})
        care = tuple((f"{s.number}. {s.title}", done[s.number]) for s in standards if s.number in done)
        mine = [i for i in items if i.pa_key == pa.key]
        sections.append(PATraining(pa.name, pa.start_date, tuple(lines), care, len(standards),
                                   _meetings(meetings.get(pa.key, {}), mine, today)))
    subject = pas[0].name if one_pa else f"{employer_name}'s household"
    open_items = [i for i in compliance.sort_due_items(items)]
    code, word, said = summary_words(compliance.summarise(items), today, compliance.DEFAULT_WITHIN_DAYS)
    return TrainingReport(employer_name, today, subject, not one_pa,
                          tuple(summary_line(i, names, today) for i in open_items), tuple(sections),
                          TYPICAL_PRACTICE_NOTE, (code, f"{word}: {said}" if open_items else said))
