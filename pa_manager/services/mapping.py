"""Copying between stored rows and the plain records the rest of the app sees.

Screens never hold ORM objects: a record is built inside the session and is safe after it closes.
"""
from __future__ import annotations

from dataclasses import fields

from sqlalchemy import inspect, select
from sqlalchemy.orm.attributes import flag_modified

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.nation import Nation
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.storage import models

# The version is the row's own (storage.models.version_column): read into records, never copied back.
_EMPLOYER_FIELDS = [f.name for f in fields(EmployerRecord) if f.name not in {"id", "version"}]
_PA_FIELDS = [f.name for f in fields(PARecord) if f.name not in {"id", "pay_rates", "version"}]


def employer_record(row: models.Employer) -> EmployerRecord:
    values = {name: getattr(row, name) for name in _EMPLOYER_FIELDS}
    values["nation"] = Nation(row.nation)
    values["pay_frequency"] = PayFrequency(row.pay_frequency)
    return EmployerRecord(id=row.id, version=row.version, **values)


def copy_employer(record: EmployerRecord, row: models.Employer) -> None:
    for name in _EMPLOYER_FIELDS:
        value = getattr(record, name)
        setattr(row, name, value.value if name in {"nation", "pay_frequency"} else value)


def pa_record(row: models.PersonalAssistant) -> PARecord:
    lines = [(r.effective_from, r.kind, r.shift_type, r.amount, r.multiplier) for r in row.pay_rates]
    return _pa_from(row.id, row.version, {name: getattr(row, name) for name in _PA_FIELDS}, lines)


def pa_records_where(session, condition) -> list[PARecord]:
    """pa_record of each PA the condition picks (in no particular order), read as plain rows rather than
    stored objects with their pay lines: the same records, several times quicker (the dashboard reads
    every PA and years of pay lines each time it is shown)."""
    pa, rate = models.PersonalAssistant, models.PayRate
    rows = session.execute(select(pa.id, pa.version, *(getattr(pa, name) for name in _PA_FIELDS)).where(condition)).all()
    lines: dict[int, list[tuple]] = {}
    for pa_id, *line in session.execute(
            select(rate.pa_id, rate.effective_from, rate.kind, rate.shift_type, rate.amount, rate.multiplier)
            .join(pa, pa.id == rate.pa_id).where(condition)):
        lines.setdefault(pa_id, []).append(tuple(line))
    return [_pa_from(pa_id, version, dict(zip(_PA_FIELDS, values)), lines.get(pa_id, ()))
            for pa_id, version, *values in rows]


def _pa_from(pa_id: int, version: int, values: dict, lines) -> PARecord:
    """A PA's record from its details and its pay lines, each (effective_from, kind, shift_type, amount,
    multiplier), put in key order whether just added in this session or read back from the database."""
    rates = tuple(PayRateEntry(day, amount, kind, shift_type, multiplier)
                  for day, kind, shift_type, amount, multiplier in sorted(lines, key=lambda line: line[:3]))
    return PARecord(id=pa_id, version=version, pay_rates=rates, **values)


def copy_pa(record: PARecord, row: models.PersonalAssistant) -> None:
    """The record's details and pay lines onto the row. A change to the pay lines alone moves the PA's
    version on too: they are part of what the PA form edits."""
    for name in _PA_FIELDS:
        setattr(row, name, getattr(record, name))
    wanted = {line.key: line for line in record.pay_rates}
    lines_changed = bool(wanted.keys() - {(r.effective_from, r.kind, r.shift_type) for r in row.pay_rates})
    for stored in list(row.pay_rates):
        line = wanted.pop((stored.effective_from, stored.kind, stored.shift_type), None)
        if line is None:
            row.pay_rates.remove(stored)
            lines_changed = True
        elif (stored.amount, stored.multiplier) != (line.amount, line.multiplier):
            stored.amount, stored.multiplier = line.amount, line.multiplier
            lines_changed = True
    if lines_changed and inspect(row).persistent:
        flag_modified(row, "name")  # an UPDATE of the PA's row, so its version moves on
    for line in wanted.values():
        row.pay_rates.append(
            models.PayRate(
                employer_id=row.employer_id, effective_from=line.effective_from, kind=line.kind,
                shift_type=line.shift_type, amount=line.amount, multiplier=line.multiplier,
            )
        )
