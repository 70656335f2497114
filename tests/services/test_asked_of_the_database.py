"""Questions the database now answers (a minimum, a grouped count, an indexed range) give the answers
the Python that read every row gave, on the edge cases: no rows, the first row added last, a day on
the boundary of a pay period, a gap between pay runs, today itself, several employers at once."""
from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import select

from pa_manager.domain import compliance as rules
from pa_manager.domain.compliance import RightToWorkCheck
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.domain.pay_period import suggested_pay_date
from pa_manager.domain.shifts import local_date, local_shift, minutes_to_hours, paid_minutes
from pa_manager.services import checks, employers, pay_runs, people
from pa_manager.services import due
from pa_manager.services.pay_runs import PaidRun, unpaid_ranges
from pa_manager.services.shifts import shifts_between, store_batch
from pa_manager.storage import models

TODAY = date(2026, 11, 23)


def _employer(db, name, frequency=PayFrequency.MONTHLY):
    return employers.save_employer(db, EmployerRecord(name=name, pay_frequency=frequency)).id


def _pa(db, employer_id, name, start=date(2025, 1, 6), leaving=None):
    return people.save_pa(db, employer_id, PARecord(
        name=name, date_of_birth=date(1980, 1, 1), start_date=start, leaving_date=leaving, tax_code="1257L",
        pay_rates=(PayRateEntry(start or date(2025, 1, 6), Decimal("13.00")),)), TODAY).id


def _shifts(db, employer_id, pa_id, days, start=time(9), end=time(12)):
    store_batch(db, employer_id, [local_shift(d, start, end, pa=pa_id) for d in days], "manual")


def _run(db, employer_id, start, end, pay_date=None):
    """A finalised pay run's dates as stored (what the questions below look at)."""
    with db.session() as s:
        s.add(models.PayRun(employer_id=employer_id, pay_date=pay_date or end, period_start=start, period_end=end,
                            frequency="monthly", tax_year="2026-27", period=1,
                            finalised_at=datetime(2026, 1, 1, tzinfo=timezone.utc)))


# --- the first shift, and shifts before the right-to-work check --------------------------------------


def _first_days_by_reading_every_shift(db, employer_id):
    first: dict[int, date] = {}
    for shift in shifts_between(db, employer_id, date(2000, 1, 1), date(2100, 1, 1)):
        first[shift.pa] = min(first.get(shift.pa, date.max), local_date(shift))
    return first


def test_each_pas_first_shift_day_is_the_earliest_whatever_order_the_shifts_were_added(db):
    employer_id = _employer(db, "Ruth Ames")
    late, early, none = _pa(db, employer_id, "Ann Cole"), _pa(db, employer_id, "Ben Dale"), _pa(db, employer_id, "Cy Eze")
    _shifts(db, employer_id, late, [date(2026, 3, 2), date(2026, 1, 5)])
    _shifts(db, employer_id, early, [date(2025, 6, 1)])
    _shifts(db, employer_id, early, [date(2025, 3, 30)], start=time(23), end=time(7))  # overnight, on the clock change
    _shifts(db, employer_id, early, [date(2027, 1, 4)])  # a future one changes nothing
    other = _employer(db, "Sam Obi")
    _shifts(db, other, _pa(db, other, "Ann Cole"), [date(2024, 1, 1)])  # the same name elsewhere
    with db.session() as s:
        found = due.first_shift_days(s, [late, early, none])
    assert found == {late: date(2026, 1, 5), early: date(2025, 3, 30)}
    assert found == _first_days_by_reading_every_shift(db, employer_id)
    with db.session() as s:
        assert due.first_shift_days(s, []) == {}


