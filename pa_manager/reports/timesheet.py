"""Timesheets for a period, as a council's audit asks for them: one per PA, each shift with its weekday
and date, start, end, unpaid break, type and paid hours; sleep-in nights apart; bank holidays marked in
words; totals by type; and lines for the PA and the employer to sign. As a PDF (each PA's timesheet
starts on a new page and counts its own pages, so it can be printed and signed on its own), a web page
and a spreadsheet.

Hours are paid hours, as on the payslip: a sleep-in whose night is paid by the sleep-in allowance shows
only its awake (paid) hours and is marked as a night, and the nights are totalled on a line of their own.
Fed plain data by services.period_reports.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import BinaryIO

from reportlab.pdfbase.pdfmetrics import stringWidth

from pa_manager.messages import format_date
from pa_manager.reports.document import (
    BODY_SIZE, FRAME_WIDTH, Column, DocumentInfo, Furniture, build_sections_pdf, fonts_for, heading, money_table, paragraph,
    signature_table, space, styles_for,
)
from pa_manager.reports.html import HtmlDocument, Number
from pa_manager.reports.spreadsheet import COUNT, DATE, HOURS, Block, Sheet, SheetColumn, write_csv, write_xlsx

Target = str | os.PathLike | BinaryIO
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class ShiftLine:
    day: date
    start: str  # "22:00", UK time
    end: str  # "08:00"
    kind: str  # "Waking night"
    hours: Decimal  # paid by the hour
    notes: str = ""
    night: bool = False  # a sleep-in night paid by the allowance
    break_minutes: int = 0
    next_day: bool = False  # it ends the day after it starts
    bank_holiday: str = ""  # the bank holiday's name, where the employer lives, when the day is one


@dataclass(frozen=True)
class PATimesheet:
    name: str
    shifts: tuple[ShiftLine, ...]
    totals: tuple[tuple[str, Decimal], ...]  # (type of shift, hours paid by the hour)
    sleep_in_nights: int = 0  # paid by the allowance, apart from the hours

    @property
    def total_hours(self) -> Decimal:
        return sum((hours for _, hours in self.totals), Decimal(0))


@dataclass(frozen=True)
class TimesheetReport:
    employer_name: str
    first: date
    last: date
    pas: tuple[PATimesheet, ...]

    @property
    def period(self) -> str:
        return f"{format_date(self.first)} to {format_date(self.last)}"


def _hours(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'))}"


def _break(minutes: int) -> str:
    return f"{minutes} min" if minutes else "None"


def _day(line: ShiftLine) -> str:
    return f"{WEEKDAYS[line.day.weekday()][:3]} {format_date(line.day)}"


def _intro(report: TimesheetReport) -> str:
    return (f"Shifts starting from {report.period}, in UK time. Paid hours are the time on shift less any unpaid "
            "break. A sleep-in night paid by the sleep-in allowance counts as a night, not as hours: only the time "
            "awake and working is in the paid hours. A shift on a bank holiday says so under its date.")


def _columns(styles) -> list[Column]:
    """Each column as wide as its longest usual text ("22:00", "next day", "30 min", "Waking night", the
    headings' words) in this font, and the date column the rest, for "Wed 30 September 2026"."""
    regular, bold = styles.fonts.regular, styles.fonts.bold

    def needed(texts, headings, pad=12) -> float:
        widest = max([stringWidth(t, regular, BODY_SIZE) for t in texts] + [stringWidth(t, bold, BODY_SIZE) for t in headings])
        return (widest + pad) / FRAME_WIDTH

    shares = [needed(["22:00"], ["Start"]), needed(["22:00", "next day"], ["End"]), needed(["30 min", "None"], ["Break"]),
              needed(["Waking night", "Shadowing"], ["Type"]), needed(["10.50"], ["Paid", "hours"]),
              needed(["Yes"], ["Sleep-in", "night"], pad=6)]
    return [Column("Date", 1 - sum(shares)), Column("Start", shares[0]), Column("End", shares[1]),
            Column("Break", shares[2]), Column("Type", shares[3]), Column("Paid hours", shares[4], right=True),
            Column("Sleep-in night", shares[5])]


def _pa_story(report: TimesheetReport, pa: PATimesheet, styles) -> list:
    rows = []
    for s in pa.shifts:
        day = _day(s) + (f"\nBank holiday: {s.bank_holiday}" if s.bank_holiday else "")
        kind = s.kind + (f"\nNote: {s.notes}" if s.notes else "")
        rows.append([day, s.start, s.end + ("\nnext day" if s.next_day else ""), _break(s.break_minutes), kind,
                     _hours(s.hours), "Yes" if s.night else ""])
    totals = [[f"Total {kind.lower()} hours", None, None, None, None, _hours(hours), ""] for kind, hours in pa.totals]
    totals.append(["Total paid hours", None, None, None, None, _hours(pa.total_hours), ""])
    if pa.sleep_in_nights or any(s.night for s in pa.shifts):
        totals.append([f"Sleep-in nights, paid by the allowance: {pa.sleep_in_nights}", None, None, None, None, None,
                       None])
    return [
        heading(f"Timesheet for {pa.name}", 1, styles),
        paragraph(f"Employer: {report.employer_name}. " + _intro(report), styles),
        space(2),
        money_table(_columns(styles), rows, totals, styles=styles),
        space(4),
        paragraph("We agree these are the shifts worked.", styles),
        signature_table((("Personal assistant", pa.name), ("Employer", report.employer_name)), styles=styles),
    ]


def write_timesheet_report(report: TimesheetReport, target: Target | None = None,
                           invariant: bool = False) -> bytes | None:
    styles = styles_for(fonts_for([]))
    title = f"Timesheets for {report.employer_name}"
    period = f"Timesheets, {report.period}"
    if report.pas:
        sections = [(Furniture(report.employer_name, period, f"Timesheet for {pa.name}"), _pa_story(report, pa, styles))
                    for pa in report.pas]
    else:
        sections = [(Furniture(report.employer_name, period), [
            heading(title, 1, styles), paragraph(_intro(report), styles),
            paragraph("No shifts were recorded in this period.", styles)])]
    info = DocumentInfo(title, sections[0][0], "Hours worked, to sign")
    return build_sections_pdf(sections, info, target, invariant=invariant)


def timesheet_html(report: TimesheetReport) -> HtmlDocument:
    title = f"Timesheets for {report.employer_name}"
    page = HtmlDocument(title, Furniture(report.employer_name, f"Timesheets, {report.period}"))
    page.heading(title, 1)
    page.paragraph(_intro(report))
    if not report.pas:
        page.paragraph("No shifts were recorded in this period.")
    columns = [Column("Date", 0), Column("Day", 0), Column("Start", 0), Column("End", 0), Column("Break", 0),
               Column("Type", 0), Column("Paid hours", 0, True), Column("Sleep-in night", 0),
               Column("Bank holiday", 0), Column("Notes", 0)]
    for pa in report.pas:
        page.heading(f"Timesheet for {pa.name}", 2)
        rows = [[s.day, WEEKDAYS[s.day.weekday()], s.start, s.end + (" next day" if s.next_day else ""),
                 _break(s.break_minutes), s.kind, Number(_hours(s.hours)), "Yes" if s.night else "No",
                 s.bank_holiday or "No", s.notes] for s in pa.shifts]
        page.table(f"Shifts worked by {pa.name}, {report.period}", columns, rows)
        totals = [[f"{kind} hours", Number(_hours(hours))] for kind, hours in pa.totals]
        totals.append(["Sleep-in nights, paid by the allowance", Number(str(pa.sleep_in_nights))])
        page.table(f"Totals for {pa.name}", [Column("Total", 0), Column("Amount", 0, True)], totals,
                   [["Total paid hours", Number(_hours(pa.total_hours))]])
        page.paragraph("We agree these are the shifts worked.")
        page.signatures(f"Signed for {pa.name}'s timesheet",
                        (("Personal assistant", pa.name), ("Employer", report.employer_name)))
    return page


def write_timesheet_html(report: TimesheetReport, target: Target | None = None) -> bytes | None:
    return timesheet_html(report).write(target)


def timesheet_sheets(report: TimesheetReport) -> tuple[Sheet, ...]:
    shifts = Block(f"Shifts, {report.period}", (
        SheetColumn("PA"), SheetColumn("Date", DATE), SheetColumn("Day"), SheetColumn("Start"), SheetColumn("End"),
        SheetColumn("Ends the next day"), SheetColumn("Break (minutes)", COUNT), SheetColumn("Type"),
        SheetColumn("Paid hours", HOURS), SheetColumn("Sleep-in night"), SheetColumn("Bank holiday"),
        SheetColumn("Notes")),
        tuple((pa.name, s.day, WEEKDAYS[s.day.weekday()], s.start, s.end, "Yes" if s.next_day else "No",
               s.break_minutes, s.kind, s.hours, "Yes" if s.night else "No", s.bank_holiday or "No", s.notes)
              for pa in report.pas for s in pa.shifts))
    rows = []
    for pa in report.pas:
        rows += [(pa.name, f"{kind} hours", hours, None) for kind, hours in pa.totals]
        rows += [(pa.name, "Total paid hours", pa.total_hours, None),
                 (pa.name, "Sleep-in nights, paid by the allowance", None, pa.sleep_in_nights)]
    totals = Block("Totals", (SheetColumn("PA"), SheetColumn("Total"), SheetColumn("Paid hours", HOURS),
                              SheetColumn("Nights", COUNT)), tuple(rows))
    return Sheet("Shifts", (shifts,)), Sheet("Totals", (totals,))


def write_timesheet_spreadsheet(report: TimesheetReport, target: Target, kind: str) -> None:
    """kind: "csv" or "xlsx"."""
    sheets = timesheet_sheets(report)
    if kind == "csv":
        write_csv(sheets, target)
    else:
        write_xlsx(sheets, target, title=f"Timesheets for {report.employer_name}", author=report.employer_name,
                   subject=f"Timesheets, {report.period}")
