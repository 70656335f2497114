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
from pa_manager.reports.document.building import DocumentInfo, Furniture, build_pdf
from pa_manager.reports.document.charts import bar_chart, line_chart
from pa_manager.reports.document.fonts import fonts_for
from pa_manager.reports.layout import Column
from pa_manager.reports.document.styles import heading, paragraph, space, styles_for
from pa_manager.reports.document.tables import Mark, key_value_table, money_table, status_cell
from pa_manager.wording import per_hour


Target = str | os.PathLike | BinaryIO | None


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
    cost_headings: tuple[str, ...]  # ("What an hour costs", "2026-27", "From 1 April 2027"); empty: nothing costed
    cost_rows: tuple[tuple[str, ...], ...]  # (part, its share of an hour in each year…), then the totals and the gap
    gap_lines: tuple[tuple[str, str], ...]  # (status, "In 2026-27: the council pays…")
    gap_note: str  # how an hour is costed, and what is not confirmed
    spend_by_month: tuple[tuple[str, Decimal], ...]  # ("Apr", spending)
    balance_by_month: tuple[tuple[str, Decimal], ...]  # ("Apr", balance at the month's end)
    sick_pay: tuple[str, ...] = ()  # sentences: recorded sick pay in the forecast, the scheme's most
    sick_pay_at_most: tuple[tuple[str, Decimal], ...] = ()  # (PA's name, the most their scheme could cost)


_MARKS = {"ok": Mark.TICK, "warning": Mark.WARNING, "below": Mark.CROSS, "missing": Mark.WARNING}
_HISTORY_COLUMNS = [Column("Year", 0.12), Column("Council's rate", 0.16, True), Column("Rise", 0.1, True),
                    Column("National Living Wage", 0.2, True), Column("Rise", 0.1, True),
                    Column("Real Living Wage", 0.22, True), Column("Rise", 0.1, True)]
_AT_MOST_TITLE = "Sick pay scheme at most, not in the forecast"
# Rows of the cost table from "Cost of an hour" on are its totals (bold, under a rule).
_COST_TOTAL_ROWS = 4


def _status_table(lines: tuple[str, str] | list[tuple[str, str]], styles):
    """Each status word with its mark, then what it means: "On track: the balance…" split at the colon."""
    rows = []
    for code, sentence in ([lines] if isinstance(lines[0], str) else lines):
        word, _, rest = sentence.partition(": ")
        rows.append([status_cell(word, _MARKS[code], styles), rest[:1].upper() + rest[1:]])
    return money_table([Column("Status", 0.36), Column("What it means", 0.64)], rows, styles=styles)


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
    if report.sick_pay:
        story += [space(), heading("Sick pay", 2, styles), *(paragraph(line, styles) for line in report.sick_pay)]
        if report.sick_pay_at_most:
            story += [space(2), _money_rows(_AT_MOST_TITLE, report.sick_pay_at_most, "Together, at most", styles)]
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
    if report.cost_rows:
        years = len(report.cost_headings) - 1
        columns = [Column(report.cost_headings[0], 1 - 0.25 * years),
                   *(Column(title, 0.25, True) for title in report.cost_headings[1:])]
        rows = [list(row) for row in report.cost_rows]
        story += [space(), heading("What an hour of care costs, and what the council pays", 2, styles),
                  _status_table(list(report.gap_lines), styles), space(2),
                  KeepTogether([money_table(columns, rows[:-_COST_TOTAL_ROWS], rows[-_COST_TOTAL_ROWS:], styles=styles),
                                space(2), paragraph(report.gap_note, styles)])]
    info = DocumentInfo(f"Budget report for {report.employer_name}",
                        Furniture(report.employer_name, f"Budget report, {period}"),
                        f"Direct payment budget {report.year_label}: money in and out, balance and forecast")
    return build_pdf(story, info, target, invariant=invariant)


