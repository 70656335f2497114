"""References, the written statement of terms and induction: what a new PA's file needs by when.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from pa_manager.domain.compliance.items import (
    CONTRACT_STATEMENT_DUE, DEFAULT_WITHIN_DAYS, DueItem, INDUCTION_DUE, MISSING, REFERENCES_MISSING, absent_status,
    deadline_status,
)
from pa_manager.domain.compliance.records import Contract, PAChecks, RecheckPolicy, Reference


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
