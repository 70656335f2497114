"""What needs doing, for the dashboard, `due`, the checklists and Caseload: the employer's duties and each
PA's checks (services.checks), training, HMRC's year end and RTI, and taking on and keeping PAs
(services.staff_due), and working time (services.working_time), in one list, most urgent first. Apart from the checks, so that services which
write the checks' records (finishing an induction, taking someone on) never import their way back here."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from pa_manager.domain import compliance as rules
from pa_manager.domain.compliance import DueItem
from pa_manager.domain.people import PARecord
from pa_manager.domain.record_checks import name_key
from pa_manager.services import rti, working_time, year_end
from pa_manager.services.checks import SHIFT_BEFORE_RIGHT_TO_WORK, PACheckRecords, duties_of, policy_of, records_of
from pa_manager.services.employers import list_employers
from pa_manager.services.errors import NotFound
from pa_manager.services.mapping import employer_record, pa_record
from pa_manager.services.people import list_pas
from pa_manager.services.staff_due import staff_due
from pa_manager.services.training import training_due_for
from pa_manager.storage import models
from pa_manager.storage.database import Database


def first_shift_days(session, pa_ids: Sequence[int]) -> dict[int, date]:
    """Each PA's first day with a shift (none for a PA without shifts): one indexed look-up per PA
    (ix_shifts_pa_id_local_date), however long their history."""
    if not pa_ids:
        return {}
    first = (select(func.min(models.Shift.local_date)).where(models.Shift.pa_id == models.PersonalAssistant.id)
             .scalar_subquery())
    rows = session.execute(select(models.PersonalAssistant.id, first).where(models.PersonalAssistant.id.in_(pa_ids)))
    return {pa_id: day for pa_id, day in rows if day is not None}


def _shifts_before_right_to_work(session, checks: list[PACheckRecords]) -> list[DueItem]:
    """Shifts worked before any right-to-work check, one item per PA with the first such day."""
    # With no check at all, RIGHT_TO_WORK_MISSING already says it; this flags a check made too late.
    first_day = first_shift_days(session, [c.pa.id for c in checks if c.right_to_work])
    found = rules.shifts_before_right_to_work(
        {c.pa.id: [first_day[c.pa.id]] for c in checks if c.pa.id in first_day and c.right_to_work},
        {c.pa.id: [r.value for r in c.right_to_work] for c in checks},
    )
    names = {c.pa.id: c.pa.name for c in checks}
    return [DueItem.of(SHIFT_BEFORE_RIGHT_TO_WORK, day, rules.OVERDUE, pa_key=pa, pa_name=names[pa]) for pa, day in found]


def due_list(db: Database, employer_id: int, today: date, within_days: int = rules.DEFAULT_WITHIN_DAYS, *,
             include_ok: bool = False) -> list[DueItem]:
    """The employer's "what needs doing" list, most urgent first."""
    return due_lists(db, [employer_id], today, within_days, include_ok=include_ok)[employer_id]


def due_lists(db: Database, employer_ids: Sequence[int], today: date, within_days: int = rules.DEFAULT_WITHIN_DAYS,
              *, include_ok: bool = False) -> dict[int, list[DueItem]]:
    """Each employer's "what needs doing" list, most urgent first: the records of all of them read in a
    few queries (one for each kind of record), then each list worked out by the rules."""
    with db.session() as s:
        employers = {row.id: employer_record(row) for row in s.scalars(
            select(models.Employer).where(models.Employer.id.in_(employer_ids)))}
        if len(employers) < len(set(employer_ids)):
            raise NotFound("EMPLOYER_GONE_CHOOSE")
        owner: dict[int, int] = {}
        by_employer: dict[int, list[PARecord]] = {e: [] for e in employer_ids}
        if len(by_employer) == 1:  # one employer's: the list the action may have read already
            [only] = by_employer
            by_employer[only] = list_pas(db, only)
            owner = {pa.id: only for pa in by_employer[only]}
        else:
            rows = s.scalars(select(models.PersonalAssistant).where(models.PersonalAssistant.employer_id.in_(employer_ids))
                             .options(selectinload(models.PersonalAssistant.pay_rates)))
            for row in sorted(rows, key=lambda r: (name_key(r.name), r.id)):  # as list_pas orders them
                by_employer[row.employer_id].append(pa_record(row))
                owner[row.id] = row.employer_id
        pas = [pa for mine in by_employer.values() for pa in mine]
        records = records_of(s, list(employers), pas)
        checks = {e: [records[pa.id] for pa in mine] for e, mine in by_employer.items()}
        late = _shifts_before_right_to_work(s, [c for e in employer_ids for c in checks[e]])
        training = training_due_for(s, {e: [c.as_checks() for c in checks[e]] for e in employer_ids}, today, within_days,
                                    include_ok=include_ok)
        working = working_time.findings_of(db, by_employer, today, within_days, report_from=working_time.due_since(today))
    out = {}
    for employer_id in employer_ids:
        employer = employers[employer_id]
        items = rules.due_items(today, duties_of(employer), [c.as_checks() for c in checks[employer_id]],
                                policy_of(employer), within_days, include_ok=include_ok)
        items += [i for i in late if owner[i.pa_key] == employer_id]
        items += training[employer_id]
        items += year_end.p60_due_items(db, employer_id, today, within_days)
        items += rti.fps_due_items(db, employer_id, today, within_days)
        items += staff_due(db, employer_id, today, within_days, include_ok=include_ok)  # services/staff_due.py
        items += working_time.due_items(working[employer_id], today)  # services/working_time.py
        out[employer_id] = rules.sort_due_items(items, include_ok=include_ok)
    return out


@dataclass(frozen=True)
class CaseloadRow:
    employer_id: int
    name: str
    council: str
    current_pas: int
    overdue: int
    due_soon: int
    next_due: date | None


def caseload(db: Database, today: date, within_days: int = rules.DEFAULT_WITHIN_DAYS) -> list[CaseloadRow]:
    """Every employer in the data file with how much is overdue or due soon, most overdue first."""
    rows = []
    with db.session():  # one transaction for the whole list
        employers = list_employers(db, today)
        lists = due_lists(db, [e.id for e in employers], today, within_days)
    for employer in employers:
        items = lists[employer.id]
        dated = [i.due for i in items if i.due is not None and i.due >= today]
        rows.append(CaseloadRow(
            employer.id, employer.name, employer.council, employer.current_pas,
            overdue=sum(i.status == rules.OVERDUE for i in items),
            due_soon=sum(i.status == rules.DUE_SOON for i in items),
            next_due=min(dated) if dated else None,
        ))
    return sorted(rows, key=lambda r: (-r.overdue, -r.due_soon, r.name.lower()))
