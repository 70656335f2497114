"""A hand-made corpus of damaged employer files: each is refused whole, with a sentence naming the
first problem (table, record, field, value, what to do), and leaves the data file exactly as it was.

Each case is the sample export (tests/export_sample.py: a record in every table) with one edit, the
kind a person makes in a text editor or a program makes by mistake. Before this was checked, a file
saying "nation": "mars" imported, and then every command and the window crashed on that data file.
"""
import json
import zipfile
from datetime import date
from decimal import Decimal

import pytest

from pa_manager.messages import FALLBACK, MESSAGES, describe
from pa_manager.services import employers, people, transfer
from pa_manager.services.errors import ServiceError
from pa_manager.storage.export_schema import FileRefused
from tests.export_sample import NAME, document, write_export
from tests.readers import read_everything, table_contents
from tests.saying import raises_saying
from pa_manager.messages import say

TODAY = date(2026, 11, 23)


def _first(tables, table, **match):
    return next(row for row in tables[table] if all(row[k] == v for k, v in match.items()))


def _set(table, field, value, index=0):
    def edit(tables):
        tables[table][index][field] = value
    return edit


def _pay_record(change):
    def edit(tables):
        row = tables["payslips"][0]
        row["document"] = change(row["document"])
    return edit


def _statement(change):
    def edit(tables):
        row = tables["written_statements"][0]
        row["document"] = json.dumps(change(json.loads(row["document"])))
    return edit


def _history(code, change):
    """The first change-history entry noting `code`, its facts changed by `change` (a dict in, a dict out)."""
    def edit(tables):
        row = next(row for row in tables["changes"] if row["code"] == code)
        row["facts"] = json.dumps(change(json.loads(row["facts"])))
    return edit


def _document_without(key):
    return _pay_record(lambda text: json.dumps({k: v for k, v in json.loads(text).items() if k != key}))


def _second_shift_overlapping_the_first(tables):
    first, second = tables["shifts"][0], tables["shifts"][1]
    second.update(pa_id=first["pa_id"], starts_at=first["starts_at"], ends_at=first["ends_at"],
                  local_date=first["local_date"], shift_type="waking_night" if first["shift_type"] != "waking_night"
                  else "standard")


def _second_employer(tables):
    tables["employers"].append({**tables["employers"][0], "id": tables["employers"][0]["id"] + 100, "name": "Ann Other"})


def _id_twice(tables):
    tables["meetings"][1]["id"] = tables["meetings"][0]["id"]


def _no_tables(tables):
    tables.clear()
    tables["employers"] = "Nora"


def _edited(edit, tables):
    """The tables after `edit`, which changes them in place or (to make them something else) returns them."""
    replaced = edit(tables)
    return replaced if isinstance(replaced, list) else tables


