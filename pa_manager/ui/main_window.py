"""The main window: areas on the left, the employer switcher on top, menus, shortcuts, status bar.

It routes: pages ask for things through signals (show this PA, edit the employer) and the window
does them. Pages never call each other.

The window is built in two steps so it appears at once: the frame (menus, areas, switcher) needs
only Qt; `attach()` then opens the records, which loads the database layer (SQLAlchemy) and the pages.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
    QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget,
)

from typing import TYPE_CHECKING

from pa_manager import __version__
from pa_manager.ui import appearance
from pa_manager.ui.announce import announce
from pa_manager.ui.keyboard import first_control, follow_focus, order_tabs
from pa_manager.ui.unsaved import ask_before_leaving
from pa_manager.ui.widgets.adaptive import fit_to_screen
from pa_manager.ui.widgets.inputs import DeliberateComboBox
from pa_manager.ui.widgets.scroll import vertical_scroll

if TYPE_CHECKING:
    from pa_manager.ui.context import AppContext

# The areas, always in this order (product.md); each gets Ctrl+<its number>.
AREAS = ("Dashboard", "People", "Hours", "Pay", "Checks", "Training", "Budget", "Reports", "Caseload",
         "Wage calculator")
EMPLOYER_FILE_SUFFIX = ".paemployer"


def area_shortcut(number: int) -> str:
    """Ctrl+1 for the first area ... Ctrl+9, and Ctrl+0 for the tenth, as the number keys run."""
    return f"Ctrl+{number % 10}"


def size_by_shown_page(stack: QStackedWidget, index: int) -> None:
    """Size the areas' stack by the one shown: a small area is not made as big as the biggest, so the
    window fits a small screen at a large text size, and the page around it scrolls up and down.
    (Qt's stack sizes itself by every page whose size policy is not Ignored: the hidden ones are.)"""
    for i in range(stack.count()):
        policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
        stack.widget(i).setSizePolicy(policy, policy)
    stack.updateGeometry()


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext | None = None, parent=None):
        super().__init__(parent)
        follow_focus()
        self.appearance = appearance.install(QApplication.instance())
        self.context = None
        self.data = None
        self.portable = False  # set by app.run for --portable: said in the status bar
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

        self.location_label = QLabel()
        self.statusBar().addPermanentWidget(self.location_label)
        self._build_menus()
        self.resize(1100, 760)
        fit_to_screen(self)
        if context is not None:
            self.attach(context)

    def attach(self, context: AppContext, data=None) -> None:
        """Show the records of an open data file: build the pages and connect everything. `data` is
        the opened file (ui.open_data.OpenedData), whose lock the window holds while it is open."""
        self.data = data
        from pa_manager.ui.pages.dashboard import DashboardPage
        from pa_manager.ui.pages.budget import BudgetPage
        from pa_manager.ui.pages.caseload import CaseloadPage
        from pa_manager.ui.pages.checks import ChecksPage
        from pa_manager.ui.pages.hours import HoursPage
        from pa_manager.ui.pages.pay import PayPage
        from pa_manager.ui.pages.reports import ReportsPage
        from pa_manager.ui.pages.training import TrainingPage
        from pa_manager.ui.pages.people import PeoplePage
        from pa_manager.ui.pages.wage_calculator import WageCalculatorPage

        self.context = context
        self.dashboard = DashboardPage(context)
        self.people = PeoplePage(context)
        self.hours = HoursPage(context)
        self.pay = PayPage(context)
        self.checks = ChecksPage(context)
        self.training = TrainingPage(context)
        self.budget = BudgetPage(context)
        self.reports = ReportsPage(context)
        self.caseload = CaseloadPage(context)
        self.calculator = WageCalculatorPage(context)
        self.pages = [self.dashboard, self.people, self.hours, self.pay, self.checks, self.training, self.budget,
                      self.reports, self.caseload, self.calculator]
        assert [page.title for page in self.pages] == list(AREAS)
        self.stack.removeWidget(self.opening)
        self.opening.deleteLater()
        for page in self.pages:
            page.setAccessibleName(page.title)
            self.stack.addWidget(page)
        size_by_shown_page(self.stack, self.stack.currentIndex())
        order_tabs(self.centralWidget())
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        self.nav.setCurrentRow(0)
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
        self.dashboard.pa_requested.connect(self.show_pa)
        self.dashboard.employer_edit_requested.connect(self.edit_employer)
        self.dashboard.area_requested.connect(self.show_area_for)
        self.dashboard.employer_add_requested.connect(self.new_employer)
        self.caseload.employer_requested.connect(self.open_employer)
        self.checks.people_requested.connect(lambda: self.go_to(self.pages.index(self.people)))
        context.data_changed.connect(self._reload_employers)
        context.employer_changed.connect(self._reload_employers)
        context.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        # What the status bar says is said to a screen reader too (it is not where the cursor is).
        self.statusBar().messageChanged.connect(lambda text: announce(self.statusBar(), text))
        context.refused.connect(lambda text: QMessageBox.warning(self, "That cannot be undone", text))
        self._reload_employers()
        if context.employer_id is None and self.employer_box.count():
            context.set_employer(self.employer_box.itemData(0))

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
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

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
            self._action(go_menu, f"&{number % 10} {title}", lambda _=False, n=number - 1: self.go_to(n),
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
        if not self.pages or self.stack.currentWidget() is self.pages[row]:
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
        self.stack.setCurrentIndex(row)

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
        if self.data is not None and self.data.lock is not None:
            self.data.lock.release()
        super().closeEvent(event)

    def new_employer(self) -> None:
        from pa_manager.services import employers
        from pa_manager.ui.dialogs.employer_dialog import EmployerDialog

        dialog = EmployerDialog(self.context.db, parent=self)
        if not dialog.exec():
            return
        saved, db = dialog.saved, self.context.db
        self.context.set_employer(saved.id)
        self.context.record(
            f"Add employer {saved.name}",
            redo=lambda: employers.restore_employer(db, saved),
            undo=lambda: employers.delete_employer(db, saved.id),
        )

    def edit_employer(self) -> None:
        from pa_manager.services import employers
        from pa_manager.ui.dialogs.employer_dialog import EmployerDialog

        if self.context.employer_id is None:
            return
        before = employers.get_employer(self.context.db, self.context.employer_id)
        dialog = EmployerDialog(self.context.db, before, parent=self)
        if not dialog.exec():
            return
        saved, db = dialog.saved, self.context.db
        self.context.record(
            f"Change {saved.name}'s employer details",
            redo=lambda: employers.restore_employer(db, saved),
            undo=lambda: employers.restore_employer(db, before),
        )

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
        db = self.context.db
        snapshot = employers.remove_employer(db, self.context.employer_id)
        restored: list[int] = []

        def undo() -> None:
            restored.append(employers.put_back_employer(db, snapshot))
            self.context.set_employer(restored[-1])

        def redo() -> None:
            employers.remove_employer(db, restored[-1])

        self.context.announce_change()  # moves to another employer, or to none
        self.context.record(f"Remove employer {name}", redo=redo, undo=undo)

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
        page = {"training": self.training, "pay": self.pay, "budget": self.budget}.get(area, self.checks)
        self.go_to(self.pages.index(page))
        if page is self.pay:
            self.pay.open_next_pay_run()  # the earliest period with unpaid work, so nobody goes unpaid
        if pa_id >= 0 and page in (self.training, self.checks):
            (page.select if page is self.training else page.select_pa)(pa_id)

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
        return True

    # --- keeping the data file safe ---
    def _data_file(self) -> Path | None:
        location = self.context.db.location if self.context is not None else ""
        return None if not location or "://" in location else Path(location).expanduser()

    def back_up_now(self) -> None:
        from pa_manager.storage.database import DataFileError
        from pa_manager.storage.safekeeping import MANUAL, take_backup

        path = self._data_file()
        if path is None:
            return
        try:
            made = take_backup(path, MANUAL, now=self.clock(), passphrase=self.context.db.passphrase)
        except (DataFileError, OSError) as error:
            QMessageBox.warning(self, "No backup was made", str(error))
            return
        locked = ", encrypted with the same passphrase" if self.context.db.encrypted else ""
        self.statusBar().showMessage(f"Backed up the data file to {made.name}, beside it{locked}.", 10000)

    def restore_from_backup(self) -> None:
        from pa_manager.storage.safekeeping import restore_backup
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
        from pa_manager.storage.safekeeping import encrypt_data_file
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

        from pa_manager.storage.safekeeping import change_passphrase
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
        from pa_manager.services import employers
        from pa_manager.storage.database import DataFileError, open_database

        path, before = self._data_file(), self.context.db.passphrase
        self.context.db.close()
        try:
            result = change()
        except (DataFileError, OSError) as error:
            QMessageBox.warning(self, failed_title, str(error))
            result, passphrase_after = None, before
        db, opened = open_database(path, passphrase=passphrase_after, now=self.clock())
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
        if not dialog.exec() or dialog.result is None:
            return
        from pa_manager.services import people

        db, ids = self.context.db, dialog.result.added_ids
        added = [people.get_pa(db, pa_id) for pa_id in ids]
        employer_id = self.context.employer_id
        self.context.record(
            f"Import {len(ids)} PAs",
            redo=lambda: [people.restore_pa(db, employer_id, pa) for pa in added],
            undo=lambda: [people.delete_pa(db, pa_id) for pa_id in ids],
        )

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
            QMessageBox.warning(self, "The employer was not exported", str(error))
            return
        self.statusBar().showMessage(f"Exported {name} to {path}.", 8000)

    def import_employer(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import an employer", "", f"Employer files (*{EMPLOYER_FILE_SUFFIX})")
        if path:
            self.import_employer_file(Path(path))

    def import_employer_file(self, path: Path) -> None:
        from pa_manager.services import employers, transfer
        from pa_manager.services.errors import ServiceError

        db = self.context.db
        try:
            employer_id = transfer.import_employer(db, path)
        except ServiceError as error:
            QMessageBox.warning(self, "The employer was not imported", str(error))
            return
        self.context.set_employer(employer_id)
        name = employers.get_employer(db, employer_id).name
        self.context.record(
            f"Import employer {name}",
            redo=lambda: transfer.import_employer(db, path),
            undo=lambda: employers.delete_employer(db, employers.find_employer(db, name).id),
            employer_id=employer_id,
        )

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