@pytest.mark.parametrize("checked, flagged", [
    (date(2026, 1, 4), False),  # the day before the first shift: in time
    (date(2026, 1, 5), True),   # on the day of the first shift: with dates only, not before it
    (date(2026, 2, 1), True),   # weeks after
])
def test_a_right_to_work_check_on_or_after_the_first_shift_is_flagged_with_the_first_day(db, checked, flagged):
    employer_id = _employer(db, "Ruth Ames")
    pa = _pa(db, employer_id, "Ann Cole")
    _shifts(db, employer_id, pa, [date(2026, 3, 2), date(2026, 1, 5), date(2026, 1, 6)])
    checks.save_right_to_work(db, employer_id, pa, RightToWorkCheck("manual_document", checked, "UK passport"))
    # A second, later check does not excuse the work done before the first.
    checks.save_right_to_work(db, employer_id, pa, RightToWorkCheck("manual_document", date(2026, 6, 1), "UK passport"))
    late = [i for i in due.due_list(db, employer_id, TODAY) if i.code == checks.SHIFT_BEFORE_RIGHT_TO_WORK]
    if flagged:
        assert [(i.pa_key, i.due, i.status) for i in late] == [(pa, date(2026, 1, 5), rules.OVERDUE)]
    else:
        assert late == []


def test_no_shifts_before_right_to_work_item_without_a_check_or_without_shifts(db):
    employer_id = _employer(db, "Ruth Ames")
    unchecked, idle = _pa(db, employer_id, "Ann Cole"), _pa(db, employer_id, "Ben Dale")
    _shifts(db, employer_id, unchecked, [date(2026, 1, 5)])  # RIGHT_TO_WORK_MISSING says it already
    checks.save_right_to_work(db, employer_id, idle, RightToWorkCheck("manual_document", date(2026, 2, 1), "UK passport"))
    codes = [(i.code, i.pa_key) for i in due.due_list(db, employer_id, TODAY)]
    assert (checks.SHIFT_BEFORE_RIGHT_TO_WORK, unchecked) not in codes
    assert (checks.SHIFT_BEFORE_RIGHT_TO_WORK, idle) not in codes
    assert ("RIGHT_TO_WORK_MISSING", unchecked) in codes


# --- several employers at once: the caseload ---------------------------------------------------------


def test_every_employers_list_read_together_is_the_list_read_for_each(demo_db, today):
    ids = [e.id for e in employers.list_employers(demo_db, today)]
    second = _employer(demo_db, "Ann Empty")  # no PAs, no checks, no courses
    together = due.due_lists(demo_db, [*ids, second], today, 45, include_ok=True)
    for employer_id in [*ids, second]:
        assert together[employer_id] == due.due_list(demo_db, employer_id, today, 45, include_ok=True)
    assert together[second] == [i for i in together[second] if i.pa_key is None]  # only the employer's duties
    rows = {r.employer_id: r for r in due.caseload(demo_db, today)}
    for employer_id in ids:
        items = due.due_list(demo_db, employer_id, today)
        assert rows[employer_id].overdue == sum(i.status == rules.OVERDUE for i in items)
        assert rows[employer_id].due_soon == sum(i.status == rules.DUE_SOON for i in items)


def test_current_pas_are_counted_for_each_employer_as_on_the_day(db):
    employer_id, empty = _employer(db, "ruth Ames"), _employer(db, "Abe Zed")
    _pa(db, employer_id, "Starts today", start=TODAY)
    _pa(db, employer_id, "Leaves today", leaving=TODAY)
    _pa(db, employer_id, "Left yesterday", leaving=TODAY - timedelta(days=1))
    _pa(db, employer_id, "Starts tomorrow", start=TODAY + timedelta(days=1))
    _pa(db, employer_id, "No start date", start=None)
    listed = employers.list_employers(db, TODAY)
    assert [(e.name, e.current_pas) for e in listed] == [("Abe Zed", 0), ("ruth Ames", 3)]
    assert [e.id for e in listed] == [empty, employer_id]


# --- work not paid yet -------------------------------------------------------------------------------


def _runs(*spans):
    return [PaidRun(end, start, end) for start, end in spans]


