"""Test set-up shared by every test: Qt runs offscreen, before anything imports it."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from datetime import date
from pathlib import Path

import pytest

# A fixed "today" keeps every date-relative test (and the demo) reproducible.
TODAY = date(2026, 11, 23)


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
    path = tmp_path / "data.sqlite3"
    shutil.copy(_empty_data_file, path)
    return path


@pytest.fixture
def db(data_path):
    from pa_manager.storage.database import open_database

    database, _ = open_database(data_path)
    yield database
    database.close()


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


@pytest.fixture
def demo_db(tmp_path, _demo_data_file):
    from pa_manager.storage.database import open_database

    path = tmp_path / "demo.sqlite3"
    shutil.copy(_demo_data_file, path)
    database, _ = open_database(path)
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
