"""Bringing stored pay records written in an older format up to today's (domain.pay_record).

Version 1 records kept the figures but not the employer's and the PA's details, nor the holiday
position. When a version 1 record is upgraded (by migration 0008, or when an older export is
imported), those details are taken from the rows as they are at that moment: the best that is known,
and from then on kept with the record and never changed again.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, select

from pa_manager.domain import holiday
from pa_manager.domain.pay_record import EmployerDetails, PADetails, upgrade_v1, upgrade_v2, upgrade_v3
from pa_manager.storage.models import Employer, PayRun, PersonalAssistant, StoredPayslip


def _employer(row) -> EmployerDetails:
    return EmployerDetails(row.name, row.address or "", row.postcode or "", row.paye_reference or "",
                           row.accounts_office_reference or "", row.pension_provider or "",
                           row.pension_tax_relief or "")


def _pa(row) -> PADetails:
    return PADetails(row.name, row.ni_number or "", row.date_of_birth, row.address or "", row.postcode or "",
                     row.job_title or "", row.start_date, row.leaving_date)


def upgrade_version_1_records(connection: Connection, employer_id: int | None = None) -> int:
    """Rewrite every version 1 record (of one employer, or of all) as the current version; returns
    how many. Holiday: only what was taken (and, for irregular hours, earned) in the leave year."""
    query = (select(StoredPayslip.id, StoredPayslip.pa_id, StoredPayslip.document, StoredPayslip.employer_id,
                    PayRun.pay_date, PayRun.period_start)
             .join(PayRun, PayRun.id == StoredPayslip.pay_run_id).order_by(PayRun.pay_date, StoredPayslip.id))
    if employer_id is not None:
        query = query.where(StoredPayslip.employer_id == employer_id)
    rows = [r for r in connection.execute(query) if '"format_version"' not in r.document]
    if not rows:
        return 0
    # Named columns only: this also runs inside migration 0008, before any later column exists.
    employers = {r.id: _employer(r) for r in connection.execute(select(
        Employer.id, Employer.name, Employer.address, Employer.postcode, Employer.paye_reference,
        Employer.accounts_office_reference, Employer.pension_provider, Employer.pension_tax_relief))}
    pas = {r.id: r for r in connection.execute(select(
        PersonalAssistant.id, PersonalAssistant.name, PersonalAssistant.ni_number, PersonalAssistant.date_of_birth,
        PersonalAssistant.address, PersonalAssistant.postcode, PersonalAssistant.job_title,
        PersonalAssistant.start_date, PersonalAssistant.leaving_date, PersonalAssistant.irregular_hours))}
    sums = connection.execute(
        select(StoredPayslip.pa_id, PayRun.pay_date, StoredPayslip.holiday_hours_accrued,
               StoredPayslip.holiday_hours_taken).join(PayRun, PayRun.id == StoredPayslip.pay_run_id)).all()
    for row in rows:
        pa = pas[row.pa_id]
        starts = holiday.leave_year_start(row.period_start)
        mine = [s for s in sums if s.pa_id == row.pa_id and starts <= s.pay_date <= row.pay_date]
        earned = sum((Decimal(s.holiday_hours_accrued) for s in mine), Decimal(0)) if pa.irregular_hours else None
        taken = sum((Decimal(s.holiday_hours_taken) for s in mine), Decimal(0))
        position = holiday.holiday_position(starts, holiday.NOT_RECORDED, taken, earned=earned)
        document = upgrade_v3(upgrade_v2(upgrade_v1(json.loads(row.document), employers[row.employer_id], _pa(pa),
                                                position)))
        connection.execute(StoredPayslip.__table__.update().where(StoredPayslip.id == row.id)
                           .values(document=json.dumps(document, sort_keys=True)))
    return len(rows)


def repeated_periods(runs: Iterable[tuple[int, int, date, date]]) -> set[int]:
    """Pay runs made before one run per period was the rule that paid a period (or part of one)
    again: (id, employer id, first day, last day), in the order they were finalised. They are kept,
    because they are what was paid, and marked so the rule holds for every run after them."""
    repeats, kept = set(), {}
    for run_id, employer_id, start, end in runs:
        earlier = kept.setdefault(employer_id, [])
        if any(s <= end and e >= start for s, e in earlier):
            repeats.add(run_id)
        else:
            earlier.append((start, end))
    return repeats
