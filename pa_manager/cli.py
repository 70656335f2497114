"""The command line: the GUI by default, and subcommands that print plain text or JSON.

Errors go to stderr as one plain sentence with a non-zero exit code, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import os
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
    """argparse, but a mistake on the command line is one sentence, not a usage dump; and a command's
    arguments can be added only when that command is run (or its help asked for)."""

    _add_later: Callable[[argparse.ArgumentParser], None] | None = None

    def error(self, message: str):
        raise UsageError(f"{message[0].upper()}{message[1:]}. Run 'pa-manager --help' to see the options.")

    def arguments_when_used(self, add: Callable[[argparse.ArgumentParser], None]) -> None:
        """For a command whose arguments need a module that takes a tenth of a second to import (the
        names of its choices, say), which no other command should pay for."""
        self._add_later = add

    def complete(self) -> argparse.ArgumentParser:
        add, self._add_later = self._add_later, None
        if add is not None:
            add(self)
        return self

    def parse_known_args(self, args=None, namespace=None):
        self.complete()
        return super().parse_known_args(args, namespace)


def _data_option(parser: argparse.ArgumentParser, default=argparse.SUPPRESS) -> None:
    parser.add_argument(
        "--data",
        metavar="PATH_OR_DATABASE_URL",
        default=default,
        help="data file (SQLite) or database URL; default: a file in your data folder",
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=default,
        help="a file holding the passphrase of an encrypted data file (or of a new one to make encrypted); "
             "- reads it from standard input",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pa-manager", description="PA Manager: employ personal assistants with a direct payment.")
    parser.add_argument("--version", action="version", version=f"PA Manager {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the demo household in a throwaway data file")
    parser.add_argument("--portable", action="store_true",
                        help="with --data: use a file on a USB stick and keep nothing on this computer")
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
    p.add_argument("--create", action="store_true", help="make a new data file if there is none at --data")
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

    p = sub.add_parser("due", help="what needs doing, as the dashboard lists it: checks, duties and training that are "
                                   "overdue, due soon, missing or to check; worked hours not paid yet, PAs to enrol in "
                                   "the pension and pay below the legal minimum")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--employer")
    which.add_argument("--all", action="store_true", help="every employer in the data file")
    p.add_argument("--within", type=int, default=30, metavar="DAYS", help="how far ahead 'due soon' looks (default 30)")
    p.add_argument("--calendar", type=Path, metavar="FILE.ics",
                   help="also write the dated items (overdue ones on today's date, nothing beyond --within) to a "
                        "calendar file")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_due)

    p = sub.add_parser("working-time", help="working time (Working Time Regulations 1998): the 48-hour average, "
                                            "daily and weekly rest, breaks and a young worker's limits, over the "
                                            "last 17 weeks and the coming rota")
    p.add_argument("--employer", required=True)
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_working_time)
    p = sub.add_parser("pay-scale", help="your pay scale's steps, and whether pay runs pay them from each PA's work "
                                         "anniversary or the dashboard only suggests them")
    p.add_argument("--employer", required=True)
    applied = p.add_mutually_exclusive_group()
    applied.add_argument("--apply", action="store_true", help="pay runs pay the scale's step from each anniversary, "
                                                              "unless a PA's own rate is higher")
    applied.add_argument("--suggest-only", action="store_true", help="only remind you on each anniversary (the default)")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_pay_scale)

    p = sub.add_parser("sick-pay-scheme", help="your own sick pay scheme on top of Statutory Sick Pay: show it, set it "
                                               "or remove it")
    p.add_argument("--employer", required=True)
    p.add_argument("--full-weeks", type=int, metavar="N", help="weeks at full pay in any 12 months")
    p.add_argument("--half-weeks", type=int, metavar="M", help="then weeks at half pay in any 12 months")
    p.add_argument("--qualifying-months", type=int, metavar="K", help="months a PA works for you before it pays")
    p.add_argument("--waiting-days", type=int, metavar="W", help="first working days of each absence it does not pay")
    p.add_argument("--pa", metavar="NAME", help="a scheme for this PA only, instead of the one for every PA")
    p.add_argument("--remove", action="store_true", help="remove the scheme: only Statutory Sick Pay is paid (for "
                                                         "--pa, the scheme for every PA)")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_sick_pay_scheme)

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
    p.add_argument("--student-loan", metavar="PLAN", choices=["1", "2", "4", "5"],
                   help="deduct a Student Loan on this plan (1, 2, 4 or 5)")
    p.add_argument("--postgraduate-loan", action="store_true", help="deduct a Postgraduate Loan too")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_calc_pay, needs_data=False)

    p = sub.add_parser("payrun", help="work out (and with --finalise, store for good) the pay for a pay day")
    p.add_argument("--employer", required=True)
    p.add_argument("--pay-date", type=_date_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--finalise", action="store_true", help="store the pay run as a permanent record")
    p.add_argument("--confirm", action="store_true",
                   help="with --finalise: you have seen what needs checking first (it is listed without this)")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_payrun)

    p = sub.add_parser("payslips", help="write the payslips (PDF) of a finalised pay run into a folder")
    p.add_argument("--employer", required=True)
    p.add_argument("--pay-date", type=_date_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    _data_option(p)
    p.set_defaults(run=cmd_payslips)

    p = sub.add_parser("p45", help="write a leaver's P45 (Parts 1A, 2 and 3) as a PDF, from their last pay run")
    p.add_argument("--employer", required=True)
    p.add_argument("--pa", required=True, metavar="NAME")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_p45)

    p = sub.add_parser("p60", help="write each PA's P60 for a tax year as PDFs, from the finalised pay runs")
    p.add_argument("--employer", required=True)
    p.add_argument("--tax-year", required=True, metavar="YYYY-YY")
    p.add_argument("--out-dir", type=Path, required=True, metavar="DIR")
    p.add_argument("--pa", metavar="NAME", help="only this PA's P60")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_p60)

    p = sub.add_parser("rti", help="save the Full Payment Submission (FPS) for a finalised pay run as an HMRC RTI "
                                   "file, made from the stored pay records")
    p.add_argument("--employer", required=True)
    p.add_argument("--pay-date", type=_date_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--late-reason", choices=list("ABCDEFGH"), metavar="LETTER",
                   help="HMRC's late reporting reason (A to H), for an FPS sent after the pay day")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_rti)

    p = sub.add_parser("payment-file", help="save a finalised pay day's payments (each PA's net pay, HMRC, the pension "
                                             "provider) as a Bacs Standard 18 file or a CSV for your bank's "
                                             "bulk-payment upload")
    p.add_argument("--employer", required=True)
    p.add_argument("--pay-date", type=_date_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--format", required=True, choices=["bacs", "csv"])
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_payment_file)

    p = sub.add_parser("eps", help="save the Employer Payment Summary (EPS) for a tax month as an HMRC RTI file: "
                                   "the Employment Allowance claim, a month with no pay")
    p.add_argument("--employer", required=True)
    p.add_argument("--tax-month", required=True, metavar="YYYY-YY:N",
                   help="the tax year and the month, 1 (6 April to 5 May) to 12, like 2026-27:3")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    claim = p.add_mutually_exclusive_group()
    claim.add_argument("--claim-employment-allowance", dest="claim", action="store_true", default=None,
                       help="claim the Employment Allowance in this EPS (by default: the year's first EPS, when you "
                            "claim it)")
    claim.add_argument("--no-employment-allowance", dest="claim", action="store_false",
                       help="leave the Employment Allowance claim out of this EPS")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_eps)

    p = sub.add_parser("nvreq", help="save a NINO Verification Request (NVREQ) as an HMRC RTI file, asking HMRC for "
                                     "the NI number of a PA who has none recorded")
    p.add_argument("--employer", required=True)
    p.add_argument("--pa", required=True, metavar="NAME")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_nvreq)

    p = sub.add_parser("rti-sent", help="record that a pay run's FPS reached HMRC: the file made by 'rti', or its "
                                        "figures entered in Basic PAYE Tools")
    p.add_argument("--employer", required=True)
    p.add_argument("--pay-date", type=_date_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--by", choices=["file", "basic-paye-tools"], default="file",
                   help="how it was sent (default: the file PA Manager made)")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_rti_sent)

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

    p = sub.add_parser("history", help="the change history for an audit: pay rates, pay runs and checks, newest first")
    p.add_argument("--employer", required=True)
    p.add_argument("--pa", default=None, help="only the changes about this PA")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_history)

    p = sub.add_parser("export-pa", help="everything held about one PA, in one file (a request for their personal data)")
    p.add_argument("--employer", required=True)
    p.add_argument("--pa", required=True)
    p.add_argument("--out", required=True, type=Path)
    _data_option(p)
    p.set_defaults(run=cmd_export_pa)

    p = sub.add_parser("erase-pa", help="erase a former PA's personal details once records need no longer be kept")
    p.add_argument("--employer", required=True)
    p.add_argument("--pa", required=True)
    p.add_argument("--confirm", action="store_true", help="needed: erasing cannot be undone")
    _data_option(p)
    p.set_defaults(run=cmd_erase_pa)

    p = sub.add_parser("export-employer", help="write one employer's records to a single file")
    p.add_argument("--employer", required=True)
    p.add_argument("--out", required=True, type=Path)
    _data_option(p)
    p.set_defaults(run=cmd_export_employer)

    p = sub.add_parser("import-employer", help="add an employer from a file made by export-employer")
    p.add_argument("file", type=Path)
    p.add_argument("--rename", default=None, help="import under this name instead")
    p.add_argument("--create", action="store_true", help="make a new data file if there is none at --data")
    _data_option(p)
    p.set_defaults(run=cmd_import_employer)

    p = sub.add_parser("backup", help="make a backup of the data file now (beside it, or at --out)")
    p.add_argument("--out", type=Path, metavar="PATH", help="where to write the backup instead (a new file)")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_backup)

    p = sub.add_parser("backups", help="list the backups beside the data file and what each holds")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_backups)

    p = sub.add_parser("restore", help="put a backup in place of the data file (after backing up the file as it is)")
    p.add_argument("--from", dest="backup", type=Path, required=True, metavar="BACKUP")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_restore)

    p = sub.add_parser("encrypt", help="encrypt the data file and its backups with the passphrase in --passphrase-file")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_encrypt)

    p = sub.add_parser("change-passphrase", help="give an encrypted data file and its backups a new passphrase")
    p.add_argument("--new-passphrase-file", required=True, metavar="FILE", help="a file holding the new passphrase")
    p.add_argument("--json", action="store_true", help="print JSON")
    _data_option(p)
    p.set_defaults(run=cmd_change_passphrase)

    _add_report_parser(sub)
    from pa_manager.cli_recruitment import add_parsers as add_recruitment_parsers

    add_recruitment_parsers(sub, _data_option, sys.modules[__name__])  # statement: taking on and keeping PAs (cli_recruitment.py)
    from pa_manager.cli_holiday import add_parsers as add_holiday_parsers

    add_holiday_parsers(sub, _data_option, sys.modules[__name__])  # holiday: the leave year's balance (cli_holiday.py)
    from pa_manager.cli_family import add_parsers as add_family_parsers

    add_family_parsers(sub, _data_option, sys.modules[__name__])  # family-leave: statutory family pay (cli_family.py)
    from pa_manager.cli_earnings_orders import add_parsers as add_earnings_order_parsers

    add_earnings_order_parsers(sub, _data_option, sys.modules[__name__])  # earnings-order: court orders (cli_earnings_orders.py)
    from pa_manager.cli_earlier_payroll import add_parsers as add_earlier_payroll_parsers

    add_earlier_payroll_parsers(sub, _data_option, sys.modules[__name__])  # earlier-payroll: figures to date (cli_earlier_payroll.py)
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


def _read_passphrase(name: str | None) -> str | None:
    """The passphrase in a file (its first line; - is standard input), so it never shows in the process
    list or the shell's history. It is kept in memory only."""
    if name is None:
        return None
    if name == "-":
        text = sys.stdin.readline()
    else:
        path = Path(name).expanduser()
        if not path.is_file():
            raise UsageError(f"There is no passphrase file at {path}. Give a file holding the passphrase on its "
                             "first line.")
        text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise UsageError(f"The passphrase file {name} is empty. Put the passphrase on its first line.")
    return lines[0]


