"""An employer (the budget holder) as plain data: what the services hand to the screens and CLI."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pa_manager.domain.nation import Nation
from pa_manager.domain.pay_frequency import PayFrequency


@dataclass(frozen=True)
class EmployerRecord:
    name: str
    address: str = ""
    postcode: str = ""
    council: str = ""
    direct_payment_reference: str = ""
    nation: Nation = Nation.ENGLAND
    london: bool = False
    paye_reference: str = ""
    accounts_office_reference: str = ""
    insurer: str = ""
    insurance_policy_number: str = ""
    insurance_renewal_date: date | None = None
    pension_provider: str = ""
    pay_frequency: PayFrequency = PayFrequency.MONTHLY
    id: int | None = None
