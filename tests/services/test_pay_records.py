"""The pay record, through the real services: kept as it was, one per period, never deleted, carried
whole by export and import, and every kind of pay day (a new starter off sick, a bonus, arrears)."""
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, time, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from pa_manager.messages import describe, say
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.domain.shifts import ShiftType
from pa_manager.services import employers, pay_day, pay_runs, people
from pa_manager.services import undo_rules
from pa_manager.services.errors import ServiceError
from pa_manager.services.payslips import payslip_documents, write_payslips_file
from pa_manager.services.shifts import ShiftInput, save_shift
from pa_manager.services.transfer import export_employer, import_employer
from pa_manager.storage import models
from pa_manager.storage.database import open_database
from tests.saying import raises_saying

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
DATA = Path(__file__).parents[1] / "data"


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def work(db, employer_id, pa_id, day, start="09:00", end="17:00", kind=ShiftType.STANDARD):
    save_shift(db, employer_id, ShiftInput(pa_id, day, time.fromisoformat(start), time.fromisoformat(end), kind))


@pytest.fixture
def household(db, today):
    employer = employers.save_employer(db, EmployerRecord(
        name="Ruth Ames", address="2 Hill Street\nYork", postcode="YO1 7AB", paye_reference="123/AB456",
        pay_frequency=PayFrequency.MONTHLY))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Ann Cole", date_of_birth=date(1980, 1, 1), ni_number="AB123456C", start_date=date(2026, 4, 6),
        tax_code="1257L", contracted_hours=Decimal("16"),
        pay_rates=(PayRateEntry(date(2026, 4, 6), Decimal("12.71")),)), today)
    return employer.id, pa


# --- the record does not change ----------------------------------------------------------------------------


def test_a_reprinted_payslip_is_word_for_word_the_one_printed_on_the_day(db, household, today, tmp_path):
    employer_id, pa = household
    for day in (2, 3, 4, 9):
        work(db, employer_id, pa.id, date(2026, 11, day))
    work(db, employer_id, pa.id, date(2026, 11, 10), kind=ShiftType.HOLIDAY)
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 30), NOW, confirmed=True)
    write_payslips_file(db, employer_id, date(2026, 11, 30), tmp_path / "on the day.pdf")

    # Everything a payslip shows changes afterwards: names, NI number, hours, rate, address.
    people.save_pa(db, employer_id, replace(people.get_pa(db, pa.id), name="Ann Cole-Smith", ni_number="JT482193B",
                                            contracted_hours=Decimal("37.5"), pay_rates=(
                                                PayRateEntry(date(2026, 4, 6), Decimal("14.00")),)), today)
    employers.save_employer(db, replace(employers.get_employer(db, employer_id), name="Ruth Ames-Brown",
                                        address="9 New Road\nLeeds", paye_reference="999/ZZ999"))
    write_payslips_file(db, employer_id, date(2026, 11, 30), tmp_path / "reprint.pdf")

    before, after = pdf_text(tmp_path / "on the day.pdf"), pdf_text(tmp_path / "reprint.pdf")
    assert after == before
    assert "Payslip for Ann Cole" in before and "Cole-Smith" not in after and "Ames-Brown" not in after
    assert "XX XX X4 56 C" in before  # the NI number kept with the record, masked
    # 16 hours a week over a 5-day week: 5.6 x 16 = 89.6 hours for the whole leave year (from 6 April, pro rata
    # 360 of 365 days: 88.3726, rounded up to 88.38). 8 taken. Not the 37.5-hour week's figure, which the edit would give.
    assert "Entitlement this year 88.38 hours" in " ".join(before.split())
    assert "Taken so far 8.00 hours" in " ".join(before.split())


def test_the_pay_screens_show_the_pa_as_paid_not_as_renamed(db, household, today):
    employer_id, pa = household
    work(db, employer_id, pa.id, date(2026, 11, 2))
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 30), NOW, confirmed=True)
    people.save_pa(db, employer_id, replace(people.get_pa(db, pa.id), name="Ann Cole-Smith"), today)
    [item] = pay_runs.prepare_pay_run(db, employer_id, date(2026, 11, 30)).pas
    assert (item.pa.name, item.pa.id, item.payslip.pa_name) == ("Ann Cole", pa.id, "Ann Cole")
    [(name, totals)] = pay_day.year_end_summary(db, employer_id, "2026-27")
    assert name == "Ann Cole" and totals.gross_pay == Decimal("101.68")


# --- one pay run per period --------------------------------------------------------------------------------