def _passphrase(args) -> str | None:
    return _read_passphrase(getattr(args, "passphrase_file", None))


def _said_for_the_command_line(error):
    """An encrypted file's refusal, with the option that answers it."""
    from pa_manager.services.data_files import DataFileError

    if error.code == "ENCRYPTED":
        return DataFileError(f"{error} Put it on the first line of a file and add --passphrase-file FILE.", error.code)
    if error.code == "DAMAGED" and "a backup can be put back" in str(error):
        return DataFileError(f"{error} Run 'pa-manager backups' to see them and 'pa-manager restore --from BACKUP' to "
                             "put one back.", error.code)
    if error.code == "NOT_ENCRYPTED":
        return DataFileError(f"{str(error).removesuffix(' Open it without one, or encrypt it first.')} Leave out "
                             "--passphrase-file, or encrypt it with 'pa-manager encrypt'.", error.code)
    return error


def _open(args, *, writes: bool = False, create: bool = False):
    """Open the data file. Only a command told to (--create, or create-demo) makes a new file, so a
    mistyped --data path is said to be missing rather than quietly becoming an empty file. A command
    that only reads opens a read-only file too. A file opened to change takes the day's backup first
    (storage/safekeeping.py); a new file made with --passphrase-file is encrypted."""
    from pa_manager.services.data_files import (
        DataFileError, check_new_passphrase, file_path, forget_first_view, open_data_file,
    )

    location = str(args.data or default_data_file())
    passphrase = _passphrase(args)
    path = file_path(location)
    if path is not None and passphrase is not None and not path.exists() and create:
        check_new_passphrase(passphrase)
    if writes and path is not None:
        forget_first_view(path)  # what the window kept of it may be about to stop being true
    try:
        opened = open_data_file(location, create=create, passphrase=passphrase)
    except DataFileError as error:
        if writes or error.code != "READ_ONLY":
            raise
        return open_data_file(location, read_only=True, passphrase=passphrase).db
    if opened.backup_problem:
        # Not a reason to stop the work asked for, but never a silent failure.
        print(opened.backup_problem, file=sys.stderr)
    return opened.db


