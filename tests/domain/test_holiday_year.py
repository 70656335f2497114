"""The employer's leave year, carrying leave over, bank holidays in or on top, and booking holiday
against the balance (domain.holiday). Figures are worked by hand from WTR regs 13, 13A and 15B."""
from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from pa_manager.domain import holiday as h

APRIL = (4, 1)


@pytest.mark.parametrize("day, starts, first, last", [
    (date(2026, 12, 3), (1, 1), date(2026, 1, 1), date(2026, 12, 31)),
    (date(2026, 1, 1), (1, 1), date(2026, 1, 1), date(2026, 12, 31)),
    (date(2026, 3, 31), APRIL, date(2025, 4, 1), date(2026, 3, 31)),
    (date(2026, 4, 1), APRIL, date(2026, 4, 1), date(2027, 3, 31)),
    (date(2026, 9, 14), (9, 15), date(2025, 9, 15), date(2026, 9, 14)),
    (date(2026, 9, 15), (9, 15), date(2026, 9, 15), date(2027, 9, 14)),
    (date(2028, 2, 29), (3, 1), date(2027, 3, 1), date(2028, 2, 29)),  # a leap day ends it
    (date(2027, 2, 28), (12, 31), date(2026, 12, 31), date(2027, 12, 30)),
])
def test_leave_year_from_the_employers_start(day, starts, first, last):
    year = h.leave_year(day, starts)
    assert (year.start, year.end) == (first, last)
    assert day in year


def test_default_leave_year_is_1_april_from_the_data():
    assert h.LEAVE_YEAR_STARTS == (4, 1)
    assert h.leave_year(date(2026, 6, 1)) == h.LeaveYear(date(2026, 4, 1), date(2027, 3, 31))


def test_following_and_previous_leave_years():
    year = h.leave_year(date(2026, 6, 1), (1, 6))
    assert year.following() == h.LeaveYear(date(2027, 1, 6), date(2028, 1, 5))
    assert year.previous() == h.LeaveYear(date(2025, 1, 6), date(2026, 1, 5))


@pytest.mark.parametrize("month, day, ok", [
    (4, 1, True), (1, 1, True), (12, 31, True), (2, 28, True), (2, 29, False), (4, 31, False),
    (13, 1, False), (0, 1, False), (6, 0, False),
])
def test_check_leave_year_starts(month, day, ok):
    assert (h.check_leave_year_starts(month, day) is None) is ok


def test_working_bank_holidays_only_on_working_days_inside_employment():
    year = h.LeaveYear(date(2026, 1, 1), date(2026, 12, 31))
    days = [date(2026, 1, 1), date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 4), date(2027, 1, 1)]
    # Thursday 1 Jan, Friday 3 Apr, Monday 6 Apr, Monday 4 May; a PA working Mondays and Thursdays
    assert h.working_bank_holidays(days, (0, 3), year) == (date(2026, 1, 1), date(2026, 4, 6), date(2026, 5, 4))
    assert h.working_bank_holidays(days, (0, 3), year, employed_from=date(2026, 4, 7)) == (date(2026, 5, 4),)
    assert h.working_bank_holidays(days, (0, 3), year, employed_to=date(2026, 4, 5)) == (date(2026, 1, 1),)
    assert h.working_bank_holidays(days, (1, 2), year) == ()


YEAR = h.LeaveYear(date(2026, 4, 1), date(2027, 3, 31))


def _balance(**kw):
    # 5 days x 7.5 hours: 28 days = 210 hours; 4 weeks = 150 hours; 1.6 weeks = 60 hours
    base = dict(irregular=False, entitlement=D("210"), four_weeks=D("150"), day_hours=D("7.5"))
    base.update(kw)
    return h.leave_year_balance(YEAR, **base)


def test_balance_adds_carried_in_and_takes_taken_and_booked():
    b = _balance(carried_in=[h.CarryOver(D("15"), h.SICKNESS, date(2025, 4, 1))], taken=D("30"),
                 bookings=[h.Booking(date(2026, 8, 3), date(2026, 8, 7), D("37.5"))])
    assert (b.carried_in, b.taken, b.booked) == (D("15"), D("30"), D("37.5"))
    assert b.left == D("210") + D("15") - D("30") - D("37.5")


def test_bank_holidays_included_come_out_of_the_entitlement():
    days = (date(2026, 5, 4), date(2026, 5, 25), date(2026, 8, 31))
    b = _balance(bank_holiday_days=days, bank_holiday_choice=h.BANK_HOLIDAYS_INCLUDED)
    assert b.bank_holidays == D("22.5")
    assert b.left == D("187.5")