# --- the letter ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterYear:
    label: str
    starts_on: date
    council_rate: Decimal
    council_rate_recorded: bool  # False: the year before's rate, "if it stays"
    hours: Decimal
    nights: int
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
    current_label: str  # the council year under way
    council_rate: Decimal | None  # this year's; None when this year is not recorded
    council_rise: str | None  # "1.97%"; None in the first year recorded
    nlw: Decimal | None  # in force from this year's 1 April
    nlw_rise: str | None
    funded_pay_rate: Decimal | None  # what this year's rate leaves for pay after its assumed on-costs
    on_cost_share: str  # the on-costs it assumes, "22%"
    now: LetterYear | None  # this year costed at its own figures
    coming: LetterYear  # the year ahead costed as a need
    coming_nlw: Decimal
    coming_nlw_provisional: bool
    floor: str  # "the legal minimum for their age", or the Real Living Wage
    raises: tuple[str, ...]  # "one PA from £11.20 to £11.27 an hour"
    lines: tuple[tuple[str, Decimal, Decimal], ...]  # (part, a year, an hour) of the year ahead's cost
    total: Decimal  # the year ahead's cost
    notes: str  # figures not yet confirmed
    england: bool  # the Care Act guidance is England's


def hours_in_year(hours: Decimal) -> str:
    """2192.5 -> '2,192.5 hours'."""
    whole, _, part = f"{hours.normalize():f}".partition(".")
    return f"{int(whole):,}{'.' + part if part else ''} hours"


def _hours(year: LetterYear) -> str:
    text = f"about {(year.hours / 52).quantize(Decimal('1'))} hours a week ({hours_in_year(year.hours)} in the year)"
    if year.nights:
        text += f" and {year.nights} sleep-in night{'s' if year.nights != 1 else ''}"
    return text


def _letter_paragraphs(letter: ReviewLetter) -> list[str]:
    coming = letter.coming
    april = format_date(coming.starts_on)
    out = []
    if letter.council_rate is not None:
        rate = f"Your hourly rate for my direct payment in {letter.current_label} is {format_money(letter.council_rate)}"
        if letter.council_rise is not None:
            rate += f", a rise of {letter.council_rise} on the year before"
        rate += "."
        if letter.nlw is not None and letter.nlw_rise is not None:
            rate += (f" The National Living Wage, the legal minimum for workers aged 21 and over, rose by "
                     f"{letter.nlw_rise} to {per_hour(letter.nlw)} in the same April.")
        if letter.funded_pay_rate is not None and letter.nlw is not None and letter.funded_pay_rate < letter.nlw:
            rate += (f" After the on-costs of {letter.on_cost_share} your rate assumes, it leaves "
                     f"{per_hour(letter.funded_pay_rate)} for pay: less than the legal minimum.")
        out.append(rate)
    now = letter.now
    if now is not None:
        cost = (f"This year my PAs work {_hours(now)}. At this year's pay rates, with holiday pay, employer's "
                f"National Insurance and pension on top, each hour costs me {format_money(now.hourly_cost)}")
        if now.gap_per_hour > 0:
            cost += (f": {format_money(now.gap_per_hour)} more than you pay, or "
                     f"{format_money(now.gap_per_year)} over the year.")
        else:
            cost += ", which your rate covers."
        out.append(cost)
    unconfirmed = " (not yet confirmed)" if letter.coming_nlw_provisional else ""
    raised = f" (raising {'; '.join(letter.raises)})" if letter.raises else ""
    stays = (f"Your rate for {coming.label} is {format_money(coming.council_rate)}" if coming.council_rate_recorded
             else f"If your rate stays at {format_money(coming.council_rate)}")
    same = now is not None and now.nights == coming.nights and round(now.hours / 52) == round(coming.hours / 52)
    work = f"the same rota ({hours_in_year(coming.hours)})" if same else _hours(coming)
    out.append(f"From {april} the National Living Wage is {per_hour(letter.coming_nlw)}{unconfirmed}. Paying each of my "
               f"PAs at least {letter.floor}{raised}, {work} will cost me {format_money(coming.hourly_cost)} an hour, "
               f"as the table shows. {stays}, I will be {format_money(coming.gap_per_hour)} an hour short, or "
               f"{format_money(coming.gap_per_year)} over the year.")
    return out


