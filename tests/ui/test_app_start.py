"""What starting the window changes outside the app: PySide6's look at every module imported after it."""
import linecache
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
