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


def parse_money(text: str) -> Decimal:
    """'£1,234.5' -> Decimal('1234.50'). Raises ValueError naming the text when it is not money."""
    cleaned = text.strip().replace("£", "").replace(",", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"'{text}' is not an amount of money") from None
    if not value.is_finite():
        raise ValueError(f"'{text}' is not an amount of money")
    if value != value.quantize(PENNY):
        raise ValueError(f"'{text}' has fractions of a penny")
    return value.quantize(PENNY)


def format_money(amount: Decimal) -> str:
    """£1,234.56, with a minus sign before the pound sign for negatives."""
    sign = "-" if amount < 0 else ""
    return f"{sign}£{abs(amount).quantize(PENNY):,}"


def money_str(amount: Decimal) -> str:
    """Two-decimal string for JSON and CSV ("12.71")."""
    return str(amount.quantize(PENNY, rounding=ROUND_HALF_UP))
