"""Opening a data file in the window, asking what the person wants when the file cannot simply be
opened for changes: it is missing (make a new one there, plain or encrypted?), encrypted (its
passphrase? asked again after a wrong one), read-only or open in another window (look at it
read-only?). Everything else is refused with its one sentence. A file opened to change takes the
day's backup (storage/safekeeping.py)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from pa_manager.services import data_files
from pa_manager.services.data_files import Database, DataFileError, OpenResult, WriterLock, backups_of


@dataclass
class OpenedData:
    db: Database
    opened: OpenResult
    lock: WriterLock | None  # held while the window may change the file
    backup_problem: str | None = None  # why the day's backup could not be made, if it could not

    def close(self) -> None:
        if self.lock is not None:
            self.lock.release()
        self.db.close()


def _ask(parent: QWidget, title: str, text: str, yes: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(ok)
    box.exec()
    return box.clickedButton() is ok


def _ask_passphrase(parent: QWidget, file_name: str, message: str | None) -> str | None:
    """The passphrase the person typed, or None when they cancelled."""
    from pa_manager.ui.dialogs.passphrase_dialogs import PassphraseDialog

    dialog = PassphraseDialog(file_name, message, parent)
    return dialog.passphrase if dialog.exec() else None


def _ask_new_file(parent: QWidget, text: str) -> str | None:
    """Make a new file? None: no; "": a plain one; otherwise the passphrase chosen for an encrypted one."""
    from pa_manager.ui.dialogs.passphrase_dialogs import NewPassphraseDialog

    box = QMessageBox(QMessageBox.Icon.Question, "Make a new data file?", text, parent=parent)
    plain = box.addButton("&Make a new data file", QMessageBox.ButtonRole.AcceptRole)
    encrypted = box.addButton("Make it &encrypted…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(plain)
    box.exec()
    if box.clickedButton() is plain:
        return ""
    if box.clickedButton() is encrypted:
        dialog = NewPassphraseDialog("Encrypt the new data file",
                                     "Choose a passphrase. It will be asked for each time the file is opened.",
                                     action="&Make the file", parent=parent)
        return dialog.passphrase if dialog.exec() else None
    return None


def _offer_restore(parent: QWidget, path: Path, message: str, now: datetime | None) -> str | None:
    """A damaged file: offer to put a backup back (chosen from the list, with what each holds). The passphrase
    of encrypted backups is asked for first. "" or the passphrase once a backup is back; None if not."""
    from pa_manager.services.data_files import looks_encrypted, restore_backup, summarise_backup, wrong_passphrase
    from pa_manager.ui.dialogs.restore_dialog import RestoreDialog

    if not _ask(parent, "Put a backup back?", f"{message} Choose a backup to put back?", "&Choose a backup…"):
        return None
    newest, passphrase, said = backups_of(path)[0], None, None
    while looks_encrypted(newest):
        passphrase = _ask_passphrase(parent, newest.name, said)
        if passphrase is None:
            return None
        if summarise_backup(newest, passphrase).problem != "WRONG_PASSPHRASE":
            break
        said = str(wrong_passphrase(newest))
    dialog = RestoreDialog(path, passphrase, parent)
    if not dialog.exec() or dialog.chosen is None:
        return None
    try:
        restore_backup(path, dialog.chosen, now=now or datetime.now(), passphrase=passphrase)
    except DataFileError as error:
        QMessageBox.warning(parent, "The backup was not put back", str(error))
        return None
    return passphrase or ""


def open_data(parent: QWidget, location: str | Path, *, create: bool = False, passphrase: str | None = None,
              now: datetime | None = None, throwaway: bool = False) -> OpenedData | None:
    """The opened file, or None after saying why not (or when the person chose not to)."""
    text = str(location)
    path = None if "://" in text else Path(text).expanduser()
    read_only = False
    lock = None
    if path is not None and path.exists() and data_files.can_change(path):  # a read-only file needs no lock beside it
        lock = data_files.lock_for_writing(path)
        if lock is None:
            if not _ask(parent, "Open it read-only?",
                        f"{path.name} is open in another PA Manager window. You can open it here read-only, to look "
                        "at it without changing anything, or cancel and use the other window.", "Open &read-only"):
                return None
            read_only = True
    existed = path is not None and path.exists() and path.stat().st_size > 0
    while True:
        try:
            file = data_files.open_data_file(text, create=create, read_only=read_only, passphrase=passphrase,
                                             throwaway=throwaway, now=now, back_up=False)
            db, opened = file.db, file.opened
            break
        except DataFileError as error:
            if error.code in ("ENCRYPTED", "WRONG_PASSPHRASE"):
                # Asked again after a wrong one, with the sentence under the field; nothing was changed.
                passphrase = _ask_passphrase(parent, path.name, str(error) if error.code == "WRONG_PASSPHRASE" else None)
                if passphrase is not None:
                    continue
            if lock is not None:
                lock.release()
            if passphrase is None and error.code in ("ENCRYPTED", "WRONG_PASSPHRASE"):
                return None
            if error.code == "MISSING":
                chosen = _ask_new_file(parent, f"{error} Make a new, empty data file there?")
                if chosen is None:
                    return None
                return open_data(parent, location, create=True, passphrase=chosen or None, now=now)
            if error.code == "DAMAGED" and path is not None and backups_of(path):
                restored = _offer_restore(parent, path, str(error), now)
                if restored is not None:
                    return open_data(parent, location, passphrase=restored or None, now=now)
                return None
            if error.code == "READ_ONLY" and _ask(parent, "Open it read-only?", str(error), "Open &read-only"):
                try:
                    file = data_files.open_data_file(text, read_only=True, passphrase=passphrase, now=now)
                    return OpenedData(file.db, file.opened, None)
                except DataFileError as again:
                    error = again
            QMessageBox.warning(parent, "The data file was not opened", str(error))
            return None
    if lock is None and not read_only and path is not None:
        lock = data_files.lock_for_writing(path)  # a file made just now
    problem = None
    if existed and not read_only:
        problem = data_files.daily_backup(path, db.passphrase, now or datetime.now())
    return OpenedData(db, opened, lock, problem)
