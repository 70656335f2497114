"""Opening data files: create, upgrade with a backup, refuse newer or damaged files untouched."""
import shutil
import sqlite3
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from pa_manager.storage import database
from pa_manager.storage.database import DataFileError, head_revision, open_database
from pa_manager.storage.models import Base, Employer
from tests.conftest import postgresql_only


def test_a_new_file_is_created_at_the_latest_schema(tmp_path):
    path = tmp_path / "folder" / "new.sqlite3"
    db, opened = open_database(path)
    assert path.exists() and opened.backup is None
    with db.engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
        # A rollback journal: a committed change is in the data file itself, never only in a -wal file.
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "delete"
    db.close()


def test_migrations_build_exactly_the_schema_the_models_describe(tmp_path):
    """A new file is made from the models directly (storage/database.py _create); a file upgraded by
    every migration in turn must end up the same."""
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{tmp_path / 'migrated.sqlite3'}")
    with engine.begin() as c:
        command.upgrade(database._alembic_config(c), "head")
    with engine.connect() as c:
        assert compare_metadata(MigrationContext.configure(c), Base.metadata) == []
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    engine.dispose()


def test_a_new_file_made_from_the_models_matches_them_and_is_at_the_newest_revision(db):
    with db.engine.connect() as c:
        assert compare_metadata(MigrationContext.configure(c), Base.metadata) == []
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()


def test_a_file_at_an_older_revision_is_backed_up_then_upgraded(data_path, monkeypatch):
    # The file is at today's head; pretend the app's head has moved on, as it will at the next migration.
    real_head = head_revision()
    monkeypatch.setattr(database, "head_revision", lambda: "a-later-revision")
    monkeypatch.setattr(database, "known_revisions", lambda: {real_head, "a-later-revision"})
    db, opened = open_database(data_path, now=datetime(2026, 11, 23, 9, 30))
    db.close()
    assert opened.backup == data_path.with_name("data.backup-2026-11-23-093000-before-upgrade.sqlite3")
    con = sqlite3.connect(opened.backup)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == real_head
    con.close()


def test_a_file_from_a_newer_version_is_refused_and_left_untouched(data_path):
    con = sqlite3.connect(data_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = data_path.read_bytes()
    with pytest.raises(DataFileError, match="newer version of PA Manager"):
        open_database(data_path)
    assert data_path.read_bytes() == before
    assert not list(data_path.parent.glob("*.backup-*"))


@pytest.mark.parametrize("content", [b"not a database at all", b"SQLite format 3\x00" + b"\xff" * 200])
def test_a_damaged_file_is_refused_and_left_untouched(tmp_path, content):
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DataFileError, match="damaged"):
        open_database(path)
    assert path.read_bytes() == content


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(DataFileError, match="not a PA Manager data file"):
        open_database(path)


def test_money_is_stored_as_whole_pence_and_read_back_exactly(db):
    with db.session() as s:
        s.add(Employer(name="Pence test"))
    with db.session() as s:
        employer = s.query(Employer).one()
        from pa_manager.storage.models import PayRate, PersonalAssistant

        pa = PersonalAssistant(employer_id=employer.id, name="A")
        pa.pay_rates.append(PayRate(employer_id=employer.id, effective_from=datetime(2026, 4, 1).date(), amount=Decimal("12.71")))
        s.add(pa)
    with db.engine.connect() as c:
        assert c.execute(text("SELECT amount FROM pay_rates")).scalar() == 1271
    with db.session() as s:
        assert s.query(PayRate).one().amount == Decimal("12.71")


def test_fractions_of_a_penny_are_refused_rather_than_rounded_away(db):
    from sqlalchemy.exc import StatementError

    from pa_manager.storage.models import PayRate, PersonalAssistant

    with db.session() as s:
        s.add(Employer(name="E"))
    with pytest.raises(StatementError, match="fractions of a penny"):
        with db.session() as s:
            employer = s.query(Employer).one()
            pa = PersonalAssistant(employer_id=employer.id, name="A")
            pa.pay_rates.append(PayRate(employer_id=employer.id, effective_from=datetime(2026, 4, 1).date(), amount=Decimal("12.705")))
            s.add(pa)


def test_deleting_an_employer_removes_everything_it_owns_pay_records_too(demo_db):
    from pa_manager.storage.transfer import delete_employer_rows, owned_tables

    with demo_db.session() as s:
        assert s.execute(text("SELECT count(*) FROM payslips")).scalar() > 0
        for employer in s.query(Employer).all():
            assert delete_employer_rows(s.connection(), employer.id)
    with demo_db.engine.connect() as c:
        for table in owned_tables():
            assert c.execute(text(f'SELECT count(*) FROM "{table.name}"')).scalar() == 0, table.name


