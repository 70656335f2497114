"""Opening data files: create, upgrade with a backup, refuse newer or damaged files untouched."""
import shutil
import sqlite3
from datetime import datetime
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from pa_manager.storage import database
from pa_manager.storage.database import DataFileError, head_revision, open_database
from pa_manager.storage.models import Base, Employer


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


def test_a_file_from_the_first_release_is_backed_up_and_upgraded_keeping_every_record(tmp_path):
    """Build a data file as the first release (revision 0001) wrote it, then open it today."""
    from alembic import command
    from sqlalchemy import create_engine

    from pa_manager.services import employers, people
    from pa_manager.storage.database import _alembic_config

    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as c:
        command.upgrade(_alembic_config(c), "0001")
        c.execute(text("INSERT INTO employers (id, name, address, postcode, council, direct_payment_reference, nation, london,"
                       " paye_reference, accounts_office_reference, insurer, insurance_policy_number, pension_provider,"
                       " pay_frequency) VALUES (1, 'Old Employer', '', '', 'A Council', '', 'wales', 0, '', '', '', '', '', 'weekly')"))
        c.execute(text("INSERT INTO pas (id, employer_id, name, ni_number, address, postcode, phone, email, leaving_reason,"
                       " job_title, tax_code, ni_category, irregular_hours, apprentice, close_relative_in_household,"
                       " emergency_contact_name, emergency_contact_phone) VALUES (1, 1, 'Old PA', 'JT482193B', '', '', '', '',"
                       " '', 'PA', 'C1257L', 'A', 0, 0, 0, '', '')"))
        c.execute(text("INSERT INTO pay_rates (employer_id, pa_id, effective_from, hourly_rate) VALUES (1, 1, '2025-04-01', 1221)"))
    engine.dispose()

    db, opened = open_database(path, now=datetime(2026, 11, 23, 8, 0))
    assert opened.backup is not None and opened.backup.exists()
    employer = employers.find_employer(db, "Old Employer")
    assert employer.nation.value == "wales" and employer.follows_real_living_wage is False
    assert employer.care_wage_uplift == Decimal("2.00")
    pa = people.list_pas(db, employer.id)[0]
    assert (pa.name, pa.tax_code, pa.rate_on(datetime(2026, 1, 1).date())) == ("Old PA", "C1257L", Decimal("12.21"))
    db.close()
    con = sqlite3.connect(opened.backup)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    con.close()


def test_a_file_from_the_release_before_is_backed_up_and_its_pay_records_kept_whole(tmp_path):
    """tests/data/release-0007.sqlite3 was made by the release with schema 0007 (make_release_0007.py): two
    PAs, October and November paid, November paid twice (that release's bug) and one shift stored twice."""
    import json
    from pathlib import Path

    from pa_manager.domain.pay_record import FORMAT_VERSION

    path = tmp_path / "household.sqlite3"
    shutil.copy(Path(__file__).parents[1] / "data" / "release-0007.sqlite3", path)
    db, opened = open_database(path, now=datetime(2026, 12, 3, 9, 0))
    assert opened.backup is not None and opened.backup.exists()
    with db.engine.connect() as c:
        documents = [json.loads(d) for d, in c.execute(text("SELECT document FROM payslips"))]
        runs = c.execute(text("SELECT pay_date, repeats_period FROM pay_runs ORDER BY pay_date")).all()
        shifts = c.execute(text("SELECT COUNT(*), COUNT(DISTINCT pa_id || starts_at || ends_at || shift_type) "
                                "FROM shifts")).one()
    db.close()
    assert len(documents) == 6 and {d["format_version"] for d in documents} == {FORMAT_VERSION}
    # The details the old records lacked come from the rows as they were at the upgrade.
    assert {d["pa_details"]["ni_number"] for d in documents} == {"AB123456C", "JK654321A"}
    assert {d["employer"]["paye_reference"] for d in documents} == {"123/AB456"}
    # The second November run is kept (it was paid) and marked as paying the period again.
    assert [(str(day), bool(repeats)) for day, repeats in runs] == [
        ("2026-10-30", False), ("2026-11-27", True), ("2026-11-30", False)]
    assert shifts[0] == shifts[1]  # the doubled shift is stored once
    # The backup is the file as it was, untouched.
    con = sqlite3.connect(opened.backup)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0007"
    con.close()
