"""Recording hours: shifts checked before saving, clock changes, the week, copying, the rota, timesheets."""
import subprocess
from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import HOURLY, SLEEP_IN_ALLOWANCE, WEEKEND, PARecord, PayRateEntry
from pa_manager.domain.rota import Cancellation, Cover
from pa_manager.domain.shifts import ShiftType, paid_minutes
from pa_manager.services import employers, hours, pay_runs, people, period_reports, rota, timesheets, undo
from pa_manager.services import undo_rules
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.shifts import (
    ShiftInput, build_shift, delete_shift, get_shift, insert_batch, row_values, save_shift, shifts_between,
)
from pa_manager.messages import say


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
    assert say(failure.value)  # worded
    assert shifts_between(db, employer_id, date(2024, 1, 1), date(2028, 1, 1)) == []


def test_overlapping_shifts_are_refused_but_touching_ones_are_fine(db, household):
    employer_id, ann, bo = household
    save_shift(db, employer_id, _entry(ann, date(2026, 11, 2), "08:00", "12:00"))
    with pytest.raises(ValidationFailed) as failure:
        save_shift(db, employer_id, _entry(ann, date(2026, 11, 2), "11:00", "13:00"))
    assert failure.value.problems["start"].code == "SHIFT_OVERLAPS_SAVED"
    assert "Monday 2 November 2026, 08:00 to 12:00" in say(failure.value)
    save_shift(db, employer_id, _entry(ann, date(2026, 11, 2), "12:00", "13:00"))  # touches: allowed
    save_shift(db, employer_id, _entry(bo, date(2026, 11, 2), "11:00", "13:00"))  # another PA: allowed


def test_changing_a_shift_does_not_clash_with_itself_and_undo_restores_it(db, household):
    employer_id, ann, _ = household
    shift = save_shift(db, employer_id, _entry(ann, date(2026, 11, 2), "08:00", "12:00"))
    changed = save_shift(db, employer_id, _entry(ann, date(2026, 11, 2), "09:00", "12:00"), shift_id=shift.key)
    assert changed.key == shift.key and paid_minutes(changed) == 180
    removed = delete_shift(db, shift.key)
    undo_rules.reverse(db, removed, date(2026, 11, 23))
    assert shifts_between(db, employer_id, date(2026, 11, 2), date(2026, 11, 2)) == [changed]


def test_a_shift_put_back_with_an_id_not_yet_handed_out_does_not_take_the_next_new_shifts(db, household):
    employer_id, ann, _ = household
    first = save_shift(db, employer_id, _entry(ann, date(2026, 11, 2), "08:00", "12:00"))
    ahead = build_shift(_entry(ann, date(2026, 11, 3), "08:00", "12:00"), key=first.key + 1)
    values = {**row_values(employer_id, ahead, "manual"), "id": ahead.key, "version": 1}
    undo_rules.reverse(db, undo.Change("SHIFT_REMOVED", employer_id, {}, (undo.RowChange("shifts", ahead.key, values, None),)),
                 date(2026, 11, 23))
    third = save_shift(db, employer_id, _entry(ann, date(2026, 11, 4), "08:00", "12:00"))
    assert third.key > ahead.key
    assert [s.key for s in shifts_between(db, employer_id, date(2026, 11, 2), date(2026, 11, 4))] == [
        first.key, ahead.key, third.key]


def test_shifts_stored_together_get_their_ids_in_the_order_given(db, household):
    employer_id, ann, bo = household
    given = [build_shift(_entry(pa, date(2026, 11, day), start, "17:00"))
             for pa, day, start in ((bo, 9, "12:00"), (ann, 3, "09:00"), (bo, 4, "10:00"), (ann, 2, "11:00"))]
    with db.session() as s:
        ids = insert_batch(s, employer_id, given, "rota")
    assert [(s.pa, s.start) for s in (get_shift(db, key) for key in ids)] == [(s.pa, s.start) for s in given]


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
    added = hours.copy_week(db, employer_id, date(2026, 11, 2), date(2026, 11, 9)).value
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


# --- hours counted as the payslip counts them ------------------------------------------------------

@pytest.fixture
def sleeper(db, today):
    """Jo works by the hour at £12.80 (£13.10 from 16 November 2026), sleep-ins at £13.00 an hour awake
    with an £80.00 allowance a night, and time and a half at weekends; paid monthly."""
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames", pay_frequency=PayFrequency.MONTHLY))
    jo = people.save_pa(db, employer.id, PARecord(
        name="Jo Reid", date_of_birth=date(1980, 1, 1), start_date=date(2026, 4, 6), tax_code="1257L",
        ni_category="A", contracted_hours=Decimal("10"),
        pay_rates=(PayRateEntry(date(2026, 4, 6), Decimal("12.80")),
                   PayRateEntry(date(2026, 11, 16), Decimal("13.10")),
                   PayRateEntry(date(2026, 4, 6), Decimal("13.00"), HOURLY, "sleep_in"),
                   PayRateEntry(date(2026, 4, 6), Decimal("80.00"), SLEEP_IN_ALLOWANCE),
                   PayRateEntry(date(2026, 4, 6), None, WEEKEND, multiplier=Decimal("1.5"))),
    ), today)
    e, pa = employer.id, jo.id
    for day in (2, 3, 4):                                             # three 20-minute visits at £12.80
        save_shift(db, e, _entry(pa, date(2026, 11, day), "09:00", "09:20"))
    save_shift(db, e, _entry(pa, date(2026, 11, 7), "09:00", "13:00"))  # Saturday, 4 h at time and a half
    save_shift(db, e, _entry(pa, date(2026, 11, 11), "22:00", "07:00", shift_type=ShiftType.SLEEP_IN,
                             awake=((time(2), time(2, 40)),)))
    save_shift(db, e, _entry(pa, date(2026, 11, 12), "22:00", "07:00", shift_type=ShiftType.SLEEP_IN,
                             awake=((time(3), time(3, 40)),)))
    save_shift(db, e, _entry(pa, date(2026, 11, 14), "22:00", "07:00", shift_type=ShiftType.SLEEP_IN))
    for day in (17, 18, 19):                                          # three 20-minute visits at £13.10
        save_shift(db, e, _entry(pa, date(2026, 11, day), "09:00", "09:20"))
    return e, pa