def test_bank_holidays_on_top_leave_the_entitlement_whole():
    days = (date(2026, 5, 4), date(2026, 5, 25), date(2026, 8, 31))
    b = _balance(bank_holiday_days=days, bank_holiday_choice=h.BANK_HOLIDAYS_EXTRA)
    assert b.bank_holidays == D("22.5")  # shown, given as days off on top
    assert b.left == D("210")


def test_irregular_hours_bank_holidays_are_part_of_what_is_earned():
    b = h.leave_year_balance(YEAR, irregular=True, entitlement=D("48.28"), bank_holiday_days=(date(2026, 5, 4),),
                             day_hours=D("8"), taken=D("8"))
    assert b.bank_holidays == 0 and b.left == D("40.28")


def test_a_booking_counts_only_what_is_not_yet_recorded_as_taken():
    booking = h.Booking(date(2026, 8, 3), date(2026, 8, 7), D("37.5"), hours_taken=D("15"))
    assert booking.outstanding == D("22.5")
    assert h.Booking(date(2026, 8, 3), date(2026, 8, 7), D("7.5"), hours_taken=D("15")).outstanding == 0


def test_carry_over_limits_for_sickness_are_the_4_weeks_left():
    # took 100 hours of 210: 50 of the 4 weeks and all 60 of the 1.6 weeks remain
    limits = _balance(taken=D("100")).carry_over_limits()
    assert (limits.four_weeks, limits.extra_weeks) == (D("50"), D("60"))
    assert limits.for_reason(h.SICKNESS, False) == D("50")
    assert limits.for_reason(h.FAMILY_LEAVE, False) == D("50")
    assert limits.for_reason(h.EMPLOYER_DID_NOT_ALLOW, False) == D("50")
    assert limits.for_reason(h.AGREEMENT, False) == D("60")


def test_carry_over_when_past_the_4_weeks_only_the_1_6_weeks_are_left():
    limits = _balance(taken=D("180")).carry_over_limits()
    assert (limits.four_weeks, limits.extra_weeks) == (D("0"), D("30"))


def test_leave_carried_in_is_used_first():
    b = _balance(carried_in=[h.CarryOver(D("30"), h.SICKNESS, date(2025, 4, 1))], taken=D("30"))
    limits = b.carry_over_limits()
    assert (limits.four_weeks, limits.extra_weeks) == (D("150"), D("60"))


def test_carry_over_already_made_is_taken_off_its_part():
    b = _balance(carried_out=[h.CarryOver(D("100"), h.SICKNESS, YEAR.start),
                              h.CarryOver(D("20"), h.AGREEMENT, YEAR.start)])
    limits = b.carry_over_limits()
    assert (limits.four_weeks, limits.extra_weeks) == (D("50"), D("40"))


def test_carry_over_never_more_than_is_left():
    b = _balance(bank_holiday_days=tuple(date(2026, 5, d) for d in (4, 5, 6, 7, 8)), taken=D("150"),
                 bookings=[h.Booking(date(2027, 3, 1), date(2027, 3, 5), D("20"))])
    # used 37.5 + 150 + 20 = 207.5 of 210: 2.5 left, all of it 1.6-weeks leave
    limits = b.carry_over_limits()
    assert (limits.four_weeks, limits.extra_weeks) == (D("0"), D("2.5"))


def test_irregular_hours_carry_any_reason_up_to_what_is_left():
    b = h.leave_year_balance(YEAR, irregular=True, entitlement=D("100"), taken=D("40"))
    for reason in h.CARRY_OVER_REASONS:
        assert b.carry_over_limits().for_reason(reason, True) == D("60")


@pytest.mark.parametrize("reason, hours, code", [
    (h.SICKNESS, D("50"), None),
    (h.SICKNESS, D("50.01"), h.CARRY_OVER_MORE_THAN_ALLOWED),
    (h.AGREEMENT, D("60"), None),
    (h.AGREEMENT, D("60.5"), h.CARRY_OVER_MORE_THAN_ALLOWED),
    ("holiday", D("1"), h.CARRY_OVER_REASON_UNKNOWN),
    (h.SICKNESS, D("0"), h.CARRY_OVER_HOURS_INVALID),
    (h.SICKNESS, D("-3"), h.CARRY_OVER_HOURS_INVALID),
    (h.SICKNESS, D("1.005"), h.CARRY_OVER_HOURS_INVALID),
])
def test_check_carry_over(reason, hours, code):
    assert h.check_carry_over(_balance(taken=D("100")), reason, hours) == code