@pytest.mark.parametrize("runs, expected", [
    ([], [(None, TODAY)]),
    (_runs((date(2026, 10, 1), date(2026, 10, 31))),
     [(None, date(2026, 9, 30)), (date(2026, 11, 1), TODAY)]),
    # contiguous, out of order, one after today: only the gaps before and after
    (_runs((date(2026, 10, 1), date(2026, 10, 31)), (date(2026, 9, 1), date(2026, 9, 30)),
           (date(2026, 12, 1), date(2026, 12, 31))),
     [(None, date(2026, 8, 31)), (date(2026, 11, 1), TODAY)]),
    # a gap between runs, and overlapping runs (kept from before one run per period)
    (_runs((date(2026, 1, 1), date(2026, 1, 31)), (date(2026, 3, 1), date(2026, 3, 31)),
           (date(2026, 3, 15), date(2026, 4, 30))),
     [(None, date(2025, 12, 31)), (date(2026, 2, 1), date(2026, 2, 28)), (date(2026, 5, 1), TODAY)]),
    # paid up to today exactly, and beyond it
    (_runs((date(2026, 11, 1), TODAY)), [(None, date(2026, 10, 31))]),
    (_runs((date(2026, 11, 1), date(2026, 11, 30))), [(None, date(2026, 10, 31))]),
    # every pay run after today
    (_runs((date(2026, 12, 1), date(2026, 12, 31))), [(None, TODAY)]),
])
def test_the_days_no_pay_run_paid_for_are_the_gaps_between_runs_up_to_today(runs, expected):
    assert unpaid_ranges(runs, TODAY) == expected
    covered = lambda day: any(r.period_start <= day <= r.period_end for r in runs)  # noqa: E731
    for day in (date(2025, 12, 31), date(2026, 1, 1), date(2026, 2, 1), date(2026, 2, 28), date(2026, 5, 1), TODAY,
                TODAY + timedelta(days=1)):
        inside = any((first is None or first <= day) and day <= last for first, last in expected)
        assert inside == (not covered(day) and day <= TODAY)


def _unpaid_by_reading_every_shift(db, employer_id, today):
    """What unpaid_work said when it read every shift up to today and looked each day up in the runs."""
    with db.session() as s:
        employer = pay_runs._employer(s, employer_id)
        runs = pay_runs._paid_runs(s, employer_id)
    names = {pa.id: pa.name for pa in people.list_pas(db, employer_id)}
    found = defaultdict(list)
    for shift in shifts_between(db, employer_id, date(2000, 1, 1), today):
        day = local_date(shift)
        if not any(r.period_start <= day <= r.period_end for r in runs):
            found[shift.pa].append(shift)
    out = []
    for pa_id, shifts in found.items():
        first, last = min(map(local_date, shifts)), max(map(local_date, shifts))
        pay_date = suggested_pay_date(first, employer.pay_frequency, earlier_period_end=pay_runs._anchor(runs, first),
                                      is_bank_holiday=pay_runs._bank_holidays(employer))
        out.append((pa_id, names[pa_id], minutes_to_hours(sum(map(paid_minutes, shifts))), first, last, pay_date,
                    pay_date < today))
    return sorted(out, key=lambda u: (u[3], u[1].lower()))


def test_unpaid_work_is_the_work_in_no_pay_run_up_to_today(db):
    employer_id = _employer(db, "Ruth Ames")
    ann, ben = _pa(db, employer_id, "Ann Cole"), _pa(db, employer_id, "ben Dale")
    _run(db, employer_id, date(2026, 9, 1), date(2026, 9, 30))
    _run(db, employer_id, date(2026, 11, 1), date(2026, 11, 30), pay_date=date(2026, 11, 27))  # paid ahead
    days = [date(2026, 8, 31), date(2026, 9, 1), date(2026, 9, 30), date(2026, 10, 1), date(2026, 10, 31),
            date(2026, 11, 1), TODAY, TODAY + timedelta(days=10)]
    _shifts(db, employer_id, ann, days)
    _shifts(db, employer_id, ben, [date(2026, 10, 15)], start=time(22), end=time(6))  # overnight, into the 16th
    found = [(u.pa_id, u.pa_name, u.hours, u.first_day, u.last_day, u.pay_date, u.overdue)
             for u in pay_runs.unpaid_work(db, employer_id, TODAY)]
    assert found == _unpaid_by_reading_every_shift(db, employer_id, TODAY)
    assert [(u[0], u[2], u[3], u[4]) for u in found] == [
        (ann, Decimal("9"), date(2026, 8, 31), date(2026, 10, 31)),  # the 31 Aug, 1 and 31 Oct: 3 shifts of 3 hours
        (ben, Decimal("8"), date(2026, 10, 15), date(2026, 10, 15)),
    ]


