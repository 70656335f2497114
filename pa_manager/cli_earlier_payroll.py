"""The `earlier-payroll` subcommand, added to the parser by cli.build_parser.

`pa-manager earlier-payroll --employer E --pa NAME [--last-paid DATE] [--tax-year 2026-27] [--taxable-pay X]
[--tax Y] [--ni-pay ...] [--at-lel ...] [--lel-to-pt ...] [--pt-to-uel ...] [--employee-ni ...]
[--employer-ni ...] [--student-loan ...] [--postgraduate-loan ...] [--json]` records the figures to date
another payroll (Basic PAYE Tools, a bureau) reported for a PA in this same employment before the employer
moved to PA Manager part-way through the tax year (domain.earlier_payroll), and its last pay day; each
figure given replaces the one recorded. With no figures and no date it shows what is recorded.
"""
from __future__ import annotations


def add_parsers(sub, data_option, cli) -> None:
    """`cli` is the command line's own module (pa_manager.cli), handed in for its helpers."""
    p = sub.add_parser("earlier-payroll", help="record a PA's figures to date from the payroll you used before "
                                               "PA Manager this tax year")
    p.arguments_when_used(lambda p: _add_arguments(p, data_option, cli))
    p.set_defaults(run=lambda args: cmd_earlier_payroll(args, cli))


def _add_arguments(p, data_option, cli) -> None:
    from pa_manager.domain.earlier_payroll import NAMES
    from pa_manager.wording import EARLIER_PAYROLL_FIGURES

    p.add_argument("--employer", required=True)
    p.add_argument("--pa", required=True, help="the PA's name")
    p.add_argument("--last-paid", type=cli._date_arg, metavar="DATE",
                   help="the last pay day that payroll reported to HMRC for them (YYYY-MM-DD)")
    p.add_argument("--tax-year", metavar="YYYY-YY", help="the tax year the figures are for, checked against --last-paid")
    for name in NAMES:
        p.add_argument("--" + name.replace("_", "-"), dest=name, type=cli._decimal_arg, metavar="POUNDS",
                       help=EARLIER_PAYROLL_FIGURES[name].lower() + " (pounds)")
    p.add_argument("--json", action="store_true", help="print what is recorded as JSON")
    data_option(p)


def cmd_earlier_payroll(args, cli) -> int:
    from pa_manager.domain.earlier_payroll import NAMES, PREFIX, tax_year_of
    from pa_manager.services import people

    given = {name: getattr(args, name) for name in NAMES if getattr(args, name) is not None}
    changing = bool(given) or args.last_paid is not None or args.tax_year is not None
    db = cli._open(args, writes=changing)
    employer_id = cli._employer_id(db, args.employer)
    pa_id = cli._pa_id(db, employer_id, args.pa)
    if changing:
        record = people.record_earlier_payroll(db, employer_id, pa_id, cli._today(), last_paid=args.last_paid,
                                               tax_year=args.tax_year, figures=given)
    else:
        record = people.get_pa(db, pa_id)
    figures = {name: getattr(record, PREFIX + name) for name in NAMES}
    last_paid = record.earlier_payroll_last_paid
    if args.json:
        cli._print_json({"pa": record.name, "last_paid": last_paid.isoformat() if last_paid else None,
                         "tax_year": tax_year_of(record) or None,
                         **{name: cli._money(value) for name, value in figures.items()}})
        return 0
    from pa_manager.wording import earlier_payroll_lines

    for line in earlier_payroll_lines(record):
        print(line)
    return 0
