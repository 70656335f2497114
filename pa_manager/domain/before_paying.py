"""What the law (or plain sense) needs before money goes out, checked when a pay run is finalised.

None of these stops a pay run the way a minimum-wage shortfall does (the employer may have done the
thing elsewhere, or may mean it), but each must be seen and confirmed, because a first-time employer
makes exactly these mistakes: paying someone whose right to work was never checked, running a payroll
before registering with HMRC, not enrolling someone in a pension, paying £0 for hours that were
planned but not recorded, or typing a pay date far from today. Codes only; messages.py words them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Hashable, Sequence

PAY_DATE_IN_PAST = "CONFIRM_PAY_DATE_IN_PAST"
PAY_DATE_FAR_AHEAD = "CONFIRM_PAY_DATE_FAR_AHEAD"
NOT_REGISTERED_WITH_HMRC = "CONFIRM_NOT_REGISTERED_WITH_HMRC"
RIGHT_TO_WORK_NOT_CHECKED = "CONFIRM_RIGHT_TO_WORK_NOT_CHECKED"
RIGHT_TO_WORK_AFTER_FIRST_SHIFT = "CONFIRM_RIGHT_TO_WORK_AFTER_FIRST_SHIFT"
PENSION_ENROL_NOW = "CONFIRM_PENSION_ENROL_NOW"
NO_PAY_FOR_PLANNED_HOURS = "CONFIRM_NO_PAY_FOR_PLANNED_HOURS"
CODES = frozenset({PAY_DATE_IN_PAST, PAY_DATE_FAR_AHEAD, NOT_REGISTERED_WITH_HMRC, RIGHT_TO_WORK_NOT_CHECKED,
                   RIGHT_TO_WORK_AFTER_FIRST_SHIFT, PENSION_ENROL_NOW, NO_PAY_FOR_PLANNED_HOURS})

# A pay date further ahead than this is more likely a slip than paying in advance.
FAR_AHEAD = timedelta(days=7)


@dataclass(frozen=True)
class PAFacts:
    """One PA in the pay run, as far as these checks need."""

    key: Hashable
    name: str
    first_shift: date | None            # the first day they ever worked (None: none recorded)
    right_to_work_checked: date | None  # the earliest right-to-work check (None: none recorded)
    must_enrol: bool                    # eligible for automatic pension enrolment and not a member
    gross_pay: Decimal
    planned_hours: Decimal              # on the rota in this period, not recorded as worked


@dataclass(frozen=True)
class ToConfirm:
    code: str
    pa: Hashable = None
    name: str = ""
    day: date | None = None
    hours: Decimal | None = None


def before_paying(pay_date: date, today: date, registered_with_hmrc: bool, people: Sequence[PAFacts]) -> list[ToConfirm]:
    """Everything to confirm before finalising, the run's own first, then each PA's in order."""
    found = []
    if pay_date < today:
        found.append(ToConfirm(PAY_DATE_IN_PAST, day=pay_date))
    elif pay_date > today + FAR_AHEAD:
        found.append(ToConfirm(PAY_DATE_FAR_AHEAD, day=pay_date))
    if not registered_with_hmrc:
        found.append(ToConfirm(NOT_REGISTERED_WITH_HMRC))
    for pa in people:
        who = {"pa": pa.key, "name": pa.name}
        if pa.right_to_work_checked is None:
            found.append(ToConfirm(RIGHT_TO_WORK_NOT_CHECKED, **who))
        elif pa.first_shift is not None and pa.right_to_work_checked >= pa.first_shift:
            # The check must come before the work; with dates only, a check on the day does not count.
            found.append(ToConfirm(RIGHT_TO_WORK_AFTER_FIRST_SHIFT, day=pa.first_shift, **who))
        if pa.must_enrol:
            found.append(ToConfirm(PENSION_ENROL_NOW, **who))
        if pa.gross_pay == 0 and pa.planned_hours > 0:
            found.append(ToConfirm(NO_PAY_FOR_PLANNED_HOURS, hours=pa.planned_hours, **who))
    return found
