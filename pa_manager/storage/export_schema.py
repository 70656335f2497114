"""What an exported employer file may hold: every table, column and kind of value, read off the models.

An export (services.transfer) is one employer's rows, table by table, as JSON. Before anything is
stored the file is checked whole: `check_tables` (shapes, kinds, ranges, codes, references) and
`check_repeats` (records that may not repeat) raise FileRefused naming the first problem, as a
domain Problem whose code messages.py words, with where it is (table, record id, field) and the value
as the file has it. `read_value` turns a checked value into what its column stores; load_employer
reads every value through it, so what is checked and what is stored cannot drift apart.

Read off the models, so that a new table or column needs no edit here:
  * the tables: every table an employer owns (owned_tables);
  * each column's kind of value, from its type (KINDS below);
  * whether it may be null (nullable), and whether a record may leave it out (nullable, or a default);
  * the length of text: String(n), or TEXT_LIMIT for Text;
  * references: a foreign key holds the id of a record of the file (each employer_id the employer's
    own), and ids are whole numbers, once each per table;
  * which records may not repeat: unique constraints and unique indexes, a partial index (pay runs'
    "repeats_period = 0") only among the records it covers.
Declared by hand (CODES): which columns hold a code, and the domain list of the codes; a coded column
whose default is "" may also be "" (nothing chosen). tests/storage/test_export_schema.py checks every
entry names a real column.

Unknown tables and fields are refused, not ignored. The file is a complete copy made by PA Manager at
a known schema revision (one from a newer revision is refused before this), so a name PA Manager does
not know means the file was edited or made by something else; dropping it silently would store less
than the person believes they imported, and they could not tell.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, LargeBinary, String, Table, UniqueConstraint

from pa_manager.domain import attachment_of_earnings, budget, cases, compliance, family_pay, induction, keeping, pay_period, recruitment, rota, shifts, training
from pa_manager.domain.dates import FIRST_YEAR, LAST_YEAR
from pa_manager.domain.money import AMOUNT_LIMIT, PENNY
from pa_manager.domain.nation import Nation
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pension import MembershipStatus, TaxRelief
from pa_manager.domain.people import NI_CATEGORIES, PAY_KINDS
from pa_manager.domain.validation import Problem
from pa_manager.storage.models import Base
from pa_manager.storage.types import ExactDecimal, Pence, UtcInstant

EMPLOYERS = "employers"

# Kinds of value, from the column types.
ID = "id"              # the primary key: a whole number, once per table
REFERENCE = "reference"  # a foreign key: the id of a record of the file
TEXT = "text"
INTEGER = "integer"    # a count or a number of something: 0 to the largest INTEGER PostgreSQL keeps
BOOLEAN = "boolean"
DATE = "date"          # "2026-04-03"
INSTANT = "instant"    # "2026-04-03T08:00:00+00:00": a moment, with its offset, in whole seconds
MONEY = "money"        # "12.71" (a JSON number is read through its decimal text): whole pence
NUMBER = "number"      # "37.5": hours, fractions and multipliers, kept exactly as text
FILE = "file"          # {"base64": "..."}: a certificate kept with the data

INTEGER_LIMIT = 2**31 - 1
ID_LIMIT = 2**63 - 1
# Text columns have no length of their own; nothing a person types comes near this, and a pay
# record's whole document (the longest text stored) is a few thousand characters.
TEXT_LIMIT = 1_000_000
SHOWN_LIMIT = 40  # characters of an offending value quoted in a message
_LIMIT = int(AMOUNT_LIMIT)  # money and numbers are below this either way (domain.money)


def _members(values: Any) -> Callable[[], frozenset]:
    # Read when first wanted, then kept: an import asks for them once for each coded value.
    if isinstance(values, type) and issubclass(values, Enum):
        return cache(lambda: frozenset(m.value for m in values))
    if callable(values):
        return cache(lambda: frozenset(values()))
    return cache(lambda: frozenset(values))


# Columns holding a code, and where the domain lists the codes.
CODES: dict[tuple[str, str], Callable[[], frozenset]] = {
    ("employers", "nation"): _members(Nation),
    ("employers", "pay_frequency"): _members(PayFrequency),
    ("employers", "pension_tax_relief"): _members(TaxRelief),
    ("pas", "ni_category"): _members(NI_CATEGORIES),
    ("pas", "pension_status"): _members(MembershipStatus),
    ("pay_rates", "kind"): _members(PAY_KINDS),
    ("pay_rates", "shift_type"): _members(shifts.ShiftType),
    ("shifts", "shift_type"): _members(shifts.ShiftType),
    ("shifts", "source"): _members(shifts.SOURCES),
    ("rota_patterns", "shift_type"): _members(shifts.ShiftType),
    ("rota_changes", "kind"): _members(rota.CHANGE_KINDS),
    ("dbs_checks", "level"): _members(compliance.DBS_LEVELS),
    ("dbs_checks", "outcome"): _members(compliance.DBS_OUTCOMES),
    ("dbs_status_checks", "result"): _members(compliance.STATUS_CHECK_RESULTS),
    ("right_to_work_checks", "method"): _members(compliance.RIGHT_TO_WORK_METHODS),
    ("pay_adjustments", "kind"): _members(pay_period.EXTRA_KINDS),
    ("pay_runs", "frequency"): _members(PayFrequency),
    ("payslips", "ni_category"): _members(NI_CATEGORIES),
    ("training_records", "funding_source"): _members(training.FUNDING_SOURCES),
    ("meetings", "kind"): _members(training.MEETING_KINDS),
    ("care_certificate_progress", "standard"): _members(
        lambda: (s.number for s in training.care_certificate_standards())),
    ("budget_years", "basis"): _members(budget.PAYMENTS_PER_YEAR),
    ("ledger_entries", "category"): _members(budget.CATEGORIES),
    ("ledger_entries", "source"): _members(budget.SOURCES),
    ("vacancies", "status"): _members(recruitment.VACANCY_STATUSES),
    ("applicants", "status"): _members(recruitment.APPLICANT_STATUSES),
    ("applicants", "source"): _members(recruitment.SOURCES),
    ("induction_items", "kind"): _members(induction.KINDS),
    ("probation_reviews", "outcome"): _members(induction.OUTCOMES),
    ("exit_records", "reason"): _members(keeping.REASONS),
    ("hr_cases", "kind"): _members(cases.KINDS),
    ("hr_case_steps", "kind"): _members(cases.STEP_KINDS),
    ("family_leave", "kind"): _members(family_pay.KINDS),
    ("earnings_orders", "kind"): _members(attachment_of_earnings.KINDS),
    ("earnings_orders", "rate_period"): _members(attachment_of_earnings.RATE_PERIODS),
}


class FileRefused(ValueError):
    """The file cannot be imported; `problem` says what, where and with which value."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    nullable: bool
    optional: bool  # a record may leave it out: it is nullable or has a default
    length: int | None = None
    refers_to: str | None = None
    codes: Callable[[], frozenset] | None = None
    default: Any = None  # what a record that leaves it out gets (its scalar default, or None)


