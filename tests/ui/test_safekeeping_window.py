"""The window and encrypted files, backups and restore, driven through the real dialogs: the passphrase
is asked for (Enter opens; a wrong one is said and asked again, nothing changed), a new file can be made
encrypted, File > Back up now, File > Restore from a backup with its preview, encrypting and changing
the passphrase from the File menu."""
import shutil
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget

from pa_manager.domain.employer import EmployerRecord
from pa_manager.services import employers
from pa_manager.storage.backup import backups_of, kind_of
from pa_manager.storage.database import DataFileError, open_database
from pa_manager.ui import open_data as opening
from pa_manager.ui.dialogs.passphrase_dialogs import NewPassphraseDialog, PassphraseDialog
from pa_manager.ui.dialogs.restore_dialog import RestoreDialog
from tests.ui.driving import type_into

PASSPHRASE = "violet harbour kite"
NOON = datetime(2026, 12, 1, 12, 0)


def _answering(monkeypatch, dialog_class, *answers):
    """Show each dialog of `dialog_class` for real, and let the next answer work its widgets (type, press
    Enter, click) instead of waiting for a person; exec() returns what the dialog's own buttons decided."""
    seen = []

    def exec_(self):
        self.show()
        seen.append(self)
        self.setResult(0)
        answers[len(seen) - 1](self)
        return self.result()

    monkeypatch.setattr(dialog_class, "exec", exec_)
    return seen


