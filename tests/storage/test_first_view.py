"""What the window kept of the dashboard is shown at the next start only while it is exactly what the data
file holds today: same file, same day, same version, the file unchanged since; anything else deletes it."""
import os
import subprocess
import sys
from datetime import date

import pytest

from pa_manager.storage import first_view
from tests.conftest import TODAY, sqlite_only

VIEW = {"dashboard": {"heading": "Ruth Ames"}, "employers": [[1, "Ruth Ames"]], "employer_id": 1}


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_view_kept_is_shown_again_the_same_day_for_the_same_unchanged_file(data_path):
    first_view.keep(data_path, TODAY, VIEW)
    assert first_view.kept(data_path, TODAY) == VIEW
    assert oct(first_view.kept_path(data_path).stat().st_mode & 0o777) == "0o600"  # the user's only
    assert first_view.kept(data_path, TODAY) == VIEW  # looking does not use it up


def test_another_day_another_file_or_another_version_shows_nothing_and_deletes_it(data_path, tmp_path, monkeypatch):
    first_view.keep(data_path, TODAY, VIEW)
    assert first_view.kept(data_path, date(2026, 11, 24)) is None
    assert not first_view.kept_path(data_path).exists()
    other = tmp_path / "other.sqlite3"
    other.write_bytes(data_path.read_bytes())
    first_view.keep(data_path, TODAY, VIEW)
    assert first_view.kept(other, TODAY) is None
    monkeypatch.setattr(first_view, "_version", lambda: "9.9.9")
    assert first_view.kept(data_path, TODAY) is None


def test_any_change_to_the_file_since_shows_nothing(data_path):
    import sqlite3

    first_view.keep(data_path, TODAY, VIEW)
    stat = data_path.stat()
    con = sqlite3.connect(data_path)
    con.execute("CREATE TABLE scratch (a)")
    con.commit()
    con.close()
    os.utime(data_path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # even with its time put back, it grew
    assert first_view.kept(data_path, TODAY) is None
    assert not first_view.kept_path(data_path).exists()


def test_a_damaged_kept_view_is_ignored(data_path):
    first_view.keep(data_path, TODAY, VIEW)
    first_view.kept_path(data_path).write_text("{not json")
    assert first_view.kept(data_path, TODAY) is None


@sqlite_only("the kept view is for a data file")
def test_a_command_that_changes_the_file_deletes_what_was_kept(demo_location, cache):
    first_view.keep(demo_location, date.today(), VIEW)
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    done = subprocess.run([sys.executable, "-m", "pa_manager", "backup", "--data", demo_location], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert first_view.kept_path(demo_location).exists()  # a backup reads the file: still true
    done = subprocess.run([sys.executable, "-m", "pa_manager", "import-staff", os.devnull, "--employer", "Nobody",
                           "--data", demo_location], env=env, capture_output=True, text=True)
    assert not first_view.kept_path(demo_location).exists()