@pytest.mark.parametrize("reason, irregular, year_start, take_by", [
    (h.SICKNESS, False, date(2025, 4, 1), date(2027, 9, 30)),          # 18 months after 31 Mar 2026
    (h.SICKNESS, False, date(2025, 1, 1), date(2027, 6, 30)),          # 18 months after 31 Dec 2025
    (h.FAMILY_LEAVE, False, date(2025, 4, 1), date(2027, 3, 31)),      # the next leave year
    (h.EMPLOYER_DID_NOT_ALLOW, False, date(2025, 4, 1), date(2027, 3, 31)),
    (h.AGREEMENT, False, date(2025, 4, 1), date(2027, 3, 31)),
    (h.SICKNESS, True, date(2025, 4, 1), date(2028, 3, 31)),           # reg 15B: the next 2 leave years
    (h.AGREEMENT, True, date(2024, 9, 1), date(2027, 8, 31)),
])
def test_carry_over_take_by(reason, irregular, year_start, take_by):
    year = h.LeaveYear(year_start, h.leave_year_end(year_start))
    assert h.carry_over_take_by(reason, year, irregular) == take_by


def test_carry_over_part():
    assert h.carry_over_part(h.SICKNESS, False) == h.FOUR_WEEKS
    assert h.carry_over_part(h.AGREEMENT, False) == h.EXTRA_WEEKS
    assert h.carry_over_part(h.AGREEMENT, True) == h.IRREGULAR_LEAVE


@pytest.mark.parametrize("hours, days, share, four", [
    (D("37.5"), D("5"), D("1"), D("150")),      # 4 weeks of 37.5 hours
    (D("40"), D("6"), D("1"), D("160")),        # 6 days: 28-day cap = 186.67 hours, 4 weeks = 160
    (D("24"), D("3"), D("0.5"), D("48")),       # half a year
])
def test_four_weeks_share(hours, days, share, four):
    ent = h.fixed_hours_entitlement(hours, days, YEAR.start)
    assert h.four_weeks_share(ent.hours * share, hours, share, YEAR.start) == four


def test_four_weeks_share_never_more_than_the_entitlement():
    assert h.four_weeks_share(D("100"), D("37.5"), D("1"), YEAR.start) == D("100")


@pytest.mark.parametrize("first, last, hours", [
    (date(2026, 8, 3), date(2026, 8, 7), D("37.5")),    # Monday to Friday
    (date(2026, 8, 1), date(2026, 8, 9), D("37.5")),    # the weekend either side is not worked
    (date(2026, 8, 25), date(2026, 8, 31), D("30")),     # Tuesday to Monday: the bank holiday Monday 31 August is not booked
    (date(2026, 8, 8), date(2026, 8, 9), D("0")),
])
def test_booking_hours(first, last, hours):
    assert h.booking_hours(first, last, (0, 1, 2, 3, 4), D("7.5"), (date(2026, 8, 31),)) == hours


def test_booking_hours_rounds_up_part_hours():
    assert h.booking_hours(date(2026, 8, 3), date(2026, 8, 5), (0, 2), D("4.333")) == D("8.67")


@pytest.mark.parametrize("first, last, hours, code", [
    (date(2026, 8, 3), date(2026, 8, 7), D("37.5"), None),
    (date(2026, 8, 7), date(2026, 8, 3), D("37.5"), h.HOLIDAY_BOOKING_DATES_REVERSED),
    (date(2026, 8, 3), date(2026, 8, 7), D("0"), h.HOLIDAY_BOOKING_HOURS_INVALID),
    (date(2026, 8, 3), date(2026, 8, 7), D("7.123"), h.HOLIDAY_BOOKING_HOURS_INVALID),
    (date(2027, 3, 29), date(2027, 4, 2), D("37.5"), h.HOLIDAY_BOOKING_SPANS_LEAVE_YEARS),
    (date(2026, 3, 30), date(2026, 4, 3), D("37.5"), h.HOLIDAY_BOOKING_SPANS_LEAVE_YEARS),
    (date(2026, 4, 1), date(2026, 4, 3), D("22.5"), h.HOLIDAY_BOOKING_OUTSIDE_EMPLOYMENT),
    (date(2026, 9, 1), date(2026, 9, 2), D("15"), h.HOLIDAY_BOOKING_OVERLAPS),
    (date(2026, 9, 3), date(2026, 9, 3), D("7.5"), h.HOLIDAY_BOOKING_OVERLAPS),
    (date(2026, 10, 1), date(2026, 10, 30), D("60.01"), h.HOLIDAY_BOOKING_EXCEEDS_BALANCE),
    (date(2026, 10, 1), date(2026, 10, 30), D("60"), None),
])
def test_check_booking(first, last, hours, code):
    existing = [h.Booking(date(2026, 9, 2), date(2026, 9, 4), D("22.5"), id=1)]
    balance = _balance(taken=D("127.5"), bookings=existing)  # 210 - 127.5 - 22.5 = 60 left
    assert h.check_booking(h.Booking(first, last, hours), balance, existing, employed_from=date(2026, 4, 2)) == code


