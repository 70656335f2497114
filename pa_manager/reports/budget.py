"""The budget report for the council's monitoring return, and the one-page letter asking the council to
review the direct payment. Fed plain data by services.budget_report; the report words only its own
labels, the letter its own case."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Paragraph

from pa_manager.domain.money import format_money
from pa_manager.messages import format_date
from pa_manager.reports.document import (
    Column, DocumentInfo, Furniture, Mark, bar_chart, build_pdf, fonts_for, heading, key_value_table, line_chart,
    money_table, paragraph, space, status_cell, styles_for,
)
from pa_manager.wording import per_hour

Target = str | os.PathLike | BinaryIO | None


@dataclass(frozen=True)
class GapRow:
    when: str  # "Now", "From 1 April 2027"
    council_rate: Decimal
    hourly_cost: Decimal
    gap_per_hour: Decimal
    gap_per_year: Decimal


@dataclass(frozen=True)
class BudgetReport:
    employer_name: str
    year_label: str
    first: date
    last: date
    made_on: date
    facts: tuple[tuple[str, str], ...]  # ("Council", "Ashford Vale Council")…
    money_in: tuple[tuple[str, Decimal], ...]  # (category in words, amount) for the period
    money_out: tuple[tuple[str, Decimal], ...]  # spending as positive amounts
    opening_balance: Decimal  # at the start of `first`
    closing_balance: Decimal  # at the end of `last`
    reconciliation: tuple[str, str] | None  # (status, "Matches: …")
    forecast: tuple[str, str] | None  # (status, "On track: …"); None once the year is over
    history: tuple[tuple[str, ...], ...]  # year, council rate, rise, NLW, rise, RLW, rise
    gap_rows: tuple[GapRow, ...]  # empty when the council's rate covers the costs
    gap_lines: tuple[str, ...]
    gap_note: str
    spend_by_month: tuple[tuple[str, Decimal], ...]  # ("Apr", spending)
    balance_by_month: tuple[tuple[str, Decimal], ...]  # ("Apr", balance at the month's end)


_MARKS = {"ok": Mark.TICK, "warning": Mark.WARNING, "below": Mark.CROSS, "missing": Mark.WARNING}
_HISTORY_COLUMNS = [Column("Year", 0.12), Column("Council's rate", 0.16, True), Column("Rise", 0.1, True),
                    Column("National Living Wage", 0.2, True), Column("Rise", 0.1, True),
                    Column("Real Living Wage", 0.22, True), Column("Rise", 0.1, True)]
_GAP_COLUMNS = [Column("When", 0.28), Column("Council's rate an hour", 0.18, True),
                Column("Cost of an hour", 0.18, True), Column("Short by an hour", 0.18, True),
                Column("Short by a year", 0.18, True)]


def _status_table(line: tuple[str, str], styles):
    """The status word with its mark, then what it means: "On track: the balance…" split at the colon."""
    code, sentence = line
    word, _, rest = sentence.partition(": ")
    rest = rest[:1].upper() + rest[1:]
    return money_table([Column("Status", 0.36), Column("What it means", 0.64)],
                       [[status_cell(word, _MARKS[code], styles), rest]], styles=styles)


def _money_rows(title: str, rows, total_label: str, styles):
    total = sum((amount for _, amount in rows), Decimal(0))
    return money_table([Column(title, 0.7), Column("Amount", 0.3, True)], [[name, amount] for name, amount in rows],
                       [[total_label, total]], styles=styles)


def write_budget_report(report: BudgetReport, target: Target = None, invariant: bool = False) -> bytes | None:
    texts = [report.employer_name, *(t for pair in report.facts for t in pair)]
    styles = styles_for(fonts_for(texts))
    period = f"{format_date(report.first)} to {format_date(report.last)}"
    money_in = sum((a for _, a in report.money_in), Decimal(0))
    money_out = sum((a for _, a in report.money_out), Decimal(0))
    story = [
        heading(f"Budget report for {report.employer_name}", 1, styles),
        paragraph(f"Budget year {report.year_label}. This report covers {period}. Made on "
                  f"{format_date(report.made_on)}.", styles),
        key_value_table(report.facts, styles=styles, label_share=0.35),
        space(),
        heading("Money in and out", 2, styles),
        _money_rows("Money in", report.money_in, "Total money in", styles),
        space(2),
        _money_rows("Money out", report.money_out, "Total money out", styles),
        space(2),
        key_value_table([(f"Balance at the start of {format_date(report.first)}", format_money(report.opening_balance)),
                         ("Add money in", format_money(money_in)), ("Take away money out", format_money(money_out)),
                         (f"Balance at the end of {format_date(report.last)}", format_money(report.closing_balance))],
                        title="Balance", label_share=0.7, right_values=True, styles=styles),
        space(),
        heading("Reconciliation with the bank statement", 2, styles),
    ]
    story.append(_status_table(report.reconciliation, styles) if report.reconciliation else paragraph(
        "No bank statement balance was entered for a day in this period.", styles))
    if report.forecast:
        story += [space(), heading("Forecast to the end of the year", 2, styles), _status_table(report.forecast, styles)]
    if report.spend_by_month:
        story += [space(), KeepTogether(bar_chart(f"Spending by month, {period}", report.spend_by_month,
                                                  fonts=styles.fonts)),
                  space(), KeepTogether(line_chart(f"Balance at the end of each month, {period}",
                                                   report.balance_by_month, fonts=styles.fonts))]
    if report.history:
        story += [space(), KeepTogether([
            heading("The council's hourly rate beside the wage floors", 2, styles),
            paragraph("Each year's rise is on the year before. The National Living Wage is the legal minimum for "
                      "workers aged 21 and over; the Real Living Wage is a voluntary rate set by the Living Wage "
                      "Foundation.", styles),
            money_table(_HISTORY_COLUMNS, [list(row) for row in report.history], styles=styles)])]
    if report.gap_rows:
        rows = [[g.when, g.council_rate, g.hourly_cost, g.gap_per_hour, g.gap_per_year] for g in report.gap_rows]
        story += [space(), KeepTogether([
            heading("The uprating gap", 2, styles),
            *(paragraph(line, styles) for line in report.gap_lines),
            money_table(_GAP_COLUMNS, rows, styles=styles), space(2), paragraph(report.gap_note, styles)])]
    info = DocumentInfo(f"Budget report for {report.employer_name}",
                        Furniture(report.employer_name, f"Budget report, {period}"),
                        f"Direct payment budget {report.year_label}: money in and out, balance and forecast")
    return build_pdf(story, info, target, invariant=invariant)


# --- the letter ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterGap:
    on: date
    hourly_cost: Decimal
    gap_per_hour: Decimal
    gap_per_year: Decimal


@dataclass(frozen=True)
class ReviewLetter:
    employer_name: str
    address_lines: tuple[str, ...]
    council: str
    reference: str
    made_on: date
    year_label: str
    council_rate: Decimal
    council_rise: str | None  # "2.0%"; None in the first year recorded
    nlw: Decimal | None  # in force from the year's 1 April
    nlw_rise: str | None
    funded_pay_rate: Decimal | None  # what the council's rate leaves for pay after its assumed on-costs
    on_cost_share: str  # the on-costs it assumes, "22%"
    pay_rate: Decimal
    weekly_hours: Decimal
    now: LetterGap
    next_april: LetterGap
    next_minimum: Decimal
    next_minimum_provisional: bool
    england: bool  # the Care Act guidance is England's


def _letter_paragraphs(letter: ReviewLetter) -> list[str]:
    april = format_date(letter.next_april.on)
    rate = f"Your hourly rate for my direct payment in {letter.year_label} is {format_money(letter.council_rate)}"
    if letter.council_rise is not None:
        rate += f", a rise of {letter.council_rise} on the year before"
    rate += "."
    if letter.nlw is not None and letter.nlw_rise is not None:
        rate += (f" The National Living Wage, the legal minimum for workers aged 21 and over, rose by {letter.nlw_rise} "
                 f"to {per_hour(letter.nlw)} in the same April.")
    if letter.funded_pay_rate is not None and letter.nlw is not None and letter.funded_pay_rate < letter.nlw:
        rate += (f" After the on-costs of {letter.on_cost_share} your rate assumes, it leaves "
                 f"{per_hour(letter.funded_pay_rate)} for pay: less than the legal minimum.")
    hours = f"{letter.weekly_hours.normalize():f}"
    cost = (f"My PAs are paid {per_hour(letter.pay_rate)} on average, for about {hours} hours a week. With holiday "
            f"pay, employer's National Insurance and pension on top, each hour costs me {format_money(letter.now.hourly_cost)}")
    if letter.now.gap_per_hour > 0:
        cost += (f": {format_money(letter.now.gap_per_hour)} an hour more than you pay, or "
                 f"{format_money(letter.now.gap_per_year)} a year.")
    else:
        cost += ", which your rate covers today."
    unconfirmed = " (the figure is not yet confirmed)" if letter.next_minimum_provisional else ""
    ahead = (f"From {april} the legal minimum is {per_hour(letter.next_minimum)}{unconfirmed}. If your rate stays "
             f"at {format_money(letter.council_rate)}, each hour will cost me {format_money(letter.next_april.hourly_cost)}: "
             f"a shortfall of {format_money(letter.next_april.gap_per_hour)} an hour, or "
             f"{format_money(letter.next_april.gap_per_year)} a year.")
    means = ("Without a rise I would have to make up the difference from my own money or cut the hours of care "
             "my support plan says I need. I must pay my PAs at least the legal minimum, with holiday pay, "
             "National Insurance and pension on top: these are not choices.")
    if letter.england:
        means += (" The Care and Support Statutory Guidance says a personal budget must always be enough to meet "
                  "the care and support needs it is for.")
    ask = (f"Please review my direct payment so that from {april} it covers at least the legal minimum wage "
           f"and the on-costs an employer must pay: an hourly rate of at least {per_hour(letter.next_april.hourly_cost)}. "
           "I have enclosed my budget report, which shows the figures. I would be glad to talk this through.")
    return [rate, cost, ahead, means, ask]


def write_review_letter(letter: ReviewLetter, target: Target = None, invariant: bool = False) -> bytes | None:
    texts = [letter.employer_name, letter.council, letter.reference, *letter.address_lines]
    styles = styles_for(fonts_for(texts))
    right = ParagraphStyle("letter_right", parent=styles.body, alignment=TA_RIGHT)
    sender = "<br/>".join(escape(line) for line in (letter.employer_name, *letter.address_lines))
    story = [
        Paragraph(sender, right),
        space(2),
        Paragraph(escape(format_date(letter.made_on)), right),
        space(4),
        paragraph(f"Direct Payments team\n{letter.council}", styles),
        space(4),
    ]
    if letter.reference:
        story.append(paragraph(f"Direct payment reference: {letter.reference}", styles, bold=True))
    story += [
        paragraph(f"Dear Direct Payments team at {letter.council},", styles),
        space(1),
        paragraph(f"Request for a review of my direct payment from {format_date(letter.next_april.on)}",
                  styles, bold=True),
        space(1),
    ]
    for text in _letter_paragraphs(letter):
        story += [paragraph(text, styles), space(1)]
    story += [space(2), paragraph("Yours faithfully,", styles), space(10), paragraph(letter.employer_name, styles)]
    info = DocumentInfo(f"Request for a review of the direct payment for {letter.employer_name}",
                        Furniture(letter.employer_name, f"Letter to {letter.council}, {format_date(letter.made_on)}"),
                        "Asking the council to review the direct payment")
    return build_pdf(story, info, target, invariant=invariant)


# --- as web pages ---------------------------------------------------------------------------------


def write_budget_report_html(report: BudgetReport, target: Target = None) -> bytes | None:
    """The budget report as a web page, for a screen reader: the charts' figures as tables, each status
    as its word."""
    from pa_manager.reports.html import HtmlDocument

    period = f"{format_date(report.first)} to {format_date(report.last)}"
    title = f"Budget report for {report.employer_name}"
    page = HtmlDocument(title, Furniture(report.employer_name, f"Budget report, {period}"))
    page.heading(title, 1)
    page.paragraph(f"Budget year {report.year_label}. This report covers {period}. Made on "
                   f"{format_date(report.made_on)}.")
    page.key_values("The direct payment", report.facts)
    page.heading("Money in and out", 2)
    amount = [Column("Category", 0), Column("Amount", 0, True)]
    money_in = sum((a for _, a in report.money_in), Decimal(0))
    money_out = sum((a for _, a in report.money_out), Decimal(0))
    page.table("Money in", amount, [list(row) for row in report.money_in], [["Total money in", money_in]])
    page.table("Money out", amount, [list(row) for row in report.money_out], [["Total money out", money_out]])
    page.key_values("Balance", [(f"Balance at the start of {format_date(report.first)}", report.opening_balance),
                                ("Add money in", money_in), ("Take away money out", money_out),
                                (f"Balance at the end of {format_date(report.last)}", report.closing_balance)],
                    figures=True)
    page.heading("Reconciliation with the bank statement", 2)
    page.paragraph(report.reconciliation[1] if report.reconciliation else
                   "No bank statement balance was entered for a day in this period.")
    if report.forecast:
        page.heading("Forecast to the end of the year", 2)
        page.paragraph(report.forecast[1])
    if report.spend_by_month:
        page.heading("Month by month", 2)
        page.paragraph("The figures the PDF shows as charts.")
        page.table(f"Spending by month, {period}", [Column("Month", 0), Column("Spending", 0, True)],
                   [list(row) for row in report.spend_by_month])
        page.table(f"Balance at the end of each month, {period}", [Column("Month", 0), Column("Balance", 0, True)],
                   [list(row) for row in report.balance_by_month])
    if report.history:
        page.heading("The council's hourly rate beside the wage floors", 2)
        page.paragraph("Each year's rise is on the year before. The National Living Wage is the legal minimum for "
                       "workers aged 21 and over; the Real Living Wage is a voluntary rate set by the Living Wage "
                       "Foundation.")
        page.table("Hourly rates by year", [Column(c.title, 0, c.right) for c in _HISTORY_COLUMNS],
                   [list(row) for row in report.history])
    if report.gap_rows:
        page.heading("The uprating gap", 2)
        for line in report.gap_lines:
            page.paragraph(line)
        page.table("The uprating gap", [Column(c.title, 0, c.right) for c in _GAP_COLUMNS],
                   [[g.when, g.council_rate, g.hourly_cost, g.gap_per_hour, g.gap_per_year] for g in report.gap_rows])
        page.paragraph(report.gap_note)
    return page.write(target)


def write_review_letter_html(letter: ReviewLetter, target: Target = None) -> bytes | None:
    """The letter as a web page: the same words, the request as its heading."""
    from pa_manager.reports.html import HtmlDocument

    title = f"Request for a review of my direct payment from {format_date(letter.next_april.on)}"
    page = HtmlDocument(f"Request for a review of the direct payment for {letter.employer_name}",
                        Furniture(letter.employer_name, f"Letter to {letter.council}, {format_date(letter.made_on)}"))
    page.heading(title, 1)
    page.paragraph("\n".join((letter.employer_name, *letter.address_lines)))
    page.paragraph(format_date(letter.made_on))
    page.paragraph(f"Direct Payments team\n{letter.council}")
    if letter.reference:
        page.paragraph(f"Direct payment reference: {letter.reference}")
    page.paragraph(f"Dear Direct Payments team at {letter.council},")
    for text in _letter_paragraphs(letter):
        page.paragraph(text)
    page.paragraph(f"Yours faithfully,\n{letter.employer_name}")
    return page.write(target)
