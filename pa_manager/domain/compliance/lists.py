"""Every item for one PA, and the whole list for an employer, most urgent first.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pa_manager.domain.compliance.items import DEFAULT_WITHIN_DAYS, DueItem, sort_due_items
from pa_manager.domain.compliance.records import EmployerDuties, PAChecks, RecheckPolicy, after_leaving, has_left
from pa_manager.domain.compliance.record_keeping import retention_items
from pa_manager.domain.compliance.dbs import dbs_items
from pa_manager.domain.compliance.right_to_work import right_to_work_items
from pa_manager.domain.compliance.references import contract_items, reference_items
from pa_manager.domain.compliance.employer_duties import employer_items


# --- One PA, and the whole list --------------------------------------------------------------------

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
