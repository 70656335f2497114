"""Whole-record checks of an employer file before it is imported (services.transfer).

storage.export_schema has checked every value's kind, range and code, and every reference. Here each
record is read the way the app reads it back (services.mapping, shifts.to_shift, rota.pattern_record)
and put to the domain rules that apply when it is typed in: the employer's and each PA's details
(domain.record_checks), pay lines, shifts (domain.shifts, overlaps included), rota patterns and
changes, DBS checks, pay-day extras, pay runs' tax periods, every pay record's document
(domain.pay_record.from_document), courses, training costs, budget years and ledger entries. So a
record that imports is one the screens, commands and pay runs can read; nothing here is stored.

The first problem found is raised as export_schema.FileRefused: a Problem IMPORT_RECORD_INVALID saying
where (table, record id, field) with the domain's own Problem as `reason`, or an IMPORT_* code.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import Any

from pa_manager.domain import budget, training
from pa_manager.domain.budget import BudgetError
from pa_manager.domain.compliance import DBSCheck, StatusCheck, check_dbs_check
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pay_period import check_extra
from pa_manager.domain.pay_record import PayRecordError, from_document
from pa_manager.domain.pension import PensionScheme, TaxRelief, minimum_rates, scheme_shortfalls
from pa_manager.domain.people import PayRateEntry
from pa_manager.domain.record_checks import check_employer, check_pa, check_pay_line
from pa_manager.domain.rota import COVER
from pa_manager.domain.shifts import ShiftError, errors, find_overlaps, local_date, validate_shift
from pa_manager.domain.tax_year import TaxYearError, check_period, tax_year_start
from pa_manager.domain.validation import Problem
from pa_manager.services.mapping import employer_record, pa_record
from pa_manager.services.pay_runs import stored_payslip
from pa_manager.services.rota import pattern_record
from pa_manager.services.shifts import decode_awake, to_shift
from pa_manager.storage import models
from pa_manager.storage.export_schema import FileRefused, shown

Rows = dict[str, list[dict[str, Any]]]

# The column each shift problem belongs to.
_SHIFT_COLUMN = {"SHIFT_END_BEFORE_START": "ends_at", "SHIFT_TOO_LONG": "ends_at",
                 "SHIFT_BREAK_INVALID": "break_minutes", "SLEEP_IN_AWAKE_OUTSIDE": "awake_periods"}
_ROTA_COLUMN = {"ROTA_NO_WEEKDAYS": "weekdays", "ROTA_BAD_WEEKDAY": "weekdays", "ROTA_BAD_INTERVAL": "interval_weeks",
                "ROTA_UNTIL_BEFORE_START": "until", "SHIFT_START_EQUALS_END": "end_time",
                "SHIFT_BREAK_INVALID": "break_minutes"}
# A pay run's columns that its pay records also hold; a pay record's figures kept as columns.
_RUN_FIELDS = ("pay_date", "period_start", "period_end", "frequency", "tax_year", "period")
_SUMMED_FIELDS = tuple(c.name for c in models.StoredPayslip.__table__.c
                       if c.name not in ("id", "employer_id", "pay_run_id", "pa_id", "document"))
_HHMM = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


def invalid(table: str, row: dict[str, Any], field: str, reason: Problem) -> FileRefused:
    """The refusal of a record whose `field` breaks a domain rule, `reason` saying which."""
    return FileRefused(Problem.of("IMPORT_RECORD_INVALID", table=table, record=row["id"], field=field, reason=reason))


def _refuse(code: str, table: str, row: dict[str, Any], field: str, value: Any = None, **params: Any) -> FileRefused:
    return FileRefused(Problem.of(code, value, table=table, record=row["id"], field=field, **params))


def _first(table: str, row: dict[str, Any], found: dict[str, Problem]) -> None:
    if found:
        field, problem = next(iter(found.items()))
        raise invalid(table, row, field, problem)


def check_records(rows: Rows, today: date) -> None:
    """Every record of a checked export (export_schema.check_tables) put to its domain rules."""
    for check in _CHECKS:
        check(rows, today)


def _employer(rows: Rows, today: date) -> None:
    for row in rows["employers"]:
        employer = employer_record(models.Employer(**row))
        _first("employers", row, check_employer(employer))
        # A pay run cannot work out a jobholder's pension below the legal minimum (SchemeBelowMinimum).
        scheme = PensionScheme(employer.pension_employer_rate, employer.pension_employee_rate,
                               TaxRelief(employer.pension_tax_relief))
        minimum = minimum_rates(today)
        for code in scheme_shortfalls(scheme, today):
            field, least = (("pension_employer_rate", minimum.employer) if code == "PENSION_EMPLOYER_BELOW_MINIMUM"
                            else ("pension_employee_rate", minimum.total))
            raise invalid("employers", row, field, Problem.of(code, minimum=least))


def _pas(rows: Rows, today: date) -> None:
    for row in rows["pas"]:
        # Pay lines are checked one by one below, so that the message names the line.
        _first("pas", row, check_pa(pa_record(models.PersonalAssistant(**row)), today))
    for row in rows["pay_rates"]:
        entry = PayRateEntry(row["effective_from"], row["amount"], row["kind"], row["shift_type"], row["multiplier"])
        problem = check_pay_line(entry)
        if problem is not None:
            field = {"PAY_KIND_UNKNOWN": "kind", "SHIFT_TYPE_UNKNOWN": "shift_type"}.get(
                problem.code, "multiplier" if entry.multiplier is not None else "amount")
            raise invalid("pay_rates", row, field, problem)


def _shifts(rows: Rows, today: date) -> None:
    read = []
    for row in rows["shifts"]:
        for field in ("starts_at", "ends_at"):
            if row[field].second:
                raise _refuse("IMPORT_NOT_WHOLE_MINUTES", "shifts", row, field, shown(row[field].isoformat()))
        try:
            awake = decode_awake(row["awake_periods"])
            if any(moment.second for period in awake for moment in period):
                raise ValueError("awake periods are whole minutes")
        except (ValueError, OverflowError, OSError):
            raise _refuse("IMPORT_AWAKE_UNREADABLE", "shifts", row, "awake_periods",
                          shown(row["awake_periods"])) from None
        shift = to_shift(models.Shift(**row))
        if local_date(shift) != row["local_date"]:
            raise _refuse("IMPORT_LOCAL_DATE_WRONG", "shifts", row, "local_date", row["local_date"],
                          expected=local_date(shift))
        for problem in errors(validate_shift(shift)):
            raise invalid("shifts", row, _SHIFT_COLUMN.get(problem.code, "starts_at"),
                          Problem.of(problem.code, problem.value))
        read.append(shift)
    for earlier, later in find_overlaps(read):
        raise FileRefused(Problem.of("IMPORT_SHIFTS_OVERLAP", table="shifts", record=later.key, other=earlier.key))


def _time(table: str, row: dict[str, Any], field: str, blank_allowed: bool = False) -> None:
    text = row[field]
    if not (_HHMM.fullmatch(text) or (blank_allowed and text == "")):
        raise invalid(table, row, field, Problem("TIME_FORMAT", shown(text)))


def _rota(rows: Rows, today: date) -> None:
    for row in rows["rota_patterns"]:
        _time("rota_patterns", row, "start_time")
        _time("rota_patterns", row, "end_time")
        days = row["weekdays"].split(",")
        if not all(d.isascii() and d.isdigit() and len(d) == 1 for d in days):
            raise invalid("rota_patterns", row, "weekdays", Problem("ROTA_BAD_WEEKDAY"))
        try:
            pattern_record(models.RotaPattern(**row))
        except ShiftError as error:
            value = row["end_time"] if error.code == "SHIFT_START_EQUALS_END" else row["break_minutes"]
            raise invalid("rota_patterns", row, _ROTA_COLUMN.get(error.code, "start_time"),
                          Problem(error.code, value)) from None
    for row in rows["rota_changes"]:
        _time("rota_changes", row, "start_time", blank_allowed=True)
        if row["kind"] == COVER and row["cover_pa_id"] is None:
            raise _refuse("IMPORT_VALUE_MISSING", "rota_changes", row, "cover_pa_id")


def _checks(rows: Rows, today: date) -> None:
    statuses = defaultdict(list)
    for row in rows["dbs_status_checks"]:
        statuses[row["dbs_check_id"]].append(StatusCheck(row["checked_on"], row["result"]))
    for row in rows["dbs_checks"]:
        check = DBSCheck(level=row["level"], certificate_number=row["certificate_number"], issue_date=row["issue_date"],
                         processed_by=row["processed_by"], outcome=row["outcome"],
                         risk_assessment_date=row["risk_assessment_date"], update_service=row["update_service"],
                         update_service_renewal=row["update_service_renewal"],
                         status_checks=tuple(statuses[row["id"]]))
        _first("dbs_checks", row, check_dbs_check(check))


def _pay(rows: Rows, today: date) -> None:
    for row in rows["pay_adjustments"]:
        _first("pay_adjustments", row, check_extra(row["kind"], row["description"], row["amount"], row["purpose"]))
    for row in rows["pay_runs"]:
        try:
            tax_year_start(row["tax_year"])
        except TaxYearError as error:
            raise invalid("pay_runs", row, "tax_year", Problem(error.code, shown(row["tax_year"]))) from None
        try:
            check_period(PayFrequency(row["frequency"]), row["period"])
        except TaxYearError as error:
            raise invalid("pay_runs", row, "period", Problem.of(error.code, period=row["period"])) from None
        if row["period_end"] < row["period_start"]:
            raise invalid("pay_runs", row, "period_end", Problem("PERIOD_ENDS_BEFORE_START"))
    runs = {run["id"]: run for run in rows["pay_runs"]}
    for row in rows["payslips"]:
        try:
            record = from_document(json.loads(row["document"]), row["pa_id"])
        except ValueError as error:  # json.JSONDecodeError and PayRecordError are ValueErrors
            code = error.code if isinstance(error, PayRecordError) else "PAY_RECORD_DAMAGED"
            raise invalid("payslips", row, "document", Problem(code)) from None
        except RecursionError:
            raise invalid("payslips", row, "document", Problem("PAY_RECORD_DAMAGED")) from None
        # The record is what was paid; its pay run and the figures kept beside it for sums must say
        # the same, as finalising wrote them (pay_runs.stored_payslip), or sums would disagree with it.
        run = runs[row["pay_run_id"]]
        for field in _RUN_FIELDS:
            if run[field] != getattr(record, field):
                raise _refuse("IMPORT_DISAGREES_WITH_PAY_RECORD", "pay_runs", run, field, other=row["id"])
        kept = stored_payslip(row["employer_id"], row["pay_run_id"], record)
        for field in _SUMMED_FIELDS:
            if row[field] != getattr(kept, field):
                raise _refuse("IMPORT_DISAGREES_WITH_PAY_RECORD", "payslips", row, field, other=row["id"])


def _training(rows: Rows, today: date) -> None:
    catalogue = {c.key for c in training.course_catalogue()}
    low, high = training.REFRESH_MONTHS
    for row in rows["courses"]:
        if row["refresh_months"] is not None and not low <= row["refresh_months"] <= high:
            raise invalid("courses", row, "refresh_months", Problem("REFRESH_MONTHS_INVALID", row["refresh_months"]))
        if row["key"] not in catalogue and not row["name"].strip():
            raise invalid("courses", row, "name", Problem("NAME_MISSING"))
    for row in rows["training_records"]:
        if row["cost"] is not None and row["cost"] < 0:
            raise invalid("training_records", row, "cost", Problem("RATE_NOT_POSITIVE"))


def _budget(rows: Rows, today: date) -> None:
    for row in rows["budget_years"]:
        try:
            budget.BudgetYear(row["label"], row["amount"], row["basis"], row["council_hourly_rate"],
                              row["council_on_cost_rate"], row["opening_balance"], row["surplus_limit_weeks"],
                              row["first_payment_on"], row.get("assessed_contribution"), row.get("support_plan_hours"))
        except BudgetError as error:
            raise invalid("budget_years", row, budget.PROBLEM_FIELDS.get(error.code, "label"),
                          Problem(error.code, shown(row["label"]))) from None
    for row in rows["ledger_entries"]:
        try:
            budget.LedgerEntry(row["on"], row["amount"], row["category"], row["description"], row["source"],
                               row["reference"])
        except BudgetError as error:
            raise invalid("ledger_entries", row, "amount", Problem(error.code, shown(row["category"]))) from None


# In the order the messages should meet them: the employer, then the people, then the rest.
_CHECKS: tuple[Callable[[Rows, date], None], ...] = (_employer, _pas, _shifts, _rota, _checks, _pay, _training, _budget)
