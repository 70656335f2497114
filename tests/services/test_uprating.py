"""What an hour of care costs each council year, from a household's own rota and pay terms, and the letter
asking the council for a review: every figure worked out here by hand from hours x the rates in force.

The household: Ann, 40, on weekly payroll (no pension: she is not a member; the Employment Allowance
meets the employer's NI). Her rota: Mondays 09:00 to 14:00 (5 hours) and a sleep-in every Saturday,
22:00 to 08:00, never woken (paid by its allowance, no hours). Her terms: £12.21 an hour and £50 a night
from 1 April 2025; £12.71 and £55 from 1 April 2026. The council's rate: £15.00 in 2025-26, £15.40 in
2026-27, nothing recorded for 2027-28. Today is 23 November 2026.

2026-27 (1 April 2026 to 31 March 2027): 52 Mondays (6 April 2026 to 29 March 2027), 52 Saturdays
(4 April 2026 to 27 March 2027), so 260 hours and 52 nights.
  pay  52 x 5 x 12.71 = 3,304.60; nights 52 x 55 = 2,860.00
  holiday by tax week: Saturday 4 April 2026 alone (week 52 of 2025-26): 55 x 12.07% = 6.6385 -> 6.64;
    51 weeks of a Monday and a Saturday: 118.55 x 12.07% = 14.309485 -> 14.31; Monday 29 March 2027
    alone (week 52): 63.55 x 12.07% = 7.670485 -> 7.67. Total 6.64 + 51 x 14.31 + 7.67 = 744.12
  NI 51 x (132.86 - 96) x 15% = 51 x 5.53 = 282.03, all met by the allowance
  cost 3,304.60 + 2,860.00 + 744.12 = 6,908.72; an hour 6,908.72 / 260 = 26.572 -> 26.57
  against £15.40: 11.17 an hour short; 6,908.72 - 260 x 15.40 (4,004.00) = 2,904.72 a year
2025-26: 52 Mondays (7 April 2025 to 30 March 2026) and 52 Saturdays (5 April 2025 to 28 March 2026).
  pay 52 x 5 x 12.21 = 3,174.60; nights 52 x 50 = 2,600.00
  holiday 50 x 12.07% = 6.035 -> 6.04 (5 April 2025, alone); 51 x (111.05 x 12.07% = 13.403735 -> 13.40);
    61.05 x 12.07% = 7.368735 -> 7.37 (30 March 2026, alone): 6.04 + 683.40 + 7.37 = 696.81
  cost 3,174.60 + 2,600.00 + 696.81 = 6,471.41; an hour 24.8900 -> 24.89; 9.89 short of £15.00
2027-28, costed as a need: the NLW becomes £13.21 (not yet confirmed), so Ann's £12.71 rises to it.
  52 Mondays (5 April 2027 to 27 March 2028), 52 Saturdays (3 April 2027 to 25 March 2028).
  pay 52 x 5 x 13.21 = 3,434.60; nights 2,860.00
  holiday 6.64 (3 April 2027, alone) + 66.05 x 12.07% = 7.972235 -> 7.97 (5 April 2027, alone)
    + 51 x (121.05 x 12.07% = 14.610735 -> 14.61) = 759.72
  cost 3,434.60 + 2,860.00 + 759.72 = 7,054.32; an hour 27.132 -> 27.13; 11.73 short of £15.40 if it stays
  The lines of an hour, each running total over 260 hours rounded once: pay 3,434.60 -> 13.21;
    + nights 6,294.60 -> 24.21; + holiday 7,054.32 -> 27.13: so 13.21, 11.00, 2.92, 0.00 NI, 0.00 pension.
"""
from datetime import date, time
from decimal import Decimal

import pytest

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import SLEEP_IN_ALLOWANCE, PARecord, PayRateEntry
from pa_manager.domain.rota import MONDAY, SATURDAY, RotaPattern
from pa_manager.domain.shifts import ShiftType
from pa_manager.services import budget, employers, people
from pa_manager.budget_words import cost_table, gap_lines, history_rows
from pa_manager.services.budget_report import build_review_letter
from pa_manager.services.errors import ServiceError
from pa_manager.services.rota import save_pattern
from pa_manager.messages import say

D = Decimal
TODAY = date(2026, 11, 23)


