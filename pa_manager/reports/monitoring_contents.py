"""The direct-payment monitoring return in words: its facts, statuses, notes and declaration, from the
figures that pa_manager.services.monitoring gathers and domain.monitoring works out; laid out by
reports.monitoring."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.monitoring import MonitoringFigures
from pa_manager.domain.money import format_money
from pa_manager.messages import format_date
from pa_manager.reports.monitoring import HoursLine, MonitoringReturn, OwedLine, Status, Transaction
from pa_manager.wording import CATEGORY_NAMES

DECLARATION = (
    "I confirm that the direct payment has been spent only on the care and support set out in my support plan, "
    "that this return is true and complete to the best of my knowledge, and that I have kept the bank "
    "statements, payslips, timesheets and receipts it comes from. I understand the council may ask to see them."
)
OWED_NOTE = (
    "Pay runs paid in the period whose payments fall due after it. HMRC is paid by the 22nd of the month after "
    "each tax month (which ends on the 5th), so the tax and National Insurance of a pay run late in the period is "
    "still in the account at its end."
)
HOURS_NOTE = (
    "Hours worked by your PAs in the period, counted as their payslips count them: the time on shift less unpaid "
    "breaks. Holiday, sickness, training and shadowing are paid but are not support given, so they are shown "
    "apart as other paid hours. Sleep-in nights paid by an allowance are nights, not hours."
)
_OWED_WHAT = {"hmrc_tax_ni": "Tax and National Insurance to HMRC", "pension": "Pension contributions"}


def hours_words(hours: Decimal) -> str:
    """7.5 hours, 1 hour, 366 hours."""
    value = hours.normalize()
    return f"{value:f} hour{'' if value == 1 else 's'}"


def _hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


def _per_year(weekly: tuple[tuple[str, Decimal | None], ...], word) -> str:
    if len(weekly) == 1:
        return word(weekly[0][1])
    return "; ".join(f"{word(value)} in {label}" for label, value in weekly)


def _days(first: date, last: date) -> str:
    days = (last - first).days + 1
    return f"{days} day{'s' if days != 1 else ''}"


def _contribution(figures: MonitoringFigures) -> tuple[tuple[tuple[str, str], ...], Status]:
    c = figures.contribution
    paid = ("Paid into the account in the period", format_money(c.paid))
    if c.due is None:
        missing = [label for label, value in c.weekly if value is None]
        return (paid,), Status("missing", "Not recorded: the assessed contribution for "
                               f"{' and '.join(missing)} is not recorded. Add it to the budget year on the Budget "
                               "page, from the council's financial assessment letter.")
    rows = (("Assessed contribution", _per_year(c.weekly, lambda v: f"{format_money(v)} a week")),
            (f"Due for these dates ({_days(figures.first, figures.last)})", format_money(c.due)), paid)
    if c.due == 0 and c.paid == 0:
        return rows, Status("ok", "Nothing to pay: the council's assessment found no contribution due.")
    if c.short_by > 0:
        return rows, Status("warning", f"Short: {format_money(c.short_by)} less was paid in than the assessment asks "
                                       "for these dates. Pay in the difference, or tell the council why.")
    if c.short_by < 0:
        return rows, Status("ok", f"Paid in full: {format_money(-c.short_by)} more was paid in than was due.")
    return rows, Status("ok", "Paid in full: what was paid in is what was due.")


def _hours_plan(figures: MonitoringFigures) -> tuple[tuple[tuple[str, str], ...], Status]:
    s = figures.support
    given = ("Hours of support given", hours_words(s.delivered_hours))
    if s.planned_hours is None:
        missing = [label for label, value in s.weekly if value is None]
        return (given,), Status("missing", "Not recorded: the support plan's hours for "
                                f"{' and '.join(missing)} are not recorded. Add them to the budget year on the "
                                "Budget page.")
    rows = (("Support plan", _per_year(s.weekly, lambda v: f"{hours_words(v)} a week")),
            (f"Support plan hours for these dates ({_days(figures.first, figures.last)})", hours_words(s.planned_hours)),
            given)
    if s.hours_short > 0:
        return rows, Status("warning", f"Fewer hours: {hours_words(s.hours_short)} fewer than the support plan sets out. "
                                       "Tell the council why (a stay in hospital, a PA off sick, a break).")
    if s.hours_short < 0:
        return rows, Status("warning", f"More hours: {hours_words(-s.hours_short)} more than the support plan sets out. "
                                       "Tell the council why, and ask for a review if you need more support.")
    return rows, Status("ok", "As planned: the hours given are the hours in the support plan.")


def _checks(figures: MonitoringFigures) -> tuple[Status, ...]:
    checks = []
    r = figures.reconciliation
    if r is not None:
        on = format_date(r.on)
        if r.difference == 0:
            checks.append(Status("ok", f"Matches: the bank statement and these records both show "
                                       f"{format_money(r.ledger_balance)} at the end of {on}."))
        else:
            more = "more" if r.difference > 0 else "less"
            checks.append(Status("warning", f"Does not match: the bank statement shows {format_money(r.statement_balance)}"
                                            f" at the end of {on}, {format_money(abs(r.difference))} {more} than these "
                                            "records. Find the missing or doubled entry before sending this return."))
    for d in figures.year_differences:
        checks.append(Status("warning", f"Check the {d.label} opening balance: the budget year records "
                                        f"{format_money(d.recorded)}, but the payments before it leave "
                                        f"{format_money(d.running)}. This return runs on from the payments; correct "
                                        "the opening balance on the Budget page."))
    return tuple(checks)


def compose_monitoring_return(employer: EmployerRecord, figures: MonitoringFigures, names: dict[int, str], first: date,
                              last: date, today: date) -> MonitoringReturn:
    """The return in words, from its figures (domain.monitoring) and the PAs' names by id."""
    transactions = tuple(Transaction(line.entry.on, line.entry.description or CATEGORY_NAMES[line.entry.category],
                                     CATEGORY_NAMES[line.entry.category], line.money_in, line.money_out, line.balance)
                         for line in figures.lines)
    totals = figures.totals_by_category()
    contribution, contribution_status = _contribution(figures)
    plan, hours_status = _hours_plan(figures)
    years = sorted({label for label, _ in figures.contribution.weekly})
    facts = (("Budget holder", employer.name), ("Council", employer.council or "Not recorded"),
             ("Direct payment reference", employer.direct_payment_reference or "Not recorded"),
             ("Period", f"{format_date(first)} to {format_date(last)}"),
             (f"Budget year{'s' if len(years) != 1 else ''}", " and ".join(years)))
    return MonitoringReturn(
        employer_name=employer.name, first=first, last=last, made_on=today, facts=facts,
        opening_balance=figures.opening_balance, money_in=figures.money_in, money_out=figures.money_out,
        closing_balance=figures.closing_balance, transactions=transactions,
        category_totals=tuple((CATEGORY_NAMES[c], *totals[c]) for c in CATEGORY_NAMES if c in totals),
        owed=tuple(OwedLine(f"{_OWED_WHAT.get(o.category, CATEGORY_NAMES[o.category])} for the pay run of "
                            f"{format_date(o.pay_date)}", o.due_on, o.amount) for o in figures.owed),
        owed_total=figures.owed_total, owed_note=OWED_NOTE, balance_after_owed=figures.balance_after_owed,
        checks=_checks(figures), contribution=contribution, contribution_status=contribution_status,
        hours=tuple(HoursLine(names.get(p.pa, ""), _hours(p.support_minutes), p.sleep_in_nights,
                              _hours(p.other_minutes)) for p in figures.support.by_pa),
        hours_plan=plan, hours_status=hours_status, hours_note=HOURS_NOTE, declaration=DECLARATION,
        signers=(("Budget holder", employer.name), ("Or signed for them by (name and how you know them)", "")),
    )
