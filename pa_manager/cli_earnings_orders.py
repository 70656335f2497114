"""Command-line subcommands for attachment of earnings orders, added to the parser by cli.build_parser.

`pa-manager earnings-order add --employer E --pa P --reference K12X3456 --court "..." --kind judgment_debt
--start 2026-09-01 --normal-deduction 100 --protected-earnings 500 --per month [--total 850]` records a
court's order on a PA's pay; `earnings-order list --employer E [--pa P]` lists the orders with what has
been paid under each; `earnings-order stop --employer E --pa P --reference R --on DATE` stops one. Each
prints JSON with --json (money as decimal strings).
"""
from __future__ import annotations

KINDS = ("judgment_debt", "maintenance")
PERIODS = ("week", "month")


def add_parsers(sub, data_option, cli) -> None:
    """`cli` is the command line's own module (pa_manager.cli), handed in for its helpers."""
    p = sub.add_parser("earnings-order", help="record, list and stop court attachment of earnings orders on a PA's pay")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    a = actions.add_parser("add", help="record a court's attachment of earnings order on a PA's pay")
    a.add_argument("--employer", required=True)
    a.add_argument("--pa", required=True, help="the PA's name")
    a.add_argument("--reference", required=True, help="the order's reference, as printed on it")
    a.add_argument("--court", default="", help="the court that made the order (the deductions are paid to it)")
    a.add_argument("--kind", required=True, choices=KINDS, type=str.lower,
                   help="judgment_debt (a judgment debt or administration order) or maintenance (any other order)")
    a.add_argument("--start", required=True, type=cli._date_arg, metavar="DATE",
                   help="the first pay day to deduct on or after (YYYY-MM-DD)")
    a.add_argument("--normal-deduction", required=True, type=cli._decimal_arg, metavar="POUNDS",
                   help="the normal deduction rate the order states")
    a.add_argument("--protected-earnings", required=True, type=cli._decimal_arg, metavar="POUNDS",
                   help="the protected earnings rate the order states")
    a.add_argument("--per", required=True, choices=PERIODS, type=str.lower, help="whether the rates are a week or a month")
    a.add_argument("--total", type=cli._decimal_arg, metavar="POUNDS", help="the total to pay, if the order says")
    a.add_argument("--no-fee", action="store_true", help="do not take the £1 employer's fee the law allows")
    a.add_argument("--notes", default="")
    a.add_argument("--json", action="store_true", help="print the order recorded as JSON")
    data_option(a)
    a.set_defaults(run=lambda args: cmd_add(args, cli))

    listing = actions.add_parser("list", help="the orders recorded, with what has been paid under each")
    listing.add_argument("--employer", required=True)
    listing.add_argument("--pa", help="only this PA's orders")
    listing.add_argument("--json", action="store_true", help="print JSON")
    data_option(listing)
    listing.set_defaults(run=lambda args: cmd_list(args, cli))

    stop = actions.add_parser("stop", help="stop an order: no deduction on a pay day on or after the day given")
    stop.add_argument("--employer", required=True)
    stop.add_argument("--pa", required=True, help="the PA's name")
    stop.add_argument("--reference", required=True, help="the order's reference")
    stop.add_argument("--on", type=cli._date_arg, metavar="DATE", help="the day it stops (default: today)")
    stop.add_argument("--json", action="store_true", help="print the order as JSON")
    data_option(stop)
    stop.set_defaults(run=lambda args: cmd_stop(args, cli))


def _print(records, as_json: bool, cli) -> None:
    from pa_manager.wording import earnings_order_text
    from pa_manager.services.earnings_orders import json_order

    if as_json:
        cli._print_json([json_order(r) for r in records])
        return
    if not records:
        print("No attachment of earnings orders are recorded.")
    for record in records:
        print(f"{record.pa_name}: {earnings_order_text(record)}")


def cmd_add(args, cli) -> int:
    from pa_manager.services import earnings_orders

    db = cli._open(args, writes=True)
    employer_id = cli._employer_id(db, args.employer)
    pa_id = cli._pa_id(db, employer_id, args.pa)
    details = earnings_orders.OrderDetails(
        kind=args.kind, reference=args.reference, issued_by=args.court, start_date=args.start,
        normal_deduction_rate=args.normal_deduction, protected_earnings_rate=args.protected_earnings,
        rate_period=args.per, total_to_pay=args.total, take_fee=not args.no_fee, notes=args.notes)
    order_id = earnings_orders.add_order(db, employer_id, pa_id, details)
    _print([earnings_orders.get_order(db, employer_id, order_id)], args.json, cli)
    return 0


def cmd_list(args, cli) -> int:
    from pa_manager.services import earnings_orders

    db = cli._open(args)
    employer_id = cli._employer_id(db, args.employer)
    pa_id = cli._pa_id(db, employer_id, args.pa) if args.pa else None
    _print(earnings_orders.list_orders(db, employer_id, pa_id), args.json, cli)
    return 0


def cmd_stop(args, cli) -> int:
    from pa_manager.services import earnings_orders
    from pa_manager.services.errors import NotFound

    db = cli._open(args, writes=True)
    employer_id = cli._employer_id(db, args.employer)
    pa_id = cli._pa_id(db, employer_id, args.pa)
    wanted = args.reference.strip().lower()
    found = [o for o in earnings_orders.list_orders(db, employer_id, pa_id) if o.details.reference.lower() == wanted]
    if not found:
        raise NotFound("AEO_REFERENCE_UNKNOWN", args.pa, reference=args.reference)
    earnings_orders.stop_order(db, employer_id, found[0].id, args.on or cli._today())
    _print([earnings_orders.get_order(db, employer_id, found[0].id)], args.json, cli)
    return 0
