"""Booked holiday on the timesheet (services.holiday_timesheet, through services.holiday): a fixed-hours
PA's planned shifts on the booked days become holiday shifts and are cancelled on the rota, a paid day
and a day with a shift already recorded are left as they are, cancelling takes them back, one undo step
each way, the balance counts them once, and the pay run pays them.

The household, worked by hand: Janet Moyo works Monday, Wednesday and Friday, 09:00 to 16:30 with a
30-minute unpaid break (7 hours a day, 21 a week, her contracted hours), at £12.71 an hour; the
employer's leave year starts on 1 January, bank holidays part of the entitlement, pay monthly.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timezone
from decimal import Decimal as D

import pytest

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.domain.rota import RotaPattern
from pa_manager.domain.shifts import ShiftType, local_date, paid_minutes, to_london
from pa_manager.services import employers, holiday, pay_runs, people, rota, shifts, transfer, undo_rules
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.holiday_timesheet import PAID, SHIFT_RECORDED, SkippedDay
from pa_manager.wording import undo_text
from tests.saying import raises_saying

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
MONDAY, WEDNESDAY, FRIDAY = date(2026, 11, 2), date(2026, 11, 4), date(2026, 11, 6)


@pytest.fixture
def household(db, today):
    employer = employers.save_employer(db, EmployerRecord(
        name="Ruth Ames", leave_year_start_month=1, leave_year_start_day=1, pay_frequency=PayFrequency.MONTHLY))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Janet Moyo", date_of_birth=date(1980, 1, 1), ni_number="AB123456C", start_date=date(2024, 6, 1),
        tax_code="1257L", contracted_hours=D("21"), pay_rates=(PayRateEntry(date(2024, 6, 1), D("12.71")),)), today)
    rota.save_pattern(db, employer.id, RotaPattern("Mon Wed Fri", pa.id, time(9), time(16, 30), frozenset({0, 2, 4}),
                                                   date(2024, 6, 3), break_minutes=30))
    return employer.id, pa.id


def _holiday(db, employer_id, first=date(2026, 10, 1), last=date(2026, 11, 30)):
    return [(local_date(s), to_london(s.start).time(), to_london(s.end).time(), s.break_minutes)
            for s in shifts.shifts_between(db, employer_id, first, last, shift_type=ShiftType.HOLIDAY)]


def _planned_days(db, employer_id, first=MONDAY, last=FRIDAY):
    return [local_date(s) for s in rota.planned_shifts(db, employer_id, first, last)]


def _cancelled(db, employer_id, first=date(2026, 10, 1), last=date(2026, 11, 30)):
    return [(c.change.day, c.change.start) for c in rota.list_changes(db, employer_id, first, last)]


def test_booking_a_rota_week_puts_the_planned_shifts_on_the_timesheet_as_holiday(db, household):
    employer_id, pa_id = household
    assert _planned_days(db, employer_id) == [MONDAY, WEDNESDAY, FRIDAY]
    done = holiday.book_holiday(db, pa_id, MONDAY, FRIDAY)
    # usual hours: 3 working days of 21 / 3 = 7 hours = 21 hours
    assert done.value.booking.hours == D("21.00")
    made = done.value.timesheet
    assert made.days == (MONDAY, WEDNESDAY, FRIDAY) and made.skipped == ()
    assert made.minutes == 3 * (7 * 60 + 30 - 30)  # 09:00 to 16:30 less 30 minutes, three times: 1,260 = 21 hours
    assert all(s.key is not None for s in made.holiday)
    assert _holiday(db, employer_id) == [(day, time(9), time(16, 30), 30) for day in (MONDAY, WEDNESDAY, FRIDAY)]
    assert _cancelled(db, employer_id) == [(day, time(9)) for day in (MONDAY, WEDNESDAY, FRIDAY)]
    assert _planned_days(db, employer_id) == []  # the Hours page, forecast and dashboard plan no work those days
    assert undo_text(done.change) == "Book holiday for Janet Moyo, 2 to 6 November 2026"


def test_the_balance_counts_the_booked_days_once(db, household):
    employer_id, pa_id = household
    before = holiday.holiday_year(db, pa_id, MONDAY).balance
    # 5.6 weeks of 21 hours = 117.6; bank holidays on her Monday, Wednesday, Friday in England 2026: 3 Apr,
    # 6 Apr, 4 May, 25 May, 31 Aug, 25 Dec, 28 Dec = 7 days of 7 hours = 49; 117.6 - 49 = 68.6 left
    assert (before.entitlement, before.bank_holidays, before.left) == (D("117.60"), D("49"), D("68.60"))
    holiday.book_holiday(db, pa_id, MONDAY, FRIDAY)
    year = holiday.holiday_year(db, pa_id, MONDAY)
    # 21 hours of holiday shifts are taken; the 21-hour booking holds back nothing beyond them
    assert (year.balance.taken, year.balance.booked, year.balance.left) == (D("21"), D("0"), D("47.60"))
    [booking] = year.bookings
    assert booking.hours_taken == D("21")
    # Seen on Tuesday 3 November: Monday's 7 hours are taken, Wednesday's and Friday's 14 still to come
    # are booked; what is left is the same 47.60.
    on_tuesday = holiday.holiday_year(db, pa_id, MONDAY, today=date(2026, 11, 3)).balance
    assert (on_tuesday.taken, on_tuesday.booked, on_tuesday.left) == (D("7"), D("14"), D("47.60"))


def test_a_booking_is_refused_when_its_holiday_shifts_are_more_than_is_left(db, household):
    employer_id, pa_id = household
    # a weekend away holds back 61.60 hours (no shifts on the rota then): 68.60 - 61.60 = 7 hours left
    holiday.book_holiday(db, pa_id, date(2026, 9, 12), date(2026, 9, 13), D("61.60"))
    # 7 hours booked for Monday to Wednesday, but the rota's Monday and Wednesday make 14 hours of holiday
    with raises_saying(ValidationFailed, "come to 14.00 hours, more than the 7.00 hours of holiday they have left"):
        holiday.book_holiday(db, pa_id, MONDAY, WEDNESDAY, D("7"))
    assert _holiday(db, employer_id) == [] and _planned_days(db, employer_id) == [MONDAY, WEDNESDAY, FRIDAY]
    assert len(holiday.holiday_year(db, pa_id, MONDAY).bookings) == 1


def test_a_paid_day_and_a_day_with_a_shift_recorded_are_left_as_they_are(db, household):
    employer_id, pa_id = household
    shifts.save_shift(db, employer_id, shifts.ShiftInput(pa_id, date(2026, 10, 5), time(9), time(16, 30),
                                                         break_minutes=30))
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 10, 30), NOW, confirmed=True)  # pays 1 to 31 October
    shifts.save_shift(db, employer_id, shifts.ShiftInput(pa_id, WEDNESDAY, time(9), time(16, 30), break_minutes=30))
    done = holiday.book_holiday(db, pa_id, date(2026, 10, 28), FRIDAY)  # Wed 28 Oct to Fri 6 Nov
    made = done.value.timesheet
    assert made.skipped == (SkippedDay(date(2026, 10, 28), PAID, date(2026, 10, 30)),
                            SkippedDay(date(2026, 10, 30), PAID, date(2026, 10, 30)),
                            SkippedDay(WEDNESDAY, SHIFT_RECORDED))
    assert made.days == (MONDAY, FRIDAY)
    assert _holiday(db, employer_id) == [(MONDAY, time(9), time(16, 30), 30), (FRIDAY, time(9), time(16, 30), 30)]
    assert _cancelled(db, employer_id) == [(MONDAY, time(9)), (FRIDAY, time(9))]
    # 5 working days of 7 hours booked (28 and 30 October, 2, 4 and 6 November) = 35; the 14 hours of holiday
    # shifts are taken, and the booking holds back the other 21
    b = holiday.holiday_year(db, pa_id, MONDAY).balance
    assert (done.value.booking.hours, b.taken, b.booked) == (D("35.00"), D("14"), D("21.00"))


def test_a_pa_whose_hours_vary_gets_no_holiday_shifts(db, household, today):
    employer_id, pa_id = household
    pa = people.get_pa(db, pa_id)
    people.save_pa(db, employer_id, replace(pa, irregular_hours=True, contracted_hours=None), today)
    # 7 hours worked in October earn 12.07% of 7 = 0.8449 hours of holiday
    shifts.save_shift(db, employer_id, shifts.ShiftInput(pa_id, date(2026, 10, 5), time(9), time(16, 30),
                                                         break_minutes=30))
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 10, 30), NOW, confirmed=True)
    done = holiday.book_holiday(db, pa_id, MONDAY, FRIDAY, D("0.5"))
    assert done.value.timesheet.holiday == () and _holiday(db, employer_id) == []
    assert _planned_days(db, employer_id) == [MONDAY, WEDNESDAY, FRIDAY]


def test_undo_and_redo_the_booking_as_one_step(db, household, today):
    employer_id, pa_id = household
    done = holiday.book_holiday(db, pa_id, MONDAY, FRIDAY)
    redo = undo_rules.reverse(db, done.change, today)
    assert holiday.holiday_year(db, pa_id, MONDAY).bookings == ()
    assert _holiday(db, employer_id) == [] and _cancelled(db, employer_id) == []
    assert _planned_days(db, employer_id) == [MONDAY, WEDNESDAY, FRIDAY]
    undo_rules.reverse(db, redo, today)
    assert len(holiday.holiday_year(db, pa_id, MONDAY).bookings) == 1
    assert [day for day, *_ in _holiday(db, employer_id)] == [MONDAY, WEDNESDAY, FRIDAY]
    assert len(_cancelled(db, employer_id)) == 3 and _planned_days(db, employer_id) == []
    assert holiday.holiday_year(db, pa_id, MONDAY).balance.left == D("47.60")


def test_cancelling_the_booking_takes_its_holiday_shifts_back_and_undo_puts_them_back(db, household, today):
    employer_id, pa_id = household
    booked = holiday.book_holiday(db, pa_id, MONDAY, FRIDAY)
    cancelled = holiday.cancel_booking(db, booked.value.booking.id)
    assert cancelled.value.hours_taken_back == D("21")
    assert _holiday(db, employer_id) == [] and _cancelled(db, employer_id) == []
    assert _planned_days(db, employer_id) == [MONDAY, WEDNESDAY, FRIDAY]
    assert holiday.holiday_year(db, pa_id, MONDAY).balance.left == D("68.60")
    undo_rules.reverse(db, cancelled.change, today)
    assert [day for day, *_ in _holiday(db, employer_id)] == [MONDAY, WEDNESDAY, FRIDAY]
    assert _planned_days(db, employer_id) == []
    assert holiday.holiday_year(db, pa_id, MONDAY).balance.left == D("47.60")


def test_the_pay_run_pays_the_holiday_and_cancelling_afterwards_leaves_the_paid_shifts(db, household, today):
    employer_id, pa_id = household
    booked = holiday.book_holiday(db, pa_id, MONDAY, FRIDAY)
    slip = pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 30), NOW, confirmed=True).pas[0].payslip
    [line] = [line for line in slip.lines if line.code == "HOLIDAY"]
    # 21 hours of holiday at her normal rate of £12.71: 21 x 12.71 = £266.91
    assert (line.hours, line.rate, line.amount) == (D("21"), D("12.71"), D("266.91"))
    cancelled = holiday.cancel_booking(db, booked.value.booking.id)
    assert cancelled.value.hours_taken_back == D("0")  # every day of it is paid: the record stays as paid
    assert [day for day, *_ in _holiday(db, employer_id)] == [MONDAY, WEDNESDAY, FRIDAY]
    assert len(_cancelled(db, employer_id)) == 3
    b = holiday.holiday_year(db, pa_id, MONDAY).balance
    assert (b.taken, b.booked) == (D("21"), D("0"))
    undo_rules.reverse(db, cancelled.change, today)  # only the paid shifts' link to the booking comes back
    assert len(holiday.holiday_year(db, pa_id, MONDAY).bookings) == 1
    assert sum(paid_minutes(s) for s in shifts.shifts_between(db, employer_id, MONDAY, FRIDAY)) == 21 * 60


def test_undoing_a_booking_whose_holiday_is_paid_is_refused(db, household, today):
    employer_id, pa_id = household
    booked = holiday.book_holiday(db, pa_id, MONDAY, FRIDAY)
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 30), NOW, confirmed=True)
    with raises_saying(ValidationFailed, "were paid in the pay run of 30 November 2026"):
        undo_rules.reverse(db, booked.change, today)
    assert len(holiday.holiday_year(db, pa_id, MONDAY).bookings) == 1 and len(_holiday(db, employer_id)) == 3


def test_the_links_to_the_booking_survive_export_and_import(db, household, tmp_path):
    employer_id, pa_id = household
    holiday.book_holiday(db, pa_id, MONDAY, FRIDAY)
    path = transfer.export_employer(db, employer_id, tmp_path / "ruth.paemployer", NOW)
    copy = transfer.import_employer(db, path, rename_to="Ruth Ames (copy)")
    [janet] = people.list_pas(db, copy)
    [booking] = holiday.holiday_year(db, janet.id, MONDAY).bookings
    assert len(_holiday(db, copy)) == 3 and _planned_days(db, copy) == []
    assert holiday.cancel_booking(db, booking.id).value.hours_taken_back == D("21")
    assert _holiday(db, copy) == [] and _planned_days(db, copy) == [MONDAY, WEDNESDAY, FRIDAY]
    assert len(_holiday(db, employer_id)) == 3  # the original's are its own


def test_a_bank_holiday_in_the_booking_is_paid_as_holiday_and_counted_once(db, household):
    employer_id, pa_id = household
    done = holiday.book_holiday(db, pa_id, date(2026, 8, 31), date(2026, 9, 4))  # Monday 31 August is a bank holiday
    # usual hours leave the bank holiday out (already in the balance): Wednesday and Friday, 2 x 7 = 14
    assert done.value.booking.hours == D("14.00")
    # all three rota days become holiday shifts, so the pay run pays the bank holiday too: 3 x 7 = 21 hours
    assert done.value.timesheet.minutes == 21 * 60
    b = holiday.holiday_year(db, pa_id, MONDAY).balance
    # taken leaves the bank holiday out (it is in the 49 hours of bank holidays): 14; 68.60 - 14 = 54.60 left
    assert (b.taken, b.booked, b.left) == (D("14"), D("0"), D("54.60"))
