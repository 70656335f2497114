"""Working time through the services: a PA's stored shifts and coming rota checked (services.working_time),
the opt-out kept on the PA, the findings on the "what needs doing" list in plain words, and the warning
for a shift being typed in."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from pa_manager.domain import working_time as rules
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord
from pa_manager.domain.shifts import MANUAL, local_shift
from pa_manager.services import due, employers, people, working_time
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.shifts import ShiftInput, build_shift, save_shift, store_batch
from pa_manager.wording import due_item_sentence
from tests.conftest import sqlite_only

# tests/conftest.py: today is Monday 23 November 2026.


@pytest.fixture
def household(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    leah = people.save_pa(db, employer.id, PARecord(name="Leah Grant", start_date=date(2025, 6, 1)), today)
    return employer.id, leah


def long_weeks(pa_id, last_sunday, weeks=17):
    """Five days a week of 08:00-18:20 less 20 minutes' break: 50 hours a week."""
    monday = last_sunday - timedelta(weeks=weeks, days=-1)
    return [local_shift(monday + timedelta(weeks=w, days=d), time(8), time(18, 20), pa=pa_id, break_minutes=20)
            for w in range(weeks) for d in range(5)]


def test_a_late_then_an_early_is_on_the_due_list_in_plain_words(db, today, household):
    employer_id, leah = household
    save_shift(db, employer_id, ShiftInput(leah.id, date(2026, 11, 20), time(14), time(22), break_minutes=30))
    save_shift(db, employer_id, ShiftInput(leah.id, date(2026, 11, 21), time(7), time(12)))
    [found] = working_time.employer_findings(db, employer_id, today)
    assert (found.name, [(f.code, f.day, f.found) for f in found.findings]) == (
        "Leah Grant", [(rules.DAILY_REST_SHORT, date(2026, 11, 20), rules.Decimal("9.00"))])
    [item] = [i for i in due.due_list(db, employer_id, today) if i.code.startswith("WORKING_TIME")]
    assert (item.status, item.pa_key) == ("warning", leah.id)
    assert due_item_sentence(item, today)[1] == (
        "Check: Change Leah Grant's shifts so they have 11 hours off in a row: they get at most 9 hours of rest in "
        "a row in the 24 hours from the start of work on 20 November 2026.")


def test_only_the_last_17_weeks_are_read(db, today, household):
    employer_id, leah = household
    # 18 weeks ago: too little rest, but before the reference period, so not looked at.
    old = date(2026, 7, 20)
    save_shift(db, employer_id, ShiftInput(leah.id, old, time(14), time(22), break_minutes=30))
    save_shift(db, employer_id, ShiftInput(leah.id, old + timedelta(days=1), time(7), time(12)))
    assert working_time.period(today) == (date(2026, 7, 27), date(2026, 12, 23))
    assert working_time.employer_findings(db, employer_id, today) == []


def test_the_48_hour_average_and_the_opt_out_kept_on_the_pa(db, today, household):
    employer_id, leah = household
    store_batch(db, employer_id, long_weeks(leah.id, date(2026, 11, 22)), MANUAL)
    [found] = working_time.employer_findings(db, employer_id, today)
    [average] = [f for f in found.findings if f.code == rules.WEEKLY_AVERAGE_OVER]
    assert (average.first, average.day, average.found) == (date(2026, 7, 27), date(2026, 11, 22), rules.Decimal("50.00"))
    [item] = [i for i in due.due_list(db, employer_id, today) if i.code == rules.WEEKLY_AVERAGE_OVER]
    assert due_item_sentence(item, today)[1] == (
        "Check: Plan fewer hours for Leah Grant: they work 50.0 hours a week on average in the 17 weeks from 27 "
        "July 2026 to 22 November 2026, over the limit of 48 hours (unless they choose to sign an opt-out, which "
        "you record on the People page).")
    # Signed in the future: refused, in words that say what to do.
    with pytest.raises(ValidationFailed) as refused:
        people.save_pa(db, employer_id, replace(leah, working_time_opt_out=date(2026, 11, 24)), today)
    assert set(refused.value.problems) == {"working_time_opt_out"}
    signed = people.save_pa(db, employer_id, replace(people.get_pa(db, leah.id), working_time_opt_out=date(2026, 3, 2)),
                            today)
    assert people.get_pa(db, leah.id).working_time_opt_out == date(2026, 3, 2) == signed.working_time_opt_out
    assert working_time.employer_findings(db, employer_id, today) == []


def test_a_shift_being_typed_is_checked_against_the_others_and_the_one_it_changes_is_left_out(db, today, household):
    employer_id, leah = household
    late = save_shift(db, employer_id, ShiftInput(leah.id, date(2026, 11, 25), time(14), time(22), break_minutes=30))
    early = build_shift(ShiftInput(leah.id, date(2026, 11, 26), time(7), time(12)))
    [found] = working_time.shift_findings(db, employer_id, early, today)
    assert (found.code, found.day, found.shifts) == (rules.DAILY_REST_SHORT, date(2026, 11, 25), (late.key, "typed"))
    assert working_time.shift_findings(db, employer_id, replace(early, start=early.start + timedelta(hours=2)), today) == []
    # Changing the late shift itself to end earlier: checked without its stored self.
    earlier = build_shift(ShiftInput(leah.id, date(2026, 11, 25), time(12), time(20), break_minutes=30), key=late.key)
    assert working_time.shift_findings(db, employer_id, earlier, today) == []
    # Nothing is stored by asking.
    assert working_time.employer_findings(db, employer_id, today) == []