def _data_file(args) -> Path:
    """--data as a file: backups, restoring and encryption are for data files, not database servers."""
    location = str(args.data or default_data_file())
    if "://" in location:
        raise UsageError("Backups, restoring and encryption are for a data file. A database server keeps its own "
                         "backups: ask whoever runs it.")
    return Path(location).expanduser()


def _checked(path: Path, passphrase: str | None):
    """The file's state, or why it cannot be read (missing, damaged, encrypted without its passphrase)."""
    from pa_manager.services.data_files import inspect_file

    return inspect_file(path, create=False, read_only=True, passphrase=passphrase)


def _employer_id(db, name: str) -> int:
    from pa_manager.services.employers import find_employer
    from pa_manager.services.errors import NotFound

    employer = find_employer(db, name)
    if employer is None:
        raise NotFound("CLI_NO_EMPLOYER_CALLED", name)
    return employer.id


def _print_json(document) -> None:
    json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def cmd_create_demo(args) -> int:
    from pa_manager.services.demo import create_demo
    from pa_manager.services.employers import list_employers

    db = _open(args, writes=True, create=True)
    if list_employers(db, _today()):
        raise UsageError(f"{db.location} already holds records. Give a new file name for the demo.")
    create_demo(db, _today())
    print(f"The demo household is in {db.location}{' (encrypted)' if db.encrypted else ''}.")  # no password shown
    return 0


def cmd_pay_scale(args) -> int:
    from pa_manager.services import employers, pay_scale

    writes = args.apply or args.suggest_only
    db = _open(args, writes=writes)
    employer_id = _employer_id(db, args.employer)
    if writes:
        pay_scale.set_applied(db, employer_id, bool(args.apply))
    steps = pay_scale.get_steps(db, employer_id)
    applied = employers.get_employer(db, employer_id).applies_pay_scale
    if args.json:
        _print_json({"employer": args.employer, "applied": applied,
                     "steps": [{"years": s.years, "hourly_rate": str(s.hourly_rate)} for s in steps]})
        return 0
    if not steps:
        print(f"{args.employer} has no pay scale yet. Set one under Recruitment, Your PAs, Pay scale.")
    for s in steps:
        print(f"From {s.years} year{'' if s.years == 1 else 's'}: £{s.hourly_rate:,.2f} an hour")
    print("Pay runs pay each step from the PA's work anniversary, unless their own rate is higher." if applied else
          "Pay runs pay each PA's own rate; you get a reminder on each anniversary. Use --apply to pay the scale.")
    return 0


def cmd_sick_pay_scheme(args) -> int:
    from pa_manager.domain.occupational_sick_pay import SickPayScheme
    from pa_manager.services import sick_pay_scheme

    given = [args.full_weeks, args.half_weeks, args.qualifying_months, args.waiting_days]
    if args.remove and any(v is not None for v in given):
        raise UsageError("Give either --remove or the scheme's weeks and months, not both.")
    writes = args.remove or any(v is not None for v in given)
    db = _open(args, writes=writes)
    employer_id = _employer_id(db, args.employer)
    pa_id = _pa_id(db, employer_id, args.pa) if args.pa else None
    if writes:
        current = (sick_pay_scheme.get_scheme(db, employer_id, pa_id) or sick_pay_scheme.get_scheme(db, employer_id)
                   or SickPayScheme())
        scheme = None if args.remove else SickPayScheme(
            *(v if v is not None else old for v, old in zip(given, (
                current.full_pay_weeks, current.half_pay_weeks, current.qualifying_months, current.waiting_days))))
        sick_pay_scheme.save_scheme(db, employer_id, scheme, pa_id)
    scheme = sick_pay_scheme.get_scheme(db, employer_id, pa_id)
    whose = f"{args.pa}'s own" if args.pa else f"{args.employer}'s"
    if args.json:
        _print_json({"employer": args.employer, "pa": args.pa, "scheme": None if scheme is None else {
            "full_pay_weeks": scheme.full_pay_weeks, "half_pay_weeks": scheme.half_pay_weeks,
            "qualifying_months": scheme.qualifying_months, "waiting_days": scheme.waiting_days}})
    elif scheme is None and args.pa:
        print(f"{args.pa} has no sick pay scheme of their own: the one for every PA pays them, if there is one.")
    elif scheme is None:
        print(f"{args.employer} has no sick pay scheme: PAs off sick get Statutory Sick Pay only.")
    else:
        print(f"{whose} sick pay scheme: {scheme.full_pay_weeks} weeks at full pay, then "
              f"{scheme.half_pay_weeks} weeks at half pay, in any 12 months; after {scheme.qualifying_months} months "
              f"with you; {scheme.waiting_days} waiting days. Statutory Sick Pay is part of it, not on top.")
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
        _open(args, writes=True, create=args.create),
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
    from pa_manager.messages import describe

    return [{"line": e.line, "column": e.column, "message": describe(e.problem)} for e in errors]


def _report_row_errors(errors) -> int:
    """Every bad row of an imported file on stderr, then what happened: nothing was stored."""
    from pa_manager.messages import describe

    for error in errors:
        print(f"Line {error.line}: {describe(error.problem)}", file=sys.stderr)
    print(f"Nothing was imported: {len({e.line for e in errors})} rows need correcting.", file=sys.stderr)
    return EXIT_ERROR


