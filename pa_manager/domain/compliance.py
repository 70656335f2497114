"""Recruitment checks and employer duties: what is due, when, and how urgent.

The records are plain values (DBS checks, right-to-work checks, references, the contract, the
employer's duties) and the rules turn them into `DueItem`s, the dashboard's "what needs doing" list.
Each item carries a code, a due date (or None when there is no date to give) and a status:

- "overdue"  the due date has passed (the due day itself is not overdue);
- "due_soon" the due date is today or within `within_days` days (inclusive, default 30);
- "missing"  something that should exist does not, and it is not yet overdue or due soon (or has no
             date at all, such as a PA whose start date is not recorded);
- "warning"  a record that cannot be right as it stands (a meeting dated before the PA started): check
             and correct it;
- "ok"       in date; shown only when asked for (include_ok=True).

Every summary of a list of items ("2 overdue, 1 missing", "nothing needs doing") is made by
`summarise` from the same items the list shows, so a summary and its detail cannot disagree.

Sources are uk-rates.md sections 5 (pension duties), 9 (DBS, right to work) and 11 (direct-payment
reviews, employer's liability insurance). Where a rule is practice rather than law, its comment says so.
The module speaks in codes; pa_manager/messages.py words them. Ids (pa_key) are opaque: any hashable.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from dateutil.relativedelta import relativedelta

from pa_manager.domain import rates, retention, validation as v
from pa_manager.domain.validation import Problem

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


def _one_of(value: str, allowed: Iterable[str], code: str) -> None:
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
        _one_of(self.level, DBS_LEVELS, "DBS_LEVEL_UNKNOWN")
        _one_of(self.outcome, DBS_OUTCOMES, "DBS_OUTCOME_UNKNOWN")
        for _checked_on, result in self.status_checks:
            _one_of(result, STATUS_CHECK_RESULTS, "DBS_STATUS_RESULT_UNKNOWN")


@dataclass(frozen=True)
class RightToWorkCheck:
    method: str
    checked_on: date
    document_type: str = ""
    permission_expires: date | None = None  # None: no time limit (British or Irish, settled status...)

    def __post_init__(self) -> None:
        _one_of(self.method, RIGHT_TO_WORK_METHODS, "RIGHT_TO_WORK_METHOD_UNKNOWN")


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


def has_left(pa: PAChecks, today: date) -> bool:
    """Left before today: the leaving date is the last day of employment."""
    return pa.leaving_date is not None and pa.leaving_date < today


def after_leaving(pa: PAChecks, due: date | None) -> bool:
    """Whether an item falls due after the PA's known leaving date, so never needs doing."""
    return pa.leaving_date is not None and due is not None and due > pa.leaving_date


def _latest(records: Iterable, key) -> Any:
    """The record with the greatest key; on a tie the later one in the input wins."""
    found = None
    for record in records:
        if found is None or key(record) >= key(found):
            found = record
    return found


# --- Retention -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RetentionRule:
    """What of a kind of record is kept after employment ends (how long: domain.retention, from the
    rates data). Field names are those of the record's dataclass."""

    keep: tuple[str, ...]
    never_keep: tuple[str, ...] = ()


RETENTION: Mapping[str, RetentionRule] = {
    # DBS: keep only the summary, never the disclosure's content.
    "dbs_check": RetentionRule(keep=("certificate_number", "level", "issue_date", "outcome"),
                               never_keep=("disclosure_content",)),
    "right_to_work": RetentionRule(
        keep=("method", "checked_on", "document_type", "permission_expires", "document_copies")),
}


def keep_until(kind: str, leaving_date: date) -> date:
    """The last day a kind of record must (or may) be kept after a PA leaves."""
    return retention.keep_until(kind, leaving_date)


# --- DBS -------------------------------------------------------------------------------------------

def latest_dbs_check(checks: Iterable[DBSCheck]) -> DBSCheck | None:
    return _latest(checks, lambda c: c.issue_date)


def dbs_recheck_due(check: DBSCheck, today: date, policy: RecheckPolicy = RecheckPolicy()) -> tuple[date, str]:
    """The re-check date and what it runs from: "issue_date", "status_check" or "status_changed".

    - Normally the issue date + policy years (a certificate is accurate only on its issue date).
    - With the Update Service, a status check within the last `status_check_window_months` that found
      no change restarts the clock from that check (the project's rule).
    - A status check that found a change means the certificate is no longer current and DBS tells the
      employer to ask for a new check: due on that status check's date.
    """
    years = relativedelta(years=policy.dbs_recheck_years)
    past_checks = [s for s in (StatusCheck(*s) for s in check.status_checks) if s.checked_on <= today]
    latest = _latest(past_checks, lambda s: s.checked_on)
    if latest is not None and latest.result == CHANGED:
        return latest.checked_on, "status_changed"
    window_start = today - relativedelta(months=policy.status_check_window_months)
    if check.update_service and latest is not None and latest.checked_on >= window_start:
        return latest.checked_on + years, "status_check"
    return check.issue_date + years, "issue_date"


