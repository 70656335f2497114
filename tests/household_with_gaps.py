"""A second household, with the gaps a council's audit finds: no DBS checks, no insurance, a PA who left
in the month, a PA whose permission to work ends soon, a contribution paid short and fewer hours than
the support plan. In Scotland, so St Andrew's Day (Monday 30 November 2026) is a bank holiday.

Everything the reports must show is made here, so the tests can work their expected figures out from
these rows by hand (see the comments), never from the code's output.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from decimal import Decimal

from pa_manager.domain.budget import LedgerEntry
from pa_manager.domain.compliance import RightToWorkCheck
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.nation import Nation
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import SLEEP_IN_ALLOWANCE, PARecord, PayRateEntry
from pa_manager.domain.shifts import ShiftType
from pa_manager.services import budget, employers, people
from pa_manager.services.checks import save_right_to_work
from pa_manager.services.pay_runs import finalise_pay_run
from pa_manager.services.shifts import ShiftInput, save_shift

NAME = "Olu Bankole"
OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))
PAY_DATE = date(2026, 10, 30)
D = Decimal

# (pa, day, start, end, type, break minutes). Support minutes are worked out beside each.
SHIFTS = [
    ("Ewa Nowak", date(2026, 10, 1), "09:00", "15:00", ShiftType.STANDARD, 30),   # 330 support
    ("Ewa Nowak", date(2026, 10, 5), "09:00", "15:00", ShiftType.STANDARD, 30),   # 330 support
    ("Ewa Nowak", date(2026, 10, 10), "22:00", "08:00", ShiftType.SLEEP_IN, 0),   # a night, no hours
    ("Ewa Nowak", date(2026, 10, 14), "09:00", "15:00", ShiftType.HOLIDAY, 0),    # 360 other
    ("Ewa Nowak", date(2026, 10, 19), "08:00", "12:00", ShiftType.STANDARD, 0),   # 240 support
    ("Callum Reid", date(2026, 10, 2), "14:00", "20:00", ShiftType.STANDARD, 0),  # 360 support
    ("Callum Reid", date(2026, 10, 8), "10:00", "13:00", ShiftType.TRAINING, 0),  # 180 other
    ("Callum Reid", date(2026, 10, 13), "14:00", "20:00", ShiftType.STANDARD, 15),  # 345 support
    ("Ewa Nowak", date(2026, 11, 30), "09:00", "15:00", ShiftType.STANDARD, 30),  # St Andrew's Day: 330
]
# October: Ewa 330 + 330 + 240 = 900 minutes (15 hours) of support, 360 other, 1 night;
# Callum 360 + 345 = 705 minutes (11.75 hours), 180 other. 1,605 minutes together: 26.75 hours.

# The ledger rows this household's test makes by hand (the pay run adds its own).
LEDGER = [
    LedgerEntry(date(2026, 9, 28), D("400.00"), "council_payment", "Glenmoor Council"),
    LedgerEntry(date(2026, 10, 5), D("1600.00"), "council_payment", "Glenmoor Council"),
    LedgerEntry(date(2026, 10, 6), D("50.00"), "personal_contribution", "Olu Bankole"),
    LedgerEntry(date(2026, 10, 12), D("-45.00"), "training", "First aid course"),
    LedgerEntry(date(2026, 10, 20), D("30.00"), "personal_contribution", "Olu Bankole"),
    LedgerEntry(date(2026, 11, 2), D("1600.00"), "council_payment", "Glenmoor Council"),
]
OPENING = D("800.00")  # on 1 April 2026
WEEKLY_CONTRIBUTION = D("21.00")
PLAN_HOURS = D("8")


@dataclass(frozen=True)
class Household:
    employer_id: int
    pa_ids: dict[str, int]


def create_household_with_gaps(db, today: date = date(2026, 11, 23)) -> Household:
    employer = employers.save_employer(db, EmployerRecord(
        name=NAME, address="4 Burn Road\nGlenmoor", postcode="GM2 4RT", council="Glenmoor Council",
        direct_payment_reference="GC-DP-118", nation=Nation.SCOTLAND, paye_reference="321/GB987",
        pay_frequency=PayFrequency.MONTHLY))
    april = date(2026, 4, 6)
    ewa = people.save_pa(db, employer.id, PARecord(
        name="Ewa Nowak", date_of_birth=date(1994, 6, 2), ni_number="JT123456A", start_date=april,
        tax_code="1257L", irregular_hours=True,
        pay_rates=(PayRateEntry(april, D("13.00")), PayRateEntry(april, D("50.00"), SLEEP_IN_ALLOWANCE))), today)
    callum = people.save_pa(db, employer.id, PARecord(
        name="Callum Reid", date_of_birth=date(1988, 2, 14), ni_number="JT654321B", start_date=date(2025, 9, 1),
        leaving_date=date(2026, 10, 15), leaving_reason="Moved away", tax_code="BR", irregular_hours=True,
        pay_rates=(PayRateEntry(date(2025, 9, 1), D("12.80")),)), today)
    ids = {"Ewa Nowak": ewa.id, "Callum Reid": callum.id}
    # Ewa's permission to work ends within a month; nobody has a DBS check; there is no insurance.
    save_right_to_work(db, employer.id, ewa.id, RightToWorkCheck(
        "online_share_code", date(2026, 3, 30), "Share code (limited permission)", date(2026, 12, 20)))
    for name, day, start, end, kind, break_minutes in SHIFTS:
        save_shift(db, employer.id, ShiftInput(ids[name], day, time.fromisoformat(start), time.fromisoformat(end),
                                               kind, break_minutes))
    budget.save_year(db, employer.id, budget.make_year(
        label="2026-27", amount=D("400.00"), basis="weekly", council_hourly_rate=D("16.00"),
        council_on_cost_rate=D("0.20"), opening_balance=OPENING, assessed_contribution=WEEKLY_CONTRIBUTION,
        support_plan_hours=PLAN_HOURS))
    for entry in LEDGER:
        budget.save_entry(db, employer.id, entry)
    finalise_pay_run(db, employer.id, PAY_DATE, datetime(2026, 10, 30, 12, tzinfo=timezone.utc), confirmed=True)
    return Household(employer.id, ids)
