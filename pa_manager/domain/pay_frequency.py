"""How often an employer pays: it sets the PAYE and NI periods and the pay reference period."""
from __future__ import annotations

from enum import Enum


class PayFrequency(str, Enum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    FOUR_WEEKLY = "four-weekly"
    MONTHLY = "monthly"

    @property
    def periods_per_year(self) -> int:
        return {"weekly": 52, "fortnightly": 26, "four-weekly": 13, "monthly": 12}[self.value]

    @property
    def weeks(self) -> int | None:
        """Length in weeks for the week-based frequencies; None for monthly."""
        return {"weekly": 1, "fortnightly": 2, "four-weekly": 4, "monthly": None}[self.value]
