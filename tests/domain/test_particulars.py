"""The written statement of employment particulars: every particular the Employment Rights Act 1996
asks for, for several kinds of PA; the law's notice; and when a change must be told in writing."""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, time
from decimal import Decimal

import pytest

from pa_manager.domain import particulars as law
from pa_manager.domain.compliance import DUE_SOON, MISSING, OK, OVERDUE
from pa_manager.domain.holiday import BANK_HOLIDAYS_EXTRA
from pa_manager.domain.particulars import StatementFacts, StatementTerms, WorkingPattern
from pa_manager.domain.people import BANK_HOLIDAY, SLEEP_IN_ALLOWANCE, PayRateEntry
from pa_manager.reports.statement import write_statement_html, write_statement_pdf
from pa_manager.statement_words import word_statement
from tests.reports.html_checks import accessibility_problems, page_text

TODAY = date(2026, 11, 23)
START = date(2026, 12, 1)

# Every particular the Act asks for (s.1(3), s.1(4) as amended from 6 April 2020, and the s.3 note),
# written out here from the Act, not from the code under test.
PROVISIONS = ("1(3)(a)", "1(3)(b)", "1(3)(c)", "1(4)(a)", "1(4)(b)", "1(4)(c)", "1(4)(d)(i)", "1(4)(d)(ii)",
              "1(4)(d)(iii)", "1(4)(d)(iv)", "1(4)(da)", "1(4)(e)", "1(4)(f)", "1(4)(g)", "1(4)(ga)", "1(4)(h)",
              "1(4)(j)", "1(4)(k)", "1(4)(l)", "1(4)(m)", "1(4)(n)", "3(1)(a)", "3(1)(b)(ii)")

WEEKDAY_MORNINGS = WorkingPattern((0, 1, 2, 3, 4), time(8), time(14), break_minutes=30, starts_on=START)


def facts(**changes) -> StatementFacts:
    base = StatementFacts(
        employer_name="Margaret Okafor", employer_address="14 Larch Close\nAshford Vale", employer_postcode="AV1 2QT",
        nation="england", pay_frequency="monthly", pension_provider="NEST",
        pension_employer_rate=Decimal("0.03"), pension_employee_rate=Decimal("0.05"),
        pa_name="Janet Moyo", start_date=START, job_title="Personal assistant",
        contracted_hours=Decimal("27.5"), irregular_hours=False, rolled_up_holiday=False,
        date_of_birth=date(1975, 5, 2), pay_rates=(PayRateEntry(START, Decimal("14.80")),),
        patterns=(WEEKDAY_MORNINGS,), required_courses=("Moving and handling", "First aid"),
        terms=StatementTerms(),
    )
    return replace(base, **changes)


FIXED_HOURS = facts()
IRREGULAR_HOURS = facts(pa_name="Tom Whitfield", contracted_hours=None, irregular_hours=True,
                        patterns=(WorkingPattern((2,), time(18), time(21), starts_on=START),))
YOUNG_WORKER = facts(pa_name="Priya Sandhu", date_of_birth=date(2009, 3, 14), contracted_hours=Decimal("9"),
                     pay_rates=(PayRateEntry(START, Decimal("8.00")),),
                     patterns=(WorkingPattern((5,), time(10), time(16), break_minutes=30, starts_on=START),))
SLEEP_INS = facts(pa_name="Sam Ellis", contracted_hours=Decimal("6"),
                  pay_rates=(PayRateEntry(START, Decimal("13.45")), PayRateEntry(START, Decimal("60.00"), SLEEP_IN_ALLOWANCE),
                             PayRateEntry(START, None, BANK_HOLIDAY, multiplier=Decimal("1.5"))),
                  patterns=(WorkingPattern((5, 6), time(22), time(8), "sleep_in", interval=2, starts_on=START),
                            WorkingPattern((2,), time(18), time(21), starts_on=START)))
KINDS = {"fixed hours": FIXED_HOURS, "irregular hours": IRREGULAR_HOURS, "young worker": YOUNG_WORKER,
         "sleep-ins": SLEEP_INS}


def _text(worded, code) -> str:
    return " ".join(worded.section(code).paragraphs)


