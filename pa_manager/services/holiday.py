"""A PA's holiday in the employer's leave year (domain.holiday): the balance (entitlement, carried over,
bank holidays, taken, booked, left), booking holiday against it, and carrying leave over into the next
leave year with the reason. Bookings and carry-overs are undone as data (services.undo).

Where the figures come from: the entitlement from the PA's contracted hours and the days their rota
works (pro rata for a starter or leaver), or, for irregular hours, the 12.07% earned in finalised pay
runs paid in the leave year; taken is the holiday recorded on the rota or timesheets (holiday shifts)
in the leave year up to today, leaving out bank holidays already counted; booked is the holiday on the
timesheet for days still to come (a booking puts it there) and what each booking holds back beyond the
holiday recorded inside its dates.

Booking holiday for a PA on fixed hours also puts it on the timesheet (services.holiday_timesheet): the
shifts the rota plans for them on those days become holiday shifts, which are then taken, so the
booking holds back only what is beyond them and nothing is counted twice; cancelling the booking takes
back those not yet paid. Both are one undo step each.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from pa_manager.domain import holiday as rules
from pa_manager.domain.bank_holidays import bank_holidays_between
from pa_manager.domain.compliance import DEFAULT_WITHIN_DAYS, DueItem, sort_due_items
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.holiday import Booking, CarryOver, LeaveYear, LeaveYearBalance
from pa_manager.domain.money import ZERO
from pa_manager.domain.people import PARecord
from pa_manager.domain.rota import working_weekdays
from pa_manager.domain.shifts import Shift, ShiftType, local_date, minutes_to_hours, paid_minutes
from pa_manager.domain.validation import Problem
from pa_manager.services import holiday_timesheet
from pa_manager.services.employers import employer_in
from pa_manager.services.errors import NotFound, ValidationFailed
from pa_manager.services.holiday_timesheet import TimesheetHoliday
from pa_manager.services.mapping import employer_record, pa_record
from pa_manager.services.people import list_pas
from pa_manager.services.rota import pattern_record
from pa_manager.services.shifts import shift_rows, to_shift
from pa_manager.services.undo import Done, Recorder, Rule, done
from pa_manager.storage import models
from pa_manager.storage.database import Database, lock_employer

HOLIDAY_BOOKED = "HOLIDAY_BOOKED"
HOLIDAY_BOOKING_CANCELLED = "HOLIDAY_BOOKING_CANCELLED"
HOLIDAY_CARRIED_OVER = "HOLIDAY_CARRIED_OVER"
# The PA's record lacks the hours a week that a fixed-hours entitlement is worked out from.
HOLIDAY_NO_CONTRACTED_HOURS = "HOLIDAY_NO_CONTRACTED_HOURS"
HOLIDAY_BOOKING_HOURS_NEEDED = "HOLIDAY_BOOKING_HOURS_NEEDED"


@dataclass(frozen=True)
class HolidayYear:
    """One PA's holiday in one leave year, and what the screens and command line show with it."""

    pa_id: int
    pa_name: str
    balance: LeaveYearBalance
    weekdays: tuple[int, ...]       # the days they normally work (Monday = 0)
    day_hours: Decimal              # a working day's hours (fixed hours; 0 for irregular hours)
    bookings: tuple[Booking, ...]
    carried_in: tuple[CarryOver, ...]
    carried_out: tuple[CarryOver, ...]
    codes: tuple[str, ...] = ()     # HOLIDAY_NO_CONTRACTED_HOURS

    @property
    def year(self) -> LeaveYear:
        return self.balance.year

    def take_by(self, carry: CarryOver) -> date:
        """The last day leave carried over may be taken."""
        return rules.carry_take_by(carry)


@dataclass(frozen=True)
class BookedHoliday:
    """A booking made, and what it put on the timesheet (nothing for a PA whose hours vary)."""

    booking: Booking
    timesheet: TimesheetHoliday = TimesheetHoliday()


@dataclass(frozen=True)
class CancelledBooking:
    """A booking taken away: the hours of holiday shifts it had made that were taken off the timesheet
    (their planned shifts are back on the rota)."""

    hours_taken_back: Decimal = ZERO


