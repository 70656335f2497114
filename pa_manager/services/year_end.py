"""P45s and P60s from the stored pay records, and the reminder to give the P60s by 31 May.

Everything comes from the finalised pay records (domain.pay_record) through domain.year_end; a form
is never worked out from the PA's details as they are now. Making the forms is noted in the change
history, which is how the dashboard knows a year's P60s have been made.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from pa_manager.domain import compliance as rules
from pa_manager.domain.compliance import DueItem
from pa_manager.domain.pay_record import PayRecord, from_document
from pa_manager.domain.tax_year import tax_year_end, tax_year_label, tax_year_start
from pa_manager.domain.year_end import (  # noqa: F401 (p60_due: the screens' too)
    P45, P60, YearEndError, employed_at_year_end, p45_for, p60_due, p60_for, p60_reminder_window,
)
from pa_manager.domain.validation import Problem
from pa_manager.services import history
from pa_manager.services.errors import NotFound, ServiceError
from pa_manager.storage import models
from pa_manager.storage.database import Database

P60_DUE = "P60_DUE"   # due item: give each PA their P60 by 31 May


def _records(session, employer_id: int, pa_id: int | None = None, tax_year: str | None = None) -> list[PayRecord]:
    query = (select(models.StoredPayslip.pa_id, models.StoredPayslip.document).join(models.PayRun)
             .where(models.PayRun.employer_id == employer_id).order_by(models.PayRun.pay_date, models.StoredPayslip.id))
    if pa_id is not None:
        query = query.where(models.StoredPayslip.pa_id == pa_id)
    if tax_year is not None:
        query = query.where(models.PayRun.tax_year == tax_year)
    return [from_document(json.loads(document), owner) for owner, document in session.execute(query)]


def _latest_records(session, employer_id: int, tax_year: str) -> list[PayRecord]:
    """Each PA's last pay record of the tax year (the one _records lists last for them), asked of the
    database, so that only those are read rather than the whole year's."""
    last = func.row_number().over(partition_by=models.StoredPayslip.pa_id,
                                  order_by=(models.PayRun.pay_date.desc(), models.StoredPayslip.id.desc()))
    ranked = (select(models.StoredPayslip.pa_id, models.StoredPayslip.document, last.label("place"))
              .join(models.PayRun).where(models.PayRun.employer_id == employer_id, models.PayRun.tax_year == tax_year)
              .subquery())
    rows = session.execute(select(ranked.c.pa_id, ranked.c.document).where(ranked.c.place == 1)
                           .order_by(ranked.c.pa_id))
    return [from_document(json.loads(document), owner) for owner, document in rows]


def find_pa(session, employer_id: int, name: str) -> models.PersonalAssistant:
    rows = session.scalars(select(models.PersonalAssistant).where(models.PersonalAssistant.employer_id == employer_id))
    wanted = " ".join(name.split()).casefold()
    for row in rows:
        if " ".join(row.name.split()).casefold() == wanted:
            return row
    raise NotFound("YEAR_END_NO_PA_CALLED", name)


def p45(db: Database, employer_id: int, pa_id: int) -> P45:
    """A leaver's P45 from their pay records."""
    with db.session() as s:
        row = s.get(models.PersonalAssistant, pa_id)
        if row is None or row.employer_id != employer_id:
            raise NotFound("PA_GONE")
        name, leaving = row.name, row.leaving_date
        records = _records(s, employer_id, pa_id)
    if leaving is None:
        raise ServiceError("P45_NO_LEAVING_DATE", name)
    try:
        return p45_for(records)
    except YearEndError as error:
        if error.code == "P45_NO_PAY_RECORDS":
            raise ServiceError("P45_NEVER_PAID", name) from None
        raise ServiceError("P45_LAST_DAY_UNPAID", name, leaving=leaving) from None


def write_p45_file(db: Database, employer_id: int, pa_name: str, out: Path) -> P45:
    with db.session() as s:
        pa_id = find_pa(s, employer_id, pa_name).id
    from pa_manager.reports.year_end import write_p45  # ReportLab, loaded only to make the form

    form = p45(db, employer_id, pa_id)
    write_p45(form, Path(out))
    with db.session() as s:
        history.note(s, employer_id, history.P45_MADE, pa_id=pa_id, pa=form.pa.name, leaving_date=form.leaving_date)
    return form


def p60s(db: Database, employer_id: int, tax_year: str, pa_name: str | None = None) -> list[P60]:
    """The P60 of every PA paid in the tax year and still employed on its last day (or of one)."""
    try:
        tax_year_start(tax_year)
    except ValueError:
        raise ServiceError("TAX_YEAR_FORMAT", tax_year) from None
    with db.session() as s:
        pa_id = find_pa(s, employer_id, pa_name).id if pa_name else None
        records = _records(s, employer_id, pa_id, tax_year)
    by_pa: dict = {}
    for record in records:
        by_pa.setdefault(record.pa_id, []).append(record)
    forms = [p60_for(mine, tax_year) for mine in by_pa.values() if employed_at_year_end(mine[-1])]
    if not forms:
        raise ServiceError(Problem.of("P60_NONE_FOR", tax_year, name=pa_name) if pa_name else Problem("P60_NONE", tax_year))
    return forms


def write_p60_files(db: Database, employer_id: int, tax_year: str, folder: Path, pa_name: str | None = None,
                    today: date | None = None) -> list[Path]:
    """One PDF per PA in `folder`, named like "P60 2026-27 Janet Moyo.pdf"."""
    forms = p60s(db, employer_id, tax_year, pa_name)
    if today is not None and today <= tax_year_end(tax_year):
        raise ServiceError("P60_TOO_EARLY", tax_year, ends=tax_year_end(tax_year))
    from pa_manager.reports.year_end import write_p60s  # ReportLab, loaded only to make the forms

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for form in forms:
        path = folder / f"P60 {tax_year} {form.pa.name}.pdf"
        write_p60s([form], path)
        written.append(path)
    with db.session() as s:
        history.note(s, employer_id, history.P60S_MADE, tax_year=tax_year, people=len(forms),
                     pas=[form.pa.name for form in forms])
    return written


def p60_due_items(db: Database, employer_id: int, today: date,
                  within_days: int = rules.DEFAULT_WITHIN_DAYS) -> list[DueItem]:
    """From 6 April to 31 May (and overdue after it, until made): give each PA paid in the year just
    ended, and still employed at its end, their P60. Once every P60 of that year has been made here,
    the item goes."""
    tax_year = tax_year_label(today)
    ended = f"{int(tax_year[:4]) - 1}-{tax_year[2:4]}"
    opens, due = p60_reminder_window(ended)
    if today < opens:
        return []
    with db.session() as s:
        latest = {record.pa_id: record for record in _latest_records(s, employer_id, ended)}
        made = set()
        for change in s.scalars(select(models.Change).where(models.Change.employer_id == employer_id,
                                                            models.Change.code == history.P60S_MADE)):
            facts = json.loads(change.facts)
            if facts.get("tax_year") == ended:
                made.update(facts.get("pas", []))
    owed = sorted(r.pa_name for r in latest.values() if employed_at_year_end(r) and r.pa_name not in made)
    if not owed:
        return []
    status = rules.OVERDUE if today > due else rules.DUE_SOON   # shown from 6 April, not only the last 30 days
    return [DueItem.of(P60_DUE, due, status, tax_year=ended, people=", ".join(owed), count=len(owed),
                       due_by=p60_due(ended))]
