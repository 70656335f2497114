"""Exporting one employer and importing it elsewhere reproduces every record exactly."""
import json
import shutil
import zipfile
from dataclasses import replace
from datetime import date, datetime


from pa_manager.services import employers, people, transfer
from pa_manager.services.errors import ServiceError
from pa_manager.services.shifts import shifts_between
from pa_manager.storage.database import open_database
from pa_manager.storage.models import Base
from pa_manager.storage.transfer import owned_tables
from tests.conftest import postgresql_only
from tests.saying import raises_saying
from pa_manager.messages import say

NOW = datetime(2026, 11, 23, 10, 0)


def _without_ids(records):
    return [replace(r, id=None) for r in records]


def _other_install(new_data):
    db, _ = open_database(new_data())
    return db


def test_round_trip_reproduces_the_employer_and_every_pa_exactly(demo_db, new_data, tmp_path, today):
    source = employers.find_employer(demo_db, "Margaret Okafor")
    path = transfer.export_employer(demo_db, source.id, tmp_path / "margaret.paemployer", NOW)
    other = _other_install(new_data)
    new_id = transfer.import_employer(other, path)

    assert replace(employers.get_employer(other, new_id), id=None) == replace(source, id=None)
    assert _without_ids(people.list_pas(other, new_id)) == _without_ids(people.list_pas(demo_db, source.id))
    # Only that employer travelled.
    assert [e.name for e in employers.list_employers(other, today)] == ["Margaret Okafor"]
    other.close()


@postgresql_only("moving a household's records from its SQLite file to an organisation's server")
def test_an_employer_exported_from_a_sqlite_file_imports_into_a_postgresql_database_exactly(
        db, tmp_path, _demo_data_file, today):
    from pa_manager.services import pay_runs
    from pa_manager.services.payslips import payslip_documents

    household, _ = open_database(shutil.copy(_demo_data_file, tmp_path / "household.sqlite3"))
    try:
        source = employers.find_employer(household, "Margaret Okafor")
        path = transfer.export_employer(household, source.id, tmp_path / "margaret.paemployer", NOW)
        new_id = transfer.import_employer(db, path)
        assert replace(employers.get_employer(db, new_id), id=None) == replace(source, id=None)
        assert _without_ids(people.list_pas(db, new_id)) == _without_ids(people.list_pas(household, source.id))
        days = pay_runs.pay_run_dates(household, source.id)
        assert pay_runs.pay_run_dates(db, new_id) == days and len(days) > 12
        for day in (days[0], days[-1]):  # the newest and the oldest pay run's payslips, word for word
            assert payslip_documents(db, new_id, day) == payslip_documents(household, source.id, day)
    finally:
        household.close()


def test_every_table_is_owned_by_an_employer_so_nothing_is_left_out_of_an_export():
    from pa_manager.storage.models import FILE_TABLES

    # Only the data file's own settings (who uses the file) belong to no employer, and stay behind.
    assert {t.name for t in owned_tables()} == set(Base.metadata.tables) - FILE_TABLES


def test_importing_a_name_that_is_already_there_is_refused_and_can_be_renamed(demo_db, tmp_path):
    source = employers.find_employer(demo_db, "Desmond Clarke")
    path = transfer.export_employer(demo_db, source.id, tmp_path / "d.paemployer", NOW)
    with raises_saying(ServiceError, "already in this data file"):
        transfer.import_employer(demo_db, path)
    new_id = transfer.import_employer(demo_db, path, rename_to="Desmond Clarke (copy)")
    assert employers.get_employer(demo_db, new_id).name == "Desmond Clarke (copy)"
    assert len(people.list_pas(demo_db, new_id)) == 1


def test_a_file_that_is_not_an_export_is_refused_with_its_name(tmp_path, db):
    path = tmp_path / "holiday.paemployer"
    path.write_text("photos")
    with raises_saying(ServiceError, "holiday.paemployer is not an employer file"):
        transfer.import_employer(db, path)


def test_an_export_from_a_newer_version_is_refused(demo_db, new_data, tmp_path):
    source = employers.find_employer(demo_db, "Desmond Clarke")
    path = transfer.export_employer(demo_db, source.id, tmp_path / "d.paemployer", NOW)
    with zipfile.ZipFile(path) as archive:
        document = json.loads(archive.read("employer.json"))
    document["schema_revision"] = "9999_future"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("employer.json", json.dumps(document))
    other = _other_install(new_data)
    with raises_saying(ServiceError, "newer version"):
        transfer.import_employer(other, path)
    assert employers.list_employers(other, datetime(2026, 1, 1).date()) == []
    other.close()


