"""Working time (domain.working_time) for one PA or a whole household: their shifts of the last 17 weeks
and the coming rota, read with indexed range queries (never the whole history), checked against the
Working Time Regulations; for the "what needs doing" list, `pa-manager working-time` and the warning on
a shift being entered."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import Integer, and_, case, func, select, type_coerce

from pa_manager.domain import working_time as rules
from pa_manager.domain.compliance import DEFAULT_WITHIN_DAYS, WARNING, DueItem
from pa_manager.domain.people import PARecord
from pa_manager.domain.shifts import Shift, ShiftType, find_overlaps, local_date
from pa_manager.domain.working_time import Finding
from pa_manager.services.errors import NotFound
from pa_manager.services.people import list_pas
from pa_manager.services.rota import planned_shifts_of
from pa_manager.services.shifts import shift_rows, to_shift
from pa_manager.storage import models
from pa_manager.storage.database import Database

# The key a shift being typed in carries while it is checked (it has no id until it is saved).
TYPED = "typed"


@dataclass(frozen=True)
class PAFindings:
    pa_id: int
    name: str
    findings: tuple[Finding, ...]


# The rota is looked at no further ahead than this, however far ahead the list is asked for: a plan
# months away is likely to change, and each day ahead is worked out from the rota's patterns.
MAX_DAYS_AHEAD = 56


def period(today: date, within_days: int = DEFAULT_WITHIN_DAYS) -> tuple[date, date]:
    """The days looked at: the 17 weeks (the reference period, from the rates) to last Sunday, then this
    week and the coming rota up to `within_days` ahead (at most MAX_DAYS_AHEAD). So the 48-hour average is
    worked out for the last 17 whole weeks and for each period ending on a Sunday after them."""
    weeks = rules.limits_on(today).reference_weeks
    monday = today - timedelta(days=today.weekday())
    ahead = today + timedelta(days=max(0, min(within_days, MAX_DAYS_AHEAD)))
    return monday - timedelta(weeks=weeks), max(monday + timedelta(days=6), ahead)


def _worked(session, employer_ids, first: date, last: date, pa_id: int | None = None) -> list[Shift]:
    """Worked shifts starting from the day before `first` to `last`: the employers' (a range of
    ix_shifts_employer_id_local_date for each), or one PA's (ix_shifts_pa_id_local_date)."""
    query = shift_rows().where(models.Shift.local_date >= first - timedelta(days=1), models.Shift.local_date <= last)
    query = (query.where(models.Shift.pa_id == pa_id) if pa_id is not None
             else query.where(models.Shift.employer_id.in_(list(employer_ids))))
    return [to_shift(row) for row in session.execute(query.order_by(models.Shift.starts_at))]


def _check(pa: PARecord, shifts: list[Shift], first: date, last: date, report_from: date | None = None,
           totals: rules.DayTotals | None = None) -> list[Finding]:
    return rules.check_working_time(shifts, first, last, date_of_birth=pa.date_of_birth,
                                    opt_out_signed=pa.working_time_opt_out, start_date=pa.start_date, pa=pa.id,
                                    report_from=report_from, totals=totals)


def findings_of(db: Database, pas_by_employer: Mapping[int, Sequence[PARecord]], today: date,
                within_days: int = DEFAULT_WITHIN_DAYS, *, report_from: date | None = None) -> dict[int, list[PAFindings]]:
    """Each employer's PAs' findings over the last 17 weeks and the coming rota (only PAs with some, in
    the order given): all the employers' shifts in one query, their rotas in one query each for patterns
    and changes (services.rota.planned_shifts_of). With `report_from`, rest, breaks and a young worker's
    hours only from that day on (domain.working_time.check_working_time)."""
    first, last = period(today, within_days)
    # With report_from, the older days are only wanted for the 48-hour average: the database sums them.
    until = (report_from - timedelta(days=report_from.weekday() + 7)) if report_from is not None else None
    if until is not None and until <= first:
        until = None
    with db.session() as s:
        worked = _worked(s, pas_by_employer, until or first, last)
        planned = planned_shifts_of(s, pas_by_employer, today, last, worked) if last >= today else {}
        totals = _day_totals(s, pas_by_employer, first, until, today) if until is not None else {}
    by_pa: dict[int, list[Shift]] = defaultdict(list)
    for shift in [*worked, *(p for coming in planned.values() for p in coming)]:
        by_pa[shift.pa].append(shift)
    out: dict[int, list[PAFindings]] = {}
    for employer_id, pas in pas_by_employer.items():
        out[employer_id] = [PAFindings(pa.id, pa.name, tuple(found)) for pa in pas
                            if (found := _check(pa, by_pa.get(pa.id, []), first, last, report_from,
                                                totals.get(pa.id) or (rules.DayTotals(until, {}) if until else None)))]
    return out