def _closing_paragraphs(letter: ReviewLetter) -> list[str]:
    april = format_date(letter.coming.starts_on)
    means = ("Without a rise I would have to pay the difference myself or cut the care my support plan says I "
             "need: the law requires me to pay my PAs at least the legal minimum, with holiday pay, National "
             "Insurance and pension on top.")
    if letter.england:
        means += (" The Care and Support Statutory Guidance says a personal budget must always be enough to meet "
                  "the needs it is for.")
    ask = (f"Please raise your hourly rate to at least {format_money(letter.coming.hourly_cost)} from {april}. My "
           "budget report, enclosed, shows the figures; I would be glad to talk this through.")
    return [means, ask]


def write_review_letter(letter: ReviewLetter, target: Target = None, invariant: bool = False) -> bytes | None:
    texts = [letter.employer_name, letter.council, letter.reference, *letter.address_lines]
    styles = styles_for(fonts_for(texts))
    right = ParagraphStyle("letter_right", parent=styles.body, alignment=TA_RIGHT)
    sender = "<br/>".join(escape(line) for line in (letter.employer_name, *letter.address_lines,
                                                    format_date(letter.made_on)))
    reference = f"\nDirect payment reference: {letter.reference}" if letter.reference else ""
    story = [
        Paragraph(sender, right),
        paragraph(f"Direct Payments team\n{letter.council}{reference}", styles),
    ]
    story += [
        paragraph(f"Dear Direct Payments team at {letter.council},", styles),
        paragraph(f"Request for a review of my direct payment from {format_date(letter.coming.starts_on)}",
                  styles, bold=True),
    ]
    for text in _letter_paragraphs(letter):
        story.append(paragraph(text, styles))
    columns = [Column(f"What an hour will cost from {format_date(letter.coming.starts_on)}", 0.72),
               Column("A year", 0.15, True), Column("An hour", 0.13, True)]
    story += [money_table(columns, [list(line) for line in letter.lines],
                          [["Total", letter.total, letter.coming.hourly_cost]], styles=styles), space(1)]
    if letter.notes:
        story.append(paragraph(letter.notes, styles))
    story += [paragraph(text, styles) for text in _closing_paragraphs(letter)]
    # The signature block stays together: never "Yours faithfully" alone on a second page.
    story += [KeepTogether([paragraph("Yours faithfully,", styles), space(4), paragraph(letter.employer_name, styles)])]
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
    if report.sick_pay:
        page.heading("Sick pay", 2)
        for line in report.sick_pay:
            page.paragraph(line)
        if report.sick_pay_at_most:
            page.table(_AT_MOST_TITLE, [Column("PA", 0), Column("At most", 0, True)],
                       [list(row) for row in report.sick_pay_at_most],
                       [["Together, at most", sum((a for _, a in report.sick_pay_at_most), Decimal(0))]])
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
    if report.cost_rows:
        page.heading("What an hour of support costs", 2)
        page.table("What an hour costs, by year", [Column(report.cost_headings[0], 0),
                                                   *(Column(title, 0, True) for title in report.cost_headings[1:])],
                   [list(row) for row in report.cost_rows])
        for _code, line in report.gap_lines:
            page.paragraph(line)  # each starts with its status word ("Short:", "Covered:")
        page.paragraph(report.gap_note)
    return page.write(target)


def write_review_letter_html(letter: ReviewLetter, target: Target = None) -> bytes | None:
    """The letter as a web page: the same words, the request as its heading."""
    from pa_manager.reports.html import HtmlDocument

    title = f"Request for a review of my direct payment from {format_date(letter.coming.starts_on)}"
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
    page.table(f"What an hour will cost from {format_date(letter.coming.starts_on)}",
               [Column("Part of the cost", 0), Column("A year", 0, True), Column("An hour", 0, True)],
               [list(line) for line in letter.lines], [["Total", letter.total, letter.coming.hourly_cost]])
    if letter.notes:
        page.paragraph(letter.notes)
    for text in _closing_paragraphs(letter):
        page.paragraph(text)
    page.paragraph(f"Yours faithfully,\n{letter.employer_name}")
    return page.write(target)