def test_a_young_workers_limits_come_from_their_date_of_birth(db, today, household):
    employer_id, _ = household
    young = people.save_pa(db, employer_id, PARecord(name="Kit Vale", date_of_birth=date(2009, 3, 1),
                                                     start_date=date(2026, 9, 1)), today)
    save_shift(db, employer_id, ShiftInput(young.id, date(2026, 11, 24), time(9), time(18), break_minutes=30))
    [found] = working_time.employer_findings(db, employer_id, today)
    assert [(f.code, f.found, f.limit) for f in found.findings] == [
        (rules.YOUNG_DAY_OVER, rules.Decimal("8.50"), rules.Decimal("8.00"))]


@sqlite_only("the plan is read with SQLite's EXPLAIN QUERY PLAN")
def test_the_shifts_are_read_by_an_indexed_range_never_the_whole_table(db, today, household):
    """Each question about shifts (the household's, and one PA's for a shift being typed) reads a range of
    an index on the day a shift belongs to (ix_shifts_employer_id_local_date, ix_shifts_pa_id_local_date)."""
    from sqlalchemy import event

    employer_id, leah = household
    asked = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT") and "FROM shifts" in statement:
            asked.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        working_time.employer_findings(db, employer_id, today)
        working_time.working_time_due(db, employer_id, today)  # older weeks summed by the database
        working_time.shift_findings(db, employer_id, build_shift(ShiftInput(leah.id, today, time(9), time(12))), today)
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)
    assert asked and all("shifts.local_date >=" in s or "shifts.starts_at >" in s for s, _ in asked), asked
    with db.engine.connect() as c:
        plans = [" ".join(str(row[-1]) for row in c.exec_driver_sql(f"EXPLAIN QUERY PLAN {s}", p)) for s, p in asked]
    assert any("ix_shifts_employer_id_local_date" in plan for plan in plans), plans
    assert any("ix_shifts_pa_id_local_date" in plan for plan in plans), plans
    assert all("SCAN shifts" not in plan for plan in plans), plans


def test_the_rotas_read_together_plan_what_each_rota_read_alone_plans(demo_db, today):
    """services.rota.planned_shifts_of (every employer's rota in one query each for patterns and changes)
    against planned_shifts, employer by employer, over the demo households' coming weeks."""
    from pa_manager.services import rota
    from pa_manager.services.employers import list_employers
    from pa_manager.services.shifts import shifts_between

    ids = [e.id for e in list_employers(demo_db, today)]
    first, last = today - timedelta(days=10), today + timedelta(days=40)
    worked = [s for e in ids for s in shifts_between(demo_db, e, first - timedelta(days=1), last)]
    with demo_db.session() as s:
        together = rota.planned_shifts_of(s, ids, first, last, worked)
    alone = {e: rota.planned_shifts(demo_db, e, first, last) for e in ids}
    assert {e: sorted((p.pa, p.start, p.end) for p in together[e]) for e in ids} == {
        e: sorted((p.pa, p.start, p.end) for p in alone[e]) for e in ids}
    assert sum(map(len, alone.values())) > 10  # the demo has a rota, and worked shifts it leaves out
    assert sum(len(rota.planned_shifts(demo_db, e, first, last, include_worked=True)) for e in ids) > sum(
        map(len, alone.values()))


def test_every_employers_findings_read_together_are_each_read_alone(demo_db, today):
    from pa_manager.services.employers import list_employers

    ids = [e.id for e in list_employers(demo_db, today)]
    employer_id = ids[0]
    ivy = people.save_pa(demo_db, employer_id, PARecord(name="Ivy Penrose", start_date=date(2026, 10, 1)), today)
    save_shift(demo_db, employer_id, ShiftInput(ivy.id, date(2026, 11, 24), time(14), time(23)))
    save_shift(demo_db, employer_id, ShiftInput(ivy.id, date(2026, 11, 25), time(7), time(11)))
    together = working_time.findings_of(demo_db, {e: people.list_pas(demo_db, e) for e in ids}, today)
    assert together == {e: working_time.employer_findings(demo_db, e, today) for e in ids}
    assert [pa.name for pa in together[employer_id]] == ["Ivy Penrose"]


def test_the_due_list_holds_the_recent_findings_of_the_full_check(db, today, household):
    employer_id, leah = household
    for day in (date(2026, 9, 7), date(2026, 11, 18), date(2026, 11, 25)):  # long ago, last week, this week
        save_shift(db, employer_id, ShiftInput(leah.id, day, time(14), time(22), break_minutes=30))
        save_shift(db, employer_id, ShiftInput(leah.id, day + timedelta(days=1), time(7), time(12)))
    full = working_time.employer_findings(db, employer_id, today)
    assert [f.day for f in full[0].findings] == [date(2026, 9, 7), date(2026, 11, 18), date(2026, 11, 25)]
    listed = working_time.working_time_due(db, employer_id, today)
    assert listed == working_time.due_items(full, today)
    assert [i.due for i in listed] == [date(2026, 11, 18), date(2026, 11, 25)]
