"""Whole-record checks for an employer and a PA: which fields are wrong, as codes by field name; and
each record's identifiers put in the one form they are stored and shown in."""
from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from decimal import Decimal

from pa_manager.domain import earlier_payroll, holiday, validation as v
from pa_manager.domain.compliance import DBS_RECHECK_YEARS, REFERENCES_REQUIRED
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import BANK_HOLIDAY, NI_CATEGORIES, PAY_KINDS, WEEKEND, PARecord, PayRateEntry
from pa_manager.domain.shifts import ShiftType
from pa_manager.domain.student_loan import PLANS
from pa_manager.domain.tax_code import TaxCodeError, normalise_tax_code, parse_tax_code
from pa_manager.domain.validation import Problem

MAX_WEEKLY_HOURS = 168
CONTRIBUTING = ("ENROLLED", "OPTED_IN", "JOINED")  # pension statuses with contributions taken
MAX_MULTIPLIER = Decimal("5")  # double or triple time is common; more is surely a slip


def name_key(name: str) -> str:
    """What two names must share to be the same name: ignoring case in every alphabet (Zoë and ZOË), and
    spaces at either end. Compared here rather than by the database's lower(), which SQLite applies
    to A to Z only and PostgreSQL by the server's locale; names are listed in this order too."""
    return name.strip().casefold()


def _optional(found: dict[str, Problem], field: str, value: str, check) -> None:
    if value:
        problem = check(value)
        if problem is not None:
            found[field] = problem


def _tidy(text: str, check, normalise) -> str:
    # Only a value its check accepts is put in canonical form: anything else stays as typed, so
    # that the problem the check reports shows what the person wrote.
    text = text.strip()
    return normalise(text) if text and check(text) is None else text


def normalise_employer(record: EmployerRecord) -> EmployerRecord:
    """Postcode "SW1A 2AA", PAYE reference "123/AB45678", Accounts Office reference in capitals."""
    return replace(
        record,
        postcode=_tidy(record.postcode, v.check_postcode, v.normalise_postcode),
        paye_reference=_tidy(record.paye_reference, v.check_paye_reference, v.normalise_paye_reference),
        accounts_office_reference=_tidy(record.accounts_office_reference, v.check_accounts_office_reference,
                                        v.normalise_accounts_office_reference),
        bank_sort_code=_tidy(record.bank_sort_code, v.check_sort_code, v.normalise_sort_code),
        bank_account_number=_tidy(record.bank_account_number, v.check_account_number, v.normalise_account_number),
        bank_account_name=record.bank_account_name.strip(),
        bacs_service_user_number=_tidy(record.bacs_service_user_number, v.check_service_user_number,
                                       v.normalise_service_user_number),
        pension_sort_code=_tidy(record.pension_sort_code, v.check_sort_code, v.normalise_sort_code),
        pension_account_number=_tidy(record.pension_account_number, v.check_account_number,
                                     v.normalise_account_number),
        pension_account_name=record.pension_account_name.strip(),
        pension_payment_reference=_tidy(record.pension_payment_reference, v.check_roll_number,
                                        v.normalise_roll_number),
    )


def normalise_pa(record: PARecord) -> PARecord:
    """NI number "QQ123456C", postcode "SW1A 2AA", email domain in lower case, tax code "1257L M1"."""
    return replace(
        record,
        ni_number=_tidy(record.ni_number, v.check_ni_number, v.normalise_ni_number),
        postcode=_tidy(record.postcode, v.check_postcode, v.normalise_postcode),
        email=_tidy(record.email, v.check_email, v.normalise_email),
        tax_code=_tidy(record.tax_code, check_tax_code, normalise_tax_code),
        bank_sort_code=_tidy(record.bank_sort_code, v.check_sort_code, v.normalise_sort_code),
        bank_account_number=_tidy(record.bank_account_number, v.check_account_number, v.normalise_account_number),
        bank_account_name=record.bank_account_name.strip(),
        building_society_roll_number=_tidy(record.building_society_roll_number, v.check_roll_number,
                                           v.normalise_roll_number),
    )


