"""The command line: the GUI by default, and subcommands that print plain text or JSON.

Errors go to stderr as one plain sentence with a non-zero exit code, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from pa_manager import __version__
from pa_manager.config import default_data_file

EXIT_ERROR = 1
EXIT_USAGE = 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake on the command line is one sentence, not a usage dump."""

    def error(self, message: str):
        raise UsageError(f"{message[0].upper()}{message[1:]}. Run 'pa-manager --help' to see the options.")


def _data_option(parser: argparse.ArgumentParser, default=argparse.SUPPRESS) -> None:
    parser.add_argument(
        "--data",
        metavar="PATH_OR_DATABASE_URL",
        default=default,
        help="data file (SQLite) or database URL; default: a file in your data folder",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pa-manager", description="PA Manager: employ personal assistants with a direct payment.")
    parser.add_argument("--version", action="version", version=f"PA Manager {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the demo household in a throwaway data file")
    _data_option(parser, default=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("create-demo", help="write the demo household to a data file, without opening a window")
    _data_option(p)
    p.set_defaults(run=cmd_create_demo)

    p = sub.add_parser("employers", help="list the employers in a data file")
    _data_option(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_employers)

    p = sub.add_parser("import-staff", help="add PAs from a staff list (CSV or XLSX)")
    p.add_argument("file", type=Path)
    p.add_argument("--employer", required=True, help="the employer's name; created if it is not there yet")
    p.add_argument("--nation", choices=["england", "scotland", "wales", "northern-ireland"], default=None)
    p.add_argument("--dry-run", action="store_true", help="check the file and report, but store nothing")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_import_staff)

    p = sub.add_parser("import-timesheet", help="add shifts from a timesheet (CSV or XLSX)")
    p.add_argument("file", type=Path)
    p.add_argument("--employer", required=True)
    p.add_argument("--dry-run", action="store_true", help="check the file and report, but store nothing")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_import_timesheet)

    p = sub.add_parser("hours", help="hours paid by the hour and sleep-in nights of each PA, by type of shift, and "
                                     "their cost, for shifts starting within the dates")
    p.add_argument("--employer", required=True)
    p.add_argument("--from", dest="first", type=_date_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="last", type=_date_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_hours)

    p = sub.add_parser("due", help="what needs doing: checks, duties and training that are overdue or due soon")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--employer")
    which.add_argument("--all", action="store_true", help="every employer in the data file")
    p.add_argument("--within", type=int, default=30, metavar="DAYS", help="how far ahead 'due soon' looks (default 30)")
    p.add_argument("--calendar", type=Path, metavar="FILE.ics", help="also write the due dates to a calendar file")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_due)

    p = sub.add_parser("calc-pay", help="income tax and National Insurance for one pay period; needs no data file")
    p.add_argument("--tax-year", required=True, metavar="YYYY-YY")
    p.add_argument("--frequency", required=True, choices=["weekly", "fortnightly", "four-weekly", "monthly"])
    p.add_argument("--period", required=True, type=int, metavar="N", help="the tax week or month of the pay day")
    p.add_argument("--gross", required=True, type=_decimal_arg, metavar="G", help="pay this period, in pounds")
    p.add_argument("--tax-code", required=True, metavar="CODE")
    p.add_argument("--week1-month1", action="store_true", help="work out tax on a week 1 or month 1 basis")
    p.add_argument("--previous-taxable-pay", type=_decimal_arg, default=None, metavar="X",
                   help="taxable pay earlier this tax year (with this employer and any P45)")
    p.add_argument("--previous-tax", type=_decimal_arg, default=None, metavar="Y", help="tax paid earlier this tax year")
    p.add_argument("--ni-category", default="A", metavar="LETTER")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_calc_pay, needs_data=False)

    p = sub.add_parser("payrun", help="work out (and with --finalise, store for good) the pay for a pay day")
    p.add_argument("--employer", required=True)
    p.add_argument("--pay-date", type=_date_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--finalise", action="store_true", help="store the pay run as a permanent record")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_payrun)

    p = sub.add_parser("payslips", help="write the payslips (PDF) of a finalised pay run into a folder")
    p.add_argument("--employer", required=True)
    p.add_argument("--pay-date", type=_date_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    _data_option(p)
    p.set_defaults(run=cmd_payslips)

    p = sub.add_parser("budget", help="the direct-payment budget for a council year: money in and out, forecast, uprating gap")
    p.add_argument("--employer", required=True)
    p.add_argument("--year", required=True, metavar="YYYY-YY")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_budget)

    p = sub.add_parser("check-wage", help="check pay for a pay period against the legal minimum and the Real Living Wage")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--date-of-birth", type=_date_arg, metavar="YYYY-MM-DD")
    who.add_argument("--age", type=int, help="age on the first day of the pay period, if the date of birth is not known")
    p.add_argument("--period-start", type=_date_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--period-end", type=_date_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--hours", type=_decimal_arg, required=True, metavar="H")
    p.add_argument("--pay", type=_decimal_arg, required=True, metavar="P", help="pay for those hours, in pounds")
    p.add_argument("--apprentice", action="store_true")
    p.add_argument("--apprenticeship-start", type=_date_arg, metavar="YYYY-MM-DD")
    p.add_argument("--london", action="store_true", help="compare with the London Living Wage")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_check_wage, needs_data=False)

    p = sub.add_parser("export-employer", help="write one employer's records to a single file")
    p.add_argument("--employer", required=True)
    p.add_argument("--out", required=True, type=Path)
    _data_option(p)
    p.set_defaults(run=cmd_export_employer)

    p = sub.add_parser("import-employer", help="add an employer from a file made by export-employer")
    p.add_argument("file", type=Path)
    p.add_argument("--rename", default=None, help="import under this name instead")
    _data_option(p)
    p.set_defaults(run=cmd_import_employer)
    return parser


