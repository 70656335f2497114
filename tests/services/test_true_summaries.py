"""Every summary line says what the items beneath it say: the compliance report, the training report,
the dashboard and `due`, and the budget's status beside its chart. Checked on the demo, on a household
with gaps, and on many random households."""
from __future__ import annotations

import re
import subprocess
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pa_manager.domain import compliance as rules
from pa_manager.domain import training as training_rules
from pa_manager.domain.budget import BudgetYear, LedgerEntry
from pa_manager.domain.compliance import Contract, DBSCheck, Reference, RightToWorkCheck
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.forecast import OnCosts, PlannedCost, forecast_year_end
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord
from pa_manager.services import checks, employers, people, training
from pa_manager.services import due
from pa_manager.budget_words import forecast_line
from pa_manager.services.compliance_report import build_compliance_report, save_compliance_report
from pa_manager.services.dashboard import load_dashboard
from pa_manager.services.training_report import build_training_report, save_training_report
from pa_manager.wording import summary_words

TODAY = date(2026, 11, 23)
WORDS = {"overdue": "overdue", "due_soon": "due in the next 30 days", "missing": "missing", "warning": "to check"}


def assert_summary_matches(summary_word: str, summary_text: str, statuses: list[str]) -> None:
    """The summary names exactly the counts of the lines it sums up, and says "Nothing to do" only
    when none of them needs doing."""
    open_lines = [s for s in statuses if s in WORDS]
    if not open_lines:
        assert summary_word == "Nothing to do", (summary_word, summary_text, statuses)
        return
    assert summary_word == "To do", (summary_word, summary_text, statuses)
    for status, words in WORDS.items():
        count = statuses.count(status)
        found = re.search(rf"(\d+) {re.escape(words)}(?:[,.])", summary_text)
        assert (int(found.group(1)) if found else 0) == count, (status, summary_text, statuses)


def check_compliance_report(report) -> None:
    every = [line.status for line in report.employer_lines]
    assert_summary_matches(report.employer_summary.word, report.employer_summary.words, every[:])
    for section in report.pas:
        statuses = [line.status for line in section.lines]
        assert_summary_matches(section.summary.word, section.summary.words, statuses)
        every += statuses
        if section.leaving_date is None or section.leaving_date >= report.made_on:
            # A current PA with no DBS check recorded is never "done": the line says it is missing.
            if dict(section.records)["DBS check"] == "None recorded.":
                assert any("Get a DBS check" in line.words for line in section.lines)
    assert_summary_matches(report.summary.word, report.summary.words, every)


def check_training_report(report) -> None:
    statuses = [line.state for line in report.summary]
    code, text = report.summary_words
    word = "To do" if text.startswith("To do:") else "Nothing to do"
    assert_summary_matches(word, text, statuses)
    listed = {(line.pa_name, line.course) for line in report.summary}
    for pa in report.pas:
        for course in pa.courses:  # every course the table marks as needing action is in the summary
            if course.state in (training_rules.EXPIRED, training_rules.MISSING, training_rules.DUE_SOON):
                assert (pa.name, course.course) in listed, (pa.name, course.course, listed)
        for label, text in pa.meetings:  # and every meeting the rows call overdue or due, or to check
            if "Overdue" in text or re.search(r"Due (today|tomorrow|in \d+ days)", text) or "check it" in text:
                assert (pa.name, label) in listed, (pa.name, label, text, listed)


# --- the household with gaps -----------------------------------------------------------------------
#
# Bea started on 1 June 2026: no DBS check; her permission to work ends on 13 December 2026 (in 20
# days); references, statement and induction done. Cal worked from 1 March 2025 to 31 August 2026: right
# to work checked, no DBS check. No insurance recorded. Registered with HMRC, declaration made.
# Bea's supervision was on 1 July 2026 (next due 1 October: overdue); an appraisal is recorded on 1 May
# 2026, before she started.


@pytest.fixture
def gaps(db):
    employer = employers.save_employer(db, EmployerRecord(
        name="Hana Brook", council="Brackenfield Borough Council", paye_registered_on=date(2025, 2, 1),
        declaration_of_compliance_on=date(2025, 6, 1)))
    bea = people.save_pa(db, employer.id, PARecord(name="Bea Lowe", start_date=date(2026, 6, 1)), TODAY)
    cal = people.save_pa(db, employer.id, PARecord(name="Cal Shaw", start_date=date(2025, 3, 1),
                                                   leaving_date=date(2026, 8, 31)), TODAY)
    checks.save_right_to_work(db, employer.id, bea.id, RightToWorkCheck(
        "online_share_code", date(2026, 5, 20), "Share code", permission_expires=date(2026, 12, 13)))
    checks.save_right_to_work(db, employer.id, cal.id, RightToWorkCheck("manual_document", date(2025, 2, 20), "UK passport"))
    for pa in (bea, cal):
        for n in range(2):
            checks.save_reference(db, employer.id, pa.id, Reference(f"Referee {n}", pa.start_date - timedelta(days=30),
                                                                    pa.start_date - timedelta(days=20), True))
        checks.save_contract(db, employer.id, pa.id, Contract(pa.start_date, pa.start_date, True,
                                                              pa.start_date + timedelta(weeks=4)))
    training.ensure_catalogue(db, employer.id)
    training.add_meeting(db, employer.id, bea.id, "supervision", date(2026, 7, 1))
    training.add_meeting(db, employer.id, bea.id, "appraisal", date(2026, 5, 1))
    return employer.id


