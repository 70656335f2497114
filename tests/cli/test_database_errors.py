"""When the database refuses (a clash, another program holding the file, a read-only file), the command
line says so in one plain sentence, with no traceback and no personal data, and stores nothing."""
import sqlite3
import subprocess
import sys
import time
from datetime import date, time as clock
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from pa_manager import cli
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import employers, people
from pa_manager.services.shifts import ShiftInput, save_shift
from pa_manager.storage import database
from pa_manager.storage.database import StorageError, open_database, storage_error


@pytest.fixture
def household(data_path, today):
    db, _ = open_database(data_path)
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Ann Cole", date_of_birth=date(1980, 1, 1), ni_number="AB123456C", start_date=date(2026, 4, 6),
        tax_code="1257L", pay_rates=(PayRateEntry(date(2026, 4, 6), Decimal("12.71")),)), today)
    save_shift(db, employer.id, ShiftInput(pa.id, date(2026, 11, 2), clock(9), clock(17)))
    db.close()
    return data_path


def _no_personal_data(err: str) -> None:
    assert "Traceback" not in err and "AB123456C" not in err and "1980" not in err


def test_a_staff_list_with_a_name_already_used_by_someone_else_is_a_row_error(household, tmp_path, capsys):
    sheet = tmp_path / "staff.csv"
    sheet.write_text("name,date_of_birth,ni_number\nAnn Cole,1991-02-03,JT482193B\n")
    code = cli.main(["import-staff", str(sheet), "--employer", "Ruth Ames", "--data", str(household)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "Line 2: There is already a PA called Ann Cole for this employer – use a different name, for example with a "
        "middle initial.",
        "Nothing was imported: 1 rows need correcting."]
    assert "JT482193B" not in err and "1991" not in err


def test_a_data_file_held_by_another_program_is_one_sentence_after_waiting(household):
    holder = sqlite3.connect(household, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "pa_manager", "payrun", "--employer", "Ruth Ames",
                                 "--pay-date", "2026-11-30", "--finalise", "--confirm", "--data", str(household)],
                                capture_output=True, text=True, timeout=60)
        waited = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 1 and result.stdout == "" and waited >= 4
    assert result.stderr.startswith("Another program, or another PA Manager window, is changing the data file")
    assert result.stderr.count("\n") == 1
    _no_personal_data(result.stderr)
    with sqlite3.connect(household) as c:
        assert c.execute("SELECT COUNT(*) FROM pay_runs").fetchone() == (0,)


def test_a_read_only_data_file_is_one_sentence_and_nothing_changes(household, monkeypatch, capsys):
    # Root can write to any file, so the file is opened the way SQLite opens a read-only one.
    real = database.create_engine
    monkeypatch.setattr(database, "create_engine", lambda url, **kw: real(
        f"sqlite:///file:{url.removeprefix('sqlite:///')}?mode=ro&uri=true", **kw))
    code = cli.main(["payrun", "--employer", "Ruth Ames", "--pay-date", "2026-11-30", "--finalise", "--confirm",
                     "--data", str(household)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err == ("The data file cannot be changed (it or its folder is read-only), so nothing was saved. Copy it "
                   "to a folder you can change, or ask whoever looks after this computer.\n")
    with sqlite3.connect(household) as c:
        assert c.execute("SELECT COUNT(*) FROM pay_runs").fetchone() == (0,)


def test_a_clash_the_services_did_not_foresee_is_still_one_sentence(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    with pytest.raises(StorageError) as refused, db.session() as s:
        s.execute(text("INSERT INTO employers (name, address, postcode, council, direct_payment_reference, nation, "
                       "london, paye_reference, accounts_office_reference, insurer, insurance_policy_number, "
                       "pension_provider, pay_frequency) SELECT name, address, postcode, council, "
                       "direct_payment_reference, nation, london, paye_reference, accounts_office_reference, "
                       "insurer, insurance_policy_number, pension_provider, pay_frequency FROM employers"))
    assert refused.value.code == "CLASH" and "Ruth Ames" not in str(refused.value)
    assert employers.get_employer(db, employer.id).name == "Ruth Ames"


@pytest.mark.parametrize("error, code", [
    (IntegrityError("INSERT ...", {"ni_number": "AB123456C"}, sqlite3.IntegrityError("UNIQUE constraint failed")),
     "CLASH"),
    (OperationalError("UPDATE ...", {}, sqlite3.OperationalError("database is locked")), "IN_USE"),
    (OperationalError("INSERT ...", {}, sqlite3.OperationalError("attempt to write a readonly database")), "READ_ONLY"),
    (OperationalError("INSERT ...", {}, sqlite3.OperationalError("database or disk is full")), "DISK_FULL"),
    (OperationalError("SELECT ...", {}, sqlite3.DatabaseError("database disk image is malformed")), "DAMAGED"),
    (sqlite3.OperationalError("unable to open database file"), "CANNOT_OPEN"),
    (OperationalError("SELECT ...", {}, Exception('could not obtain lock on row in relation "employers"')), "IN_USE"),
])
def test_each_kind_of_refusal_has_its_own_sentence_without_the_statement_or_its_values(error, code):
    refusal = storage_error(error)
    assert refusal.code == code
    assert "AB123456C" not in str(refusal) and "INSERT" not in str(refusal) and str(refusal).endswith(".")


def test_an_unexpected_error_is_a_sentence_too(monkeypatch, capsys, tmp_path):
    def broken(_args):
        raise KeyError(42)
    monkeypatch.setattr(cli, "cmd_employers", broken)
    code = cli.main(["employers", "--data", str(tmp_path / "x.sqlite3")])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("Something unexpected went wrong (KeyError)") and "Traceback" not in err
