"""Today's demo, kept in the cache folder when the window has made it, and copied from there by the next
--demo the same day; a day's demo replaces the day before's, and a cache that cannot be written only means
making the demo again."""
import shutil
from datetime import date
from pathlib import Path

import pytest

from pa_manager import todays_demo
from pa_manager.services.data_files import open_data_file
from pa_manager.services.demo import DEMO_EMPLOYER
from pa_manager.services.employers import find_employer, list_employers
from pa_manager.services.pay_runs import pay_run_dates
from tests.conftest import TODAY


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture
def made(tmp_path, _demo_data_file) -> Path:
    """A demo file as the window leaves it once it has made the demo."""
    path = tmp_path / "made" / "demo.sqlite3"
    path.parent.mkdir()
    shutil.copy(_demo_data_file, path)
    return path


def demo_households(path: Path) -> tuple[list[str], int]:
    """The employers in a demo file, and how many pay runs the demo household has had."""
    opened = open_data_file(path, read_only=True, back_up=False)
    try:
        household = find_employer(opened.db, DEMO_EMPLOYER)
        return [e.name for e in list_employers(opened.db, TODAY)], len(pay_run_dates(opened.db, household.id))
    finally:
        opened.db.close()


def test_the_demo_made_is_kept_and_the_next_demo_today_copies_it(cache, made, tmp_path):
    todays_demo.keep(made, TODAY)
    kept = todays_demo.kept_path(TODAY)
    assert kept.parent.is_relative_to(cache) and TODAY.isoformat() in kept.name
    assert list(kept.parent.iterdir()) == [kept]  # nothing half-made left beside it
    assert oct(kept.parent.stat().st_mode & 0o777) == "0o700"

    location = tmp_path / "next" / "demo.sqlite3"
    location.parent.mkdir()
    todays_demo.copy_kept(location, TODAY)
    assert demo_households(location) == demo_households(made)
    assert DEMO_EMPLOYER in demo_households(location)[0]
    assert oct(location.stat().st_mode & 0o777) == "0o600"


def test_a_new_days_demo_replaces_the_day_befores(cache, made):
    todays_demo.keep(made, date(2026, 11, 22))
    todays_demo.keep(made, TODAY)
    kept = todays_demo.kept_path(TODAY)
    assert [p.name for p in kept.parent.iterdir()] == [kept.name]


def test_an_existing_file_is_never_overwritten_and_nothing_is_copied_when_nothing_is_kept(cache, made, tmp_path):
    location = tmp_path / "demo.sqlite3"
    todays_demo.copy_kept(location, TODAY)
    assert not location.exists()  # nothing kept: the window makes the demo there
    todays_demo.keep(made, TODAY)
    location.write_bytes(b"")
    todays_demo.copy_kept(location, TODAY)
    assert location.read_bytes() == b""


def test_a_cache_folder_that_cannot_be_made_keeps_nothing_and_says_nothing(tmp_path, made, monkeypatch):
    (tmp_path / "a file").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a file"))
    todays_demo.keep(made, TODAY)  # no error: the demo is made again next time
    assert not todays_demo.kept_path(TODAY).exists()


def test_a_demo_sqlite_cannot_copy_keeps_nothing_and_says_nothing(cache, tmp_path):
    broken = tmp_path / "made" / "demo.sqlite3"
    broken.parent.mkdir()
    broken.write_bytes(b"not a database at all, " * 200)  # SQLite refuses it (sqlite3.DatabaseError, not OSError)
    todays_demo.keep(broken, TODAY)  # no error: the next --demo today makes it again
    kept = todays_demo.kept_path(TODAY)
    assert not kept.exists() and list(kept.parent.iterdir()) == []
