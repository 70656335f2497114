"""Every dialog of the app, made on the demo household, for the sweeps that must hold in all of them
(named controls, Tab order, focus on opening, size at large text). A new dialog joins here."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pa_manager.domain.people import PARecord
from pa_manager.services import budget, checks, pay_runs, people, training
from tests.conftest import TODAY

THIS_MONDAY = TODAY - timedelta(days=TODAY.weekday())
LAST_MONDAY = THIS_MONDAY - timedelta(days=7)
PAY_DATE = date(2026, 11, 30)


def _pa(context, name: str) -> PARecord:
    return next(pa for pa in people.list_pas(context.db, context.employer_id) if pa.name == name)


def _window_dialogs(context):
    from pa_manager.ui.dialogs.earnings_order_dialog import EarningsOrderDialog
    from pa_manager.ui.dialogs.employer_dialog import EmployerDialog
    from pa_manager.ui.dialogs.family_leave_dialog import FamilyLeaveDialog
    from pa_manager.ui.dialogs.guide_dialog import GuideDialog
    from pa_manager.ui.dialogs.holiday_dialog import HolidayDialog
    from pa_manager.ui.dialogs.leaver_dialog import LeaverDialog
    from pa_manager.ui.dialogs.passphrase_dialogs import NewPassphraseDialog, PassphraseDialog
    from pa_manager.ui.dialogs.pay_scale_dialog import PayScaleDialog
    from pa_manager.ui.dialogs.restore_dialog import RestoreDialog
    from pa_manager.ui.dialogs.staff_import_dialog import StaffImportDialog

    return {
        "add employer": lambda: EmployerDialog(context.db),
        "change employer": lambda: EmployerDialog(context.db, _employer(context)),
        "leaver": lambda: LeaverDialog(_pa(context, "Janet Moyo"), TODAY),
        "holiday": lambda: HolidayDialog(context.db, _pa(context, "Janet Moyo").id, TODAY, context.push),
        "family leave": lambda: FamilyLeaveDialog(context.db, context.employer_id, _pa(context, "Janet Moyo").id,
                                                  "Janet Moyo"),
        "attachment of earnings": lambda: EarningsOrderDialog(context.db, context.employer_id,
                                                              _pa(context, "Janet Moyo").id, "Janet Moyo", lambda: TODAY),
        "pay scale": lambda: PayScaleDialog(context.db, context.employer_id),
        "staff import": lambda: StaffImportDialog(context, "Margaret Okafor"),
        "guide": lambda: GuideDialog(),
        "passphrase": lambda: PassphraseDialog("data.sqlite3"),
        "new passphrase": lambda: NewPassphraseDialog("Encrypt the data file", "Choose a passphrase."),
        "change passphrase": lambda: NewPassphraseDialog("Change the passphrase", "Choose a new passphrase.",
                                                         ask_current=True, action="Change the &passphrase"),
        "restore": lambda: RestoreDialog(Path(context.db.location)),
    }


def _employer(context):
    from pa_manager.services import employers

    return employers.get_employer(context.db, context.employer_id)


def _hours_dialogs(context):
    from pa_manager.ui.dialogs.rota_dialog import PatternDialog, RotaDialog
    from pa_manager.ui.dialogs.shift_dialog import ShiftDialog
    from pa_manager.ui.dialogs.timesheet_dialogs import TimesheetExportDialog, TimesheetImportDialog

    janet = lambda: _pa(context, "Janet Moyo").id  # noqa: E731
    return {
        "shift": lambda: ShiftDialog(context, janet(), THIS_MONDAY + timedelta(days=1)),
        "shift with worked": lambda: ShiftDialog(context, janet(), LAST_MONDAY + timedelta(days=1)),
        "rota": lambda: RotaDialog(context),
        "pattern": lambda: PatternDialog(people.list_pas(context.db, context.employer_id), TODAY),
        "timesheet import": lambda: TimesheetImportDialog(context),
        "timesheet export": lambda: TimesheetExportDialog(context, LAST_MONDAY, LAST_MONDAY + timedelta(days=6)),
    }


def _pay_dialogs(context):
    from pa_manager.ui.dialogs.pay_dialogs import ExtrasDialog, MinimumWageReasonDialog, YearEndDialog

    def reason():
        run = pay_runs.prepare_pay_run(context.db, context.employer_id, PAY_DATE)
        return MinimumWageReasonDialog(run.pas[0])

    def extras():
        run = pay_runs.prepare_pay_run(context.db, context.employer_id, PAY_DATE)
        return ExtrasDialog(context.db, context.employer_id, PAY_DATE, [d.pa for d in run.pas])

    return {
        "minimum wage reason": reason,
        "extras": extras,
        "year end": lambda: YearEndDialog(context.db, context.employer_id, ["2026-27", "2025-26"]),
    }


def _checks_dialogs(context):
    from pa_manager.ui.dialogs.check_dialogs import ContractDialog, DBSCheckDialog, ReferenceDialog, RightToWorkDialog
    from pa_manager.ui.dialogs.checklists import NewEmployerChecklistDialog, NewPAChecklistDialog
    from pa_manager.ui.dialogs.employer_duties_dialog import EmployerDutiesDialog

    def record():
        return checks.pa_checks(context.db, context.employer_id, _pa(context, "Janet Moyo").id)

    janet = lambda: _pa(context, "Janet Moyo")  # noqa: E731
    return {
        "dbs": lambda: DBSCheckDialog(context.db, context.employer_id, janet(), record().dbs[0]),
        "new dbs": lambda: DBSCheckDialog(context.db, context.employer_id, janet()),
        "right to work": lambda: RightToWorkDialog(context.db, context.employer_id, janet()),
        "reference": lambda: ReferenceDialog(context.db, context.employer_id, janet()),
        "contract": lambda: ContractDialog(context.db, context.employer_id, janet(), record().contract),
        "duties": lambda: EmployerDutiesDialog(context),
        "pa checklist": lambda: NewPAChecklistDialog(context, janet().id),
        "employer checklist": lambda: NewEmployerChecklistDialog(context),
    }


def _training_dialogs(context):
    from pa_manager.ui.dialogs.training.care_certificate import CareCertificateDialog
    from pa_manager.ui.dialogs.training.courses import CoursesDialog
    from pa_manager.ui.dialogs.training.meetings import MeetingsDialog
    from pa_manager.ui.dialogs.training.record import RecordTrainingDialog
    from pa_manager.ui.dialogs.training.required import RequiredCoursesDialog

    courses = lambda: training.list_courses(context.db, context.employer_id)  # noqa: E731
    janet = lambda: _pa(context, "Janet Moyo")  # noqa: E731
    return {
        "record training": lambda: RecordTrainingDialog(context.db, context.employer_id, [(janet().id, "Janet Moyo")],
                                                        courses(), TODAY),
        "courses": lambda: CoursesDialog(context),
        "required courses": lambda: RequiredCoursesDialog("Janet Moyo", courses(), set()),
        "meetings": lambda: MeetingsDialog(context, janet().id, "Janet Moyo"),
        "care certificate": lambda: CareCertificateDialog("Janet Moyo", {}, TODAY),
    }


def _budget_dialogs(context):
    from pa_manager.ui.dialogs.budget_dialogs import (
        BudgetYearDialog, LedgerEntryDialog, ReconcileDialog, StatementImportDialog,
    )

    def entry():
        return budget.list_entries(context.db, context.employer_id)[0].entry

    return {
        "budget year": lambda: BudgetYearDialog(budget.list_years(context.db, context.employer_id), "2026-27", TODAY),
        "ledger entry": lambda: LedgerEntryDialog(entry(), TODAY),
        "new ledger entry": lambda: LedgerEntryDialog(None, TODAY),
        "statement import": lambda: StatementImportDialog(context),
        "reconcile": lambda: ReconcileDialog(TODAY),
    }


def dialog_makers(context) -> dict:
    """Name -> a function making that dialog (made only when a test asks, on the demo household)."""
    return {**_window_dialogs(context), **_hours_dialogs(context), **_pay_dialogs(context),
            **_checks_dialogs(context), **_training_dialogs(context), **_budget_dialogs(context)}


DIALOG_NAMES = ["add employer", "change employer", "leaver", "holiday", "family leave", "pay scale", "staff import",
                "guide", "passphrase", "new passphrase", "change passphrase", "restore", "shift", "shift with worked",
                "rota", "pattern", "timesheet import", "timesheet export", "minimum wage reason", "extras", "year end",
                "dbs", "new dbs", "right to work", "reference", "contract", "duties", "pa checklist",
                "employer checklist", "record training", "courses", "required courses", "meetings", "care certificate",
                "budget year", "ledger entry", "new ledger entry", "statement import", "reconcile"]
