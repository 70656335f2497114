"""Recording hours: shifts checked before saving, clock changes, the week, copying, the rota, timesheets."""
from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.domain.rota import Cancellation, Cover
from pa_manager.domain.shifts import ShiftType, paid_minutes
from pa_manager.services import employers, hours, people, rota, timesheets
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.shifts import ShiftInput, delete_shift, restore_shift, save_shift, shifts_between


@pytest.fixture
def household(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    ann = people.save_pa(db, employer.id, PARecord(
        name="Ann Cole", start_date=date(2025, 1, 6), date_of_birth=date(1980, 1, 1),
        pay_rates=(PayRateEntry(date(2025, 1, 6), Decimal("12.00")),
                   PayRateEntry(date(2025, 1, 6), Decimal("15.00"), "hourly", "waking_night")),
    ), today)
    bo = people.save_pa(db, employer.id, PARecord(
        name="Bo Dale", start_date=date(2026, 1, 5), leaving_date=date(2026, 12, 31), regular=False,
        pay_rates=(PayRateEntry(date(2026, 1, 5), Decimal("12.71")),),
    ), today)
    return employer.id, ann.id, bo.id


def _entry(pa, day, start, end, **more):
    return ShiftInput(pa, day, time.fromisoformat(start), time.fromisoformat(end), **more)


@pytest.mark.parametrize(
    "day, start, end, minutes",
    [
        (date(2026, 10, 24), "22:00", "08:00", 11 * 60),  # the clocks go back on 25 October: one hour longer
        (date(2026, 3, 28), "22:00", "08:00", 9 * 60),  # and forward on 29 March: one hour shorter
        (date(2026, 11, 2), "22:00", "08:00", 10 * 60),  # an ordinary night
        (date(2028, 2, 28), "20:00", "02:00", 6 * 60),  # into a leap day
    ],
)
def test_night_shifts_are_as_long_as_the_clock_says(db, household, day, start, end, minutes):
    employer_id, ann, _ = household
    shift = save_shift(db, employer_id, _entry(ann, day, start, end))
    assert paid_minutes(shift) == minutes
    assert shifts_between(db, employer_id, day, day) == [shift]


@pytest.mark.parametrize(
    "entry, field, code",
    [
        (lambda ann, bo: _entry(ann, date(2026, 11, 2), "08:00", "08:00"), "end", "SHIFT_START_EQUALS_END"),
        (lambda ann, bo: _entry(ann, date(2026, 11, 2), "08:00", "12:00", break_minutes=240), "break_minutes", "SHIFT_BREAK_INVALID"),
        (lambda ann, bo: _entry(ann, date(2024, 12, 30), "08:00", "12:00"), "day", "SHIFT_BEFORE_START_DATE"),
        (lambda ann, bo: _entry(bo, date(2027, 1, 4), "08:00", "12:00"), "day", "SHIFT_AFTER_LEAVING_DATE"),
        (lambda ann, bo: _entry(ann, date(2026, 3, 29), "01:30", "05:00"), "start", "LOCAL_TIME_DOES_NOT_EXIST"),
    ],
)
def test_refused_shifts_say_why_next_to_the_field(db, household, entry, field, code):
    employer_id, ann, bo = household
    with pytest.raises(ValidationFailed) as failure:
        save_shift(db, employer_id, entry(ann, bo))
    assert failure.value.problems[field].code == code
    assert str(failure.value)  # worded
    assert shifts_between(db, employer_id, date(2024, 1, 1), date(2028, 1, 1)) == []


def test_overlapping_shifts_are_refused_but_touching_ones_are_fine(db, household):
    employer_id, ann, bo = household
    save_shift(db, employer_id, _entry(ann, date(2026, 11, 2), "08:00", "12:00"))
    with pytest.raises(ValidationFailed) as failure:
        save_shift(db, employer_id, _entry(ann, date(2026, 11, 2), "11:00", "13:00"))
    assert failure.value.problems["start"].code == "SHIFT_OVERLAPS_SAVED"
    assert "Monday 2 November 2026, 08:00 to 12:00" in str(failure.value)
    save_shift(db, employer_id, _entry(ann, date(2026, 11, 2), "12:00", "13:00"))  # touches: allowed
    save_shift(db, employer_id, _entry(bo, date(2026, 11, 2), "11:00", "13:00"))  # another PA: allowed


def test_changing_a_shift_does_not_clash_with_itself_and_undo_restores_it(db, household):
    employer_id, ann, _ = household
    shift = save_shift(db, employer_id, _entry(ann, date(2026, 11, 2), "08:00", "12:00"))
    changed = save_shift(db, employer_id, _entry(ann, date(2026, 11, 2), "09:00", "12:00"), shift_id=shift.key)
    assert changed.key == shift.key and paid_minutes(changed) == 180
    delete_shift(db, shift.key)
    restore_shift(db, employer_id, changed)
    assert shifts_between(db, employer_id, date(2026, 11, 2), date(2026, 11, 2)) == [changed]


def test_hours_by_type_and_their_cost(db, household):
    employer_id, ann, bo = household
    save_shift(db, employer_id, _entry(ann, date(2026, 11, 2), "08:00", "12:30", break_minutes=30))  # 4 h x 12.00
    save_shift(db, employer_id, _entry(ann, date(2026, 11, 3), "22:00", "06:00", shift_type=ShiftType.WAKING_NIGHT))  # 8 h x 15.00
    save_shift(db, employer_id, _entry(bo, date(2026, 11, 8), "10:00", "12:00"))  # Sunday, 2 h x 12.71
    summary = {t.name: t for t in hours.hours_summary(db, employer_id, date(2026, 11, 2), date(2026, 11, 8))}
    assert summary["Ann Cole"].minutes_by_type == {ShiftType.STANDARD: 240, ShiftType.WAKING_NIGHT: 480}
    assert summary["Ann Cole"].cost == Decimal("168.00")  # 48.00 + 120.00
    assert summary["Bo Dale"].cost == Decimal("25.42")
    # Only shifts starting within the dates count.
    assert [t.name for t in hours.hours_summary(db, employer_id, date(2026, 11, 4), date(2026, 11, 7))] == []


def test_copy_last_week_skips_what_would_overlap(db, household):
    employer_id, ann, bo = household
    save_shift(db, employer_id, _entry(ann, date(2026, 11, 2), "08:00", "12:00"))
    save_shift(db, employer_id, _entry(bo, date(2026, 11, 4), "18:00", "20:00"))
    save_shift(db, employer_id, _entry(ann, date(2026, 11, 9), "09:00", "10:00"))  # already in the target week
    added = hours.copy_week(db, employer_id, date(2026, 11, 2), date(2026, 11, 9))
    assert [(s.pa, s.start.date()) for s in added] == [(bo, date(2026, 11, 11))]


def test_the_rota_plans_shifts_changes_apply_and_worked_ones_drop_out(db, household):
    employer_id, ann, bo = household
    pattern = rota.make_pattern(name="Mornings", pa=ann, start=time(8), end=time(12), weekdays=frozenset({0, 2, 4}),
                                starts_on=date(2026, 11, 2))
    rota.save_pattern(db, employer_id, pattern)
    rota.save_change(db, employer_id, Cancellation(ann, date(2026, 11, 4)))
    rota.save_change(db, employer_id, Cover(ann, date(2026, 11, 6), bo))
    planned = rota.planned_shifts(db, employer_id, date(2026, 11, 2), date(2026, 11, 8))
    assert [(s.pa, s.start.date()) for s in planned] == [(ann, date(2026, 11, 2)), (bo, date(2026, 11, 6))]
    rota.mark_worked(db, employer_id, planned[:1])
    assert [(s.pa, s.start.date()) for s in rota.planned_shifts(db, employer_id, date(2026, 11, 2), date(2026, 11, 8))] == [
        (bo, date(2026, 11, 6))]
    view = hours.week_view(db, employer_id, date(2026, 11, 2))
    row = {r.pa.name: r for r in view.rows}
    assert row["Ann Cole"].worked_totals.total_minutes == 240 and row["Bo Dale"].planned_minutes == 240


def test_a_rota_pattern_with_no_days_is_refused():
    with pytest.raises(ValidationFailed) as failure:
        rota.make_pattern(name="x", pa=1, start=time(8), end=time(9), weekdays=frozenset(), starts_on=date(2026, 1, 1))
    assert "weekdays" in failure.value.problems


def test_continuity_counts_regular_pas_only(db, household):
    employer_id, ann, bo = household
    save_shift(db, employer_id, _entry(ann, date(2026, 11, 2), "08:00", "17:00"))  # 9 h regular
    save_shift(db, employer_id, _entry(bo, date(2026, 11, 3), "08:00", "09:00"))  # 1 h relief
    result = hours.continuity_of_care(db, employer_id, date(2026, 11, 1), date(2026, 11, 30))
    assert result.share == Decimal("0.9") and result.meets_target


def test_timesheet_round_trip_through_export_and_import(db, household, tmp_path):
    employer_id, ann, bo = household
    save_shift(db, employer_id, _entry(ann, date(2026, 10, 24), "22:00", "08:00", shift_type=ShiftType.WAKING_NIGHT))
    save_shift(db, employer_id, _entry(bo, date(2026, 10, 26), "09:00", "09:20", notes="short visit"))
    for suffix in ("csv", "xlsx"):
        path = tmp_path / f"sheet.{suffix}"
        assert timesheets.export_timesheet(db, employer_id, path, date(2026, 10, 1), date(2026, 10, 31)) == 2
        again = timesheets.import_timesheet(db, employer_id, path)
        assert (again.added, again.already_there, again.errors) == (0, 2, ())
    before = shifts_between(db, employer_id, date(2026, 10, 1), date(2026, 10, 31))
    for shift in before:
        delete_shift(db, shift.key)
    result = timesheets.import_timesheet(db, employer_id, tmp_path / "sheet.csv")
    after = shifts_between(db, employer_id, date(2026, 10, 1), date(2026, 10, 31))
    assert result.added == 2
    assert [(s.pa, s.start, s.end, s.shift_type, s.notes) for s in after] == [
        (s.pa, s.start, s.end, s.shift_type, s.notes) for s in before]


def test_a_timesheet_with_any_bad_row_imports_nothing(db, household, tmp_path):
    employer_id, ann, bo = household
    save_shift(db, employer_id, _entry(ann, date(2026, 11, 2), "08:00", "12:00"))
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "pa,date,start,end,break_minutes,type,notes\n"
        "Ann Cole,2026-11-03,08:00,12:00,,standard,\n"
        "Nobody,2026-11-03,08:00,12:00,,standard,\n"
        "Ann Cole,2026-11-02,11:00,13:00,,standard,\n"
        "Bo Dale,2027-01-05,08:00,12:00,,standard,\n"
        "Bo Dale,2026-11-05,8am,12:00,,standard,\n"
    )
    result = timesheets.import_timesheet(db, employer_id, sheet)
    assert {e.line for e in result.errors} == {3, 4, 5, 6}
    assert result.added == 0
    assert len(shifts_between(db, employer_id, date(2026, 11, 1), date(2026, 11, 30))) == 1


def test_the_demo_has_a_rota_with_a_weekend_sleep_in_and_worked_history(demo_db, today):
    employer = employers.find_employer(demo_db, "Margaret Okafor")
    patterns = rota.list_patterns(demo_db, employer.id)
    assert any(p.pattern.shift_type is ShiftType.SLEEP_IN and p.pattern.interval == 2 for p in patterns)
    history = shifts_between(demo_db, employer.id, today - timedelta(days=730), today)
    assert len(history) > 1000
    assert hours.continuity_of_care(demo_db, employer.id, today - timedelta(days=56), today).share < 1