def test_with_no_pay_run_every_shift_up_to_today_is_unpaid_and_sets_the_pay_day(db):
    employer_id = _employer(db, "Ruth Ames", PayFrequency.WEEKLY)
    ann = _pa(db, employer_id, "Ann Cole")
    _shifts(db, employer_id, ann, [date(2026, 10, 5), TODAY, TODAY + timedelta(days=1)])
    [unpaid] = pay_runs.unpaid_work(db, employer_id, TODAY)
    assert (unpaid.first_day, unpaid.last_day, unpaid.hours) == (date(2026, 10, 5), TODAY, Decimal("6"))
    assert [u[3] for u in _unpaid_by_reading_every_shift(db, employer_id, TODAY)] == [date(2026, 10, 5)]
    # The suggested pay day pays the earliest unpaid week first.
    suggested = pay_runs.default_pay_date(db, employer_id, TODAY)
    start, end = pay_runs.period_for(db, employer_id, suggested)
    assert start <= date(2026, 10, 5) <= end


def test_the_pay_day_suggested_after_the_last_pay_run_with_everything_paid(db):
    employer_id = _employer(db, "Ruth Ames")
    ann = _pa(db, employer_id, "Ann Cole")
    _shifts(db, employer_id, ann, [date(2026, 10, 5)])
    _run(db, employer_id, date(2026, 10, 1), date(2026, 10, 31))
    assert pay_runs.unpaid_work(db, employer_id, TODAY) == []
    start, end = pay_runs.period_for(db, employer_id, pay_runs.default_pay_date(db, employer_id, TODAY))
    assert (start, end) == (date(2026, 11, 1), date(2026, 11, 30))


def test_the_finalised_run_handed_back_is_the_run_as_stored(db):
    """finalise_pay_run hands back the records it wrote rather than reading them back: the same records."""
    employer_id = _employer(db, "Ruth Ames")
    for name in ("Ann Cole", "Ben Dale"):
        pa = _pa(db, employer_id, name)
        _shifts(db, employer_id, pa, [date(2026, 10, d) for d in range(5, 10)])
    done = pay_runs.finalise_pay_run(db, employer_id, date(2026, 10, 30), datetime(2026, 10, 30, 12, tzinfo=timezone.utc),
                                     confirmed=True)
    stored = pay_runs.finalised_pay_run(db, employer_id, date(2026, 10, 30))
    assert done == stored
    assert [d.payslip.gross_pay for d in done.pas] == [Decimal("195.00"), Decimal("195.00")]


# --- the P60 reminder: each PA's last pay record of the year just ended ---------------------------------


def test_each_pas_last_record_of_a_tax_year_is_the_last_of_all_the_years_records(demo_db, today):
    """The demo pays monthly across two tax years, with a PA who left part way through one."""
    from pa_manager.services import year_end

    employer_id = employers.find_employer(demo_db, "Margaret Okafor").id
    with demo_db.session() as s:
        years = set(s.scalars(select(models.PayRun.tax_year).where(models.PayRun.employer_id == employer_id)))
        assert len(years) >= 2
        for tax_year in sorted(years) + ["2001-02"]:
            every = year_end._records(s, employer_id, tax_year=tax_year)
            last = {}
            for record in every:
                last[record.pa_id] = record
            latest = year_end._latest_records(s, employer_id, tax_year)
            assert {r.pa_id: r for r in latest} == last
            assert len(latest) == len(last)


