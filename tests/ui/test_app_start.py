"""What starting the window changes outside the app: PySide6's look at every module imported after it, and
Python's cycle collector."""
import gc
import linecache
import os
import subprocess
import sys

import pytest

import pa_manager.app  # noqa: F401 - importing the app is what sets it up

NAMES = ("pa_start_mentions_qt", "pa_start_plain")


@pytest.fixture
def modules(tmp_path, monkeypatch):
    (tmp_path / "pa_start_mentions_qt.py").write_text("import PySide6  # a module using Qt\nUSES = True\n")
    (tmp_path / "pa_start_plain.py").write_text("USES = False\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    feature = sys.modules["shibokensupport.feature"]
    yield feature, tmp_path
    for name in NAMES:
        sys.modules.pop(name, None)
        feature.pyside_feature_dict.pop(name, None)


def test_pyside_learns_which_modules_use_it_without_keeping_their_source(modules):
    feature, folder = modules
    for name in NAMES:
        __import__(name)  # through PySide6's own import hook (it replaces __import__), as every app module is

    assert feature.pyside_feature_dict["pa_start_mentions_qt"] == 0  # uses PySide6: its features may be switched
    assert feature.pyside_feature_dict["pa_start_plain"] == -1  # does not: left alone
    for name in NAMES:
        assert str(folder / f"{name}.py") not in linecache.cache  # no source lines kept for good


def test_setting_it_up_twice_changes_nothing(modules):
    feature, _ = modules
    asked = feature._mod_uses_pyside
    pa_manager.app._ask_without_keeping_sources()
    assert feature._mod_uses_pyside is asked


def test_starting_moves_what_it_made_out_of_the_collectors_sight_and_the_window_thread_collects(tmp_path):
    # In a process of its own: freezing this one would keep the other tests' garbage for good.
    script = (
        "import gc, sys\n"
        "from pa_manager import app\n"
        "code = app.run(sys.argv[1], demo=True)\n"
        "from pa_manager.ui.collector import collecting\n"
        "print('after', code, gc.get_freeze_count(), collecting(), gc.isenabled())\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PA_MANAGER_QUIT_WHEN_SHOWN": "1",
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "demo.sqlite3")], env=env,
                          capture_output=True, text=True, timeout=300)
    [after] = [line.split() for line in done.stdout.splitlines() if line.startswith("after")]
    assert after[1] == "0"  # the demo's records were shown
    assert int(after[2]) > 100_000  # Qt's, SQLAlchemy's and the app's modules and classes, frozen
    assert after[3:] == ["True", "False"]  # collected on the window thread's timer, not in the background thread


@pytest.fixture
def collection_as_it_was():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_a_start_that_stops_early_leaves_collection_on(monkeypatch, collection_as_it_was):
    monkeypatch.setattr(pa_manager.app, "_run", lambda *args, **kwargs: 1)  # the data file could not be opened
    monkeypatch.setattr(pa_manager.app, "collecting", lambda: False)  # no window thread collecting instead
    frozen = gc.get_freeze_count()
    assert pa_manager.app.run("nowhere.sqlite3") == 1
    assert gc.isenabled() and gc.get_freeze_count() == frozen
