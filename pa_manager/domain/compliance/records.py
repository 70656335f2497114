"""The records the checks read, as plain values: DBS checks, right-to-work checks, references, the
contract, the employer's duties and the employer's choices where the law sets no interval; and the
values their coded fields may take.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple


# --- Values of the records' coded fields ----------------------------------------------------------

DBS_LEVELS = ("basic", "standard", "enhanced", "enhanced_adults_barred", "enhanced_children_barred",
              "enhanced_both_barred")
# The Update Service takes standard and enhanced certificates only (DBS Update Service applicant
# guide, uk-rates.md section 9).
UPDATE_SERVICE_LEVELS = frozenset(DBS_LEVELS) - {"basic"}
CLEAR = "clear"
INFORMATION_DISCLOSED = "information_disclosed"
DBS_OUTCOMES = (CLEAR, INFORMATION_DISCLOSED)
NO_CHANGE = "no_change"
CHANGED = "changed"
STATUS_CHECK_RESULTS = (NO_CHANGE, CHANGED)
RIGHT_TO_WORK_METHODS = ("online_share_code", "manual_document", "identity_service_provider")


def one_of(value: str, allowed: Iterable[str], code: str) -> None:
    if value not in allowed:
        raise ValueError(code, value)


# --- Records ---------------------------------------------------------------------------------------

class StatusCheck(NamedTuple):
    """An Update Service status check: the date and "no_change" or "changed". A plain
    (date, result) pair works wherever a StatusCheck does."""

    checked_on: date
    result: str


@dataclass(frozen=True)
class DBSCheck:
    """What the app keeps of a DBS certificate: never the disclosure's content (see RETENTION)."""

    level: str
    certificate_number: str
    issue_date: date
    processed_by: str = ""  # the council team or umbrella body that ran it
    outcome: str = CLEAR
    risk_assessment_date: date | None = None  # when information was disclosed
    update_service: bool = False
    update_service_renewal: date | None = None
    status_checks: tuple[StatusCheck, ...] = ()

    def __post_init__(self) -> None:
        one_of(self.level, DBS_LEVELS, "DBS_LEVEL_UNKNOWN")
        one_of(self.outcome, DBS_OUTCOMES, "DBS_OUTCOME_UNKNOWN")
        for _checked_on, result in self.status_checks:
            one_of(result, STATUS_CHECK_RESULTS, "DBS_STATUS_RESULT_UNKNOWN")


@dataclass(frozen=True)
class RightToWorkCheck:
    method: str
    checked_on: date
    document_type: str = ""
    permission_expires: date | None = None  # None: no time limit (British or Irish, settled status...)

    def __post_init__(self) -> None:
        one_of(self.method, RIGHT_TO_WORK_METHODS, "RIGHT_TO_WORK_METHOD_UNKNOWN")


@dataclass(frozen=True)
class Reference:
    referee: str
    requested_on: date | None = None
    received_on: date | None = None
    satisfactory: bool | None = None  # None: not yet judged


@dataclass(frozen=True)
class Contract:
    statement_given_on: date | None = None  # written statement of particulars
    signed_on: date | None = None
    job_description: bool = False
    induction_completed_on: date | None = None


@dataclass(frozen=True)
class EmployerDuties:
    insurance_renewal_date: date | None = None
    paye_registered_on: date | None = None
    pension_duties_start: date | None = None  # None: taken as the first PA's start date
    declaration_of_compliance_on: date | None = None  # the latest declaration made
    last_re_enrolment_on: date | None = None
    direct_payment_start: date | None = None
    last_council_review_on: date | None = None


# The choices an employer may make for RecheckPolicy (the duties dialog offers these; anything
# outside them is a slip, and a re-check every thousand years would overflow the date arithmetic).
DBS_RECHECK_YEARS = (1, 10)
REFERENCES_REQUIRED = (0, 5)


@dataclass(frozen=True)
class RecheckPolicy:
    """The employer's (or council's) choices where the law sets no interval."""

    # DBS certificates have no legal expiry; 3 years is common council audit practice, not law
    # (uk-rates.md section 9 marks "councils require 3 years" unverified).
    dbs_recheck_years: int = 3
    references_required: int = 2  # typical practice, not law
    induction_weeks: int = 12  # typical practice, not law
    # An Update Service status check this recent with "no change" restarts the re-check clock.
    status_check_window_months: int = 12


@dataclass(frozen=True)
class PAChecks:
    """One PA with everything the rules need: key, name, dates, role and their checks."""

    key: Hashable
    name: str
    start_date: date | None = None
    leaving_date: date | None = None  # the last day of employment
    role: str = ""  # used by training.RequiredTraining
    dbs_checks: tuple[DBSCheck, ...] = ()
    right_to_work_checks: tuple[RightToWorkCheck, ...] = ()
    references: tuple[Reference, ...] = ()
    contract: Contract | None = None



def has_left(pa: PAChecks, today: date) -> bool:
    """Left before today: the leaving date is the last day of employment."""
    return pa.leaving_date is not None and pa.leaving_date < today


def after_leaving(pa: PAChecks, due: date | None) -> bool:
    """Whether an item falls due after the PA's known leaving date, so never needs doing."""
    return pa.leaving_date is not None and due is not None and due > pa.leaving_date


def latest_of(records: Iterable, key) -> Any:
    """The record with the greatest key; on a tie the later one in the input wins."""
    found = None
    for record in records:
        if found is None or key(record) >= key(found):
            found = record
    return found
