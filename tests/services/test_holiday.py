"""A PA's holiday year through the services: the employer's leave year and bank-holiday choice, the
balance from stored bookings, holiday shifts and carry-overs, a booking refused when it is more than
is left, carrying over with the law's limits, and undo and redo."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal as D

import pytest

from pa_manager.domain import holiday as rules
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.domain.shifts import ShiftType
from pa_manager.services import employers, holiday, people, shifts, undo_rules
from pa_manager.messages import say
from pa_manager.services.errors import ValidationFailed
from pa_manager.wording import undo_text


@pytest.fixture
def household(db, today):
    # Leave year from 1 January; 37.5 hours over Monday to Friday (no rota: Monday to Friday)
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames", leave_year_start_month=1,
                                                          leave_year_start_day=1))
    pa = people.save_pa(db, employer.id, PARecord(name="Leah Grant", start_date=date(2024, 6, 1),
                                                  contracted_hours=D("37.5"),
                                                  pay_rates=(PayRateEntry(date(2024, 6, 1), D("13.10")),)), today)
    return employer, pa.id


def test_the_employers_leave_year_and_bank_holidays_are_stored(db, household):
    employer, _ = household
    stored = employers.get_employer(db, employer.id)
    assert stored.leave_year_starts == (1, 1) and stored.bank_holidays == rules.BANK_HOLIDAYS_INCLUDED
    with pytest.raises(ValidationFailed) as refused:
        employers.save_employer(db, replace(stored, leave_year_start_month=2, leave_year_start_day=29))
    assert refused.value.problems["leave_year_start"].code == rules.LEAVE_YEAR_START_INVALID
    assert employers.get_employer(db, employer.id).leave_year_starts == (1, 1)


def test_a_new_employer_keeps_1_april(db):
    employer = employers.save_employer(db, EmployerRecord(name="Amy Bell"))
    assert employers.get_employer(db, employer.id).leave_year_starts == (4, 1)


def test_the_balance_in_the_employers_leave_year(db, household):
    _, pa_id = household
    year = holiday.holiday_year(db, pa_id, date(2026, 6, 1))
    assert (year.year.start, year.year.end) == (date(2026, 1, 1), date(2026, 12, 31))
    b = year.balance
    assert b.entitlement == D("210.00")  # 28 days of 7.5 hours
    # England 2026 on weekdays: 1 Jan, 3 Apr, 6 Apr, 4 May, 25 May, 31 Aug, 25 Dec, 28 Dec
    assert len(b.bank_holiday_days) == 8 and b.bank_holidays == D("60")
    assert b.left == D("150")


def test_bank_holidays_on_top_leave_the_entitlement_whole(db, household):
    employer, pa_id = household
    employers.save_employer(db, replace(employers.get_employer(db, employer.id), bank_holidays="extra"))
    assert holiday.holiday_year(db, pa_id, date(2026, 6, 1)).balance.left == D("210.00")


def test_a_starter_gets_the_share_of_the_year(db, household, today):
    employer, _ = household
    new = people.save_pa(db, employer.id, PARecord(name="Sam Low", start_date=date(2026, 7, 1),
                                                   contracted_hours=D("15"),
                                                   pay_rates=(PayRateEntry(date(2026, 7, 1), D("13.10")),)), today)
    b = holiday.holiday_year(db, new.id, date(2026, 8, 1)).balance
    # 5.6 weeks x 15 hours = 84 hours; 184 of 365 days: 42.35 (rounded up)
    assert b.entitlement == D("42.35")
    # 31 Aug, 25 Dec, 28 Dec at 3 hours a day
    assert b.bank_holidays == D("9")


def test_booking_holiday_and_the_booking_refused_when_more_than_is_left(db, household):
    _, pa_id = household
    done = holiday.book_holiday(db, pa_id, date(2026, 8, 3), date(2026, 8, 7))
    assert done.value.booking.hours == D("37.50")  # Monday to Friday's usual hours
    assert undo_text(done.change) == "Book holiday for Leah Grant, 3 to 7 August 2026"
    year = holiday.holiday_year(db, pa_id, date(2026, 8, 1))
    assert year.balance.booked == D("37.50") and year.balance.left == D("112.50")
    with pytest.raises(ValidationFailed) as refused:
        holiday.book_holiday(db, pa_id, date(2026, 9, 1), date(2026, 9, 30), D("112.51"))
    problem = refused.value.problems["hours"]
    assert problem.code == rules.HOLIDAY_BOOKING_EXCEEDS_BALANCE
    assert "112.50 hours" in say(refused.value)
    assert len(holiday.holiday_year(db, pa_id, date(2026, 8, 1)).bookings) == 1
    holiday.book_holiday(db, pa_id, date(2026, 9, 1), date(2026, 9, 30), D("112.50"))
    assert holiday.holiday_year(db, pa_id, date(2026, 8, 1)).balance.left == 0


def test_a_booking_spanning_the_employers_leave_years_is_refused(db, household):
    _, pa_id = household
    with pytest.raises(ValidationFailed) as refused:
        holiday.book_holiday(db, pa_id, date(2026, 12, 30), date(2027, 1, 4))
    assert refused.value.problems["last_day"].code == rules.HOLIDAY_BOOKING_SPANS_LEAVE_YEARS


def test_holiday_recorded_on_the_rota_is_taken_and_no_longer_booked(db, household):
    employer, pa_id = household
    holiday.book_holiday(db, pa_id, date(2026, 8, 3), date(2026, 8, 7))
    for day in (3, 4):
        shifts.save_shift(db, employer.id, shifts.ShiftInput(pa_id, date(2026, 8, day), time(9), time(17),
                                                             ShiftType.HOLIDAY, break_minutes=30))
    # a holiday shift on a bank holiday is already counted in the bank holidays
    shifts.save_shift(db, employer.id, shifts.ShiftInput(pa_id, date(2026, 8, 31), time(9), time(17),
                                                         ShiftType.HOLIDAY, break_minutes=30))
    b = holiday.holiday_year(db, pa_id, date(2026, 8, 1)).balance
    assert (b.taken, b.booked) == (D("15"), D("22.50"))
    assert b.left == D("112.50")


def test_carry_over_within_the_law_and_refused_beyond_it(db, household):
    _, pa_id = household
    # 2025: 210 hours; bank holidays 60; 150 hours of the 4 weeks: 90 of them left, and the 1.6 weeks' 60
    with pytest.raises(ValidationFailed) as refused:
        holiday.carry_over(db, pa_id, date(2025, 12, 31), D("90.01"), rules.SICKNESS)
    assert refused.value.problems["hours"].code == rules.CARRY_OVER_MORE_THAN_ALLOWED
    assert "up to 90.00 hours" in say(refused.value)
    done = holiday.carry_over(db, pa_id, date(2025, 12, 31), D("90"), rules.SICKNESS, "Off sick from October")
    assert undo_text(done.change) == "Carry over 90 hours of Leah Grant's holiday"
    with pytest.raises(ValidationFailed):
        holiday.carry_over(db, pa_id, date(2025, 6, 1), D("1"), rules.FAMILY_LEAVE)  # no 4 weeks left
    holiday.carry_over(db, pa_id, date(2025, 6, 1), D("20"), rules.AGREEMENT)
    year = holiday.holiday_year(db, pa_id, date(2026, 3, 1))
    assert year.balance.carried_in == D("110")
    assert year.balance.left == D("260")
    [sick, agreed] = year.carried_in
    assert year.take_by(sick) == date(2027, 6, 30) and year.take_by(agreed) == date(2026, 12, 31)
    assert holiday.holiday_year(db, pa_id, date(2025, 3, 1)).balance.carried_out == D("110")


def test_undo_and_redo_a_booking(db, household, today):
    _, pa_id = household
    done = holiday.book_holiday(db, pa_id, date(2026, 8, 3), date(2026, 8, 7))
    redo = undo_rules.reverse(db, done.change, today)
    assert holiday.holiday_year(db, pa_id, date(2026, 8, 1)).bookings == ()
    # meanwhile the rest of the year is booked: putting the booking back would be more than is left
    holiday.book_holiday(db, pa_id, date(2026, 9, 1), date(2026, 9, 30), D("150"))
    with pytest.raises(ValidationFailed):
        undo_rules.reverse(db, redo, today)
    cancelled = holiday.cancel_booking(db, holiday.holiday_year(db, pa_id, date(2026, 8, 1)).bookings[0].id)
    assert undo_text(cancelled.change) == "Cancel Leah Grant's holiday, 1 to 30 September 2026"
    undo_rules.reverse(db, redo, today)
    assert [b.first_day for b in holiday.holiday_year(db, pa_id, date(2026, 8, 1)).bookings] == [date(2026, 8, 3)]


def test_irregular_hours_balance_is_what_was_earned(db, household, today):
    employer, _ = household
    pa = people.save_pa(db, employer.id, PARecord(name="Jo Park", start_date=date(2026, 1, 1), irregular_hours=True,
                                                  pay_rates=(PayRateEntry(date(2026, 1, 1), D("13.10")),)), today)
    year = holiday.holiday_year(db, pa.id, date(2026, 6, 1))
    assert year.balance.entitlement == 0 and year.balance.bank_holidays == 0
    with pytest.raises(ValidationFailed) as refused:
        holiday.book_holiday(db, pa.id, date(2026, 8, 3), date(2026, 8, 4))
    assert refused.value.problems["hours"].code == holiday.HOLIDAY_BOOKING_HOURS_NEEDED
    with pytest.raises(ValidationFailed) as refused:
        holiday.book_holiday(db, pa.id, date(2026, 8, 3), date(2026, 8, 4), D("4"))
    assert refused.value.problems["hours"].code == rules.HOLIDAY_BOOKING_EXCEEDS_BALANCE


def test_no_contracted_hours_says_so(db, household, today):
    employer, _ = household
    pa = people.save_pa(db, employer.id, PARecord(name="Jo Park", start_date=date(2026, 1, 1),
                                                  pay_rates=(PayRateEntry(date(2026, 1, 1), D("13.10")),)), today)
    assert holiday.holiday_year(db, pa.id, date(2026, 6, 1)).codes == (holiday.HOLIDAY_NO_CONTRACTED_HOURS,)


def test_irregular_hours_earned_in_finalised_pay_runs(db, today):
    from datetime import datetime, timezone

    from pa_manager.services import pay_runs

    employer = employers.save_employer(db, EmployerRecord(name="Amy Bell"))
    pa = people.save_pa(db, employer.id, PARecord(name="Jo Park", start_date=date(2026, 1, 1), irregular_hours=True,
                                                  date_of_birth=date(1990, 1, 1), tax_code="1257L",
                                                  pay_rates=(PayRateEntry(date(2026, 1, 1), D("13.10")),)), today)
    for day in (2, 3):
        shifts.save_shift(db, employer.id, shifts.ShiftInput(pa.id, date(2026, 11, day), time(9), time(17)))
    pay_runs.finalise_pay_run(db, employer.id, date(2026, 11, 27), datetime(2026, 11, 30, 12, tzinfo=timezone.utc),
                              confirmed=True)
    b = holiday.holiday_year(db, pa.id, date(2026, 12, 1)).balance
    assert b.entitlement == D("16") * D("0.1207")  # 12.07% of 16 hours worked, exactly 1.9312
    assert b.left == D("1.9312")
    holiday.book_holiday(db, pa.id, date(2026, 12, 7), date(2026, 12, 7), D("1.93"))
    with pytest.raises(ValidationFailed):
        holiday.book_holiday(db, pa.id, date(2026, 12, 8), date(2026, 12, 8), D("0.01"))


def test_leave_carried_for_sickness_lasts_18_months_into_the_year_after(db, household):
    employer, pa_id = household
    employers.save_employer(db, replace(employers.get_employer(db, employer.id), bank_holidays="extra"))
    holiday.carry_over(db, pa_id, date(2024, 12, 1), D("50"), rules.SICKNESS)       # to take by 30 June 2026
    holiday.carry_over(db, pa_id, date(2024, 12, 1), D("10"), rules.FAMILY_LEAVE)   # to take by 31 December 2025
    assert holiday.holiday_year(db, pa_id, date(2025, 6, 1)).balance.carried_in == D("60")
    holiday.book_holiday(db, pa_id, date(2025, 6, 2), date(2025, 6, 4), D("20"))  # uses the family leave, then 10 more
    year = holiday.holiday_year(db, pa_id, date(2026, 6, 1))
    [left] = year.carried_in
    assert (left.hours, left.reason, year.take_by(left)) == (D("40"), rules.SICKNESS, date(2026, 6, 30))
    assert year.balance.left == D("210.00") + D("40")
    assert holiday.holiday_year(db, pa_id, date(2027, 6, 1)).balance.carried_in == 0


def test_carried_over_leave_to_take_soon_is_on_the_list_of_what_needs_doing(db, household):
    from pa_manager.services import due
    from pa_manager.wording import due_item_sentence

    employer, pa_id = household
    employers.save_employer(db, replace(employers.get_employer(db, employer.id), bank_holidays="extra"))
    holiday.carry_over(db, pa_id, date(2025, 12, 1), D("30"), rules.SICKNESS)  # to take by 30 June 2027
    [item] = holiday.carried_leave_due(db, employer.id, date(2027, 6, 10))
    assert (item.code, item.pa_key, item.due, item.status, item.param("hours")) == (
        rules.HOLIDAY_CARRIED_TO_TAKE, pa_id, date(2027, 6, 30), "due_soon", D("30.00"))
    assert item in due.due_list(db, employer.id, date(2027, 6, 10))
    assert due_item_sentence(item, date(2027, 6, 10))[1].endswith(
        "Book the 30.00 hours of holiday Leah Grant carried over before they are lost: open their Holiday booking on "
        "the People page (they must be taken by 30 June 2027).")
    assert holiday.carried_leave_due(db, employer.id, date(2027, 5, 1)) == []  # not in view yet
    holiday.book_holiday(db, pa_id, date(2027, 6, 14), date(2027, 6, 17))     # 30 hours booked: nothing to do
    assert holiday.carried_leave_due(db, employer.id, date(2027, 6, 10)) == []


def test_carried_leave_is_listed_only_for_current_pas_with_some_and_asked_in_the_same_few_statements(db, household):
    from sqlalchemy import event

    employer, pa_id = household
    employers.save_employer(db, replace(employers.get_employer(db, employer.id), bank_holidays="extra"))
    holiday.carry_over(db, pa_id, date(2025, 12, 1), D("30"), rules.SICKNESS)  # to take by 30 June 2027

    def statements_asked():
        asked = []
        listener = lambda *args: asked.append(args[2])  # noqa: E731 (the statement)
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            items = holiday.carried_leave_due(db, employer.id, date(2027, 6, 10))
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return items, len(asked)

    alone, asked_for_one = statements_asked()
    for name, leaving in (("Ann Cole", None), ("Ben Dale", date(2027, 3, 1))):
        other = people.save_pa(db, employer.id, PARecord(name=name, start_date=date(2024, 6, 1), leaving_date=leaving,
                                                         contracted_hours=D("37.5"),
                                                         pay_rates=(PayRateEntry(date(2024, 6, 1), D("13.10")),)),
                                date(2024, 6, 1))
        if leaving:  # carried leave of a PA who has left is paid off, not booked: not on the list
            holiday.carry_over(db, other.id, date(2025, 12, 1), D("20"), rules.SICKNESS)
    together, asked_for_three = statements_asked()
    assert [(i.pa_key, i.param("hours")) for i in together] == [(pa_id, D("30.00"))] == [
        (i.pa_key, i.param("hours")) for i in alone]
    assert asked_for_three == asked_for_one  # not a statement more for each PA