def _date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a date in the form YYYY-MM-DD") from None


def _decimal_arg(text: str):
    from pa_manager.domain.money import AmountError, read_amount

    try:
        return read_amount(text)
    except AmountError:
        raise argparse.ArgumentTypeError(f"{text} is not a number") from None


def _money(value) -> str | None:
    from pa_manager.domain.money import money_str

    return None if value is None else money_str(value)


def _number(value) -> str | None:
    """A rate as a decimal string, keeping any fraction of a penny it has ("12.71", "19.065")."""
    return None if value is None else format(value.normalize(), "f")


def _today() -> date:
    return date.today()


def _open(args, *, must_exist: bool = True):
    """Open the data file; a command that only reads refuses a file that is not there yet."""
    from pa_manager.storage.database import open_database

    location = str(args.data or default_data_file())
    if must_exist and "://" not in location and not Path(location).expanduser().exists():
        raise UsageError(f"There is no data file at {location}. Check the path given with --data.")
    db, _ = open_database(location)
    return db


def _employer_id(db, name: str) -> int:
    from pa_manager.services.employers import find_employer
    from pa_manager.services.errors import NotFound

    employer = find_employer(db, name)
    if employer is None:
        raise NotFound(f"There is no employer called {name} in this data file. Run 'pa-manager employers' to see the names.")
    return employer.id


def _print_json(document) -> None:
    json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def cmd_create_demo(args) -> int:
    from pa_manager.services.demo import create_demo
    from pa_manager.services.employers import list_employers

    db = _open(args, must_exist=False)
    if list_employers(db, _today()):
        raise UsageError(f"{args.data} already holds records. Give a new file name for the demo.")
    create_demo(db, _today())
    print(f"The demo household is in {args.data}.")
    return 0


def cmd_employers(args) -> int:
    from pa_manager.services.employers import list_employers

    employers = list_employers(_open(args), _today())
    if args.json:
        _print_json([{"name": e.name, "council": e.council, "pas": e.current_pas} for e in employers])
    elif not employers:
        print("There are no employers in this data file yet.")
    else:
        for e in employers:
            print(f"{e.name}: {e.current_pas} current PA{'s' if e.current_pas != 1 else ''}")
    return 0


def cmd_import_staff(args) -> int:
    from pa_manager.domain.nation import Nation
    from pa_manager.services.staff_import import import_staff

    result = import_staff(
        _open(args, must_exist=False),
        args.file,
        args.employer,
        _today(),
        nation=Nation(args.nation) if args.nation else None,
        dry_run=args.dry_run,
    )
    if args.json:
        _print_json(
            {
                "employer": result.employer,
                "employer_created": result.employer_created and not result.errors,
                "dry_run": result.dry_run,
                "added": list(result.added),
                "already_there": list(result.already_there),
                "errors": _row_errors_json(result.errors),
            }
        )
    if result.errors:
        return _report_row_errors(result.errors)
    if not args.json:
        verb = "Would add" if result.dry_run else "Added"
        print(f"{verb} {len(result.added)} PAs to {result.employer}; {len(result.already_there)} already there.")
    return 0