def _type_and_enter(qtbot, field: QLineEdit, text: str) -> None:
    type_into(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _name(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


@pytest.fixture
def encrypted(tmp_path):
    path = tmp_path / "client.sqlite3"
    db, _ = open_database(path, passphrase=PASSPHRASE)
    employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    db.close()
    return path


def test_opening_an_encrypted_file_asks_for_its_passphrase_and_again_after_a_wrong_one(qtbot, encrypted, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    before = encrypted.read_bytes()

    def wrong(dialog):
        assert dialog.windowTitle() == "Type the passphrase"
        assert dialog.field.echoMode() == QLineEdit.EchoMode.Password and _name(dialog.field) == "Passphrase"
        assert dialog.field.hasFocus() or dialog.focusWidget() is dialog.field
        assert not dialog.row.error.isVisible()
        _type_and_enter(qtbot, dialog.field, "violet harbour kites")

    def right(dialog):
        assert dialog.row.error.text() == ("That passphrase does not open client.sqlite3, so nothing was opened or "
                                           "changed. Check it (capital letters and spaces count) and try again.")
        assert dialog.row.error.isVisible()
        assert "does not open" in dialog.field.accessibleDescription()
        _type_and_enter(qtbot, dialog.field, PASSPHRASE)

    seen = _answering(monkeypatch, PassphraseDialog, wrong, right)
    data = opening.open_data(parent, encrypted, now=NOON)
    assert len(seen) == 2 and data is not None and data.lock is not None
    assert data.db.encrypted and [e.name for e in employers.list_employers(data.db, date(2026, 12, 1))] == ["Ruth Ames"]
    assert [kind_of(b) for b in backups_of(encrypted)] == ["daily"]  # the day's backup, encrypted
    with pytest.raises(DataFileError) as refused:
        open_database(backups_of(encrypted)[0], create=False)
    assert refused.value.code == "ENCRYPTED"
    data.close()
    # The wrong passphrase changed nothing (the right one has since opened it, and backed it up).
    assert before[:16] == encrypted.read_bytes()[:16]


def test_cancelling_the_passphrase_opens_nothing(qtbot, encrypted, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    _answering(monkeypatch, PassphraseDialog, lambda d: qtbot.keyClick(d.field, Qt.Key.Key_Escape))
    assert opening.open_data(parent, encrypted) is None
    assert backups_of(encrypted) == []
    assert opening.open_data(parent, encrypted, passphrase=PASSPHRASE) is not None  # the lock was let go


def test_a_new_data_file_can_be_made_encrypted(qtbot, tmp_path, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    path = tmp_path / "new client.sqlite3"

    def choose_encrypted(box):
        [button] = [b for b in box.buttons() if b.text() == "Make it &encrypted…"]
        button.click()

    monkeypatch.setattr(QMessageBox, "exec", lambda box: choose_encrypted(box))

    def mismatched(dialog):
        assert "nothing can open the file or its backups again" in dialog.findChild(QWidget, "warning").text()
        type_into(qtbot, dialog.new_field, "short")
        _type_and_enter(qtbot, dialog.again_field, "short")
        assert dialog.new_row.error.text() == "That passphrase is too short: use 8 characters or more."
        type_into(qtbot, dialog.new_field, "a long enough passphrase")
        _type_and_enter(qtbot, dialog.again_field, "a long enough passphrasf")
        assert dialog.again_row.error.text() == "The two passphrases are not the same. Type the new one again."
        _type_and_enter(qtbot, dialog.again_field, "a long enough passphrase")

    _answering(monkeypatch, NewPassphraseDialog, mismatched)
    data = opening.open_data(parent, path)
    assert data is not None and data.db.encrypted
    data.close()
    assert path.read_bytes()[:16] != b"SQLite format 3\x00"
    db, _ = open_database(path, create=False, passphrase="a long enough passphrase")
    db.close()


@pytest.fixture
def file_window(window, tmp_path):
    window.clock = lambda: NOON
    return window


def test_back_up_now_then_restore_with_a_preview(qtbot, file_window, monkeypatch):
    window = file_window
    data_file = window._data_file()
    assert window.back_up_action.isEnabled() and window.restore_action.isEnabled()
    window.back_up_action.trigger()
    [made] = backups_of(data_file)
    assert made.name == "demo.backup-2026-12-01-120000-manual.sqlite3"
    assert window.statusBar().currentMessage() == f"Backed up the data file to {made.name}, beside it."
    employers.save_employer(window.context.db, EmployerRecord(name="Added After The Backup"))

    asked = []

    def choose(dialog):
        assert dialog.list.count() == 1
        assert dialog.list.item(0).text() == "1 December 2026 at 12:00 – Made when asked – " + \
            dialog.list.item(0).text().rsplit("– ", 1)[1]
        assert _name(dialog.list) == "Backups"
        assert dialog.preview.text() == ("Desmond Clarke and Margaret Okafor; 6 PAs; the latest finalised pay run was "
                                         "for 30 October 2026.")
        monkeypatch.setattr(dialog, "_confirm", lambda title, text, yes: asked.append((title, text)) or True)
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)

    _answering(monkeypatch, RestoreDialog, choose)
    window.restore_action.trigger()
    assert asked[0][0] == "Restore this backup?"
    assert asked[0][1].startswith("Put the backup made on 1 December 2026 at 12:00 in place of demo.sqlite3? It holds: "
                                  "Desmond Clarke and Margaret Okafor; 6 PAs;")
    names = [e.name for e in employers.list_employers(window.context.db, date(2026, 12, 1))]
    assert names == ["Desmond Clarke", "Margaret Okafor"]
    assert window.employer_box.count() == 2
    before = data_file.with_name("demo.backup-2026-12-01-120000-before-restore.sqlite3")
    assert before.exists()
    assert window.statusBar().currentMessage() == (f"Restored the backup made on 1 December 2026 at 12:00. The file as "
                                                   f"it was is kept as {before.name}.")


def test_a_backup_that_cannot_be_restored_says_why_and_cannot_be_chosen(qtbot, file_window, monkeypatch):
    data_file = file_window._data_file()
    newer = data_file.with_name("demo.backup-2026-11-30-090000-daily.sqlite3")
    shutil.copy(data_file, newer)
    import sqlite3

    with sqlite3.connect(newer) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    dialog = RestoreDialog(data_file)
    qtbot.addWidget(dialog)
    assert dialog.preview.text().startswith(f"{newer.name} was saved by a newer version of PA Manager")
    assert not dialog.restore_button.isEnabled()


def test_encrypt_then_change_the_passphrase_from_the_file_menu(qtbot, file_window, monkeypatch, tmp_path):
    window = file_window
    data_file = window._data_file()
    assert window.encrypt_action.isEnabled() and not window.change_passphrase_action.isEnabled()

    def choose(dialog):
        assert dialog.current_field is None
        type_into(qtbot, dialog.new_field, PASSPHRASE)
        _type_and_enter(qtbot, dialog.again_field, PASSPHRASE)

    _answering(monkeypatch, NewPassphraseDialog, choose)
    window.encrypt_action.trigger()
    assert window.context.db.encrypted
    assert data_file.read_bytes()[:16] != b"SQLite format 3\x00"
    assert not window.encrypt_action.isEnabled() and window.change_passphrase_action.isEnabled()
    assert window.location_label.text().endswith(" – encrypted")
    assert window.employer_box.count() == 2

    new = "a different passphrase"

    def wrong_current(dialog):
        assert dialog.current_field is not None and _name(dialog.current_field) == "Current passphrase"
        type_into(qtbot, dialog.current_field, "not it at all")
        type_into(qtbot, dialog.new_field, new)
        _type_and_enter(qtbot, dialog.again_field, new)

    def right_current(dialog):
        assert dialog.current_row.error.text() == ("That is not the passphrase the file has now. Nothing was changed. "
                                                   "Try again.")
        _type_and_enter(qtbot, dialog.current_field, PASSPHRASE)

    _answering(monkeypatch, NewPassphraseDialog, wrong_current, right_current)
    window.change_passphrase_action.trigger()
    assert window.context.db.passphrase == new
    for path in [data_file, *backups_of(data_file)]:
        with pytest.raises(DataFileError) as refused:
            open_database(path, create=False, passphrase=PASSPHRASE)
        assert refused.value.code == "WRONG_PASSPHRASE"
    # The passphrases were written nowhere.
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert PASSPHRASE.encode() not in path.read_bytes() and new.encode() not in path.read_bytes(), path


def test_a_damaged_file_offers_to_put_a_backup_back(qtbot, encrypted, monkeypatch):
    from pa_manager.storage.backup import MANUAL
    from pa_manager.storage.safekeeping import take_backup

    parent = QWidget()
    qtbot.addWidget(parent)
    made = take_backup(encrypted, MANUAL, now=NOON, passphrase=PASSPHRASE)
    content = bytearray(encrypted.read_bytes())
    content[4096 + 100: 4096 + 200] = b"\x00" * 100  # a page the disk garbled
    encrypted.write_bytes(bytes(content))
    asked = []
    monkeypatch.setattr(opening, "_ask", lambda parent, title, text, yes: asked.append((title, text)) or True)

    def typed(dialog):
        _type_and_enter(qtbot, dialog.field, PASSPHRASE)

    def choose(dialog):
        assert dialog.preview.text() == "Ruth Ames; 0 PAs; no finalised pay runs."
        monkeypatch.setattr(dialog, "_confirm", lambda title, text, yes: True)
        dialog.restore_button.click()

    _answering(monkeypatch, PassphraseDialog, typed, typed)  # the file's passphrase, then the backups'
    _answering(monkeypatch, RestoreDialog, choose)
    data = opening.open_data(parent, encrypted, now=NOON)
    assert asked[0][0] == "Put a backup back?"
    assert asked[0][1].startswith("client.sqlite3 is damaged, so PA Manager has not changed it. The newest backup is "
                                  f"{made.name}")
    assert data is not None and [e.name for e in employers.list_employers(data.db, date(2026, 12, 1))] == ["Ruth Ames"]
    data.close()
    kept = [b for b in backups_of(encrypted) if kind_of(b) == "before-restore"]
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(content)