# (case, edit, words the refusal must contain)
CASES = [
    ("nation mars", _set("employers", "nation", "mars"),
     ['The nation of record 1 of the employers table is "mars", which PA Manager does not know',
      "england, northern-ireland, scotland, wales"]),
    ("unknown shift type", _set("shifts", "shift_type", "night_owl"),
     ['shift_type of record', 'of the shifts table is "night_owl"', "sleep_in"]),
    ("empty employer name", _set("employers", "name", "  "),
     ["The name of record 1 of the employers table needs correcting: enter a name."]),
    ("empty PA name", _set("pas", "name", ""), ["of the pas table needs correcting: enter a name."]),
    ("pay record document is garbage", _pay_record(lambda text: "{{ not json"),
     ["The document of record", "of the payslips table needs correcting: the pay record is damaged"]),
    ("pay record document is a list", _pay_record(lambda text: "[1, 2]"), ["the pay record is damaged"]),
    ("pay record without its net pay", _document_without("net_pay"), ["the pay record is damaged"]),
    ("pay record from a newer version",
     _pay_record(lambda text: json.dumps({**json.loads(text), "format_version": 99})),
     ["written by a newer version of PA Manager"]),
    ("pay record with money as a word",
     _pay_record(lambda text: json.dumps({**json.loads(text), "gross_pay": "lots"})), ["the pay record is damaged"]),
    ("reference to a missing PA", _set("shifts", "pa_id", 999),
     ["The pa_id of record", "of the shifts table is 999, but the pas table has no record with that id"]),
    ("pay record of a missing PA", _set("payslips", "pa_id", 999), ["of the payslips table is 999"]),
    ("1e40 as a rate", _set("pay_rates", "amount", "1e40"),
     ["The amount of record", "of the pay_rates table must be an amount in pounds and pence under £1,000,000,000",
      'not "1e40"']),
    ("1e40 as a JSON number", _set("pay_rates", "amount", 1e40), ["not 1e+40"]),
    ("a rate that is a weekly wage", _set("pay_rates", "amount", "5000.00"),
     ["needs correcting: check the rate, as it must be less than £1,000 an hour"]),
    ("a fraction of a penny", _set("ledger_entries", "amount", "-12.345"), ['not "-12.345"']),
    ("an unknown table", lambda tables: tables.update(payslips_backup=[]),
     ["The file has a table called \"payslips_backup\", which PA Manager does not know"]),
    ("an unknown field", _set("pas", "nickname", "Jo"),
     ['has a field called "nickname", which PA Manager does not know']),
    ("a field left out", lambda tables: tables["shifts"][0].pop("starts_at"),
     ["of the shifts table has no starts_at, which it must have"]),
    ("a date that is not one", _set("pas", "start_date", "2026-02-30"),
     ['must be a date written like 2026-04-03, not "2026-02-30"']),
    ("a date in year 26", _set("dbs_checks", "issue_date", "0026-04-03"),
     ['is "0026-04-03", but a date must be in a year from 1900 to 2199']),
    ("a shift in whole seconds", _set("shifts", "ends_at", "2026-11-20T17:00:30+00:00"),
     ["a shift starts and ends on a whole minute"]),
    ("a moment without its time zone", _set("pay_runs", "finalised_at", "2026-10-30T12:00:00"),
     ["must be a date and time in whole seconds with its time zone"]),
    ("yes for true", _set("pas", "irregular_hours", "yes"), ['must be true or false, not "yes"']),
    ("a count in words", _set("rota_patterns", "break_minutes", "thirty"), ["must be a whole number from 0 to"]),
    ("text that is a number", _set("pas", "job_title", 7), ["must be text in quotes, not 7"]),
    ("a name too long to keep", _set("pas", "name", "A" * 201),
     ["is 201 characters long, but it can hold no more than 200"]),
    ("a broken character", _set("references", "referee", "Jo\ud800"), ["has characters that cannot be stored"]),
    ("two employers", _second_employer, ["must hold exactly 1 employer, not 2"]),
    ("no employer", lambda tables: tables["employers"].clear(), ["must hold exactly 1 employer, not 0"]),
    ("an id twice", _id_twice, ["More than 1 record of the meetings table has the id"]),
    ("a record without an id", lambda tables: tables["courses"][0].pop("id"),
     ["Record number 1 of the courses table needs an id"]),
    ("a record that is not one", lambda tables: tables["courses"].insert(0, "course"),
     ["Record number 1 of the courses table must be a set of named fields"]),
    ("a table that is not a list", lambda tables: tables.update(meetings={"id": 1}),
     ["The meetings table must be a list of records"]),
    ("tables that are not tables", _no_tables, ["The employers table must be a list of records"]),
    ("the same pay line twice", lambda tables: tables["pay_rates"].append({**tables["pay_rates"][0], "id": 9999}),
     ["have the same pa_id, effective_from, kind, shift_type, which only 1 record may have"]),
    ("overlapping shifts", _second_shift_overlapping_the_first, ["are shifts of the same PA that overlap"]),
    ("leaving before starting", _set("pas", "leaving_date", "1990-01-01"),
     ["The leaving_date of record", "needs correcting: enter a leaving date that is the same as or after"]),
    ("a bad NI number", _set("pas", "ni_number", "QQ123456C"), ["needs correcting: a National Insurance number cannot start with QQ"]),
    ("an unknown DBS level", _set("dbs_checks", "level", "super"), ['"super", which PA Manager does not know']),
    ("an unknown budget basis", _set("budget_years", "basis", "daily"), ["four-weekly, weekly, yearly"]),
    ("a budget year label", _set("budget_years", "label", "2026-28"), ["enter the budget year like 2026-27"]),
    ("a rota pattern at 25 o'clock", _set("rota_patterns", "start_time", "25:00"),
     ["write times using the 24-hour clock", '"25:00" is not a time']),
    ("a rota pattern on day 9", _set("rota_patterns", "weekdays", "0,9"), ["choose days from Monday to Sunday"]),
    ("cover with nobody covering", _set("rota_changes", "cover_pa_id", None),
     ["of the rota_changes table has no cover_pa_id"]),
    ("a pension below the legal minimum", _set("employers", "pension_employee_rate", "0"),
     ["must add up to at least the legal minimum of 0.08"]),
    ("a DBS re-check every 1000 years", _set("employers", "dbs_recheck_years", 1000),
     ["choose a new DBS check every 1 to 10 years"]),
    ("a certificate that is not a file", _set("attachments", "content", "%PDF"),
     ["must be a file's contents in base64"]),
    ("a care certificate standard 17", _set("care_certificate_progress", "standard", 17), ["use one of 1, 2, 3, 4,"]),
    ("a pay run in a period that does not exist", _set("pay_runs", "period", 13),
     ["needs correcting: period 13 is not in the tax year"]),
    ("a shift with a local date a day out", lambda t: t["shifts"][0].update(local_date="2001-01-01"),
     ["but the shift starts on"]),
    ("awake periods as words", _set("shifts", "awake_periods", "some of the night"),
     ['must list the times awake as PA Manager exports them, not "some of the night"']),
    ("tables as a list", lambda tables: [tables], ["The file holds no tables of records"]),
    ("a reference in quotes", _set("shifts", "pa_id", "1"), ['must be the id of a record, a whole number, not "1"']),
    ("hours in words", _set("pas", "contracted_hours", "lots"), ['must be a number under 1,000,000,000, like 37.5']),
    ("a pay run's date changed", lambda t: t["pay_runs"][-1].update(pay_date="2026-11-27"),
     ["The pay_date of record", "of the pay_runs table is not what the pay record in record"]),
    ("a payslip's allowance changed", _set("payslips", "employment_allowance", "1.00"),
     ["The employment_allowance of record", "of the payslips table is not what the pay record"]),
    # Found by the fuzz test: such a file imported, then the caseload and the dashboard crashed on it.
    ("a written statement's words as a number", _set("written_statements", "document", "0"),
     ["The document of record", "of the written_statements table needs correcting: the written statement is damaged"]),
    ("a written statement's words cut short", _statement(lambda doc: {k: v for k, v in doc.items() if k != "sections"}),
     ["the written statement is damaged"]),
    ("a written statement's date in words", _statement(lambda doc: {**doc, "as_at": "last spring"}),
     ["the written statement is damaged"]),
    ("a statement's particulars as a list", _set("written_statements", "particulars", "[1]"),
     ["The particulars of record", "the written statement is damaged"]),
    ("a statement's particulars not JSON", _set("written_statements", "particulars", "{pay: 12}"),
     ["the written statement is damaged"]),
    ("a vacancy's working patterns as a number", _set("vacancies", "patterns", "0"),
     ["The patterns of record", "of the vacancies table needs correcting: the vacancy's working patterns are damaged"]),
    ("a vacancy's pattern without its days", _set("vacancies", "patterns", '[{"start": "09:00"}]'),
     ["the vacancy's working patterns are damaged"]),
    ("a pay scale step below nothing", _set("pay_scale_steps", "hourly_rate", "-0.01"),  # found by the fuzz test
     ["The hourly_rate of record", "of the pay_scale_steps table needs correcting"]),
    ("a pay scale step for 99 years", _set("pay_scale_steps", "years", 99),
     ["The years of record", "of the pay_scale_steps table needs correcting"]),
    # Each imported, and then the change history (the Reports page, `pa-manager history`) crashed on it.
    ("a history entry that is not JSON", _set("changes", "facts", "{pay: 12}"),
     ["The facts of record", "of the changes table needs correcting: the entry in the change history is damaged"]),
    ("a history entry as a list", _set("changes", "facts", "[]"), ["the entry in the change history is damaged"]),
    ("a pay run noted without its pay day", _history("PAY_RUN_FINALISED", lambda f: {**f, "pay_date": None}),
     ["the entry in the change history is damaged"]),
    ("a pay run's gross pay in words", _history("PAY_RUN_FINALISED", lambda f: {**f, "gross_pay": "lots"}),
     ["the entry in the change history is damaged"]),
    ("a pay rate's date in words", _history("PAY_RATE_ADDED", lambda f: {**f, "effective_from": "April"}),
     ["the entry in the change history is damaged"]),
    ("a pay rate of nothing", _history("PAY_RATE_ADDED", lambda f: {**f, "amount": None}),
     ["the entry in the change history is damaged"]),
    ("a check's date as a number", _history("CHECK_SAVED", lambda f: {**f, "on": 20260401}),
     ["the entry in the change history is damaged"]),
    ("P60s given to a number", _history("P60S_MADE", lambda f: {**f, "pas": 3}),
     ["the entry in the change history is damaged"]),
]


