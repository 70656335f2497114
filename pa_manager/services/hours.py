"""Hours and their cost: totals by PA and shift type for any dates, counted as the payslip counts them;
the timesheet week, copying a week, and continuity of care."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from pa_manager.domain.bank_holidays import bank_holidays_between, is_bank_holiday
from pa_manager.domain.continuity import CARE_TYPES, Continuity, continuity_of_minutes
from pa_manager.domain.money import ZERO
from pa_manager.domain.people import PARecord, PayTerms, pay_terms
from pa_manager.domain.shifts import Shift, ShiftError, ShiftType, find_overlaps, local_date, local_shift, paid_minutes, to_london
from pa_manager.domain.work_pay import WorkPay, work_pay
from pa_manager.services.employers import get_employer
from pa_manager.services.people import list_pas
from pa_manager.services.rota import not_worked, planned_shifts
from pa_manager.services.shifts import (
    added_shifts, paid_day_problem, paid_minutes_column, paid_periods, row_values, shifts_between, stored_near, to_shift,
)
from pa_manager.services.undo import Done, Recorder
from pa_manager.storage import models
from pa_manager.storage.database import Database, lock_employer


@dataclass
class PATotals:
    """One PA's work counted as the payslip counts it (domain.work_pay): hours paid by the hour, by
    shift type, in whole minutes; sleep-in nights paid by the allowance, apart from the hours; and the
    cost, the sum of the same pay lines the payslip would show for these shifts."""

    pa_id: int
    name: str
    minutes_by_type: dict[ShiftType, int] = field(default_factory=dict)  # paid by the hour
    sleep_in_nights: int = 0
    cost: Decimal = ZERO        # of the shifts that have a rate
    missing_rate: bool = False  # some shift had no rate to cost it at
    shift_minutes: int = 0      # time on shift less breaks, asleep time included: to set against the rota

    @property
    def total_minutes(self) -> int:
        """Minutes paid by the hour, every type together (sleep-in nights are not in them)."""
        return sum(self.minutes_by_type.values())

    @property
    def has_work(self) -> bool:
        return bool(self.total_minutes or self.sleep_in_nights)

    @classmethod
    def of(cls, pa_id: int, name: str, work: WorkPay) -> PATotals:
        return cls(pa_id, name, minutes_by_type=work.paid_minutes_by_type, sleep_in_nights=work.sleep_in_nights,
                   cost=work.total, missing_rate=not work.cost_known,
                   shift_minutes=sum(paid_minutes(item.shift) for item in work.shifts))


class Costing:
    """Works out shifts' pay at each PA's own rates, with the employer's bank holidays."""

    def __init__(self, pas: list[PARecord], nation):
        self._terms = {pa.id: pay_terms(pa.pay_rates) for pa in pas}
        self._nation = nation

    def _is_bank_holiday(self, day: date) -> bool:
        return is_bank_holiday(day, self._nation)

    def work(self, pa_id: int, shifts: list[Shift]) -> WorkPay:
        """One PA's shifts as the payslip would count them; a shift with no rate still counts in the
        hours and nights, and leaves the cost unknown."""
        terms = self._terms.get(pa_id) or PayTerms((), (), ())
        return work_pay(shifts, terms.rates, terms.enhancements, self._is_bank_holiday,
                        sleep_in_allowances=terms.sleep_in_allowances, skip_unpriced=True)


def totals(shifts: list[Shift], pas: list[PARecord], costing: Costing) -> list[PATotals]:
    """Each PA's totals for the shifts given, by name."""
    names = {pa.id: pa.name for pa in pas}
    mine: dict[int, list[Shift]] = defaultdict(list)
    for shift in shifts:
        mine[shift.pa].append(shift)
    found = [PATotals.of(pa_id, names.get(pa_id, ""), costing.work(pa_id, own)) for pa_id, own in mine.items()]
    return sorted(found, key=lambda t: t.name.lower())


def hours_summary(db: Database, employer_id: int, first: date, last: date) -> list[PATotals]:
    """Hours paid by the hour and sleep-in nights of each PA, by type, for shifts starting from `first`
    to `last`, with their cost: for a pay period, the payslip's pay for work to the penny."""
    pas = list_pas(db, employer_id)
    costing = Costing(pas, get_employer(db, employer_id).nation)
    return totals(shifts_between(db, employer_id, first, last), pas, costing)


# --- the timesheet week -------------------------------------------------------------------------


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class WeekRow:
    pa: PARecord
    worked: dict[date, list[Shift]]
    planned: dict[date, list[Shift]]
    worked_totals: PATotals
    planned_minutes: int   # time on shift less breaks, as PATotals.shift_minutes: set against the rota
    on_rota_minutes: int = 0   # the same for every shift the rota plans this week, worked or not


