"""Disciplinary and grievance cases in plain English."""
from __future__ import annotations

from pa_manager.domain import cases as c
from pa_manager.messages import format_date

KIND_NAMES = {c.DISCIPLINARY: "Disciplinary", c.GRIEVANCE: "Grievance"}
STEP_NAMES = {
    "investigation": "Finding out the facts", "letter": "Letter", "meeting": "Meeting", "decision": "Decision",
    "appeal": "Appeal received", "appeal_meeting": "Appeal meeting", "appeal_decision": "Appeal decision",
    "note": "Note",
}
OUTCOME_NAMES = {
    "no_action": "No action", "first_written_warning": "First written warning",
    "final_written_warning": "Final written warning", "dismissal": "Dismissal", "withdrawn": "Withdrawn",
    "upheld": "Upheld", "partly_upheld": "Partly upheld", "not_upheld": "Not upheld",
}


def case_line(case: c.Case) -> str:
    state = (f"closed {format_date(case.closed_on)}: {OUTCOME_NAMES[case.outcome].lower()}" if case.closed_on
             else "open")
    return f"{KIND_NAMES[case.kind]}, opened {format_date(case.opened_on)}, {state}. {case.summary}"


def step_line(step: c.Step) -> str:
    text = f"{format_date(step.on)}: {STEP_NAMES[step.kind]}."
    if step.accompanied_by:
        text += f" Accompanied by {step.accompanied_by}."
    return text + (f" {step.notes}" if step.notes else "")
