"""Keeping good PAs: length of service, and what the exit records of leavers add up to."""
from __future__ import annotations

from datetime import date

import pytest

from pa_manager.domain import keeping as k
from pa_manager.keeping_words import length_words, retention_words, service_words

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize("start, until, words", [
    (date(2017, 9, 1), TODAY, "9 years and 2 months"),
    (date(2025, 11, 23), TODAY, "1 year"),
    (date(2026, 6, 2), TODAY, "5 months"),
    (date(2026, 11, 2), TODAY, "3 weeks"),
    (date(2026, 11, 20), TODAY, "4 days"),
    (TODAY, TODAY, "1 day"),
    (date(2024, 2, 29), date(2026, 2, 28), "1 year and 11 months"),  # a leap day start: not two years yet
])
def test_length_of_service_in_words(start, until, words):
    assert length_words(k.service_length(start, until)) == words


def test_service_words_for_the_list_of_pas():
    assert service_words(date(2017, 9, 1), None, TODAY) == "With you 9 years and 2 months"
    assert service_words(date(2026, 12, 7), None, TODAY) == "Starts on 7 December 2026"
    assert service_words(date(2024, 3, 6), date(2025, 9, 30), TODAY) == "Left on 30 September 2025, after 1 year and 6 months"
    assert service_words(None, None, TODAY) == "Start date not recorded"
    assert k.service_length(date(2026, 12, 7), TODAY) is None


def test_an_exit_record_is_for_a_leaver_with_a_known_reason():
    assert k.check_exit(k.ExitRecord("pay"), date(2026, 10, 1)) == {}
    assert k.check_exit(k.ExitRecord("pay"), None) == {"pa": k.EXIT_NOT_A_LEAVER}
    assert k.check_exit(k.ExitRecord("bored"), date(2026, 10, 1)) == {"reason": k.EXIT_REASON_UNKNOWN}


def test_what_the_leavers_add_up_to():
    summary = k.retention([
        (date(2024, 3, 6), date(2025, 9, 30), k.ExitRecord("hours")),  # 18 months
        (date(2025, 1, 6), date(2025, 7, 5), k.ExitRecord("pay")),  # 5 months
        (date(2023, 1, 1), date(2026, 1, 1), k.ExitRecord("hours")),  # 36 months
        (None, date(2026, 1, 1), None),
    ])
    assert (summary.leavers, summary.average_months, summary.reasons) == (4, 20, (("hours", 2), ("pay", 1)))
    assert retention_words(summary) == ("4 PAs have left. They stayed 20 months on average. Why they left: the hours "
                                        "(2), the pay (1).")
    assert retention_words(k.retention([])) == "Nobody has left yet."