@pytest.fixture
def ann_household(db):
    employer = employers.save_employer(db, EmployerRecord(
        name="Ruth Ames", council="Brackenfield Borough Council", address="2 Mill Row\nBrackenfield",
        postcode="BF1 1AA", pay_frequency=PayFrequency.WEEKLY))
    ann = people.save_pa(db, employer.id, PARecord(
        name="Ann Cole", date_of_birth=date(1986, 6, 1), start_date=date(2025, 1, 6), tax_code="1257L",
        pay_rates=(PayRateEntry(date(2025, 4, 1), D("12.21")), PayRateEntry(date(2026, 4, 1), D("12.71")),
                   PayRateEntry(date(2025, 4, 1), D("50.00"), SLEEP_IN_ALLOWANCE),
                   PayRateEntry(date(2026, 4, 1), D("55.00"), SLEEP_IN_ALLOWANCE))), TODAY)
    save_pattern(db, employer.id, RotaPattern("Mondays", ann.id, time(9), time(14), frozenset({MONDAY}), date(2025, 1, 6)))
    save_pattern(db, employer.id, RotaPattern("Sleep-in", ann.id, time(22), time(8), frozenset({SATURDAY}),
                                              date(2025, 1, 4), shift_type=ShiftType.SLEEP_IN))
    for label, rate in (("2025-26", "15.00"), ("2026-27", "15.40")):
        budget.save_year(db, employer.id, budget.make_year(label=label, amount=D("500.00"), basis="weekly",
                                                           council_hourly_rate=D(rate)))
    return employer.id


def test_each_year_is_costed_at_the_rates_in_force_in_it(db, ann_household):
    up = budget.uprating(db, ann_household, "2026-27", TODAY)
    year, coming = up.year, up.coming
    assert (year.label, year.hours, year.nights) == ("2026-27", D("260"), 52)
    assert (year.basic_pay, year.allowances, year.holiday_pay) == (D("3304.60"), D("2860.00"), D("744.12"))
    assert (year.employer_ni, year.employment_allowance, year.employer_pension) == (D("282.03"), D("282.03"), D("0"))
    assert (year.total, year.hourly_cost, year.gap_per_hour, year.gap_per_year) == (
        D("6908.72"), D("26.57"), D("11.17"), D("2904.72"))
    assert not year.raised_to_floor and year.council_rate_recorded

    before = budget.uprating(db, ann_household, "2025-26", TODAY)
    assert before.coming is None  # that year is over: there is no "next April" to ask about
    assert (before.year.basic_pay, before.year.allowances, before.year.holiday_pay) == (
        D("3174.60"), D("2600.00"), D("696.81"))
    assert (before.year.total, before.year.hourly_cost, before.year.gap_per_hour) == (D("6471.41"), D("24.89"),
                                                                                      D("9.89"))


def test_next_april_raises_pay_to_the_new_minimum_and_keeps_the_council_rate_if_unchanged(db, ann_household):
    coming = budget.uprating(db, ann_household, "2026-27", TODAY).coming
    assert (coming.label, coming.council_rate, coming.council_rate_recorded) == ("2027-28", D("15.40"), False)
    assert [(r.name, r.from_rate, r.to_rate) for r in coming.raises] == [("Ann Cole", D("12.71"), D("13.21"))]
    assert (coming.basic_pay, coming.holiday_pay, coming.total) == (D("3434.60"), D("759.72"), D("7054.32"))
    assert (coming.hourly_cost, coming.gap_per_hour) == (D("27.13"), D("11.73"))
    assert [(line.code, line.per_hour) for line in coming.lines()] == [
        ("FLOOR_PAY", D("13.21")), ("SLEEP_INS", D("11.00")), ("HOLIDAY_PAY", D("2.92")), ("EMPLOYER_NI", D("0.00")),
        ("EMPLOYER_PENSION", D("0.00"))]
    # Once the council records its 2027-28 rate, that rate is the one compared: one rate a year.
    budget.save_year(db, ann_household, budget.make_year(label="2027-28", amount=D("520.00"), basis="weekly",
                                                         council_hourly_rate=D("27.50")))
    recorded = budget.uprating(db, ann_household, "2026-27", TODAY).coming
    assert (recorded.council_rate, recorded.council_rate_recorded, recorded.gap_per_hour) == (D("27.50"), True, D("-0.37"))


def test_a_leaver_is_costed_only_while_employed(db, ann_household):
    # Ann leaves on 30 September 2026 with her rota left running: 2026-27 has her Mondays from 6 April
    # to 28 September (26) and Saturdays from 4 April to 26 September (26) only.
    ann = people.list_pas(db, ann_household)[0]
    from dataclasses import replace
    people.save_pa(db, ann_household, replace(ann, leaving_date=date(2026, 9, 30)), TODAY)
    year = budget.uprating(db, ann_household, "2026-27", TODAY).year
    assert (year.hours, year.nights, year.basic_pay) == (D("130"), 26, D("1652.30"))
    assert budget.uprating(db, ann_household, "2026-27", TODAY).coming is None  # nobody to pay next year


