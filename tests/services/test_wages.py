"""Each PA's pay against the legal minimum and the Living Wage, and the warnings before a change."""
from dataclasses import replace
from datetime import date
from decimal import Decimal


from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import employers, people, wages
from pa_manager.services.errors import ServiceError
from pa_manager.wording import standing_lines, wage_warning_sentence
from tests.saying import raises_saying


def _pa(name, born, rate, since=date(2025, 4, 1), **more):
    return PARecord(name=name, date_of_birth=born, start_date=date(2025, 1, 6),
                    pay_rates=(PayRateEntry(since, Decimal(rate)),), **more)


def test_standing_of_each_demo_pa(demo_db, today):
    employer = employers.find_employer(demo_db, "Margaret Okafor")
    standing = {s.pa_name: s for s in wages.wage_standings(demo_db, employer.id, today)}
    assert set(standing) == {"Janet Moyo", "Tom Whitfield", "Priya Sandhu", "Leah Grant"}  # Sam Ellis has left
    priya = standing["Priya Sandhu"]
    assert (priya.check.band, priya.check.minimum_hourly_rate, priya.current_rate) == ("18-20", Decimal("10.85"), Decimal("11.20"))
    assert priya.gap_to_minimum == Decimal("0.35") and priya.check.meets_minimum
    assert priya.check.meets_real_living_wage is False
    assert standing["Janet Moyo"].check.band == "NLW" and standing["Janet Moyo"].check.meets_real_living_wage


def test_a_pa_paid_below_the_minimum_is_told_by_how_much(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="E"))
    people.save_pa(db, employer.id, _pa("Low Paid", date(1990, 1, 1), "12.29"), today)
    [standing] = wages.wage_standings(db, employer.id, today)
    assert not standing.check.meets_minimum and standing.gap_to_minimum == Decimal("-0.42")
    status, sentence = standing_lines(standing)[0]
    assert status == "below" and sentence.startswith("Below the legal minimum by £0.42 an hour.")


def test_january_warning_for_a_pa_below_next_aprils_rate(db):
    employer = employers.save_employer(db, EmployerRecord(name="E"))
    january = date(2026, 1, 15)
    people.save_pa(db, employer.id, _pa("Ann Reid", date(1980, 5, 5), "12.50"), january)
    [item] = wages.wage_warnings(db, employer.id, january)
    assert item.warning.code == "NMW_APRIL_RISE_BELOW"
    assert (item.warning.on, item.warning.rate) == (date(2026, 4, 1), Decimal("12.71"))
    sentence = wage_warning_sentence(item.pa_name, item.warning, item.age_then)
    assert sentence.startswith("From 1 April 2026 you need to pay Ann Reid at least £12.71 an hour")
    # In December the rise is not yet announced to the user.
    assert wages.wage_warnings(db, employer.id, date(2025, 12, 15)) == []


def test_a_birthday_that_changes_the_band_is_warned_about(db):
    employer = employers.save_employer(db, EmployerRecord(name="E"))
    today = date(2026, 11, 23)
    people.save_pa(db, employer.id, _pa("Kai Dunn", date(2005, 12, 20), "11.00"), today)  # turns 21 on 20 Dec 2026
    [item] = wages.wage_warnings(db, employer.id, today)
    assert item.warning.code == "BAND_CHANGE_BIRTHDAY" and item.age_then == 21
    assert (item.warning.band, item.warning.rate) == ("NLW", Decimal("12.71"))
    sentence = wage_warning_sentence(item.pa_name, item.warning, item.age_then)
    assert "Kai Dunn turns 21 on 20 December 2026" in sentence and "raise their rate by then" in sentence


def test_the_real_living_wage_pay_by_date_only_for_employers_who_follow_it(db):
    today = date(2025, 11, 1)  # the 2025 rate (£13.45) was announced on 22 October 2025, to pay by 1 May 2026
    employer = employers.save_employer(db, EmployerRecord(name="E"))
    people.save_pa(db, employer.id, _pa("Lou Park", date(1985, 2, 2), "13.00", since=date(2025, 4, 1)), today)
    assert [w.warning.code for w in wages.wage_warnings(db, employer.id, today)] == []
    employers.save_employer(db, replace(employer, follows_real_living_wage=True))
    [item] = wages.wage_warnings(db, employer.id, today)
    assert (item.warning.code, item.warning.on, item.warning.rate) == ("RLW_PAY_BY", date(2026, 5, 1), Decimal("13.45"))


def test_the_care_wage_benchmark_is_shown_when_switched_on(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="E", care_wage_benchmark=True, care_wage_uplift=Decimal("2.00")))
    people.save_pa(db, employer.id, _pa("Mo Ali", date(1980, 1, 1), "14.00", since=date(2026, 4, 1)), today)
    [standing] = wages.wage_standings(db, employer.id, today)
    assert standing.check.care_wage_rate == Decimal("14.71")  # NLW 12.71 + 2.00
    assert any("Below the National Minimum Care Wage campaign figure of £14.71 an hour" in s for _, s in standing_lines(standing))


def test_a_period_before_the_birth_is_refused_in_words_and_has_no_standing():
    with raises_saying(ServiceError, "starts before the date of birth"):
        wages.check_wage(period_start=date(2026, 5, 1), period_end=date(2026, 5, 31), hours=Decimal("10"),
                         pay=Decimal("130"), date_of_birth=date(2026, 5, 2))
    unborn = _pa("Not Yet", date(2026, 5, 2), "13.00")
    assert wages.wage_standing(unborn, EmployerRecord(name="E"), date(2026, 5, 1)) is None
