"""The steps of the first run (ui/dialogs/first_run.py moves between them).

A step shows itself with `enter()` (the cursor in its first field), stores what was typed with `save()`
through the services, as the pages do, and puts it on the undo stack; False keeps the step open with
each problem next to its field. `has_unsaved_changes`, `unsaved_what`, `save_changes` and
`discard_changes` let the dialog ask before anything typed would be lost (ui/unsaved.py).
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDialog, QFormLayout, QGroupBox, QLineEdit, QRadioButton, QVBoxLayout,
    QWidget,
)

from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.messages import date_range, describe, format_date, say
from pa_manager.services import employers, first_run, pay_runs, people, wages
from pa_manager.services.errors import ServiceError, ValidationFailed
from pa_manager.ui.dialogs.employer_dialog import FREQUENCY_NAMES, EmployerForm
from pa_manager.ui.widgets.form import FieldRow, add_row
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, DecimalEdit, InputError, WrappingCheckBox
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.scroll import vertical_scroll
from pa_manager.ui.widgets.status_list import StatusList
from pa_manager.wording import standing_lines

# Each step is given the dialog that moves between them (ui/dialogs/first_run.FirstRunDialog, which
# imports this module, so it is named here only as the QDialog it is).
FirstRunDialog = QDialog

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _typed(root: QWidget) -> tuple:
    """Everything typed or chosen in a step, to tell whether it changed since it was shown or saved."""
    found = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            found.append(widget.text())
        elif hasattr(widget, "toPlainText"):
            found.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            found.append(widget.currentIndex())
        elif isinstance(widget, QCheckBox):
            found.append(widget.isChecked())
    return tuple(found)


class Step(QWidget):
    can_skip = True

    def __init__(self, run: FirstRunDialog):
        super().__init__()
        self.run = run
        self.context = run.context
        self._shown: tuple = ()

    def title(self) -> str:
        raise NotImplementedError

    def applies(self) -> bool:
        return True

    def enter(self) -> None:
        """Shown: bring the words up to date and put the cursor in the first field."""
        self._shown = _typed(self)

    def save(self) -> bool:
        return True

    # --- never lose what was typed (ui/unsaved.py) ---
    def has_unsaved_changes(self) -> bool:
        return _typed(self) != self._shown

    def unsaved_what(self) -> str:
        return "what you typed on this step"

    def save_changes(self) -> bool:
        return self.save()

    def discard_changes(self) -> None:
        pass

    def _employer_id(self) -> int | None:
        return self.context.employer_id


# --- 1. Who is using PA Manager -------------------------------------------------------------------

ROLE_CHOICES = (
    (first_run.OWN_PAS, "I employ my own PAs",
     "I get a direct payment or personal budget and use it to employ personal assistants (or I look after it "
     "for someone in my family)."),
    (first_run.ADVOCATE, "I help other people with theirs",
     "An advocate, support broker or payroll helper: I keep the records of several people who employ PAs, "
     "and sit down with them to sort things out."),
    (first_run.COUNCIL, "I work for a council or a support service",
     "I answer questions in advice sessions, and sometimes open a client's file, from a USB stick say."),
)


class WhoStep(Step):
    """Who is using PA Manager: decides the steps that follow, and where the window opens from now on."""

    can_skip = False  # Enter on the first choice is as quick, and the rest of the steps depend on it

    def __init__(self, run: FirstRunDialog):
        super().__init__(run)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(
            "Welcome to PA Manager. It keeps the records of people who employ personal assistants (PAs) with a "
            "direct payment: their PAs, hours, pay, checks, training and budget. A few short steps set it up. "
            "You can skip any of them and come back to it later."))
        box = QGroupBox("Choose the one that fits you best")
        column = QVBoxLayout(box)
        column.addWidget(paragraph("Use the arrow keys to choose, then press Enter."))
        self.group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        for role, label, about in ROLE_CHOICES:
            button = QRadioButton(label)
            button.setAccessibleDescription(about)
            self.group.addButton(button)
            self.choices[role] = button
            column.addWidget(button)
            note = paragraph(about)
            note.setContentsMargins(24, 0, 0, 8)
            column.addWidget(note)
        layout.addWidget(box)
        layout.addStretch()
        self.choices[run.role].setChecked(True)

    def title(self) -> str:
        return "Who is using PA Manager?"

    def chosen(self) -> str:
        return next(role for role, button in self.choices.items() if button.isChecked())

    def enter(self) -> None:
        super().enter()
        self.choices[self.chosen()].setFocus()

    def has_unsaved_changes(self) -> bool:
        return False  # a choice, stored on Next; nothing typed to lose

    def save(self) -> bool:
        self.run.role = self.chosen()
        if not self.context.db.read_only:
            first_run.remember_user_role(self.context.db, self.run.role)
        return True


# --- 2. The employer (or an advocate's first client) -------------------------------------------------

class EmployerStep(Step):
    """The employer's details in the same form as Add an employer (EmployerForm)."""

    def __init__(self, run: FirstRunDialog):
        super().__init__(run)
        self.saved = None  # the employer as stored by this step
        self.form = EmployerForm(self.context.db, ask_pay_frequency=False, ask_benchmarks=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)

    def _own(self) -> bool:
        return self.run.role == first_run.OWN_PAS

    def title(self) -> str:
        return "About you, the employer" if self._own() else "Your first client"

    def enter(self) -> None:
        if self._own():
            self.form.intro.setText(
                "The employer is the person who holds the direct payment and employs the PAs: usually you, or the "
                "person in your family whose direct payment you look after. Fill in what you know now; only the "
                "name is needed. The references come from HMRC when you register as an employer, and you can add "
                "them later (Edit, then Change employer details).")
        else:
            self.form.intro.setText(
                "Add the first person you support: the person who holds the direct payment and employs the PAs. "
                "Only their name is needed now. Add the others later from Caseload (Add someone you support), "
                "or skip this step to open a client's file instead.")
        self.form.ask_pay_frequency(not self._own())  # a budget holder chooses it on the pay-day step
        super().enter()
        self.form.name.setFocus()

    def unsaved_what(self) -> str:
        name = self.form.name.text().strip()
        return f"{name}'s details" if name else "the employer's details"

    def save(self) -> bool:
        if self.saved is not None and not self.has_unsaved_changes():
            return True  # back and forward again: nothing new to store
        before = self.saved
        saved = self.form.save()
        if saved is None:
            return False
        self.saved = saved
        if before is None:
            self.context.set_employer(saved.id)  # the new employer's own undo history
        self.context.push(self.form.change)
        self._shown = _typed(self)
        return True