def test_the_p60_reminder_names_the_pas_still_employed_at_the_years_end(db):
    employer_id = _employer(db, "Ruth Ames")
    stays, leaves = _pa(db, employer_id, "Ann Cole"), _pa(db, employer_id, "Ben Dale", leaving=date(2026, 2, 13))
    _shifts(db, employer_id, stays, [date(2026, 1, 5), date(2026, 2, 9), date(2026, 3, 9)])
    _shifts(db, employer_id, leaves, [date(2026, 1, 6), date(2026, 2, 10)])
    finalised = datetime(2026, 4, 1, tzinfo=timezone.utc)
    for pay_date in (date(2026, 1, 30), date(2026, 2, 27), date(2026, 3, 31)):
        pay_runs.finalise_pay_run(db, employer_id, pay_date, finalised, confirmed=True)
    from pa_manager.services import year_end

    items = year_end.p60_due_items(db, employer_id, date(2026, 6, 2))
    assert [(i.code, i.status, i.param("people"), i.param("count")) for i in items] == \
        [(year_end.P60_DUE, rules.OVERDUE, "Ann Cole", 1)]
    assert year_end.p60_due_items(db, employer_id, date(2026, 4, 5)) == []


# --- continuity of care: minutes summed by the database --------------------------------------------


def test_continuity_of_care_sums_in_the_database_what_reading_every_shift_sums(db):
    from pa_manager.domain.continuity import continuity
    from pa_manager.domain.shifts import ShiftType
    from pa_manager.services.hours import continuity_of_care

    employer_id = _employer(db, "Ruth Ames")
    regular, relief = _pa(db, employer_id, "Ann Cole"), _pa(db, employer_id, "Ben Dale")
    people.save_pa(db, employer_id, replace(people.get_pa(db, relief), regular=False), TODAY)
    first, last = date(2026, 10, 26), date(2026, 11, 22)
    store_batch(db, employer_id, [
        local_shift(first, time(9), time(12), pa=regular),
        local_shift(last, time(22), time(6), pa=regular),  # overnight: the day it starts counts
        local_shift(first - timedelta(days=1), time(9), time(17), pa=regular),  # the day before: left out
        local_shift(last + timedelta(days=1), time(9), time(17), pa=relief),  # the day after: left out
        local_shift(date(2026, 11, 2), time(9), time(10), pa=relief, break_minutes=90),  # a break longer than it
        local_shift(date(2026, 11, 3), time(8), time(13, 30), pa=relief, break_minutes=30),
        local_shift(date(2026, 11, 4), time(9), time(17), pa=regular, shift_type=ShiftType.HOLIDAY),  # not care
        local_shift(date(2026, 11, 5), time(22), time(7), pa=relief, shift_type=ShiftType.SLEEP_IN),
    ], "manual")
    found = continuity_of_care(db, employer_id, first, last)
    assert found == continuity(shifts_between(db, employer_id, first, last), {regular})
    assert (found.total_minutes, found.regular_minutes) == (3 * 60 + 8 * 60 + 5 * 60 + 9 * 60, 11 * 60)
    assert continuity_of_care(db, employer_id, date(2020, 1, 1), date(2020, 1, 31)).share is None


# --- training: each PA's latest record of each course ------------------------------------------------


def _training_items_from_every_record(db, employer_id, today):
    """What training_due said when it read every record the employer has."""
    from pa_manager.domain import training as rules
    from pa_manager.services import training

    courses = training.list_courses(db, employer_id)
    with db.session() as s:
        required = training._required(s, employer_id, courses)
    names = {c.course.key: c.name for c in courses}
    records = [r.record for r in training.list_records(db, employer_id)]
    items = rules.training_due_items(today, training._pa_likes(db, employer_id), [c.course for c in courses], records,
                                     required, 30, include_ok=True)
    return [replace(i, params=tuple(sorted({**dict(i.params), "course": names[i.subject].lower()}.items())))
            for i in items]


