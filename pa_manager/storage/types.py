"""Column types that map domain values to what SQLite and PostgreSQL can store exactly."""
from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.types import TypeDecorator

from pa_manager.domain.money import from_pence, to_pence


class Pence(TypeDecorator[Decimal]):
    """Money: Decimal pounds in Python, whole pence (INTEGER) in the database."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect) -> int | None:
        return None if value is None else to_pence(Decimal(value))

    def process_result_value(self, value: int | None, dialect) -> Decimal | None:
        return None if value is None else from_pence(value)


class ExactDecimal(TypeDecorator[Decimal]):
    """A Decimal that is not money (hours, percentages): stored as text so nothing is rounded."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect) -> str | None:
        return None if value is None else str(Decimal(value))

    def process_result_value(self, value: str | None, dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class UtcInstant(TypeDecorator[datetime]):
    """A moment in time: timezone-aware datetime in Python, whole seconds since 1970 (UTC) stored.

    Integers keep sums of hours exact in SQL and sort the same everywhere; local (Europe/London)
    times are worked out from the instant when shown, so a clock change never loses an hour.
    """

    impl = Integer
    cache_ok = True

    def load_dialect_impl(self, dialect):
        # PostgreSQL's INTEGER is 32 bits and would stop at 19 January 2038; SQLite's is 64 bits already.
        return dialect.type_descriptor(BigInteger() if dialect.name == "postgresql" else Integer())

    def process_bind_param(self, value: datetime | None, dialect) -> int | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a moment in time needs its time zone")
        return int(value.timestamp())

    def process_result_value(self, value: int | None, dialect) -> datetime | None:
        return None if value is None else datetime.fromtimestamp(value, tz=timezone.utc)
