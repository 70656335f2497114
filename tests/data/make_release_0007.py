"""Made with PA Manager as released at schema 0007 (commit 3abe2c8): a small data file and an export."""
import sqlite3, sys
from datetime import date, datetime, time, timezone
from decimal import Decimal
from pathlib import Path
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import employers, people, pay_runs
from pa_manager.services.shifts import ShiftInput, save_shift
from pa_manager.services.transfer import export_employer
from pa_manager.storage.database import open_database

out = Path(sys.argv[1])
path = out / "release-0007.sqlite3"
path.unlink(missing_ok=True)
db, _ = open_database(path)
today = date(2026, 11, 23)
e = employers.save_employer(db, EmployerRecord(name="Old Release Household", address="1 Elm Road\nLeeds", postcode="LS1 1AA",
                                               paye_reference="123/AB456", pay_frequency=PayFrequency.MONTHLY))
ann = people.save_pa(db, e.id, PARecord(name="Ann Old", date_of_birth=date(1980, 1, 1), ni_number="AB123456C",
     start_date=date(2026, 4, 6), tax_code="1257L", contracted_hours=Decimal("16"),
     pay_rates=(PayRateEntry(date(2026, 4, 6), Decimal("12.71")),)), today)
bob = people.save_pa(db, e.id, PARecord(name="Bob Old", date_of_birth=date(2000, 5, 5), ni_number="JK654321A",
     start_date=date(2026, 4, 6), tax_code="1257L", irregular_hours=True,
     pay_rates=(PayRateEntry(date(2026, 4, 6), Decimal("13.00")),)), today)
for month in (10, 11):
    for day in range(1, 29):
        d = date(2026, month, day)
        if d.weekday() < 4:
            save_shift(db, e.id, ShiftInput(ann.id, d, time(9), time(13)))
        if d.weekday() == 5:
            save_shift(db, e.id, ShiftInput(bob.id, d, time(10), time(16)))
save_shift(db, e.id, ShiftInput(ann.id, date(2026, 10, 30), time(9), time(13), shift_type="holiday"))
pay_runs.finalise_pay_run(db, e.id, date(2026, 10, 30), datetime(2026, 10, 30, 12, tzinfo=timezone.utc))
pay_runs.finalise_pay_run(db, e.id, date(2026, 11, 30), datetime(2026, 11, 30, 12, tzinfo=timezone.utc))
# The bug this release had: a second pay run for November, paying the same shifts again.
pay_runs.finalise_pay_run(db, e.id, date(2026, 11, 27), datetime(2026, 11, 30, 13, tzinfo=timezone.utc))
export_employer(db, e.id, out / "release-0007.paemployer", datetime(2026, 12, 1, 9, 0))
db.close()
# The other bug: a timesheet imported twice at once left a shift stored twice.
con = sqlite3.connect(path)
con.execute("INSERT INTO shifts (employer_id, pa_id, starts_at, ends_at, local_date, break_minutes, shift_type, awake_periods, notes, source) "
            "SELECT employer_id, pa_id, starts_at, ends_at, local_date, break_minutes, shift_type, awake_periods, notes, 'import' FROM shifts WHERE id = 1")
con.commit()
con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
con.execute("PRAGMA journal_mode=DELETE")
con.close()
print("made", path)
