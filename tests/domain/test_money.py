"""Reading an amount from what a person typed or a file holds: one reader for every caller."""
from decimal import Decimal

import pytest

from pa_manager.domain.money import (
    AMOUNT_FRACTION_OF_PENNY, AMOUNT_NOT_A_NUMBER, AMOUNT_TOO_LARGE, AmountError, parse_money, read_amount,
)

# (typed, the number read). The number keeps the places typed; str() is compared too, so that
# "12.345" is not silently rounded and "-0" does not come back as minus zero.
READS = [
    ("12.71", "12.71"),
    (" 7 ", "7"),
    ("£1,234.5", "1234.5"),
    ("12.345", "12.345"),
    ("-0", "0"),
    ("-0.00", "0.00"),
    ("-12.40", "-12.40"),
    ("\u2212118.00", "-118.00"),  # a bank statement's typographic minus
    ("£ 1 234.56", "1234.56"),  # spaces between the thousands
    ("37.5", "37.5"),  # hours read the same way
    ("999999999.99", "999999999.99"),  # just under the limit
    ("-999999999.99", "-999999999.99"),
]

# (typed, why it is refused)
REFUSED = [
    ("", AMOUNT_NOT_A_NUMBER),
    ("   ", AMOUNT_NOT_A_NUMBER),
    ("£", AMOUNT_NOT_A_NUMBER),
    ("abc", AMOUNT_NOT_A_NUMBER),
    ("12.7.1", AMOUNT_NOT_A_NUMBER),
    ("NaN", AMOUNT_NOT_A_NUMBER),
    ("sNaN", AMOUNT_NOT_A_NUMBER),
    ("inf", AMOUNT_NOT_A_NUMBER),
    ("-Infinity", AMOUNT_NOT_A_NUMBER),
    ("1e40", AMOUNT_TOO_LARGE),
    ("-1e40", AMOUNT_TOO_LARGE),
    ("1000000000", AMOUNT_TOO_LARGE),  # the limit itself: a billion pounds
    ("£1,000,000,000.00", AMOUNT_TOO_LARGE),
]


@pytest.mark.parametrize("typed, number", READS)
def test_read_amount_reads_the_number_typed(typed: str, number: str) -> None:
    value = read_amount(typed)
    assert value == Decimal(number) and str(value) == number


@pytest.mark.parametrize("typed, code", REFUSED)
def test_read_amount_refuses_what_is_not_an_amount(typed: str, code: str) -> None:
    with pytest.raises(AmountError) as raised:
        read_amount(typed)
    assert (raised.value.code, raised.value.text) == (code, typed)


def test_an_amount_error_is_a_value_error() -> None:
    # Callers that only care whether the text was an amount catch ValueError.
    with pytest.raises(ValueError):
        read_amount("abc")


# (typed, pounds and pence) parse_money is read_amount held to whole pence.
MONEY = [
    ("£1,234.5", "1234.50"),
    (" 7 ", "7.00"),
    ("-0", "0.00"),
    ("12.500", "12.50"),  # trailing zeros are still whole pence
    ("\u22125.00", "-5.00"),
]


@pytest.mark.parametrize("typed, pounds", MONEY)
def test_parse_money_gives_pounds_and_pence(typed: str, pounds: str) -> None:
    assert str(parse_money(typed)) == pounds


@pytest.mark.parametrize("typed, code", [
    ("12.345", AMOUNT_FRACTION_OF_PENNY),
    ("0.001", AMOUNT_FRACTION_OF_PENNY),
    ("", AMOUNT_NOT_A_NUMBER),
    ("abc", AMOUNT_NOT_A_NUMBER),
    ("NaN", AMOUNT_NOT_A_NUMBER),
    ("inf", AMOUNT_NOT_A_NUMBER),
    ("1e40", AMOUNT_TOO_LARGE),  # once crashed the importers: quantizing it overflowed
])
def test_parse_money_refuses(typed: str, code: str) -> None:
    with pytest.raises(AmountError) as raised:
        parse_money(typed)
    assert raised.value.code == code