def test_the_schema_revision_constant_is_the_newest_migration():
    from alembic.script import ScriptDirectory

    from pa_manager.storage.database import _alembic_config

    assert ScriptDirectory.from_config(_alembic_config()).get_current_head() == database.SCHEMA_REVISION


def test_opening_a_file_at_the_newest_schema_does_not_load_alembic(data_path):
    import subprocess
    import sys

    code = (
        "import sys; from pa_manager.storage.database import open_database; "
        f"open_database({str(data_path)!r}); print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.fixture
def blank_location(backend, tmp_path, request) -> str:
    """Somewhere with no tables at all yet: a SQLite file name, or an empty PostgreSQL database."""
    if backend == "sqlite":
        return str(tmp_path / "old.sqlite3")
    return request.getfixturevalue("_postgres_databases")("blank")


def _engine(location: str):
    """A plain engine on the data, as an older release made it (no app code in between)."""
    from sqlalchemy import create_engine

    from pa_manager.storage.postgresql import url_engine

    return url_engine(location) if "://" in location else create_engine(f"sqlite:///{location}")


def test_a_file_from_the_first_release_is_backed_up_and_upgraded_keeping_every_record(blank_location):
    """Build a data file as the first release (revision 0001) wrote it, then open it today."""
    from alembic import command

    from pa_manager.services import employers, people
    from pa_manager.storage.database import _alembic_config

    engine = _engine(blank_location)
    with engine.begin() as c:
        command.upgrade(_alembic_config(c), "0001")
        c.execute(text("INSERT INTO employers (id, name, address, postcode, council, direct_payment_reference, nation, london,"
                       " paye_reference, accounts_office_reference, insurer, insurance_policy_number, pension_provider,"
                       " pay_frequency) VALUES (1, 'Old Employer', '', '', 'A Council', '', 'wales', :no, '', '', '', '', '',"
                       " 'weekly')"), {"no": False})
        c.execute(text("INSERT INTO pas (id, employer_id, name, ni_number, address, postcode, phone, email, leaving_reason,"
                       " job_title, tax_code, ni_category, irregular_hours, apprentice, close_relative_in_household,"
                       " emergency_contact_name, emergency_contact_phone) VALUES (1, 1, 'Old PA', 'JT482193B', '', '', '', '',"
                       " '', 'PA', 'C1257L', 'A', :no, :no, :no, '', '')"), {"no": False})
        c.execute(text("INSERT INTO pay_rates (employer_id, pa_id, effective_from, hourly_rate) "
                       "VALUES (1, 1, :day, 1221)"), {"day": datetime(2025, 4, 1).date()})
    engine.dispose()

    db, opened = open_database(blank_location, now=datetime(2026, 11, 23, 8, 0))
    employer = employers.find_employer(db, "Old Employer")
    assert employer.nation.value == "wales" and employer.follows_real_living_wage is False
    assert employer.care_wage_uplift == Decimal("2.00")
    pa = people.list_pas(db, employer.id)[0]
    assert (pa.name, pa.tax_code, pa.rate_on(datetime(2026, 1, 1).date())) == ("Old PA", "C1257L", Decimal("12.21"))
    db.close()
    if "://" in blank_location:
        assert opened.backup is None  # a server's backups are its own: nothing is copied beside anything
        return
    assert opened.backup is not None and opened.backup.exists()
    con = sqlite3.connect(opened.backup)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    con.close()


def test_a_file_at_0025_gains_the_earlier_payrolls_figures_to_date_blank(blank_location):
    """Migration 0026: each PA's figures from an earlier payroll, not recorded until the user gives them."""
    from alembic import command

    from pa_manager.services import employers, people
    from pa_manager.storage.database import _alembic_config

    engine = _engine(blank_location)
    with engine.begin() as c:
        command.upgrade(_alembic_config(c), "0001")  # the rows as the first release wrote them, then to 0025
        c.execute(text("INSERT INTO employers (id, name, address, postcode, council, direct_payment_reference, nation, london,"
                       " paye_reference, accounts_office_reference, insurer, insurance_policy_number, pension_provider,"
                       " pay_frequency) VALUES (1, 'Moved Employer', '', '', 'A Council', '', 'england', :no, '', '', '',"
                       " '', '', 'monthly')"), {"no": False})
        c.execute(text("INSERT INTO pas (id, employer_id, name, ni_number, address, postcode, phone, email, leaving_reason,"
                       " job_title, tax_code, ni_category, irregular_hours, apprentice, close_relative_in_household,"
                       " emergency_contact_name, emergency_contact_phone) VALUES (1, 1, 'Moved PA', 'JT482193B', '', '',"
                       " '', '', '', 'PA', '1257L', 'A', :no, :no, :no, '', '')"), {"no": False})
        command.upgrade(_alembic_config(c), "0025")
        c.execute(text("UPDATE pas SET earlier_payroll_last_paid = :day, payroll_id = 'BPT-1'"),
                  {"day": datetime(2026, 9, 30).date()})
    engine.dispose()

    db, _ = open_database(blank_location, now=datetime(2026, 12, 4, 8, 0))
    [pa] = people.list_pas(db, employers.find_employer(db, "Moved Employer").id)
    assert (pa.earlier_payroll_last_paid, pa.payroll_id) == (datetime(2026, 9, 30).date(), "BPT-1")
    assert (pa.earlier_payroll_taxable_pay, pa.earlier_payroll_tax, pa.earlier_payroll_student_loan) == (None,) * 3
    db.close()


RELEASE_0007 = Path(__file__).parents[1] / "data" / "release-0007.sqlite3"


def _copy_rows(source, target) -> None:
    """Every row of one database into another at the same revision, ids and all (then each id sequence
    moves past them, as it would have if the rows had been added there)."""
    from sqlalchemy import MetaData, func, select

    tables, into = MetaData(), MetaData()
    with source.connect() as s, target.begin() as t:
        tables.reflect(s)
        into.reflect(t)
        for table in into.sorted_tables:
            if table.name == "alembic_version":
                continue
            rows = [dict(r) for r in s.execute(select(tables.tables[table.name])).mappings()]
            if rows:
                t.execute(table.insert(), rows)
                t.execute(text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :top)"),
                          {"t": f'"{table.name}"', "top": t.execute(select(func.max(table.c.id))).scalar()})