def cmd_import_timesheet(args) -> int:
    from pa_manager.services.timesheets import import_timesheet

    db = _open(args, writes=not args.dry_run)
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
    from pa_manager.services.due import due_list
    from pa_manager.services.dashboard import pay_concerns
    from pa_manager.services.employers import list_employers
    from pa_manager.wording import due_item_sentence

    if args.within < 0:
        raise UsageError("The number of days after --within must be 0 or more.")
    db = _open(args)
    today = _today()
    ids = [e.id for e in list_employers(db, today)] if args.all else [_employer_id(db, args.employer)]
    names = {e.id: e.name for e in list_employers(db, today)}
    # The dashboard's own lists, from the same functions: nothing it shows is left out here. First the
    # checks, duties and training; then pay: worked hours not paid yet, pension enrolment, the legal minimum.
    rows = []
    for employer_id in ids:
        rows += [{"employer": names[employer_id], "pa": item.pa_name, "code": item.code,
                  "due": item.due.isoformat() if item.due else None, "status": item.status,
                  "message": due_item_sentence(item, today)[1], **_rates_of(item)}
                 for item in due_list(db, employer_id, today, args.within)]
        rows += _pay_rows(pay_concerns(db, employer_id, today), names[employer_id], today, args.within)
    if args.calendar:
        from pa_manager.services.calendar import export_due_calendar

        export_due_calendar(db, ids, args.calendar, today, datetime.now().astimezone(), within_days=args.within)
    if args.json:
        _print_json(rows)
    elif not rows:
        print(f"Nothing is overdue, due in the next {args.within} days, missing or to check.")
    else:
        for row in rows:
            print(f"{row['employer']}: {row['message']}")
    return 0


def _rates_of(item) -> dict[str, str]:
    """A pay-scale step's rates (domain.pay_scale) as decimal strings: the scale's and the one paid now; a
    working-time finding's figures (domain.working_time), as `working-time` gives them."""
    from pa_manager.domain.money import money_str

    if item.code.startswith("WORKING_TIME_"):
        return _working_time_figures(item.code, item.param("found"), item.param("limit"), item.param("first"))
    return {name: money_str(item.param(name)) for name in ("hourly_rate", "current_rate")
            if item.param(name) is not None}


def _working_time_figures(code: str, found, limit, first) -> dict:
    """A working-time finding's figures: found and limit as decimal strings, in `unit` (a break's in
    minutes, the rest in hours), and the first day of the period looked at (None for one day or rest)."""
    from pa_manager.domain.working_time import BREAK_SHORT

    return {"found": str(found), "limit": str(limit), "unit": "minutes" if code == BREAK_SHORT else "hours",
            "first": first.isoformat() if first else None}


def cmd_working_time(args) -> int:
    from pa_manager.domain.working_time import limits_on
    from pa_manager.messages import format_date
    from pa_manager.services.people import list_pas
    from pa_manager.services.working_time import employer_findings, period
    from pa_manager.wording import working_time_sentence

    db = _open(args)
    today = _today()
    employer_id = _employer_id(db, args.employer)
    first, last = period(today)
    found = employer_findings(db, employer_id, today)
    rows = [{"pa": pa.name, "code": f.code, "day": f.day.isoformat(),
             **_working_time_figures(f.code, f.found, f.limit, f.first),
             "shifts": len(f.shifts), "message": working_time_sentence(f, pa.name)}
            for pa in found for f in pa.findings]
    opt_outs = [{"pa": pa.name, "signed": pa.working_time_opt_out.isoformat()}
                for pa in list_pas(db, employer_id) if pa.working_time_opt_out is not None]
    if args.json:
        _print_json({"from": first.isoformat(), "to": last.isoformat(), "findings": rows, "opt_outs": opt_outs})
        return 0
    weeks = limits_on(today).reference_weeks
    span = f"from {format_date(first)} to {format_date(last)} (the last {weeks} weeks and the coming rota)"
    if not rows:
        print(f"No working-time problems {span}.")
    else:
        print(f"Working time {span}:")
        for row in rows:
            print(f"{row['message']}")
    for opt_out in opt_outs:
        print(f"{opt_out['pa']} signed the 48-hour opt-out on {format_date(date.fromisoformat(opt_out['signed']))}.")
    return 0


def _pay_rows(concerns, employer: str, today: date, within: int) -> list[dict]:
    """`due`'s rows for what about pay needs doing, in the dashboard's words (hours as a decimal string)."""
    from pa_manager.domain.compliance import DUE_SOON, OVERDUE, WARNING
    from pa_manager.wording import (
        BELOW_MINIMUM_WAGE, PENSION_ENROL_NOW, UNPAID_WORK, below_minimum_sentence, enrolment_sentence,
        unpaid_work_sentence,
    )

    rows = [{"employer": employer, "pa": u.pa_name, "code": UNPAID_WORK, "due": u.pay_date.isoformat(),
             "status": OVERDUE if u.overdue else DUE_SOON, "hours": f"{u.hours:.2f}",
             "message": unpaid_work_sentence(u)[1]}
            for u in concerns.unpaid if u.overdue or (u.pay_date - today).days <= within]
    rows += [{"employer": employer, "pa": e.pa_name, "code": PENSION_ENROL_NOW, "due": e.found_on.isoformat(),
              "status": WARNING, "message": enrolment_sentence(e)[1]} for e in concerns.enrol]
    rows += [{"employer": employer, "pa": s.pa_name, "code": BELOW_MINIMUM_WAGE, "due": today.isoformat(),
              "status": OVERDUE, "message": below_minimum_sentence(s)[1]} for s in concerns.below_minimum]
    return rows


def cmd_calc_pay(args) -> int:
    from pa_manager.services.calculator import calculate_pay

    result = calculate_pay(
        tax_year=args.tax_year, frequency=args.frequency, period=args.period, gross=args.gross, tax_code=args.tax_code,
        week1_month1=args.week1_month1, previous_taxable_pay=args.previous_taxable_pay, previous_tax=args.previous_tax,
        ni_category=args.ni_category.upper(), student_loan=args.student_loan, postgraduate_loan=args.postgraduate_loan,
    )
    document = {name: _money(value) for name, value in result.items()}
    if args.json:
        _print_json(document)
    else:
        loans = ""
        if "student_loan" in document:
            loans += f"; Student Loan (Plan {args.student_loan}) {document['student_loan']}"
        if "postgraduate_loan" in document:
            loans += f"; Postgraduate Loan {document['postgraduate_loan']}"
        print(f"Tax {document['tax']} (to date {document['tax_to_date']}); employee NI {document['employee_ni']}; "
              f"employer NI {document['employer_ni']}{loans}.")
    return 0


