"""A staff list (CSV or XLSX) turned into PA records, with the problems of each row by line number.

Columns: name, date_of_birth, ni_number, start_date, hourly_rate, tax_code, ni_category,
earlier_payroll_last_paid, payroll_id (the last six optional; the last two are the last pay day another
payroll reported to HMRC for a PA the employer brings to PA Manager, so their first FPS does not make them
a starter, and the payroll ID it sent, which PA Manager's FPS sends again). Optional too, when that payroll
paid them earlier in the same tax year: its figures to date in columns named as domain.earlier_payroll names
them (earlier_payroll_taxable_pay, earlier_payroll_tax, earlier_payroll_ni_pay, earlier_payroll_at_lel,
earlier_payroll_lel_to_pt, earlier_payroll_pt_to_uel, earlier_payroll_employee_ni,
earlier_payroll_employer_ni, earlier_payroll_student_loan, earlier_payroll_postgraduate_loan), in pounds.
Rows are parsed here; whole-record rules are checked by the service.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pa_manager.domain.earlier_payroll import PA_FIELDS
from pa_manager.domain.money import parse_money
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.domain.validation import Problem
from pa_manager.importers.table_file import cell_text, parse_date, read_table

REQUIRED_COLUMNS = {"name", "date_of_birth", "ni_number"}
OPTIONAL_COLUMNS = {"start_date", "hourly_rate", "tax_code", "ni_category", "earlier_payroll_last_paid",
                    "payroll_id", *PA_FIELDS}


@dataclass(frozen=True)
class StaffRow:
    line: int
    record: PARecord | None  # None when the row could not be read at all
    problems: tuple[tuple[str, Problem], ...]  # (column, problem)


def read_staff_list(path: Path) -> list[StaffRow]:
    return [_parse(row.line, row.values) for row in read_table(path, REQUIRED_COLUMNS)]


def _parse(line: int, values: dict) -> StaffRow:
    problems: list[tuple[str, Problem]] = []
    name = cell_text(values.get("name"))
    if not name:
        problems.append(("name", Problem("NAME_MISSING")))

    def read_date(column: str, required: bool):
        raw = values.get(column)
        if cell_text(raw) == "":
            if required:
                problems.append((column, Problem("DATE_MISSING", column)))
            return None
        try:
            return parse_date(raw)
        except ValueError:
            problems.append((column, Problem("DATE_FORMAT", cell_text(raw))))
            return None

    date_of_birth = read_date("date_of_birth", required=True)
    start_date = read_date("start_date", required=False)
    earlier_payroll_last_paid = read_date("earlier_payroll_last_paid", required=False)
    figures = {}
    for column in PA_FIELDS:  # the earlier payroll's figures to date; blank: not recorded
        text = cell_text(values.get(column))
        try:
            figures[column] = parse_money(text) if text else None
        except ValueError:
            problems.append((column, Problem("MONEY_FORMAT", text)))
    rates: tuple[PayRateEntry, ...] = ()
    rate_text = cell_text(values.get("hourly_rate"))
    if rate_text:
        try:
            rate = parse_money(rate_text)
        except ValueError:
            problems.append(("hourly_rate", Problem("MONEY_FORMAT", rate_text)))
        else:
            # A rate needs the date it started from; the start date is the natural one.
            if start_date is None:
                problems.append(("start_date", Problem("RATE_NEEDS_START_DATE")))
            else:
                rates = (PayRateEntry(start_date, rate),)
    record = PARecord(
        name=name,
        date_of_birth=date_of_birth,
        ni_number=cell_text(values.get("ni_number")),
        start_date=start_date,
        tax_code=cell_text(values.get("tax_code")),
        ni_category=(cell_text(values.get("ni_category")) or "A").upper(),
        pay_rates=rates,
        earlier_payroll_last_paid=earlier_payroll_last_paid,
        payroll_id=cell_text(values.get("payroll_id")),
        **figures,
    )
    return StaffRow(line, record, tuple(problems))