# --- 3. Where the records are kept ----------------------------------------------------------------

class DataStep(Step):
    """Where the data file is, what is backed up and where, and that it is theirs alone."""

    def __init__(self, run: FirstRunDialog):
        super().__init__(run)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.location = QLineEdit()
        self.location.setReadOnly(True)
        self.location_row = add_row(form, "Your &data file:", self.location,
                                    "Select it and copy it if you want to note it down")
        layout.addLayout(form)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        self.sections: list[tuple[QWidget, QWidget]] = []
        for _ in range(5):
            title, text = heading(scale=1.1), paragraph()
            column.addWidget(title)
            column.addWidget(text)
            self.sections.append((title, text))
        column.addStretch()
        layout.addWidget(vertical_scroll(body, "Where your records are kept"), stretch=1)

    def title(self) -> str:
        return "Where your records are kept"

    def _say(self, sections: list[tuple[str, str]]) -> None:
        for (title, text), (heading_label, body) in zip(
                sections + [("", "")] * (len(self.sections) - len(sections)), self.sections):
            heading_label.setText(title)
            body.setText(text)
            heading_label.setVisible(bool(title))
            body.setVisible(bool(text))

    def enter(self) -> None:
        place = first_run.where_records_are_kept(self.context.db)
        self.location.setText(place.location)
        self.location.setCursorPosition(0)
        role = self.run.role
        sections = []
        if not place.is_file:
            sections.append(("In your organisation's database", (
                "Your records are kept in your organisation's database, named above, not on this computer. "
                "Whoever runs that database keeps its backups; ask them how long they keep them.")))
        else:
            everyone = ("everyone you support" if role == first_run.ADVOCATE else
                        "your clients" if role == first_run.COUNCIL else "the employer and the PAs")
            sections.append(("One file, yours alone", (
                f"Everything you enter about {everyone} is kept in this one file, on this computer. "
                "PA Manager sends nothing anywhere: not to the council, not to HMRC, not to its makers. Only you "
                "(your login on this computer) can open the file. Copying this one file, to a USB stick say, "
                "copies everything.")))
            newest = f" The newest is from {format_date(place.newest_backup.date())}." if place.newest_backup else ""
            sections.append(("Backups, beside the file", (
                f"The first time you open PA Manager each day it keeps a copy of the file beside it, in the same "
                f"folder ({place.folder}). The newest {place.keep_daily} daily copies are kept. File, then Back up "
                f"now makes one whenever you like, and File, then Restore from a backup puts one back.{newest} "
                "A copy on the same disk is lost with the disk: now and then copy a backup to a USB stick or "
                "another disk.")))
            if place.encrypted:
                sections.append(("Encrypted", (
                    "This file is encrypted: nobody can read it, or its backups, without your passphrase. If the "
                    "passphrase is lost, nobody can recover the records, so keep it written down somewhere safe.")))
            else:
                sections.append(("If other people use this computer", (
                    "Encrypt the file (File, then Encrypt the data file): then nobody can read it, or its backups, "
                    "without a passphrase you choose. Do it before the file goes on a laptop or a USB stick.")))
        if role == first_run.ADVOCATE:
            sections.append(("Several people in one file", (
                "This one file can hold the records of everyone you support; choose whose records you are working "
                "on from the Employer list at the top. File, then Export employer writes one person's records to a "
                "file of their own, to hand over or move to another computer.")))
        if role == first_run.COUNCIL or self.run.portable:
            sections.append(("A client's file, on someone else's computer", (
                "To open a client's file from a USB stick without keeping anything on the computer you are using, "
                "start PA Manager from a command prompt with:\n\n    pa-manager --portable --data E:\\client.sqlite3\n\n"
                "(with the file's own place on the stick). Backups then stay on the stick, and when you close PA "
                "Manager nothing is left behind. A file that is read-only, or open in another PA Manager window, "
                "can be opened read-only: to look and print, changing nothing.")))
        if self.run.portable:
            sections.insert(0, ("Portable", "You started PA Manager with --portable: nothing is kept on this "
                                            "computer, and the backups stay beside the file."))
        self._say(sections)
        super().enter()
        self.location.setFocus()