def cmd_payrun(args) -> int:
    from pa_manager.messages import describe
    from pa_manager.services.pay_runs import NeedsConfirming, finalise_pay_run, prepare_pay_run

    db = _open(args, writes=args.finalise)
    employer_id = _employer_id(db, args.employer)
    if args.finalise:
        try:
            run = finalise_pay_run(db, employer_id, args.pay_date, datetime.now().astimezone(), confirmed=args.confirm)
        except NeedsConfirming as needed:
            print("Nothing was finalised. Check these first, then run the command again with --confirm:",
                  file=sys.stderr)
            for problem in needed.to_confirm:
                print(f"- {describe(problem)}", file=sys.stderr)
            return EXIT_ERROR
    else:
        run = prepare_pay_run(db, employer_id, args.pay_date, _today())
    people = []
    for item in run.pas:
        slip = item.payslip
        if slip is None:
            people.append({"name": item.pa.name, "problem": describe(item.problem) if item.problem else None})
            continue
        people.append({
            "name": item.pa.name, "hours": _money(slip.hours), "gross_pay": _money(slip.gross_pay),
            "tax": _money(slip.tax), "employee_ni": _money(slip.employee_ni), "employer_ni": _money(slip.employer_ni),
            "pension_employee": _money(slip.employee_pension), "pension_employer": _money(slip.employer_pension),
            "net_pay": _money(slip.net_pay), "minimum_wage_ok": slip.minimum_wage_ok,
            "pay_lines": [{"code": line.code, "description": line.description, "amount": _money(line.amount),
                           "hours": _money(line.hours), "rate": _number(line.rate)} for line in slip.lines],
            "student_loan": _money(slip.student_loan), "postgraduate_loan": _money(slip.postgraduate_loan),
            "deductions": [{"code": d.code, "description": d.description, "amount": _money(d.amount)}
                           for d in slip.deductions],
        })
    if args.json:
        _print_json({"pay_date": run.pay_date.isoformat(), "period_start": run.period_start.isoformat(),
                     "period_end": run.period_end.isoformat(), "finalised": run.finalised,
                     "cannot_finalise_because": [] if run.finalised else [describe(p) for p in run.blocking],
                     "confirm_before_finalising": [] if run.finalised else [describe(p) for p in run.confirm_problems],
                     "pas": people})
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


def cmd_p45(args) -> int:
    from pa_manager.services.year_end import write_p45_file

    db = _open(args, writes=True)
    form = write_p45_file(db, _employer_id(db, args.employer), args.pa, args.out)
    if args.json:
        _print_json({"file": str(args.out), "pa": form.pa.name, "tax_year": form.tax_year,
                     "leaving_date": form.leaving_date.isoformat(), "tax_code": form.tax_code,
                     "week1_month1": form.week1_month1, "last_period": f"{form.period_word} {form.last_period}",
                     "pay_to_date": _money(form.pay_to_date), "tax_to_date": _money(form.tax_to_date),
                     "this_employment_pay": _money(form.this_employment_pay),
                     "this_employment_tax": _money(form.this_employment_tax),
                     "student_loan_continues": form.student_loan_continues,
                     "postgraduate_loan_continues": form.postgraduate_loan_continues})
    else:
        print(f"Wrote {form.pa.name}'s P45 to {args.out}. Give Parts 1A, 2 and 3 to them.")
    return 0


def cmd_p60(args) -> int:
    from pa_manager.services.year_end import p60s, write_p60_files

    db = _open(args, writes=True)
    employer_id = _employer_id(db, args.employer)
    files = write_p60_files(db, employer_id, args.tax_year, args.out_dir, args.pa, today=_today())
    if args.json:
        forms = p60s(db, employer_id, args.tax_year, args.pa)
        _print_json({"tax_year": args.tax_year, "files": [str(f) for f in files], "p60s": [
            {"pa": f.pa.name, "previous_pay": _money(f.previous_pay), "previous_tax": _money(f.previous_tax),
             "pay": _money(f.pay), "tax": _money(f.tax), "total_pay": _money(f.total_pay),
             "total_tax": _money(f.total_tax), "final_tax_code": f.final_tax_code,
             "student_loan": _money(f.student_loan), "postgraduate_loan": _money(f.postgraduate_loan),
             "ni": [{"letter": n.letter, "earnings_at_lel": _money(n.at_lel), "earnings_lel_to_pt": _money(n.lel_to_pt),
                     "earnings_pt_to_uel": _money(n.pt_to_uel), "employee_ni": _money(n.employee_ni)} for n in f.ni]}
            for f in forms]})
    else:
        print(f"Wrote {len(files)} P60{'s' if len(files) != 1 else ''} to {args.out_dir}.")
    return 0


SENDING_OFF_NOTE = ("PA Manager does not send it to HMRC: send it with software that can, or through your payroll "
                    "bureau, then record it with 'pa-manager rti-sent'.")


def cmd_rti(args) -> int:
    from pa_manager.messages import format_date
    from pa_manager.services.rti import write_fps

    db = _open(args, writes=True)
    made = write_fps(db, _employer_id(db, args.employer), args.pay_date, args.out, datetime.now().astimezone(),
                     late_reason=args.late_reason)
    if args.json:
        _print_json({"file": str(made.path), "kind": made.kind, "tax_year": made.tax_year,
                     "pay_date": args.pay_date.isoformat(), "irmark": made.irmark, "pas": made.people,
                     "sent": False})
    else:
        people = f"{made.people} PA{'s' if made.people != 1 else ''}"
        print(f"Wrote the FPS for the pay day on {format_date(args.pay_date)} ({people}) to {made.path}. Its IRmark "
              f"is {made.irmark}. {SENDING_OFF_NOTE}")
    return 0


def cmd_payment_file(args) -> int:
    from pa_manager.domain.money import format_money
    from pa_manager.domain.payment_file import PENSION_BY_PROVIDER
    from pa_manager.messages import format_date
    from pa_manager.services.payment_files import write_payment_file

    db = _open(args, writes=False)
    made = write_payment_file(db, _employer_id(db, args.employer), args.pay_date, args.format, args.out, _today())
    run = made.run
    if args.json:
        # Bank details stay out of what is printed: the file holds them, the screen does not.
        _print_json({"file": str(made.path), "format": made.format, "pay_date": args.pay_date.isoformat(),
                     "total": _money(run.total), "pension_left_out": PENSION_BY_PROVIDER in run.left_out,
                     "payments": [{"kind": p.kind, "to": p.to.name, "amount": _money(p.amount),
                                   "reference": p.reference} for p in run.payments]})
    else:
        count = len(run.payments)
        said = (" The pension contributions are not in it, as your pension provider's bank account is not recorded: "
                "pay them as the provider asks." if PENSION_BY_PROVIDER in run.left_out else "")
        print(f"Wrote {count} payment{'s' if count != 1 else ''} for the pay day on {format_date(args.pay_date)}, "
              f"{format_money(run.total)} in all, to {made.path}.{said} Upload it to your bank and check the total "
              "before you approve it.")
    return 0


