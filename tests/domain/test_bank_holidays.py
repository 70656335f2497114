from datetime import date

import pytest

from pa_manager.domain.bank_holidays import BankHoliday, bank_holidays_between, is_bank_holiday
from pa_manager.domain.nation import Nation


def days(holidays) -> list[date]:
    return [h.day for h in holidays]


def in_year(nation: Nation, year: int) -> list[BankHoliday]:
    return bank_holidays_between(nation, date(year, 1, 1), date(year, 12, 31))


def test_england_2026() -> None:
    assert days(in_year(Nation.ENGLAND, 2026)) == [
        date(2026, 1, 1), date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 4), date(2026, 5, 25),
        date(2026, 8, 31), date(2026, 12, 25), date(2026, 12, 28),
    ]


def test_boxing_day_2026_is_a_saturday_so_monday_is_the_substitute() -> None:
    assert date(2026, 12, 26).weekday() == 5
    assert is_bank_holiday(date(2026, 12, 25), Nation.ENGLAND)
    assert not is_bank_holiday(date(2026, 12, 26), Nation.ENGLAND)
    assert is_bank_holiday(date(2026, 12, 28), Nation.ENGLAND)
    # Contracts that enhance the real date can ask for weekend dates too.
    assert is_bank_holiday(date(2026, 12, 26), Nation.ENGLAND, include_weekend_dates=True)
    assert days(bank_holidays_between(Nation.ENGLAND, date(2026, 12, 20), date(2026, 12, 31), include_weekend_dates=True)) == [
        date(2026, 12, 25), date(2026, 12, 26), date(2026, 12, 28),
    ]


def test_between_returns_date_and_name_pairs() -> None:
    found = bank_holidays_between(Nation.ENGLAND, date(2026, 12, 1), date(2026, 12, 31))
    assert all(isinstance(h, BankHoliday) for h in found)
    day, name = found[0]
    assert day == date(2026, 12, 25)
    assert isinstance(name, str) and name


def test_scotland_2026() -> None:
    found = days(in_year(Nation.SCOTLAND, 2026))
    assert date(2026, 1, 2) in found          # 2 January
    assert date(2026, 11, 30) in found        # St Andrew's Day, a Monday in 2026
    assert date(2026, 8, 3) in found          # first Monday in August
    assert date(2026, 4, 6) not in found      # no Easter Monday in Scotland
    assert date(2026, 8, 31) not in found     # no late-August holiday
    assert is_bank_holiday(date(2026, 1, 2), Nation.SCOTLAND)
    assert not is_bank_holiday(date(2026, 1, 2), Nation.ENGLAND)


def test_st_andrews_day_at_a_weekend_moves_to_monday() -> None:
    # 30 November 2025 is a Sunday.
    assert not is_bank_holiday(date(2025, 11, 30), Nation.SCOTLAND)
    assert is_bank_holiday(date(2025, 12, 1), Nation.SCOTLAND)


def test_northern_ireland_st_patricks_day() -> None:
    assert is_bank_holiday(date(2026, 3, 17), Nation.NORTHERN_IRELAND)
    assert not is_bank_holiday(date(2026, 3, 17), Nation.ENGLAND)


def test_northern_ireland_battle_of_the_boyne_2026_on_monday() -> None:
    # 12 July 2026 is a Sunday.
    assert not is_bank_holiday(date(2026, 7, 12), Nation.NORTHERN_IRELAND)
    assert is_bank_holiday(date(2026, 7, 13), Nation.NORTHERN_IRELAND)


def test_wales_matches_england_in_2026() -> None:
    assert days(in_year(Nation.WALES, 2026)) == days(in_year(Nation.ENGLAND, 2026))


def test_england_2025() -> None:
    assert days(in_year(Nation.ENGLAND, 2025)) == [
        date(2025, 1, 1), date(2025, 4, 18), date(2025, 4, 21), date(2025, 5, 5), date(2025, 5, 26),
        date(2025, 8, 25), date(2025, 12, 25), date(2025, 12, 26),
    ]


def test_between_spans_years_and_is_inclusive() -> None:
    found = days(bank_holidays_between(Nation.SCOTLAND, date(2025, 12, 25), date(2026, 1, 2)))
    assert found == [date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1), date(2026, 1, 2)]


def test_empty_and_reversed_ranges() -> None:
    assert bank_holidays_between(Nation.ENGLAND, date(2026, 6, 1), date(2026, 6, 30)) == []
    assert bank_holidays_between(Nation.ENGLAND, date(2026, 12, 31), date(2026, 1, 1)) == []


@pytest.mark.parametrize("nation", list(Nation))
def test_no_weekend_dates_by_default(nation: Nation) -> None:
    for year in range(2020, 2031):
        assert all(h.day.weekday() < 5 for h in in_year(nation, year))


@pytest.mark.parametrize("nation", list(Nation))
def test_every_nation_has_christmas(nation: Nation) -> None:
    assert is_bank_holiday(date(2025, 12, 25), nation)


def test_nation_given_as_its_value() -> None:
    assert is_bank_holiday(date(2026, 3, 17), "northern-ireland")  # type: ignore[arg-type]


@pytest.mark.parametrize("nation", list(Nation))
def test_the_dates_kept_in_the_package_are_the_librarys(nation) -> None:
    """data/bank_holidays.json holds what the `holidays` library says for every year it covers (after
    updating the library, run python -m pa_manager.data.bank_holidays to write it again)."""
    from pa_manager.domain.bank_holidays import TABLE_YEARS, _year, library_year

    for year in TABLE_YEARS:
        assert _year(nation, year) == library_year(nation, year), year


def test_years_outside_the_kept_table_come_from_the_library() -> None:
    from pa_manager.domain.bank_holidays import TABLE_YEARS

    assert 2045 not in TABLE_YEARS and 2010 not in TABLE_YEARS
    assert is_bank_holiday(date(2045, 12, 25), Nation.ENGLAND)
    assert is_bank_holiday(date(2010, 5, 3), Nation.SCOTLAND)  # the early May bank holiday
