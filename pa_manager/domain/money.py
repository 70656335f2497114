"""Money as Decimal pounds, and the roundings the law and HMRC use.

Money is never a float. Storage keeps whole pence; everything else works in Decimal pounds.
Each rounding is named for what it is, so the calculation that uses it reads like the rule.
"""
from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation

PENNY = Decimal("0.01")
POUND = Decimal("1")
ZERO = Decimal("0.00")


def to_pence(amount: Decimal) -> int:
    """Whole pence for storage; refuses anything finer than a penny rather than lose it."""
    pence = amount * 100
    if pence != pence.to_integral_value():
        raise ValueError(f"{amount} has fractions of a penny")
    return int(pence)


def from_pence(pence: int) -> Decimal:
    return (Decimal(pence) / 100).quantize(PENNY)


def round_half_up(amount: Decimal) -> Decimal:
    """Ordinary rounding to the penny (0.005 goes up)."""
    return amount.quantize(PENNY, rounding=ROUND_HALF_UP)


def round_down(amount: Decimal, step: Decimal = PENNY) -> Decimal:
    """Towards minus infinity, to the penny or to `step` (HMRC rounds taxable pay down to pounds)."""
    return amount.quantize(step, rounding=ROUND_FLOOR)


def round_up(amount: Decimal, step: Decimal = PENNY) -> Decimal:
    """Towards plus infinity, to the penny or to `step` (HMRC rounds free pay up to the penny)."""
    return amount.quantize(step, rounding=ROUND_CEILING)


# Why read_amount refused a text. Callers word these themselves; none reads as a sentence here.
AMOUNT_NOT_A_NUMBER = "AMOUNT_NOT_A_NUMBER"
AMOUNT_TOO_LARGE = "AMOUNT_TOO_LARGE"
AMOUNT_FRACTION_OF_PENNY = "AMOUNT_FRACTION_OF_PENNY"

# No household employer pays or is paid a billion pounds, so a figure this size is a slip; the
# bound also keeps every amount far inside Decimal's 28 digits, where quantizing to the penny
# would otherwise overflow (Decimal("1e40").quantize(PENNY) raises InvalidOperation).
AMOUNT_LIMIT = Decimal("1e9")


class AmountError(ValueError):
    """Text that is not an amount; `code` is one of the AMOUNT_* codes and `text` is as given."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(code, text)
        self.code = code
        self.text = text


def read_amount(text: str) -> Decimal:
    """The number in `text`, as typed: '£1,234.5' -> Decimal('1234.5'), ' 7 ' -> Decimal('7').

    Spaces, the pound sign and thousands commas are ignored, and a typographic minus (as some
    bank statements print) reads as "-". Raises AmountError for anything that is not a finite
    number smaller than AMOUNT_LIMIT either way. Minus zero reads as zero.
    """
    cleaned = "".join(text.split()).replace("£", "").replace(",", "").replace("\u2212", "-")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise AmountError(AMOUNT_NOT_A_NUMBER, text) from None
    if not value.is_finite():
        raise AmountError(AMOUNT_NOT_A_NUMBER, text)
    if abs(value) >= AMOUNT_LIMIT:
        raise AmountError(AMOUNT_TOO_LARGE, text)
    return abs(value) if value.is_zero() else value


def parse_money(text: str) -> Decimal:
    """'£1,234.5' -> Decimal('1234.50'): read_amount, in whole pence. Raises AmountError."""
    value = read_amount(text)
    if value != value.quantize(PENNY):
        raise AmountError(AMOUNT_FRACTION_OF_PENNY, text)
    return value.quantize(PENNY)


def format_money(amount: Decimal) -> str:
    """£1,234.56, with a minus sign before the pound sign for negatives."""
    sign = "-" if amount < 0 else ""
    return f"{sign}£{abs(amount).quantize(PENNY):,}"


def money_str(amount: Decimal) -> str:
    """Two-decimal string for JSON and CSV ("12.71")."""
    return str(amount.quantize(PENNY, rounding=ROUND_HALF_UP))
