"""Never lose an edit: before anything would throw away what someone has typed and not saved
(choosing another PA, another area, another client, another data file, closing the window), ask once:
Save, Discard or Cancel. A page with a form says so with `has_unsaved_changes`, `unsaved_what`,
`save_changes` and `discard_changes`."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_before_leaving(page: QWidget | None) -> bool:
    """True when it is fine to go on: nothing unsaved, or saved, or discarded on purpose."""
    if page is None or not getattr(page, "has_unsaved_changes", lambda: False)():
        return True
    box = QMessageBox(QMessageBox.Icon.Question, "Save your changes?",
                      f"You have not saved {page.unsaved_what()}. Save them now?", parent=page)
    save = box.addButton("&Save", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("&Discard changes", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    box.exec()
    if box.clickedButton() is save:
        return page.save_changes()
    if box.clickedButton() is discard:
        page.discard_changes()
        return True
    return False
