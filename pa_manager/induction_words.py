"""A new PA's induction plan and probation in plain English, for the screens and the command line."""
from __future__ import annotations

from pa_manager.domain import induction as i
from pa_manager.domain.training import care_certificate_standards
from pa_manager.messages import format_date

TASK_WORDS = {
    "home_and_routines": "Your home, your routines and how you like things done",
    "support_plan": "Read the support plan and the risk assessments together",
    "emergencies": "What to do in an emergency: fire, a fall, calling for help, who to contact",
    "shadow_shifts": "Shadow shifts with you or an experienced PA before working alone",
    "first_month_talk": "A talk at the end of the first month: how it is going on both sides",
    "probation_ready": "Ready for the probation review: what went well, and what to work on",
}
OUTCOME_NAMES = {i.PASSED: "Passed: the job is confirmed", i.EXTENDED: "Extended, to a new end date",
                 i.NOT_PASSED: "Not passed: the job ends"}


def item_words(item: i.PlanItem, course_names: dict[str, str]) -> str:
    if item.kind == i.STANDARD:
        standard = next(s for s in care_certificate_standards() if s.number == int(item.key))
        return f"Care Certificate standard {standard.number}: {standard.title}"
    if item.kind == i.COURSE:
        return f"Training: {course_names.get(item.key, item.key.replace('_', ' ').capitalize())}"
    return TASK_WORDS.get(item.key, item.key)


def state_line(state: i.ItemState, course_names: dict[str, str]) -> tuple[str, str]:
    """(status code, "Done 10 December 2026: ..." or "Due by 13 December 2026: ...")."""
    what = item_words(state.item, course_names)
    if state.state == i.DONE:
        return "ok", f"Done {format_date(state.done_on)}: {what}."
    word = {"overdue": "Overdue since", "due_soon": "Due by"}.get(state.status, "By")
    code = {"overdue": "below", "due_soon": "warning"}.get(state.status, "info")
    return code, f"{word} {format_date(state.item.due_on)}: {what}."
