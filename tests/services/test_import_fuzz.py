"""Fuzzing the employer-file import: the sample export (a record in every table) changed in every way
a file can go wrong, then imported into a data file that already holds an employer.

Each change is one of: a value of another JSON type, a field left out, an unknown field or table, a
code the app does not know, a number, date or moment out of range, a reference to no record, a record
repeated or removed, a pay record's document broken, or a value of the right kind moved (a date, a
time, an amount, a code swapped for another valid one) so that only the domain rules can tell. The
property (tests/fuzzing.py): the import is refused in words with nothing stored, or it succeeds and
every reader can read what it stored.
"""
import copy
import json
from datetime import date, datetime, timedelta
from decimal import Decimal

from hypothesis import event, given
from hypothesis import strategies as st

from pa_manager.services import transfer
from pa_manager.services.errors import ServiceError
from pa_manager.storage.database import open_database
from pa_manager.storage.export_schema import schema
from tests.export_sample import write_export
from tests.fuzzing import (
    any_date, assert_refusal_in_words, fresh_copy, fuzz, json_values, mostly, odd_numbers, odd_text,
)
from tests.readers import read_everything, table_contents

TODAY = date(2026, 11, 23)


def _a_record(data, tables):
    name = data.draw(st.sampled_from(sorted(n for n, rows in tables.items() if isinstance(rows, list) and rows)),
                     label="table")
    rows = tables[name]
    return name, rows, rows[data.draw(st.integers(0, len(rows) - 1), label="record")]


def _a_field(data, row, fields=None):
    names = sorted(k for k in row if fields is None or k in fields)
    return data.draw(st.sampled_from(names), label="field") if names else None


def change_type(data, tables):
    _, _, row = _a_record(data, tables)
    row[_a_field(data, row)] = data.draw(json_values)


def leave_out_a_field(data, tables):
    _, _, row = _a_record(data, tables)
    row.pop(_a_field(data, row))


def add_an_unknown_name(data, tables):
    if data.draw(st.booleans()):
        tables[data.draw(st.sampled_from(["payslips_old", "Employers", "notes", ""]))] = []
    else:
        _, _, row = _a_record(data, tables)
        row[data.draw(st.sampled_from(["hourly_rate", "Name", "nickname", "id "]))] = data.draw(json_values)


def unknown_code(data, tables):
    coded = [(n, f) for n, t in schema().items() for f, field in t.fields.items() if field.codes and tables.get(n)]
    name, field = data.draw(st.sampled_from(coded), label="coded field")
    row = tables[name][data.draw(st.integers(0, len(tables[name]) - 1), label="record")]
    value = row[field]
    row[field] = data.draw(st.one_of(odd_text, st.just(str(value).upper()), st.just(str(value).title()),
                                     st.just(f" {value}"), st.integers(-3, 40)))


def out_of_range(data, tables):
    name, _, row = _a_record(data, tables)
    field = _a_field(data, row)
    kind = schema()[name].fields[field].kind if field in schema()[name].fields else "text"
    if kind == "date":
        row[field] = data.draw(any_date).isoformat()
    elif kind == "instant":
        moment = data.draw(st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
                                        timezones=st.one_of(st.none(), st.timezones())))
        row[field] = moment.isoformat()
    else:
        row[field] = data.draw(st.one_of(odd_numbers, odd_text))


def break_a_reference(data, tables):
    name, _, row = _a_record(data, tables)
    references = [f for f, field in schema()[name].fields.items() if field.refers_to and f in row]
    if references:
        row[data.draw(st.sampled_from(references))] = data.draw(st.one_of(st.integers(-2, 10**6), st.just(row["id"])))


def repeat_or_remove_a_record(data, tables):
    _, rows, row = _a_record(data, tables)
    if data.draw(st.booleans()):
        rows.remove(row)
    else:
        twin = copy.deepcopy(row)
        if data.draw(st.booleans()):
            twin["id"] = 10**6 + len(rows)
        rows.append(twin)


def _change_inside(data, value, depth=0):
    if isinstance(value, dict) and value:
        key = data.draw(st.sampled_from(sorted(value)))
        if depth < 3 and isinstance(value[key], (dict, list)) and value[key] and data.draw(st.booleans()):
            _change_inside(data, value[key], depth + 1)
        elif data.draw(st.integers(0, 4)) == 0:
            del value[key]
        else:
            value[key] = data.draw(st.one_of(json_values, _plausible(value[key])))
    elif isinstance(value, list) and value:
        index = data.draw(st.integers(0, len(value) - 1))
        if isinstance(value[index], (dict, list)) and depth < 3:
            _change_inside(data, value[index], depth + 1)
        else:
            value[index] = data.draw(json_values)


