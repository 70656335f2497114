"""The direct-payment monitoring return, as a PDF, a web page and a spreadsheet: every payment in and
out of the account with the balance after it (to tick against the bank statement), the opening and
closing balances, what was owed at the end, the assessed contribution beside what was paid, the hours
of support beside the support plan, and a declaration to sign.

Fed plain, worded data (MonitoringReturn) by services.monitoring; the figures come from
domain.monitoring. This module lays them out and words only its own labels.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import BinaryIO

from pa_manager.domain.money import format_money
from pa_manager.messages import format_date
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether

from pa_manager.reports.document import (
    BODY_SIZE, FRAME_WIDTH, Column, DocumentInfo, Furniture, Mark, build_pdf, fonts_for, heading, key_value_table, money_table, paragraph,
    signature_table, space, status_cell, styles_for,
)
from pa_manager.reports.html import HtmlDocument, Number
from pa_manager.reports.spreadsheet import COUNT, DATE, HOURS, MONEY, Block, Sheet, SheetColumn, write_csv, write_xlsx

Target = str | os.PathLike | BinaryIO


@dataclass(frozen=True)
class Transaction:
    day: date
    details: str  # who was paid or where the money came from: the ledger's description
    category: str  # in words: "PAs' take-home pay"
    money_in: Decimal | None
    money_out: Decimal | None
    balance: Decimal  # after this line


@dataclass(frozen=True)
class OwedLine:
    what: str
    due_on: date
    amount: Decimal


@dataclass(frozen=True)
class HoursLine:
    name: str
    support_hours: Decimal
    sleep_in_nights: int
    other_hours: Decimal  # paid by the hour but not support: holiday, sickness, training, shadowing


@dataclass(frozen=True)
class Status:
    code: str  # "ok", "warning", "missing"
    sentence: str  # "Paid in full: …"; the word before the colon is the status


@dataclass(frozen=True)
class MonitoringReturn:
    employer_name: str
    first: date
    last: date
    made_on: date
    facts: tuple[tuple[str, str], ...]  # ("Council", "Ashford Vale Council")…
    opening_balance: Decimal
    money_in: Decimal
    money_out: Decimal
    closing_balance: Decimal
    transactions: tuple[Transaction, ...]
    category_totals: tuple[tuple[str, Decimal, Decimal], ...]  # (category, in, out)
    owed: tuple[OwedLine, ...]
    owed_total: Decimal
    owed_note: str
    balance_after_owed: Decimal
    checks: tuple[Status, ...]  # the bank statement, a new year's opening balance
    contribution: tuple[tuple[str, str], ...]  # ("Assessed contribution", "£21.00 a week")…
    contribution_status: Status
    hours: tuple[HoursLine, ...]
    hours_plan: tuple[tuple[str, str], ...]  # ("Support plan", "42 hours a week")…
    hours_status: Status
    hours_note: str
    declaration: str
    signers: tuple[tuple[str, str], ...]  # (who, name): ("Budget holder", "Margaret Okafor")

    @property
    def period(self) -> str:
        return f"{format_date(self.first)} to {format_date(self.last)}"

    @property
    def title(self) -> str:
        return f"Direct payment monitoring return for {self.employer_name}"


def _hours(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'))}"


def _word_and_rest(status: Status) -> tuple[str, str]:
    word, _, rest = status.sentence.partition(": ")
    return word, rest[:1].upper() + rest[1:]


_MARKS = {"ok": Mark.TICK, "warning": Mark.WARNING, "missing": Mark.WARNING}


def _transaction_columns(report: MonitoringReturn, styles) -> list[Column]:
    """Each money column as wide as its widest amount (or its title) needs, and the date column as wide as
    "30 September 2026"; the payee and category take the rest, wrapping as they must."""
    font, bold = styles.fonts.regular, styles.fonts.bold

    def needed(title: str, amounts, *, last: bool = False) -> float:
        texts = [format_money(a) for a in amounts if a is not None]
        widest = max([stringWidth(t, bold, BODY_SIZE) for t in texts] + [stringWidth(title, bold, BODY_SIZE)])
        return (widest + (6 if last else 12)) / FRAME_WIDTH

    totals = (report.money_in, report.money_out, report.closing_balance, report.opening_balance)
    money_in = needed("Money in", [t.money_in for t in report.transactions] + [report.money_in])
    money_out = needed("Money out", [t.money_out for t in report.transactions] + [report.money_out])
    balance = needed("Balance", [t.balance for t in report.transactions] + list(totals), last=True)
    day = (stringWidth("30 September 2026", font, BODY_SIZE) + 8) / FRAME_WIDTH
    return [Column("Date", day), Column("Payee or source, and category", 1 - day - money_in - money_out - balance),
            Column("Money in", money_in, right=True), Column("Money out", money_out, right=True),
            Column("Balance", balance, right=True)]

_HOURS_COLUMNS = [Column("PA", 0.34), Column("Hours of support", 0.22, right=True),
                  Column("Sleep-in nights", 0.2, right=True), Column("Other paid hours", 0.24, right=True)]


def _summary_rows(report: MonitoringReturn) -> list[tuple[str, Decimal]]:
    return [(f"Balance at the start of {format_date(report.first)}", report.opening_balance),
            ("Money in", report.money_in), ("Money out", report.money_out),
            (f"Balance at the end of {format_date(report.last)}", report.closing_balance),
            ("Owed at the end (see below)", report.owed_total),
            ("Balance after paying what is owed", report.balance_after_owed)]


def _hours_totals(report: MonitoringReturn) -> tuple[Decimal, int, Decimal]:
    return (sum((h.support_hours for h in report.hours), Decimal(0)), sum(h.sleep_in_nights for h in report.hours),
            sum((h.other_hours for h in report.hours), Decimal(0)))


# --- PDF -------------------------------------------------------------------------------------------


def _status_table(status: Status, styles):
    word, rest = _word_and_rest(status)
    return money_table([Column("Status", 0.3), Column("What it means", 0.7)],
                       [[status_cell(word, _MARKS[status.code], styles), rest]], styles=styles)


def write_monitoring_pdf(report: MonitoringReturn, target: Target | None = None, invariant: bool = False) -> bytes | None:
    styles = styles_for(fonts_for([]))
    summary = [(label, format_money(amount)) for label, amount in _summary_rows(report)]
    story = [
        heading(report.title, 1, styles),
        paragraph(f"For {report.period}. Made on {format_date(report.made_on)}.", styles),
        key_value_table(report.facts, styles=styles, label_share=0.35),
        space(),
        heading("Summary", 2, styles),
        key_value_table(summary, title="Balance", label_share=0.7, right_values=True, styles=styles),
    ]
    for check in report.checks:
        story += [space(2), _status_table(check, styles)]
    # "" rather than None for an empty amount: the payee's words must not run on into the money columns.
    rows = [[format_date(t.day), f"{t.details}\nCategory: {t.category}", t.money_in or "", t.money_out or "", t.balance]
            for t in report.transactions]
    rows.insert(0, [f"Balance at the start of {format_date(report.first)}", None, None, None, report.opening_balance])
    story += [
        space(),
        heading("Every payment in and out", 2, styles),
        paragraph("In date order, as on the bank statement, with the balance after each.", styles),
        money_table(_transaction_columns(report, styles), rows, [["Total for the period", None, report.money_in, report.money_out,
                                                  report.closing_balance]], styles=styles),
    ]
    if not report.transactions:
        story.append(paragraph("Nothing went in or out of the account in this period.", styles))
    if report.category_totals:
        story += [space(), heading("Totals by category", 2, styles),
                  money_table([Column("Category", 0.52), Column("Money in", 0.24, right=True),
                               Column("Money out", 0.24, right=True)],
                              [[name, money_in or "", money_out or ""] for name, money_in, money_out
                               in report.category_totals],
                              [["Total", report.money_in, report.money_out]], styles=styles)]
    story += [space(), heading(f"Owed at the end of {format_date(report.last)}", 2, styles)]
    if report.owed:
        story += [paragraph(report.owed_note, styles),
                  money_table([Column("What", 0.55), Column("Due on", 0.25), Column("Amount", 0.2, right=True)],
                              [[o.what, format_date(o.due_on), o.amount] for o in report.owed],
                              [["Total owed", None, report.owed_total]], styles=styles)]
    else:
        story.append(paragraph("Nothing was owed: every pay run paid in the period was paid in full, HMRC's share "
                               "and pension included.", styles))
    story += [space(), heading("Your contribution", 2, styles), KeepTogether([
              key_value_table(report.contribution, label_share=0.5, right_values=True, styles=styles), space(2),
              _status_table(report.contribution_status, styles)])]
    support, nights, other = _hours_totals(report)
    story += [space(), heading("Hours of support", 2, styles), paragraph(report.hours_note, styles)]
    if report.hours:
        story.append(money_table(
            _HOURS_COLUMNS, [[h.name, _hours(h.support_hours), str(h.sleep_in_nights), _hours(h.other_hours)]
                             for h in report.hours],
            [["Total", _hours(support), str(nights), _hours(other)]], styles=styles))
    else:
        story.append(paragraph("No shifts were recorded in this period.", styles))
    story += [space(2), KeepTogether([key_value_table(report.hours_plan, label_share=0.5, right_values=True,
                                                      styles=styles), space(2), _status_table(report.hours_status, styles)])]
    story += [space(), heading("Declaration", 2, styles), paragraph(report.declaration, styles), space(2),
              signature_table(report.signers, styles=styles)]
    info = DocumentInfo(report.title, Furniture(report.employer_name, f"Monitoring return, {report.period}",
                                                "Direct payment monitoring return"),
                        "Money in and out of the direct-payment account, with the declaration")
    return build_pdf(story, info, target, invariant=invariant)


# --- web page --------------------------------------------------------------------------------------


def monitoring_html(report: MonitoringReturn) -> HtmlDocument:
    page = HtmlDocument(report.title, Furniture(report.employer_name, f"Monitoring return, {report.period}"))
    page.heading(report.title, 1)
    page.paragraph(f"For {report.period}. Made on {format_date(report.made_on)}.")
    page.key_values("About this return", report.facts)
    page.heading("Summary", 2)
    page.key_values("Balance", _summary_rows(report), figures=True)
    for check in report.checks:
        page.paragraph(check.sentence)
    page.heading("Every payment in and out", 2)
    page.paragraph("In date order, as on the bank statement, with the balance after each.")
    columns = [Column("Date", 0), Column("Payee or source", 0), Column("Category", 0), Column("Money in", 0, True),
               Column("Money out", 0, True), Column("Balance", 0, True)]
    rows = [[f"Start of {format_date(report.first)}", "Opening balance", None, None, None, report.opening_balance]]
    rows += [[t.day, t.details, t.category, t.money_in, t.money_out, t.balance] for t in report.transactions]
    page.table(f"Payments in and out, {report.period}", columns, rows,
               [["Total for the period", None, None, report.money_in, report.money_out, report.closing_balance]])
    if report.category_totals:
        page.heading("Totals by category", 2)
        page.table("Totals by category", [Column("Category", 0), Column("Money in", 0, True),
                                           Column("Money out", 0, True)],
                   [[name, money_in, money_out] for name, money_in, money_out in report.category_totals],
                   [["Total", report.money_in, report.money_out]])
    page.heading(f"Owed at the end of {format_date(report.last)}", 2)
    if report.owed:
        page.paragraph(report.owed_note)
        page.table("Owed at the end of the period", [Column("What", 0), Column("Due on", 0),
                                                      Column("Amount", 0, True)],
                   [[o.what, o.due_on, o.amount] for o in report.owed], [["Total owed", None, report.owed_total]])
    else:
        page.paragraph("Nothing was owed: every pay run paid in the period was paid in full, HMRC's share and "
                       "pension included.")
    page.heading("Your contribution", 2)
    page.key_values("Your contribution", report.contribution, figures=True)
    page.paragraph(report.contribution_status.sentence)
    page.heading("Hours of support", 2)
    page.paragraph(report.hours_note)
    support, nights, other = _hours_totals(report)
    page.table("Hours of support by PA", [Column("PA", 0), Column("Hours of support", 0, True),
                                          Column("Sleep-in nights", 0, True), Column("Other paid hours", 0, True)],
               [[h.name, Number(_hours(h.support_hours)), Number(str(h.sleep_in_nights)), Number(_hours(h.other_hours))]
                for h in report.hours],
               [["Total", Number(_hours(support)), Number(str(nights)), Number(_hours(other))]])
    page.key_values("Against the support plan", report.hours_plan, figures=True)
    page.paragraph(report.hours_status.sentence)
    page.heading("Declaration", 2)
    page.paragraph(report.declaration)
    page.signatures("Signed", report.signers)
    return page


def write_monitoring_html(report: MonitoringReturn, target: Target | None = None) -> bytes | None:
    return monitoring_html(report).write(target)


# --- spreadsheet -----------------------------------------------------------------------------------


def monitoring_sheets(report: MonitoringReturn) -> tuple[Sheet, ...]:
    text = SheetColumn("Item")
    about = Block("Direct payment monitoring return", (text, SheetColumn("Details")),
                  tuple((label, value) for label, value in (*report.facts, ("Made on", format_date(report.made_on)))))
    summary = Block("Summary", (text, SheetColumn("Amount", MONEY)), tuple(_summary_rows(report)))
    transactions = Block(f"Payments in and out, {report.period}", (
        SheetColumn("Date", DATE), SheetColumn("Payee or source"), SheetColumn("Category"),
        SheetColumn("Money in", MONEY), SheetColumn("Money out", MONEY), SheetColumn("Balance", MONEY)),
        ((report.first, "Opening balance", "", None, None, report.opening_balance),
         *((t.day, t.details, t.category, t.money_in, t.money_out, t.balance) for t in report.transactions),
         (report.last, "Closing balance", "", report.money_in, report.money_out, report.closing_balance)))
    categories = Block("Totals by category", (SheetColumn("Category"), SheetColumn("Money in", MONEY),
                                              SheetColumn("Money out", MONEY)),
                       tuple(report.category_totals))
    owed = Block(f"Owed at the end of {format_date(report.last)}",
                 (SheetColumn("What"), SheetColumn("Due on", DATE), SheetColumn("Amount", MONEY)),
                 tuple((o.what, o.due_on, o.amount) for o in report.owed) + (("Total owed", None, report.owed_total),))
    contribution = Block("Your contribution", (text, SheetColumn("Details")),
                         (*report.contribution, ("Status", report.contribution_status.sentence)))
    support, nights, other = _hours_totals(report)
    hours = Block("Hours of support", (SheetColumn("PA"), SheetColumn("Hours of support", HOURS),
                                       SheetColumn("Sleep-in nights", COUNT), SheetColumn("Other paid hours", HOURS)),
                  tuple((h.name, h.support_hours, h.sleep_in_nights, h.other_hours) for h in report.hours)
                  + (("Total", support, nights, other),))
    plan = Block("Against the support plan", (text, SheetColumn("Details")),
                 (*report.hours_plan, ("Status", report.hours_status.sentence)))
    declaration = Block("Declaration", (SheetColumn("Who"), SheetColumn("Name"), SheetColumn("Signature"),
                                        SheetColumn("Date")),
                        ((report.declaration, "", "", ""), *((who, name, "", "") for who, name in report.signers)))
    return (Sheet("Summary", (about, summary, owed, contribution, hours, plan, declaration)),
            Sheet("Transactions", (transactions, categories)))


def write_monitoring_spreadsheet(report: MonitoringReturn, target: Target, kind: str) -> None:
    """kind: "csv" or "xlsx"."""
    sheets = monitoring_sheets(report)
    if kind == "csv":
        write_csv(sheets, target)
    else:
        write_xlsx(sheets, target, title=report.title, author=report.employer_name,
                   subject=f"Monitoring return, {report.period}")
