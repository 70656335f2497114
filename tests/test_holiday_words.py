"""What booking and cancelling holiday say (pa_manager.holiday_words): one sentence for what went on the
timesheet, one for each day left as it is, and the plain booking when no shifts were made."""
from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal as D

from pa_manager.domain.holiday import Booking
from pa_manager.domain.shifts import Shift, ShiftType
from pa_manager.holiday_words import booked_sentences, cancelled_sentence
from pa_manager.services.holiday import BookedHoliday, CancelledBooking
from pa_manager.services.holiday_timesheet import PAID, SHIFT_RECORDED, SkippedDay, TimesheetHoliday

BOOKING = Booking(date(2026, 11, 2), date(2026, 11, 6), D("21"))


def _holiday(day: int) -> Shift:  # 09:00 to 16:30 GMT less a 30-minute break: 7 hours
    return Shift(1, datetime(2026, 11, day, 9, tzinfo=timezone.utc), datetime(2026, 11, day, 16, 30, tzinfo=timezone.utc),
                 ShiftType.HOLIDAY, break_minutes=30)


def _one_sentence(line: str) -> bool:
    return line.endswith(".") and ". " not in line and line[0].isupper()


def test_the_shifts_made_holiday_and_each_day_left_as_it_is():
    made = TimesheetHoliday(holiday=(_holiday(2), _holiday(6)), skipped=(
        SkippedDay(date(2026, 10, 30), PAID, date(2026, 10, 30)), SkippedDay(date(2026, 11, 4), SHIFT_RECORDED)))
    lines = booked_sentences("Janet Moyo", BookedHoliday(BOOKING, made))
    assert lines == [
        "Booked 2 days for Janet Moyo: their 14 hours of shifts on the rota are now holiday on the timesheet.",
        "Friday 30 October 2026 was paid in the pay run of 30 October 2026, so its shifts stay as they were – put "
        "any holiday pay due for it in the next pay run as back pay.",
        "Wednesday 4 November 2026 already has a shift of theirs on the timesheet, so it is left as it is – change "
        "it on the Hours page if that day is holiday.",
    ]
    assert all(_one_sentence(line) for line in lines)


def test_one_day_and_no_shifts():
    one = booked_sentences("Janet Moyo", BookedHoliday(BOOKING, TimesheetHoliday(holiday=(_holiday(2),))))
    assert one == ["Booked 1 day for Janet Moyo: their 7 hours of shifts on the rota are now holiday on the timesheet."]
    assert booked_sentences("Tom Whitfield", BookedHoliday(BOOKING)) == ["Booked 21.00 hours of holiday for Tom Whitfield."]


def test_cancelled():
    assert cancelled_sentence(CancelledBooking(D("27.5"))) == (
        "Cancelled the booking: 27 hours 30 minutes of holiday are off the timesheet and their shifts are back on "
        "the rota.")
    assert cancelled_sentence(CancelledBooking()) == "Cancelled the booking."
