"""A personal assistant (PA) and their pay-rate history, as plain data."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

NI_CATEGORIES = ("A", "B", "C", "H", "J", "M", "Z")


@dataclass(frozen=True)
class PayRateEntry:
    effective_from: date
    hourly_rate: Decimal


@dataclass(frozen=True)
class PARecord:
    name: str
    date_of_birth: date | None = None
    ni_number: str = ""
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    start_date: date | None = None
    leaving_date: date | None = None
    leaving_reason: str = ""
    job_title: str = "Personal assistant"
    tax_code: str = ""
    ni_category: str = "A"
    contracted_hours: Decimal | None = None
    irregular_hours: bool = False
    apprentice: bool = False
    apprenticeship_start: date | None = None
    close_relative_in_household: bool = False
    emergency_contact_name: str = ""
    emergency_contact_phone: str = ""
    pay_rates: tuple[PayRateEntry, ...] = field(default_factory=tuple)
    id: int | None = None

    def is_current(self, on: date) -> bool:
        """Employed on the date: started (or no start recorded) and not yet left."""
        started = self.start_date is None or self.start_date <= on
        return started and (self.leaving_date is None or self.leaving_date >= on)

    def rate_on(self, on: date) -> Decimal | None:
        """The hourly rate in force on a date: the latest entry starting on or before it."""
        found = None
        for entry in sorted(self.pay_rates, key=lambda r: r.effective_from):
            if entry.effective_from <= on:
                found = entry.hourly_rate
        return found