@pytest.mark.parametrize("case, edit, words", CASES, ids=[c[0] for c in CASES])
def test_a_damaged_file_is_refused_whole_in_words_and_nothing_is_stored(case, edit, words, resident_db, sample_tables,
                                                                        tmp_path):
    tables = _edited(edit, sample_tables)
    path = write_export(tmp_path / "nora.paemployer", tables)
    before = table_contents(resident_db)
    with pytest.raises(ServiceError) as refused:
        transfer.import_employer(resident_db, path, today=TODAY)
    message = say(refused.value)
    assert message.startswith("Nothing was imported from nora.paemployer: ")
    for part in words:  # the reason is run on after the colon, so its first word has no capital
        assert part in message or part[:1].lower() + part[1:] in message
    assert "\n" not in message and FALLBACK not in message
    assert table_contents(resident_db) == before


def test_a_refusal_quotes_only_the_field_at_fault_never_other_personal_details(resident_db, sample_tables, tmp_path):
    pa = sample_tables["pas"][0]
    pa["postcode"] = "NOT A POSTCODE"
    path = write_export(tmp_path / "nora.paemployer", sample_tables)
    with pytest.raises(ServiceError) as refused:
        transfer.import_employer(resident_db, path, today=TODAY)
    message = say(refused.value)
    assert "postcode of record" in message
    born = date.fromisoformat(pa["date_of_birth"])
    for private in (pa["ni_number"], pa["name"], pa["date_of_birth"], f"{born.day} ", pa["phone"], pa["email"]):
        assert private and private not in message