def _dates_in_range(found: dict[str, Problem], record) -> None:
    # Every date of the record, whatever else is checked about it.
    for f in fields(record):
        value = getattr(record, f.name)
        if isinstance(value, date) and f.name not in found:
            problem = v.check_date_in_range(value)
            if problem is not None:
                found[f.name] = problem


def _check_bank(found: dict[str, Problem], record: EmployerRecord | PARecord) -> None:
    """The bank account's sort code and number, each in its shape when given (the payment file says
    which are missing when it needs them)."""
    _optional(found, "bank_sort_code", record.bank_sort_code, v.check_sort_code)
    _optional(found, "bank_account_number", record.bank_account_number, v.check_account_number)


def check_employer(record: EmployerRecord) -> dict[str, Problem]:
    found: dict[str, Problem] = {}
    if not record.name.strip():
        found["name"] = Problem("NAME_MISSING")
    _dates_in_range(found, record)
    _optional(found, "postcode", record.postcode, v.check_postcode)
    _optional(found, "paye_reference", record.paye_reference, v.check_paye_reference)
    _optional(found, "accounts_office_reference", record.accounts_office_reference, v.check_accounts_office_reference)
    _check_bank(found, record)
    _optional(found, "bacs_service_user_number", record.bacs_service_user_number, v.check_service_user_number)
    _optional(found, "pension_sort_code", record.pension_sort_code, v.check_sort_code)
    _optional(found, "pension_account_number", record.pension_account_number, v.check_account_number)
    _optional(found, "pension_payment_reference", record.pension_payment_reference, v.check_roll_number)
    if record.care_wage_uplift < 0 or record.care_wage_uplift != record.care_wage_uplift.quantize(Decimal("0.01")):
        found["care_wage_uplift"] = Problem("CARE_WAGE_UPLIFT_INVALID", str(record.care_wage_uplift))
    for field, (low, high), code in (("dbs_recheck_years", DBS_RECHECK_YEARS, "DBS_RECHECK_YEARS_INVALID"),
                                     ("references_required", REFERENCES_REQUIRED, "REFERENCES_REQUIRED_INVALID")):
        if not low <= getattr(record, field) <= high:
            found[field] = Problem.of(code, getattr(record, field), low=low, high=high)
    if holiday.check_leave_year_starts(record.leave_year_start_month, record.leave_year_start_day):
        found["leave_year_start"] = Problem.of(holiday.LEAVE_YEAR_START_INVALID,
                                               f"{record.leave_year_start_day}/{record.leave_year_start_month}")
    if record.bank_holidays not in holiday.BANK_HOLIDAY_CHOICES:
        found["bank_holidays"] = Problem(holiday.BANK_HOLIDAY_CHOICE_UNKNOWN, record.bank_holidays)
    for field in ("pension_employer_rate", "pension_employee_rate"):
        # A fraction of qualifying earnings (domain.pension.PensionScheme): 0.03 is 3%.
        if not 0 <= getattr(record, field) <= 1:
            found[field] = Problem("PENSION_RATE_INVALID", str(getattr(record, field)))
    return found


def check_tax_code(text: str) -> Problem | None:
    try:
        parse_tax_code(text)
    except TaxCodeError as error:
        return Problem(error.code, text)
    return None


