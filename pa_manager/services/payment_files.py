"""Payment files for a finalised pay day: a Bacs Standard 18 file or a CSV for the bank's bulk-payment
upload, paying each PA's net pay, HMRC and (when its account is recorded) the pension provider.

Every amount comes from the stored pay records (domain.pay_record), never worked out again; the bank
details are the PAs' and the employer's as recorded now, as the money goes to the accounts they use
today. Bank details are personal data: nothing here logs them, and what the screens list of them is
masked (validation.masked).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from pa_manager.domain import payment_file as pf
from pa_manager.domain.bank_holidays import bank_holidays_between
from pa_manager.domain.nation import Nation
from pa_manager.domain.validation import Problem
from pa_manager.services.errors import NotFound, ServiceError
from pa_manager.services.pay_runs import records_between
from pa_manager.storage import models
from pa_manager.storage.database import Database

BACS = "bacs"
CSV = "csv"
FORMATS = (BACS, CSV)


@dataclass(frozen=True)
class MadePaymentFile:
    path: Path
    format: str
    run: pf.PaymentRun


def _error(error: pf.PaymentFileError, pay_date: date) -> ServiceError:
    value = error.name or (pay_date if error.code in (pf.NO_PAY_RUN, pf.NOTHING_TO_PAY) else None)
    return ServiceError(Problem(error.code, value))


def _account(sort_code: str, number: str, name: str, roll_number: str = "") -> pf.BankAccount | None:
    if not (sort_code or number or name):
        return None
    return pf.BankAccount(sort_code, number, name, roll_number)


def payment_run(db: Database, employer_id: int, pay_date: date) -> pf.PaymentRun:
    """Who to pay for the pay run finalised for `pay_date`, and how much."""
    records = records_between(db, employer_id, pay_date, pay_date)
    with db.session() as s:
        employer = s.get(models.Employer, employer_id)
        if employer is None:
            raise NotFound("EMPLOYER_GONE")
        payer = _account(employer.bank_sort_code, employer.bank_account_number, employer.bank_account_name)
        pension = _account(employer.pension_sort_code, employer.pension_account_number, employer.pension_account_name)
        accounts = {}
        for record in records:
            pa = s.get(models.PersonalAssistant, record.pa_id)
            if pa is not None:
                accounts[record.pa_id] = _account(pa.bank_sort_code, pa.bank_account_number, pa.bank_account_name,
                                                  pa.building_society_roll_number)
        accounts_office_reference = employer.accounts_office_reference
        pension_reference = employer.pension_payment_reference
    try:
        return pf.payment_run(records, pay_date, payer, {k: v for k, v in accounts.items() if v is not None},
                              accounts_office_reference, pension, pension_reference)
    except pf.PaymentFileError as error:
        raise _error(error, pay_date) from None


def write_payment_file(db: Database, employer_id: int, pay_date: date, file_format: str, out: Path,
                       today: date) -> MadePaymentFile:
    """Save the pay day's payment file at `out` in `file_format` (BACS or CSV)."""
    if file_format not in FORMATS:
        raise ServiceError("PAYMENT_FILE_FORMAT", file_format)
    run = payment_run(db, employer_id, pay_date)
    if file_format == BACS:
        with db.session() as s:
            sun = s.get(models.Employer, employer_id).bacs_service_user_number
        # Bacs works on England and Wales's bank holidays.
        holidays = [h.day for h in bank_holidays_between(Nation.ENGLAND, pay_date - timedelta(days=14), pay_date)]
        try:
            text = pf.bacs_file(run, sun, today, holidays)
        except pf.PaymentFileError as error:
            raise _error(error, pay_date) from None
    else:
        text = pf.csv_file(run)
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(text.encode("ascii"))
    except OSError as error:
        raise ServiceError("RTI_FILE_NOT_SAVED", str(out), reason=error.strerror or str(error)) from None
    return MadePaymentFile(out, file_format, run)