def break_a_pay_record(data, tables):
    payslips = tables.get("payslips")
    if not isinstance(payslips, list) or not payslips:
        return
    row = payslips[data.draw(st.integers(0, len(payslips) - 1), label="payslip")]
    if not isinstance(row, dict) or not isinstance(row.get("document"), str):
        return
    how = data.draw(st.integers(0, 3))
    if how == 0:
        row["document"] = data.draw(st.one_of(odd_text, st.just(row["document"][: len(row["document"]) // 2])))
    else:
        try:
            document = json.loads(row["document"])
        except ValueError:
            return
        _change_inside(data, document)
        row["document"] = json.dumps(document)


def _plausible(value):
    """A value of the same kind as `value`, moved: what only the domain rules can catch."""
    if isinstance(value, bool):
        return st.just(not value)
    if isinstance(value, int):
        return st.one_of(st.integers(0, 60), st.just(value + 1), st.just(value - 1))
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            pass
        else:
            if len(value) == 10:
                return st.integers(-40000, 40000).map(lambda days: _safe(day, days).isoformat())
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            return st.integers(-3000, 3000).map(lambda minutes: (moment + timedelta(minutes=minutes)).isoformat())
        try:
            amount = Decimal(value)
        except ArithmeticError:
            pass
        else:
            if amount.is_finite():
                return st.decimals(-10**6, 10**6, places=2).map(str)
    codes = sorted({c for t in schema().values() for f in t.fields.values() if f.codes for c in f.codes()
                    if isinstance(c, str)})
    return st.one_of(st.sampled_from(codes), st.just(""), st.text(max_size=4))


def _safe(day, days):
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return day


def move_a_value(data, tables):
    _, _, row = _a_record(data, tables)
    field = _a_field(data, row)
    if field is not None and field != "id":
        row[field] = data.draw(_plausible(row[field]))


# Moving a value within its kind comes up most (see the test): only it can get past the schema to the
# domain rules and, past those, to the readers.
CHANGES = [change_type, leave_out_a_field, add_an_unknown_name, unknown_code, out_of_range, break_a_reference,
           repeat_or_remove_a_record, break_a_pay_record, move_a_value]


@fuzz(examples=20)
@given(data=st.data())
def test_a_changed_export_is_refused_in_words_or_imports_readably(data, sample_tables, resident_data_file, tmp_path):
    tables = copy.deepcopy(sample_tables)
    for _ in range(data.draw(mostly(st.just(1), st.integers(2, 3), one_in=3), label="changes")):
        change = data.draw(mostly(st.just(move_a_value), st.sampled_from(CHANGES)), label="change")
        change(data, tables)
    path = write_export(tmp_path / "changed.paemployer", tables)
    db, _ = open_database(fresh_copy(resident_data_file, tmp_path / "file"))
    try:
        before = table_contents(db)
        try:
            employer_id = transfer.import_employer(db, path, today=TODAY)
        except ServiceError as refusal:
            assert_refusal_in_words(str(refusal))
            assert table_contents(db) == before
            event("refused")
            return
        event("imported, and read back")
        read_everything(db, employer_id, TODAY, reports=False)
    finally:
        db.close()


@fuzz(examples=15)
@given(cut=st.integers(0, 10**6), junk=st.binary(max_size=40))
def test_an_export_cut_short_or_with_junk_is_refused_in_words(cut, junk, sample_tables, db, tmp_path):
    text = json.dumps({"format": "pa-manager-employer", "format_version": 1, "schema_revision": "0008",
                       "tables": sample_tables})
    path = tmp_path / "cut.paemployer"
    if junk[:1] == b"Z":
        path.write_bytes(junk)  # not a zip at all
    else:
        write_export(path, None, raw=text[: cut % (len(text) + 1)] + junk.decode("latin-1"))
    before = table_contents(db)
    try:
        transfer.import_employer(db, path, today=TODAY)
    except ServiceError as refusal:
        assert_refusal_in_words(str(refusal))
        assert table_contents(db) == before