def test_a_second_pay_run_for_a_paid_period_is_refused_naming_the_run_already_made(db, household):
    employer_id, pa = household
    work(db, employer_id, pa.id, date(2026, 11, 2))
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 30), NOW, confirmed=True)
    ledger_before = _ledger(db, employer_id)

    draft = pay_runs.prepare_pay_run(db, employer_id, date(2026, 11, 27))
    assert (draft.period_start, draft.period_end) == (date(2026, 11, 1), date(2026, 11, 30))
    assert "paid in the pay run of 30 November 2026" in describe(draft.blocking[0])
    with raises_saying(ServiceError, "1 to 30 November 2026 was paid in the pay run of 30 November 2026"):
        pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 27), NOW, confirmed=True)
    assert pay_runs.pay_run_dates(db, employer_id) == [date(2026, 11, 30)]
    assert _ledger(db, employer_id) == ledger_before  # the budget did not lose the money twice


def _ledger(db, employer_id):
    with db.session() as s:
        return sorted(s.execute(select(models.LedgerEntry.on, models.LedgerEntry.amount).where(
            models.LedgerEntry.employer_id == employer_id)).all())


def test_the_schema_itself_refuses_a_second_run_for_a_period(db, household):
    employer_id, pa = household
    work(db, employer_id, pa.id, date(2026, 11, 2))
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 30), NOW, confirmed=True)
    with pytest.raises(IntegrityError), db.engine.begin() as c:
        c.execute(models.PayRun.__table__.insert().values(
            employer_id=employer_id, pay_date=date(2026, 11, 27), period_start=date(2026, 11, 1),
            period_end=date(2026, 11, 30), frequency="monthly", tax_year="2026-27", period=8, finalised_at=NOW))


def test_two_processes_finalising_the_same_period_at_once_make_one_pay_run(db, household, data_location):
    employer_id, pa = household
    work(db, employer_id, pa.id, date(2026, 11, 2))
    db.close()
    commands = [[sys.executable, "-m", "pa_manager", "payrun", "--employer", "Ruth Ames", "--pay-date", day,
                 "--finalise", "--confirm", "--data", data_location] for day in ("2026-11-27", "2026-11-30")]
    running = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in commands]
    results = [(p.wait(timeout=60), p.stderr.read()) for p in running]
    assert sorted(code for code, _ in results) == [0, 1]
    refused = next(err for code, err in results if code == 1)
    assert "was paid in the pay run of" in refused and "Traceback" not in refused
    again, _ = open_database(data_location)
    assert len(pay_runs.pay_run_dates(again, employer_id)) == 1
    again.close()


# --- paid people and pay runs are kept -------------------------------------------------------------------


def test_a_paid_pa_cannot_be_deleted_and_the_words_say_record_a_leaver(db, household, today):
    employer_id, pa = household
    work(db, employer_id, pa.id, date(2026, 11, 2))
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 30), NOW, confirmed=True)
    with raises_saying(ServiceError, "Record Ann Cole as a leaver instead"):
        people.delete_pa(db, pa.id)
    assert people.get_pa(db, pa.id).name == "Ann Cole"
    assert len(payslip_documents(db, employer_id, date(2026, 11, 30))) == 1
    # An unpaid PA (an "Add a PA" undone) still can be.
    new = people.save_pa(db, employer_id, PARecord(name="Not Paid", date_of_birth=date(1990, 1, 1)), today)
    people.delete_pa(db, new.id)
    assert [p.name for p in people.list_pas(db, employer_id)] == ["Ann Cole"]


@pytest.mark.parametrize("table", ["pas", "pay_runs"])
def test_the_schema_refuses_to_delete_a_paid_pa_or_pay_run(db, household, table):
    employer_id, pa = household
    work(db, employer_id, pa.id, date(2026, 11, 2))
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 30), NOW, confirmed=True)
    with pytest.raises(IntegrityError), db.engine.begin() as c:
        c.execute(text(f"DELETE FROM {table}"))


def test_removing_a_whole_employer_still_takes_their_pay_records_and_undo_puts_them_back(db, household):
    employer_id, pa = household
    work(db, employer_id, pa.id, date(2026, 11, 2))
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 30), NOW, confirmed=True)
    removed = employers.remove_employer(db, employer_id)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(models.StoredPayslip)) == 0
    back = undo_rules.reverse(db, removed, date(2026, 12, 1)).added_employer
    [slip] = payslip_documents(db, back, date(2026, 11, 30))
    assert slip.pa_name == "Ann Cole" and slip.ni_number == "AB123456C"