def cmd_eps(args) -> int:
    from pa_manager.domain.rti import RtiError, eps_due, parse_tax_month
    from pa_manager.messages import describe, format_date
    from pa_manager.domain.validation import Problem
    from pa_manager.services.rti import write_eps

    try:
        tax_year, month = parse_tax_month(args.tax_month)
    except RtiError as error:
        raise UsageError(describe(Problem(error.code))) from None
    db = _open(args, writes=True)
    made = write_eps(db, _employer_id(db, args.employer), tax_year, month, args.out, datetime.now().astimezone(),
                     claim_employment_allowance=args.claim)
    if args.json:
        _print_json({"file": str(made.path), "kind": made.kind, "tax_year": tax_year, "tax_month": month,
                     "irmark": made.irmark, "employment_allowance": made.employment_allowance,
                     "no_payment": made.no_payment, "sent": False})
    else:
        what = [w for w, on in (("claims the Employment Allowance", made.employment_allowance),
                                ("says nobody was paid in the month", made.no_payment)) if on]
        said = f" It {' and '.join(what)}." if what else ""
        print(f"Wrote the EPS for tax month {month} of {tax_year} to {made.path}.{said} Its IRmark is {made.irmark}. "
              "PA Manager does not send it to HMRC: send it with software that can, or through your payroll bureau, "
              f"by {format_date(eps_due(tax_year, month))}.")
    return 0


def cmd_nvreq(args) -> int:
    from pa_manager.services.rti import write_nvreq

    db = _open(args, writes=False)
    made = write_nvreq(db, _employer_id(db, args.employer), args.pa, args.out, _today())
    if args.json:
        _print_json({"file": str(made.path), "kind": "NVREQ", "pa": made.pa_name, "irmark": made.irmark,
                     "sent": False})
    else:
        print(f"Wrote the request for {made.pa_name}'s NI number to {made.path}. Its IRmark is {made.irmark}. "
              "PA Manager does not send it to HMRC: send it with software that can, or through your payroll bureau. "
              "HMRC will tell you the number if it finds one; then record it on the People page.")
    return 0


def cmd_rti_sent(args) -> int:
    from pa_manager.messages import format_date
    from pa_manager.services.rti import BASIC_PAYE_TOOLS, FILE_SENT, mark_fps_sent

    db = _open(args, writes=True)
    how = FILE_SENT if args.by == "file" else BASIC_PAYE_TOOLS
    report = mark_fps_sent(db, _employer_id(db, args.employer), args.pay_date, how, datetime.now().astimezone())
    if args.json:
        _print_json({"pay_date": args.pay_date.isoformat(), "sent_how": report.sent_how, "irmark": report.irmark,
                     "sent_at": report.sent_at.isoformat()})
    else:
        print(f"Recorded that the FPS for the pay day on {format_date(args.pay_date)} reached HMRC.")
    return 0


def cmd_budget(args) -> int:
    from pa_manager.services.budget import budget_summary
    from pa_manager.budget_words import gap_lines, sick_pay_lines

    db = _open(args)
    summary = budget_summary(db, _employer_id(db, args.employer), args.year, _today())
    forecast = summary.forecast
    up = summary.uprating

    def costed(cost):
        if cost is None:
            return None
        return {"year": cost.label, "council_hourly_rate": _money(cost.council_rate),
                "council_rate_recorded": cost.council_rate_recorded, "costed_as_need": cost.raised_to_floor,
                "hours": _number(cost.hours), "sleep_in_nights": cost.nights, "total_cost": _money(cost.total),
                "hourly_rate_needed": _money(cost.hourly_cost), "gap_per_hour": _money(cost.gap_per_hour),
                "gap_per_year": _money(cost.gap_per_year), "provisional": cost.provisional,
                "parts": {line.code.lower(): {"year": _money(line.year), "per_hour": _money(line.per_hour)}
                          for line in cost.lines()}}
    document = {
        "year": summary.year.label,
        "money_in": _money(summary.money_in), "money_out": _money(summary.money_out), "balance": _money(summary.balance),
        "money_out_by_category": {k: _money(-v) for k, v in summary.by_category.items() if v < 0},
        "forecast_year_end_balance": _money(forecast.forecast_year_end_balance),
        "surplus_limit": _money(forecast.surplus_limit),
        "runs_out_on": forecast.runs_out_on.isoformat() if forecast.runs_out_on else None,
        "warnings": list(forecast.codes),
        "council_hourly_rate": _money(summary.year.council_hourly_rate),
        "cost_of_an_hour": costed(up.year),
        "cost_of_an_hour_next_year": costed(up.coming),
        # Sick pay: recorded sickness is in the forecast; the scheme's most is beside it, not taken off it.
        "sick_pay_in_forecast": _money(forecast.costing.sick_pay),
        "sick_pay_scheme_at_most": {
            "total": _money(summary.sick_pay_at_most_total),
            "pas": [{"pa_id": r.pa_id, "name": r.name, "from": r.at_most.first.isoformat(),
                     "to": r.at_most.last.isoformat(), "full_pay_days": r.at_most.full_pay_days,
                     "half_pay_days": r.at_most.half_pay_days, "above_ssp": _money(r.at_most.above_ssp),
                     "employer_ni": _money(r.at_most.employer_ni),
                     "employer_pension": _money(r.at_most.employer_pension), "total": _money(r.at_most.total)}
                    for r in summary.sick_pay_at_most],
        },
    }
    if args.json:
        _print_json(document)
    else:
        print(f"{summary.year.label}: money in {document['money_in']}, out {document['money_out']}, "
              f"balance {document['balance']}; forecast at 31 March {document['forecast_year_end_balance']}.")
        for line in gap_lines(up, _today()):
            print(line[1])
        for sentence in sick_pay_lines(summary):
            print(sentence)
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


def _pa_id(db, employer_id: int, name: str) -> int:
    from pa_manager.services.errors import NotFound
    from pa_manager.services.people import list_pas

    found = [pa.id for pa in list_pas(db, employer_id) if pa.name.lower() == name.strip().lower()]
    if not found:
        raise NotFound("YEAR_END_NO_PA_CALLED", name)
    return found[0]


def cmd_history(args) -> int:
    from pa_manager.services.history import change_history
    from pa_manager.wording import change_sentence

    db = _open(args)
    employer_id = _employer_id(db, args.employer)
    changes = change_history(db, employer_id, _pa_id(db, employer_id, args.pa) if args.pa else None)
    if args.json:
        _print_json([{"at": c.at.isoformat(timespec="seconds"), "who": c.who, "code": c.code, "facts": c.facts,
                      "what": change_sentence(c)} for c in changes])
    elif not changes:
        print("No changes have been recorded yet.")
    else:
        for c in changes:
            print(f"{c.at.astimezone():%Y-%m-%d %H:%M} {c.who}: {change_sentence(c)}")
    return 0


def cmd_export_pa(args) -> int:
    from pa_manager.services.data_protection import export_pa_data

    db = _open(args)
    employer_id = _employer_id(db, args.employer)
    path = export_pa_data(db, employer_id, _pa_id(db, employer_id, args.pa), args.out, _today())
    print(f"Wrote everything held about {args.pa} to {path}.")
    return 0