def _row_errors_json(errors) -> list[dict]:
    return [{"line": e.line, "column": e.column, "message": e.message} for e in errors]


def _report_row_errors(errors) -> int:
    """Every bad row of an imported file on stderr, then what happened: nothing was stored."""
    for error in errors:
        print(f"Line {error.line}: {error.message}", file=sys.stderr)
    print(f"Nothing was imported: {len({e.line for e in errors})} rows need correcting.", file=sys.stderr)
    return EXIT_ERROR


def cmd_import_timesheet(args) -> int:
    from pa_manager.services.timesheets import import_timesheet

    db = _open(args)
    result = import_timesheet(db, _employer_id(db, args.employer), args.file, dry_run=args.dry_run)
    if args.json:
        _print_json({
            "dry_run": result.dry_run, "added": result.added, "already_there": result.already_there,
            "errors": _row_errors_json(result.errors),
        })
    if result.errors:
        return _report_row_errors(result.errors)
    if not args.json:
        verb = "Would add" if result.dry_run else "Added"
        print(f"{verb} {result.added} shifts; {result.already_there} were already there.")
    return 0


def _hours(minutes: int) -> str:
    from decimal import Decimal

    from pa_manager.domain.money import money_str

    return money_str(Decimal(minutes) / 60)


def cmd_hours(args) -> int:
    from pa_manager.services.hours import hours_summary

    if args.last < args.first:
        raise UsageError("The --to date must be the same as or after the --from date.")
    db = _open(args)
    summary = hours_summary(db, _employer_id(db, args.employer), args.first, args.last)
    if args.json:
        _print_json({"from": args.first.isoformat(), "to": args.last.isoformat(), "pas": [
            {"name": t.name, "hours": {kind.value: _hours(m) for kind, m in sorted(t.minutes_by_type.items())},
             "total_hours": _hours(t.total_minutes), "sleep_in_nights": t.sleep_in_nights,
             "cost": None if t.missing_rate else _money(t.cost)}
            for t in summary
        ]})
    elif not summary:
        print("No shifts start within those dates.")
    else:
        for t in summary:
            nights = t.sleep_in_nights
            apart = f" and {nights} sleep-in night{'' if nights == 1 else 's'}" if nights else ""
            print(f"{t.name}: {_hours(t.total_minutes)} hours{apart}")
    return 0


def cmd_due(args) -> int:
    from pa_manager.services.checks import due_list
    from pa_manager.services.employers import list_employers
    from pa_manager.wording import due_item_sentence

    if args.within < 0:
        raise UsageError("The number of days after --within must be 0 or more.")
    db = _open(args)
    today = _today()
    ids = [e.id for e in list_employers(db, today)] if args.all else [_employer_id(db, args.employer)]
    names = {e.id: e.name for e in list_employers(db, today)}
    items = [(employer_id, item) for employer_id in ids for item in due_list(db, employer_id, today, args.within)
             if item.status in ("overdue", "due_soon")]
    if args.calendar:
        from pa_manager.services.calendar import export_due_calendar

        export_due_calendar(db, ids, args.calendar, today, datetime.now().astimezone())
    if args.json:
        _print_json([{
            "employer": names[employer_id], "pa": item.pa_name, "code": item.code,
            "due": item.due.isoformat() if item.due else None, "status": item.status,
            "message": due_item_sentence(item, today)[1],
        } for employer_id, item in items])
    elif not items:
        print("Nothing is overdue or due soon.")
    else:
        for employer_id, item in items:
            print(f"{names[employer_id]}: {due_item_sentence(item, today)[1]}")
    return 0


def cmd_calc_pay(args) -> int:
    from pa_manager.services.calculator import calculate_pay

    result = calculate_pay(
        tax_year=args.tax_year, frequency=args.frequency, period=args.period, gross=args.gross, tax_code=args.tax_code,
        week1_month1=args.week1_month1, previous_taxable_pay=args.previous_taxable_pay, previous_tax=args.previous_tax,
        ni_category=args.ni_category.upper(),
    )
    document = {name: _money(value) for name, value in result.items()}
    if args.json:
        _print_json(document)
    else:
        print(f"Tax {document['tax']} (to date {document['tax_to_date']}); employee NI {document['employee_ni']}; "
              f"employer NI {document['employer_ni']}.")
    return 0