# --- export and import keep every reference ----------------------------------------------------------------


def _snapshot(db, employer_id):
    """Everything the pay screens and reports read for each past pay run and tax year."""
    runs = {}
    for day in pay_runs.pay_run_dates(db, employer_id):
        run = pay_runs.prepare_pay_run(db, employer_id, day)
        slips = sorted((replace(d.payslip, pa_id=None) for d in run.pas), key=lambda r: r.pa_name)
        month = pay_day.hmrc_month(db, employer_id, day)
        runs[day] = (run.period_start, run.period_end, slips, month.amount_due,
                     sorted((e.pay_date, e.tax, e.pay_to_date) for e in month.entries),
                     [(d.pa_name, d.net_pay) for d in payslip_documents(db, employer_id, day)])
    years = {label: [(name, replace(t, pa=None)) for name, t in pay_day.year_end_summary(db, employer_id, label)]
             for label in {s[2][0].tax_year for s in runs.values()}}
    return runs, years


def test_an_exported_employer_imported_into_a_file_with_others_opens_every_past_pay_run(demo_db, db, household,
                                                                                        tmp_path):
    source = employers.find_employer(demo_db, "Margaret Okafor")
    expected = _snapshot(demo_db, source.id)
    path = export_employer(demo_db, source.id, tmp_path / "margaret.paemployer", NOW)
    # The target already holds an employer with a PA and a pay run, so every id moves on import.
    employer_id, pa = household
    work(db, employer_id, pa.id, date(2026, 11, 2))
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 30), NOW, confirmed=True)
    new_id = import_employer(db, path)
    assert new_id != source.id
    assert _snapshot(db, new_id) == expected
    assert len(expected[0]) == 24


def test_an_export_made_by_the_release_before_imports_with_its_pay_records_whole(db, household):
    """tests/data/release-0007.paemployer was made by the release with schema 0007 (make_release_0007.py):
    its records are version 1, with the PA's old id inside."""
    employer_id, pa = household
    work(db, employer_id, pa.id, date(2026, 11, 2))
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 30), NOW, confirmed=True)
    new_id = import_employer(db, DATA / "release-0007.paemployer")
    for day in pay_runs.pay_run_dates(db, new_id):
        documents = payslip_documents(db, new_id, day)
        assert {d.pa_name for d in documents} == {"Ann Old", "Bob Old"}
        assert {d.ni_number for d in documents} == {"AB123456C", "JK654321A"}


# --- imports are idempotent, even at the same moment ----------------------------------------------------------


def test_the_same_timesheet_imported_twice_at_once_is_stored_once(db, household, data_location, tmp_path):
    employer_id, pa = household
    sheet = tmp_path / "sheet.csv"
    rows = [f"Ann Cole,2026-12-{day:02d},09:00,13:00,0,standard," for day in range(1, 29)]
    sheet.write_text("pa,date,start,end,break_minutes,type,notes\n" + "\n".join(rows) + "\n")
    db.close()
    command = [sys.executable, "-m", "pa_manager", "import-timesheet", str(sheet), "--employer", "Ruth Ames",
               "--data", data_location]
    running = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outcomes = sorted((p.wait(timeout=60), p.stdout.read()) for p in running)
    assert [code for code, _ in outcomes] == [0, 0]
    assert sorted(out.strip() for _, out in outcomes) == ["Added 0 shifts; 28 were already there.",
                                                          "Added 28 shifts; 0 were already there."]
    again, _ = open_database(data_location)
    with again.session() as s:
        assert s.scalar(select(func.count()).select_from(models.Shift)) == 28
    again.close()


def test_the_schema_refuses_the_same_shift_twice(db, household):
    employer_id, pa = household
    work(db, employer_id, pa.id, date(2026, 12, 1))
    with pytest.raises(IntegrityError), db.engine.begin() as c:
        c.execute(text("INSERT INTO shifts (employer_id, pa_id, starts_at, ends_at, local_date, break_minutes, "
                       "shift_type, awake_periods, notes, source) SELECT employer_id, pa_id, starts_at, ends_at, "
                       "local_date, break_minutes, shift_type, awake_periods, notes, source FROM shifts"))


# --- sick pay for anyone ---------------------------------------------------------------------------------


