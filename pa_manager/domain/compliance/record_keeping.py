"""How long a PA's check records are kept after they leave, and the reminders when that time ends
(the periods are data: domain/retention.py and data/rates/retention.toml).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from pa_manager.domain import retention
from pa_manager.domain.compliance.items import (
    DBS_RECORD_RETENTION_ENDS, DEFAULT_WITHIN_DAYS, DueItem, RIGHT_TO_WORK_RETENTION_ENDS, deadline_status,
)
from pa_manager.domain.compliance.records import PAChecks


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