@pytest.mark.parametrize("hours, taken_in_it, adding, code", [
    # 60 left. 37.5 booked with 15 already recorded in its dates: it holds back 22.5
    (D("37.5"), D("15"), D("0"), None),
    # 75 booked with 15 recorded: 60 held back, just fits; 60.01 more would not
    (D("75"), D("15"), D("0"), None),
    (D("75.01"), D("15"), D("0"), h.HOLIDAY_BOOKING_EXCEEDS_BALANCE),
    # 21 booked, but the rota's shifts in its days make 60 hours of holiday: fits; 60.5 does not
    (D("21"), D("0"), D("60"), None),
    (D("21"), D("0"), D("60.5"), h.HOLIDAY_BOOKING_SHIFTS_EXCEED_BALANCE),
])
def test_check_booking_with_holiday_recorded_or_added_in_its_dates(hours, taken_in_it, adding, code):
    existing = [h.Booking(date(2026, 9, 2), date(2026, 9, 4), D("22.5"), id=1)]
    balance = _balance(taken=D("127.5"), bookings=existing)  # 210 - 127.5 - 22.5 = 60 left
    booking = h.Booking(date(2026, 10, 1), date(2026, 10, 30), hours, hours_taken=taken_in_it)
    assert h.check_booking(booking, balance, existing, adding=adding) == code


def test_changing_a_booking_does_not_overlap_itself():
    existing = [h.Booking(date(2026, 9, 2), date(2026, 9, 4), D("22.5"), id=1)]
    balance = _balance(bookings=())
    assert h.check_booking(h.Booking(date(2026, 9, 2), date(2026, 9, 3), D("15"), id=1), balance, existing) is None


def test_a_leaver_cannot_book_after_leaving():
    b = h.Booking(date(2026, 8, 3), date(2026, 8, 7), D("37.5"))
    assert h.check_booking(b, _balance(), employed_to=date(2026, 8, 5)) == h.HOLIDAY_BOOKING_OUTSIDE_EMPLOYMENT


def test_carried_forward_keeps_what_is_unused_and_may_still_be_taken():
    # Into the 2026-27 leave year: 50 hours for sickness from 2025-26 (to take by 30 September 2027) and
    # 10 for family leave (to take by 31 March 2027); 20 hours used: the family leave first, as it ends sooner.
    carried = [h.CarryOver(D("50"), h.SICKNESS, date(2025, 4, 1)), h.CarryOver(D("10"), h.FAMILY_LEAVE, date(2025, 4, 1))]
    b = _balance(carried_in=carried, taken=D("20"))
    assert h.carried_forward(b, carried) == (h.CarryOver(D("40"), h.SICKNESS, date(2025, 4, 1)),)
    assert h.carried_forward(_balance(carried_in=carried, taken=D("60")), carried) == ()
    assert h.carried_forward(_balance(carried_in=carried), carried) == (carried[0],)  # family leave ends with the year


def test_irregular_hours_leave_carried_forward_for_2_leave_years():
    carry = h.CarryOver(D("12"), h.EMPLOYER_DID_NOT_ALLOW, date(2025, 4, 1), irregular=True)
    assert h.carry_take_by(carry) == date(2028, 3, 31)
    b = h.leave_year_balance(YEAR, irregular=True, entitlement=D("30"), carried_in=[carry], taken=D("5"))
    assert h.carried_forward(b, [carry]) == (h.CarryOver(D("7"), h.EMPLOYER_DID_NOT_ALLOW, date(2025, 4, 1),
                                                         irregular=True),)


def test_carried_leave_items_for_unused_leave_with_its_take_by_date_in_view():
    carried = [h.CarryOver(D("50"), h.SICKNESS, date(2025, 4, 1)), h.CarryOver(D("10"), h.FAMILY_LEAVE, date(2025, 4, 1))]
    b = _balance(carried_in=carried, taken=D("5"))
    items = h.carried_leave_items(7, "Leah Grant", b, carried, date(2027, 3, 10), 30)
    # family leave: 5 of 10 used, to take by 31 March 2027 (in view); sickness to 30 September 2027 (not yet)
    assert [(i.code, i.due, i.status, i.param("hours")) for i in items] == [
        (h.HOLIDAY_CARRIED_TO_TAKE, date(2027, 3, 31), "due_soon", D("5.00")),
        (h.HOLIDAY_CARRIED_TO_TAKE, date(2027, 9, 30), "ok", D("50.00"))]
    assert h.carried_leave_items(7, "Leah Grant", b, carried, date(2027, 4, 1), 30)[0].due == date(2027, 9, 30)
    assert h.carried_leave_items(7, "Leah Grant", _balance(taken=D("60"), carried_in=carried), carried,
                                 date(2027, 3, 10), 30) == []
