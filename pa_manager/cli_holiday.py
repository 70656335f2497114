"""`pa-manager holiday`: a PA's holiday in the employer's leave year, added to the parser by cli.build_parser.

`pa-manager holiday --employer E --pa NAME [--on DATE]` shows the balance (entitlement, carried over,
bank holidays, taken, booked, left); `holiday book --from D --to D [--hours H]` books holiday, refused
when it is more than is left (for fixed hours, their shifts on the rota those days become holiday shifts
on the timesheet; --json lists them); `holiday carry-over --from-year D --hours H --reason R` carries leave
into the next leave year. --json prints one JSON document, hours as decimal strings.
"""
from __future__ import annotations

import argparse
from datetime import date, timedelta
from decimal import Decimal

_HUNDREDTH = Decimal("0.01")
SHOW, BOOK, CARRY_OVER = "show", "book", "carry-over"


def add_parsers(sub, data_option, cli) -> None:
    """`cli` is the command line's own module (pa_manager.cli), handed in for its helpers, so this module
    never imports it back."""
    p = sub.add_parser(
        "holiday", help="a PA's holiday this leave year (entitlement, carried over, taken, booked, left); book "
                        "holiday or carry leave over",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Show a PA's holiday in the employer's leave year, book holiday, or carry leave over.",
        epilog="show        the balance for the leave year --on falls in (default: today)\n"
               "book        book holiday from --from to --to; --hours defaults to their usual hours for those days\n"
               "carry-over  carry --hours out of the leave year --from-year falls in, into the next, for --reason:\n"
               "            sickness, family_leave or employer_did_not_allow (the 4 weeks), agreement (the 1.6 weeks)")
    p.arguments_when_used(lambda p: _add_arguments(p, data_option, cli))
    p.set_defaults(run=lambda args: cmd_holiday(args, cli))


def _add_arguments(p, data_option, cli) -> None:
    from pa_manager.domain.holiday import CARRY_OVER_REASONS

    p.add_argument("action", nargs="?", choices=(SHOW, BOOK, CARRY_OVER), default=SHOW, metavar="ACTION",
                   help="show (the default), book or carry-over")
    p.add_argument("--employer", required=True)
    p.add_argument("--pa", required=True, help="the PA's name")
    p.add_argument("--on", type=cli._date_arg, metavar="YYYY-MM-DD", help="show: a day in the leave year (default: today)")
    p.add_argument("--from", dest="first", type=cli._date_arg, metavar="YYYY-MM-DD", help="book: the first day off")
    p.add_argument("--to", dest="last", type=cli._date_arg, metavar="YYYY-MM-DD", help="book: the last day off")
    p.add_argument("--hours", type=cli._decimal_arg, metavar="HOURS", help="book or carry-over: hours of holiday")
    p.add_argument("--from-year", type=cli._date_arg, metavar="YYYY-MM-DD",
                   help="carry-over: a day in the leave year the leave is carried out of")
    p.add_argument("--reason", choices=CARRY_OVER_REASONS, help="carry-over: why it is carried over")
    p.add_argument("--note", default="", help="book or carry-over: a note kept with it")
    p.add_argument("--json", action="store_true", help="print JSON")
    data_option(p)


def _hours(value) -> str:
    return format(value.quantize(_HUNDREDTH), "f")


_OPTIONS = {"first": "--from", "last": "--to", "from_year": "--from-year", "hours": "--hours", "reason": "--reason"}


def _needs(args, cli, *names: str) -> None:
    missing = [_OPTIONS[n] for n in names if getattr(args, n) is None]
    if missing:
        raise cli.UsageError(f"To {args.action.replace('-', ' ')}, give {' and '.join(missing)}. "
                             "Run 'pa-manager holiday --help' to see the options.")