def test_training_due_reads_only_the_latest_records_and_says_what_reading_every_record_said(db):
    from pa_manager.services import training

    employer_id, other = _employer(db, "Ruth Ames"), _employer(db, "Sol Ng")
    ann, ben = _pa(db, employer_id, "Ann Cole"), _pa(db, employer_id, "Ben Dale")
    cal = _pa(db, other, "Cal Dunn")
    courses = {c.course.key: c for c in training.list_courses(db, employer_id)}
    first_aid, handling = courses["first_aid"].id, courses["moving_and_handling"].id
    training.save_course(db, employer_id, "", courses["first_aid"].course.refresh_months, required_for_everyone=True,
                         course_id=first_aid)
    training.save_record(db, employer_id, ann, first_aid, date(2023, 11, 1), provider="old")
    training.save_record(db, employer_id, ann, first_aid, date(2025, 12, 1), provider="tie, added first")
    training.save_record(db, employer_id, ann, first_aid, date(2025, 12, 1), provider="tie, added last")
    training.save_record(db, employer_id, ann, first_aid, TODAY + timedelta(days=20), provider="booked")  # not done yet
    training.save_record(db, employer_id, ben, handling, date(2022, 1, 10))
    training.save_record(db, employer_id, ben, handling, TODAY)
    other_course = next(c for c in training.list_courses(db, other) if c.course.key == "first_aid").id
    training.save_record(db, other, cal, other_course, date(2026, 1, 1))
    for employer in (employer_id, other):
        found = training.training_due(db, employer, TODAY, 30, include_ok=True)
        assert found == _training_items_from_every_record(db, employer, TODAY)
    ann_first_aid = [i for i in training.training_due(db, employer_id, TODAY, 30, include_ok=True)
                     if i.pa_key == ann and i.subject == "first_aid"]
    assert [i.due for i in ann_first_aid] == [date(2028, 12, 1)]  # from the latest done, not the booked one


def test_nothing_is_unpaid_when_a_pay_run_paid_ahead_of_today(db):
    employer_id = _employer(db, "Ruth Ames")
    ann = _pa(db, employer_id, "Ann Cole", start=date(2026, 11, 2))
    _shifts(db, employer_id, ann, [date(2026, 11, 2), TODAY])
    _run(db, employer_id, date(2026, 11, 1), date(2026, 11, 30), pay_date=date(2026, 11, 20))
    assert pay_runs.unpaid_work(db, employer_id, TODAY) == []
    assert _unpaid_by_reading_every_shift(db, employer_id, TODAY) == []
    start, end = pay_runs.period_for(db, employer_id, pay_runs.default_pay_date(db, employer_id, TODAY))
    assert (start, end) == (date(2026, 12, 1), date(2026, 12, 31))


def test_the_employer_is_read_once_a_transaction_and_read_again_after_a_change_to_it(db):
    from sqlalchemy import event

    employer_id = _employer(db, "Ruth Ames")
    asked = []
    listener = lambda *args: asked.append(args[2]) if "FROM employers" in args[2] else None  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        with db.session():
            first = employers.get_employer(db, employer_id)
            assert employers.get_employer(db, employer_id) == first
            assert pay_runs.default_pay_date(db, employer_id, TODAY) == pay_runs.default_pay_date(db, employer_id, TODAY)
            assert len(asked) == 1
            employers.save_employer(db, replace(first, name="Ruth Ames-Obi"))
            assert employers.get_employer(db, employer_id).name == "Ruth Ames-Obi"
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert employers.get_employer(db, employer_id).name == "Ruth Ames-Obi"


# --- supervision and appraisal: only the meetings that count are read ----------------------------------


def _supervision_items_from_every_meeting(db, employer_id, today):
    from pa_manager.domain.training import supervision_due_items
    from pa_manager.services import training

    meetings = [m for _, m in sorted(training.list_meetings(db, employer_id), key=lambda pair: (pair[1].held_on, pair[0]))]
    return supervision_due_items(today, training._pa_likes(db, employer_id), meetings, include_ok=True) if meetings else []


