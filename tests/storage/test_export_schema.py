"""The schema an employer file is checked against is read off the models: every table, column, kind
of value, length, reference and uniqueness, with only the coded columns declared by hand."""
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from sqlalchemy import Boolean, Column, ForeignKey, Integer, MetaData, String, Table, Text

from pa_manager.domain.nation import Nation
from pa_manager.domain.shifts import ShiftType
from pa_manager.storage import export_schema as schema_module
from pa_manager.storage.export_schema import (
    CODES, FileRefused, check_repeats, check_tables, owned_tables, read_value, schema, text_limit,
)
from pa_manager.storage.models import FILE_TABLES, Base
from pa_manager.storage.transfer import _to_json


def test_every_table_an_employer_owns_is_in_the_schema_with_every_column():
    # Every table but the file's own settings (models.FILE_TABLES), which no employer owns and no export holds.
    assert {t.name for t in owned_tables()} == set(Base.metadata.tables) - FILE_TABLES == set(schema())
    for table in owned_tables():
        assert set(schema()[table.name].fields) == {c.name for c in table.c}


def test_every_coded_column_named_by_hand_is_a_real_column_holding_text_or_a_number():
    for table, column in CODES:
        field = schema()[table].fields[column]
        assert field.codes is not None and field.kind in ("text", "integer"), (table, column)


def test_codes_come_from_the_domain_and_a_column_whose_default_is_blank_may_be_blank():
    assert schema()["employers"].fields["nation"].codes() == {n.value for n in Nation}
    assert schema()["shifts"].fields["shift_type"].codes() == {t.value for t in ShiftType}
    assert schema()["pay_rates"].fields["shift_type"].codes() == {t.value for t in ShiftType} | {""}


def test_kinds_lengths_references_and_repeats_are_read_off_the_models():
    pas = schema()["pas"]
    assert (pas.fields["name"].kind, pas.fields["name"].length, pas.fields["name"].optional) == ("text", 200, False)
    assert pas.fields["address"].length == schema_module.TEXT_LIMIT
    assert (pas.fields["date_of_birth"].kind, pas.fields["date_of_birth"].nullable) == ("date", True)
    assert pas.fields["p45_pay"].kind == "money" and pas.fields["contracted_hours"].kind == "number"
    assert schema()["shifts"].fields["starts_at"].kind == "instant"
    assert schema()["rota_changes"].fields["cover_pa_id"].refers_to == "pas"
    assert schema()["attachments"].fields["content"].kind == "file"
    runs = {repeat.columns: repeat.only_where for repeat in schema()["pay_runs"].repeats}
    assert runs == {("employer_id", "pay_date"): None,
                    ("employer_id", "frequency", "period_start"): ("repeats_period", False)}
    assert text_limit("ledger_entries", "description") == 300


def test_a_new_table_needs_no_edit_to_be_checked():
    # A table made as a future migration might make it: the schema reads it like any other.
    metadata = MetaData()
    Table("employers", metadata, Column("id", Integer, primary_key=True))
    table = Table("visits", metadata, Column("id", Integer, primary_key=True),
                  Column("employer_id", ForeignKey("employers.id")), Column("place", String(30)),
                  Column("notes", Text, default=""), Column("paid", Boolean, nullable=True))
    fields = {c.name: schema_module._field(table, c) for c in table.c}
    assert fields["employer_id"].kind == "reference" and fields["employer_id"].refers_to == "employers"
    assert (fields["place"].kind, fields["place"].length, fields["place"].optional) == ("text", 30, True)
    assert fields["notes"].optional and fields["notes"].default == ""
    assert fields["paid"].nullable and fields["paid"].kind == "boolean"


def test_every_exported_value_reads_back_as_it_was_stored(sample_tables):
    rows = check_tables(sample_tables)
    for name, table_rows in sample_tables.items():
        for raw, typed in zip(table_rows, rows[name]):
            for field, value in raw.items():
                assert read_value(name, field, value) == typed[field], (name, field)
                assert _to_json(typed[field]) == value or field in ("id",), (name, field)


def _refusal(tables) -> str:
    with pytest.raises(FileRefused) as refused:
        check_repeats(check_tables(tables))
    return refused.value.problem