def _pa_and_employer(s, pa_id: int) -> tuple[PARecord, EmployerRecord]:
    row = s.get(models.PersonalAssistant, pa_id)
    if row is None:
        raise NotFound("PA_GONE")
    return pa_record(row), employer_record(row.employer)


def _carry(row: models.HolidayCarryOver, irregular: bool) -> CarryOver:
    return CarryOver(row.hours, row.reason, row.from_year_start, irregular, row.note, row.id)


def _holiday_shifts(s, pa_id: int, year: LeaveYear) -> list[tuple[date, Decimal]]:
    rows = s.execute(shift_rows().where(
        models.Shift.pa_id == pa_id, models.Shift.shift_type == ShiftType.HOLIDAY.value,
        models.Shift.local_date >= year.start, models.Shift.local_date <= year.end))
    found = [to_shift(row) for row in rows]
    return [(local_date(shift), minutes_to_hours(paid_minutes(shift))) for shift in found]


def _year_for(s, pa: PARecord, employer: EmployerRecord, year: LeaveYear, *,
              leave_out_booking: int | None = None, leave_out_carry: int | None = None,
              today: date | None = None) -> HolidayYear:
    patterns = [pattern_record(r).pattern for r in s.scalars(select(models.RotaPattern).where(
        models.RotaPattern.pa_id == pa.id))]
    weekdays = working_weekdays(patterns, pa.id, year.start, year.end)
    codes: list[str] = []
    irregular = pa.irregular_hours
    four_weeks = None
    day_hours = ZERO
    if irregular:
        # Stored as exact text (storage.types.ExactDecimal): added up here, never by SQL
        entitlement = sum(s.scalars(select(models.StoredPayslip.holiday_hours_accrued)
                                    .join(models.PayRun, models.PayRun.id == models.StoredPayslip.pay_run_id)
                                    .where(models.StoredPayslip.pa_id == pa.id, models.PayRun.pay_date >= year.start,
                                           models.PayRun.pay_date <= year.end)), ZERO)
    elif pa.contracted_hours:
        days = Decimal(len(weekdays))
        full = rules.fixed_hours_entitlement(pa.contracted_hours, days, year.start, employed_from=pa.start_date,
                                             employed_to=pa.leaving_date)
        entitlement = full.hours
        four_weeks = rules.four_weeks_share(full.hours, pa.contracted_hours, full.share_of_year, year.start)
        day_hours = pa.contracted_hours / days
    else:
        entitlement = ZERO
        codes.append(HOLIDAY_NO_CONTRACTED_HOURS)
    bank_days = rules.working_bank_holidays(
        [b.day for b in bank_holidays_between(employer.nation, year.start, year.end)], weekdays, year,
        employed_from=pa.start_date, employed_to=pa.leaving_date) if not irregular else ()
    counted = set(bank_days)
    shifts = [(day, hours) for day, hours in _holiday_shifts(s, pa.id, year) if day not in counted]
    bookings = tuple(
        Booking(r.first_day, r.last_day, r.hours, r.note, r.id,
                sum((hours for day, hours in shifts if r.first_day <= day <= r.last_day), ZERO))
        for r in s.scalars(select(models.HolidayBooking).where(
            models.HolidayBooking.pa_id == pa.id, models.HolidayBooking.first_day >= year.start,
            models.HolidayBooking.first_day <= year.end).order_by(models.HolidayBooking.first_day))
        if r.id != leave_out_booking)
    carries = [_carry(r, irregular) for r in s.scalars(select(models.HolidayCarryOver).where(
        models.HolidayCarryOver.pa_id == pa.id, models.HolidayCarryOver.from_year_start <= year.start)
        .order_by(models.HolidayCarryOver.id)) if r.id != leave_out_carry]
    carried_out = tuple(c for c in carries if c.from_year_start == year.start)
    carried_in = _carried_in(s, pa, employer, year, carries, leave_out_carry)
    balance = rules.leave_year_balance(
        year, irregular=irregular, entitlement=entitlement, four_weeks=four_weeks, carried_in=carried_in,
        carried_out=carried_out, bank_holiday_choice=employer.bank_holidays, bank_holiday_days=bank_days,
        day_hours=day_hours, taken=sum((hours for day, hours in shifts if today is None or day <= today), ZERO),
        coming=sum((hours for day, hours in shifts if today is not None and day > today), ZERO), bookings=bookings)
    return HolidayYear(pa.id, pa.name, balance, tuple(weekdays), day_hours, bookings, carried_in, carried_out,
                       tuple(codes))


