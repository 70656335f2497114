"""DBS checks: the latest check, when a re-check is due (the employer's choice: certificates have
no legal expiry), the Update Service, and what a stored check must hold.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from dateutil.relativedelta import relativedelta

from pa_manager.domain import validation as v
from pa_manager.domain.validation import Problem
from pa_manager.domain.compliance.items import (
    DBS_MISSING, DBS_RECHECK, DBS_RISK_ASSESSMENT_MISSING, DBS_UPDATE_SERVICE_LEVEL, DBS_UPDATE_SERVICE_RENEWAL,
    DEFAULT_WITHIN_DAYS, DueItem, MISSING, absent_status, deadline_status,
)
from pa_manager.domain.compliance.records import (
    CHANGED, DBSCheck, INFORMATION_DISCLOSED, PAChecks, RecheckPolicy, StatusCheck, UPDATE_SERVICE_LEVELS,
    latest_of,
)


# --- DBS -------------------------------------------------------------------------------------------

def latest_dbs_check(checks: Iterable[DBSCheck]) -> DBSCheck | None:
    return latest_of(checks, lambda c: c.issue_date)


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
    latest = latest_of(past_checks, lambda s: s.checked_on)
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
