"""Test set-up shared by every test: Qt runs offscreen, before anything imports it."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from datetime import date
from pathlib import Path

import pytest

# A fixed "today" keeps every date-relative test (and the demo) reproducible.
TODAY = date(2026, 11, 23)


# --- which database ----------------------------------------------------------------------------
# `db`, `demo_db`, `data_location` and `new_data` give a SQLite file or a PostgreSQL database, as the
# `backend` fixture says. Here it says SQLite; tests/storage, tests/services and tests/cli override it
# (their conftest.py) to run each of their tests on both. The PostgreSQL variants are marked
# `postgresql`: `pytest -m postgresql` runs only them, `pytest -m "not postgresql"` everything else.
BOTH_BACKENDS = ("sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql))


def sqlite_only(why: str):
    """Pin a test of a directory that runs on both databases to SQLite, saying why (a file beside the
    data file, SQLite's own locking or pragmas): the reason is for the reader."""
    assert why
    return pytest.mark.parametrize("backend", ["sqlite"])


def postgresql_only(why: str):
    """The same for a test of something only a database server has (logins, row locks)."""
    assert why
    return pytest.mark.parametrize("backend", [pytest.param("postgresql", marks=pytest.mark.postgresql)])


@pytest.fixture
def backend() -> str:
    return "sqlite"


@pytest.fixture(scope="session")
def _empty_data_file(tmp_path_factory) -> Path:
    """One migrated empty data file per run; each test gets its own copy (migrating is the slow part)."""
    from pa_manager.storage.database import open_database

    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    db, _ = open_database(path)
    db.close()
    return path


@pytest.fixture
def data_path(tmp_path, _empty_data_file) -> Path:
    """A SQLite data file (a copy of the migrated empty one), for tests about SQLite files themselves."""
    path = tmp_path / "data.sqlite3"
    shutil.copy(_empty_data_file, path)
    return path


@pytest.fixture(scope="session")
def _demo_data_file(tmp_path_factory) -> Path:
    """The demo household (two years of shifts and pay runs) is built once; each test gets a copy."""
    from pa_manager.services.demo import create_demo
    from pa_manager.storage.database import open_database

    path = tmp_path_factory.mktemp("template") / "demo.sqlite3"
    db, _ = open_database(path)
    create_demo(db, TODAY)
    db.close()
    return path


@pytest.fixture(scope="session")
def postgres_server():
    """A throw-away PostgreSQL server for the whole run (tests/postgres_server.py), started only when a
    PostgreSQL variant first asks for it; skipped, saying how to get PostgreSQL, where it cannot start."""
    from tests import postgres_server

    try:
        server = postgres_server.start()
    except postgres_server.NoServer as why:
        pytest.skip(str(why))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def _postgres_templates(postgres_server) -> dict[str, str]:
    """Two template databases, built once: migrated and empty, and holding the demo household (and
    PostgreSQL's own template0, with no tables at all)."""
    from pa_manager.services.demo import create_demo
    from pa_manager.storage.database import open_database

    postgres_server.execute("CREATE DATABASE template_empty")
    db, _ = open_database(postgres_server.url("template_empty"))
    db.close()
    postgres_server.execute("CREATE DATABASE template_demo TEMPLATE template_empty")
    db, _ = open_database(postgres_server.url("template_demo"))
    create_demo(db, TODAY)
    db.close()
    return {"empty": "template_empty", "demo": "template_demo", "blank": "template0"}


@pytest.fixture
def _postgres_databases(postgres_server, _postgres_templates):
    """Makes databases for one test (CREATE DATABASE ... TEMPLATE), and drops them after it."""
    made = []

    def make(template: str) -> str:
        name = postgres_server.new_database(_postgres_templates[template])
        made.append(name)
        return postgres_server.url(name)

    yield make
    for name in made:
        postgres_server.drop_database(name)


@pytest.fixture
def new_data(backend, tmp_path, request):
    """Makes a new, empty place for data, as a --data argument: a SQLite file name not yet there, or
    the address of a new PostgreSQL database (migrated already, which opening would do anyway)."""
    names = iter(range(1, 1000))

    def make() -> str:
        if backend == "sqlite":
            return str(tmp_path / f"data-{next(names)}.sqlite3")
        return request.getfixturevalue("_postgres_databases")("empty")

    return make


@pytest.fixture
def data_location(backend, request) -> str:
    """The test's own migrated empty data, as a --data argument: a SQLite file or a PostgreSQL URL."""
    if backend == "sqlite":
        return str(request.getfixturevalue("data_path"))
    return request.getfixturevalue("_postgres_databases")("empty")


@pytest.fixture
def db(data_location):
    from pa_manager.storage.database import open_database

    database, _ = open_database(data_location)
    yield database
    database.close()


@pytest.fixture
def demo_location(backend, tmp_path, request) -> str:
    """The test's own copy of the demo household, as a --data argument."""
    if backend == "sqlite":
        path = tmp_path / "demo.sqlite3"
        shutil.copy(request.getfixturevalue("_demo_data_file"), path)
        return str(path)
    return request.getfixturevalue("_postgres_databases")("demo")


@pytest.fixture
def demo_db(demo_location):
    from pa_manager.storage.database import open_database

    database, _ = open_database(demo_location)
    yield database
    database.close()


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture(scope="session")
def _sample_export(tmp_path_factory, _demo_data_file) -> dict:
    """A small export with a record in every table (tests/export_sample.py), made once."""
    import json
    import zipfile
    from datetime import datetime

    from pa_manager.services import employers, transfer
    from pa_manager.storage.database import open_database
    from tests.export_sample import sample_tables

    folder = tmp_path_factory.mktemp("sample")
    shutil.copy(_demo_data_file, folder / "demo.sqlite3")
    db, _ = open_database(folder / "demo.sqlite3")
    source = employers.find_employer(db, "Margaret Okafor")
    path = transfer.export_employer(db, source.id, folder / "margaret.paemployer", datetime(2026, 11, 23, 10))
    db.close()
    with zipfile.ZipFile(path) as archive:
        return sample_tables(json.loads(archive.read("employer.json")))


@pytest.fixture
def sample_tables(_sample_export) -> dict:
    """The sample export's tables, a fresh copy to change."""
    import copy

    return copy.deepcopy(_sample_export)


@pytest.fixture(scope="session")
def resident_data_file(tmp_path_factory, _empty_data_file, _sample_export) -> Path:
    """A data file holding one employer (the sample, as RESIDENT), for imports to go in beside.
    Tests copy it (tests/fuzzing.fresh_copy); it is never changed itself."""
    import copy

    from pa_manager.services import transfer
    from pa_manager.storage.database import open_database
    from tests.export_sample import RESIDENT, write_export

    folder = tmp_path_factory.mktemp("resident")
    path = folder / "resident.sqlite3"
    shutil.copy(_empty_data_file, path)
    tables = copy.deepcopy(_sample_export)
    tables["employers"][0]["name"] = RESIDENT
    db, _ = open_database(path)
    transfer.import_employer(db, write_export(folder / "resident.paemployer", tables), today=TODAY)
    db.close()
    return path


@pytest.fixture
def resident_db(resident_data_file, tmp_path):
    """An open copy of the data file holding one employer (resident_data_file)."""
    from pa_manager.storage.database import open_database

    path = tmp_path / "resident.sqlite3"
    shutil.copy(resident_data_file, path)
    database, _ = open_database(path)
    yield database
    database.close()
