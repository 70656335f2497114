"""Timesheets for a period as a PDF (for a council audit): each PA's shifts and their totals by type.

Hours are paid hours, as on the payslip: a sleep-in whose night is paid by the sleep-in allowance shows
only its awake (paid) hours and is marked as a night, and the nights are totalled on a line of their own.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import BinaryIO

from pa_manager.messages import format_date
from pa_manager.reports.document import (
    Column, DocumentInfo, Furniture, build_pdf, fonts_for, heading, money_table, paragraph, space, styles_for,
)


@dataclass(frozen=True)
class ShiftLine:
    day: date
    times: str  # "22:00 to 08:00 (next day)"
    kind: str  # "Waking night"
    hours: Decimal  # paid by the hour
    notes: str = ""
    night: bool = False  # a sleep-in night paid by the allowance


@dataclass(frozen=True)
class PATimesheet:
    name: str
    shifts: tuple[ShiftLine, ...]
    totals: tuple[tuple[str, Decimal], ...]  # (type of shift, hours paid by the hour)
    sleep_in_nights: int = 0  # paid by the allowance, apart from the hours


@dataclass(frozen=True)
class TimesheetReport:
    employer_name: str
    first: date
    last: date
    pas: tuple[PATimesheet, ...]


def _hours(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'))}"


def write_timesheet_report(report: TimesheetReport, target: str | os.PathLike | BinaryIO | None = None,
                           invariant: bool = False) -> bytes | None:
    period = f"{format_date(report.first)} to {format_date(report.last)}"
    styles = styles_for(fonts_for([report.employer_name, *(p.name for p in report.pas),
                                   *(s.notes for p in report.pas for s in p.shifts)]))
    story = [heading(f"Timesheets for {report.employer_name}", 1, styles),
             paragraph(f"Shifts starting from {period}, in UK time. Hours are paid hours: the length less any "
                       "unpaid break. A sleep-in night paid by the sleep-in allowance counts as a night, not as "
                       "hours: only the time awake and working is in the hours.", styles), space()]
    if not report.pas:
        story.append(paragraph("No shifts were recorded in this period.", styles))
    columns = [Column("Date", 0.24), Column("Times", 0.28), Column("Type", 0.24), Column("Hours", 0.12, right=True),
               Column("Notes", 0.12)]
    for pa in report.pas:
        rows = [[format_date(s.day), s.times, f"{s.kind} night" if s.night else s.kind, _hours(s.hours), s.notes]
                for s in pa.shifts]
        totals = [[f"Total {kind.lower()}", None, None, _hours(hours), None] for kind, hours in pa.totals]
        totals.append(["Total hours", None, None, _hours(sum((h for _, h in pa.totals), Decimal(0))), None])
        if pa.sleep_in_nights:
            totals.append([f"Sleep-in nights: {pa.sleep_in_nights}", None, None, None, None])
        story += [heading(pa.name, 2, styles), money_table(columns, rows, totals, styles=styles), space()]
    info = DocumentInfo(f"Timesheets for {report.employer_name}", Furniture(report.employer_name, f"Timesheets, {period}"),
                        "Hours worked")
    return build_pdf(story, info, target, invariant=invariant)