def test_the_compliance_report_of_a_household_with_gaps_says_so(db, gaps, tmp_path):
    report = build_compliance_report(db, gaps, TODAY)
    check_compliance_report(report)
    bea, cal = report.pas
    assert (bea.summary.word, bea.summary.words) == ("To do", "1 overdue, 1 due in the next 30 days.")
    assert [(line.word, line.words) for line in bea.lines] == [
        ("Overdue", "Get a DBS check for Bea Lowe through your council or a DBS umbrella body – an enhanced check with "
                    "the adults' barred list is usual for personal care. It was due on 1 June 2026."),
        ("Due soon", "Check Bea Lowe's right to work again before their permission to work in the UK ends. Due on 13 "
                     "December 2026, in 20 days.")]
    assert cal.summary.word == "Nothing to do"
    assert cal.summary.words.startswith("They left on 31 August 2026, so no checks are due for them. Next, on 31 "
                                        "August 2028: Delete Cal Shaw's right-to-work copies")
    assert (report.employer_summary.word, report.employer_summary.words) == ("To do", "1 missing.")
    assert report.employer_lines[0].words.startswith("Record your employer's liability insurance")
    assert (report.summary.word, report.summary.words) == ("To do", "1 overdue, 1 due in the next 30 days, 1 missing.")
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(save_compliance_report(db, gaps, tmp_path / "c.pdf", TODAY)),
                                    "-"], capture_output=True, text=True).stdout.split())
    assert "Record your employer's liability insurance" in text and "Renew your employer's" not in text
    assert "All checks are done" not in text


def test_the_training_report_of_a_household_with_gaps_says_so(db, gaps, tmp_path):
    report = build_training_report(db, gaps, TODAY)
    check_training_report(report)
    assert [(line.word, line.pa_name, line.course, line.details) for line in report.summary] == [
        ("Overdue", "Bea Lowe", "Supervision", "Was due by 1 October 2026. Hold a supervision meeting."),
        ("Check", "Bea Lowe", "Appraisal", "Recorded as 1 May 2026, before they started on 1 June 2026. Correct the date.")]
    (bea,) = report.pas  # Cal has left
    assert dict(bea.meetings) == {
        "Supervision": "Held 1 July 2026. Overdue: it was due by 1 October 2026.",
        # The appraisal dated before the start does not count: the first is due a year from the start.
        "Appraisal": "Held 1 May 2026. The date 1 May 2026 is before they started, so it is not counted: check it. "
                     "Next due by 1 June 2027."}
    assert report.summary_words == ("below", "To do: 1 overdue, 1 to check.")
    save_training_report(db, gaps, tmp_path / "t.pdf", TODAY)


def test_the_dashboard_and_due_list_the_same_items(db, gaps):
    dashboard = load_dashboard(db, gaps, TODAY)
    assert dashboard.due == tuple(due.due_list(db, gaps, TODAY))
    assert {(i.code, i.pa_name) for i in dashboard.due} >= {
        ("DBS_MISSING", "Bea Lowe"), ("RIGHT_TO_WORK_FOLLOW_UP", "Bea Lowe"), ("INSURANCE_MISSING", None),
        ("SUPERVISION_DUE", "Bea Lowe"), ("MEETING_BEFORE_START", "Bea Lowe")}


# --- the demo --------------------------------------------------------------------------------------


def test_the_demo_reports_are_true(demo_db):
    margaret = employers.find_employer(demo_db, "Margaret Okafor").id
    report = build_compliance_report(demo_db, margaret, TODAY)
    check_compliance_report(report)
    sections = {s.name: s for s in report.pas}
    # Tom's permission to work ends on 7 January 2027, in 45 days: beyond the 30-day window, so in date,
    # and the summary names it as what comes next rather than calling everything done.
    assert sections["Tom Whitfield"].summary.words.startswith(
        "Nothing is overdue, due in the next 30 days, missing or to check. Next, on 7 January 2027: Check Tom "
        "Whitfield's right to work again")
    # Sam left with no DBS check recorded: nothing is due, and nothing claims the checks were done.
    assert sections["Sam Ellis"].summary.words.startswith("They left on 30 September 2025, so no checks are due")
    check_training_report(build_training_report(demo_db, margaret, TODAY))


# --- many random households ------------------------------------------------------------------------

days = st.integers(min_value=-1500, max_value=120).map(lambda n: TODAY + timedelta(days=n))
maybe_days = st.one_of(st.none(), days)


