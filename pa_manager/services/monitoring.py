"""The direct-payment monitoring return for a chosen period: gathered from the ledger, the budget years,
the pay runs and the shifts, worked out by domain.monitoring, worded by reports.monitoring_contents, laid out by reports.monitoring
as a PDF, a web page or a spreadsheet."""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from pa_manager.domain.monitoring import MonitoringError, MonitoringFigures, PayRunPayment, monitoring_figures
from pa_manager.reports.monitoring import (
    MonitoringReturn, write_monitoring_html, write_monitoring_pdf, write_monitoring_spreadsheet,
)
from pa_manager.reports.monitoring_contents import compose_monitoring_return
from pa_manager.services import budget
from pa_manager.services.employers import get_employer
from pa_manager.services.errors import ServiceError
from pa_manager.services.hours import Costing
from pa_manager.services.ledger_entries import pay_run_reference
from pa_manager.services.pay_runs import pay_run_dates
from pa_manager.services.people import list_pas
from pa_manager.services.shifts import shifts_between
from pa_manager.storage import models
from pa_manager.storage.database import Database

FORMATS = ("pdf", "html", "csv", "xlsx")


def _pay_run_payments(db: Database, employer_id: int) -> list[PayRunPayment]:
    """The ledger's entries for finalised pay runs, each with the pay date of its run."""
    references = {pay_run_reference(day): day for day in pay_run_dates(db, employer_id)}
    with db.session() as s:
        rows = s.scalars(select(models.LedgerEntry).where(models.LedgerEntry.employer_id == employer_id,
                                                          models.LedgerEntry.source == "pay_run"))
        found = [(references.get(row.reference), row.id) for row in rows]
    entries = {stored.id: stored.entry for stored in budget.list_entries(db, employer_id)}
    return [PayRunPayment(pay_date, entries[entry_id]) for pay_date, entry_id in found
            if pay_date is not None and entry_id in entries]


def _statement(db: Database, employer_id: int, first: date, last: date) -> tuple[date, Decimal] | None:
    """The latest bank statement balance kept for a day in the period."""
    with db.session() as s:
        row = s.scalar(select(models.StatementBalance).where(
            models.StatementBalance.employer_id == employer_id, models.StatementBalance.on >= first,
            models.StatementBalance.on <= last).order_by(models.StatementBalance.on.desc()).limit(1))
        return None if row is None else (row.on, row.balance)


def monitoring_for(db: Database, employer_id: int, first: date, last: date) -> tuple[MonitoringFigures, dict[int, str]]:
    """The return's figures, and the PAs' names by id."""
    employer = get_employer(db, employer_id)
    pas = list_pas(db, employer_id)
    costing = Costing(pas, employer.nation)
    mine = defaultdict(list)
    for shift in shifts_between(db, employer_id, first, last):
        mine[shift.pa].append(shift)
    names = {pa.id: pa.name for pa in pas}
    work = {pa_id: costing.work(pa_id, shifts) for pa_id, shifts in sorted(mine.items(), key=lambda i: names[i[0]].lower())}
    years = budget.list_years(db, employer_id)
    try:
        figures = monitoring_figures(
            years, [e.entry for e in budget.list_entries(db, employer_id)], first, last,
            pay_run_payments=_pay_run_payments(db, employer_id), work=work,
            statement=_statement(db, employer_id, first, last))
    except MonitoringError as error:
        if error.code != "MONITORING_NO_BUDGET_YEAR":
            raise ServiceError("MONITORING_LAST_BEFORE_FIRST", first) from None
        if not years:
            raise ServiceError("MONITORING_NO_BUDGET_YEARS", employer.name) from None
        later = sorted(y.starts_on for y in years if y.starts_on > first)
        if later:
            raise ServiceError("MONITORING_NO_BUDGET_YEAR_FOR_LATER", error.value, name=employer.name, first=first,
                               later=later[0]) from None
        raise ServiceError("MONITORING_NO_BUDGET_YEAR_FOR", error.value, name=employer.name, first=first) from None
    return figures, names


def build_monitoring_return(db: Database, employer_id: int, first: date, last: date, today: date) -> MonitoringReturn:
    figures, names = monitoring_for(db, employer_id, first, last)
    return compose_monitoring_return(get_employer(db, employer_id), figures, names, first, last, today)


def save_monitoring_return(db: Database, employer_id: int, path: Path, first: date, last: date, today: date,
                           fmt: str = "pdf") -> Path:
    """Write the return as a PDF, a web page (html), or a spreadsheet (csv or xlsx)."""
    report = build_monitoring_return(db, employer_id, first, last, today)
    path = Path(path)
    if fmt == "pdf":
        write_monitoring_pdf(report, path)
    elif fmt == "html":
        write_monitoring_html(report, path)
    elif fmt in ("csv", "xlsx"):
        write_monitoring_spreadsheet(report, path, fmt)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return path