# --- 4. The first PA ----------------------------------------------------------------------------

TAX_CODE_EXPLAINED = (
    "Like 1257L. A tax code tells you how much of their pay is free of income tax. Copy it from their P45, the form their "
    "last employer gave them when they left. With no P45, they fill in HMRC's starter checklist: use 1257L "
    "if they ticked statement A (this is their first job since 6 April), 1257L W1 if they ticked B (their only "
    "job now, but they had another or taxable benefits since 6 April; 1257L M1 if you pay monthly), or BR if "
    "they ticked C (they have another job or a pension). HMRC may send you a new code later: change it then.")


class PADetailsStep(Step):
    """The details a first pay day needs; the rest (address, checks, pension) is on the People page."""

    def __init__(self, run: FirstRunDialog):
        super().__init__(run)
        self.saved: PARecord | None = None
        self.rows: dict[str, FieldRow] = {}
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(paragraph(
            "Add the PA you pay first: what their first pay day needs. You can add their address, checks and "
            "everything else on the People page later, and more PAs there too."))
        form = QFormLayout()
        self.name = QLineEdit()
        self.date_of_birth = DateEdit()
        self.ni_number = QLineEdit()
        self.tax_code = QLineEdit()
        self.start_date = DateEdit()
        self.contracted_hours = DecimalEdit()
        self.irregular_hours = WrappingCheckBox("Their hours &change from week to week (irregular hours)")
        self.hourly_rate = DecimalEdit(money=True)
        self.rows["name"] = add_row(form, "&Name:", self.name)
        self.rows["date_of_birth"] = add_row(form, "Date of &birth:", self.date_of_birth,
                                             f"The legal minimum wage depends on their age. {DATE_HINT}")
        self.rows["ni_number"] = add_row(form, "National &Insurance number:", self.ni_number,
                                         "Two letters, six numbers and a letter, like AB 12 34 56 C. It is on a "
                                         "payslip, a P60 or a letter from HMRC")
        self.rows["tax_code"] = add_row(form, "Ta&x code:", self.tax_code, TAX_CODE_EXPLAINED)
        self.rows["start_date"] = add_row(form, "Star&t date:", self.start_date,
                                          f"Their first day working for you. {DATE_HINT}")
        self.rows["contracted_hours"] = add_row(form, "Hours a &week:", self.contracted_hours,
                                                "The hours in their contract, like 16 or 37.5")
        self.rows["irregular_hours"] = add_row(form, "Hours pattern:", self.irregular_hours)
        self.rows["pay_rates"] = add_row(form, "Hourly &rate (£):", self.hourly_rate,
                                         "What you pay them an hour, like 13.50, from their start date")
        layout.addLayout(form)
        layout.addStretch()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(vertical_scroll(body, "Your first PA"))
        self.irregular_hours.toggled.connect(lambda on: self.contracted_hours.setEnabled(not on))

    def title(self) -> str:
        return "Your first PA"

    def applies(self) -> bool:
        return self.run.has_employer()  # skipped the employer: nowhere to add a PA yet

    def enter(self) -> None:
        super().enter()
        self.name.setFocus()

    def unsaved_what(self) -> str:
        name = self.name.text().strip()
        return f"{name}'s details" if name else "the PA's details"

    def _clear_errors(self) -> None:
        for row in self.rows.values():
            row.show_error(None)

    def _read(self) -> PARecord | None:
        self._clear_errors()
        values, failed = {}, []
        for field, edit in (("date_of_birth", self.date_of_birth), ("start_date", self.start_date),
                            ("contracted_hours", self.contracted_hours), ("pay_rates", self.hourly_rate)):
            try:
                values[field] = edit.value()
            except InputError as error:
                self.rows[field].show_error(say(error))
                failed.append(field)
        if failed:
            self.rows[failed[0]].field.setFocus()
            return None
        irregular = self.irregular_hours.isChecked()
        rate: Decimal | None = values["pay_rates"]
        starts = values["start_date"] or self.context.today()
        base = self.saved or PARecord(name="")
        return replace(
            base, name=self.name.text().strip(), date_of_birth=values["date_of_birth"],
            ni_number=self.ni_number.text(), tax_code=self.tax_code.text(), start_date=values["start_date"],
            irregular_hours=irregular, contracted_hours=None if irregular else values["contracted_hours"],
            pay_rates=(PayRateEntry(starts, rate),) if rate is not None else (),
        )

    def save(self) -> bool:
        if self.saved is not None and not self.has_unsaved_changes():
            return True
        record = self._read()
        if record is None:
            return False
        db, employer_id = self.context.db, self._employer_id()
        try:
            done = people.save_pa_undoably(db, employer_id, record, self.context.today())
        except ValidationFailed as failure:
            first = None
            for field, problem in failure.problems.items():
                row = self.rows.get(field, self.rows["name"])
                row.show_error(describe(problem))
                first = first or row
            first.field.setFocus()
            return False
        except ServiceError as error:
            self.rows["name"].show_error(say(error))
            return False
        self.saved = done.value
        self.context.push(done.change)
        self._shown = _typed(self)
        return True