def test_a_file_from_the_release_before_is_backed_up_and_its_pay_records_kept_whole(blank_location, tmp_path):
    """tests/data/release-0007.sqlite3 was made by the release with schema 0007 (make_release_0007.py): two
    PAs, October and November paid, November paid twice (that release's bug) and one shift stored twice.
    On PostgreSQL the same rows are put in a database at revision 0007 first."""
    import json

    from alembic import command

    from pa_manager.domain.pay_record import FORMAT_VERSION
    from pa_manager.storage.database import _alembic_config

    if "://" in blank_location:
        engine = _engine(blank_location)
        with engine.begin() as c:
            command.upgrade(_alembic_config(c), "0007")
        release = _engine(str(shutil.copy(RELEASE_0007, tmp_path / "release.sqlite3")))
        _copy_rows(release, engine)
        release.dispose()
        engine.dispose()
    else:
        shutil.copy(RELEASE_0007, blank_location)
    db, opened = open_database(blank_location, now=datetime(2026, 12, 3, 9, 0))
    with db.engine.connect() as c:
        documents = [json.loads(d) for d, in c.execute(text("SELECT document FROM payslips"))]
        runs = c.execute(text("SELECT pay_date, repeats_period FROM pay_runs ORDER BY pay_date")).all()
        shifts = c.execute(text("SELECT COUNT(*), (SELECT COUNT(*) FROM (SELECT DISTINCT pa_id, starts_at, ends_at, "
                                "shift_type FROM shifts) AS distinct_shifts) FROM shifts")).one()
        hours = c.execute(text("SELECT hours, holiday_hours_taken, hours_worked FROM payslips")).all()
        versions = {table: c.execute(text(f"SELECT DISTINCT version FROM {table}")).scalars().all()
                    for table in ("employers", "pas", "shifts")}
    db.close()
    assert versions == {"employers": [1], "pas": [1], "shifts": [1]}  # migration 0009: every row starts at 1
    assert len(documents) == 6 and {d["format_version"] for d in documents} == {FORMAT_VERSION}
    # The details the old records lacked come from the rows as they were at the upgrade.
    assert {d["pa_details"]["ni_number"] for d in documents} == {"AB123456C", "JK654321A"}
    assert {d["employer"]["paye_reference"] for d in documents} == {"123/AB456"}
    # The second November run is kept (it was paid) and marked as paying the period again.
    assert [(str(day), bool(repeats)) for day, repeats in runs] == [
        ("2026-10-30", False), ("2026-11-27", True), ("2026-11-30", False)]
    assert shifts[0] == shifts[1]  # the doubled shift is stored once
    # The hours worked are the hours paid for less the holiday taken, exactly.
    assert all(Decimal(worked) == Decimal(paid) - Decimal(taken) for paid, taken, worked in hours)
    assert any(Decimal(taken) for _, taken, _ in hours)
    if "://" in blank_location:
        assert opened.backup is None
        return
    # The backup is the file as it was, untouched.
    assert opened.backup is not None and opened.backup.exists()
    con = sqlite3.connect(opened.backup)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0007"
    con.close()

