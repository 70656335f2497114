"""What booking and cancelling holiday did, in words (services.holiday.BookedHoliday, CancelledBooking):
the Holiday booking dialog and `pa-manager holiday book` say the same sentences, one per line."""
from __future__ import annotations

from decimal import Decimal

from pa_manager.messages import format_date
from pa_manager.wording import spoken_hours


def _minutes(hours: Decimal) -> int:
    return int((hours * 60).to_integral_value())


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def booked_sentences(pa_name: str, booked) -> list[str]:
    """'Booked 3 days for Janet Moyo: their 21 hours of shifts on the rota are now holiday on the
    timesheet.', then a sentence for each day left as it is."""
    made = booked.timesheet
    if made.holiday:
        lines = [f"Booked {_plural(len(made.days), 'day')} for {pa_name}: their {spoken_hours(made.minutes)} of shifts "
                 "on the rota are now holiday on the timesheet."]
    else:
        lines = [f"Booked {booked.booking.hours.quantize(Decimal('0.01'))} hours of holiday for {pa_name}."]
    for skipped in made.skipped:
        day = f"{skipped.day:%A} {format_date(skipped.day)}"
        if skipped.paid_on is not None:
            lines.append(f"{day} was paid in the pay run of {format_date(skipped.paid_on)}, so its shifts stay as they "
                         "were – put any holiday pay due for it in the next pay run as back pay.")
        else:
            lines.append(f"{day} already has a shift of theirs on the timesheet, so it is left as it is – change "
                         "it on the Hours page if that day is holiday.")
    return lines


def cancelled_sentence(cancelled) -> str:
    """What cancelling a booking took off the timesheet."""
    if cancelled.hours_taken_back:
        return (f"Cancelled the booking: {spoken_hours(_minutes(cancelled.hours_taken_back))} of holiday are off the "
                "timesheet and their shifts are back on the rota.")
    return "Cancelled the booking."
