"""What every page shares: the open data file, today's date, the current employer, undo, and the
work done in the background.

Pages never talk to each other. A service action that can be undone returns the change it made
(services.undo.Change); the page hands it to `push()`, which puts it on the current employer's undo
stack and announces it: `changed` carries what the action wrote (the tables, as the data file reported
them: storage.database.Database.take_touched), so each page redraws only when the change concerns what
it shows, and only when it is on screen (ui/refresh.py); `data_changed` says that something changed,
for whatever follows every change. Undo and redo reverse the change through services.undo: the stack
holds the change and nothing else.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

from pa_manager.messages import say
from pa_manager.services import employers, undo
from pa_manager.services.errors import ServiceError
from pa_manager.services.data_files import Database
from pa_manager.ui.background import Background


@dataclass(frozen=True)
class Changes:
    """What one action changed: the tables it wrote, or None when anything may have changed."""

    tables: frozenset[str] | None

    def concern(self, shown: frozenset[str] | None) -> bool:
        """Whether a page showing records of these tables (None: of any) has to redraw."""
        return self.tables is None or shown is None or bool(self.tables & shown)


EVERYTHING = Changes(None)
from pa_manager.wording import undo_text


class AppContext(QObject):
    employer_changed = Signal()
    data_changed = Signal()
    changed = Signal(object)  # Changes: what an action wrote
    status_message = Signal(str)
    refused = Signal(str)  # an undo or redo the records no longer allow: the sentence says why

    def __init__(self, db: Database, today: Callable[[], date] = date.today, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self._today = today
        self.employer_id: int | None = None
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}
        self.background = Background(self)  # the app makes it threaded (app.open_records); tests wait for nothing

    def switch_database(self, db: Database) -> None:
        """Another data file was opened: forget the old one's undo history and employer."""
        old = self.db
        self.db = db
        db.take_touched()
        for stack in self._stacks.values():
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self._stacks.clear()
        self.employer_id = None
        self.employer_changed.emit()
        if old is not db:
            old.close()

    def announce_change(self) -> None:
        """Tell the pages what stored data changed; if the employer shown is gone (an undone
        "add employer", say), move to another one first so no page asks for a missing employer."""
        touched = self.db.take_touched()
        if "employers" in touched or not touched:
            if self.employer_id is not None and employers.find_employer_by_id(self.db, self.employer_id) is None:
                remaining = employers.list_employers(self.db, self.today())
                self.set_employer(remaining[0].id if remaining else None, force=True)
        # Nothing reported (an action that wrote nothing it could name): anything may have changed.
        self.changed.emit(Changes(touched) if touched else EVERYTHING)
        self.data_changed.emit()

    def today(self) -> date:
        return self._today()

    def set_employer(self, employer_id: int | None, *, force: bool = False) -> None:
        if employer_id == self.employer_id and not force:
            return
        self.employer_id = employer_id
        # Undo follows the employer you are looking at: each has its own history.
        self.undo_group.setActiveStack(self._stack_for(employer_id) if employer_id is not None else None)
        self.employer_changed.emit()

    def _stack_for(self, employer_id: int) -> QUndoStack:
        if employer_id not in self._stacks:
            self._stacks[employer_id] = QUndoStack(self.undo_group)
        return self._stacks[employer_id]

    def forget_history(self, employer_id: int) -> None:
        """Clear an employer's undo history: after a pay run is finalised nothing before it may be
        undone, since the pay records rest on it."""
        if employer_id in self._stacks:
            self._stacks[employer_id].clear()

    def push(self, change: undo.Change, employer_id: int | None = None) -> None:
        """Put a change a service has just made on the undo stack (the current employer's, or the one
        given), and tell the pages."""
        stack = self._stack_for(employer_id if employer_id is not None else self.employer_id)
        stack.push(_ChangeCommand(change, self))
        self.announce_change()
        self.status_message.emit(f"{undo_text(change)}. You can undo this.")


class _ChangeCommand(QUndoCommand):
    """A change already made by a service. Undo reverses it (services.undo.reverse), which gives the
    change that undo made; redo reverses that; and so on. The first redo (on push) does nothing."""

    def __init__(self, change: undo.Change, context: AppContext):
        super().__init__(undo_text(change))
        self._pending, self._context = change, context
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._reverse()

    def undo(self) -> None:
        self._reverse()

    def _reverse(self) -> None:
        """If the records no longer allow it (a PA paid since, a day now in a finalised pay run), say why
        and drop the step, leaving the records as they are."""
        # The rules import every service that owns a record; none is needed before the first undo.
        from pa_manager.services import undo_rules

        context = self._context
        try:
            self._pending = undo_rules.reverse(context.db, self._pending, context.today())
        except ServiceError as error:
            self.setObsolete(True)
            context.status_message.emit(f"That could not be undone or redone: {say(error)}")
            context.refused.emit(say(error))
        else:
            if self._pending.added_employer is not None:  # an employer put back: show them
                context.set_employer(self._pending.added_employer)
        context.announce_change()
