"""Command-line subcommands for family leave with statutory pay, added to the parser by cli.build_parser.

`pa-manager family-leave add --employer E --pa NAME --kind SMP --due 2026-09-10 --leave-start 2026-08-30`
records a PA's leave (SMP, SPP, SAP, SHPP or SPBP; --matched for an adoption, --died for bereavement);
`pa-manager family-leave list --employer E [--pa NAME]` lists the leave recorded with whether statutory
pay is due and how much each week. Both print JSON with --json (money as decimal strings).
"""
from __future__ import annotations

from decimal import Decimal

KINDS = ("SMP", "SPP", "SAP", "SHPP", "SPBP")


def add_parsers(sub, data_option, cli) -> None:
    """`cli` is the command line's own module (pa_manager.cli), handed in for its helpers, so this module
    never imports it back."""
    p = sub.add_parser("family-leave", help="record and list maternity, paternity, adoption, shared parental and "
                                            "parental bereavement leave, and the statutory pay due for it")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    a = actions.add_parser("add", help="record a PA's family leave")
    a.add_argument("--employer", required=True)
    a.add_argument("--pa", required=True, help="the PA's name")
    a.add_argument("--kind", required=True, choices=KINDS, type=str.upper,
                   help="SMP maternity, SPP paternity, SAP adoption, SHPP shared parental, SPBP parental bereavement")
    when = a.add_mutually_exclusive_group(required=True)
    when.add_argument("--due", type=cli._date_arg, metavar="DATE", help="the date the baby is due (YYYY-MM-DD)")
    when.add_argument("--matched", type=cli._date_arg, metavar="DATE",
                      help="for an adoption: the date the adopter was told they were matched with the child")
    when.add_argument("--died", type=cli._date_arg, metavar="DATE", help="for bereavement pay: the date the child died")
    a.add_argument("--leave-start", required=True, type=cli._date_arg, metavar="DATE", help="the first day of leave")
    a.add_argument("--pay-start", type=cli._date_arg, metavar="DATE", help="the first day of pay (default: the first "
                                                                              "day of leave)")
    a.add_argument("--leave-end", type=cli._date_arg, metavar="DATE", help="the last day of leave, if known")
    a.add_argument("--weeks", type=int, help="weeks of pay (default: the most the law allows)")
    a.add_argument("--awe", type=cli._decimal_arg, metavar="POUNDS",
                   help="average weekly earnings (default: worked out from the finalised pay of the 8 weeks up to "
                        "the qualifying week)")
    a.add_argument("--evidence-received", type=cli._date_arg, metavar="DATE",
                   help="the day the evidence came (the MATB1, the matching certificate or the declaration)")
    a.add_argument("--kit-day", type=cli._date_arg, metavar="DATE", action="append", default=[],
                   help="a keeping-in-touch (or SPLIT) day worked; give it once for each day")
    a.add_argument("--notes", default="")
    a.add_argument("--json", action="store_true", help="print the leave recorded as JSON")
    data_option(a)
    a.set_defaults(run=lambda args: cmd_add(args, cli))

    listing = actions.add_parser("list", help="the family leave recorded, with the weeks and amounts of pay")
    listing.add_argument("--employer", required=True)
    listing.add_argument("--pa", help="only this PA's leave")
    listing.add_argument("--json", action="store_true", help="print JSON")
    data_option(listing)
    listing.set_defaults(run=lambda args: cmd_list(args, cli))


def _print(records, as_json: bool, cli) -> None:
    from pa_manager.services.family_leave import json_leave
    from pa_manager.wording import family_leave_text

    if as_json:
        cli._print_json([json_leave(r) for r in records])
        return
    if not records:
        print("No family leave is recorded.")
    for record in records:
        print(f"{record.pa_name}: {family_leave_text(record)}")


def cmd_add(args, cli) -> int:
    from pa_manager.domain.family_pay import FamilyLeave
    from pa_manager.services import family_leave

    db = cli._open(args, writes=True)
    employer_id = cli._employer_id(db, args.employer)
    pa_id = cli._pa_id(db, employer_id, args.pa)
    key_date = args.due or args.matched or args.died
    adoption = args.matched is not None
    awe: Decimal | None = args.awe
    if awe is None:
        awe = family_leave.earnings_for(db, employer_id, pa_id, args.kind, key_date, adoption).amount
    leave = FamilyLeave(kind=args.kind, key_date=key_date, leave_start=args.leave_start,
                        pay_start=args.pay_start or args.leave_start, average_weekly_earnings=awe, adoption=adoption,
                        weeks=args.weeks, leave_end=args.leave_end, evidence_received=args.evidence_received,
                        keeping_in_touch_days=tuple(args.kit_day), notes=args.notes)
    leave_id = family_leave.save_leave(db, employer_id, pa_id, leave)
    _print([family_leave.get_leave(db, leave_id)], args.json, cli)
    return 0


def cmd_list(args, cli) -> int:
    from pa_manager.services import family_leave

    db = cli._open(args)
    employer_id = cli._employer_id(db, args.employer)
    pa_id = cli._pa_id(db, employer_id, args.pa) if args.pa else None
    _print(family_leave.list_leave(db, employer_id, pa_id), args.json, cli)
    return 0