def cmd_payrun(args) -> int:
    from pa_manager.services.pay_runs import finalise_pay_run, prepare_pay_run

    db = _open(args)
    employer_id = _employer_id(db, args.employer)
    if args.finalise:
        run = finalise_pay_run(db, employer_id, args.pay_date, datetime.now().astimezone())
    else:
        run = prepare_pay_run(db, employer_id, args.pay_date)
    people = []
    for item in run.pas:
        slip = item.payslip
        if slip is None:
            people.append({"name": item.pa.name, "problem": item.problem})
            continue
        people.append({
            "name": item.pa.name, "hours": _money(slip.hours), "gross_pay": _money(slip.gross_pay),
            "tax": _money(slip.tax), "employee_ni": _money(slip.employee_ni), "employer_ni": _money(slip.employer_ni),
            "pension_employee": _money(slip.employee_pension), "pension_employer": _money(slip.employer_pension),
            "net_pay": _money(slip.net_pay), "minimum_wage_ok": slip.minimum_wage_ok,
            "pay_lines": [{"code": line.code, "description": line.description, "amount": _money(line.amount),
                           "hours": _money(line.hours), "rate": _number(line.rate)} for line in slip.lines],
            "deductions": [{"code": d.code, "description": d.description, "amount": _money(d.amount)}
                           for d in slip.deductions],
        })
    if args.json:
        _print_json({"pay_date": run.pay_date.isoformat(), "period_start": run.period_start.isoformat(),
                     "period_end": run.period_end.isoformat(), "finalised": run.finalised,
                     "cannot_finalise_because": [] if run.finalised else run.blocking, "pas": people})
    else:
        state = "Finalised" if run.finalised else "Not finalised yet"
        print(f"Pay run for {run.pay_date.isoformat()} ({run.period_start.isoformat()} to {run.period_end.isoformat()}): {state}.")
        for person in people:
            print(f"{person['name']}: " + (person.get("problem") or f"take-home pay {person['net_pay']}"))
    return 0


def cmd_payslips(args) -> int:
    from pa_manager.services.payslips import write_payslip_files

    db = _open(args)
    files = write_payslip_files(db, _employer_id(db, args.employer), args.pay_date, args.out)
    print(f"Wrote {len(files)} payslips to {args.out}.")
    return 0


def cmd_budget(args) -> int:
    from pa_manager.services.budget import budget_summary

    db = _open(args)
    summary = budget_summary(db, _employer_id(db, args.employer), args.year, _today())
    gap = summary.uprating.gap
    forecast = summary.forecast
    document = {
        "year": summary.year.label,
        "money_in": _money(summary.money_in), "money_out": _money(summary.money_out), "balance": _money(summary.balance),
        "money_out_by_category": {k: _money(-v) for k, v in summary.by_category.items() if v < 0},
        "forecast_year_end_balance": _money(forecast.forecast_year_end_balance),
        "surplus_limit": _money(forecast.surplus_limit),
        "runs_out_on": forecast.runs_out_on.isoformat() if forecast.runs_out_on else None,
        "warnings": list(forecast.codes),
        "council_hourly_rate": _money(summary.year.council_hourly_rate),
        "average_pay_rate": _money(summary.uprating.pay_rate),
        "hourly_rate_needed": _money(gap.now.hourly_cost) if gap else None,
        "uprating_gap_per_hour": _money(gap.now.gap_per_hour) if gap else None,
        "uprating_gap_per_year": _money(gap.now.gap_per_year) if gap else None,
        "hourly_rate_needed_next_april": _money(gap.next_april.hourly_cost) if gap else None,
        "uprating_gap_per_hour_next_april": _money(gap.next_april.gap_per_hour) if gap else None,
    }
    if args.json:
        _print_json(document)
    else:
        print(f"{summary.year.label}: money in {document['money_in']}, out {document['money_out']}, "
              f"balance {document['balance']}; forecast at 31 March {document['forecast_year_end_balance']}.")
        if gap:
            print(f"The council pays {document['council_hourly_rate']} an hour; covering pay and on-costs needs "
                  f"{document['hourly_rate_needed']} (a gap of {document['uprating_gap_per_hour']} an hour).")
    return 0


