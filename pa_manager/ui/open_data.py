"""Opening a data file in the window, asking what the person wants when the file cannot simply be
opened for changes: it is missing (make a new one there?), read-only or open in another window (look
at it read-only?). Everything else is refused with its one sentence."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from pa_manager.storage.database import Database, DataFileError, OpenResult, open_database
from pa_manager.storage.writer_lock import WriterLock


@dataclass
class OpenedData:
    db: Database
    opened: OpenResult
    lock: WriterLock | None  # held while the window may change the file

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


def open_data(parent: QWidget, location: str | Path, *, create: bool = False,
              throwaway: bool = False) -> OpenedData | None:
    """The opened file, or None after saying why not (or when the person chose not to)."""
    text = str(location)
    path = None if "://" in text else Path(text).expanduser()
    read_only = False
    lock = None
    if path is not None and path.exists():
        lock = WriterLock.acquire(path)
        if lock is None:
            if not _ask(parent, "Open it read-only?",
                        f"{path.name} is open in another PA Manager window. You can open it here read-only, to look "
                        "at it without changing anything, or cancel and use the other window.", "Open &read-only"):
                return None
            read_only = True
    try:
        db, opened = open_database(text, create=create, read_only=read_only, throwaway=throwaway)
    except DataFileError as error:
        if lock is not None:
            lock.release()
        if error.code == "MISSING":
            made = _ask(parent, "Make a new data file?", f"{error} Make a new, empty data file there?",
                        "&Make a new data file")
            return open_data(parent, location, create=True) if made else None
        if error.code == "READ_ONLY" and _ask(parent, "Open it read-only?", str(error), "Open &read-only"):
            try:
                return OpenedData(*open_database(text, read_only=True), None)
            except DataFileError as again:
                error = again
        QMessageBox.warning(parent, "The data file was not opened", str(error))
        return None
    if lock is None and not read_only and path is not None:
        lock = WriterLock.acquire(path)  # a file made just now
    return OpenedData(db, opened, lock)
