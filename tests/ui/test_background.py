"""Work done away from the window's thread: its result is shown to the page that asked, and never to one
that has gone meanwhile, whether the page handed a bound method or a functools.partial of one."""
import threading
from functools import partial

import shiboken6
from PySide6.QtWidgets import QWidget

from pa_manager.ui.background import Background


class Page(QWidget):
    def __init__(self, shown: list):
        super().__init__()
        self.shown = shown

    def show_result(self, label: str, result) -> None:
        self.shown.append((label, result))


def run_while(background: Background, done, gone: Page | None, qtbot) -> None:
    """Run work that finishes only after `gone` (if any) has been deleted, and wait until it is delivered."""
    release = threading.Event()

    def work():
        release.wait(10)
        return 42

    background.run(("page", id(done)), work, done)
    if gone is not None:
        shiboken6.delete(gone)
    release.set()
    qtbot.waitUntil(lambda: background._pending == 0, timeout=10_000)


def test_a_result_reaches_the_page_that_asked(qtbot):
    shown, background = [], Background(threaded=True)
    page = Page(shown)
    run_while(background, partial(page.show_result, "budget"), None, qtbot)
    assert shown == [("budget", 42)]
    background.shutdown()


def test_a_result_for_a_page_that_has_gone_is_dropped(qtbot):
    shown, background = [], Background(threaded=True)
    page = Page(shown)
    run_while(background, partial(page.show_result, "budget"), page, qtbot)
    other = Page(shown)
    run_while(background, lambda result: other.show_result("bound", result), None, qtbot)
    assert shown == [("bound", 42)]  # the partial for the page gone was never called
    background.shutdown()
