"""The UK nation an employer is in: it decides income tax rates (via the PA's code) and bank holidays."""
from __future__ import annotations

from enum import Enum


class Nation(str, Enum):
    ENGLAND = "england"
    SCOTLAND = "scotland"
    WALES = "wales"
    NORTHERN_IRELAND = "northern-ireland"

    @property
    def label(self) -> str:
        return {"england": "England", "scotland": "Scotland", "wales": "Wales",
                "northern-ireland": "Northern Ireland"}[self.value]
