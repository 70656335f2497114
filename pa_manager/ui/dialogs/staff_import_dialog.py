"""Import a staff list: choose the file, see what would happen, then import (all rows or none)."""
from __future__ import annotations

from pathlib import Path

from pa_manager.services.staff_import import import_staff
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.file_import import FileImportDialog

COLUMNS_HELP = (
    "The first row must name the columns: name, date_of_birth, ni_number, and if you have them "
    "start_date, hourly_rate, tax_code and ni_category. Dates like 3/4/2026 or 2026-04-03."
)


class StaffImportDialog(FileImportDialog):
    noun = "staff list"
    file_filter = "Staff lists (*.csv *.xlsx)"

    def __init__(self, context: AppContext, employer_name: str, parent=None):
        self.context = context
        self.employer_name = employer_name
        super().__init__(f"Import a staff list for {employer_name}",
                         (f"Add PAs to {employer_name} from a spreadsheet saved as CSV or XLSX. {COLUMNS_HELP}",), parent)

    def run_import(self, path: Path, dry_run: bool):
        return import_staff(self.context.db, path, self.employer_name, self.context.today(), dry_run=dry_run)

    def ready_lines(self, result) -> tuple[list[str], bool]:
        lines = [f"Ready to add {len(result.added)} PAs: " + (", ".join(result.added) or "none") + "."]
        if result.already_there:
            lines.append("Already here, so left as they are: " + ", ".join(result.already_there) + ".")
        return lines, bool(result.added)