def test_an_export_is_written_and_read_a_row_at_a_time_and_is_still_one_json_document(demo_db, new_data, tmp_path):
    source = employers.find_employer(demo_db, "Margaret Okafor")
    path = transfer.export_employer(demo_db, source.id, tmp_path / "m.paemployer", NOW)
    with zipfile.ZipFile(path) as archive:
        text = archive.read("employer.json").decode()
    document = json.loads(text)  # what an earlier version reads: the whole document
    lines = text.splitlines()
    shifts = document["tables"]["shifts"]
    assert len(shifts) > 1000 and lines.count('"shifts": [') == 1
    start = lines.index('"shifts": [')
    assert [json.loads(line.rstrip(",")) for line in lines[start + 1:start + 1 + len(shifts)]] == shifts
    # Parents before the rows that point at them, so an import can insert each row as it reads it.
    names = list(document["tables"])
    assert names.index("employers") < names.index("pas") < names.index("shifts")
    other = _other_install(new_data)
    new_id = transfer.import_employer(other, path)
    assert len(shifts_between(other, new_id, date(2000, 1, 1), date(2100, 1, 1))) == len(shifts)
    other.close()


def test_an_export_cut_short_is_refused_and_nothing_is_imported(demo_db, new_data, tmp_path):
    source = employers.find_employer(demo_db, "Margaret Okafor")
    path = transfer.export_employer(demo_db, source.id, tmp_path / "m.paemployer", NOW)
    with zipfile.ZipFile(path) as archive:
        text = archive.read("employer.json").decode()
    cut = tmp_path / "cut.paemployer"
    with zipfile.ZipFile(cut, "w") as archive:
        archive.writestr("employer.json", text[:len(text) // 2].rsplit("\n", 1)[0] + '\n{"id": 1, "pa_')
    other = _other_install(new_data)
    with raises_saying(ServiceError, "cut.paemployer is not an employer file"):
        transfer.import_employer(other, cut)
    assert employers.list_employers(other, datetime(2026, 1, 1).date()) == []
    other.close()


def test_an_export_laid_out_as_earlier_versions_wrote_it_is_still_imported(demo_db, new_data, tmp_path):
    source = employers.find_employer(demo_db, "Margaret Okafor")
    path = transfer.export_employer(demo_db, source.id, tmp_path / "m.paemployer", NOW)
    with zipfile.ZipFile(path) as archive:
        document = json.loads(archive.read("employer.json"))
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("employer.json", json.dumps(document, indent=1, sort_keys=True))  # tables by name
    other = _other_install(new_data)
    new_id = transfer.import_employer(other, path)
    assert len(people.list_pas(other, new_id)) == len(people.list_pas(demo_db, source.id))
    assert len(shifts_between(other, new_id, date(2000, 1, 1), date(2100, 1, 1))) == len(document["tables"]["shifts"])
    other.close()


def test_a_budget_year_with_a_negative_contribution_is_refused_naming_it(demo_db, new_data, tmp_path):
    source = employers.find_employer(demo_db, "Margaret Okafor")
    path = transfer.export_employer(demo_db, source.id, tmp_path / "m.paemployer", NOW)
    with zipfile.ZipFile(path) as archive:
        document = json.loads(archive.read("employer.json"))
    document["tables"]["budget_years"][0]["assessed_contribution"] = "-5.00"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("employer.json", json.dumps(document))
    other = _other_install(new_data)
    with raises_saying(ServiceError, "Nothing was imported from m.paemployer") as refused:
        transfer.import_employer(other, path)
    assert "contribution" in say(refused.value).lower()
    assert employers.list_employers(other, datetime(2026, 1, 1).date()) == []
    other.close()


def test_a_problem_in_the_last_record_of_the_file_is_refused_before_anything_is_stored(demo_db, new_data, tmp_path):
    from tests.readers import table_contents

    source = employers.find_employer(demo_db, "Margaret Okafor")
    path = transfer.export_employer(demo_db, source.id, tmp_path / "m.paemployer", NOW)
    with zipfile.ZipFile(path) as archive:
        lines = archive.read("employer.json").decode().splitlines()
    # The file is read a record at a time: the last record of its last table, after every shift.
    last = max(number for number, line in enumerate(lines) if line.startswith("{"))
    record = json.loads(lines[last].rstrip(","))
    lines[last] = json.dumps({**record, "nickname": "Mags"}) + ("," if lines[last].endswith(",") else "")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("employer.json", "\n".join(lines))
    other = _other_install(new_data)
    before = table_contents(other)
    with raises_saying(ServiceError, "Nothing was imported from m.paemployer") as refused:
        transfer.import_employer(other, path)
    assert "nickname" in say(refused.value)
    assert table_contents(other) == before
    other.close()


def test_a_file_that_changes_between_its_check_and_storing_it_stores_nothing(demo_db, new_data, tmp_path, monkeypatch):
    from tests.readers import table_contents

    source = employers.find_employer(demo_db, "Margaret Okafor")
    path = transfer.export_employer(demo_db, source.id, tmp_path / "m.paemployer", NOW)
    checked = transfer._check

    def check_then_overwrite_the_middle(*args):
        name = checked(*args)  # the whole file passed; now something writes over part of it
        with open(path, "r+b") as file:
            file.seek(path.stat().st_size // 2)
            file.write(bytes(64))
        return name

    monkeypatch.setattr(transfer, "_check", check_then_overwrite_the_middle)
    other = _other_install(new_data)
    before = table_contents(other)
    with raises_saying(ServiceError, "changed while it was being imported"):
        transfer.import_employer(other, path)
    assert table_contents(other) == before
    other.close()