def test_the_page_and_report_say_one_council_rate_a_year_and_rises_rounded_once(db, ann_household):
    up = budget.uprating(db, ann_household, "2026-27", TODAY)
    rows = history_rows(up)
    # 15.40 / 15.00 = 2.6667% -> 2.67%; NLW 12.71 / 12.21 = 4.0950% -> 4.10%; RLW 13.45 / 12.60 = 6.7460% -> 6.75%
    assert rows[-1] == ("2026-27", "£15.40", "2.67%", "£12.71", "4.10%", "£13.45", "6.75%")
    headings, table = cost_table(up, TODAY)
    assert headings == ("What an hour costs", "2026-27", "From 1 April 2027")
    council = next(row for row in table if row[0] == "The council's rate an hour")
    assert council == ("The council's rate an hour", "£15.40", "£15.40 if unchanged")
    cost = next(row for row in table if row[0] == "Cost of an hour")
    assert cost == ("Cost of an hour", "£26.57", "£27.13")
    lines = gap_lines(up, TODAY)
    assert lines[0] == ("warning", "Short in 2026-27: the council pays £15.40 an hour. Your PAs' planned work (260 "
                                   "hours and 52 sleep-in nights) at that year's pay rates, with holiday pay, National "
                                   "Insurance and pension on top, costs £26.57 an hour. You are £11.17 an hour "
                                   "(£2,904.72 a year) short.")
    assert lines[1][1].startswith("Short from 1 April 2027: the National Living Wage rises from £12.71 to £13.21 an "
                                  "hour (not yet confirmed). With every PA paid at least the legal minimum for their "
                                  "age, your PAs' planned work (260 hours and 52 sleep-in nights) will cost £27.13 an "
                                  "hour. That means raising Ann Cole from £12.71 to £13.21 an hour.")


def test_the_letter_asks_for_the_year_ahead_line_by_line(db, ann_household):
    letter = build_review_letter(db, ann_household, "2026-27", TODAY)
    assert (letter.current_label, letter.coming.label, letter.coming.starts_on) == ("2026-27", "2027-28", date(2027, 4, 1))
    assert letter.lines == (
        ("Pay at the legal minimum for each PA's age", D("3434.60"), D("13.21")),
        ("Sleep-in nights (52 nights at £55.00)", D("2860.00"), D("11.00")),
        ("Holiday pay (12.07% of pay)", D("759.72"), D("2.92")),
        ("Employer's National Insurance after the Employment Allowance", D("0.00"), D("0.00")),
        ("Employer's pension contributions", D("0.00"), D("0.00")))
    assert sum(line[1] for line in letter.lines) == letter.total == D("7054.32")
    assert sum(line[2] for line in letter.lines) == letter.coming.hourly_cost == D("27.13")
    assert (letter.council_rate, letter.council_rise) == (D("15.40"), "2.67%")
    assert (letter.now.hourly_cost, letter.now.gap_per_year) == (D("26.57"), D("2904.72"))
    assert letter.raises == ("one PA from £12.71 to £13.21 an hour",)
    assert "2026-27 figures" in letter.notes  # NI for 2027-28 is not published yet
    # The letter for the year ahead can also be asked for from that year itself, once it is recorded.
    budget.save_year(db, ann_household, budget.make_year(label="2027-28", amount=D("520.00"), basis="weekly",
                                                         council_hourly_rate=D("15.80")))
    assert build_review_letter(db, ann_household, "2027-28", TODAY).coming.council_rate == D("15.80")


def test_a_letter_for_a_year_gone_by_is_refused_in_words(db, ann_household):
    with pytest.raises(ServiceError) as raised:
        build_review_letter(db, ann_household, "2025-26", TODAY)
    assert say(raised.value) == ("The 2025-26 budget year ended on 31 March 2026, so it is too late to ask for a review "
                                 "of it: a letter asking for a review is for the year ahead, so choose 2026-27 and the "
                                 "letter asks the council to review your direct payment from 1 April 2027.")


def test_no_letter_when_the_year_ahead_is_covered(db, ann_household):
    budget.save_year(db, ann_household, budget.make_year(label="2027-28", amount=D("520.00"), basis="weekly",
                                                         council_hourly_rate=D("27.13")))
    with pytest.raises(ServiceError) as raised:
        build_review_letter(db, ann_household, "2026-27", TODAY)
    assert "covers your PAs' pay and the costs on top from 1 April 2027" in say(raised.value)
