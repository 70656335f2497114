"""What needs doing about taking on and keeping PAs, for the dashboard's list: changes to tell in
writing, applicants' details to erase, probation reviews, pay-scale steps on work anniversaries, carried-over
holiday to take before it is lost. One entry point, so services.due.due_list
gains one line."""
from __future__ import annotations

from datetime import date

from pa_manager.domain import holiday, induction, particulars, pay_scale, recruitment
from pa_manager.domain.compliance import DEFAULT_WITHIN_DAYS, DueItem
from pa_manager.storage.database import Database

# The codes of the items below: the dashboard sends them to the Recruitment page.
RECRUITMENT_CODES = frozenset({particulars.STATEMENT_CHANGE_DUE, recruitment.APPLICANT_DETAILS_ERASE,
                               induction.PROBATION_REVIEW_DUE})
# ...and these to the PA on the People page, where their new rate is added or their holiday booked.
PEOPLE_CODES = frozenset({pay_scale.PAY_STEP_DUE, pay_scale.PAY_STEP_COMING, holiday.HOLIDAY_CARRIED_TO_TAKE})


def staff_due(db: Database, employer_id: int, today: date, within_days: int = DEFAULT_WITHIN_DAYS, *,
              include_ok: bool = False) -> list[DueItem]:
    from pa_manager.services.holiday import carried_leave_due
    from pa_manager.services.induction import probation_due
    from pa_manager.services.pay_scale import pay_step_due
    from pa_manager.services.recruitment import recruitment_due
    from pa_manager.services.statements import statement_due

    return [*statement_due(db, employer_id, today, within_days, include_ok=include_ok),
            *recruitment_due(db, employer_id, today, within_days, include_ok=include_ok),
            *probation_due(db, employer_id, today, within_days, include_ok=include_ok),
            *pay_step_due(db, employer_id, today, within_days, include_ok=include_ok),
            *carried_leave_due(db, employer_id, today, within_days, include_ok=include_ok)]
