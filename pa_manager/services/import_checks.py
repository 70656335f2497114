"""Whole-record checks of an employer file before it is imported (services.transfer).

storage.export_schema has checked every value's kind, range and code, and every reference. Here each
record is read the way the app reads it back (services.mapping, shifts.to_shift, rota.pattern_record)
and put to the domain rules that apply when it is typed in: the employer's and each PA's details
(domain.record_checks), pay lines, shifts (domain.shifts, overlaps included), rota patterns and
changes, DBS checks, pay-day extras, pay runs' tax periods, every pay record's document
(domain.pay_record.from_document), courses, training costs, budget years, ledger entries, written
statements (their words and the particulars they were made from), vacancies' working patterns, pay scale steps
and the change history's facts (services.history.read_facts). So a
record that imports is one the screens, commands and pay runs can read; nothing here is stored.
RecordChecks takes the records one at a time as the file is read, keeping little between them.

The first problem found is raised as export_schema.FileRefused: a Problem IMPORT_RECORD_INVALID saying
where (table, record id, field) with the domain's own Problem as `reason`, or an IMPORT_* code.
"""
from __future__ import annotations

import json
import re
from array import array
from collections import defaultdict
from datetime import date
from functools import cache
from types import SimpleNamespace
from typing import Any, NamedTuple

from pa_manager.domain import budget, training
from pa_manager.domain.budget import BudgetError
from pa_manager.domain.compliance import DBSCheck, StatusCheck, check_dbs_check
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pay_period import check_extra
from pa_manager.domain.pay_scale import PayStep, check_steps
from pa_manager.domain.pay_record import PayRecordError, from_document
from pa_manager.domain.pension import PensionScheme, TaxRelief, minimum_rates, scheme_shortfalls
from pa_manager.domain.people import PayRateEntry
from pa_manager.domain.record_checks import check_employer, check_pa, check_pay_line
from pa_manager.domain.rota import COVER
from pa_manager.domain.shifts import ShiftError, errors, find_overlaps, local_date, validate_shift
from pa_manager.domain.tax_year import TaxYearError, check_period, tax_year_start
from pa_manager.domain.validation import Problem
from pa_manager.services.history import read_facts
from pa_manager.services.mapping import employer_record, pa_record
from pa_manager.services.pay_runs import payslip_row
from pa_manager.services.rota import pattern_record
from pa_manager.services.shifts import decode_awake, to_shift
from pa_manager.services.recruitment import patterns_from_json
from pa_manager.services.statements import kept_particulars, kept_words
from pa_manager.storage import models
from pa_manager.storage.export_schema import FileRefused, shown

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