def check_pa(record: PARecord, today: date) -> dict[str, Problem]:
    found: dict[str, Problem] = {}
    if not record.name.strip():
        found["name"] = Problem("NAME_MISSING")
    if record.date_of_birth is not None:
        problem = v.check_date_of_birth(record.date_of_birth, record.start_date or today)
        if problem is not None:
            found["date_of_birth"] = problem
    _optional(found, "ni_number", record.ni_number, v.check_ni_number)
    _optional(found, "tax_code", record.tax_code, check_tax_code)
    _optional(found, "postcode", record.postcode, v.check_postcode)
    _optional(found, "phone", record.phone, v.check_phone_number)
    _optional(found, "email", record.email, v.check_email)
    _optional(found, "emergency_contact_phone", record.emergency_contact_phone, v.check_phone_number)
    _check_bank(found, record)
    _optional(found, "building_society_roll_number", record.building_society_roll_number, v.check_roll_number)
    if record.ni_category not in NI_CATEGORIES:
        found["ni_category"] = Problem("NI_CATEGORY_UNKNOWN", record.ni_category)
    if record.start_date and record.leaving_date:
        problem = v.check_leaving_date(record.start_date, record.leaving_date)
        if problem is not None:
            found["leaving_date"] = problem
    if record.apprentice and record.apprenticeship_start is None:
        found["apprenticeship_start"] = Problem("APPRENTICESHIP_START_MISSING")
    if not record.irregular_hours and record.contracted_hours is not None:
        if not 0 < record.contracted_hours <= MAX_WEEKLY_HOURS:
            found["contracted_hours"] = Problem("CONTRACTED_HOURS_INVALID", str(record.contracted_hours))
    for field in ("p45_pay", "p45_tax"):
        value = getattr(record, field)
        if value is not None and (value < 0 or value != value.quantize(Decimal("0.01"))):
            found[field] = Problem("P45_AMOUNT_INVALID", str(value))
    if record.p45_tax is not None and record.p45_pay is None and "p45_tax" not in found:
        found["p45_pay"] = Problem("P45_PAY_MISSING")
    if record.student_loan_plan and record.student_loan_plan not in PLANS:
        found["student_loan_plan"] = Problem("STUDENT_LOAN_PLAN_UNKNOWN", record.student_loan_plan)
    if record.contractual_notice_weeks is not None and not 0 <= record.contractual_notice_weeks <= 52:
        found["contractual_notice_weeks"] = Problem("NOTICE_WEEKS_INVALID", str(record.contractual_notice_weeks))
    if record.leaving_week_pay is not None and (record.leaving_week_pay < 0 or record.leaving_week_pay
                                                != record.leaving_week_pay.quantize(Decimal("0.01"))):
        found["leaving_week_pay"] = Problem("WEEK_PAY_INVALID", str(record.leaving_week_pay))
    if record.notice_given_on and record.leaving_date and record.notice_given_on > record.leaving_date:
        found["notice_given_on"] = Problem("NOTICE_AFTER_LEAVING")
    if record.pension_status in CONTRIBUTING and record.pension_active_from is None:
        found["pension_active_from"] = Problem("PENSION_FROM_MISSING")
    if record.working_time_opt_out is not None and record.working_time_opt_out > today:
        found["working_time_opt_out"] = Problem("OPT_OUT_IN_FUTURE")
    if record.earlier_payroll_last_paid is not None and (
            record.earlier_payroll_last_paid > today
            or (record.start_date is not None and record.earlier_payroll_last_paid < record.start_date)):
        found["earlier_payroll_last_paid"] = Problem("EARLIER_PAYROLL_DATE_INVALID")
    for field, problem in earlier_payroll.check(record).items():
        found.setdefault(field, problem)
    _dates_in_range(found, record)
    for entry in record.pay_rates:
        problem = check_pay_line(entry)
        if problem is not None:
            found["pay_rates"] = problem
            break
    return found


def check_pay_line(entry: PayRateEntry) -> Problem | None:
    """A line of pay terms: a sensible amount, or for weekend and bank-holiday lines a multiplier."""
    if (problem := v.check_date_in_range(entry.effective_from)) is not None:
        return problem
    if entry.kind not in PAY_KINDS:
        return Problem("PAY_KIND_UNKNOWN", entry.kind)
    if entry.shift_type and entry.shift_type not in {t.value for t in ShiftType}:
        return Problem("SHIFT_TYPE_UNKNOWN", entry.shift_type)
    if entry.multiplier is not None:
        if entry.kind not in (WEEKEND, BANK_HOLIDAY):
            return Problem("PAY_MULTIPLIER_NOT_ALLOWED", entry.kind)
        if not Decimal("1") <= entry.multiplier <= MAX_MULTIPLIER:
            return Problem("PAY_MULTIPLIER_INVALID", str(entry.multiplier))
        return None
    if entry.amount is None:
        return Problem("RATE_NOT_A_NUMBER")
    return v.check_rate(entry.amount)