def test_a_new_starter_off_sick_before_their_first_pay_day_is_paid_ssp_on_their_contract(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="E", pay_frequency=PayFrequency.MONTHLY))
    pa = people.save_pa(db, employer.id, PARecord(
        name="New Starter", date_of_birth=date(1990, 1, 1), start_date=date(2026, 11, 2), tax_code="1257L",
        contracted_hours=Decimal("20"), pay_rates=(PayRateEntry(date(2026, 11, 2), Decimal("12.71")),)), today)
    work(db, employer.id, pa.id, date(2026, 11, 2))
    work(db, employer.id, pa.id, date(2026, 11, 10), kind=ShiftType.SICKNESS)
    [item] = pay_runs.prepare_pay_run(db, employer.id, date(2026, 11, 30)).pas
    assert item.problem is None
    # Contractual week: 20 h x £12.71 = £254.20; 80% is £203.36, above the £123.25 flat rate, which is paid:
    # one qualifying day of five, £24.65.
    [ssp] = [line for line in item.payslip.lines if line.code == "SSP"]
    assert ssp.amount == Decimal("24.65")
    pay_runs.finalise_pay_run(db, employer.id, date(2026, 11, 30), NOW, confirmed=True)


# --- one-off taxable payments and arrears ----------------------------------------------------------------


def test_a_bonus_is_taxed_like_pay_and_shown_on_the_payslip(db, household, tmp_path):
    employer_id, pa = household
    work(db, employer_id, pa.id, date(2026, 11, 2))
    plain = pay_runs.prepare_pay_run(db, employer_id, date(2026, 11, 30)).pas[0].payslip
    pay_day.save_extra(db, employer_id, pay_day.Extra(None, pa.id, date(2026, 11, 30), pay_runs.BONUS,
                                                      "Christmas bonus", Decimal("1000.00")))
    slip = pay_runs.prepare_pay_run(db, employer_id, date(2026, 11, 30)).pas[0].payslip
    assert slip.gross_pay == plain.gross_pay + Decimal("1000.00") and slip.taxable_pay == slip.gross_pay
    # £1,101.68 in month 8: over the £1,048 primary threshold, so employee NI is now due: (1,101.68 - 1,048) x 8%.
    assert plain.employee_ni == Decimal("0.00") and slip.employee_ni == Decimal("4.29")
    assert slip.minimum_wage_ok and slip.effective_hourly_rate == Decimal("12.71")  # a bonus is not hourly pay
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 30), NOW, confirmed=True)
    write_payslips_file(db, employer_id, date(2026, 11, 30), tmp_path / "p.pdf")
    assert "Bonus: Christmas bonus" in pdf_text(tmp_path / "p.pdf")


def test_minimum_wage_arrears_are_owed_at_todays_rate_and_paid_as_a_taxed_line(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="E", pay_frequency=PayFrequency.MONTHLY))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Low Paid", date_of_birth=date(1990, 1, 1), start_date=date(2026, 1, 5), tax_code="1257L",
        pay_rates=(PayRateEntry(date(2026, 1, 5), Decimal("11.00")), PayRateEntry(date(2026, 4, 1), Decimal("13.00")))),
        today)
    work(db, employer.id, pa.id, date(2026, 3, 2))
    pay_runs.record_minimum_wage_reason(db, employer.id, pa.id, date(2026, 3, 31), "Rate typed wrongly; arrears next month")
    pay_runs.finalise_pay_run(db, employer.id, date(2026, 3, 31), NOW, confirmed=True)
    work(db, employer.id, pa.id, date(2026, 4, 6))
    # March 2026: 8 hours at £11.00 against £12.21 is £9.68 short. Paid in April, when the rate is £12.71:
    # 9.68 / 12.21 x 12.71 = 10.0764 -> £10.08 (National Minimum Wage Act 1998 s.17).
    [due] = pay_day.arrears_due(db, employer.id, date(2026, 4, 30))
    assert (due.relates_to, due.shortfall, due.amount) == (date(2026, 3, 31), Decimal("9.68"), Decimal("10.08"))
    pay_day.add_arrears(db, employer.id, date(2026, 4, 30), [due])
    assert pay_day.arrears_due(db, employer.id, date(2026, 4, 30)) == []
    slip = pay_runs.prepare_pay_run(db, employer.id, date(2026, 4, 30)).pas[0].payslip
    [line] = [line for line in slip.lines if line.code == "MINIMUM_WAGE_ARREARS"]
    assert (line.amount, line.relates_to) == (Decimal("10.08"), date(2026, 3, 31))
    assert slip.gross_pay == Decimal("104.00") + Decimal("10.08")  # 8 h x £13.00 and the arrears


# --- the hours behind a finalised pay run stay as they were paid ------------------------------------------


