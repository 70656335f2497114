"""Amounts as a screen reader should say them (wording.amount_in_words), from figures a person reads."""
from decimal import Decimal

import pytest

from pa_manager.wording import amount_in_words, amounts_in_words


@pytest.mark.parametrize("amount, words", [
    ("1234.56", "1,234 pounds 56 pence"),
    ("12.00", "12 pounds"),
    ("12", "12 pounds"),
    ("0.50", "50 pence"),
    ("0.01", "1 penny"),
    ("1.01", "1 pound 1 penny"),
    ("0", "0 pounds"),
    ("0.00", "0 pounds"),
    ("-3.20", "minus 3 pounds 20 pence"),
    ("26511.75", "26,511 pounds 75 pence"),
    ("1000000", "1,000,000 pounds"),
    ("14.805", "14 pounds 81 pence"),  # half a penny rounds up, as HMRC's figures are shown
])
def test_amount_in_words(amount, words):
    assert amount_in_words(Decimal(amount)) == words


@pytest.mark.parametrize("text, spoken", [
    ("£14.80", "14 pounds 80 pence"),
    ("-£2,340.17", "minus 2,340 pounds 17 pence"),
    ("Janet Moyo, cost this week: £0.00", "Janet Moyo, cost this week: 0 pounds"),
    ("From £12.71 to £13.21 an hour.", "From 12 pounds 71 pence to 13 pounds 21 pence an hour."),
    ("No money here: 5.00%", "No money here: 5.00%"),
    ("", ""),
])
def test_amounts_in_words_in_a_sentence(text, spoken):
    assert amounts_in_words(text) == spoken
