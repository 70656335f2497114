"""The employer's own sick pay scheme through the services and the pay run: saved, refused when wrong,
set for one PA instead, undone; sick days paid at the scheme's rate with SSP inside it, on the payslip
and in the pay record."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.occupational_sick_pay import SickPayScheme
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.domain.shifts import ShiftType
from pa_manager.services import employers, pay_runs, people, sick_pay_scheme, undo_rules
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.payslips import document_for
from pa_manager.services.shifts import ShiftInput, save_shift
from pa_manager.wording import undo_text
from tests.saying import raises_saying

SCHEME = SickPayScheme(full_pay_weeks=1, half_pay_weeks=1, qualifying_months=6, waiting_days=0)
PAY_DAY = date(2026, 6, 26)


@pytest.fixture
def household(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames", pay_frequency=PayFrequency.MONTHLY))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Ann Cole", date_of_birth=date(1980, 1, 1), start_date=date(2025, 4, 7), tax_code="1257L",
        ni_category="A", contracted_hours=Decimal("40"),
        pay_rates=(PayRateEntry(date(2025, 4, 7), Decimal("12.50")),)), today)
    # Off sick Monday 1 to Friday 12 June 2026 (Monday to Friday are her qualifying days).
    for i in range(12):
        save_shift(db, employer.id, ShiftInput(pa.id, date(2026, 6, 1) + timedelta(days=i), time(9), time(17),
                                               shift_type=ShiftType.SICKNESS))
    return employer.id, pa.id


def _sick_lines(db, employer_id):
    [draft] = pay_runs.prepare_pay_run(db, employer_id, PAY_DAY).pas
    return draft.payslip, [(line.code, line.description, line.quantity, line.amount)
                           for line in draft.payslip.lines if line.code in ("SSP", "OSP")]


def test_saved_replaced_removed_and_undone(db, household, today):
    employer_id, pa_id = household
    assert sick_pay_scheme.get_scheme(db, employer_id) is None
    done = sick_pay_scheme.save_scheme(db, employer_id, SCHEME)
    assert undo_text(done.change) == "Save Ruth Ames's sick pay scheme"
    assert sick_pay_scheme.get_scheme(db, employer_id) == SCHEME
    sick_pay_scheme.save_scheme(db, employer_id, SickPayScheme(4, 4, 3, 3))
    assert sick_pay_scheme.get_scheme(db, employer_id) == SickPayScheme(4, 4, 3, 3)
    removed = sick_pay_scheme.save_scheme(db, employer_id, None)
    assert sick_pay_scheme.get_scheme(db, employer_id) is None
    undo_rules.reverse(db, removed.change, today)
    assert sick_pay_scheme.get_scheme(db, employer_id) == SickPayScheme(4, 4, 3, 3)


def test_a_wrong_scheme_is_refused_and_nothing_kept(db, household):
    employer_id, _ = household
    sick_pay_scheme.save_scheme(db, employer_id, SCHEME)
    with raises_saying(ValidationFailed, "0 to 52") as refused:
        sick_pay_scheme.save_scheme(db, employer_id, SickPayScheme(60, 0, 0, 0))
    assert set(refused.value.problems) == {"full_pay_weeks"}
    assert sick_pay_scheme.get_scheme(db, employer_id) == SCHEME


def test_without_a_scheme_only_ssp_is_paid(db, household):
    employer_id, _ = household
    _, lines = _sick_lines(db, employer_id)
    # 2026-27 SSP £123.25 a week over 5 qualifying days, 10 days: 2 weeks = £246.50.
    assert lines == [("SSP", "", 10, Decimal("246.50"))]


def test_the_scheme_pays_full_then_half_pay_with_ssp_inside_it(db, household):
    employer_id, _ = household
    sick_pay_scheme.save_scheme(db, employer_id, SCHEME)
    slip, lines = _sick_lines(db, employer_id)
    # Normal week: 40 h x £12.50 = £500, so £100 a day at full pay and £50 at half pay. SSP £24.65 a day
    # is inside it: full adds 5 x £75.35 = £376.75; half adds 5 x £25.35 = £126.75.
    assert lines == [("SSP", "", 10, Decimal("246.50")), ("OSP", "FULL", 5, Decimal("376.75")),
                     ("OSP", "HALF", 5, Decimal("126.75"))]
    assert slip.ssp == Decimal("246.50")
    assert slip.gross_pay == Decimal("750.00")  # 5 x £100 + 5 x £50: never SSP on top of the scheme
    from pa_manager.ui.models.pay_run_table import flag_lines
    assert ("info", "For information: Ann Cole gets £503.50 from your sick pay scheme on top of Statutory Sick Pay "
                    "(5 days at full pay and 5 days at half pay).") in flag_lines(
        pay_runs.prepare_pay_run(db, employer_id, PAY_DAY))
    words = [line.description for line in document_for(slip).pay_lines]
    assert words[-3:] == ["Statutory Sick Pay, 10 days",
                          "Your employer's sick pay above Statutory Sick Pay, 5 days at full pay (£100.00 a day)",
                          "Your employer's sick pay above Statutory Sick Pay, 5 days at half pay (£50.00 a day)"]


def test_one_pas_own_scheme_beats_the_employers(db, household):
    employer_id, pa_id = household
    sick_pay_scheme.save_scheme(db, employer_id, SCHEME)
    sick_pay_scheme.save_scheme(db, employer_id, SickPayScheme(full_pay_weeks=2), pa_id=pa_id)
    _, lines = _sick_lines(db, employer_id)
    assert lines[1:] == [("OSP", "FULL", 10, Decimal("753.50"))]
    sick_pay_scheme.save_scheme(db, employer_id, None, pa_id=pa_id)
    assert _sick_lines(db, employer_id)[1][1][1] == "FULL"


def test_before_the_qualifying_service_only_ssp(db, household):
    employer_id, _ = household
    sick_pay_scheme.save_scheme(db, employer_id, SickPayScheme(full_pay_weeks=4, qualifying_months=15))
    _, lines = _sick_lines(db, employer_id)
    assert [code for code, *_ in lines] == ["SSP"]


def test_the_finalised_record_keeps_the_scheme_lines(db, household):
    employer_id, _ = household
    sick_pay_scheme.save_scheme(db, employer_id, SCHEME)
    pay_runs.finalise_pay_run(db, employer_id, PAY_DAY, datetime(2026, 6, 26, 12, tzinfo=timezone.utc), confirmed=True)
    [record] = pay_runs.records_between(db, employer_id, date(2026, 6, 1), date(2026, 6, 30))
    assert [(line.code, line.description, line.amount) for line in record.lines if line.code == "OSP"] == [
        ("OSP", "FULL", Decimal("376.75")), ("OSP", "HALF", Decimal("126.75"))]
    assert record.ssp == Decimal("246.50")
    # The scheme changing later changes nothing already paid.
    sick_pay_scheme.save_scheme(db, employer_id, None)
    [again] = pay_runs.records_between(db, employer_id, date(2026, 6, 1), date(2026, 6, 30))
    assert again == record


def test_a_pay_rise_during_the_absence_pays_the_days_after_it_more(db, household, today):
    employer_id, pa_id = household
    pa = people.get_pa(db, pa_id)
    people.save_pa(db, employer_id, PARecord(**{**pa.__dict__, "pay_rates": (
        *pa.pay_rates, PayRateEntry(date(2026, 6, 8), Decimal("15.00")))}), today)
    sick_pay_scheme.save_scheme(db, employer_id, SickPayScheme(full_pay_weeks=2))
    _, lines = _sick_lines(db, employer_id)
    # 1 to 5 June: £500 a week, £100 a day, adds £75.35 a day; from 8 June £600, £120 a day, adds £95.35.
    assert lines[1:] == [("OSP", "FULL", 5, Decimal("376.75")), ("OSP", "FULL", 5, Decimal("476.75"))]


def test_holiday_pay_for_irregular_hours_leaves_the_schemes_sick_pay_out_of_the_average(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Joy Hart", pay_frequency=PayFrequency.MONTHLY))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Bea Ross", date_of_birth=date(1990, 1, 1), start_date=date(2026, 4, 6), tax_code="1257L",
        ni_category="A", irregular_hours=True, pay_rates=(PayRateEntry(date(2026, 4, 6), Decimal("13.00")),)), today)
    sick_pay_scheme.save_scheme(db, employer.id, SickPayScheme(full_pay_weeks=4))

    def shift(day, kind=ShiftType.STANDARD):
        save_shift(db, employer.id, ShiftInput(pa.id, day, time(9), time(17), shift_type=kind))

    for day in range(11, 23):
        if date(2026, 5, day).weekday() < 5:
            shift(date(2026, 5, day))                   # 10 days, 80 h, £1,040
    for day in range(1, 6):
        shift(date(2026, 6, day), ShiftType.SICKNESS)  # a week off sick: SSP and the scheme
    for day in range(15, 20):
        shift(date(2026, 6, day))                       # 5 days, 40 h, £520
    shift(date(2026, 7, 6), ShiftType.HOLIDAY)
    finalised = datetime(2026, 7, 1, 12, tzinfo=timezone.utc)
    pay_runs.finalise_pay_run(db, employer.id, date(2026, 5, 29), finalised, confirmed=True)
    june = pay_runs.finalise_pay_run(db, employer.id, date(2026, 6, 26), finalised, confirmed=True)
    assert any(line.code == "OSP" and line.amount > 0 for line in june.pas[0].payslip.lines)
    [july] = pay_runs.prepare_pay_run(db, employer.id, date(2026, 7, 31)).pas
    [holiday] = [line for line in july.payslip.lines if line.code == "HOLIDAY"]
    # (£1,040 + £520) over 120 hours worked: £13.00 an hour; the sick pay, for no hours, is left out.
    assert (holiday.hours, holiday.rate, holiday.amount) == (Decimal("8"), Decimal("13"), Decimal("104.00"))