def cmd_holiday(args, cli) -> int:
    from pa_manager.domain.holiday import leave_year_end
    from pa_manager.holiday_words import booked_sentences
    from pa_manager.services import holiday

    if args.action == BOOK:
        _needs(args, cli, "first", "last")
    elif args.action == CARRY_OVER:
        _needs(args, cli, "from_year", "hours", "reason")
    db = cli._open(args, writes=args.action != SHOW)
    employer_id = cli._employer_id(db, args.employer)
    pa_id = cli._pa_id(db, employer_id, args.pa)
    said: list[str] = []
    if args.action == BOOK:
        booked = holiday.book_holiday(db, pa_id, args.first, args.last, args.hours, args.note).value
        booking, made = booked.booking, booked.timesheet
        year = holiday.holiday_year(db, pa_id, args.first, cli._today())
        said = booked_sentences(year.pa_name, booked)
        done = {"booked": {"first_day": booking.first_day.isoformat(), "last_day": booking.last_day.isoformat(),
                           "hours": _hours(booking.hours)},
                "holiday_shifts": [_shift(shift) for shift in made.holiday],
                "days_left_as_they_are": [{"day": d.day.isoformat(), "reason": d.reason,
                                           "paid_on": d.paid_on.isoformat() if d.paid_on else None}
                                          for d in made.skipped]}
    elif args.action == CARRY_OVER:
        carry = holiday.carry_over(db, pa_id, args.from_year, args.hours, args.reason, args.note).value
        year = holiday.holiday_year(db, pa_id, leave_year_end(carry.from_year_start) + timedelta(days=1),
                                    cli._today())
        done = {"carried_over": {"hours": _hours(carry.hours), "reason": carry.reason,
                                 "from_year_start": carry.from_year_start.isoformat(),
                                 "take_by": year.take_by(carry).isoformat()}}
    else:
        year = holiday.holiday_year(db, pa_id, args.on or cli._today(), cli._today())
        done = {}
    if args.json:
        cli._print_json({**done, **_document(year)})
    else:
        print("\n".join(said + _lines(year, done)))
    return 0


def _shift(shift) -> dict:
    """A holiday shift the booking put on the timesheet: its London day and times, and its paid hours."""
    from pa_manager.domain.shifts import local_date, minutes_to_hours, paid_minutes, to_london

    return {"day": local_date(shift).isoformat(), "start": f"{to_london(shift.start):%H:%M}",
            "end": f"{to_london(shift.end):%H:%M}", "break_minutes": shift.break_minutes,
            "hours": _hours(minutes_to_hours(paid_minutes(shift)))}


def _document(year) -> dict:
    b = year.balance
    limits = b.carry_over_limits()
    return {
        "pa": year.pa_name,
        "leave_year": {"start": year.year.start.isoformat(), "end": year.year.end.isoformat()},
        "basis": "irregular_hours" if b.irregular else "fixed_hours",
        "entitlement_hours": _hours(b.entitlement),
        "carried_in_hours": _hours(b.carried_in),
        "bank_holidays": {"choice": b.bank_holiday_choice, "days": [d.isoformat() for d in b.bank_holiday_days],
                          "hours": _hours(b.bank_holidays)},
        "taken_hours": _hours(b.taken),
        "booked_hours": _hours(b.booked),
        "left_hours": _hours(b.left),
        "carried_out_hours": _hours(b.carried_out),
        "may_carry_over_hours": {"four_weeks": _hours(limits.four_weeks), "extra_weeks": _hours(limits.extra_weeks),
                                 "irregular": _hours(limits.irregular)},
        "bookings": [{"id": k.id, "first_day": k.first_day.isoformat(), "last_day": k.last_day.isoformat(),
                      "hours": _hours(k.hours), "hours_taken": _hours(k.hours_taken), "note": k.note}
                     for k in year.bookings],
        "carried_in": [{"hours": _hours(c.hours), "reason": c.reason, "take_by": year.take_by(c).isoformat(),
                        "note": c.note} for c in year.carried_in],
        "codes": list(year.codes),
    }


def _lines(year, done) -> list[str]:
    from pa_manager.messages import MESSAGES, date_range, format_date

    b = year.balance
    lines = []
    if "carried_over" in done:
        c = done["carried_over"]
        lines.append(f"Carried {c['hours']} hours of {year.pa_name}'s holiday into the next leave year, to take by "
                     f"{format_date(date.fromisoformat(c['take_by']))}.")
    lines.append(f"{year.pa_name}'s holiday, leave year {date_range(year.year.start, year.year.end)}:")
    lines.append(f"  {'Earned so far' if b.irregular else 'Entitlement'}: {_hours(b.entitlement)} hours")
    lines.append(f"  Carried over from last year: {_hours(b.carried_in)} hours")
    if b.bank_holiday_days:
        how = "part of the entitlement" if b.bank_holidays_used else "on top"
        lines.append(f"  Bank holidays on their working days ({how}): {len(b.bank_holiday_days)} days, "
                     f"{_hours(b.bank_holidays)} hours")
    lines.append(f"  Taken: {_hours(b.taken)} hours")
    lines.append(f"  Booked: {_hours(b.booked)} hours")
    lines.append(f"  Left: {_hours(b.left)} hours")
    lines.extend(MESSAGES[code] for code in year.codes)
    return lines
