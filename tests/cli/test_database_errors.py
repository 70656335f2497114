"""When the database refuses (a clash, another program holding the file, a read-only file), the command
line says so in one plain sentence, with no traceback and no personal data, and stores nothing."""
import json
import socket
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
from pa_manager.storage import database, postgresql
from pa_manager.storage.database import StorageError, open_database, storage_error
from tests.conftest import postgresql_only, sqlite_only
from tests.postgres_server import PASSWORD, PASSWORD_USER


@pytest.fixture
def household(data_location, today):
    db, _ = open_database(data_location)
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Ann Cole", date_of_birth=date(1980, 1, 1), ni_number="AB123456C", start_date=date(2026, 4, 6),
        tax_code="1257L", pay_rates=(PayRateEntry(date(2026, 4, 6), Decimal("12.71")),)), today)
    save_shift(db, employer.id, ShiftInput(pa.id, date(2026, 11, 2), clock(9), clock(17)))
    db.close()
    return data_location


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


@sqlite_only("another program holding the SQLite file's write lock; on PostgreSQL it is a row lock, below")
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


@sqlite_only("a read-only SQLite file; on PostgreSQL it is a login that may only read, below")
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
    # PostgreSQL's (libpq's and psycopg 3's) words
    (OperationalError("connect", {}, Exception('connection failed: connection to server at "10.0.0.5", port 5432 '
                                               'failed: Connection refused\n\tIs the server running on that host?')),
     "NO_SERVER"),
    (OperationalError("connect", {}, Exception("failed to resolve host 'db.example.org': Name or service not known")),
     "NO_SERVER"),
    (OperationalError("connect", {}, Exception('connection failed: connection to server at "10.0.0.5", port 5432 '
                                               'failed: FATAL:  password authentication failed for user "ann"')),
     "LOGIN_REFUSED"),
    (OperationalError("connect", {}, Exception('connection failed: connection to server at "10.0.0.5", port 5432 '
                                               'failed: FATAL:  database "household" does not exist')),
     "NO_DATABASE"),
    (OperationalError("INSERT ...", {}, Exception("permission denied for table pay_runs")), "NO_PERMISSION"),
    (OperationalError("SELECT ...", {}, Exception("canceling statement due to lock timeout")), "IN_USE"),
    (OperationalError("UPDATE ...", {}, Exception("could not serialize access due to concurrent update")), "IN_USE"),
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


# --- a shared database on a server (PostgreSQL) --------------------------------------------------------------


def _one_sentence(code_and_output, sentence_code: str) -> str:
    code, out, err = code_and_output
    assert code == 1 and out == "" and "Traceback" not in err and err.count("\n") == 1
    assert err == postgresql.SENTENCES[sentence_code] + "\n"
    return err


def _cli(capsys, *args):
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("address", ["postgresql://ann@db.example.org:5432/household",
                                     "postgres://ann:secret@db.example.org/household"])
def test_without_the_driver_a_postgresql_address_says_what_to_install(monkeypatch, capsys, address):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as after the README's install, without the extra
    err = _one_sentence(_cli(capsys, "employers", "--data", address), "NO_DRIVER")
    assert "pip install 'pa-manager[postgres]'" in err and "secret" not in err


def test_an_address_that_is_not_a_database_we_keep_records_in_is_one_sentence(capsys):
    _one_sentence(_cli(capsys, "employers", "--data", "oracle://ann@db.example.org/household"), "NOT_SUPPORTED")
    _one_sentence(_cli(capsys, "employers", "--data", "postgresql://ann@db.example.org:port/household"),
                  "BAD_ADDRESS")


def test_a_server_that_cannot_be_reached_is_one_sentence(capsys):
    pytest.importorskip("psycopg")
    with socket.socket() as unused:  # a port on this machine that nothing listens on
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    err = _one_sentence(_cli(capsys, "employers", "--data", f"postgresql://ann:secret@127.0.0.1:{port}/household"),
                        "NO_SERVER")
    assert "secret" not in err


@pytest.mark.postgresql
def test_a_wrong_password_is_one_sentence_without_the_password(postgres_server, capsys):
    address = postgres_server.url("postgres", user=PASSWORD_USER, password="not-the-password")
    err = _one_sentence(_cli(capsys, "employers", "--data", address), "LOGIN_REFUSED")
    assert "not-the-password" not in err and PASSWORD_USER not in err


@pytest.mark.postgresql
def test_a_database_that_is_not_on_the_server_is_one_sentence(postgres_server, capsys):
    _one_sentence(_cli(capsys, "employers", "--data", postgres_server.url("no_such_household")), "NO_DATABASE")


@postgresql_only("a login the server lets read but not change")
def test_a_login_that_may_only_read_is_one_sentence_and_nothing_changes(household, postgres_server, capsys):
    database = household.rsplit("/", 1)[1]
    postgres_server.execute_in(database, f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {PASSWORD_USER}")
    reader = postgres_server.url(database, user=PASSWORD_USER, password=PASSWORD)
    code, out, err = _cli(capsys, "employers", "--json", "--data", reader)
    assert code == 0 and [e["name"] for e in json.loads(out)] == ["Ruth Ames"]
    _one_sentence(_cli(capsys, "payrun", "--employer", "Ruth Ames", "--pay-date", "2026-11-30", "--finalise",
                       "--data", reader), "NO_PERMISSION")
    db, _ = open_database(household)
    with db.session() as s:
        assert s.execute(text("SELECT COUNT(*) FROM pay_runs")).scalar() == 0
    db.close()


@postgresql_only("another person's transaction holding the employer's row; with SQLite it is the file, above")
def test_a_record_held_by_someone_else_is_one_sentence_after_waiting(household, monkeypatch, capsys):
    monkeypatch.setattr(postgresql, "LOCK_TIMEOUT_MILLISECONDS", 500)
    holder, _ = open_database(household)
    try:
        with holder.session(write=True) as s:
            employer_id = s.execute(text("SELECT id FROM employers")).scalar()
            database.lock_employer(s, employer_id)  # someone else is finalising this employer's pay
            started = time.monotonic()
            code, out, err = _cli(capsys, "payrun", "--employer", "Ruth Ames", "--pay-date", "2026-11-30",
                                  "--finalise", "--data", household)
            waited = time.monotonic() - started
    finally:
        holder.close()
    assert code == 1 and out == "" and waited >= 0.5
    assert err.startswith("Another program, or another PA Manager window, is changing the data file")
    _no_personal_data(err)
    db, _ = open_database(household)
    with db.session() as s:
        assert s.execute(text("SELECT COUNT(*) FROM pay_runs")).scalar() == 0
    db.close()