# --- 5. The first pay day -----------------------------------------------------------------------

class PayDayStep(Step):
    """How often they pay, the pay day that suggests, and what happens on pay day, in plain words."""

    def __init__(self, run: FirstRunDialog):
        super().__init__(run)
        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        self.frequency = QComboBox()
        for frequency, label in FREQUENCY_NAMES.items():
            self.frequency.addItem(label, frequency.value)
        self.frequency_row = add_row(form, "How &often you pay:", self.frequency,
                                     "As your PAs' contracts say. Most pay weekly or monthly")
        layout.addLayout(form)
        self.suggested = heading(scale=1.1)
        layout.addWidget(self.suggested)
        self.period = paragraph()
        layout.addWidget(self.period)
        self.pay_check = StatusList("Pay check")
        layout.addWidget(self.pay_check)
        layout.addWidget(heading("What happens on pay day", scale=1.1))
        self.steps = paragraph()
        layout.addWidget(self.steps)
        layout.addStretch()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(vertical_scroll(body, "Your first pay day"))
        self.frequency.currentIndexChanged.connect(self._show_pay_day)

    def title(self) -> str:
        return "Your first pay day"

    def applies(self) -> bool:
        return self.run.has_employer()

    def _chosen(self) -> PayFrequency:
        return PayFrequency(self.frequency.currentData())

    def enter(self) -> None:
        employer = employers.get_employer(self.context.db, self._employer_id())
        self.frequency.blockSignals(True)
        self.frequency.setCurrentIndex(self.frequency.findData(employer.pay_frequency.value))
        self.frequency.blockSignals(False)
        self._show_pay_day()
        self._show_pay_check(employer)
        super().enter()
        self.frequency.setFocus()

    def _show_pay_day(self) -> None:
        suggested = pay_runs.suggest_pay_day(self.context.db, self._employer_id(), self.context.today(), self._chosen())
        day = suggested.pay_date
        self.suggested.setText(f"Your next pay day: {DAY_NAMES[day.weekday()]} {format_date(day)}")
        self.period.setText(
            f"It pays for the work done from {date_range(suggested.period_start, suggested.period_end)}. "
            + ("Each pay day is the last working day of the month (a weekend or bank holiday moves it to the "
               "working day before)." if self._chosen() is PayFrequency.MONTHLY else
               "Each pay day is the last working day of its pay period; the next periods follow on from it.")
            + " You can choose another date on the Pay page.")
        pas = people.list_pas(self.context.db, self._employer_id())
        who = "each PA" if len(pas) != 1 else pas[0].name
        self.steps.setText("\n".join((
            "1. Before pay day, check the hours on the Hours page (Ctrl+3): every shift worked, sleep-ins included.",
            "2. On the Pay page (Ctrl+4), press Work out pay. PA Manager works out the tax, National Insurance, "
            "pension and holiday pay from the hours and the rates.",
            "3. Read anything it asks you to check, then finalise. A finalised pay run is a permanent record.",
            f"4. Save the payslips and give {who} their payslip: the law says every PA must have one.",
            f"5. Pay {who} the take-home pay it shows. Enter the figures it lays out in HMRC's Basic PAYE Tools on "
            "or before pay day (PA Manager does not send anything to HMRC), and pay HMRC the tax and National "
            "Insurance by the 22nd after the tax month ends (tax months end on the 5th).",
            "The Dashboard says when pay day is coming and what is still to do.",
        )))

    def _show_pay_check(self, employer) -> None:
        lines = []
        for pa in people.list_pas(self.context.db, self._employer_id()):
            standing = wages.wage_standing(pa, employer, self.context.today())
            if standing is not None:
                lines += [(status, f"{pa.name}: {text}") for status, text in standing_lines(standing)[:2]]
        self.pay_check.set_lines(lines)
        self.pay_check.setVisible(bool(lines))

    def has_unsaved_changes(self) -> bool:
        return False  # a choice, stored on Finish

    def save(self) -> bool:
        db, employer_id = self.context.db, self._employer_id()
        before = employers.get_employer(db, employer_id)
        if before.pay_frequency is self._chosen():
            return True
        done = employers.save_employer_undoably(db, replace(before, pay_frequency=self._chosen()),
                                                code="EMPLOYER_PAY_FREQUENCY_CHOSEN")
        self.context.push(done.change)
        return True