def test_days_already_paid_take_no_new_changed_copied_or_imported_shifts(db, household, tmp_path):
    from pa_manager.services import hours, shifts, timesheets

    employer_id, pa = household
    work(db, employer_id, pa.id, date(2026, 11, 2))
    [paid] = shifts.shifts_between(db, employer_id, date(2026, 11, 2), date(2026, 11, 2))
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 30), NOW, confirmed=True)
    with raises_saying(ServiceError, "paid in the pay run of 30 November 2026"):
        shifts.delete_shift(db, paid.key)
    with raises_saying(ServiceError, "paid in the pay run of 30 November 2026"):
        save_shift(db, employer_id, ShiftInput(pa.id, date(2026, 12, 1), time(9), time(17)), shift_id=paid.key)
    assert hours.copy_week(db, employer_id, date(2026, 11, 2), date(2026, 11, 9)).value == []
    sheet = tmp_path / "late.csv"
    sheet.write_text("pa,date,start,end,break_minutes,type,notes\nAnn Cole,2026-11-20,09:00,12:00,0,standard,\n"
                     "Ann Cole,2026-12-01,09:00,12:00,0,standard,\n")
    result = timesheets.import_timesheet(db, employer_id, sheet)
    assert [(e.line, e.column) for e in result.errors] == [(2, "day")] and result.added == 0
    assert "paid in the pay run of 30 November 2026" in describe(result.errors[0].problem)
    assert shifts.shifts_between(db, employer_id, date(2026, 11, 1), date(2026, 12, 31)) == [paid]


def test_irregular_hours_holiday_pay_is_the_average_for_an_hour_worked_sleep_ins_whole(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="E", pay_frequency=PayFrequency.MONTHLY))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Night Worker", date_of_birth=date(1990, 1, 1), start_date=date(2026, 10, 1), tax_code="1257L",
        irregular_hours=True, pay_rates=(PayRateEntry(date(2026, 10, 1), Decimal("13.00")),
                                         PayRateEntry(date(2026, 10, 1), Decimal("60.00"), "sleep_in_allowance"))),
        today)
    for day in (5, 6):  # 20 hours of day shifts: £260
        work(db, employer.id, pa.id, date(2026, 10, day), "08:00", "18:00")
    for day in (7, 8, 9, 10):  # four sleep-ins, 10 hours each, asleep throughout: £60 a night, £240
        work(db, employer.id, pa.id, date(2026, 10, day), "22:00", "08:00", ShiftType.SLEEP_IN)
    pay_runs.finalise_pay_run(db, employer.id, date(2026, 10, 30), NOW, confirmed=True)
    work(db, employer.id, pa.id, date(2026, 11, 2), "09:00", "15:00", ShiftType.HOLIDAY)
    slip = pay_runs.prepare_pay_run(db, employer.id, date(2026, 11, 30)).pas[0].payslip
    [line] = [line for line in slip.lines if line.code == "HOLIDAY"]
    # £500 over 60 hours worked (12.07% of which is what accrued): £8.3333 an hour; 6 hours is £50.00.
    assert line.rate == Decimal(500) / Decimal(60) and (line.hours, line.amount) == (Decimal(6), Decimal("50.00"))


# --- a pay day that follows the work, and what to confirm before money goes out ------------------------


def test_the_suggested_pay_day_pays_the_earliest_period_with_unpaid_work_and_unpaid_hours_are_counted(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Weekly", pay_frequency=PayFrequency.WEEKLY))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Sam Reid", date_of_birth=date(1990, 1, 1), start_date=date(2026, 11, 2), tax_code="1257L",
        pay_rates=(PayRateEntry(date(2026, 11, 2), Decimal("12.71")),)), today)
    # Worked Tuesday 10 and Wednesday 11 November; today is Monday 23 November.
    work(db, employer.id, pa.id, date(2026, 11, 10), "09:00", "15:00")
    work(db, employer.id, pa.id, date(2026, 11, 11), "09:00", "15:00")
    # Not the Friday after today (27 November), whose week holds none of the work: the week it was done.
    assert pay_runs.default_pay_date(db, employer.id, today) == date(2026, 11, 13)
    [unpaid] = pay_runs.unpaid_work(db, employer.id, today)
    assert (unpaid.pa_name, unpaid.hours, unpaid.first_day, unpaid.pay_date) == (
        "Sam Reid", Decimal(12), date(2026, 11, 10), date(2026, 11, 13))
    assert unpaid.overdue  # its usual pay day, 13 November, has passed
    pay_runs.finalise_pay_run(db, employer.id, date(2026, 11, 13), NOW, confirmed=True)
    assert pay_runs.unpaid_work(db, employer.id, today) == []
    assert pay_runs.default_pay_date(db, employer.id, today) == date(2026, 11, 27)