def test_the_sample_itself_imports_beside_the_demo_and_everything_reads_back(demo_db, sample_tables, tmp_path):
    path = write_export(tmp_path / "nora.paemployer", sample_tables)
    employer_id = transfer.import_employer(demo_db, path, today=TODAY)
    assert employers.get_employer(demo_db, employer_id).name == NAME
    read_everything(demo_db, employer_id, TODAY)


def test_money_written_as_a_json_number_is_read_through_its_decimal_text(db, sample_tables, tmp_path):
    sample_tables["pay_rates"][0]["amount"] = 12.71
    path = write_export(tmp_path / "nora.paemployer", sample_tables)
    employer_id = transfer.import_employer(db, path, today=TODAY)
    assert any(line.amount == Decimal("12.71")
               for pa in people.list_pas(db, employer_id) for line in pa.pay_rates)


def test_an_export_from_before_pay_lines_had_kinds_brings_its_hourly_rate(db, sample_tables, tmp_path):
    # Exports made before migration 0003 call a pay line's amount hourly_rate.
    for line in sample_tables["pay_rates"]:
        line["hourly_rate"] = line.pop("amount")
    path = write_export(tmp_path / "nora.paemployer", sample_tables)
    employer_id = transfer.import_employer(db, path, today=TODAY)
    amounts = sorted(str(line.amount) for pa in people.list_pas(db, employer_id) for line in pa.pay_rates
                     if line.amount is not None)
    assert amounts == sorted(str(line["hourly_rate"]) for line in sample_tables["pay_rates"]
                             if line["hourly_rate"] is not None)