def _carried_in(s, pa: PARecord, employer: EmployerRecord, year: LeaveYear, carries: list[CarryOver],
                leave_out_carry: int | None) -> tuple[CarryOver, ...]:
    """Leave carried out of the leave year before, and what is left of leave carried out of earlier
    years that may still be taken (worked out from the year before's balance)."""
    previous = year.previous()
    direct = tuple(c for c in carries if c.from_year_start == previous.start)
    if not any(c.from_year_start < previous.start and rules.carry_take_by(c) >= year.start for c in carries):
        return direct
    before = _year_for(s, pa, employer, previous, leave_out_carry=leave_out_carry)
    return rules.carried_forward(before.balance, before.carried_in) + direct


def holiday_year(db: Database, pa_id: int, on: date, today: date | None = None) -> HolidayYear:
    """The PA's holiday in the employer's leave year that `on` falls in. Given `today`, holiday on the
    timesheet after it (a booking puts it there) is booked, not yet taken."""
    with db.session() as s:
        pa, employer = _pa_and_employer(s, pa_id)
        return _year_for(s, pa, employer, rules.leave_year(on, employer.leave_year_starts), today=today)


def _hours(text_or_value) -> Decimal:
    return Decimal(text_or_value).quantize(Decimal("0.01"))


def _refuse(field: str, code: str, value=None, **params) -> None:
    raise ValidationFailed({field: Problem.of(code, value, **params)})


_BOOKING_FIELDS = {rules.HOLIDAY_BOOKING_DATES_REVERSED: "last_day", rules.HOLIDAY_BOOKING_HOURS_INVALID: "hours",
                   rules.HOLIDAY_BOOKING_SPANS_LEAVE_YEARS: "last_day",
                   rules.HOLIDAY_BOOKING_OUTSIDE_EMPLOYMENT: "first_day",
                   rules.HOLIDAY_BOOKING_OVERLAPS: "first_day", rules.HOLIDAY_BOOKING_EXCEEDS_BALANCE: "hours",
                   rules.HOLIDAY_BOOKING_SHIFTS_EXCEED_BALANCE: "last_day"}


def _check_booking(s, pa: PARecord, employer: EmployerRecord, booking: Booking, adding: tuple[Shift, ...] = ()) -> None:
    """Refuse the booking (ValidationFailed) as domain.holiday.check_booking does: it holds back what is
    beyond the holiday already recorded in its dates, or, when more, the holiday shifts it is `adding`
    (bank holidays among either are counted in the balance already)."""
    year = rules.leave_year(booking.first_day, employer.leave_year_starts)
    found = _year_for(s, pa, employer, year, leave_out_booking=booking.id)
    counted = set(found.balance.bank_holiday_days)
    recorded = sum((hours for day, hours in _holiday_shifts(s, pa.id, year)
                    if day not in counted and booking.first_day <= day <= booking.last_day), ZERO)
    new = sum((minutes_to_hours(paid_minutes(x)) for x in adding if local_date(x) not in counted), ZERO)
    code = rules.check_booking(replace(booking, hours_taken=recorded), found.balance, found.bookings,
                               employed_from=pa.start_date, employed_to=pa.leaving_date, adding=new)
    if code is not None:
        _refuse(_BOOKING_FIELDS[code], code, booking.hours, left=_hours(found.balance.left),
                start=year.start, end=year.end, shifts=_hours(new))


