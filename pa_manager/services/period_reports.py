"""Documents for a chosen period, for the council's audit letter: timesheets (PDF, web page or spreadsheet)
and payslips."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from pa_manager.domain.shifts import local_date, to_london
from pa_manager.reports.payslip import write_payslips, write_payslips_html
from pa_manager.domain.bank_holidays import bank_holidays_between
from pa_manager.reports.timesheet import (
    PATimesheet, ShiftLine, TimesheetReport, write_timesheet_html, write_timesheet_report, write_timesheet_spreadsheet,
)
from pa_manager.services.employers import get_employer
from pa_manager.services.errors import ServiceError
from pa_manager.services.hours import Costing
from pa_manager.services.payslips import documents_between
from pa_manager.services.people import list_pas
from pa_manager.services.shifts import shifts_between

_KIND = {"standard": "Standard", "waking_night": "Waking night", "sleep_in": "Sleep-in", "travel": "Travel",
         "training": "Training", "shadowing": "Shadowing", "holiday": "Holiday", "sickness": "Sickness"}


def _hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


def build_timesheet_report(db, employer_id: int, first: date, last: date) -> TimesheetReport:
    """Each PA's shifts starting from `first` to `last`, counted as the payslip counts them: hours paid by
    the hour, with sleep-in nights paid by the allowance marked and totalled apart, and the employer's own
    nation's bank holidays named."""
    pas = list_pas(db, employer_id)
    employer = get_employer(db, employer_id)
    names = {pa.id: pa.name for pa in pas}
    costing = Costing(pas, employer.nation)
    holidays = {h.day: h.name for h in bank_holidays_between(employer.nation, first, last)}
    shifts = shifts_between(db, employer_id, first, last)
    sections = []
    for pa_id in sorted({s.pa for s in shifts}, key=lambda key: names[key].lower()):
        work = costing.work(pa_id, [s for s in shifts if s.pa == pa_id])
        lines = []
        for item in work.shifts:
            s = item.shift
            start, end = to_london(s.start), to_london(s.end)
            day = local_date(s)
            lines.append(ShiftLine(day, f"{start:%H:%M}", f"{end:%H:%M}", _KIND[s.shift_type.value],
                                   _hours(item.paid_minutes), s.notes, night=item.night,
                                   break_minutes=s.break_minutes, next_day=end.date() > start.date(),
                                   bank_holiday=holidays.get(day, "")))
        totals = tuple((_KIND[kind.value], _hours(minutes)) for kind, minutes in work.paid_minutes_by_type.items())
        sections.append(PATimesheet(names[pa_id], tuple(lines), totals, work.sleep_in_nights))
    return TimesheetReport(employer.name, first, last, tuple(sections))


def save_timesheet_report(db, employer_id: int, path: Path, first: date, last: date, fmt: str = "pdf") -> Path:
    """Write the timesheets as a PDF, a web page (html) or a spreadsheet (csv or xlsx)."""
    report = build_timesheet_report(db, employer_id, first, last)
    path = Path(path)
    if fmt == "pdf":
        write_timesheet_report(report, path)
    elif fmt == "html":
        write_timesheet_html(report, path)
    elif fmt in ("csv", "xlsx"):
        write_timesheet_spreadsheet(report, path, fmt)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return path


def save_payslips_for_period(db, employer_id: int, path: Path, first: date, last: date, fmt: str = "pdf") -> int:
    """Every payslip of the pay runs paid from `first` to `last`, in one PDF (or web page, fmt "html");
    returns how many."""
    documents = documents_between(db, employer_id, first, last)
    if not documents:
        raise ServiceError("PAYSLIPS_NONE_BETWEEN", first=first, last=last)
    (write_payslips_html if fmt == "html" else write_payslips)(documents, Path(path))
    return len(documents)