@dataclass(frozen=True)
class Repeat:
    """Columns whose values together may appear once; `only_where` limits it to records with that value."""

    columns: tuple[str, ...]
    only_where: tuple[str, Any] | None = None


@dataclass(frozen=True)
class TableSchema:
    name: str
    fields: dict[str, Field]
    repeats: tuple[Repeat, ...]


def _kind(column) -> str:
    kind = column.type
    if column.primary_key:
        return ID
    if column.foreign_keys:
        return REFERENCE
    if isinstance(kind, Pence):
        return MONEY
    if isinstance(kind, ExactDecimal):
        return NUMBER
    if isinstance(kind, UtcInstant):
        return INSTANT
    if isinstance(kind, Boolean):
        return BOOLEAN
    if isinstance(kind, Integer):
        return INTEGER
    if isinstance(kind, DateTime):
        raise TypeError(f"{column}: store moments as UtcInstant")
    if isinstance(kind, Date):
        return DATE
    if isinstance(kind, LargeBinary):
        return FILE
    if isinstance(kind, String):
        return TEXT
    raise TypeError(f"{column}: no kind of value for {kind!r}; add one to export_schema")


def _field(table: Table, column) -> Field:
    kind = _kind(column)
    has_default = column.default is not None or column.server_default is not None
    codes = CODES.get((table.name, column.name))
    if codes is not None and _default(column) == "":
        codes = (lambda found: cache(lambda: found() | {""}))(codes)
    return Field(
        name=column.name, kind=kind, nullable=bool(column.nullable) and kind != ID,
        optional=kind != ID and (bool(column.nullable) or has_default),
        length=(column.type.length or TEXT_LIMIT) if kind == TEXT else None,
        refers_to=next(iter(column.foreign_keys)).column.table.name if kind == REFERENCE else None,
        codes=codes, default=_default(column),
    )


