"""A record of each disciplinary or grievance case: what it is about, each step (the facts found out,
letters, meetings with who came along, decisions, an appeal) and how it ended. The steps follow the Acas
Code of Practice (policy_words); the record is what shows they were followed. Codes only: case_words
words them."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DISCIPLINARY, GRIEVANCE = "disciplinary", "grievance"
KINDS = (DISCIPLINARY, GRIEVANCE)
STEP_KINDS = ("investigation", "letter", "meeting", "decision", "appeal", "appeal_meeting", "appeal_decision", "note")
OUTCOMES = {
    DISCIPLINARY: ("no_action", "first_written_warning", "final_written_warning", "dismissal", "withdrawn"),
    GRIEVANCE: ("upheld", "partly_upheld", "not_upheld", "withdrawn"),
}

CASE_KIND_UNKNOWN = "CASE_KIND_UNKNOWN"
CASE_SUMMARY_MISSING = "CASE_SUMMARY_MISSING"
CASE_STEP_UNKNOWN = "CASE_STEP_UNKNOWN"
CASE_STEP_BEFORE_OPENING = "CASE_STEP_BEFORE_OPENING"
CASE_OUTCOME_UNKNOWN = "CASE_OUTCOME_UNKNOWN"
CASE_CLOSED_BEFORE_OPENING = "CASE_CLOSED_BEFORE_OPENING"


@dataclass(frozen=True)
class Step:
    on: date
    kind: str  # one of STEP_KINDS
    notes: str = ""
    accompanied_by: str = ""  # at a meeting: the colleague or trade union representative who came


@dataclass(frozen=True)
class Case:
    kind: str  # DISCIPLINARY or GRIEVANCE
    opened_on: date
    summary: str  # what it is about, in a sentence or two
    steps: tuple[Step, ...] = ()
    outcome: str = ""  # one of OUTCOMES[kind] once closed
    closed_on: date | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


def check_case(case: Case) -> dict[str, str]:
    found = {}
    if case.kind not in KINDS:
        found["kind"] = CASE_KIND_UNKNOWN
    if not case.summary.strip():
        found["summary"] = CASE_SUMMARY_MISSING
    if case.closed_on is not None:
        if case.outcome not in OUTCOMES.get(case.kind, ()):
            found["outcome"] = CASE_OUTCOME_UNKNOWN
        if case.closed_on < case.opened_on:
            found["closed_on"] = CASE_CLOSED_BEFORE_OPENING
    return found


def check_step(case: Case, step: Step) -> dict[str, str]:
    found = {}
    if step.kind not in STEP_KINDS:
        found["kind"] = CASE_STEP_UNKNOWN
    if step.on < case.opened_on:
        found["on"] = CASE_STEP_BEFORE_OPENING
    return found
