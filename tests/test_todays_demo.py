"""Today's demo: made into the cache folder (by a second process on Linux, while the window starts), copied
from there by the next --demo today, and made by the window itself when that process could not make it."""
import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

import pa_manager
from pa_manager import todays_demo
from pa_manager.services.data_files import open_data_file
from pa_manager.services.demo import DEMO_EMPLOYER
from pa_manager.services.employers import find_employer, list_employers
from pa_manager.services.pay_runs import pay_run_dates
from tests.conftest import TODAY

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="the demo is made by a forked process on Linux only")


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


def demo_households(path: Path) -> tuple[list[str], int]:
    """The employers in a demo file, and how many pay runs the demo household has had."""
    opened = open_data_file(path, read_only=True, back_up=False)
    try:
        made = find_employer(opened.db, DEMO_EMPLOYER)
        return [e.name for e in list_employers(opened.db, TODAY)], len(pay_run_dates(opened.db, made.id))
    finally:
        opened.db.close()


def test_the_demo_is_made_into_the_cache_folder_and_copied_from_it(cache, tmp_path):
    todays_demo.make(TODAY)
    kept = todays_demo.kept_path(TODAY)
    assert kept.parent.is_relative_to(cache) and TODAY.isoformat() in kept.name
    assert list(kept.parent.iterdir()) == [kept]  # nothing half-made left beside it

    location = tmp_path / "demo.sqlite3"
    todays_demo.copy_kept(location, TODAY)
    employers, pay_runs = demo_households(location)
    assert DEMO_EMPLOYER in employers and len(employers) == 2
    assert pay_runs >= 24  # two years of monthly pay runs (product.md's demo household)
    assert oct(location.stat().st_mode & 0o777) == "0o600"


def test_a_new_day_replaces_the_days_before(cache):
    todays_demo.make(date(2026, 11, 22))
    todays_demo.make(TODAY)
    assert [p.name for p in todays_demo.kept_path(TODAY).parent.iterdir()] == [todays_demo.kept_path(TODAY).name]


def test_nothing_is_copied_when_nothing_is_kept(cache, tmp_path):
    location = tmp_path / "demo.sqlite3"
    todays_demo.copy_kept(location, TODAY)
    assert not location.exists()


def test_a_cache_folder_that_cannot_be_made_keeps_nothing_and_says_nothing(tmp_path, monkeypatch):
    (tmp_path / "a file").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a file"))
    todays_demo.make(TODAY)  # no error: the window makes it instead
    assert not todays_demo.kept_path(TODAY).exists()


def _in_a_fresh_python(code: str, cache: Path) -> subprocess.CompletedProcess:
    """As the command line does it: before Qt is loaded, in a process of its own."""
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), PYTHONPATH=str(Path(pa_manager.__file__).parents[1]))
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True, text=True,
                          timeout=300)


@linux_only
def test_on_linux_a_second_process_makes_it_while_the_first_goes_on(cache):
    result = _in_a_fresh_python(f"""
        import os
        from datetime import date
        from pa_manager import todays_demo
        today = date.fromisoformat("{TODAY.isoformat()}")
        child = todays_demo.start_making(today)
        assert child is not None and child != os.getpid()
        print("going on")  # the window would start here
        print("made" if todays_demo.finished(child) else "not made")
        print("again", todays_demo.start_making(today))  # kept now: nothing to make
    """, cache)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:3] == ["going on", "made", "again None"]
    assert demo_households(todays_demo.kept_path(TODAY))[1] >= 24


@linux_only
def test_a_process_that_could_not_make_it_is_said_to_have_failed(cache):
    result = _in_a_fresh_python(f"""
        from datetime import date
        from pa_manager import todays_demo
        from pa_manager.services import demo

        def broken(db, today):
            raise RuntimeError("a bug in the demo")

        demo.create_demo = broken
        child = todays_demo.start_making(date.fromisoformat("{TODAY.isoformat()}"))
        print("made" if todays_demo.finished(child) else "not made")
    """, cache)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "not made"
    assert not todays_demo.kept_path(TODAY).parent.exists() or not any(todays_demo.kept_path(TODAY).parent.iterdir())
