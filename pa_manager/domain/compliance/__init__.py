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

One module for each kind of check: items.py (the item, its statuses and codes, the order and the
summary), records.py (the records and their coded values), dbs.py, right_to_work.py, references.py
(references, the written statement, induction), employer_duties.py, record_keeping.py (how long
records are kept after a PA leaves), and lists.py (one PA's items and the whole list). This package
is their one public face: callers import from pa_manager.domain.compliance.

Where a rule is practice rather than law, its comment says so. The rules speak in codes;
pa_manager/messages.py words them. Ids (pa_key) are opaque: any hashable.
"""
from __future__ import annotations

from pa_manager.domain.compliance.items import (
    OVERDUE, DUE_SOON, MISSING, WARNING, OK, STATUSES, OPEN, DEFAULT_WITHIN_DAYS, DBS_MISSING, DBS_RECHECK,
    DBS_UPDATE_SERVICE_RENEWAL, DBS_RISK_ASSESSMENT_MISSING, DBS_RECORD_RETENTION_ENDS, RIGHT_TO_WORK_MISSING,
    RIGHT_TO_WORK_AFTER_START, RIGHT_TO_WORK_FOLLOW_UP, RIGHT_TO_WORK_RETENTION_ENDS, REFERENCES_MISSING,
    CONTRACT_STATEMENT_DUE, INDUCTION_DUE, INSURANCE_RENEWAL, INSURANCE_MISSING, PAYE_REGISTRATION,
    PENSION_DECLARATION, PENSION_RE_ENROLMENT, COUNCIL_REVIEW, CODES, DBS_UPDATE_SERVICE_LEVEL, DueItem,
    deadline_status, absent_status, urgency_key, sort_due_items, Summary, summarise,
)
from pa_manager.domain.compliance.records import (
    DBS_LEVELS, UPDATE_SERVICE_LEVELS, CLEAR, INFORMATION_DISCLOSED, DBS_OUTCOMES, NO_CHANGE, CHANGED,
    STATUS_CHECK_RESULTS, RIGHT_TO_WORK_METHODS, one_of, StatusCheck, DBSCheck, RightToWorkCheck, Reference,
    Contract, EmployerDuties, DBS_RECHECK_YEARS, REFERENCES_REQUIRED, RecheckPolicy, PAChecks, has_left,
    after_leaving, latest_of,
)
from pa_manager.domain.compliance.record_keeping import RetentionRule, RETENTION, keep_until, retention_items
from pa_manager.domain.compliance.dbs import latest_dbs_check, dbs_recheck_due, dbs_items, check_dbs_check
from pa_manager.domain.compliance.right_to_work import right_to_work_items, shifts_before_right_to_work
from pa_manager.domain.compliance.references import (
    satisfactory_references, reference_items, induction_due, contract_items,
)
from pa_manager.domain.compliance.employer_duties import (
    declaration_due, re_enrolment_window_months, next_re_enrolment, council_review_due, employer_items,
)
from pa_manager.domain.compliance.lists import pa_items, due_items

__all__ = [
    "OVERDUE", "DUE_SOON", "MISSING", "WARNING", "OK", "STATUSES", "OPEN", "DEFAULT_WITHIN_DAYS", "DBS_MISSING",
    "DBS_RECHECK", "DBS_UPDATE_SERVICE_RENEWAL", "DBS_RISK_ASSESSMENT_MISSING", "DBS_RECORD_RETENTION_ENDS",
    "RIGHT_TO_WORK_MISSING", "RIGHT_TO_WORK_AFTER_START", "RIGHT_TO_WORK_FOLLOW_UP", "RIGHT_TO_WORK_RETENTION_ENDS",
    "REFERENCES_MISSING", "CONTRACT_STATEMENT_DUE", "INDUCTION_DUE", "INSURANCE_RENEWAL", "INSURANCE_MISSING",
    "PAYE_REGISTRATION", "PENSION_DECLARATION", "PENSION_RE_ENROLMENT", "COUNCIL_REVIEW", "CODES",
    "DBS_UPDATE_SERVICE_LEVEL", "DueItem", "deadline_status", "absent_status", "urgency_key", "sort_due_items",
    "Summary", "summarise", "DBS_LEVELS", "UPDATE_SERVICE_LEVELS", "CLEAR", "INFORMATION_DISCLOSED", "DBS_OUTCOMES",
    "NO_CHANGE", "CHANGED", "STATUS_CHECK_RESULTS", "RIGHT_TO_WORK_METHODS", "one_of", "StatusCheck", "DBSCheck",
    "RightToWorkCheck", "Reference", "Contract", "EmployerDuties", "DBS_RECHECK_YEARS", "REFERENCES_REQUIRED",
    "RecheckPolicy", "PAChecks", "has_left", "after_leaving", "latest_of", "RetentionRule", "RETENTION",
    "keep_until", "retention_items", "latest_dbs_check", "dbs_recheck_due", "dbs_items", "check_dbs_check",
    "right_to_work_items", "shifts_before_right_to_work", "satisfactory_references", "reference_items",
    "induction_due", "contract_items", "declaration_due", "re_enrolment_window_months", "next_re_enrolment",
    "council_review_due", "employer_items", "pa_items", "due_items",
]
