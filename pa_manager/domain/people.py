"""A personal assistant (PA) and their pay-rate history, as plain data."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from pa_manager.domain.pay_rates import Enhancement, EnhancementKind, PayRate, SleepInAllowance, base_rate_on
from pa_manager.domain.shifts import ShiftType

NI_CATEGORIES = ("A", "B", "C", "H", "J", "M", "Z")

# What a line of a PA's pay terms sets, from its date until a newer line of the same kind and type.
HOURLY = "hourly"  # an hourly rate, for every shift type ("") or for one type
SLEEP_IN_ALLOWANCE = "sleep_in_allowance"  # a flat amount per sleep-in night
WEEKEND = "weekend"  # enhanced pay at weekends: a multiplier of the basic rate, or a rate of its own
BANK_HOLIDAY = "bank_holiday"  # the same for bank holidays
PAY_KINDS = (HOURLY, SLEEP_IN_ALLOWANCE, WEEKEND, BANK_HOLIDAY)


@dataclass(frozen=True)
class PayRateEntry:
    """One line of a PA's pay terms. `amount` is money (a rate an hour, or the allowance a night);
    weekend and bank-holiday lines hold either an amount or a `multiplier` of the basic rate."""

    effective_from: date
    amount: Decimal | None
    kind: str = HOURLY
    shift_type: str = ""  # "" = every shift type
    multiplier: Decimal | None = None

    @property
    def key(self) -> tuple[date, str, str]:
        """Two lines with the same key cannot both stand: the newer replaces the older."""
        return (self.effective_from, self.kind, self.shift_type)


@dataclass(frozen=True)
class PayTerms:
    """A PA's pay terms in the shapes the pay calculations take."""

    rates: tuple[PayRate, ...]
    sleep_in_allowances: tuple[SleepInAllowance, ...]
    enhancements: tuple[Enhancement, ...]


def pay_terms(entries: tuple[PayRateEntry, ...]) -> PayTerms:
    rates, allowances, enhancements = [], [], []
    for e in entries:
        shift_type = ShiftType(e.shift_type) if e.shift_type else None
        if e.kind == HOURLY:
            rates.append(PayRate(e.effective_from, shift_type, e.amount))
        elif e.kind == SLEEP_IN_ALLOWANCE:
            allowances.append(SleepInAllowance(e.effective_from, e.amount))
        else:
            enhancements.append(Enhancement(e.effective_from, EnhancementKind(e.kind), multiplier=e.multiplier,
                                            hourly_rate=None if e.multiplier is not None else e.amount,
                                            shift_type=shift_type))
    return PayTerms(tuple(rates), tuple(allowances), tuple(enhancements))


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
    regular: bool = True  # one of the employer's regular named PAs (for continuity of care)
    rolled_up_holiday: bool = False  # irregular hours only: 12.07% holiday pay with each pay
    pension_status: str = "NOT_MEMBER"  # pension.MembershipStatus value
    pension_active_from: date | None = None
    p45_tax_year: str = ""  # a starter's P45: pay and tax from earlier jobs this tax year
    p45_pay: Decimal | None = None
    p45_tax: Decimal | None = None
    student_loan_plan: str = ""  # "1", "2", "4" or "5" (student_loan.PLANS); "" for none
    postgraduate_loan: bool = False  # repaying a Postgraduate Loan as well
    # Leaving (domain.leaving): when notice was given, the contract's notice, whether the rest of the
    # notice is paid in lieu, redundancy, and a week's pay for both (None: worked out from their pay).
    notice_given_on: date | None = None
    contractual_notice_weeks: int | None = None
    pay_in_lieu_of_notice: bool = False
    redundancy: bool = False
    leaving_week_pay: Decimal | None = None
    # For HMRC's Full Payment Submission (domain.rti): gender as HMRC records it, "M" or "F" ("" not
    # recorded), and the starter checklist's statement "A", "B" or "C" ("" not recorded).
    gender: str = ""
    starter_declaration: str = ""
    # The last pay day an earlier payroll (Basic PAYE Tools, a bureau) reported to HMRC for this same
    # employment, when the employer moved to PA Manager with the PA already employed; None when PA
    # Manager has paid them from the start. Their first FPS from PA Manager then sends no starter details.
    earlier_payroll_last_paid: date | None = None
    # The payroll ID that earlier payroll sent HMRC for them (up to 35 characters; "" none): sent again in
    # every FPS, so HMRC does not take PA Manager's FPS for a second job.
    payroll_id: str = ""
    # That earlier payroll's figures to date for this employment in the tax year of its last pay day
    # (domain.earlier_payroll; None each: not recorded): PA Manager's year to date carries on from them.
    earlier_payroll_taxable_pay: Decimal | None = None
    earlier_payroll_tax: Decimal | None = None
    earlier_payroll_ni_pay: Decimal | None = None
    earlier_payroll_at_lel: Decimal | None = None
    earlier_payroll_lel_to_pt: Decimal | None = None
    earlier_payroll_pt_to_uel: Decimal | None = None
    earlier_payroll_employee_ni: Decimal | None = None
    earlier_payroll_employer_ni: Decimal | None = None
    earlier_payroll_student_loan: Decimal | None = None
    earlier_payroll_postgraduate_loan: Decimal | None = None
    # Where their pay goes (domain.payment_file): sort code, account number, the name on the account, and
    # a building society roll number where the society uses one.
    bank_sort_code: str = ""
    bank_account_number: str = ""
    bank_account_name: str = ""
    building_society_roll_number: str = ""
    # The day they signed a written agreement to work more than 48 hours a week on average (Working Time
    # Regulations 1998 reg 5: the "opt-out"); None while they have not. domain.working_time reads it.
    working_time_opt_out: date | None = None
    id: int | None = None
    # Which saved version of the stored record this is (None until saved): saving a record someone else
    # has saved since is refused. Not part of what the record says, so not compared.
    version: int | None = field(default=None, compare=False)

    def is_current(self, on: date) -> bool:
        """Employed on the date: started (or no start recorded) and not yet left."""
        started = self.start_date is None or self.start_date <= on
        return started and (self.leaving_date is None or self.leaving_date >= on)

    def rate_on(self, on: date) -> Decimal | None:
        """The basic hourly rate (for every shift type) in force on a date, as pay_rates decides it."""
        return base_rate_on(pay_terms(self.pay_rates).rates, on)
