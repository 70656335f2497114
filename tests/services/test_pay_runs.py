"""Pay day end to end: worked shifts to payslips, the minimum-wage stop, finalised records that never change."""
from dataclasses import replace
from datetime import date, datetime, time, timezone
from decimal import Decimal

import pytest

from pa_manager.messages import describe
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import employers, pay_runs, people
from pa_manager.services.errors import ServiceError
from pa_manager.services.payslips import payslip_documents, write_payslip_files
from pa_manager.services.shifts import ShiftInput, save_shift
from tests.saying import raises_saying

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def monthly(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames", pay_frequency=PayFrequency.MONTHLY))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Ann Cole", date_of_birth=date(1980, 1, 1), start_date=date(2026, 4, 6), tax_code="1257L",
        ni_category="A", contracted_hours=Decimal("20"),
        pay_rates=(PayRateEntry(date(2026, 4, 6), Decimal("12.71")),)), today)
    return employer.id, pa


def _work(db, employer_id, pa_id, day, start="09:00", end="17:00"):
    save_shift(db, employer_id, ShiftInput(pa_id, day, time.fromisoformat(start), time.fromisoformat(end)))


def test_a_month_of_shifts_becomes_a_payslip_with_tax_and_ni(db, monthly):
    employer_id, pa = monthly
    for day in range(2, 30):  # every weekday in November 2026, 8 hours each
        when = date(2026, 11, day)
        if when.weekday() < 5:
            _work(db, employer_id, pa.id, when)
    run = pay_runs.prepare_pay_run(db, employer_id, date(2026, 11, 27))
    assert (run.period_start, run.period_end) == (date(2026, 11, 1), date(2026, 11, 30))
    [item] = run.pas
    slip = item.payslip
    # 20 weekdays x 8 h = 160 h x £12.71 = £2,033.60. Month 8 cumulative, nothing paid before:
    # free pay 8 x £1,048.26 = £8,386.08, so no tax. NI (monthly PT £1,048, ST £417):
    # employee (2,033.60 - 1,048) x 8% = 78.848 -> £78.85; employer (2,033.60 - 417) x 15% = 242.49.
    assert (slip.hours, slip.gross_pay, slip.tax) == (Decimal("160"), Decimal("2033.60"), Decimal("0.00"))
    assert (slip.employee_ni, slip.employer_ni) == (Decimal("78.85"), Decimal("242.49"))
    assert slip.net_pay == slip.gross_pay - slip.tax - slip.employee_ni - slip.employee_pension
    assert slip.minimum_wage_ok and "PENSION_ENROL_NOW" in slip.flags


def test_finalised_pay_runs_never_change_afterwards(db, monthly, today):
    employer_id, pa = monthly
    _work(db, employer_id, pa.id, date(2026, 11, 2))
    first = pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 27), NOW, confirmed=True)
    assert first.finalised
    # A later pay rise does not alter what was paid, and the paid period's shifts cannot change.
    people.save_pa(db, employer_id, replace(people.get_pa(db, pa.id), pay_rates=(
        PayRateEntry(date(2026, 4, 6), Decimal("15.00")),)), today)
    with raises_saying(ServiceError, "paid in the pay run of 27 November 2026"):
        _work(db, employer_id, pa.id, date(2026, 11, 3))
    again = pay_runs.prepare_pay_run(db, employer_id, date(2026, 11, 27))
    assert again.finalised and again.pas[0].payslip == first.pas[0].payslip
    assert again.pas[0].payslip.gross_pay == Decimal("101.68")  # 8 h x 12.71
    with raises_saying(ServiceError, "already finalised"):
        pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 27), NOW, confirmed=True)


def test_year_to_date_carries_into_the_next_pay_run(db, monthly):
    employer_id, pa = monthly
    _work(db, employer_id, pa.id, date(2026, 10, 5))
    _work(db, employer_id, pa.id, date(2026, 11, 2))
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 10, 30), NOW, confirmed=True)
    slip = pay_runs.prepare_pay_run(db, employer_id, date(2026, 11, 27)).pas[0].payslip
    assert slip.year_to_date.gross_pay == Decimal("203.36")  # 2 x 101.68