def _pdf_text(path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext is not installed (Debian/Ubuntu package poppler-utils)")
    out = subprocess.run([tool, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


@pytest.mark.parametrize("kind", KINDS)
def test_every_particular_the_act_asks_for_is_in_the_statement(kind, tmp_path):
    statement = law.build_statement(KINDS[kind], TODAY)
    assert law.missing_codes(statement) == []
    worded = word_statement(statement, "england")
    assert [s.code for s in worded.sections] == list(law.READING_ORDER)
    for section in worded.sections:
        assert section.paragraphs and all(p.strip() for p in section.paragraphs), section.code
    write_statement_pdf(worded, tmp_path / "statement.pdf")
    text = _pdf_text(tmp_path / "statement.pdf")
    for provision in PROVISIONS:
        assert f"section {provision}" in text, provision  # each particular names the law that asks for it
    for section in worded.sections:
        assert section.heading in text
    # The names, the start and continuous employment dates, the job title and the place of work.
    person = KINDS[kind].pa_name
    assert f"between you, {person}, and your employer, Margaret Okafor" in text
    assert "Your job starts on 1 December 2026." in text and "Yours starts on 1 December 2026" in text
    assert "Your job title is Personal assistant." in text
    assert "14 Larch Close, Ashford Vale, AV1 2QT" in text
    assert "You are paid every month" in text
    assert "The pension scheme is NEST. Your employer pays in 3% of your qualifying earnings and you pay 5%" in text
    assert "You must complete this training: Moving and handling and First aid." in text
    assert "Your first 3 months, until 1 March 2027, are a probation period." in text
    assert "1 week's notice in writing" in text
    assert "Acas Code of Practice" in text


def test_fixed_hours_give_their_days_times_and_the_years_holiday_in_hours():
    worded = word_statement(law.build_statement(FIXED_HOURS, TODAY), "england")
    hours = _text(worded, law.HOURS)
    assert "Your normal working hours are 27.5 hours a week." in hours
    assert "Monday to Friday, 8am to 2pm, with a 30-minute unpaid break" in hours
    holiday = _text(worded, law.HOLIDAY)
    # 5.6 weeks x 27.5 hours = 154 hours; 5.6 x 5 days = 28 days (the cap exactly).
    assert "154 hours (28 days) for a whole holiday year" in holiday
    assert "1 April to 31 March" in holiday
    assert "12.07%" not in holiday


def test_the_employers_own_leave_year_is_the_holiday_year_in_the_statement():
    worded = word_statement(law.build_statement(replace(FIXED_HOURS, leave_year_starts=(1, 6)), TODAY), "england")
    assert "The holiday year runs from 6 January to 5 January." in _text(worded, law.HOLIDAY)


def test_irregular_hours_build_up_holiday_at_12_07_percent_and_say_how_hours_vary():
    worded = word_statement(law.build_statement(IRREGULAR_HOURS, TODAY), "england")
    assert "You do not have fixed hours" in _text(worded, law.HOURS)
    assert "Wednesday, 6pm to 9pm" in _text(worded, law.HOURS)
    holiday = _text(worded, law.HOLIDAY)
    assert "12.07% of the hours you work in each pay period" in holiday
    assert "average weekly pay over the last 52 weeks" in holiday
    rolled_up = word_statement(law.build_statement(replace(IRREGULAR_HOURS, rolled_up_holiday=True), TODAY), "england")
    assert "shown on its own line on your payslip" in _text(rolled_up, law.HOLIDAY)


def test_a_young_worker_is_told_the_limits_on_their_hours():
    worded = word_statement(law.build_statement(YOUNG_WORKER, TODAY), "england")
    hours = _text(worded, law.HOURS)
    assert "Because you are under 18" in hours
    assert "no more than 8 hours a day or 40 hours a week" in hours
    assert "at least 30 minutes when you work more than 4.5 hours" in hours
    assert "at least 12 hours off between working days and 2 days off each week" in hours
    assert "You will not work between 10pm and 6am." in hours
    # Saturday 10am to 4pm breaks no rule; a sleep-in would (night work).
    assert law.young_worker_problems(YOUNG_WORKER, TODAY) == []
    at_night = replace(YOUNG_WORKER, patterns=SLEEP_INS.patterns)
    assert law.young_worker_problems(at_night, START) == [law.YOUNG_WORKER_NIGHT_WORK]
    long_days = replace(YOUNG_WORKER, patterns=(WorkingPattern((0,), time(7), time(17), starts_on=START),))
    assert law.young_worker_problems(long_days, START) == [law.YOUNG_WORKER_LONG_SHIFT]
    # On their 18th birthday the limits stop applying.
    assert not law.build_statement(YOUNG_WORKER, date(2027, 3, 14)).get(law.HOURS).value("young_worker")
    assert law.build_statement(YOUNG_WORKER, date(2027, 3, 13)).get(law.HOURS).value("young_worker")


def test_sleep_ins_say_the_allowance_the_nights_and_the_bank_holiday_rate():
    worded = word_statement(law.build_statement(SLEEP_INS, TODAY), "england")
    pay = _text(worded, law.PAY)
    assert "You are paid £13.45 an hour, from 1 December 2026." in pay
    assert "For each sleep-in night you are paid an allowance of £60.00." in pay
    assert "On bank holidays you are paid 1.5 times your hourly rate." in pay
    hours = _text(worded, law.HOURS)
    assert "Saturday and Sunday, 10pm to 8am the next morning (sleep-in night), every other week" in hours
    assert "about 1 sleep-in night a week on average" in hours  # 2 nights every other week


def test_the_employers_choices_change_the_words():
    terms = StatementTerms(duration=law.FIXED_TERM, ends_on=date(2027, 6, 30), probation_months=0,
                           employer_notice_weeks=4, pa_notice_weeks=2, bank_holidays=BANK_HOLIDAYS_EXTRA,
                           other_benefits="A travel card for journeys to appointments.",
                           continuous_from=date(2025, 4, 1), payment_method=law.CASH,
                           place_of_work="14 Larch Close and the day centre on Mill Lane", also_out_and_about=False)
    worded = word_statement(law.build_statement(replace(FIXED_HOURS, terms=terms), TODAY), "england")
    assert _text(worded, law.DURATION) == "This is a fixed-term job. It ends on 30 June 2027."
    assert _text(worded, law.PROBATION) == "There is no probation period."
    notice = _text(worded, law.NOTICE)
    assert "they give you 4 weeks' notice, or more if the law asks for more" in notice
    assert "at least 2 weeks' notice in writing" in notice and "During your probation" not in notice
    assert "extra paid days off" in _text(worded, law.HOLIDAY)
    assert _text(worded, law.OTHER_BENEFITS) == "A travel card for journeys to appointments."
    assert "Yours starts on 1 April 2025, because earlier work counts towards it." in _text(worded, law.CONTINUOUS)
    assert "You are paid in cash." in _text(worded, law.PAY)
    assert _text(worded, law.PLACE).startswith("You work at 14 Larch Close and the day centre on Mill Lane.")


def test_a_statement_needs_a_start_date_and_a_pay_rate():
    with pytest.raises(law.StatementError) as no_start:
        law.build_statement(replace(FIXED_HOURS, start_date=None), TODAY)
    assert no_start.value.code == law.STATEMENT_NO_START_DATE
    with pytest.raises(law.StatementError) as no_rate:
        law.build_statement(replace(FIXED_HOURS, pay_rates=()), TODAY)
    assert no_rate.value.code == law.STATEMENT_NO_PAY_RATE


@pytest.mark.parametrize("terms, field, code", [
    (StatementTerms(duration=law.FIXED_TERM), "ends_on", law.TERMS_FIXED_TERM_END_MISSING),
    (StatementTerms(pa_notice_weeks=0), "pa_notice_weeks", law.TERMS_NUMBER_OUT_OF_RANGE),
    (StatementTerms(probation_months=13), "probation_months", law.TERMS_NUMBER_OUT_OF_RANGE),
    (StatementTerms(employer_notice_weeks=0), "employer_notice_weeks", law.TERMS_NUMBER_OUT_OF_RANGE),
    (StatementTerms(continuous_from=date(2026, 12, 2)), "continuous_from", law.TERMS_CONTINUOUS_AFTER_START),
    (StatementTerms(bank_holidays="sometimes"), "bank_holidays", law.TERMS_CHOICE_UNKNOWN),
])
def test_choices_the_law_or_sense_does_not_allow_are_refused(terms, field, code):
    assert law.check_terms(terms, START)[field][0] == code
    assert law.check_terms(StatementTerms(), START) == {}


# ERA s.86(1): none before a month; 1 week to 2 years; a week a complete year; at most 12.
@pytest.mark.parametrize("on, weeks", [
    (date(2026, 12, 31), 0), (date(2027, 1, 1), 1), (date(2028, 11, 30), 1), (date(2028, 12, 1), 2),
    (date(2031, 12, 1), 5), (date(2038, 11, 30), 11), (date(2038, 12, 1), 12), (date(2050, 1, 1), 12),
])
def test_the_laws_minimum_notice_from_an_employer_grows_with_service(on, weeks):
    assert law.statutory_employer_notice_weeks(START, on) == weeks


def test_the_particulars_must_be_stated_no_more_than_7_days_before_they_are_given():
    assert not law.as_at_problem(date(2026, 11, 23), date(2026, 11, 30))
    assert law.as_at_problem(date(2026, 11, 23), date(2026, 12, 1))
    assert law.as_at_problem(date(2026, 11, 23), date(2026, 11, 22))
    assert law.later_particulars_due(START) == date(2027, 2, 1)


def test_a_pay_rise_is_a_change_to_tell_within_a_month_of_it():
    given = law.build_statement(FIXED_HOURS, START).comparable()
    assert law.pending_change(FIXED_HOURS, given, START, date(2027, 2, 1)) is None
    rise = replace(FIXED_HOURS, pay_rates=(*FIXED_HOURS.pay_rates, PayRateEntry(date(2027, 4, 1), Decimal("15.50"))))
    # Not yet seen a month and more ahead; due soon once it is within 30 days.
    assert law.pending_change(rise, given, START, date(2027, 2, 1)) is None
    change = law.pending_change(rise, given, START, date(2027, 3, 10))
    assert change == law.PendingChange((law.PAY,), date(2027, 4, 1))
    assert law.change_notice_due(change.changed_on) == date(2027, 5, 1)
    assert law.change_item(1, "Janet Moyo", change, date(2027, 3, 10)).status == DUE_SOON
    assert law.change_item(1, "Janet Moyo", change, date(2027, 5, 1)).status == DUE_SOON
    assert law.change_item(1, "Janet Moyo", change, date(2027, 5, 2)).status == OVERDUE
    assert law.change_item(1, "Janet Moyo", change, date(2027, 3, 1), within_days=20).status == OK
    # Looking further ahead than the last date there is still finds it.
    assert law.pending_change(rise, given, START, date(2027, 2, 1), look_ahead_days=10**7) == change


def test_a_change_with_no_date_of_its_own_is_missing_until_told():
    given = law.build_statement(FIXED_HOURS, START).comparable()
    more_hours = replace(FIXED_HOURS, contracted_hours=Decimal("30"))
    change = law.pending_change(more_hours, given, START, date(2027, 1, 10))
    assert change.codes == (law.HOURS, law.HOLIDAY) and change.changed_on is None  # more hours, more holiday
    item = law.change_item(1, "Janet Moyo", change, date(2027, 1, 10))
    assert (item.status, item.due) == (MISSING, None)


def test_turning_18_changes_the_hours_particular_on_the_birthday():
    given = law.build_statement(YOUNG_WORKER, START).comparable()
    change = law.pending_change(YOUNG_WORKER, given, START, date(2027, 3, 20))
    assert change == law.PendingChange((law.HOURS,), date(2027, 3, 14))


def test_the_web_page_has_the_same_sections_and_reads_well_with_a_screen_reader(tmp_path):
    worded = word_statement(law.build_statement(SLEEP_INS, TODAY), "england")
    write_statement_html(worded, tmp_path / "statement.html")
    assert accessibility_problems(tmp_path / "statement.html") == []
    text = page_text(tmp_path / "statement.html")
    for number, section in enumerate(worded.sections, start=1):
        assert f"{number}. {section.heading}" in text
    assert "For each sleep-in night you are paid an allowance of £60.00." in text
    assert re.search(r"Employer Margaret Okafor\s+PA Sam Ellis", text)


def test_northern_ireland_cites_its_own_law():
    worded = word_statement(law.build_statement(FIXED_HOURS, TODAY), "northern-ireland")
    assert "Employment Rights (Northern Ireland) Order 1996" in worded.intro[0]
