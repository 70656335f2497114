"""Opening, closing and switching a data file through the service the window and the command line use
(services/data_files.py): the day's backup on opening to change, none when only looking, and a change
to the file itself that is refused leaves it open as it was."""
from __future__ import annotations

from datetime import datetime

import pytest

from pa_manager.domain.employer import EmployerRecord
from pa_manager.services import data_files, employers

NOW = datetime(2026, 11, 23, 9, 30)


def _daily(path):
    return [b for b in data_files.backups_of(path) if data_files.kind_of(b) == "daily"]


def test_a_new_file_is_made_only_when_asked_and_takes_no_backup(tmp_path):
    path = tmp_path / "new.sqlite3"
    with pytest.raises(data_files.DataFileError) as refused:
        data_files.open_data_file(path, now=NOW)
    assert refused.value.code == "MISSING" and not path.exists()
    opened = data_files.open_data_file(path, create=True, now=NOW)
    try:
        assert opened.backup_problem is None and not _daily(path)
    finally:
        opened.db.close()


def test_opening_a_file_to_change_takes_the_days_backup_once(data_path):
    first = data_files.open_data_file(data_path, now=NOW)
    first.db.close()
    second = data_files.open_data_file(data_path, now=NOW.replace(hour=15))
    second.db.close()
    assert first.backup_problem is None
    assert len(_daily(data_path)) == 1


def test_opening_a_file_only_to_look_takes_no_backup(data_path):
    opened = data_files.open_data_file(data_path, read_only=True, now=NOW)
    try:
        assert opened.db.read_only and not _daily(data_path)
    finally:
        opened.db.close()


def test_a_refused_change_to_the_file_opens_it_again_as_it_was(data_path):
    opened = data_files.open_data_file(data_path, now=NOW)
    employers.save_employer(opened.db, EmployerRecord(name="Ruth Ames"))

    def refused():
        raise data_files.DataFileError("The backup could not be read.", "DAMAGED")

    result, refusal, again = data_files.change_data_file(opened.db, refused, "a new passphrase", NOW)
    try:
        assert result is None and refusal.code == "DAMAGED"
        assert not again.db.encrypted  # opened with the passphrase it had, not the one asked for
        assert [e.name for e in employers.list_employers(again.db, NOW.date())] == ["Ruth Ames"]
    finally:
        again.db.close()


def test_a_database_server_has_no_file_to_back_up():
    assert data_files.file_path("postgresql://pa@db.example:5432/pa") is None
    assert data_files.file_path("~/pa.sqlite3").is_absolute()