def test_pay_below_the_minimum_blocks_finalising_until_a_reason_is_recorded(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="E"))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Low Paid", date_of_birth=date(1990, 1, 1), start_date=date(2026, 1, 5), tax_code="1257L",
        pay_rates=(PayRateEntry(date(2026, 1, 5), Decimal("11.00")),)), today)
    _work(db, employer.id, pa.id, date(2026, 11, 2))
    run = pay_runs.prepare_pay_run(db, employer.id, date(2026, 11, 27))
    assert run.pas[0].needs_reason and run.blocking
    with raises_saying(ServiceError, "below the legal minimum"):
        pay_runs.finalise_pay_run(db, employer.id, date(2026, 11, 27), NOW, confirmed=True)
    pay_runs.record_minimum_wage_reason(db, employer.id, pa.id, date(2026, 11, 27), "Arrears paid next month")
    done = pay_runs.finalise_pay_run(db, employer.id, date(2026, 11, 27), NOW, confirmed=True)
    assert done.pas[0].payslip.minimum_wage_reason == "Arrears paid next month"


def test_a_pa_without_a_tax_code_is_named_with_what_to_do(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="E"))
    people.save_pa(db, employer.id, PARecord(name="No Code", date_of_birth=date(1990, 1, 1), start_date=date(2026, 1, 5)), today)
    run = pay_runs.prepare_pay_run(db, employer.id, date(2026, 11, 27))
    assert [describe(p) for p in run.blocking] == [
        "Pay for No Code cannot be worked out: add their tax code on the People page (from their P45 or starter "
        "checklist)."]


def test_the_demo_has_two_years_of_finalised_pay_runs_across_april_rises(demo_db, today):
    employer = employers.find_employer(demo_db, "Margaret Okafor")
    dates = pay_runs.pay_run_dates(demo_db, employer.id)
    assert len(dates) == 24
    janet = [p for p in people.list_pas(demo_db, employer.id) if p.name == "Janet Moyo"][0]
    rates = set()
    for day in dates:
        run = pay_runs.prepare_pay_run(demo_db, employer.id, day)
        slip = next(p.payslip for p in run.pas if p.pa.id == janet.id)
        rates |= {line.rate for line in slip.lines if line.code == "BASIC"}
        assert slip.net_pay == slip.gross_pay - sum(d.amount for d in slip.deductions) + slip.additions_total
    assert len(rates) >= 3  # three rates over two April rises


def test_payslip_pdfs_hold_the_figures(demo_db, tmp_path):
    import subprocess

    employer = employers.find_employer(demo_db, "Margaret Okafor")
    day = pay_runs.pay_run_dates(demo_db, employer.id)[0]
    files = write_payslip_files(demo_db, employer.id, day, tmp_path)
    assert len(files) == len(payslip_documents(demo_db, employer.id, day)) >= 4
    janet = next(f for f in files if "Janet Moyo" in f.name)
    text = subprocess.run(["pdftotext", "-layout", str(janet), "-"], capture_output=True, text=True).stdout
    slip = next(p.payslip for p in pay_runs.prepare_pay_run(demo_db, employer.id, day).pas if p.pa.name == "Janet Moyo")
    for expected in ("Payslip for Janet Moyo", "Income tax", "National Insurance", "Paid into your workplace pension",
                     f"£{slip.net_pay:,}", "Take-home pay", "Margaret Okafor", "Page 1 of 1"):
        assert expected in text
    assert "JT482193B" not in text.replace(" ", "")  # the NI number is masked


def test_payslips_for_a_pay_run_not_yet_finalised_are_refused(db, monthly):
    employer_id, _ = monthly
    with raises_saying(ServiceError, "finalise it first"):
        payslip_documents(db, employer_id, date(2026, 11, 27))


def test_the_payslip_holiday_position_is_in_the_employers_leave_year(db, monthly):
    employer_id, pa = monthly
    employer = employers.get_employer(db, employer_id)
    employers.save_employer(db, replace(employer, leave_year_start_month=1, leave_year_start_day=1))
    _work(db, employer_id, pa.id, date(2026, 11, 2))
    [item] = pay_runs.prepare_pay_run(db, employer_id, date(2026, 11, 27)).pas
    holiday = item.payslip.holiday
    assert (holiday.leave_year_start, holiday.leave_year_end) == (date(2026, 1, 1), date(2026, 12, 31))
    # 5.6 weeks x 20 hours = 112 hours a year; employed from 6 April: 270 of 365 days -> 82.85 (rounded up)
    assert holiday.entitlement == Decimal("82.85")