@st.composite
def pa_records(draw, n: int):
    start = draw(days)
    left = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=900).map(lambda k: start + timedelta(days=k))))
    return dict(
        pa=PARecord(name=f"PA {n}", start_date=start, leaving_date=left),
        dbs=draw(st.lists(days.map(lambda d: DBSCheck("enhanced", "001234567890", d)), max_size=1)),
        rtw=draw(st.lists(st.builds(lambda d, e: RightToWorkCheck("manual_document", d, "Passport",
                                                                   None if e is None else max(e, d)), days, maybe_days),
                          max_size=1)),
        references=draw(st.integers(min_value=0, max_value=2)),
        contract=draw(st.booleans()),
        meetings=draw(st.lists(st.tuples(st.sampled_from(["supervision", "appraisal"]), days), max_size=3)),
        courses=draw(st.lists(st.tuples(st.sampled_from(["first_aid", "moving_and_handling", "medication"]), days),
                              max_size=3)),
    )


@st.composite
def households(draw):
    return dict(
        insurance=draw(maybe_days), paye=draw(maybe_days), declared=draw(maybe_days),
        required=draw(st.sets(st.sampled_from(["first_aid", "moving_and_handling", "medication"]))),
        pas=[draw(pa_records(n)) for n in range(draw(st.integers(min_value=0, max_value=3)))],
    )


def _store(db, household, n: int) -> int:
    employer = employers.save_employer(db, EmployerRecord(
        name=f"Household {n}", insurance_renewal_date=household["insurance"], paye_registered_on=household["paye"],
        declaration_of_compliance_on=household["declared"]))
    courses = {c.course.key: c for c in training.list_courses(db, employer.id)}
    for key in household["required"]:
        c = courses[key]
        training.save_course(db, employer.id, "", c.course.refresh_months, required_for_everyone=True, course_id=c.id)
    for data in household["pas"]:
        pa = people.save_pa(db, employer.id, data["pa"], TODAY)
        for check in data["dbs"]:
            checks.save_dbs_check(db, employer.id, pa.id, check)
        for check in data["rtw"]:
            checks.save_right_to_work(db, employer.id, pa.id, check)
        for k in range(data["references"]):
            checks.save_reference(db, employer.id, pa.id, Reference(f"Referee {k}", None, TODAY - timedelta(days=400), True))
        if data["contract"]:
            checks.save_contract(db, employer.id, pa.id, Contract(pa.start_date, pa.start_date, True, pa.start_date))
        for kind, held in data["meetings"]:
            training.add_meeting(db, employer.id, pa.id, kind, held)
        for key, done in data["courses"]:
            if done <= TODAY:
                training.save_record(db, employer.id, pa.id, courses[key].id, done)
    return employer.id


COUNTER = iter(range(10**6))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(household=households())
def test_every_summary_agrees_with_its_items_in_any_household(db, household):
    employer_id = _store(db, household, next(COUNTER))
    check_compliance_report(build_compliance_report(db, employer_id, TODAY))
    check_training_report(build_training_report(db, employer_id, TODAY))
    shown = load_dashboard(db, employer_id, TODAY).due
    assert shown == tuple(due.due_list(db, employer_id, TODAY))
    _, word, text = summary_words(rules.summarise(shown), TODAY)
    assert_summary_matches(word, text, [i.status for i in shown])


# --- the budget's status and its chart ---------------------------------------------------------------

lines = st.lists(st.builds(
    PlannedCost, on=st.integers(min_value=0, max_value=364).map(lambda n: date(2026, 4, 1) + timedelta(days=n)),
    pa_key=st.sampled_from(["ann", "bob"]), gross_pay=st.integers(min_value=0, max_value=60_000).map(lambda p: Decimal(p) / 100),
    hours=st.integers(min_value=0, max_value=40).map(Decimal)), max_size=30)


@settings(max_examples=80, deadline=None)
@given(lines, st.integers(min_value=0, max_value=364), st.integers(min_value=-2000, max_value=9000),
       st.integers(min_value=0, max_value=900))
def test_the_budget_status_agrees_with_the_months_the_chart_draws(planned, as_of_day, opening, weekly):
    year = BudgetYear("2026-27", Decimal(weekly), "weekly", Decimal("15.00"), opening_balance=Decimal(opening),
                      first_payment_on=date(2026, 4, 3))
    as_of = date(2026, 4, 1) + timedelta(days=as_of_day)
    ledger = [LedgerEntry(date(2026, 4, 10), Decimal("-100.00"), "other")]
    forecast = forecast_year_end(year, ledger, planned, OnCosts(PayFrequency.MONTHLY, Decimal("0.03"), Decimal("520"),
                                                                Decimal("4189")), as_of=as_of)
    code, words = forecast_line(forecast, year)
    highest = max(m.closing_balance for m in forecast.months)
    if words.startswith("On track"):
        assert highest <= year.surplus_limit and forecast.runs_out_on is None
    if highest > year.surplus_limit and forecast.runs_out_on is None:
        assert words.startswith(("Over the council's surplus limit", "Above the surplus limit")), words
    if forecast.runs_out_on is not None:
        assert words.startswith("Runs out on") and code == "below"
