"""The employer's own duties: employer's liability insurance, registering for PAYE, the pension
declaration of compliance and re-enrolment (Pensions Act 2008), and the council's review of the direct
payment (Care and Support (Direct Payments) Regulations 2014 reg 7). The periods are in the rates data.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from dateutil.relativedelta import relativedelta

from pa_manager.domain import rates
from pa_manager.domain.compliance.items import (
    COUNCIL_REVIEW, DEFAULT_WITHIN_DAYS, DueItem, INSURANCE_MISSING, INSURANCE_RENEWAL, MISSING, PAYE_REGISTRATION,
    PENSION_DECLARATION, PENSION_RE_ENROLMENT, deadline_status,
)
from pa_manager.domain.compliance.records import EmployerDuties, PAChecks, has_left


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
