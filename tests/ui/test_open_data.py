"""Opening a data file in the window: one window writes at a time, a second may look read-only; a
missing file is made only when the person says so; a portable run leaves nothing behind."""
import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from pa_manager import cli
from pa_manager.domain.employer import EmployerRecord
from pa_manager.services import employers
from pa_manager.storage.database import StorageError
from pa_manager.ui import open_data as opening


@pytest.fixture
def answers(monkeypatch):
    """Answer each question the window asks with the next of the given choices (True = the offered action)."""
    asked, replies = [], []

    def ask(parent, title, text, yes):
        asked.append((title, text))
        return replies.pop(0)

    monkeypatch.setattr(opening, "_ask", ask)
    # Make a new file: True makes a plain one (the encrypted choice is tested in test_safekeeping_window.py).
    monkeypatch.setattr(opening, "_ask_new_file",
                        lambda parent, text: "" if ask(parent, "Make a new data file?", text, None) else None)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: asked.append((title, text)))
    return asked, replies


def test_a_second_window_on_the_same_file_may_open_it_read_only(qtbot, data_path, answers):
    asked, replies = answers
    parent = QWidget()
    qtbot.addWidget(parent)
    first = opening.open_data(parent, data_path)
    assert first is not None and first.lock is not None and not first.db.read_only
    employers.save_employer(first.db, EmployerRecord(name="Ruth Ames"))

    replies.append(True)
    second = opening.open_data(parent, data_path)
    assert asked[-1][0] == "Open it read-only?" and "is open in another PA Manager window" in asked[-1][1]
    assert second.db.read_only and second.lock is None
    assert [e.name for e in employers.list_employers(second.db, date(2026, 12, 3))] == \
        ["Ruth Ames"]
    with pytest.raises(StorageError):
        employers.save_employer(second.db, EmployerRecord(name="Someone Else"))
    second.close()

    replies.append(False)  # cancel: nothing opened
    assert opening.open_data(parent, data_path) is None
    first.close()
    third = opening.open_data(parent, data_path)  # the first window has let go
    assert third.lock is not None and not third.db.read_only
    third.close()


def test_a_missing_file_is_made_only_when_the_person_says_so(qtbot, tmp_path, answers):
    asked, replies = answers
    parent = QWidget()
    qtbot.addWidget(parent)
    path = tmp_path / "clinet.sqlite3"
    replies.append(False)
    assert opening.open_data(parent, path) is None and not path.exists()
    assert asked[-1][0] == "Make a new data file?" and f"There is no data file at {path}." in asked[-1][1]
    replies.append(True)
    made = opening.open_data(parent, path)
    assert made is not None and path.exists() and made.lock is not None
    made.close()


def test_a_portable_run_keeps_what_it_would_write_beside_the_file_and_removes_it(tmp_path, monkeypatch):
    stick = tmp_path / "stick"
    stick.mkdir()
    data = stick / "client.sqlite3"
    seen = {}

    def run(location, **options):
        seen.update(location=location, options=options, config=os.environ["XDG_CONFIG_HOME"],
                    cache=os.environ["XDG_CACHE_HOME"], temp=os.environ["TMPDIR"])
        Path(os.environ["XDG_CACHE_HOME"], "fontconfig-cache").write_text("what Qt would leave")
        return 0

    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(tmp_path / "home"))
    assert cli._run_portable(data, run) == 0
    assert seen["location"] == data and seen["options"] == {"portable": True}
    assert Path(seen["config"]).parent == stick and seen["cache"] == seen["config"] == seen["temp"]
    assert [p.name for p in stick.iterdir()] == []  # the session folder is gone
    assert not (tmp_path / "home").exists()


def test_portable_needs_the_data_file_named(capsys):
    assert cli.main(["--portable"]) == 2
    assert capsys.readouterr().err.startswith("With --portable, give the data file with --data")


def test_a_file_that_cannot_be_changed_opens_read_only_with_no_lock_file_left_beside_it(qtbot, data_path, answers,
                                                                                         monkeypatch):
    from pa_manager.storage import sqlite_file

    asked, replies = answers
    parent = QWidget()
    qtbot.addWidget(parent)
    # A write-protected USB stick (root may write any file, so the check is told, as for everyone else).
    real = os.access
    monkeypatch.setattr(sqlite_file.os, "access", lambda p, mode: False if mode & os.W_OK else real(p, mode))
    replies.append(True)
    opened = opening.open_data(parent, data_path)
    assert asked[-1][0] == "Open it read-only?" and opened.db.read_only and opened.lock is None
    opened.close()
    assert [p.name for p in data_path.parent.iterdir()] == [data_path.name]