def test_moments_after_2038_are_stored_exactly(db):
    """Instants are whole seconds since 1970: past 19 January 2038 they need 64 bits (PostgreSQL's INTEGER
    has 32), and a rota or a far-off training date can reach that far."""
    from datetime import date, time

    from pa_manager.domain.employer import EmployerRecord
    from pa_manager.domain.people import PARecord
    from pa_manager.services import employers, people, shifts

    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    pa = people.save_pa(db, employer.id, PARecord(name="Ann Cole"), date(2026, 11, 23))
    saved = shifts.save_shift(db, employer.id, shifts.ShiftInput(pa.id, date(2040, 3, 5), time(22), time(7)))
    again = shifts.get_shift(db, saved.key)
    assert (again.start, again.end) == (datetime(2040, 3, 5, 22, 0, tzinfo=again.start.tzinfo),
                                        datetime(2040, 3, 6, 7, 0, tzinfo=again.start.tzinfo))
    assert shifts.shifts_between(db, employer.id, date(2040, 3, 5), date(2040, 3, 5)) == [again]


@postgresql_only("what a database URL opens: the driver and the address shown on screen")
def test_a_postgresql_address_opens_with_psycopg_and_is_shown_without_its_password(data_location):
    address = data_location.replace("postgresql://pa_test@", "postgresql://pa_test:secret@")
    db, opened = open_database(address)
    try:
        assert db.engine.dialect.driver == "psycopg" and opened.backup is None
        assert db.location == address.replace(":secret@", ":***@")
    finally:
        db.close()


@postgresql_only("logins and grants on a database server")
def test_a_staff_login_with_the_readmes_grants_can_do_what_the_app_does(data_location, postgres_server):
    """README, 'A shared database': the owner's login creates the tables; everyone else's needs these."""
    from datetime import date, time

    from pa_manager.domain.employer import EmployerRecord
    from pa_manager.domain.people import PARecord
    from pa_manager.services import employers, people, shifts, undo, undo_rules
    from tests.postgres_server import PASSWORD, PASSWORD_USER

    database = data_location.rsplit("/", 1)[1]
    postgres_server.execute_in(database, "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public "
                                         f"TO {PASSWORD_USER}")
    postgres_server.execute_in(database, f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {PASSWORD_USER}")
    db, _ = open_database(postgres_server.url(database, user=PASSWORD_USER, password=PASSWORD))
    try:
        employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
        ann = people.save_pa(db, employer.id, PARecord(name="Ann Cole"), date(2026, 11, 23))
        shift = shifts.save_shift(db, employer.id, shifts.ShiftInput(ann.id, date(2026, 11, 2), time(9), time(17)))
        undo_rules.reverse(db, shifts.delete_shift(db, shift.key), date(2026, 11, 23))  # undo: back with its id
        bea = people.save_pa_undoably(db, employer.id, PARecord(name="Bea Dunn"), date(2026, 11, 23))
        [row] = bea.change.rows
        ahead = undo.RowChange("pas", ann.id + 5, {**row.new, "id": ann.id + 5, "name": "Di Ford"}, None)  # an id ahead of the sequence
        undo_rules.reverse(db, undo.Change("PA_REMOVED", employer.id, {}, (ahead,)), date(2026, 11, 23))
        assert people.save_pa(db, employer.id, PARecord(name="Cy Eves"), date(2026, 11, 23)).id > ann.id + 5
        assert employers.remove_employer(db, employer.id).rows_of("employers")[0].old["name"] == "Ruth Ames"
    finally:
        db.close()


def test_each_pas_first_shift_is_read_from_the_index_not_from_their_shifts(db):
    """The first-shift question (services.due.first_shift_days) is answered from the index made for
    it, on SQLite and on PostgreSQL alike (there told not to read the whole table, as its planner would
    for a table this small)."""
    from sqlalchemy import func, select

    from pa_manager.storage import models

    first = (select(func.min(models.Shift.local_date)).where(models.Shift.pa_id == models.PersonalAssistant.id)
             .scalar_subquery())
    query = select(models.PersonalAssistant.id, first).where(models.PersonalAssistant.id.in_([1, 2]))
    with db.engine.connect() as c:
        compiled = query.compile(c, compile_kwargs={"literal_binds": True})
        if c.dialect.name == "sqlite":
            plan = " ".join(str(row[-1]) for row in c.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
        else:
            c.exec_driver_sql("SET enable_seqscan = off")
            plan = " ".join(row[0] for row in c.exec_driver_sql(f"EXPLAIN {compiled}"))
    assert "ix_shifts_pa_id_local_date" in plan, plan