def _default(column) -> Any:
    default = column.default
    return getattr(default, "arg", None) if default is not None and default.is_scalar else None


_WHERE = re.compile(r"\s*(\w+)\s*=\s*(0|1|false|true)\s*", re.IGNORECASE)


def _repeats(table: Table) -> tuple[Repeat, ...]:
    found = [Repeat(tuple(c.name for c in constraint.columns)) for constraint in table.constraints
             if isinstance(constraint, UniqueConstraint)]
    for index in table.indexes:
        if not index.unique:
            continue
        where = next((options.get("where") for options in index.dialect_options.values()
                      if options.get("where") is not None), None)
        only = None
        if where is not None:
            match = _WHERE.fullmatch(str(where))
            if match is None:
                raise TypeError(f"{index.name}: export_schema reads only 'column = 0/1' conditions")
            only = (match[1], match[2].lower() in ("1", "true"))
        found.append(Repeat(tuple(c.name for c in index.columns), only))
    return tuple(found)


def owned_tables() -> list[Table]:
    """The tables an employer owns, which an export holds: in insert order (parents first)."""
    return [t for t in Base.metadata.sorted_tables if t.name == EMPLOYERS or "employer_id" in t.c]


def owned_by(table: Table, employer_id: int):
    """The condition picking the rows of `table` (one of owned_tables) that are the employer's."""
    return (table.c.id if table.name == EMPLOYERS else table.c.employer_id) == employer_id


@cache
def schema() -> dict[str, TableSchema]:
    """Every table of an export, parents first (the order they are checked and stored in)."""
    return {table.name: TableSchema(table.name, {c.name: _field(table, c) for c in table.c}, _repeats(table))
            for table in owned_tables()}


def text_limit(table: str, column: str) -> int:
    """The most characters column `column` of `table` holds (TEXT_LIMIT for a Text column): what an
    import of this file would accept, so what any import into it must keep to."""
    return schema()[table].fields[column].length


# --- values ------------------------------------------------------------------------------------------

class _Bad(Exception):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def shown(raw: Any) -> str:
    """A value from the file as a message may quote it: JSON, on one line, printable, and short."""
    try:
        text = json.dumps(raw, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(raw)
    # Anything that does not print (a line separator, a control, half a character) as its escape.
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}"
                   for c in text)
    return text if len(text) <= SHOWN_LIMIT else text[:SHOWN_LIMIT - 1] + "…"


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(raw: Any, strict: bool) -> date:
    if strict and (not isinstance(raw, str) or not _ISO_DATE.fullmatch(raw)):
        raise _Bad("IMPORT_NOT_A_DATE")
    try:
        day = date.fromisoformat(raw)
    except (TypeError, ValueError):
        raise _Bad("IMPORT_NOT_A_DATE") from None
    if strict and not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise _Bad("IMPORT_DATE_OUT_OF_RANGE", first=FIRST_YEAR, last=LAST_YEAR)
    return day