def cmd_check_wage(args) -> int:
    from pa_manager.services.wages import check_wage, nlw_age_on
    from pa_manager.domain.money import format_money
    from pa_manager.wording import band_label, per_hour

    if args.hours < 0:
        raise UsageError("The hours must be 0 or more.")
    if args.pay < 0:
        raise UsageError("The pay must be £0 or more.")
    result = check_wage(
        period_start=args.period_start, period_end=args.period_end, hours=args.hours, pay=args.pay,
        date_of_birth=args.date_of_birth, age=args.age, apprentice=args.apprentice,
        apprenticeship_start=args.apprenticeship_start, london=args.london,
    )
    if args.json:
        _print_json({
            "band": result.band,
            "minimum_hourly_rate": _money(result.minimum_hourly_rate),
            "effective_hourly_rate": _money(result.effective_hourly_rate),
            "shortfall": _money(result.shortfall),
            "meets_minimum": result.meets_minimum,
            "real_living_wage_hourly_rate": _money(result.real_living_wage_hourly_rate),
            "meets_real_living_wage": result.meets_real_living_wage,
            "real_living_wage_pay_by": result.real_living_wage_pay_by.isoformat() if result.real_living_wage_pay_by else None,
            "counted_hours": _money(result.counted_hours),
            "rates_effective_from": result.rates_effective_from.isoformat(),
            "provisional": result.provisional,
        })
        return 0
    verdict = ("Meets the legal minimum" if result.meets_minimum
               else f"Below the legal minimum: {format_money(result.shortfall)} short for the period")
    print(f"{verdict}. Minimum {per_hour(result.minimum_hourly_rate)} "
          f"({band_label(result.band, nlw_age_on(args.period_start))}); paid "
          f"{per_hour(result.effective_hourly_rate) if result.effective_hourly_rate is not None else 'nothing per hour'}.")
    return 0


def cmd_export_employer(args) -> int:
    from pa_manager.services.transfer import export_employer

    db = _open(args)
    path = export_employer(db, _employer_id(db, args.employer), args.out, datetime.now())
    print(f"Exported {args.employer} to {path}.")
    return 0


def cmd_import_employer(args) -> int:
    from pa_manager.services.transfer import import_employer

    import_employer(_open(args, must_exist=False), args.file, rename_to=args.rename, today=_today())
    print(f"Imported {args.file.name}.")
    return 0


def run_gui(args) -> int:
    from pa_manager.app import run

    if args.demo:
        folder = Path(tempfile.mkdtemp(prefix="pa-manager-demo-"))
        return run(folder / "demo.sqlite3", demo=True)
    return run(Path(args.data) if args.data and "://" not in args.data else (args.data or default_data_file()))


def _guarded(action: Callable[[], int]) -> int:
    """Run a command; whatever goes wrong becomes one sentence on stderr, never a traceback (which
    could show a PA's details). PA_MANAGER_DEBUG=1 shows the traceback for a developer."""
    import os
    import sqlite3

    from sqlalchemy.exc import SQLAlchemyError

    from pa_manager.services.errors import ServiceError
    from pa_manager.storage.database import DataFileError, storage_error

    try:
        return action()
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    except (ServiceError, DataFileError) as error:
        print(error, file=sys.stderr)
        return EXIT_ERROR
    except (SQLAlchemyError, sqlite3.Error) as error:
        if os.environ.get("PA_MANAGER_DEBUG"):
            raise
        print(storage_error(error), file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:
        print(f"{error.strerror or error} ({error.filename or 'file'}). Check the path and try again.", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # noqa: BLE001 - the last guard: a sentence, not a traceback
        if os.environ.get("PA_MANAGER_DEBUG"):
            raise
        print(f"Something unexpected went wrong ({type(error).__name__}), so the command stopped. Run it again; if it "
              "happens again, please report it with the command you ran.", file=sys.stderr)
        return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    if getattr(args, "run", None) is None:
        return _guarded(lambda: run_gui(args))
    if getattr(args, "data", None) is None and getattr(args, "needs_data", True):
        args.data = str(default_data_file())
    return _guarded(lambda: args.run(args))
