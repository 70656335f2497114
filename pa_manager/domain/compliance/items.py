"""The item every check produces (`DueItem`): its codes, its status by due date, the order of the
"what needs doing" list, and the summary made from the same items the list shows.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any


# --- Statuses ------------------------------------------------------------------------------------

OVERDUE = "overdue"
DUE_SOON = "due_soon"
MISSING = "missing"
WARNING = "warning"
OK = "ok"
STATUSES = (OVERDUE, DUE_SOON, MISSING, WARNING, OK)  # most urgent first: the order of the dashboard list
OPEN = frozenset({OVERDUE, DUE_SOON, MISSING, WARNING})  # statuses that need doing

DEFAULT_WITHIN_DAYS = 30

# --- Codes of the items this module produces ------------------------------------------------------

DBS_MISSING = "DBS_MISSING"
DBS_RECHECK = "DBS_RECHECK"
DBS_UPDATE_SERVICE_RENEWAL = "DBS_UPDATE_SERVICE_RENEWAL"
DBS_RISK_ASSESSMENT_MISSING = "DBS_RISK_ASSESSMENT_MISSING"
DBS_RECORD_RETENTION_ENDS = "DBS_RECORD_RETENTION_ENDS"
RIGHT_TO_WORK_MISSING = "RIGHT_TO_WORK_MISSING"
RIGHT_TO_WORK_AFTER_START = "RIGHT_TO_WORK_AFTER_START"
RIGHT_TO_WORK_FOLLOW_UP = "RIGHT_TO_WORK_FOLLOW_UP"
RIGHT_TO_WORK_RETENTION_ENDS = "RIGHT_TO_WORK_RETENTION_ENDS"
REFERENCES_MISSING = "REFERENCES_MISSING"
CONTRACT_STATEMENT_DUE = "CONTRACT_STATEMENT_DUE"
INDUCTION_DUE = "INDUCTION_DUE"
INSURANCE_RENEWAL = "INSURANCE_RENEWAL"
INSURANCE_MISSING = "INSURANCE_MISSING"
PAYE_REGISTRATION = "PAYE_REGISTRATION"
PENSION_DECLARATION = "PENSION_DECLARATION"
PENSION_RE_ENROLMENT = "PENSION_RE_ENROLMENT"
COUNCIL_REVIEW = "COUNCIL_REVIEW"

CODES = frozenset({
    DBS_MISSING, DBS_RECHECK, DBS_UPDATE_SERVICE_RENEWAL, DBS_RISK_ASSESSMENT_MISSING,
    DBS_RECORD_RETENTION_ENDS,
    RIGHT_TO_WORK_MISSING, RIGHT_TO_WORK_AFTER_START, RIGHT_TO_WORK_FOLLOW_UP,
    RIGHT_TO_WORK_RETENTION_ENDS,
    REFERENCES_MISSING, CONTRACT_STATEMENT_DUE, INDUCTION_DUE,
    INSURANCE_RENEWAL, INSURANCE_MISSING, PAYE_REGISTRATION, PENSION_DECLARATION, PENSION_RE_ENROLMENT, COUNCIL_REVIEW,
})

# The one problem a DBS record can have (check_dbs_check) besides validation's codes.
DBS_UPDATE_SERVICE_LEVEL = "DBS_UPDATE_SERVICE_LEVEL"

# --- The item the rules produce --------------------------------------------------------------------

@dataclass(frozen=True)
class DueItem:
    """One thing on the "what needs doing" list.

    `subject` tells apart items of the same code for the same PA (a training course's key); `params`
    holds typed (name, value) details the wording may use, as in validation.Problem.
    """

    code: str
    due: date | None
    status: str
    pa_key: Hashable | None = None
    pa_name: str | None = None
    subject: str | None = None
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, code: str, due: date | None, status: str, *, pa_key: Hashable | None = None,
           pa_name: str | None = None, subject: str | None = None, **params: Any) -> DueItem:
        return cls(code, due, status, pa_key, pa_name, subject, tuple(sorted(params.items())))

    def param(self, name: str, default: Any = None) -> Any:
        return dict(self.params).get(name, default)

    def days_from(self, today: date) -> int | None:
        """Days from today to the due date: negative when overdue, None with no date."""
        return None if self.due is None else (self.due - today).days


# --- Status and ordering ---------------------------------------------------------------------------

def deadline_status(due: date, today: date, within_days: int = DEFAULT_WITHIN_DAYS) -> str:
    """For something that falls due on a date: overdue after it, due soon up to `within_days` before."""
    if due < today:
        return OVERDUE
    if (due - today).days <= within_days:
        return DUE_SOON
    return OK


def absent_status(due: date | None, today: date, within_days: int = DEFAULT_WITHIN_DAYS) -> str:
    """For something not there at all: as deadline_status, but "missing" rather than "ok"."""
    if due is None:
        return MISSING
    status = deadline_status(due, today, within_days)
    return MISSING if status == OK else status


_RANK = {status: rank for rank, status in enumerate(STATUSES)}


def urgency_key(item: DueItem) -> tuple:
    """Overdue (oldest first), then due soon (soonest first), then missing, then ok; undated last."""
    return (_RANK[item.status], item.due is None, item.due or date.min, item.pa_name or "", item.code,
            item.subject or "")


def sort_due_items(items: Iterable[DueItem], *, include_ok: bool = False) -> list[DueItem]:
    return sorted((i for i in items if include_ok or i.status != OK), key=urgency_key)


@dataclass(frozen=True)
class Summary:
    """How many items of each status a list holds, and the next in-date item with a date (what comes up
    next when nothing needs doing). Made only by `summarise`, from the very items shown beside it."""

    overdue: int
    due_soon: int
    missing: int
    warning: int
    in_date: int
    next_item: DueItem | None

    @property
    def open(self) -> int:
        """Items that need doing: overdue, due soon, missing or to check."""
        return self.overdue + self.due_soon + self.missing + self.warning

    @property
    def worst(self) -> str:
        """The most urgent status present (OK when nothing is open)."""
        for status, count in ((OVERDUE, self.overdue), (DUE_SOON, self.due_soon), (MISSING, self.missing),
                              (WARNING, self.warning)):
            if count:
                return status
        return OK


def summarise(items: Iterable[DueItem]) -> Summary:
    """Count a list's items by status; the next item is the soonest dated one in date."""
    items = list(items)
    counts = {status: sum(1 for i in items if i.status == status) for status in STATUSES}
    upcoming = sorted((i for i in items if i.status == OK and i.due is not None), key=urgency_key)
    return Summary(counts[OVERDUE], counts[DUE_SOON], counts[MISSING], counts[WARNING], counts[OK],
                   upcoming[0] if upcoming else None)
