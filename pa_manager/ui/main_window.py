"""The main window: areas on the left, the employer switcher on top, menus, shortcuts, status bar.

It routes: pages ask for things through signals (show this PA, edit the employer) and the window
does them. Pages never call each other.

The window is built in steps so it appears at once: the frame (menus, areas, switcher) needs only Qt;
`show_first_view()` may show the dashboard kept from the last time (also Qt only); `attach()` then
opens the records, which loads the database layer (SQLAlchemy) and the dashboard; every other page is
made the first time it is shown.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
    QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget,
)

from typing import TYPE_CHECKING

from pa_manager import __version__
from pa_manager.messages import say
from pa_manager.ui import appearance
from pa_manager.ui.announce import announce
from pa_manager.ui.keyboard import first_control, follow_focus, order_tabs
from pa_manager.ui.unsaved import ask_before_leaving
from pa_manager.ui.widgets.adaptive import fit_to_screen
from pa_manager.ui.widgets.inputs import DeliberateComboBox
from pa_manager.ui.widgets.paragraph import ShortenedLine
from pa_manager.ui.widgets.scroll import vertical_scroll

if TYPE_CHECKING:
    from pa_manager.ui.context import AppContext

# The areas, always in this order (product.md); each gets Ctrl+<its number>.
AREAS = ("Dashboard", "People", "Hours", "Pay", "Checks", "Training", "Budget", "Reports", "Caseload",
         "Wage calculator", "Recruitment")
EMPLOYER_FILE_SUFFIX = ".paemployer"


def area_key(number: int) -> str:
    """1 for the first area ... 9, and 0 for the tenth, as the number keys run; past ten, the first letter of
    the area's name (Ctrl+R for Recruitment), so areas added later keep the others' keys where they were."""
    return str(number % 10) if number <= 10 else AREAS[number - 1][0]


def area_shortcut(number: int) -> str:
    return f"Ctrl+{area_key(number)}"


def size_by_shown_page(stack: QStackedWidget, index: int) -> None:
    """Size the areas' stack by the one shown: a small area is not made as big as the biggest, so the
    window fits a small screen at a large text size, and the page around it scrolls up and down.
    (Qt's stack sizes itself by every page whose size policy is not Ignored: the hidden ones are.)"""
    for i in range(stack.count()):
        policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
        stack.widget(i).setSizePolicy(policy, policy)
    stack.updateGeometry()


class MainWindow(QMainWindow):
    records_shown = Signal()  # the dashboard shows the open employer's records (or the welcome, with none)

    def __init__(self, context: AppContext | None = None, parent=None):
        super().__init__(parent)
        follow_focus()
        self.appearance = appearance.install(QApplication.instance())
        self.context = None
        self.data = None
        self.portable = False  # set by app.run for --portable: said in the status bar
        self.last_employer = None  # set by app.run: whose records to open first (LastEmployer)
        self.first_run = None  # the first run's dialog, while it is open
        self.keep_first_view = False  # set by app.run: keep what the dashboard shows for the next start
        self._first_view = None
        self.clock = datetime.now  # when backups are made (tests set it)
        self.pages: list[QWidget] = []
        self.setWindowTitle("PA Manager")

        self.employer_box = DeliberateComboBox()
        self.employer_box.setMinimumContentsLength(24)
        employer_label = QLabel("Emplo&yer:")
        employer_label.setBuddy(self.employer_box)
        self.employer_box.setAccessibleName("Employer")
        self.employer_box.setToolTip("Choose whose records you are working on: press Space to open the list, "
                                     "then Enter on the name")
        self.new_employer_button = QPushButton("New employer…")
        top = QHBoxLayout()
        top.addWidget(employer_label)
        top.addWidget(self.employer_box)
        top.addWidget(self.new_employer_button)
        top.addStretch()

        self.stack = QStackedWidget()
        self.stack.currentChanged.connect(self._on_stack_current_changed)
        self.opening = QLabel("Opening your records…")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening)
        self.nav = QListWidget()
        self.nav.setAccessibleName("Areas")
        for number, title in enumerate(AREAS, start=1):
            item = QListWidgetItem(f"{title}  ({area_shortcut(number)})")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            self.nav.addItem(item)
        self._fit_nav()
        # On a small screen or at a large text size the list of areas gives its room to the page, and
        # this choice (over the page) takes its place; Ctrl+1 ... Ctrl+0 and the Go menu work as ever.
        self.area_box = DeliberateComboBox()
        for number, title in enumerate(AREAS, start=1):
            self.area_box.addItem(f"{title}  ({area_shortcut(number)})")
            self.area_box.setItemData(number - 1, title, Qt.ItemDataRole.AccessibleTextRole)
        self.area_box.setAccessibleName("Area")
        self.area_box.setToolTip("Choose an area: press Space to open the list, then Enter on the area")
        area_label = QLabel("&Area:")
        area_label.setBuddy(self.area_box)
        self.area_row = QWidget()
        area_layout = QHBoxLayout(self.area_row)
        area_layout.setContentsMargins(0, 0, 0, 0)
        area_layout.addWidget(area_label)
        area_layout.addWidget(self.area_box)
        area_layout.addStretch()
        self.area_row.hide()
        self.area_box.activated.connect(self._on_area_box_activated)
        self.nav.currentRowChanged.connect(self.area_box.setCurrentIndex)

        # Whose records are open, over every page, so nobody works on the wrong client's records.
        self.client_heading = QLabel()
        self.client_heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.client_heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.client_heading.setFont(font)
        self.client_heading.setAccessibleDescription("Whose records are open")
        pages = QVBoxLayout()
        pages.addWidget(self.area_row)
        pages.addWidget(self.client_heading)
        # Every area scrolls up and down when the window is short (a small screen, large text).
        self.page_area = vertical_scroll(self.stack, "Area")
        self.page_area.setFrameShape(self.page_area.Shape.NoFrame)
        pages.addWidget(self.page_area, stretch=1)
        middle = QHBoxLayout()
        middle.addWidget(self.nav)
        middle.addLayout(pages, stretch=1)
        central = QWidget()
        column = QVBoxLayout(central)
        column.addLayout(top)
        column.addLayout(middle, stretch=1)
        self.setCentralWidget(central)

        self.location_label = ShortenedLine()  # leaves room for the messages beside it
        self.statusBar().addPermanentWidget(self.location_label)
        self._build_menus()
        self.resize(1100, 760)
        fit_to_screen(self)
        if context is not None:
            self.attach(context)

    def attach(self, context: AppContext, data=None) -> None:
        """Show the records of an open data file: the dashboard first; every other page is made the
        first time it is shown (or asked for). `data` is the opened file (ui.open_data.OpenedData),
        whose lock the window holds while it is open."""
        self.data = data
        self.context = context
        self.pages = _Pages(self)
        for stand_in in (self.opening, self._first_view):
            if stand_in is not None:
                self.stack.removeWidget(stand_in)
                stand_in.deleteLater()
        self._first_view = None
        for _ in AREAS:
            self.stack.addWidget(QWidget())  # stand-ins, each replaced by its page when first shown
        self._undo_action.setParent(None)
        undo = context.undo_group.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = context.undo_group.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        self.edit_menu.insertActions(self._undo_action, [undo, redo])
        self.edit_menu.removeAction(self._undo_action)
        self.edit_menu.removeAction(self._redo_action)

        for action in self._waiting_for_records:
            action.setEnabled(True)
        self.new_employer_button.setEnabled(True)
        self.employer_box.activated.connect(self._on_employer_box_activated)
        self.new_employer_button.clicked.connect(self.new_employer)
        context.changed.connect(self._on_changed)
        context.employer_changed.connect(self._reload_employers)
        context.employer_changed.connect(self._remember_employer)
        context.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        # What the status bar says is said to a screen reader too (it is not where the cursor is).
        self.statusBar().messageChanged.connect(lambda text: announce(self.statusBar(), text))
        context.refused.connect(lambda text: QMessageBox.warning(self, "That cannot be undone", text))
        self._reload_employers()
        if context.employer_id is None and self.employer_box.count():
            remembered = self.last_employer.get(context.db.location) if self.last_employer else None
            chosen = remembered if self.employer_box.findData(remembered) >= 0 else self.employer_box.itemData(0)
            context.set_employer(chosen)
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        self.nav.setCurrentRow(0)  # makes the dashboard, with the records
        self.dashboard.records_shown.connect(self._on_dashboard_records_shown)
        self._on_dashboard_records_shown()

    # The pages, made when first wanted: (attribute, module, class).
    PAGES = (
        ("dashboard", "dashboard", "DashboardPage"), ("people", "people", "PeoplePage"), ("hours", "hours", "HoursPage"),
        ("pay", "pay", "PayPage"), ("checks", "checks", "ChecksPage"), ("training", "training", "TrainingPage"),
        ("budget", "budget", "BudgetPage"), ("reports", "reports", "ReportsPage"),
        ("caseload", "caseload", "CaseloadPage"), ("calculator", "wage_calculator", "WageCalculatorPage"),
        ("recruitment", "recruitment", "RecruitmentPage"),
    )

    def _make_page(self, index: int) -> QWidget:
        import importlib

        attribute, module, name = self.PAGES[index]
        page = getattr(importlib.import_module(f"pa_manager.ui.pages.{module}"), name)(self.context)
        assert page.title == AREAS[index]
        page.setAccessibleName(page.title)
        stand_in = self.stack.widget(index)
        showing = self.stack.currentIndex() == index
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        if showing:
            self.stack.setCurrentIndex(index)
        order_tabs(self.centralWidget())
        if attribute == "dashboard":
            page.pa_requested.connect(self.show_pa)
            page.employer_edit_requested.connect(self.edit_employer)
            page.area_requested.connect(self.show_area_for)
            page.employer_add_requested.connect(self.new_employer)
            page.first_run_requested.connect(self.start_first_run)
        elif attribute == "caseload":
            page.employer_requested.connect(self.open_employer)
            page.employer_add_requested.connect(self.new_employer)
            page.file_open_requested.connect(self.open_data_file)
        elif attribute == "checks":
            page.people_requested.connect(lambda: self.go_to(AREAS.index("People")))
        return page

    def __getattr__(self, name: str):
        """`window.people`, `window.pay`...: the page, made now if it has not been shown yet."""
        for index, (attribute, _, _) in enumerate(MainWindow.PAGES):
            if attribute == name and isinstance(self.__dict__.get("pages"), _Pages):
                return self.pages[index]
        raise AttributeError(name)

    def busy(self) -> bool:
        """Something is still being worked out in the background (the budget line, the caseload)."""
        return self.context is not None and self.context.background.busy()

    def _on_changed(self, changes) -> None:
        if changes.concern(frozenset({"employers", "pas"})):  # the names, and how many PAs each has
            self._reload_employers()

    def _remember_employer(self) -> None:
        if self.last_employer is not None and self.context.employer_id is not None:
            self.last_employer.set(self.context.db.location, self.context.employer_id)

    # --- the first view: what the dashboard showed when the window last closed on this file ---
    def show_first_view(self, kept: dict) -> None:
        """Before the records are open: the dashboard as it was when the window last closed on this file,
        which is what the file still holds (storage/first_view.py). The records read afresh replace it."""
        from pa_manager.ui.pages.dashboard_layout import DashboardLayout

        view = DashboardLayout()
        view.show_view(kept["dashboard"])
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        self._first_view = view
        self.employer_box.blockSignals(True)
        for employer_id, name in kept["employers"]:
            self.employer_box.addItem(name, employer_id)
        self.employer_box.setCurrentIndex(self.employer_box.findData(kept["employer_id"]))
        self.employer_box.blockSignals(False)
        name = self.employer_box.currentText()
        self.client_heading.setText(f"{name}'s records" if name else "No employer chosen yet")
        self.setWindowTitle(f"{name} – PA Manager" if name else "PA Manager")
        self.records_shown.emit()

    def _keep_first_view(self) -> None:
        """Keep what the dashboard shows for the next start (a plain data file only; after the last write)."""
        if not self.keep_first_view or self.context is None or not self.pages.made(0):
            return
        db = self.context.db
        path = self._data_file()
        if path is None or db.encrypted or self.dashboard.shown_employer != self.context.employer_id:
            return
        from pa_manager.services.data_files import keep_first_view

        self.dashboard.bring_up_to_date()
        employers = [[self.employer_box.itemData(i), self.employer_box.itemText(i)]
                     for i in range(self.employer_box.count())]
        keep_first_view(path, self.context.today(), {"dashboard": self.dashboard.view(), "employers": employers,
                                                     "employer_id": self.context.employer_id})

    def _on_dashboard_records_shown(self) -> None:
        if self.context is not None and self.dashboard.shown_employer == self.context.employer_id:
            self.records_shown.emit()

    # --- menus ---
    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._waiting_for_records = [
            self._action(file_menu, "&New employer…", self.new_employer, QKeySequence.StandardKey.New),
            self._action(file_menu, "&Open data file…", self.open_data_file, QKeySequence.StandardKey.Open),
        ]
        file_menu.addSeparator()
        self.back_up_action = self._action(file_menu, "Back &up now", self.back_up_now)
        self.restore_action = self._action(file_menu, "Res&tore from a backup…", self.restore_from_backup)
        self.encrypt_action = self._action(file_menu, "Encr&ypt the data file…", self.encrypt_data_file)
        self.change_passphrase_action = self._action(file_menu, "Change the &passphrase…", self.change_passphrase)
        self._file_actions = [self.back_up_action, self.restore_action, self.encrypt_action,
                              self.change_passphrase_action]
        file_menu.addSeparator()
        self.import_staff_action = self._action(file_menu, "Import &staff list…", self.import_staff_list)
        self.export_action = self._action(file_menu, "&Export employer…", self.export_employer)
        self._waiting_for_records.append(self._action(file_menu, "&Import employer…", self.import_employer))
        self.remove_action = self._action(file_menu, "&Remove employer…", self.remove_employer)
        file_menu.addSeparator()
        # Ctrl+Q everywhere: the platform's own Quit key is none on Windows (and on some Linux desktops).
        self.quit_action = self._action(file_menu, "&Quit", self.close, QKeySequence("Ctrl+Q"))

        edit_menu = self.edit_menu = bar.addMenu("&Edit")
        # Stand-ins until attach() has the undo history; disabled, so the menu looks as it will.
        self._undo_action = edit_menu.addAction("&Undo")
        self._redo_action = edit_menu.addAction("&Redo")
        self._undo_action.setEnabled(False)
        self._redo_action.setEnabled(False)
        edit_menu.addSeparator()
        self.edit_employer_action = self._action(edit_menu, "Change &employer details…", self.edit_employer)
        self._waiting_for_records.append(self.edit_employer_action)
        for action in [*self._waiting_for_records, self.import_staff_action, self.export_action, *self._file_actions]:
            action.setEnabled(False)
        self.new_employer_button.setEnabled(False)

        go_menu = bar.addMenu("&Go")
        for number, title in enumerate(AREAS, start=1):
            self._action(go_menu, f"&{area_key(number)} {title}", lambda _=False, n=number - 1: self.go_to(n),
                         QKeySequence(area_shortcut(number)))

        # Text size and colours sit in the Edit menu: every letter a top-level menu could use is taken by
        # a control on some page (Alt+letter would then be ambiguous there).
        edit_menu.addSeparator()
        view_menu = edit_menu.addMenu("&Text size and contrast")
        self._action(view_menu, "&Larger text", self.larger_text, QKeySequence.StandardKey.ZoomIn).setShortcuts(
            [QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")])
        self._action(view_menu, "&Smaller text", self.smaller_text, QKeySequence.StandardKey.ZoomOut)
        self._action(view_menu, "&Normal text size", self.normal_text)
        view_menu.addSeparator()
        self.high_contrast_action = self._action(view_menu, "&High contrast", self.toggle_high_contrast)
        self.high_contrast_action.setCheckable(True)
        self.high_contrast_action.setChecked(self.appearance.theme == appearance.HIGH_CONTRAST)

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Help for this area", self.show_guide, QKeySequence.StandardKey.HelpContents)
        self._action(help_menu, "&About PA Manager", self.show_about)

    # --- employers ---
    def _reload_employers(self) -> None:
        from pa_manager.services import employers

        current = self.context.employer_id
        rows = employers.list_employers(self.context.db, self.context.today())
        self.employer_box.blockSignals(True)
        self.employer_box.clear()
        for row in rows:
            self.employer_box.addItem(row.name, row.id)
        index = self.employer_box.findData(current)
        self.employer_box.setCurrentIndex(index)
        self.employer_box.blockSignals(False)
        has_employer = current is not None and index >= 0
        for action in (self.import_staff_action, self.export_action, self.edit_employer_action, self.remove_action):
            action.setEnabled(has_employer)
        name = self.employer_box.currentText() if has_employer else ""
        self.client_heading.setText(f"{name}'s records" if name else "No employer chosen yet")
        mode = " (read-only)" if self.context.db.read_only else ""
        self.setWindowTitle(f"{name} – PA Manager{mode}" if name else f"PA Manager{mode}")
        where = f"Data file: {self.context.db.location}"
        if self.context.db.read_only:
            where += " – read-only: you can look, but nothing can be changed"
        if self.context.db.encrypted:
            where += " – encrypted"
        if self.portable:
            where += " – portable: nothing is kept on this computer"
        self.location_label.setText(where)
        self._update_file_actions()

    def _update_file_actions(self) -> None:
        """Backups, restore and encryption are for a data file (a database server keeps its own); a file
        open read-only can be backed up but not changed."""
        is_file = self._data_file() is not None
        changeable = is_file and not self.context.db.read_only
        self.back_up_action.setEnabled(is_file)
        self.restore_action.setEnabled(changeable)
        self.encrypt_action.setEnabled(changeable and not self.context.db.encrypted)
        self.change_passphrase_action.setEnabled(changeable and self.context.db.encrypted)

    def _may_leave(self) -> bool:
        """Ask before what is typed on the page shown would be thrown away (ui/unsaved.py)."""
        return ask_before_leaving(self.stack.currentWidget() if self.pages else None)

    def _on_nav_current_row_changed(self, row: int) -> None:
        if not self.pages or (self.pages.made(row) and self.stack.currentWidget() is self.pages[row]):
            return
        if self.stack.currentWidget() in self.pages and not self._may_leave():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self.pages.index(self.stack.currentWidget()))
            self.nav.blockSignals(False)
            return
        focused = QApplication.focusWidget()
        if focused is not None and self.stack.currentWidget().isAncestorOf(focused):
            # Hidden with its page, it would hand the cursor to the next control in the window first
            # (the employer box), which a screen reader would read out on the way to the new area.
            focused.clearFocus()
        made = self.pages.made(row)
        self.stack.setCurrentIndex(row)
        page = self.pages[row]  # made now, up to date, if it is shown for the first time
        if made and getattr(page, "refresher", None) is not None:
            page.refresher.shown()  # catch up with what changed while it was hidden

    def _on_employer_box_activated(self, index: int) -> None:
        chosen = self.employer_box.itemData(index)
        if chosen == self.context.employer_id:
            return
        if not self._may_leave():
            self._reload_employers()  # back to the client whose edit is unsaved
            return
        self.context.set_employer(chosen)
        self.statusBar().showMessage(f"Now working on {self.employer_box.currentText()}.", 5000)

    def closeEvent(self, event) -> None:
        if self.pages and not self._may_leave():
            event.ignore()
            return
        self._keep_first_view()
        if self.data is not None and self.data.lock is not None:
            self.data.lock.release()
        super().closeEvent(event)

    def new_employer(self) -> None:
        from pa_manager.ui.dialogs.employer_dialog import EmployerDialog

        dialog = EmployerDialog(self.context.db, parent=self)
        if not dialog.exec():
            return
        self.context.set_employer(dialog.saved.id)
        self.context.push(dialog.change)

    def edit_employer(self) -> None:
        from pa_manager.services import employers
        from pa_manager.ui.dialogs.employer_dialog import EmployerDialog

        if self.context.employer_id is None:
            return
        before = employers.get_employer(self.context.db, self.context.employer_id)
        dialog = EmployerDialog(self.context.db, before, parent=self)
        if not dialog.exec():
            return
        self.context.push(dialog.change)

    def remove_employer(self) -> None:
        """Remove the employer shown and all their records, after asking once; undo puts them back."""
        from pa_manager.services import employers

        if self.context.employer_id is None:
            return
        name = self.employer_box.currentText()
        answer = QMessageBox.question(
            self, f"Remove {name}?",
            f"Remove {name} and all their records (PAs, hours, pay runs, checks, training and budget) from this "
            "data file? If you need to keep them, export them first (File, then Export employer). You can undo "
            "this with Edit, then Undo, until you close PA Manager.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        change = employers.remove_employer(self.context.db, self.context.employer_id)
        self.context.announce_change()  # moves to another employer, or to none
        self.context.push(change)

    # --- the first run ---
    def offer_first_run(self) -> None:
        """A data file opened for the first time with nobody in it is set up step by step (the first run);
        otherwise the window opens where this file's user works: Caseload for an advocate or council staff."""
        from pa_manager.services import employers, first_run

        if self.context is None:
            return
        db = self.context.db
        role = first_run.user_role(db)
        if role is None and not db.read_only and not employers.list_employers(db, self.context.today()):
            self.start_first_run()
        else:
            self._open_where_they_work(role)

    def start_first_run(self) -> None:
        """Open the first run over the window (it does not wait: the window goes on working behind it)."""
        from pa_manager.ui.dialogs.first_run import FirstRunDialog

        if self.context is None or self.context.db.read_only:
            return
        self.first_run = FirstRunDialog(self.context, portable=self.portable, parent=self)
        self.first_run.setWindowModality(Qt.WindowModality.WindowModal)
        self.first_run.finished_setting_up.connect(self._on_first_run_finished)
        self.first_run.open()

    def _on_first_run_finished(self, role: str) -> None:
        self._reload_employers()
        self._open_where_they_work(role)
        if self.stack.currentWidget() is not self.caseload:
            self.go_to(self.pages.index(self.dashboard))  # what is still to add is listed there
        self.statusBar().showMessage("You can do the rest whenever you like: anything still to add is listed on "
                                     "the Dashboard.", 15000)

    def _open_where_they_work(self, role: str | None) -> None:
        from pa_manager.services import first_run

        if self.pages and role in (first_run.ADVOCATE, first_run.COUNCIL):
            self.go_to(self.pages.index(self.caseload))

    # --- navigation ---
    def _fit_nav(self) -> None:
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 24)

    def compact(self) -> bool:
        """Too narrow for the list of areas beside the page (a small screen, or large text)."""
        return self.width() < self.nav.width() + 90 * self.fontMetrics().averageCharWidth()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_areas()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoom, or the system's text size
            self._fit_nav()
            self._place_areas()

    def _place_areas(self) -> None:
        compact = self.compact()
        if compact == self.nav.isHidden():
            return
        had_focus = self.nav.hasFocus() or self.area_box.hasFocus()
        self.nav.setVisible(not compact)
        self.area_row.setVisible(compact)
        if had_focus:
            (self.area_box if compact else self.nav).setFocus()
        order_tabs(self.centralWidget())

    def _on_area_box_activated(self, index: int) -> None:
        self.go_to(index)
        if self.stack.currentIndex() != index:  # stayed, to save an edit first
            self.area_box.setCurrentIndex(self.stack.currentIndex())

    def _on_stack_current_changed(self, index: int) -> None:
        size_by_shown_page(self.stack, index)

    def go_to(self, index: int) -> None:
        """Open an area (Ctrl+its number): the cursor goes to its first control, and a screen reader is
        told which area it is."""
        if not self.pages:
            return
        self.nav.setCurrentRow(index)
        page = self.stack.currentWidget()
        order_tabs(self.centralWidget())  # widgets a page added since keep to reading order
        self.page_area.verticalScrollBar().setValue(0)
        target = first_control(page)
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        announce(page, f"{page.title} area")

    def open_employer(self, employer_id: int) -> None:
        """From the caseload: switch to that employer and show their dashboard."""
        if not self._may_leave():
            return
        self.context.set_employer(employer_id)
        self.go_to(self.pages.index(self.dashboard))
        self.statusBar().showMessage(f"Now working on {self.employer_box.currentText()}.", 5000)

    def show_area_for(self, area: str, pa_id: int) -> None:
        """Open the area where a dashboard item is dealt with, at the PA it is about."""
        index = AREAS.index({"training": "Training", "pay": "Pay", "fps": "Pay", "budget": "Budget",
                             "recruitment": "Recruitment", "hours": "Hours"}.get(area, "Checks"))
        self.go_to(index)
        page = self.pages[index]
        if area == "hours":  # a working-time finding: the week of its day, pa_id holding the day
            day = date.fromordinal(pa_id)
            page.show_week(day - timedelta(days=day.weekday()))
        elif area == "fps":  # a pay run's FPS to send: that pay run, pa_id holding its pay date
            page.show_pay_run(date.fromordinal(pa_id))
        elif AREAS[index] == "Pay":
            page.open_next_pay_run()  # the earliest period with unpaid work, so nobody goes unpaid
        if pa_id >= 0 and AREAS[index] in ("Training", "Checks", "Recruitment"):
            (page.select if AREAS[index] == "Training" else page.select_pa)(pa_id)

    def show_pa(self, pa_id: int) -> None:
        self.go_to(self.pages.index(self.people))
        self.people.select_pa(pa_id)
        self.people.form.name.setFocus()

    # --- files ---
    def open_data_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open a data file", "", "PA Manager data (*.sqlite3);;All files (*)")
        if path:
            self.open_location(path)

    def open_location(self, location: str) -> bool:
        from pa_manager.services import employers
        from pa_manager.ui.open_data import open_data

        if not self._may_leave():
            return False
        data = open_data(self, location)
        if data is None:
            return False
        if self.data is not None and self.data.lock is not None:
            self.data.lock.release()
        self.data = data
        db, opened = data.db, data.opened
        self.context.switch_database(db)
        rows = employers.list_employers(db, self.context.today())
        self.context.set_employer(rows[0].id if rows else None)
        self._reload_employers()
        if opened.backup:
            self.statusBar().showMessage(f"Upgraded the data file. A copy of the old one is in {opened.backup}.")
        elif data.backup_problem:
            self.statusBar().showMessage(data.backup_problem)
        self.offer_first_run()
        return True

    # --- keeping the data file safe ---
    def _data_file(self) -> Path | None:
        location = self.context.db.location if self.context is not None else ""
        return None if not location or "://" in location else Path(location).expanduser()

    def back_up_now(self) -> None:
        from pa_manager.services.data_files import MANUAL, DataFileError, take_backup

        path = self._data_file()
        if path is None:
            return
        try:
            made = take_backup(path, MANUAL, now=self.clock(), passphrase=self.context.db.passphrase)
        except (DataFileError, OSError) as error:
            QMessageBox.warning(self, "No backup was made", say(error))
            return
        locked = ", encrypted with the same passphrase" if self.context.db.encrypted else ""
        self.statusBar().showMessage(f"Backed up the data file to {made.name}, beside it{locked}.", 10000)

    def restore_from_backup(self) -> None:
        from pa_manager.services.data_files import restore_backup
        from pa_manager.ui.dialogs.restore_dialog import RestoreDialog
        from pa_manager.wording import backup_made

        path = self._data_file()
        if path is None:
            return
        dialog = RestoreDialog(path, self.context.db.passphrase, self)
        if not dialog.exec() or dialog.chosen is None:
            return
        chosen, passphrase = dialog.chosen, self.context.db.passphrase
        when = backup_made(dialog.summary(chosen))
        result = self._change_data_file(
            lambda: restore_backup(path, chosen, now=self.clock(), passphrase=passphrase), passphrase,
            "The backup was not restored")
        if result is not None:
            kept = f" The file as it was is kept as {result.before_restore.name}." if result.before_restore else ""
            self.statusBar().showMessage(f"Restored the backup made on {when}.{kept}")

    def encrypt_data_file(self) -> None:
        from pa_manager.services.data_files import encrypt_data_file
        from pa_manager.ui.dialogs.passphrase_dialogs import NewPassphraseDialog

        path = self._data_file()
        if path is None or self.context.db.encrypted:
            return
        dialog = NewPassphraseDialog(
            "Encrypt the data file",
            f"Encrypting {path.name} means nobody can read it, or its backups, without the passphrase you "
            "choose now. It will be asked for each time the file is opened.", parent=self)
        if not dialog.exec():
            return
        passphrase = dialog.passphrase
        result = self._change_data_file(lambda: encrypt_data_file(path, passphrase, now=self.clock()), passphrase,
                                        "The data file was not encrypted")
        if result is not None:
            left = (f" {len(result.backups_left)} backups could not be read and were left as they were."
                    if result.backups_left else "")
            self.statusBar().showMessage(f"Encrypted the data file and its backups.{left}")

    def change_passphrase(self) -> None:
        import hmac

        from pa_manager.services.data_files import change_passphrase
        from pa_manager.ui.dialogs.passphrase_dialogs import NewPassphraseDialog

        path = self._data_file()
        old = self.context.db.passphrase
        if path is None or old is None:
            return
        dialog = NewPassphraseDialog(
            "Change the passphrase",
            f"Choose a new passphrase for {path.name}. Its backups get the new passphrase too, and the old one "
            "will open none of them.", ask_current=True, action="Change the &passphrase", parent=self)
        while True:
            if not dialog.exec():
                return
            if hmac.compare_digest(dialog.current.encode(), old.encode()):
                break
            dialog.show_current_error("That is not the passphrase the file has now. Nothing was changed. Try again.")
        new = dialog.passphrase
        result = self._change_data_file(lambda: change_passphrase(path, old, new), new,
                                        "The passphrase was not changed")
        if result is not None:
            self.statusBar().showMessage("Changed the passphrase of the data file and its backups.")

    def _change_data_file(self, change, passphrase_after: str | None, failed_title: str):
        """Let go of the data file (this window keeps its writer lock), make the change, and open the file
        again, with its new passphrase if it has one. On a refusal, say why and open it as it was."""
        from pa_manager.services import data_files, employers

        result, refusal, again = data_files.change_data_file(self.context.db, change, passphrase_after, self.clock())
        if refusal is not None:
            QMessageBox.warning(self, failed_title, str(refusal))
        db, opened = again.db, again.opened
        self.context.switch_database(db)
        rows = employers.list_employers(db, self.context.today())
        self.context.set_employer(rows[0].id if rows else None)
        self._reload_employers()
        if opened.backup:
            self.statusBar().showMessage(f"Upgraded the data file. A copy of the old one is in {opened.backup}.")
        return result

    def import_staff_list(self) -> None:
        from pa_manager.ui.dialogs.staff_import_dialog import StaffImportDialog

        if self.context.employer_id is None:
            return
        dialog = StaffImportDialog(self.context, self.employer_box.currentText(), self)
        if not dialog.exec() or dialog.result is None or dialog.result.change is None:
            return
        self.context.push(dialog.result.change)

    def export_employer(self) -> None:
        from pa_manager.services import transfer
        from pa_manager.services.errors import ServiceError

        if self.context.employer_id is None:
            return
        name = self.employer_box.currentText()
        suggested = str(Path.home() / f"{name}{EMPLOYER_FILE_SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self, f"Export {name}", suggested, f"Employer files (*{EMPLOYER_FILE_SUFFIX})")
        if not path:
            return
        try:
            transfer.export_employer(self.context.db, self.context.employer_id, Path(path), datetime.now())
        except (ServiceError, OSError) as error:
            QMessageBox.warning(self, "The employer was not exported", say(error))
            return
        self.statusBar().showMessage(f"Exported {name} to {path}.", 8000)

    def import_employer(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import an employer", "", f"Employer files (*{EMPLOYER_FILE_SUFFIX})")
        if path:
            self.import_employer_file(Path(path))

    def import_employer_file(self, path: Path) -> None:
        from pa_manager.services import transfer
        from pa_manager.services.errors import ServiceError

        try:
            imported = transfer.import_employer_undoably(self.context.db, path)
        except ServiceError as error:
            QMessageBox.warning(self, "The employer was not imported", say(error))
            return
        self.context.set_employer(imported.value)
        self.context.push(imported.change, employer_id=imported.value)

    # --- text size and colours ---
    def _say_text_size(self) -> None:
        size = self.appearance.percent()
        self.statusBar().showMessage(f"Text size {size}%. Ctrl+= makes it larger, Ctrl+- smaller.", 5000)

    def larger_text(self) -> None:
        if not self.appearance.larger():
            self.statusBar().showMessage(f"The text is as large as it goes ({self.appearance.percent()}%).", 5000)
            return
        self._say_text_size()

    def smaller_text(self) -> None:
        if not self.appearance.smaller():
            self.statusBar().showMessage(f"The text is as small as it goes ({self.appearance.percent()}%).", 5000)
            return
        self._say_text_size()

    def normal_text(self) -> None:
        self.appearance.set_scale(1.0)
        self._say_text_size()

    def toggle_high_contrast(self) -> None:
        on = self.high_contrast_action.isChecked()
        self.appearance.set_theme(appearance.HIGH_CONTRAST if on else appearance.STANDARD)
        if self.context is not None:
            self.context.announce_change()  # pages redraw their status icons in the new colours
        self.statusBar().showMessage("High contrast is on." if on else "High contrast is off.", 5000)

    # --- help ---
    def show_guide(self) -> None:
        from pa_manager.ui.dialogs.guide_dialog import GuideDialog

        from pa_manager.help_pages import PAGE_FOR_AREA

        # F1 opens the help for what is done in the area shown (a pay day in Pay, an audit in Reports).
        area = getattr(self.stack.currentWidget(), "title", "")
        GuideDialog(self, topic=PAGE_FOR_AREA.get(area)).exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About PA Manager",
            f"PA Manager {__version__}\n\nFree, open-source software for people who employ personal assistants "
            "with a direct payment or personal budget.\n\nYou may share and change it under the GNU General Public "
            "Licence, version 3 or later. It comes with no warranty.",
        )


class _Pages(Sequence):
    """The window's pages in the order of the areas, each made the first time it is wanted."""

    def __init__(self, window: MainWindow):
        self._window = window
        self._made: dict[int, QWidget] = {}

    def made(self, index: int) -> bool:
        return index in self._made

    def __len__(self) -> int:
        return len(AREAS)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(len(AREAS))[index]]
        index = range(len(AREAS))[index]
        if index not in self._made:
            self._made[index] = self._window._make_page(index)
        return self._made[index]

    def __contains__(self, widget) -> bool:
        return any(page is widget for page in self._made.values())

    def index(self, widget, *args) -> int:
        for index, page in self._made.items():
            if page is widget:
                return index
        raise ValueError("not one of the window's pages")


class LastEmployer:
    """Whose records were open last in each data file, kept in the app's settings (only an employer's
    number in the file, nothing personal), so the next start opens on them."""

    def __init__(self, settings):
        self._settings = settings

    @staticmethod
    def _key(location: str) -> str:
        import hashlib

        return "last_employer/" + hashlib.sha256(location.encode()).hexdigest()[:16]

    def get(self, location: str) -> int | None:
        value = self._settings.value(self._key(location))
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set(self, location: str, employer_id: int) -> None:
        self._settings.setValue(self._key(location), employer_id)