def _day_totals(session, employer_ids, first: date, until: date, today: date) -> dict[int, rules.DayTotals]:
    """Each PA's working minutes and days of holiday or sickness from `first` to the day before `until`,
    summed by the database per day (stored instants are whole seconds, so the sums are exact)."""
    limits = rules.limits_on(today)
    working = [t.value for t in ShiftType if t not in rules.NOT_WORKING_TIME
               and (limits.sleep_in_counts or t is not ShiftType.SLEEP_IN)]
    absent = [t.value for t in rules.NOT_WORKING_TIME]
    seconds = type_coerce(models.Shift.ends_at, Integer) - type_coerce(models.Shift.starts_at, Integer)
    minutes = seconds // 60 - models.Shift.break_minutes
    query = (select(models.Shift.pa_id, models.Shift.local_date,
                    func.sum(case((and_(models.Shift.shift_type.in_(working), minutes > 0), minutes), else_=0)),
                    func.sum(case((models.Shift.shift_type.in_(absent), 1), else_=0)))
             .where(models.Shift.employer_id.in_(list(employer_ids)), models.Shift.local_date >= first,
                    models.Shift.local_date < until)
             .group_by(models.Shift.pa_id, models.Shift.local_date))
    by_pa: dict[int, dict[date, int]] = defaultdict(dict)
    away: dict[int, set[date]] = defaultdict(set)
    for pa_id, day, worked_minutes, absences in session.execute(query):
        by_pa[pa_id][day] = int(worked_minutes or 0)
        if absences:
            away[pa_id].add(day)
    return {pa_id: rules.DayTotals(until, by_pa[pa_id], frozenset(away[pa_id])) for pa_id in set(by_pa) | set(away)}


def employer_findings(db: Database, employer_id: int, today: date, within_days: int = DEFAULT_WITHIN_DAYS) -> list[PAFindings]:
    """Each of the employer's PAs' findings over the last 17 weeks and the coming rota (only PAs with
    some), by name."""
    return findings_of(db, {employer_id: list_pas(db, employer_id)}, today, within_days)[employer_id]


def due_since(today: date) -> date:
    """The first day of last week: the "what needs doing" list shows findings from then on (and any 48-hour
    average); the CLI's `working-time` lists the whole 17 weeks."""
    return today - timedelta(days=today.weekday() + 7)


def due_items(findings: Sequence[PAFindings], today: date) -> list[DueItem]:
    """The findings from last week on (and any 48-hour average), as "Check" items on the "what needs
    doing" list."""
    since = due_since(today)
    return [DueItem.of(f.code, f.day, WARNING, pa_key=f.pa, pa_name=pa.name, subject=f"{f.code}:{f.day.isoformat()}",
                       found=f.found, limit=f.limit, first=f.first)
            for pa in findings for f in pa.findings if f.day >= since or f.code == rules.WEEKLY_AVERAGE_OVER]


def working_time_due(db: Database, employer_id: int, today: date, within_days: int = DEFAULT_WITHIN_DAYS) -> list[DueItem]:
    """due_items for one employer."""
    pas = {employer_id: list_pas(db, employer_id)}
    return due_items(findings_of(db, pas, today, within_days, report_from=due_since(today))[employer_id], today)


def shift_findings(db: Database, employer_id: int, shift: Shift, today: date) -> list[Finding]:
    """What a shift being entered would break, with the PA's other shifts and rota around it (17 weeks
    either side): warnings, never refusals. `shift.key` is the id of the shift it changes, or None."""
    with db.session() as s:
        row = s.get(models.PersonalAssistant, shift.pa)
        if row is None or row.employer_id != employer_id:
            raise NotFound("PA_GONE")
        pa = PARecord(name=row.name, date_of_birth=row.date_of_birth, start_date=row.start_date,
                      working_time_opt_out=row.working_time_opt_out, id=row.id)
        day = local_date(shift)
        weeks = rules.limits_on(day).reference_weeks
        monday = day - timedelta(days=day.weekday())
        first, last = monday - timedelta(weeks=weeks - 1), monday + timedelta(weeks=weeks, days=-1)
        others = [x for x in _worked(s, [employer_id], first, last, pa.id) if shift.key is None or x.key != shift.key]
        coming = planned_shifts_of(s, [employer_id], today, last, others)[employer_id] if last >= today else []
    typed = replace(shift, key=TYPED)
    planned = [p for p in coming if p.pa == pa.id and not find_overlaps([p, typed])]
    return rules.findings_touching(_check(pa, [*others, *planned, typed], first, last), TYPED)

