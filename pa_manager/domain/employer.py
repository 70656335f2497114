"""An employer (the budget holder) as plain data: what the services hand to the screens and CLI."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from pa_manager.domain.holiday import BANK_HOLIDAYS_INCLUDED, LEAVE_YEAR_STARTS
from pa_manager.domain.living_wage import DEFAULT_CARE_WAGE_UPLIFT
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
    follows_real_living_wage: bool = False  # voluntary: the Living Wage Foundation's rate
    care_wage_benchmark: bool = False  # compare pay with a "National Minimum Care Wage" campaign figure
    care_wage_uplift: Decimal = DEFAULT_CARE_WAGE_UPLIFT  # NLW plus this (data/rates/care_wage.toml)
    # Employer duties (see domain.compliance.EmployerDuties)
    paye_registered_on: date | None = None
    pension_duties_start: date | None = None
    declaration_of_compliance_on: date | None = None
    last_re_enrolment_on: date | None = None
    direct_payment_start: date | None = None
    last_council_review_on: date | None = None
    dbs_recheck_years: int = 3  # common council audit practice; certificates have no legal expiry
    references_required: int = 2
    # Payroll: the workplace pension's rates on qualifying earnings, and Employment Allowance
    pension_employer_rate: Decimal = Decimal("0.03")
    pension_employee_rate: Decimal = Decimal("0.05")
    pension_tax_relief: str = "relief-at-source"  # or "net-pay"
    claims_employment_allowance: bool = True  # care and support employers can claim it
    # Paying people (domain.payment_file): the account wages are paid from, a Bacs service user number
    # for a Bacs file (optional), and the pension provider's account when it is paid by transfer.
    bank_sort_code: str = ""
    bank_account_number: str = ""
    bank_account_name: str = ""
    bacs_service_user_number: str = ""
    pension_sort_code: str = ""
    pension_account_number: str = ""
    pension_account_name: str = ""
    pension_payment_reference: str = ""
    # Holiday (domain.holiday): the leave year starts each year on this month and day, and bank holidays
    # are part of the 5.6 weeks ("included") or given on top ("extra")
    leave_year_start_month: int = LEAVE_YEAR_STARTS[0]
    leave_year_start_day: int = LEAVE_YEAR_STARTS[1]
    bank_holidays: str = BANK_HOLIDAYS_INCLUDED
    applies_pay_scale: bool = False  # pay runs pay the employer's pay scale from each work anniversary
    id: int | None = None
    # Which saved version of the stored record this is (None until saved): saving a record someone else
    # has saved since is refused. Not part of what the record says, so not compared.
    version: int | None = field(default=None, compare=False)

    @property
    def leave_year_starts(self) -> tuple[int, int]:
        """(month, day) each leave year starts on."""
        return self.leave_year_start_month, self.leave_year_start_day