def test_a_table_left_out_is_an_empty_one_and_a_field_left_out_takes_its_default(sample_tables):
    del sample_tables["meetings"]
    sample_tables["pas"][0].pop("regular")
    rows = check_tables(sample_tables)
    assert rows["meetings"] == [] and rows["pas"][0]["regular"] is True


@pytest.mark.parametrize("field, raw, code", [
    ("start_date", "2026-4-3", "IMPORT_NOT_A_DATE"),
    ("start_date", "20260403", "IMPORT_NOT_A_DATE"),
    ("start_date", "2200-01-01", "IMPORT_DATE_OUT_OF_RANGE"),
    ("p45_pay", "12.345", "IMPORT_NOT_MONEY"),
    ("p45_pay", "NaN", "IMPORT_NOT_MONEY"),
    ("p45_pay", "Infinity", "IMPORT_NOT_MONEY"),
    ("p45_pay", True, "IMPORT_NOT_MONEY"),
    ("p45_pay", "1000000000", "IMPORT_NOT_MONEY"),
    ("contracted_hours", "1." + "0" * 40 + "1", "IMPORT_NOT_A_NUMBER"),
    ("contracted_hours", [37], "IMPORT_NOT_A_NUMBER"),
    ("regular", 1, "IMPORT_NOT_TRUE_OR_FALSE"),
    ("name", None, "IMPORT_VALUE_MISSING"),
    ("name", "Ann\x00Lee", "IMPORT_TEXT_UNREADABLE"),
    ("ni_category", "a", "IMPORT_CODE_UNKNOWN"),
    ("employer_id", 2, "IMPORT_REFERENCE_MISSING"),
    ("employer_id", "1", "IMPORT_NOT_AN_ID"),
])
def test_each_kind_of_value_is_checked(field, raw, code, sample_tables):
    sample_tables["pas"][0][field] = raw
    problem = _refusal(sample_tables)
    assert (problem.code, problem.param("table"), problem.param("field")) == (code, "pas", field)


def test_money_and_numbers_are_read_exactly_and_moments_in_utc(sample_tables):
    sample_tables["pas"][0].update(p45_pay=4250, contracted_hours="37.50")
    sample_tables["pay_runs"][0]["finalised_at"] = "2026-10-30T13:00:00+01:00"
    rows = check_tables(sample_tables)
    assert rows["pas"][0]["p45_pay"] == Decimal("4250") and str(rows["pas"][0]["contracted_hours"]) == "37.50"
    assert rows["pay_runs"][0]["finalised_at"] == datetime(2026, 10, 30, 12, tzinfo=timezone.utc)


def test_a_repeat_is_refused_only_among_the_records_its_index_covers(sample_tables):
    run = sample_tables["pay_runs"][0]
    twin = {**run, "id": 9999, "pay_date": "2026-12-01"}
    sample_tables["pay_runs"].append(twin)
    assert _refusal(sample_tables).code == "IMPORT_RECORD_REPEATED"
    twin["repeats_period"] = True  # a run from before one run per period was the rule, marked as such
    check_repeats(check_tables(sample_tables))


def test_shown_values_are_short_printable_and_on_one_line():
    assert schema_module.shown("mars") == '"mars"'
    assert schema_module.shown("x" * 100).endswith("…") and len(schema_module.shown("x" * 100)) == 40
    assert schema_module.shown("a\nb\ud800") == '"a\\nb\\ud800"'
    assert schema_module.shown(date(2026, 1, 1)) == "datetime.date(2026, 1, 1)"


@pytest.mark.parametrize("table, column", [("applicants", "source"), ("applicants", "status"),
                                           ("vacancies", "status"), ("induction_items", "kind"),
                                           ("hr_cases", "kind"), ("hr_case_steps", "kind")])
def test_a_recruitment_record_with_a_code_this_version_does_not_know_is_refused(table, column, sample_tables):
    assert sample_tables[table], f"the export sample has no {table} to change"
    sample_tables[table][0][column] = "made_up"
    problem = _refusal(sample_tables)
    assert (problem.code, problem.param("table"), problem.param("field")) == ("IMPORT_CODE_UNKNOWN", table, column)