def test_finalising_lists_what_the_law_needs_first_and_goes_ahead_only_when_confirmed(db, household):
    employer_id, pa = household  # with its PAYE reference taken away: not registered with HMRC
    employers.save_employer(db, replace(employers.get_employer(db, employer_id), paye_reference=""))
    work(db, employer_id, pa.id, date(2026, 11, 2))
    draft = pay_runs.prepare_pay_run(db, employer_id, date(2026, 11, 30), date(2026, 11, 23))
    assert [c.code for c in draft.to_confirm] == ["CONFIRM_NOT_REGISTERED_WITH_HMRC",
                                                  "CONFIRM_RIGHT_TO_WORK_NOT_CHECKED"]
    with pytest.raises(pay_runs.NeedsConfirming) as needed:
        pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 30), datetime(2026, 11, 23, 12, tzinfo=timezone.utc))
    assert list(needed.value.to_confirm) == draft.confirm_problems
    assert "There is no right-to-work check recorded for Ann Cole" in describe(needed.value.to_confirm[1])
    assert say(needed.value).startswith("Nothing was finalised, so check these first, then confirm: ")
    assert pay_runs.pay_run_dates(db, employer_id) == []
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 30), datetime(2026, 11, 23, 12, tzinfo=timezone.utc),
                              confirmed=True)
    assert pay_runs.pay_run_dates(db, employer_id) == [date(2026, 11, 30)]


def test_the_suggested_pay_day_for_a_frequency_not_yet_stored(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="New", pay_frequency=PayFrequency.MONTHLY))
    monthly = pay_runs.suggest_pay_day(db, employer.id, today)
    assert (monthly.pay_date, monthly.period_start, monthly.period_end) == (
        date(2026, 11, 30), date(2026, 11, 1), date(2026, 11, 30))
    weekly = pay_runs.suggest_pay_day(db, employer.id, today, PayFrequency.WEEKLY)
    assert (weekly.pay_date, weekly.period_start, weekly.period_end) == (
        date(2026, 11, 27), date(2026, 11, 21), date(2026, 11, 27))
    assert employers.get_employer(db, employer.id).pay_frequency is PayFrequency.MONTHLY  # nothing stored


def test_a_shift_saved_while_the_pay_run_is_finalised_is_never_left_out_of_it(db, household, data_location,
                                                                              monkeypatch):
    """Someone finalises November just as a November shift is being saved (after its check of the paid
    days, before its write). Either the finalising waits for the shift and gives up (PostgreSQL: the
    save holds the employer's row; the pay run can be finalised again, counting the shift), or the
    shift is refused (SQLite: it read the file before the pay run was written). Never both stored."""
    from pa_manager.services import shifts as shift_service
    from pa_manager.storage import postgresql
    from pa_manager.storage.database import StorageError, open_database

    employer_id, pa = household
    work(db, employer_id, pa.id, date(2026, 11, 2))
    monkeypatch.setattr(postgresql, "LOCK_TIMEOUT_MILLISECONDS", 300)
    other, _ = open_database(data_location)
    outcome = {}
    checked = shift_service.shift_problems

    def finalised_meanwhile(session, employer, shift):
        found = checked(session, employer, shift)
        try:
            pay_runs.finalise_pay_run(other, employer_id, date(2026, 11, 30), NOW, confirmed=True)
            outcome["pay run"] = "finalised"
        except StorageError as refused:
            outcome["pay run"] = refused.code
        return found

    monkeypatch.setattr(shift_service, "shift_problems", finalised_meanwhile)
    try:
        work(db, employer_id, pa.id, date(2026, 11, 3))
        outcome["shift"] = "saved"
    except StorageError as refused:
        outcome["shift"] = refused.code
    finally:
        other.close()
    stored = shift_service.shifts_between(db, employer_id, date(2026, 11, 3), date(2026, 11, 3))
    runs = pay_runs.pay_run_dates(db, employer_id)
    assert outcome in ({"pay run": "IN_USE", "shift": "saved"}, {"pay run": "finalised", "shift": "IN_USE"})
    assert (runs, len(stored)) == (([], 1) if outcome["shift"] == "saved" else ([date(2026, 11, 30)], 0))
