"""Opening a data file meets every file problem with one sentence, before anything is written; and
every file the app writes is the user's alone."""
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from datetime import datetime

import pytest

from pa_manager.storage import sqlite_file
from pa_manager.storage.backup import backups_of, copy_database
from pa_manager.storage.database import DataFileError, open_database
from tests.conftest import sqlite_only


def _refusal(path, **options) -> DataFileError:
    with pytest.raises(DataFileError) as refused:
        open_database(path, **options)
    return refused.value


def test_a_missing_file_is_made_only_when_asked(tmp_path):
    path = tmp_path / "typo.sqlite3"
    refused = _refusal(path, create=False)
    assert refused.code == "MISSING" and not path.exists()
    assert str(refused).startswith(f"There is no data file at {path}.")
    db, _ = open_database(path, create=True)
    db.close()
    assert path.exists()


def test_a_new_data_file_and_its_folder_are_the_users_alone(tmp_path):
    os.umask(0o022)
    try:
        db, _ = open_database(tmp_path / "new folder" / "data.sqlite3")
        db.close()
    finally:
        os.umask(0o022)
    assert stat.S_IMODE((tmp_path / "new folder").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "new folder" / "data.sqlite3").stat().st_mode) == 0o600


def test_a_damaged_file_is_refused_untouched_and_the_newest_backup_is_offered(data_path):
    db, _ = open_database(data_path)
    db.close()
    older = data_path.with_name("data.backup-2026-11-01-090000.sqlite3")
    newer = data_path.with_name("data.backup-2026-12-02-090000.sqlite3")
    for copy in (older, newer):
        copy_database(data_path, copy)
    assert backups_of(data_path) == [newer, older]
    content = bytearray(data_path.read_bytes())
    page = 4096
    for number in range(2, 8):  # the headers of some table pages, as a failing disk might leave them
        content[number * page: number * page + 12] = b"\xff" * 12
    data_path.write_bytes(bytes(content))
    refused = _refusal(data_path)
    assert refused.code == "DAMAGED"
    assert str(refused) == ("data.sqlite3 is damaged, so PA Manager has not changed it. The newest backup is "
                            "data.backup-2026-12-02-090000.sqlite3, made on 2 December 2026: a backup can be put back in "
                            "place of the damaged file, which is kept beside it.")
    assert data_path.read_bytes() == bytes(content)


def test_a_file_held_by_another_program_is_said_to_be_in_use(data_path, monkeypatch):
    monkeypatch.setattr(sqlite_file, "WAIT_FOR_FILE_SECONDS", 0.2)
    holder = sqlite3.connect(data_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        refused = _refusal(data_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert refused.code == "IN_USE" and "Close that program, then open the file again." in str(refused)


def test_another_programs_file_and_a_folder_are_refused_in_words(tmp_path):
    other = tmp_path / "recipes.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE recipes (id INTEGER)")
    con.commit()
    con.close()
    assert _refusal(other).code == "NOT_PA_MANAGER"
    assert _refusal(tmp_path).code == "IS_FOLDER"


def test_a_read_only_file_opens_to_look_at_and_refuses_changes_in_words(data_path, monkeypatch):
    from pa_manager.domain.employer import EmployerRecord
    from pa_manager.services import employers
    from pa_manager.storage.database import StorageError

    db, _ = open_database(data_path)
    employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    db.close()
    # Root may write any file, so the check is told the file is read-only, as it is for everyone else.
    real = os.access
    monkeypatch.setattr(sqlite_file.os, "access", lambda p, mode: False if mode & os.W_OK else real(p, mode))
    refused = _refusal(data_path)
    assert refused.code == "READ_ONLY" and "open it read-only" in str(refused)
    db, _ = open_database(data_path, read_only=True)
    assert [e.name for e in employers.list_employers(db, datetime(2026, 12, 3).date())] == ["Ruth Ames"]
    with pytest.raises(StorageError) as write:
        employers.save_employer(db, EmployerRecord(name="Someone Else"))
    assert write.value.code == "READ_ONLY"
    db.close()


def test_every_file_the_command_line_writes_is_the_users_alone_whatever_the_umask(tmp_path):
    data, out = tmp_path / "demo.sqlite3", tmp_path / "out"
    script = (f"umask 022; {sys.executable} -m pa_manager create-demo --data '{data}' && "
              f"{sys.executable} -m pa_manager export-employer --employer 'Margaret Okafor' --out '{tmp_path}/m.paemployer' --data '{data}' && "
              f"{sys.executable} -m pa_manager payslips --employer 'Margaret Okafor' --pay-date 2026-10-30 --out '{out}' --data '{data}' && "
              f"{sys.executable} -m pa_manager due --all --calendar '{tmp_path}/due.ics' --data '{data}'")
    subprocess.run(["sh", "-c", script], check=True, capture_output=True)
    written = [p for p in tmp_path.rglob("*")]
    assert {p.suffix for p in written} >= {".sqlite3", ".paemployer", ".pdf", ".ics"}
    for path in written:
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path


@sqlite_only("a SQLite file copied on its own, without its -wal file")
def test_a_finalised_pay_run_is_in_the_data_file_itself_the_moment_it_is_committed(db, data_path, tmp_path, today):
    """Copying just the data file (no -wal or -journal beside it) while the app still has it open keeps the run."""
    from datetime import date, time, timezone
    from decimal import Decimal

    from pa_manager.domain.people import PARecord, PayRateEntry
    from pa_manager.services import employers, pay_runs, people
    from pa_manager.services.shifts import ShiftInput, save_shift
    from pa_manager.domain.employer import EmployerRecord

    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    pa = people.save_pa(db, employer.id, PARecord(name="Ann Cole", date_of_birth=date(1980, 1, 1), tax_code="1257L",
                                                  start_date=date(2026, 4, 6),
                                                  pay_rates=(PayRateEntry(date(2026, 4, 6), Decimal("12.71")),)), today)
    save_shift(db, employer.id, ShiftInput(pa.id, date(2026, 11, 2), time(9), time(17)))
    pay_runs.finalise_pay_run(db, employer.id, date(2026, 11, 30), datetime(2026, 11, 30, 12, tzinfo=timezone.utc), confirmed=True)
    copy = tmp_path / "copied" / "data.sqlite3"
    copy.parent.mkdir()
    shutil.copyfile(data_path, copy)  # the file alone, as a person or a backup program would copy it
    assert not list(copy.parent.glob("*-wal")) and not list(data_path.parent.glob("*-wal"))
    again, _ = open_database(copy)
    assert pay_runs.pay_run_dates(again, employer.id) == [date(2026, 11, 30)]
    again.close()
