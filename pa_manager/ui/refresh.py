"""When a page redraws: when something it shows has changed (the tables an action wrote, ui.context.Changes),
or another employer is chosen; at once if it is the page on screen, otherwise when it is next shown. So an
edit on one page, or a switch of employer, redraws one page, not ten."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStackedWidget, QWidget

from pa_manager.ui.context import AppContext, Changes


class Refresher(QObject):
    """Follows the changes for one page. `tables`: the tables whose records the page shows (None: any).
    `refresh` redraws it; `employer_changed`, when given, is what to do instead when another employer is
    chosen (a page that starts again for the new employer)."""

    def __init__(self, page: QWidget, context: AppContext, tables: frozenset[str] | None,
                 refresh: Callable[[], None], employer_changed: Callable[[], None] | None = None):
        super().__init__(page)
        self._page, self._tables, self._refresh = page, tables, refresh
        self._employer_changed = employer_changed or refresh
        self._stale = self._employer_stale = False
        context.changed.connect(self._on_changed)
        context.employer_changed.connect(self._on_employer_changed)

    @property
    def stale(self) -> bool:
        """Something it shows has changed since it was last drawn."""
        return self._stale or self._employer_stale

    def on_screen(self) -> bool:
        """The page the window shows (a page on its own, as in a test, is always shown)."""
        stack = self._page.parentWidget()
        return not isinstance(stack, QStackedWidget) or stack.currentWidget() is self._page

    def _on_changed(self, changes: Changes) -> None:
        if not changes.concern(self._tables):
            return
        if self.on_screen():
            self._stale = False
            self._refresh()
        else:
            self._stale = True

    def _on_employer_changed(self) -> None:
        if self.on_screen():
            self._stale = self._employer_stale = False
            self._employer_changed()
        else:
            self._employer_stale = True

    def shown(self) -> None:
        """The window has just put the page on screen: catch up with what changed meanwhile."""
        if self._employer_stale:
            self._stale = self._employer_stale = False
            self._employer_changed()
        elif self._stale:
            self._stale = False
            self._refresh()