def cmd_erase_pa(args) -> int:
    from pa_manager.services.data_protection import erase_former_pa, erasure_for

    db = _open(args, writes=True)
    employer_id = _employer_id(db, args.employer)
    pa_id = _pa_id(db, employer_id, args.pa)
    refusal = erasure_for(db, employer_id, pa_id).refusal(_today())
    if refusal:
        from pa_manager.services.errors import ServiceError

        raise ServiceError(refusal)
    if not args.confirm:
        raise UsageError(f"Erasing {args.pa}'s personal details cannot be undone. Export them first if they may be "
                         "asked for, then run the command again with --confirm.")
    new_name = erase_former_pa(db, employer_id, pa_id, _today())
    print(f"Erased {args.pa}'s personal details; their pay figures are kept as {new_name}.")
    return 0


def cmd_export_employer(args) -> int:
    from pa_manager.services.transfer import export_employer

    db = _open(args)
    path = export_employer(db, _employer_id(db, args.employer), args.out, datetime.now())
    print(f"Exported {args.employer} to {path}.")
    return 0


def cmd_import_employer(args) -> int:
    from pa_manager.services.transfer import import_employer

    import_employer(_open(args, writes=True, create=args.create), args.file, rename_to=args.rename, today=_today())
    print(f"Imported {args.file.name}.")
    return 0


def _paths(paths) -> list[str]:
    return [str(p) for p in paths]


def cmd_backup(args) -> int:
    from pa_manager.services.data_files import MANUAL, take_backup

    path = _data_file(args)
    passphrase = _passphrase(args)
    state = _checked(path, passphrase)
    out = args.out.expanduser() if args.out else None
    made = take_backup(path, MANUAL, now=datetime.now(), passphrase=passphrase if state.encrypted else None, out=out)
    if args.json:
        _print_json({"backup": str(made), "encrypted": state.encrypted})
    else:
        print(f"Backed up {path.name} to {made}{' (encrypted with its passphrase)' if state.encrypted else ''}.")
    return 0


def _backup_json(summary) -> dict:
    return {
        "path": str(summary.path), "made_at": summary.made_at.isoformat() if summary.made_at else None,
        "kind": summary.kind, "size": summary.size, "encrypted": summary.encrypted,
        "employers": list(summary.employers), "pas": summary.pa_count,
        "latest_pay_run": summary.latest_pay_date.isoformat() if summary.latest_pay_date else None,
        "problem": summary.problem, "message": summary.message,
    }


def cmd_backups(args) -> int:
    from pa_manager.services.data_files import backups_of, summarise_backup
    from pa_manager.wording import backup_sentence

    path = _data_file(args)
    passphrase = _passphrase(args)
    summaries = [summarise_backup(b, passphrase) for b in backups_of(path)]
    if args.json:
        _print_json([_backup_json(s) for s in summaries])
    elif not summaries:
        print(f"There are no backups beside {path.name} yet.")
    else:
        for summary in summaries:
            print(f"{summary.path.name}: {backup_sentence(summary)}")
    return 0


def cmd_restore(args) -> int:
    from pa_manager.services.data_files import hold_writer_lock, restore_backup

    path = _data_file(args)
    passphrase = _passphrase(args)
    with hold_writer_lock(path):
        result = restore_backup(path, args.backup.expanduser(), now=datetime.now(), passphrase=passphrase)
    if args.json:
        _print_json({"restored_from": str(result.restored_from), "data": str(path),
                     "before_restore": str(result.before_restore) if result.before_restore else None,
                     "encrypted": result.encrypted})
    else:
        kept = f" The file as it was is kept in {result.before_restore}." if result.before_restore else ""
        print(f"Put {result.restored_from.name} back as {path.name}.{kept}")
    return 0


def cmd_encrypt(args) -> int:
    from pa_manager.services.data_files import encrypt_data_file, hold_writer_lock

    path = _data_file(args)
    if getattr(args, "passphrase_file", None) is None:
        raise UsageError("Give the new passphrase with --passphrase-file FILE (a file holding it on its first line).")
    passphrase = _passphrase(args)
    with hold_writer_lock(path):
        result = encrypt_data_file(path, passphrase, now=datetime.now())
    if args.json:
        _print_json({"data": str(path), "backup": str(result.backup),
                     "backups_encrypted": _paths(result.backups_encrypted), "backups_left": _paths(result.backups_left)})
        return 0
    also = len(result.backups_encrypted)
    print(f"Encrypted {path.name}{f' and the {also} backups beside it' if also > 1 else ' and the backup beside it' if also else ''}. "
          f"The backup taken first, {result.backup.name}, is encrypted too. Keep the passphrase safe: without it "
          "nothing can open the file, and nobody can get it back for you.")
    for left in result.backups_left:
        print(f"{left.name} could not be read, so it was left as it was: delete it if you do not need it.",
              file=sys.stderr)
    return 0


def cmd_change_passphrase(args) -> int:
    from pa_manager.services.data_files import change_passphrase, hold_writer_lock

    path = _data_file(args)
    if getattr(args, "passphrase_file", None) is None:
        raise UsageError("Give the current passphrase with --passphrase-file FILE and the new one with "
                         "--new-passphrase-file FILE.")
    old, new = _passphrase(args), _read_passphrase(args.new_passphrase_file)
    with hold_writer_lock(path):
        result = change_passphrase(path, old, new)
    if args.json:
        _print_json({"data": str(path), "backups_changed": _paths(result.backups_changed),
                     "backups_left": _paths(result.backups_left)})
        return 0
    also = len(result.backups_changed)
    print(f"Changed the passphrase of {path.name}{f' and of the {also} backups beside it' if also > 1 else ' and of the backup beside it' if also else ''}. "
          "The old passphrase no longer opens them.")
    for left in result.backups_left:
        print(f"{left.name} still needs the passphrase it was made with (or could not be read): it was left as it was.",
              file=sys.stderr)
    return 0


# --- report: every document a council's audit letter asks for -------------------------------------