def _supervision_items(db, employer_id, today):
    from pa_manager.services import training

    return [i for i in training.training_due(db, employer_id, today, 30, include_ok=True)
            if i.code in {"SUPERVISION_DUE", "APPRAISAL_DUE", "MEETING_BEFORE_START"}]


def test_supervision_due_from_the_meetings_that_count_is_what_reading_every_meeting_said(db):
    from pa_manager.domain.training import APPRAISAL, SUPERVISION
    from pa_manager.services import training

    employer_id, other, quiet = _employer(db, "Ruth Ames"), _employer(db, "Sol Ng"), _employer(db, "Tia Roe")
    ann, ben = _pa(db, employer_id, "Ann Cole", start=date(2024, 3, 4)), _pa(db, employer_id, "Ben Dale")
    gone = _pa(db, employer_id, "Cy Fox", start=date(2024, 1, 8), leaving=date(2025, 6, 30))
    cal = _pa(db, other, "Cal Dunn", start=date(2026, 10, 5))
    _pa(db, quiet, "Di Gray")
    for employer in (employer_id, other, quiet):
        training.list_courses(db, employer)  # the usual courses: training is being kept
    for day in (date(2025, 2, 3), date(2025, 8, 11), date(2026, 5, 1), date(2026, 9, 14)):  # Ann's history of supervisions
        training.add_meeting(db, employer_id, ann, SUPERVISION, day)
    training.add_meeting(db, employer_id, ann, SUPERVISION, date(2024, 2, 1))  # before she started: a check, not held
    training.add_meeting(db, employer_id, ann, SUPERVISION, TODAY + timedelta(days=10))  # booked, not held yet
    training.add_meeting(db, employer_id, ann, APPRAISAL, date(2024, 3, 4))  # on her first day: counts
    training.add_meeting(db, employer_id, ben, APPRAISAL, TODAY)  # today itself counts
    training.add_meeting(db, employer_id, ben, APPRAISAL, date(2025, 11, 23))
    training.add_meeting(db, employer_id, gone, SUPERVISION, date(2023, 12, 1))  # before start, but they have left
    training.add_meeting(db, other, cal, SUPERVISION, TODAY + timedelta(days=3))  # the only meeting: in the future
    for employer in (employer_id, other, quiet):
        assert _supervision_items(db, employer, TODAY) == _supervision_items_from_every_meeting(db, employer, TODAY)
    ann_items = {i.code: i for i in _supervision_items(db, employer_id, TODAY) if i.pa_key == ann}
    assert ann_items["SUPERVISION_DUE"].due == date(2026, 12, 14)  # 14 September 2026 + 3 months, not the booked one
    assert ann_items["APPRAISAL_DUE"].due == date(2025, 3, 4)  # 4 March 2024 + 12 months
    assert ann_items["MEETING_BEFORE_START"].due == date(2024, 2, 1)
    assert not [i for i in _supervision_items(db, employer_id, TODAY) if i.pa_key == gone]
    cal_items = {i.code: i for i in _supervision_items(db, other, TODAY)}
    assert cal_items["SUPERVISION_DUE"].due == date(2027, 1, 5)  # none held yet: 5 October 2026 + 3 months
    assert _supervision_items(db, quiet, TODAY) == []  # no meetings at all: supervision is not being kept


# --- the employer's PAs, read as plain rows ---------------------------------------------------------


def _pas_as_stored_objects(db, employer_id):
    from pa_manager.domain.record_checks import name_key
    from pa_manager.services.mapping import pa_record

    with db.session() as s:
        rows = s.scalars(select(models.PersonalAssistant).where(models.PersonalAssistant.employer_id == employer_id))
        return [pa_record(r) for r in sorted(rows, key=lambda r: (name_key(r.name), r.id))]