def test_hours_cost_is_the_payslips_pay_for_work_to_the_penny(db, sleeper):
    employer_id, _ = sleeper
    [jo] = hours.hours_summary(db, employer_id, date(2026, 11, 1), date(2026, 11, 30))
    # Paid by the hour: standard 1 h of visits + 4 h Saturday at £12.80 and 1 h of visits at £13.10 = 6 h;
    # sleep-ins 40 + 40 minutes awake = 1 h 20. Three sleep-in nights, counted apart, not as 27 hours.
    assert jo.minutes_by_type == {ShiftType.STANDARD: 360, ShiftType.SLEEP_IN: 80}
    assert (jo.total_minutes, jo.sleep_in_nights, jo.missing_rate) == (440, 3, False)
    # Pay lines, each rounded once: 5 h x £12.80 = £64.00; 1 h x £13.10 = £13.10; 80 minutes x £13.00
    # = £17.333 -> £17.33; Saturday's premium 4 h x £6.40 = £25.60; 3 nights x £80.00 = £240.00.
    # £360.03 (costing shift by shift and adding up would give 3 x £4.27 + £51.20 + £25.60 + 2 x £8.67
    # + £240.00 + 3 x £4.37 = £360.06).
    assert jo.cost == Decimal("360.03")
    run = pay_runs.prepare_pay_run(db, employer_id, date(2026, 11, 27))
    assert (run.period_start, run.period_end) == (date(2026, 11, 1), date(2026, 11, 30))
    [item] = run.pas
    work = [line for line in item.payslip.lines if line.code in ("BASIC", "PREMIUM", "SLEEP_IN_ALLOWANCE")]
    assert sum(line.amount for line in work) == jo.cost
    assert [(line.code, line.hours, line.rate, line.quantity, line.amount) for line in work] == [
        ("BASIC", Decimal(5), Decimal("12.80"), None, Decimal("64.00")),
        ("BASIC", Decimal(1), Decimal("13.10"), None, Decimal("13.10")),
        ("BASIC", Decimal(80) / 60, Decimal("13.00"), None, Decimal("17.33")),
        ("PREMIUM", None, None, None, Decimal("25.60")),
        ("SLEEP_IN_ALLOWANCE", None, Decimal("80.00"), 3, Decimal("240.00")),
    ]


def test_the_week_counts_sleep_in_nights_apart_from_hours(db, sleeper):
    employer_id, pa = sleeper
    row = next(r for r in hours.week_view(db, employer_id, date(2026, 11, 9)).rows if r.pa.id == pa)
    totals = row.worked_totals
    # Week of 9 November: the three sleep-ins. 1 h 20 awake (80 minutes x £13.00 = £17.33) and 3 nights
    # (£240.00): £257.33. Time on shift, to set against the rota, is still 3 x 9 h.
    assert (totals.minutes_by_type, totals.sleep_in_nights, totals.cost) == (
        {ShiftType.SLEEP_IN: 80}, 3, Decimal("257.33"))
    assert totals.shift_minutes == 3 * 9 * 60


def test_a_pa_with_no_rate_still_shows_hours_and_nights_with_the_cost_unknown(db, household, today):
    employer_id, _, _ = household
    sam = people.save_pa(db, employer_id, PARecord(
        name="Sam Ito", start_date=date(2026, 1, 5),
        pay_rates=(PayRateEntry(date(2026, 1, 5), Decimal("70.00"), SLEEP_IN_ALLOWANCE),)), today)  # no hourly rate
    save_shift(db, employer_id, _entry(sam.id, date(2026, 11, 2), "09:00", "12:00"))
    save_shift(db, employer_id, _entry(sam.id, date(2026, 11, 3), "22:00", "07:00", shift_type=ShiftType.SLEEP_IN))
    [totals] = hours.hours_summary(db, employer_id, date(2026, 11, 2), date(2026, 11, 8))
    assert (totals.name, totals.minutes_by_type, totals.sleep_in_nights) == ("Sam Ito", {ShiftType.STANDARD: 180}, 1)
    assert totals.missing_rate


def test_the_timesheet_pdf_shows_paid_hours_and_the_nights_apart(db, sleeper, tmp_path):
    employer_id, _ = sleeper
    path = period_reports.save_timesheet_report(db, employer_id, tmp_path / "timesheets.pdf",
                                                date(2026, 11, 1), date(2026, 11, 30))
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    # A sleep-in paid by the allowance shows its awake hours (40 minutes = 0.67) and is marked a night.
    assert "Wed 11 November 2026 22:00 07:00 None Sleep-in 0.67 Yes next day" in text
    assert "Sat 14 November 2026 22:00 07:00 None Sleep-in 0.00 Yes next day" in text
    assert "Sat 7 November 2026 09:00 13:00 None Standard 4.00" in text
    # Standard 6 h; sleep-in 80 minutes awake = 1.33; 440 minutes paid = 7.33 hours, not 7.33 + 27.
    assert ("Total standard hours 6.00 Total sleep-in hours 1.33 Total paid hours 7.33 "
            "Sleep-in nights, paid by the allowance: 3") in text
    assert "A sleep-in night paid by the sleep-in allowance counts as a night, not as hours" in text