def usual_hours(db: Database, pa_id: int, first_day: date, last_day: date) -> Decimal | None:
    """A fixed-hours PA's usual hours for the days (their working days, less bank holidays on them);
    None for a PA whose hours vary or whose record has no hours a week."""
    with db.session() as s:
        pa, employer = _pa_and_employer(s, pa_id)
        if pa.irregular_hours or not pa.contracted_hours or last_day < first_day:
            return None
        found = _year_for(s, pa, employer, rules.leave_year(first_day, employer.leave_year_starts))
        return rules.booking_hours(first_day, last_day, found.weekdays, found.day_hours,
                                   found.balance.bank_holiday_days)


def book_holiday(db: Database, pa_id: int, first_day: date, last_day: date, hours: Decimal | None = None,
                 note: str = "") -> Done[BookedHoliday]:
    """Book holiday from `first_day` to `last_day` for `hours` (for fixed hours, the usual hours of
    those days when None), and for a PA on fixed hours put it on the timesheet: their planned shifts
    on those days cancelled and recorded as holiday shifts (services.holiday_timesheet says which days
    are left as they are). One transaction, one undo step. Refused with ValidationFailed
    (domain.holiday.check_booking's codes; for HOLIDAY_BOOKING_EXCEEDS_BALANCE the hours left as
    `left`) with nothing stored."""
    with db.session(write=True) as s:
        pa, employer = _pa_and_employer(s, pa_id)
        lock_employer(s, employer.id)
        if hours is None:
            hours = usual_hours(db, pa_id, first_day, last_day)
            if hours is None:
                _refuse("hours", HOLIDAY_BOOKING_HOURS_NEEDED)
        booking = Booking(first_day, last_day, hours, note.strip())
        fixed = not pa.irregular_hours and bool(pa.contracted_hours) and first_day <= last_day
        timesheet = holiday_timesheet.plan(s, employer.id, pa.id, first_day, last_day) if fixed else TimesheetHoliday()
        _check_booking(s, pa, employer, booking, timesheet.holiday)
        recorder = Recorder(s)
        row = models.HolidayBooking(employer_id=employer.id, pa_id=pa.id, first_day=first_day, last_day=last_day,
                                    hours=hours, note=booking.note)
        s.add(row)
        s.flush()
        timesheet = holiday_timesheet.record(s, employer.id, row.id, timesheet)
        recorder.added_whole(models.HolidayBooking, row.id)  # with its holiday shifts and rota cancellations
        return done(BookedHoliday(replace(booking, id=row.id), timesheet), recorder, HOLIDAY_BOOKED,
                    employer.id, name=pa.name, first_day=first_day.isoformat(), last_day=last_day.isoformat())


def cancel_booking(db: Database, booking_id: int) -> Done[CancelledBooking]:
    """Take a booking away (the hours it held back are free again), with the holiday shifts and rota
    cancellations it made on days not yet paid (those on paid days stay, no longer linked to it)."""
    with db.session(write=True) as s:
        row = s.get(models.HolidayBooking, booking_id)
        if row is None:
            raise NotFound("HOLIDAY_BOOKING_GONE")
        employer_id = row.employer_id
        lock_employer(s, employer_id)  # no pay run is finalised between the paid-day check and the writes
        recorder = Recorder(s)
        recorder.watch(models.HolidayBooking, models.HolidayBooking.id == booking_id, dependents=True)
        name = s.get(models.PersonalAssistant, row.pa_id).name
        facts = {"name": name, "first_day": row.first_day.isoformat(), "last_day": row.last_day.isoformat()}
        minutes = holiday_timesheet.take_back(s, employer_id, booking_id)
        s.delete(row)
        s.flush()
        return done(CancelledBooking(minutes_to_hours(minutes)), recorder, HOLIDAY_BOOKING_CANCELLED, employer_id,
                    **facts)


