"""Command-line subcommands for taking on and keeping PAs, added to the parser by cli.build_parser.

`pa-manager statement --employer E --pa NAME --out FILE.pdf` makes (and keeps, with today's date) the
PA's written statement of employment particulars, or with --change-notice a notice of what changed
since the last one they were given, and writes it as a PDF to sign or a web page.
`pa-manager policy KIND --employer E --out FILE` writes one of the household's policies.
"""
from __future__ import annotations

from pathlib import Path


def add_parsers(sub, data_option, cli) -> None:
    """`cli` is the command line's own module (pa_manager.cli), handed in for its helpers (opening the
    data, finding the employer and PA, today's date, printing JSON), so this module never imports it back."""
    p = sub.add_parser("statement", help="make a PA's written statement of employment terms (PDF to sign, or a web "
                                         "page), kept with today's date")
    p.add_argument("--employer", required=True)
    p.add_argument("--pa", required=True, help="the PA's name")
    p.add_argument("--out", required=True, type=Path, metavar="FILE",
                   help="the file to write: .pdf to print and sign, .html for a screen reader")
    p.add_argument("--format", choices=["pdf", "html"], default=None, help="default: from the ending of --out")
    p.add_argument("--change-notice", action="store_true",
                   help="a notice of what changed since the statement or notice they were last given, instead")
    p.add_argument("--json", action="store_true", help="print what was made as JSON")
    data_option(p)
    p.set_defaults(run=lambda args: cmd_statement(args, cli))

    from pa_manager.policy_names import POLICIES

    p = sub.add_parser("policy", help="write one of the household's policies, filled in with the employer's details, as "
                                      "a PDF to share and sign or a web page")
    p.add_argument("kind", choices=POLICIES, metavar="KIND", help=", ".join(POLICIES))
    p.add_argument("--employer", required=True)
    p.add_argument("--out", required=True, type=Path, metavar="FILE", help="the file to write: .pdf or .html")
    p.add_argument("--format", choices=["pdf", "html"], default=None, help="default: from the ending of --out")
    data_option(p)
    p.set_defaults(run=lambda args: cmd_policy(args, cli))


def cmd_statement(args, cli) -> int:
    from pa_manager.messages import format_date
    from pa_manager.services import statements
    from pa_manager.statement_words import change_list

    suffix = args.out.suffix.lower().lstrip(".")
    fmt = args.format or ("html" if suffix in ("html", "htm") else "pdf")
    db = cli._open(args, writes=True)
    employer_id = cli._employer_id(db, args.employer)
    pa_id = cli._pa_id(db, employer_id, args.pa)
    today = cli._today()
    make = statements.make_change_notice if args.change_notice else statements.make_statement
    made = make(db, employer_id, pa_id, today)
    statements.save_statement_document(db, made.id, args.out, fmt)
    if args.json:
        cli._print_json({
            "pa": made.worded.pa_name, "kind": made.kind, "statement_id": made.id, "made_on": made.made_on.isoformat(),
            "as_at": made.as_at.isoformat(), "changed_on": made.changed_on.isoformat() if made.changed_on else None,
            "changes": list(made.changes), "sections": [s.code for s in made.worded.sections],
            "format": fmt, "file": str(args.out),
        })
        return 0
    if made.kind == statements.CHANGE_NOTICE:
        print(f"Wrote a notice of the change to {made.worded.pa_name}'s {change_list(made.changes)} to {args.out}. "
              "Give it to them within a month of the change, then record the day you gave it in PA Manager.")
    else:
        print(f"Wrote {made.worded.pa_name}'s written statement (terms as at {format_date(made.as_at)}) to {args.out}. "
              "Give it to them within 7 days, then record the day you gave it in PA Manager.")
    return 0


def cmd_policy(args, cli) -> int:
    from pa_manager.policy_names import NAMES
    from pa_manager.services import policies

    db = cli._open(args)
    path = policies.save_policy(db, cli._employer_id(db, args.employer), args.kind, args.out, cli._today(), args.format)
    print(f"Wrote the {NAMES[args.kind]} to {path}.")
    return 0