@dataclass(frozen=True)
class WeekView:
    monday: date
    rows: tuple[WeekRow, ...]
    bank_holidays: dict[date, str]

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(self.monday + timedelta(days=i) for i in range(7))


def week_view(db: Database, employer_id: int, monday: date) -> WeekView:
    """Worked and planned shifts of every PA for the week starting `monday`, with totals and cost."""
    sunday = monday + timedelta(days=6)
    employer = get_employer(db, employer_id)
    pas = list_pas(db, employer_id)
    worked = shifts_between(db, employer_id, monday, sunday)
    on_rota = planned_shifts(db, employer_id, monday, sunday, include_worked=True)
    planned = not_worked(on_rota, worked)  # the rota worked out once, for both questions
    on_rota_minutes: dict[int, int] = defaultdict(int)
    for shift in on_rota:
        on_rota_minutes[shift.pa] += paid_minutes(shift)
    costing = Costing(pas, employer.nation)
    worked_totals = {t.pa_id: t for t in totals(worked, pas, costing)}
    rows = []
    for pa in pas:
        mine_worked = [s for s in worked if s.pa == pa.id]
        mine_planned = [s for s in planned if s.pa == pa.id]
        employed = (pa.start_date is None or pa.start_date <= sunday) and (pa.leaving_date is None or pa.leaving_date >= monday)
        if not (employed or mine_worked or mine_planned):
            continue
        by_day_worked, by_day_planned = defaultdict(list), defaultdict(list)
        for s in mine_worked:
            by_day_worked[local_date(s)].append(s)
        for s in mine_planned:
            by_day_planned[local_date(s)].append(s)
        rows.append(WeekRow(
            pa=pa, worked=dict(by_day_worked), planned=dict(by_day_planned),
            worked_totals=worked_totals.get(pa.id, PATotals(pa.id, pa.name)),
            planned_minutes=sum(paid_minutes(s) for s in mine_planned),
            on_rota_minutes=on_rota_minutes.get(pa.id, 0),
        ))
    holidays = {h.day: h.name for h in bank_holidays_between(employer.nation, monday, sunday)}
    return WeekView(monday, tuple(rows), holidays)


def copy_week(db: Database, employer_id: int, from_monday: date, to_monday: date) -> Done[list[Shift]]:
    """Copy every worked shift of one week to another at the same local times; shifts that would
    overlap one already there, fall outside the PA's employment or on a day already paid are skipped.
    Gives what was added (SHIFTS_COPIED)."""
    source = shifts_between(db, employer_id, from_monday, from_monday + timedelta(days=6))
    offset = (to_monday - from_monday).days
    pas = {pa.id: pa for pa in list_pas(db, employer_id)}
    added: list[Shift] = []
    with db.session() as s:
        lock_employer(s, employer_id)  # no pay run is finalised between the paid-day check and the writes
        recorder = Recorder(s)
        paid = paid_periods(s, employer_id)
        for shift in source:
            start, end = to_london(shift.start), to_london(shift.end)
            day = local_date(shift) + timedelta(days=offset)
            if paid_day_problem(paid, day) is not None:
                continue
            try:
                copy = local_shift(day, start.time(), end.time(), pa=shift.pa, shift_type=shift.shift_type,
                                   break_minutes=shift.break_minutes, notes=shift.notes)
            except ShiftError:  # a time that does not exist on a clock-change day: leave it out
                continue
            pa = pas.get(shift.pa)
            if pa is None or not pa.is_current(day):
                continue
            # Only a clash with the copy counts; the earlier copies are also in stored_near by now.
            others = [x for x in stored_near(s, shift.pa, copy)]
            if any(copy in pair for pair in find_overlaps([*others, copy])):
                continue
            row = models.Shift(**row_values(employer_id, copy, "copy"))
            s.add(row)
            s.flush()
            added.append(to_shift(row))
        return Done(added, added_shifts(recorder, s, "SHIFTS_COPIED", employer_id, tuple(x.key for x in added)))


def continuity_of_care(db: Database, employer_id: int, first: date, last: date) -> Continuity:
    """Share of care hours worked by the employer's regular named PAs (the Citizens UK charter asks for 90%)."""
    regular = {pa.id for pa in list_pas(db, employer_id) if pa.regular}
    # Each PA's paid care minutes, summed by the database over the indexed range of days.
    shift = models.Shift
    with db.session() as s:
        by_pa = dict(s.execute(select(shift.pa_id, func.sum(paid_minutes_column())).where(
            shift.employer_id == employer_id, shift.local_date >= first, shift.local_date <= last,
            shift.shift_type.in_(sorted(t.value for t in CARE_TYPES))).group_by(shift.pa_id)).all())
    return continuity_of_minutes({pa: int(minutes) for pa, minutes in by_pa.items()}, regular)