def _check_carry(s, pa: PARecord, employer: EmployerRecord, carry: CarryOver) -> None:
    year = rules.leave_year(carry.from_year_start, employer.leave_year_starts)
    found = _year_for(s, pa, employer, year, leave_out_carry=carry.id)
    code = rules.check_carry_over(found.balance, carry.reason, carry.hours)
    if code is not None:
        field = "reason" if code == rules.CARRY_OVER_REASON_UNKNOWN else "hours"
        most = found.balance.carry_over_limits().for_reason(carry.reason, pa.irregular_hours) \
            if code == rules.CARRY_OVER_MORE_THAN_ALLOWED else ZERO
        _refuse(field, code, carry.hours if field == "hours" else carry.reason, most=_hours(most))


def carry_over(db: Database, pa_id: int, from_year: date, hours: Decimal, reason: str, note: str = "") -> Done[CarryOver]:
    """Carry `hours` of the PA's holiday out of the leave year `from_year` falls in, into the next one,
    for `reason` (domain.holiday.CARRY_OVER_REASONS). Refused with ValidationFailed when the law does
    not allow that much for that reason (CARRY_OVER_MORE_THAN_ALLOWED, with the most as `most`)."""
    with db.session(write=True) as s:
        pa, employer = _pa_and_employer(s, pa_id)
        lock_employer(s, employer.id)
        year = rules.leave_year(from_year, employer.leave_year_starts)
        carry = CarryOver(hours, reason, year.start, pa.irregular_hours, note.strip())
        _check_carry(s, pa, employer, carry)
        recorder = Recorder(s)
        row = models.HolidayCarryOver(employer_id=employer.id, pa_id=pa.id, from_year_start=year.start, hours=hours,
                                      reason=reason, note=carry.note)
        s.add(row)
        s.flush()
        recorder.added(models.HolidayCarryOver, row.id)
        return done(CarryOver(hours, reason, year.start, pa.irregular_hours, carry.note, row.id), recorder,
                    HOLIDAY_CARRIED_OVER, employer.id, name=pa.name, hours=str(hours), reason=reason)


class HolidayRule(Rule):
    """Undo and redo of a booking or a carry-over: what is put back is checked as booking and carrying
    over check it (a booking put back may no longer fit in what is left). A booking's holiday shifts come
    and go with it in the same change, checked by the shifts' own rule (none on a day now paid)."""

    tables = frozenset({"holiday_bookings", "holiday_carry_overs"})

    def after(self, s, rows, state, reversal):
        for r in rows:
            if r.new is None:
                continue
            new = r.new
            pa, employer = _pa_and_employer(s, new["pa_id"])
            if r.table == "holiday_bookings":
                _check_booking(s, pa, employer, Booking(new["first_day"], new["last_day"], Decimal(str(new["hours"])),
                                                        new["note"], new["id"] or r.id))
            else:
                _check_carry(s, pa, employer, CarryOver(Decimal(str(new["hours"])), new["reason"], new["from_year_start"],
                                                        pa.irregular_hours, new["note"], new["id"] or r.id))



def carried_leave_due(db: Database, employer_id: int, today: date, within_days: int = DEFAULT_WITHIN_DAYS, *,
                      include_ok: bool = False) -> list[DueItem]:
    """HOLIDAY_CARRIED_TO_TAKE for each current PA's carried-over leave not yet used or booked, by the
    day it must be taken by (domain.holiday.carried_leave_items)."""
    items: list[DueItem] = []
    with db.session() as s:
        employer = employer_in(s, employer_id)
        pas = list_pas(db, employer_id)  # as the rest of the due list has read them in this transaction
        # Which PAs have carried any leave over, in one query rather than one a PA.
        carrying = set(s.scalars(select(models.HolidayCarryOver.pa_id).distinct()
                                 .where(models.HolidayCarryOver.pa_id.in_([pa.id for pa in pas]))))
        for pa in sorted(pas, key=lambda pa: pa.id):
            if (pa.leaving_date is not None and pa.leaving_date < today) or pa.id not in carrying:
                continue
            found = _year_for(s, pa, employer, rules.leave_year(today, employer.leave_year_starts))
            items += rules.carried_leave_items(pa.id, pa.name, found.balance, found.carried_in, today, within_days)
    return sort_due_items(items, include_ok=include_ok)