def dbs_items(pa: PAChecks, today: date, policy: RecheckPolicy = RecheckPolicy(),
              within_days: int = DEFAULT_WITHIN_DAYS) -> list[DueItem]:
    who = {"pa_key": pa.key, "pa_name": pa.name}
    check = latest_dbs_check(pa.dbs_checks)
    if check is None:
        # Councils expect a check before the PA starts (practice; DBS checks are not compulsory for
        # a household employer, but regulated activity makes the role eligible).
        return [DueItem.of(DBS_MISSING, pa.start_date, absent_status(pa.start_date, today, within_days), **who)]
    details = {"level": check.level, "certificate_number": check.certificate_number}
    due, runs_from = dbs_recheck_due(check, today, policy)
    items = [DueItem.of(DBS_RECHECK, due, deadline_status(due, today, within_days), runs_from=runs_from,
                        issue_date=check.issue_date, **details, **who)]
    if check.update_service:
        # The subscription is renewed yearly (£16 a year from 2 December 2024).
        renewal = check.update_service_renewal
        status = MISSING if renewal is None else deadline_status(renewal, today, within_days)
        items.append(DueItem.of(DBS_UPDATE_SERVICE_RENEWAL, renewal, status, **details, **who))
    if check.outcome == INFORMATION_DISCLOSED and check.risk_assessment_date is None:
        # Decide on the disclosure before the PA works on it: by the start date, or at once for a
        # certificate that arrives after the start (typical practice, not law).
        due = max(check.issue_date, pa.start_date) if pa.start_date else check.issue_date
        items.append(DueItem.of(DBS_RISK_ASSESSMENT_MISSING, due, absent_status(due, today, within_days),
                                **details, **who))
    return items


def check_dbs_check(check: DBSCheck) -> dict[str, Problem]:
    """Problems with a DBS record as entered, by field name (empty when it is acceptable)."""
    found: dict[str, Problem] = {}
    if (problem := v.check_dbs_certificate_number(check.certificate_number)) is not None:
        found["certificate_number"] = problem
    if check.update_service and check.level not in UPDATE_SERVICE_LEVELS:
        found["update_service"] = Problem.of(DBS_UPDATE_SERVICE_LEVEL, check.level)
    if check.risk_assessment_date is not None:
        if (problem := v.check_date_order(check.issue_date, check.risk_assessment_date)) is not None:
            found["risk_assessment_date"] = problem
    for checked_on, _result in check.status_checks:
        if (problem := v.check_date_order(check.issue_date, checked_on)) is not None:
            found["status_checks"] = problem
            break
    return found


# --- Right to work ---------------------------------------------------------------------------------

def right_to_work_items(pa: PAChecks, today: date, within_days: int = DEFAULT_WITHIN_DAYS) -> list[DueItem]:
    """Every employer must check right to work before employment starts, and check again before a
    time-limited permission runs out (Immigration, Asylum and Nationality Act 2006; uk-rates.md 9)."""
    who = {"pa_key": pa.key, "pa_name": pa.name}
    checks = pa.right_to_work_checks
    if not checks:
        return [DueItem.of(RIGHT_TO_WORK_MISSING, pa.start_date,
                           absent_status(pa.start_date, today, within_days), **who)]
    items = []
    first = min(c.checked_on for c in checks)
    # Before the first day of work: the app holds no times, so a check dated on the start day
    # cannot be shown to have come before the work and is flagged too.
    if pa.start_date is not None and first >= pa.start_date:
        items.append(DueItem.of(RIGHT_TO_WORK_AFTER_START, pa.start_date, OVERDUE, checked_on=first, **who))
    latest = _latest(checks, lambda c: c.checked_on)
    if latest.permission_expires is not None:
        # The follow-up check must be done before the permission expires: due on the expiry date.
        due = latest.permission_expires
        items.append(DueItem.of(RIGHT_TO_WORK_FOLLOW_UP, due, deadline_status(due, today, within_days),
                                checked_on=latest.checked_on, **who))
    return items