@pytest.mark.parametrize("content, words", [
    (b"", "is not an employer file exported by PA Manager"),
    (b"PK\x03\x04 not really a zip", "is not an employer file exported by PA Manager"),
])
def test_files_that_are_not_exports_at_all_are_refused(content, words, db, tmp_path):
    path = tmp_path / "odd.paemployer"
    path.write_bytes(content)
    with raises_saying(ServiceError, words):
        transfer.import_employer(db, path, today=TODAY)


@pytest.mark.parametrize("text", ["[]", '"employer"', "null", '{"format": "pa-manager-employer"}',
                                  '{"format": "pa-manager-employer", "format_version": "1", "schema_revision": "0008"}',
                                  '{"format": "pa-manager-employer", "format_version": 1, "schema_revision": ["0008"]}',
                                  "[" * 100_000])
def test_an_export_whose_document_is_not_one_is_refused(text, db, tmp_path):
    path = write_export(tmp_path / "odd.paemployer", None, raw=text)
    with pytest.raises(ServiceError) as refused:
        transfer.import_employer(db, path, today=TODAY)
    assert "odd.paemployer" in say(refused.value)


def test_a_folder_is_refused_in_words(db, tmp_path):
    (tmp_path / "folder.paemployer").mkdir()
    with raises_saying(ServiceError, "is a folder"):
        transfer.import_employer(db, tmp_path / "folder.paemployer", today=TODAY)


def test_renaming_on_import_is_checked_like_any_name(db, sample_tables, tmp_path):
    path = write_export(tmp_path / "nora.paemployer", sample_tables)
    with raises_saying(ServiceError, "can hold no more than 200"):
        transfer.import_employer(db, path, rename_to="N" * 201, today=TODAY)
    assert employers.list_employers(db, TODAY) == []
    employer_id = transfer.import_employer(db, path, rename_to="  Nora Q  ", today=TODAY)
    assert employers.get_employer(db, employer_id).name == "Nora Q"


def test_zip_members_other_than_employer_json_do_not_matter(db, sample_tables, tmp_path):
    path = write_export(tmp_path / "nora.paemployer", sample_tables)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("notes.txt", "from the advocate")
    assert transfer.import_employer(db, path, today=TODAY)


def test_the_corpus_reaches_every_import_code_and_each_is_worded_strictly(_sample_export, monkeypatch):
    import copy

    from pa_manager.domain import training

    reached = set()
    for case, edit, _ in CASES:
        tables = _edited(edit, copy.deepcopy(_sample_export))
        with pytest.raises(FileRefused) as refused:
            transfer.checked_tables(document(tables), None, TODAY)
        describe(refused.value.problem, strict=True)
        reached.add(refused.value.problem.code)
    # A certificate over 20 MB, with the limit made small rather than the file made big.
    monkeypatch.setattr(training, "MAX_CERTIFICATE_BYTES", 10)
    tables = copy.deepcopy(_sample_export)
    with pytest.raises(FileRefused) as refused:
        transfer.checked_tables(document(tables), None, TODAY)
    assert refused.value.problem.code == "IMPORT_FILE_TOO_LARGE"
    describe(refused.value.problem, strict=True)
    reached.add(refused.value.problem.code)
    assert reached >= {code for code in MESSAGES if code.startswith("IMPORT_")}