def _instant(raw: Any, strict: bool) -> datetime:
    if strict and (not isinstance(raw, str) or not _ISO_DATE.match(raw)):
        raise _Bad("IMPORT_NOT_A_MOMENT")
    try:
        moment = datetime.fromisoformat(raw)
    except (TypeError, ValueError):
        raise _Bad("IMPORT_NOT_A_MOMENT") from None
    if strict:
        if moment.tzinfo is None or moment.utcoffset() is None or moment.microsecond:
            raise _Bad("IMPORT_NOT_A_MOMENT")
        if not FIRST_YEAR <= moment.year <= LAST_YEAR:
            raise _Bad("IMPORT_DATE_OUT_OF_RANGE", first=FIRST_YEAR, last=LAST_YEAR)
        return moment.astimezone(timezone.utc)
    return moment


def _decimal(raw: Any, code: str, strict: bool) -> Decimal:
    if strict and (isinstance(raw, bool) or not isinstance(raw, (str, int, float))):
        raise _Bad(code, limit=_LIMIT)
    try:
        # A JSON number is read through its decimal text, so 12.71 is 12.71, not the float nearest it.
        value = Decimal(str(raw).strip())
    except (InvalidOperation, ValueError):
        raise _Bad(code, limit=_LIMIT) from None
    if strict and (not value.is_finite() or abs(value) >= AMOUNT_LIMIT):
        raise _Bad(code, limit=_LIMIT)
    return abs(value) if value.is_zero() else value


def _text(raw: Any, length: int) -> str:
    if not isinstance(raw, str):
        raise _Bad("IMPORT_NOT_TEXT")
    if len(raw) > length:
        raise _Bad("IMPORT_TEXT_TOO_LONG", length=len(raw), limit=length)
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        raise _Bad("IMPORT_TEXT_UNREADABLE") from None
    if "\x00" in raw:
        raise _Bad("IMPORT_TEXT_UNREADABLE")
    return raw