def shifts_before_right_to_work(
    shift_dates_by_pa: Mapping[Hashable, Iterable[date]],
    rtw_checks_by_pa: Mapping[Hashable, Iterable[RightToWorkCheck]],
) -> list[tuple[Hashable, date]]:
    """Shifts worked with no right-to-work check dated before the shift's date, by date.

    The check must come before the work; with dates only, a check on the shift's own day does not
    count (as for RIGHT_TO_WORK_AFTER_START). Each (PA, date) appears once.
    """
    found: list[tuple[Hashable, date]] = []
    for pa_key, shift_dates in shift_dates_by_pa.items():
        checked = [c.checked_on for c in rtw_checks_by_pa.get(pa_key, ())]
        first = min(checked) if checked else None
        found.extend((pa_key, day) for day in sorted(set(shift_dates)) if first is None or first >= day)
    return sorted(found, key=lambda pair: pair[1])  # stable: PAs keep the mapping's order on a day


# --- References and contract -----------------------------------------------------------------------

def satisfactory_references(references: Iterable[Reference]) -> int:
    return sum(1 for r in references if r.received_on is not None and r.satisfactory is True)


def reference_items(pa: PAChecks, today: date, policy: RecheckPolicy = RecheckPolicy(),
                    within_days: int = DEFAULT_WITHIN_DAYS) -> list[DueItem]:
    """Enough satisfactory references by the start date (typical practice, not law)."""
    received = satisfactory_references(pa.references)
    if received >= policy.references_required:
        return []
    return [DueItem.of(REFERENCES_MISSING, pa.start_date, absent_status(pa.start_date, today, within_days),
                       pa_key=pa.key, pa_name=pa.name, received=received, required=policy.references_required)]


def induction_due(start_date: date, policy: RecheckPolicy = RecheckPolicy()) -> date:
    return start_date + timedelta(weeks=policy.induction_weeks)


def contract_items(pa: PAChecks, today: date, policy: RecheckPolicy = RecheckPolicy(),
                   within_days: int = DEFAULT_WITHIN_DAYS) -> list[DueItem]:
    who = {"pa_key": pa.key, "pa_name": pa.name}
    contract = pa.contract or Contract()
    items = []
    if contract.statement_given_on is None:
        # The written statement of particulars is due on or before the first day of employment
        # (Employment Rights Act 1996 s.1, as amended from 6 April 2020).
        items.append(DueItem.of(CONTRACT_STATEMENT_DUE, pa.start_date,
                                absent_status(pa.start_date, today, within_days), **who))
    if contract.induction_completed_on is None:
        # Induction within 12 weeks of the start: typical practice, not law (the time frame commonly
        # given for the Care Certificate, which PAs are not required to complete).
        due = induction_due(pa.start_date, policy) if pa.start_date else None
        status = MISSING if due is None else deadline_status(due, today, within_days)
        items.append(DueItem.of(INDUCTION_DUE, due, status, practice_not_law=True, **who))
    return items


# --- Employer duties -------------------------------------------------------------------------------

def _pension_process(name: str, on: date) -> int:
    return int(rates.value_or_first("pension", f"process.{name}", on))


def declaration_due(duties_start: date) -> date:
    """Declaration of compliance: within 5 months of the duties start (TPR), 31 August -> 31 January
    (the months are in the pension rates data)."""
    return duties_start + relativedelta(months=_pension_process("declaration_months", duties_start))


def re_enrolment_window_months(duties_start: date) -> int:
    """How far either side of the anniversary the employer may choose the re-enrolment date (TPR)."""
    return _pension_process("re_enrolment_window_months", duties_start)


def next_re_enrolment(duties_start: date, last_re_enrolment_on: date | None = None) -> date:
    """The next re-enrolment date: a 3rd anniversary of the duties start.

    TPR lets the employer choose a date in a 6-month window from 3 months before to 3 months after
    the anniversary; the app uses the anniversary itself. A re-enrolment done within a window counts
    for that anniversary, so the next one is the first anniversary more than 3 months after it.
    (The years and months are in the pension rates data.)
    """
    every = _pension_process("re_enrolment_years", duties_start)
    window = re_enrolment_window_months(duties_start)
    covered = duties_start if last_re_enrolment_on is None else last_re_enrolment_on + relativedelta(months=window)
    cycle = 1
    while duties_start + relativedelta(years=every * cycle) <= covered:
        cycle += 1
    return duties_start + relativedelta(years=every * cycle)


def council_review_due(direct_payment_start: date, last_review_on: date | None = None) -> date:
    """Care and Support (Direct Payments) Regulations 2014 reg 7: first review within 6 months of the
    start, then no more than 12 months apart (the months are in data/rates/direct_payments.toml). The
    review is the council's duty; this is a reminder."""
    if last_review_on is None:
        first = int(rates.value_or_first("direct_payments", "review.first_months", direct_payment_start))
        return direct_payment_start + relativedelta(months=first)
    interval = int(rates.value_or_first("direct_payments", "review.interval_months", last_review_on))
    return last_review_on + relativedelta(months=interval)