def _add_report_parser(sub) -> None:
    from pa_manager.services.documents import FORMATS, KINDS

    kinds = "\n".join(f"  {kind:<14} {', '.join(FORMATS[kind])}" for kind in KINDS)
    p = sub.add_parser(
        "report", help="write a document for the council: " + ", ".join(KINDS),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Write one document for the council's audit letter to a file.",
        epilog=f"Formats each KIND can be saved in:\n{kinds}\n\n"
               "monitoring, timesheets and payslips cover --from to --to (payslips: the pay runs paid in those "
               "dates).\nbudget covers a council year (1 April to 31 March), or --from to --to within it; "
               "review-letter is\nabout a council year. Give the year with --year, or it is the year --from "
               "falls in (else this year).\ncompliance and training are as things stand today.")
    p.add_argument("kind", choices=KINDS, metavar="KIND", help="budget, monitoring, review-letter, compliance, training, "
                                                             "timesheets or payslips")
    p.add_argument("--employer", required=True)
    p.add_argument("--from", dest="first", type=_date_arg, metavar="YYYY-MM-DD", help="the first day the document covers")
    p.add_argument("--to", dest="last", type=_date_arg, metavar="YYYY-MM-DD", help="the last day it covers")
    p.add_argument("--year", metavar="YYYY-YY", help="the council year for budget and review-letter, like 2026-27 "
                                                    "(default: the year --from falls in, or this year)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="the file to write")
    p.add_argument("--format", choices=["pdf", "csv", "xlsx", "html"], default=None,
                   help="default: from the ending of --out (.pdf, .csv, .xlsx, .html), else pdf; "
                        "csv and xlsx for monitoring and timesheets only")
    p.add_argument("--json", action="store_true", help="print what was written as JSON")
    _data_option(p)
    p.set_defaults(run=cmd_report)


def cmd_report(args) -> int:
    from pa_manager.domain.budget import BudgetError, budget_year_start
    from pa_manager.messages import describe
    from pa_manager.services.documents import FORMATS, NAMES, NEEDS_DATES, format_problem, save_document

    kind = args.kind
    suffix = args.out.suffix.lower().lstrip(".")
    fmt = args.format or (suffix if suffix in ("pdf", "csv", "xlsx", "html") else "pdf")
    if fmt not in FORMATS[kind]:
        raise UsageError(f"{describe(format_problem(kind, fmt)).removesuffix('.')}: use --format "
                         f"{' or '.join(FORMATS[kind])}.")
    if kind in NEEDS_DATES and (args.first is None or args.last is None):
        raise UsageError(f"The {NAMES[kind]} covers the dates you choose: give --from YYYY-MM-DD and --to YYYY-MM-DD.")
    if args.first and args.last and args.last < args.first:
        raise UsageError("The --to date must be on or after the --from date.")
    if args.year is not None:
        try:
            budget_year_start(args.year)
        except BudgetError:
            raise UsageError(f"{args.year} is not a council year: write it like 2026-27.") from None
    db = _open(args)
    saved = save_document(db, _employer_id(db, args.employer), kind, fmt, args.out, _today(), args.first, args.last,
                          args.year)
    if args.json:
        _print_json({"kind": kind, "format": fmt, "file": str(saved.path), "payslips": saved.count})
    else:
        what = f"{saved.count} payslips" if saved.count is not None else f"the {NAMES[kind]}"
        print(f"Wrote {what} to {saved.path}.")
    return 0


def run_gui(args) -> int:
    import shutil

    from pa_manager.app import run

    if args.demo:
        folder = Path(tempfile.mkdtemp(prefix="pa-manager-demo-"))
        try:
            return run(folder / "demo.sqlite3", demo=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)  # a throwaway file: leave nothing behind
    passphrase = _passphrase(args)
    if args.portable:
        if not args.data or "://" in args.data:
            raise UsageError("With --portable, give the data file with --data, for example on your USB stick.")
        return _run_portable(Path(args.data).expanduser(), run, passphrase)
    if args.data:
        return run(args.data if "://" in args.data else Path(args.data), passphrase=passphrase)
    return run(default_data_file(), create=True, passphrase=passphrase)  # the app's own file is made on first use


def _run_portable(data: Path, run, passphrase: str | None = None) -> int:
    """Open a file (on a USB stick, say) writing nothing elsewhere on the computer: backups stay beside
    the file, and what Qt and the app would keep in the user's folders goes to a folder beside the file
    that is deleted at the end."""
    import shutil

    session = data.parent / f".pa-manager-session-{os.getpid()}"
    session.mkdir(mode=0o700, exist_ok=True)
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "TMPDIR", "TEMP", "TMP"):
        os.environ[name] = str(session)
    try:
        return run(data, portable=True, **({"passphrase": passphrase} if passphrase else {}))
    finally:
        shutil.rmtree(session, ignore_errors=True)


def _guarded(action: Callable[[], int]) -> int:
    """Run a command; whatever goes wrong becomes one sentence on stderr, never a traceback (which
    could show a PA's details). PA_MANAGER_DEBUG=1 shows the traceback for a developer."""
    import sqlite3

    from pa_manager.services.errors import ServiceError
    from pa_manager.services.data_files import DataFileError

    try:
        return action()
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    except DataFileError as error:
        print(_said_for_the_command_line(error), file=sys.stderr)
        return EXIT_ERROR
    except ServiceError as error:
        from pa_manager.messages import say

        print(say(error), file=sys.stderr)
        return EXIT_ERROR
    except sqlite3.Error as error:
        return _storage_refusal(error)
    except OSError as error:
        print(f"{error.strerror or error} ({error.filename or 'file'}). Check the path and try again.", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # noqa: BLE001 - the last guard: a sentence, not a traceback
        if _from_sqlalchemy(error):
            return _storage_refusal(error)
        if os.environ.get("PA_MANAGER_DEBUG"):
            raise
        print(f"Something unexpected went wrong ({type(error).__name__}), so the command stopped. Run it again; if it "
              "happens again, please report it with the command you ran.", file=sys.stderr)
        return EXIT_ERROR


def _from_sqlalchemy(error: BaseException) -> bool:
    """An error of the database layer, told without loading it for commands that never did."""
    found = sys.modules.get("sqlalchemy.exc")
    return found is not None and isinstance(error, found.SQLAlchemyError)


def _storage_refusal(error: BaseException) -> int:
    from pa_manager.services.data_files import storage_error

    if os.environ.get("PA_MANAGER_DEBUG"):
        raise error
    print(storage_error(error), file=sys.stderr)
    return EXIT_ERROR


def _not_text(args) -> str | None:
    """The option (as "--employer value") whose words cannot be stored as text, if any; paths are left
    to the system (the data file's place is a path too)."""
    for name, value in vars(args).items():
        if name == "data" or not isinstance(value, str):
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return f"--{name.replace('_', '-')} value"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    # Everything the app writes (the data file and its journal, backups, exports, payslips, reports,
    # calendars) holds personal data: readable by the user only, whatever the umask was.
    os.umask(0o077)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    unreadable = _not_text(args)
    if unreadable:
        # Bytes that are not UTF-8 in a name or a word (Python keeps them as lone surrogates): no record
        # could hold them, and the database would stop on them. A path may hold them: the system reads it.
        print(f"The {unreadable} has characters that are not text. Type it again.", file=sys.stderr)
        return EXIT_USAGE
    if getattr(args, "run", None) is None:
        return _guarded(lambda: run_gui(args))
    if getattr(args, "data", None) is None and getattr(args, "needs_data", True):
        args.data = str(default_data_file())
    return _guarded(lambda: args.run(args))