def _whole(raw: Any, low: int, high: int, code: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or not low <= raw <= high:
        raise _Bad(code, low=low, high=high)
    return raw


_FILE_LIMIT_MB = training.MAX_CERTIFICATE_BYTES // (1024 * 1024)


def _file(raw: Any, strict: bool) -> bytes:
    if strict:
        if not isinstance(raw, dict) or set(raw) != {"base64"} or not isinstance(raw["base64"], str):
            raise _Bad("IMPORT_NOT_A_FILE")
        if len(raw["base64"]) > (training.MAX_CERTIFICATE_BYTES + 2) // 3 * 4:
            raise _Bad("IMPORT_FILE_TOO_LARGE", limit=_FILE_LIMIT_MB)
    try:
        return base64.b64decode(raw["base64"], validate=True)
    except (binascii.Error, ValueError, TypeError, KeyError):
        raise _Bad("IMPORT_NOT_A_FILE") from None


def _value(field: Field, raw: Any, strict: bool = True) -> Any:
    """The value `raw` (not null) stands for in `field`'s column. With `strict`, only one that passes
    every check of its kind, range and code; otherwise it is only converted (see read_value)."""
    kind = field.kind
    if kind in (ID, REFERENCE):
        return _whole(raw, 1, ID_LIMIT, "IMPORT_NOT_AN_ID") if strict else raw
    if kind == TEXT:
        value = _text(raw, field.length) if strict else raw
    elif kind == INTEGER:
        value = _whole(raw, 0, INTEGER_LIMIT, "IMPORT_NOT_WHOLE_NUMBER") if strict else raw
    elif kind == BOOLEAN:
        if strict and not isinstance(raw, bool):
            raise _Bad("IMPORT_NOT_TRUE_OR_FALSE")
        value = raw
    elif kind == DATE:
        value = _date(raw, strict)
    elif kind == INSTANT:
        value = _instant(raw, strict)
    elif kind == MONEY:
        value = _decimal(raw, "IMPORT_NOT_MONEY", strict)
        if strict and value != value.quantize(PENNY):
            raise _Bad("IMPORT_NOT_MONEY", limit=_LIMIT)
    elif kind == NUMBER:
        value = _decimal(raw, "IMPORT_NOT_A_NUMBER", strict)
        if strict and len(str(value)) > ExactDecimal.impl.length:
            raise _Bad("IMPORT_NOT_A_NUMBER", limit=_LIMIT)
    elif kind == FILE:
        value = _file(raw, strict)
    else:  # pragma: no cover - _kind gives one of the above
        raise AssertionError(kind)
    if strict and field.codes is not None and value not in (allowed := field.codes()):
        raise _Bad("IMPORT_CODE_UNKNOWN", allowed=", ".join(str(a) for a in sorted(a for a in allowed if a != "")))
    return value


def read_value(table: str, name: str, raw: Any) -> Any:
    """What column `name` of `table` stores for a value as exported (JSON). Only converts: a file
    being imported is checked first (check_tables), and a snapshot put back by undo is stored as it
    was, whatever an older version let through. Raises ValueError for a value of the wrong shape."""
    if raw is None:
        return None
    try:
        return _value(schema()[table].fields[name], raw, strict=False)
    except _Bad as bad:
        raise ValueError(bad.code) from None


# --- the file ----------------------------------------------------------------------------------------

def _refuse(code: str, value: Any = None, **where: Any) -> FileRefused:
    return FileRefused(Problem.of(code, value, **where))


def check_tables(tables: Any) -> dict[str, list[dict[str, Any]]]:
    """Every table, record and value of an export's "tables", checked; returns the rows with each
    value as its column stores it (a left-out field as its default). Raises FileRefused at the first
    problem."""
    if not isinstance(tables, dict):
        raise _refuse("IMPORT_TABLES_MISSING")
    for name in tables:
        if name not in schema():
            raise _refuse("IMPORT_TABLE_UNKNOWN", table=shown(name))
    check = TableCheck()
    typed = {}
    for name in schema():
        rows = check.table(name, tables.get(name, []))
        typed[name] = [check.row(name, position, row) for position, row in enumerate(rows, start=1)]
    check.finish()
    return typed


def parents_first(tables: Iterable[tuple[Any, Any]]) -> Iterator[tuple[Any, Any]]:
    """(table name, records) in an order each table's records can be checked and stored in: after the
    tables they refer to. An export PA Manager writes now is in that order already and goes straight
    through; one laid out by an older version (tables by name) has some tables before their parents:
    those are kept until their parents have gone through (or, if never, to the end)."""
    parents = {t.name: {fk.column.table.name for fk in t.foreign_keys} - {t.name} for t in owned_tables()}
    done: set[str] = set()
    waiting: list[tuple[Any, Any]] = []
    for name, rows in tables:
        if isinstance(name, str) and parents.get(name, set()) - done:
            waiting.append((name, list(rows) if isinstance(rows, Iterator) else rows))
            continue
        yield name, rows
        done.add(name)
        while ready := [w for w in waiting if not parents[w[0]] - done]:
            waiting.remove(ready[0])
            yield ready[0]
            done.add(ready[0][0])
    yield from waiting


class TableCheck:
    """check_tables one table and one record at a time, as a file is read (services.transfer), keeping
    only the ids seen: call `table` for each table in the file's order, `row` for each of its records,
    and `finish` at the end. References are to records of tables before (parents come first)."""

    def __init__(self) -> None:
        self.ids: dict[str, set[int]] = {name: set() for name in schema()}
        self.employers = 0

    def table(self, name: Any, rows: Any) -> Any:
        """`rows`, once `name` is known to be a table of an export and `rows` a list of its records."""
        if name not in schema():
            raise _refuse("IMPORT_TABLE_UNKNOWN", table=shown(name))
        if name != EMPLOYERS and not self.employers:  # the employer comes first: every record refers to it
            raise _refuse("IMPORT_NOT_ONE_EMPLOYER", 0)
        if not isinstance(rows, (list, Iterator)):
            raise _refuse("IMPORT_TABLE_NOT_A_LIST", table=name)
        return rows

    def row(self, name: str, position: int, row: Any) -> dict[str, Any]:
        """Record number `position` of table `name`, checked, with each value as its column stores it."""
        if name == EMPLOYERS:
            self.employers += 1
            if self.employers > 1:
                raise _refuse("IMPORT_NOT_ONE_EMPLOYER", self.employers)
        return _check_row(schema()[name], position, row, self.ids)

    def finish(self) -> None:
        if self.employers != 1:
            raise _refuse("IMPORT_NOT_ONE_EMPLOYER", self.employers)


def _check_row(table: TableSchema, position: int, row: Any, ids: dict[str, set[int]]) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise _refuse("IMPORT_RECORD_NOT_AN_OBJECT", table=table.name, record=position)
    row_id = row.get("id")
    if isinstance(row_id, bool) or not isinstance(row_id, int) or not 1 <= row_id <= ID_LIMIT:
        raise _refuse("IMPORT_ID_INVALID", shown(row_id) if "id" in row else None, table=table.name, record=position)
    if row_id in ids[table.name]:
        raise _refuse("IMPORT_ID_REPEATED", row_id, table=table.name, record=row_id)
    ids[table.name].add(row_id)
    where = {"table": table.name, "record": row_id}
    for key in row:
        if key not in table.fields:
            raise _refuse("IMPORT_FIELD_UNKNOWN", **where, field=shown(key))
    values: dict[str, Any] = {}
    for field in table.fields.values():
        if field.name not in row:
            if not field.optional:
                raise _refuse("IMPORT_VALUE_MISSING", **where, field=field.name)
            values[field.name] = field.default
            continue
        raw = row[field.name]
        if raw is None:
            if not field.nullable:
                raise _refuse("IMPORT_VALUE_MISSING", **where, field=field.name)
            values[field.name] = None
            continue
        try:
            value = _value(field, raw)
        except _Bad as bad:
            raise _refuse(bad.code, shown(raw), **where, field=field.name, **bad.params) from None
        if field.refers_to is not None and value not in ids[field.refers_to]:
            raise _refuse("IMPORT_REFERENCE_MISSING", value, **where, field=field.name, target=field.refers_to)
        values[field.name] = value
    return values


def check_repeats(typed: dict[str, list[dict[str, Any]]]) -> None:
    """Refuses two records that their table keeps only one of (a unique constraint or index)."""
    repeats = Repeats()
    for name in schema():
        for row in typed.get(name, []):
            repeats.add(name, row)
    repeats.finish()


class Repeats:
    """check_repeats one record at a time: `add` each checked record, then `finish` raises the first
    repeat found (so that a problem check_tables finds in a later table is still said first). Keeps only
    a digest of each unique key and the id that had it first."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, int], dict[bytes, int]] = {}
        self.first: FileRefused | None = None

    def add(self, name: str, row: dict[str, Any]) -> None:
        if self.first is not None:
            return
        for number, repeat in enumerate(schema()[name].repeats):
            if repeat.only_where is not None:
                column, wanted = repeat.only_where
                if bool(row[column]) != wanted:
                    continue
            values = tuple(row[c] for c in repeat.columns)
            if None in values:
                continue  # NULLs never clash
            # A short digest, not the values: a shift's would be most of what an import keeps. Unique
            # columns hold ids, counts, text, dates and moments (in UTC), whose repr is the same exactly
            # when they are equal.
            key = hashlib.blake2b(repr(values).encode(), digest_size=16).digest()
            seen = self.seen.setdefault((name, number), {})
            if key in seen:
                self.first = _refuse("IMPORT_RECORD_REPEATED", table=name, record=row["id"], other=seen[key],
                                     fields=", ".join(repeat.columns))
                return
            seen[key] = row["id"]

    def finish(self) -> None:
        self.seen.clear()
        if self.first is not None:
            raise self.first