def employer_items(today: date, duties: EmployerDuties, pas: Sequence[PAChecks],
                   within_days: int = DEFAULT_WITHIN_DAYS) -> list[DueItem]:
    items: list[DueItem] = []
    staying = [pa for pa in pas if not has_left(pa, today)]
    starts = [pa.start_date for pa in pas if pa.start_date is not None]

    # Employer's liability insurance: councils state it is a legal requirement for DP employers
    # (Employers' Liability (Compulsory Insurance) Act 1969, with an all-close-family exemption).
    if duties.insurance_renewal_date is not None:
        renewal = duties.insurance_renewal_date
        items.append(DueItem.of(INSURANCE_RENEWAL, renewal, deadline_status(renewal, today, within_days)))
    elif staying:
        # Nothing recorded: there is nothing to renew, only a policy to record (or to take out). Not
        # recorded is not known to be absent, so it is missing rather than overdue.
        items.append(DueItem.of(INSURANCE_MISSING, None, MISSING))

    # Register as an employer with HMRC before the first payday; the first start date is used as
    # the deadline since paydays are not known here.
    staying_starts = [pa.start_date for pa in staying if pa.start_date is not None]
    if duties.paye_registered_on is None and staying_starts:
        first = min(staying_starts)
        if (first - today).days <= within_days:
            items.append(DueItem.of(PAYE_REGISTRATION, first, deadline_status(first, today, within_days)))

    # Pension duties start on the first PA's first day of work (Pensions Act 2008).
    duties_start = duties.pension_duties_start or (min(starts) if starts else None)
    if duties_start is not None:
        declared = duties.declaration_of_compliance_on
        re_enrolled = duties.last_re_enrolment_on
        if declared is None:
            due = declaration_due(duties_start)
            items.append(DueItem.of(PENSION_DECLARATION, due, deadline_status(due, today, within_days),
                                    kind="first", duties_start=duties_start))
        elif re_enrolled is not None and declared < re_enrolled:
            # Re-declaration within 5 months of each re-enrolment (TPR).
            due = declaration_due(re_enrolled)
            items.append(DueItem.of(PENSION_DECLARATION, due, deadline_status(due, today, within_days),
                                    kind="re_declaration", duties_start=duties_start))
        if staying:
            due = next_re_enrolment(duties_start, re_enrolled)
            items.append(DueItem.of(PENSION_RE_ENROLMENT, due, deadline_status(due, today, within_days),
                                    duties_start=duties_start,
                                    window_months=re_enrolment_window_months(duties_start)))

    if duties.direct_payment_start is not None:
        due = council_review_due(duties.direct_payment_start, duties.last_council_review_on)
        items.append(DueItem.of(COUNCIL_REVIEW, due, deadline_status(due, today, within_days),
                                first=duties.last_council_review_on is None))
    return items


# --- One PA, and the whole list --------------------------------------------------------------------

def retention_items(pa: PAChecks, today: date, within_days: int = DEFAULT_WITHIN_DAYS) -> list[DueItem]:
    """For a PA who has left: when the kept records of each kind may be deleted (due after that day)."""
    if pa.leaving_date is None:
        return []
    items = []
    for kind, code, records in (("right_to_work", RIGHT_TO_WORK_RETENTION_ENDS, pa.right_to_work_checks),
                                ("dbs_check", DBS_RECORD_RETENTION_ENDS, pa.dbs_checks)):
        if records:
            until = keep_until(kind, pa.leaving_date)
            items.append(DueItem.of(code, until, deadline_status(until, today, within_days),
                                    pa_key=pa.key, pa_name=pa.name))
    return items


def pa_items(pa: PAChecks, today: date, policy: RecheckPolicy = RecheckPolicy(),
             within_days: int = DEFAULT_WITHIN_DAYS) -> list[DueItem]:
    """Every item for one PA, unsorted and including "ok" ones.

    A leaver gets only retention items; a PA with a leaving date ahead gets nothing due after it.
    """
    if has_left(pa, today):
        return retention_items(pa, today, within_days)
    items = [*dbs_items(pa, today, policy, within_days), *right_to_work_items(pa, today, within_days),
             *reference_items(pa, today, policy, within_days), *contract_items(pa, today, policy, within_days)]
    return [item for item in items if not after_leaving(pa, item.due)]


def due_items(today: date, employer_duties: EmployerDuties, pas: Sequence[PAChecks],
              policy: RecheckPolicy = RecheckPolicy(), within_days: int = DEFAULT_WITHIN_DAYS, *,
              include_ok: bool = False) -> list[DueItem]:
    """The dashboard's "what needs doing": overdue (oldest first), due soon, missing, then (if asked) ok."""
    items = employer_items(today, employer_duties, pas, within_days)
    for pa in pas:
        items.extend(pa_items(pa, today, policy, within_days))
    return sort_due_items(items, include_ok=include_ok)