def test_the_pas_read_as_rows_are_the_records_read_as_stored_objects(db, demo_db, today):
    from pa_manager.domain.people import BANK_HOLIDAY, SLEEP_IN_ALLOWANCE, WEEKEND

    for employer in employers.list_employers(demo_db, today):
        assert people.list_pas(demo_db, employer.id) == _pas_as_stored_objects(demo_db, employer.id)
    employer_id, other = _employer(db, "Ruth Ames"), _employer(db, "Sol Ng")
    ann = people.get_pa(db, _pa(db, employer_id, "ann Cole", leaving=date(2026, 12, 31)))
    lines = (PayRateEntry(date(2026, 4, 1), Decimal("13.50")), PayRateEntry(date(2025, 1, 6), Decimal("12.60")),
             PayRateEntry(date(2026, 4, 1), None, WEEKEND, multiplier=Decimal("1.5")),
             PayRateEntry(date(2026, 4, 1), Decimal("14.00"), BANK_HOLIDAY, "waking_night"),
             PayRateEntry(date(2026, 4, 1), Decimal("45.00"), SLEEP_IN_ALLOWANCE))
    people.save_pa(db, employer_id, replace(ann, pay_rates=lines), TODAY)
    _pa(db, employer_id, "Abe Cole")  # added later, listed first: by name, whatever the case
    _pa(db, other, "Cal Dunn")
    people.save_pa(db, employer_id, PARecord(name="Bo Ward"), TODAY)  # no pay lines, no dates
    found = people.list_pas(db, employer_id)
    assert found == _pas_as_stored_objects(db, employer_id)
    assert [p.name for p in found] == ["Abe Cole", "ann Cole", "Bo Ward"]
    assert [(r.effective_from, r.kind, r.shift_type) for r in found[1].pay_rates] == [
        (date(2025, 1, 6), "hourly", ""), (date(2026, 4, 1), "bank_holiday", "waking_night"),
        (date(2026, 4, 1), "hourly", ""), (date(2026, 4, 1), "sleep_in_allowance", ""), (date(2026, 4, 1), "weekend", "")]
    assert found[2].pay_rates == ()
    with db.session():  # a change not yet committed, read back in the same transaction
        people.save_pa(db, employer_id, replace(found[2], pay_rates=(PayRateEntry(date(2026, 5, 1), Decimal("13.00")),)),
                       TODAY)
        assert people.list_pas(db, employer_id) == _pas_as_stored_objects(db, employer_id)
        assert people.list_pas(db, employer_id)[2].pay_rates == (PayRateEntry(date(2026, 5, 1), Decimal("13.00")),)


def test_the_pay_runs_are_read_once_a_transaction_and_read_again_after_a_new_one(db):
    from sqlalchemy import event

    employer_id = _employer(db, "Ruth Ames")
    ann = _pa(db, employer_id, "Ann Cole", start=date(2026, 10, 1))
    _shifts(db, employer_id, ann, [date(2026, 10, 5), date(2026, 11, 2)])
    _run(db, employer_id, date(2026, 10, 1), date(2026, 10, 31))
    asked = []
    listener = lambda *args: asked.append(args[2]) if "pay_runs.period_start" in args[2] else None  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        with db.session() as s:
            assert pay_runs.default_pay_date(db, employer_id, TODAY) == date(2026, 11, 30)  # November is unpaid
            [unpaid] = pay_runs.unpaid_work(db, employer_id, TODAY)
            assert (unpaid.first_day, unpaid.last_day, unpaid.hours) == (date(2026, 11, 2), date(2026, 11, 2), 3)
            assert len([q for q in asked if "ORDER BY pay_runs.period_end" in q]) == 1
            s.add(models.PayRun(employer_id=employer_id, pay_date=date(2026, 11, 30), period_start=date(2026, 11, 1),
                                period_end=date(2026, 11, 30), frequency="monthly", tax_year="2026-27", period=8,
                                finalised_at=datetime(2026, 11, 30, tzinfo=timezone.utc)))
            s.flush()
            assert pay_runs.unpaid_work(db, employer_id, TODAY) == []  # November's run, read as soon as it is there
            assert pay_runs.default_pay_date(db, employer_id, TODAY) == date(2026, 12, 31)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
