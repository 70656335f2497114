"""Who uses a data file is remembered in the file itself; where its records are kept, for the first run."""
from datetime import datetime

import pytest

from pa_manager.services import first_run
from pa_manager.storage.safekeeping import take_daily_backup
from tests.conftest import sqlite_only


def test_nobody_has_been_asked_in_a_new_file(db):
    assert first_run.user_role(db) is None


def test_the_role_is_kept_changed_and_forgotten_in_the_file(db, data_location):
    from pa_manager.storage.database import open_database

    assert first_run.remember_user_role(db, first_run.ADVOCATE) is None
    assert first_run.remember_user_role(db, first_run.COUNCIL) == first_run.ADVOCATE
    again, _ = open_database(data_location)
    assert first_run.user_role(again) == first_run.COUNCIL
    again.close()
    assert first_run.remember_user_role(db, None) == first_run.COUNCIL  # undo: as if never asked
    assert first_run.user_role(db) is None


def test_an_unknown_role_is_refused(db):
    with pytest.raises(ValueError):
        first_run.remember_user_role(db, "admin")


def test_the_role_stays_with_the_file_not_with_an_employer_export(db, tmp_path):
    from pa_manager.domain.employer import EmployerRecord
    from pa_manager.services import employers, transfer
    from pa_manager.storage.database import open_database

    first_run.remember_user_role(db, first_run.ADVOCATE)
    employer = employers.save_employer(db, EmployerRecord(name="Nia Owusu"))
    exported = tmp_path / "nia.paemployer"
    transfer.export_employer(db, employer.id, exported, datetime(2026, 11, 23, 9))
    other, _ = open_database(tmp_path / "other.sqlite3")
    transfer.import_employer(other, exported)
    assert first_run.user_role(other) is None
    other.close()


@sqlite_only("a data file, its folder and the backups beside it")
def test_where_the_records_are_kept_names_the_file_its_folder_and_its_backups(db, data_path):
    place = first_run.where_records_are_kept(db)
    assert place.is_file and place.location == str(data_path.resolve()) and place.folder == data_path.parent.resolve()
    assert (place.backups, place.newest_backup, place.keep_daily) == (0, None, 7)
    assert not place.encrypted and not place.read_only
    take_daily_backup(data_path, now=datetime(2026, 11, 23, 9, 0))
    place = first_run.where_records_are_kept(db)
    assert place.backups == 1 and place.newest_backup == datetime(2026, 11, 23, 9, 0)


def test_a_database_url_is_shown_without_its_password():
    class Server:
        location = "postgresql://carer:secret@db.example.org:5432/pa"
        encrypted = read_only = False

    place = first_run.where_records_are_kept(Server())
    assert not place.is_file and place.folder is None and "secret" not in place.location
    assert "db.example.org" in place.location