class RecordChecks:
    """The checks of every record, one at a time, as a file is read: `row` for each checked record (parents
    first), then `finish` raises the first problem, in the order _ORDER gives (the employer, then the
    people, then the rest), whatever order the tables come in. What is kept between records is small:
    each shift's PA, start, end and id, and the few pay runs and DBS checks."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.found: dict[int, FileRefused] = {}  # the first problem of each table, by its place in _ORDER
        # Each PA's shifts for find_overlaps, as start, end (seconds since 1970) and id, three numbers a shift.
        self.spans: dict[int, array] = defaultdict(lambda: array("q"))
        self.runs: dict[int, dict[str, Any]] = {}
        self.statuses: dict[int, list[StatusCheck]] = defaultdict(list)
        self.dbs_checks: list[dict[str, Any]] = []

    def row(self, table: str, row: dict[str, Any]) -> None:
        if table == "pay_runs":
            self.runs[row["id"]] = row  # a payslip is checked against its run, whether or not the run passes
        place = _ORDER.get(table)
        if place is None or place in self.found:
            return
        try:
            getattr(self, "_" + table)(row)
        except FileRefused as refused:
            self.found[place] = refused

    def finish(self) -> None:
        for row in self.dbs_checks:  # now that every status check has been read
            self.row("dbs_checks_read", row)
        self.dbs_checks.clear()
        if _ORDER["shifts"] not in self.found:
            for pa, spans in self.spans.items():
                shifts = (_Span(pa, spans[i], spans[i + 1], spans[i + 2]) for i in range(0, len(spans), 3))
                for earlier, later in find_overlaps(shifts):
                    self.found[_ORDER["shifts"]] = FileRefused(Problem.of(
                        "IMPORT_SHIFTS_OVERLAP", table="shifts", record=later.key, other=earlier.key))
                    break
                if _ORDER["shifts"] in self.found:
                    break
        self.spans.clear()
        if self.found:
            raise self.found[min(self.found)]

    def _employers(self, row: dict[str, Any]) -> None:
        employer = employer_record(models.Employer(**row))
        _first("employers", row, check_employer(employer))
        # A pay run cannot work out a jobholder's pension below the legal minimum (SchemeBelowMinimum).
        scheme = PensionScheme(employer.pension_employer_rate, employer.pension_employee_rate,
                               TaxRelief(employer.pension_tax_relief))
        minimum = minimum_rates(self.today)
        for code in scheme_shortfalls(scheme, self.today):
            field, least = (("pension_employer_rate", minimum.employer) if code == "PENSION_EMPLOYER_BELOW_MINIMUM"
                            else ("pension_employee_rate", minimum.total))
            raise invalid("employers", row, field, Problem.of(code, minimum=least))

    def _pas(self, row: dict[str, Any]) -> None:
        # Pay lines are checked one by one (_pay_rates), so that the message names the line.
        _first("pas", row, check_pa(pa_record(models.PersonalAssistant(**row)), self.today))

    def _pay_rates(self, row: dict[str, Any]) -> None:
        entry = PayRateEntry(row["effective_from"], row["amount"], row["kind"], row["shift_type"], row["multiplier"])
        problem = check_pay_line(entry)
        if problem is not None:
            field = {"PAY_KIND_UNKNOWN": "kind", "SHIFT_TYPE_UNKNOWN": "shift_type"}.get(
                problem.code, "multiplier" if entry.multiplier is not None else "amount")
            raise invalid("pay_rates", row, field, problem)

    def _shifts(self, row: dict[str, Any]) -> None:
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
        # The columns to_shift reads, without building a model object for each of thousands of shifts.
        shift = to_shift(SimpleNamespace(**row))
        if local_date(shift) != row["local_date"]:
            raise _refuse("IMPORT_LOCAL_DATE_WRONG", "shifts", row, "local_date", row["local_date"],
                          expected=local_date(shift))
        for problem in errors(validate_shift(shift)):
            raise invalid("shifts", row, _SHIFT_COLUMN.get(problem.code, "starts_at"),
                          Problem.of(problem.code, problem.value))
        self.spans[shift.pa].extend((int(shift.start.timestamp()), int(shift.end.timestamp()), shift.key))

    def _rota_patterns(self, row: dict[str, Any]) -> None:
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

    def _rota_changes(self, row: dict[str, Any]) -> None:
        _time("rota_changes", row, "start_time", blank_allowed=True)
        if row["kind"] == COVER and row["cover_pa_id"] is None:
            raise _refuse("IMPORT_VALUE_MISSING", "rota_changes", row, "cover_pa_id")

    def _dbs_status_checks(self, row: dict[str, Any]) -> None:
        self.statuses[row["dbs_check_id"]].append(StatusCheck(row["checked_on"], row["result"]))

    def _dbs_checks(self, row: dict[str, Any]) -> None:
        self.dbs_checks.append(row)  # checked at the end, with its status checks (a later table)

    def _dbs_checks_read(self, row: dict[str, Any]) -> None:
        check = DBSCheck(level=row["level"], certificate_number=row["certificate_number"], issue_date=row["issue_date"],
                         processed_by=row["processed_by"], outcome=row["outcome"],
                         risk_assessment_date=row["risk_assessment_date"], update_service=row["update_service"],
                         update_service_renewal=row["update_service_renewal"],
                         status_checks=tuple(self.statuses[row["id"]]))
        _first("dbs_checks", row, check_dbs_check(check))

    def _pay_adjustments(self, row: dict[str, Any]) -> None:
        _first("pay_adjustments", row, check_extra(row["kind"], row["description"], row["amount"], row["purpose"]))

    def _pay_runs(self, row: dict[str, Any]) -> None:
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

    def _payslips(self, row: dict[str, Any]) -> None:
        try:
            record = from_document(json.loads(row["document"]), row["pa_id"])
        except ValueError as error:  # json.JSONDecodeError and PayRecordError are ValueErrors
            code = error.code if isinstance(error, PayRecordError) else "PAY_RECORD_DAMAGED"
            raise invalid("payslips", row, "document", Problem(code)) from None
        except RecursionError:
            raise invalid("payslips", row, "document", Problem("PAY_RECORD_DAMAGED")) from None
        # The record is what was paid; its pay run and the figures kept beside it for sums must say
        # the same, as finalising wrote them (pay_runs.payslip_row), or sums would disagree with it.
        run = self.runs[row["pay_run_id"]]
        for field in _RUN_FIELDS:
            if run[field] != getattr(record, field):
                raise _refuse("IMPORT_DISAGREES_WITH_PAY_RECORD", "pay_runs", run, field, other=row["id"])
        kept = payslip_row(row["employer_id"], row["pay_run_id"], record)
        for field in _SUMMED_FIELDS:
            if row[field] != kept[field]:
                raise _refuse("IMPORT_DISAGREES_WITH_PAY_RECORD", "payslips", row, field, other=row["id"])

    def _written_statements(self, row: dict[str, Any]) -> None:
        # Read as services.statements reads a kept statement: its words, and the particulars it was made from.
        for field, read in (("document", kept_words), ("particulars", kept_particulars)):
            try:
                read(row[field])
            except (ValueError, RecursionError):  # json.JSONDecodeError is a ValueError
                raise invalid("written_statements", row, field, Problem("STATEMENT_DAMAGED")) from None

    def _pay_scale_steps(self, row: dict[str, Any]) -> None:
        # Each step as the pay scale's form checks it (whole pence above nothing, 0 to 50 years).
        found = check_steps([PayStep(row["years"], row["hourly_rate"])])
        _first("pay_scale_steps", row, {"years" if key.startswith("years") else "hourly_rate": Problem(code)
                                        for key, code in found.items()})

    def _vacancies(self, row: dict[str, Any]) -> None:
        try:
            patterns_from_json(row["patterns"])  # as services.recruitment reads them
        except (ValueError, RecursionError):
            raise invalid("vacancies", row, "patterns", Problem("VACANCY_PATTERNS_DAMAGED")) from None

    def _changes(self, row: dict[str, Any]) -> None:
        try:
            read_facts(row["code"], row["facts"])  # as the change history's words need them
        except (ValueError, RecursionError):
            raise invalid("changes", row, "facts", Problem("HISTORY_ENTRY_DAMAGED")) from None

    def _courses(self, row: dict[str, Any]) -> None:
        low, high = training.REFRESH_MONTHS
        if row["refresh_months"] is not None and not low <= row["refresh_months"] <= high:
            raise invalid("courses", row, "refresh_months", Problem("REFRESH_MONTHS_INVALID", row["refresh_months"]))
        if row["key"] not in _catalogue() and not row["name"].strip():
            raise invalid("courses", row, "name", Problem("NAME_MISSING"))

    def _training_records(self, row: dict[str, Any]) -> None:
        if row["cost"] is not None and row["cost"] < 0:
            raise invalid("training_records", row, "cost", Problem("RATE_NOT_POSITIVE"))

    def _budget_years(self, row: dict[str, Any]) -> None:
        try:
            budget.BudgetYear(row["label"], row["amount"], row["basis"], row["council_hourly_rate"],
                              row["council_on_cost_rate"], row["opening_balance"], row["surplus_limit_weeks"],
                              row["first_payment_on"], row.get("assessed_contribution"), row.get("support_plan_hours"))
        except BudgetError as error:
            raise invalid("budget_years", row, budget.PROBLEM_FIELDS.get(error.code, "label"),
                          Problem(error.code, shown(row["label"]))) from None

    def _ledger_entries(self, row: dict[str, Any]) -> None:
        try:
            budget.LedgerEntry(row["on"], row["amount"], row["category"], row["description"], row["source"],
                               row["reference"])
        except BudgetError as error:
            raise invalid("ledger_entries", row, "amount", Problem(error.code, shown(row["category"]))) from None


class _Span(NamedTuple):
    """What find_overlaps reads of a shift (it only compares start and end)."""

    pa: int
    start: int
    end: int
    key: int


@cache
def _catalogue() -> frozenset[str]:
    return frozenset(c.key for c in training.course_catalogue())


def _time(table: str, row: dict[str, Any], field: str, blank_allowed: bool = False) -> None:
    text = row[field]
    if not (_HHMM.fullmatch(text) or (blank_allowed and text == "")):
        raise invalid(table, row, field, Problem("TIME_FORMAT", shown(text)))


# Where each table's problems come in the order the messages should meet them: the employer, then the
# people, then the rest (a shift's overlap after every shift's own problems; a DBS check after its status checks).
_ORDER = {table: place for place, table in enumerate((
    "employers", "pas", "pay_rates", "shifts", "rota_patterns", "rota_changes", "dbs_status_checks", "dbs_checks",
    "dbs_checks_read", "pay_adjustments", "pay_runs", "payslips", "courses", "training_records", "budget_years",
    "ledger_entries", "written_statements", "vacancies", "pay_scale_steps", "changes"))}
