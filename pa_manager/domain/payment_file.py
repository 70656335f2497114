"""Paying people from a finalised pay day without retyping: who gets what (each PA's take-home pay, HMRC's
share of the PAYE bill, the pension contributions), and the two files a bank takes in bulk.

Pure: the amounts come from the stored pay records (domain.pay_record) and the bank details are passed
in; nothing here reads a database or a clock.

Sources used (read, not copied):
- Bacs Standard 18, as banks publish it to their customers: HSBC, "Message Implementation Guide BACS
  Standard 18" (August 2012); Bank of Ireland, "BACS File Specification" (appendix 2); Bacs, "ISO 20022 /
  Bacs Translation Guide" v1.1 (2017), section 4.8 on the character set. Labels (VOL1, HDR1, HDR2, UHL1,
  EOF1, EOF2, UTL1) are 80 characters; payment and contra records are 100 characters plus the
  processing day (positions 101 to 106), so 106 here.
- HMRC's bank account for PAYE: GOV.UK "Pay employers' PAYE" (sort code 08 32 10, account 12001039,
  account name HMRC Cumbernauld; the 13-character Accounts Office reference as the payment reference).
  A payment made early, or more than one payment for the same month, takes 4 more digits: the last 2
  digits of the year the tax year ends and the tax month (HMRC's PAYE reference checker, kept by The
  National Archives: "If you pay early, late or make more than one payment for the same month ... add
  four numbers"). A pay day's share of the month is paid early by nature, so the 17-character form is
  used: 123PA00045678 + 2709 is tax month 9 of 2026 to 2027.
- The CSV: the columns most UK business banks' bulk-payment imports ask for, one payment a row: payee
  name, sort code, account number, amount in pounds and pence, reference (for example Paygate's
  "BACS Payment Editor CSV format" and the bank templates built on it). Names and references keep to the
  Bacs character set too, as the bank passes them on through Bacs.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Hashable, Iterable, Sequence

from pa_manager.domain.money import ZERO, to_pence
from pa_manager.domain.pay_record import PayRecord
from pa_manager.domain.tax_year import tax_month, tax_year_end, tax_year_label

# GOV.UK "Pay employers' PAYE": HMRC's account for PAYE and Class 1 National Insurance.
HMRC_SORT_CODE = "083210"
HMRC_ACCOUNT_NUMBER = "12001039"
HMRC_ACCOUNT_NAME = "HMRC Cumbernauld"

# What a payment is for.
NET_PAY = "NET_PAY"
HMRC = "HMRC"
PENSION = "PENSION"

# Why a file cannot be made (PaymentFileError.code); `.name` names who, where it is a person.
NO_PAY_RUN = "PAYMENT_FILE_NO_PAY_RUN"
NO_PAYING_ACCOUNT = "PAYMENT_FILE_NO_PAYING_ACCOUNT"
NO_PA_ACCOUNT = "PAYMENT_FILE_NO_PA_ACCOUNT"
NO_ACCOUNTS_OFFICE_REFERENCE = "PAYMENT_FILE_NO_ACCOUNTS_OFFICE_REFERENCE"
NO_SERVICE_USER_NUMBER = "PAYMENT_FILE_NO_SERVICE_USER_NUMBER"
NOTHING_TO_PAY = "PAYMENT_FILE_NOTHING_TO_PAY"
AMOUNT_TOO_LARGE = "PAYMENT_FILE_AMOUNT_TOO_LARGE"
CODES = frozenset({NO_PAY_RUN, NO_PAYING_ACCOUNT, NO_PA_ACCOUNT, NO_ACCOUNTS_OFFICE_REFERENCE,
                   NO_SERVICE_USER_NUMBER, NOTHING_TO_PAY, AMOUNT_TOO_LARGE})

# Left out, and said so (PaymentRun.left_out): the pension provider's account is not recorded (many
# providers, NEST among them, collect by Direct Debit, so there is nothing to send).
PENSION_BY_PROVIDER = "PENSION_BY_PROVIDER"

LABEL_LENGTH = 80
RECORD_LENGTH = 106
BANK_GIRO_CREDIT = "99"   # transaction code: a credit to the destination account
CONTRA_DEBIT = "17"       # transaction code: the contra, debiting the originator's account
FIELD = 18                # name and reference fields
MAX_PENCE = 10 ** 11 - 1  # 11 digits

_ALLOWED = re.compile(r"[^A-Z0-9.&/ -]")


class PaymentFileError(ValueError):
    def __init__(self, code: str, name: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.name = name


@dataclass(frozen=True)
class BankAccount:
    sort_code: str        # 6 digits, no separators (validation.normalise_sort_code)
    account_number: str   # 8 digits
    name: str             # the name on the account
    roll_number: str = "" # building society roll number, sent as the reference

    @property
    def complete(self) -> bool:
        return len(self.sort_code) == 6 and len(self.account_number) == 8 and bool(self.name.strip())


@dataclass(frozen=True)
class Payment:
    kind: str             # NET_PAY, HMRC or PENSION
    to: BankAccount
    amount: Decimal
    reference: str        # as it will appear on the payee's statement (Bacs characters, up to 18)
    pa_id: Hashable | None = None


@dataclass(frozen=True)
class PaymentRun:
    pay_date: date
    payer: BankAccount
    payments: tuple[Payment, ...]
    left_out: tuple[str, ...] = ()

    @property
    def total(self) -> Decimal:
        return sum((p.amount for p in self.payments), ZERO)


def bacs_text(text: str, width: int = FIELD) -> str:
    """`text` in the characters Bacs carries (A to Z, 0 to 9, full stop, ampersand, slash, hyphen and
    space), upper case, accents dropped ('Zoë O'Neill' -> 'ZOE O NEILL'), cut to `width`. Never starts
    with a hyphen, so a spreadsheet opening the CSV cannot take it for a formula."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").upper()
    cleaned = " ".join(_ALLOWED.sub(" ", plain).split()).lstrip("-. ")
    return cleaned[:width].rstrip()


def hmrc_payment_reference(accounts_office_reference: str, pay_date: date) -> str:
    """The 17-character reference for a payment towards the tax month `pay_date` falls in."""
    year_ends = tax_year_end(tax_year_label(pay_date)).year % 100
    return f"{accounts_office_reference}{year_ends:02d}{tax_month(pay_date):02d}"


def pay_reference(pay_date: date) -> str:
    """What a PA sees on their statement: 'WAGES 31 DEC 2026'."""
    return bacs_text(f"WAGES {pay_date.day} {pay_date.strftime('%b')} {pay_date.year}")


def payment_run(records: Sequence[PayRecord], pay_date: date, payer: BankAccount | None,
                pa_accounts: dict[Hashable, BankAccount], accounts_office_reference: str,
                pension: BankAccount | None = None, pension_reference: str = "") -> PaymentRun:
    """Who to pay for the pay run of `records` (all paid on `pay_date`): each PA their net pay (nothing
    for a PA whose net pay is nothing), HMRC the run's tax and NI less the Employment Allowance
    (payroll.due_to_hmrc), and the pension provider both parts of the contributions when its account is
    recorded. Raises PaymentFileError naming the first thing missing."""
    if not records:
        raise PaymentFileError(NO_PAY_RUN)
    if payer is None or not payer.complete:
        raise PaymentFileError(NO_PAYING_ACCOUNT)
    payments: list[Payment] = []
    for record in sorted(records, key=lambda r: r.pa_name.casefold()):
        if record.net_pay <= 0:
            continue
        account = pa_accounts.get(record.pa_id)
        if account is None or not account.complete:
            raise PaymentFileError(NO_PA_ACCOUNT, record.pa_name)
        reference = bacs_text(account.roll_number) if account.roll_number else pay_reference(pay_date)
        payments.append(Payment(NET_PAY, account, record.net_pay, reference, record.pa_id))
    hmrc = sum((r.hmrc_due for r in records), ZERO)
    if hmrc > 0:
        if not accounts_office_reference:
            raise PaymentFileError(NO_ACCOUNTS_OFFICE_REFERENCE)
        payments.append(Payment(HMRC, BankAccount(HMRC_SORT_CODE, HMRC_ACCOUNT_NUMBER, HMRC_ACCOUNT_NAME), hmrc,
                                hmrc_payment_reference(accounts_office_reference, pay_date)))
    left_out: list[str] = []
    contributions = sum((r.employee_pension + r.employer_pension for r in records), ZERO)
    if contributions > 0:
        if pension is not None and pension.complete:
            payments.append(Payment(PENSION, pension, contributions,
                                    bacs_text(pension_reference) or pay_reference(pay_date)))
        else:
            left_out.append(PENSION_BY_PROVIDER)
    if not payments:
        raise PaymentFileError(NOTHING_TO_PAY)
    for payment in payments:
        if to_pence(payment.amount) > MAX_PENCE:
            raise PaymentFileError(AMOUNT_TOO_LARGE)
    return PaymentRun(pay_date, payer, tuple(payments), tuple(left_out))


# ---------------------------------------------------------------------------------------------
# Bacs Standard 18
# ---------------------------------------------------------------------------------------------

def bacs_date(day: date) -> str:
    """Bacs dates: a space, the year's last 2 digits and the day of the year ('bYYDDD')."""
    return f" {day.year % 100:02d}{day.timetuple().tm_yday:03d}"


def processing_day(pay_date: date, holidays: Iterable[date] = ()) -> date:
    """The Bacs processing day for money to arrive on `pay_date`: the working day before it (day 2 of
    Bacs's 3-day cycle; the file goes in on day 1). Weekends and `holidays` are not working days."""
    closed = set(holidays)
    day = pay_date - timedelta(days=1)
    while day.weekday() >= 5 or day in closed:
        day -= timedelta(days=1)
    return day


def _label(*parts: str) -> str:
    text = "".join(parts)
    if len(text) != LABEL_LENGTH:
        raise AssertionError(f"a Bacs label of {len(text)} characters")
    return text


def _record(to: BankAccount, code: str, payer: BankAccount, amount: Decimal, user_name: str, reference: str,
            name: str, processing: date) -> str:
    text = "".join((
        to.sort_code, to.account_number, "0", code,           # 1-6, 7-14, 15 account type, 16-17
        payer.sort_code, payer.account_number,                # 18-23, 24-31
        " " * 4,                                              # 32-35 free format
        f"{to_pence(amount):011d}",                           # 36-46 amount in pence
        bacs_text(user_name).ljust(FIELD),                    # 47-64 service user's name
        bacs_text(reference).ljust(FIELD),                    # 65-82 reference
        bacs_text(name).ljust(FIELD),                         # 83-100 destination account name
        bacs_date(processing),                                # 101-106 processing day
    ))
    if len(text) != RECORD_LENGTH:
        raise AssertionError(f"a Bacs record of {len(text)} characters")
    return text


def _header(kind: str, sun: str, serial: str, created: date) -> tuple[str, str]:
    one = _label(f"{kind}1", "A", sun, "S", "  ", "1", sun, serial, "0001", "0001", " " * 4, " " * 2,
                 bacs_date(created), bacs_date(created), " ", "000000", " " * 13, " " * 7)
    two = _label(f"{kind}2", "F", "02000", f"{RECORD_LENGTH:05d}", " " * 35, "00", " " * 28)
    return one, two


def bacs_file(run: PaymentRun, service_user_number: str, created: date, holidays: Iterable[date] = ()) -> str:
    """The run as a Bacs Standard 18 file: VOL1, HDR1, HDR2 and UHL1 labels, a credit (transaction code
    99) for each payment, one contra (17) taking the total from the paying account, then EOF1, EOF2
    and UTL1 with the debit and credit totals and counts. Lines end CR LF."""
    if len(service_user_number) != 6:
        raise PaymentFileError(NO_SERVICE_USER_NUMBER)
    processing = processing_day(run.pay_date, holidays)
    serial = f"{created.timetuple().tm_yday:03d}001"
    user = run.payer.name
    lines = [_label("VOL1", serial, " ", " " * 20, " " * 6, " " * 4, service_user_number, " " * 4, " " * 28, "1")]
    hdr1, hdr2 = _header("HDR", service_user_number, serial, created)
    lines += [hdr1, hdr2, _label("UHL1", bacs_date(processing), "999999    ", "00", "000000", "1 DAILY  ", "001",
                                 " " * 7, " " * 7, " " * 26)]
    for p in run.payments:
        lines.append(_record(p.to, BANK_GIRO_CREDIT, run.payer, p.amount, user, p.reference, p.to.name, processing))
    total = run.total
    lines.append(_record(run.payer, CONTRA_DEBIT, run.payer, total, user, "CONTRA", run.payer.name, processing))
    eof1, eof2 = _header("EOF", service_user_number, serial, created)
    pence = f"{to_pence(total):011d}"
    lines += [eof1, eof2, _label("UTL1", pence, pence, f"{1:07d}", f"{len(run.payments):07d}", " " * 8, " " * 8,
                                 " " * 24)]
    return "\r\n".join(lines) + "\r\n"


# ---------------------------------------------------------------------------------------------
# CSV for a bank's bulk-payment upload
# ---------------------------------------------------------------------------------------------

CSV_HEADINGS = ("Name", "Sort code", "Account number", "Amount", "Reference")


def csv_rows(run: PaymentRun) -> list[tuple[str, str, str, str, str]]:
    """One row a payment: payee name (18 Bacs characters), sort code and account number as digits,
    amount in pounds with 2 decimals and no £ or commas, reference."""
    return [(bacs_text(p.to.name), p.to.sort_code, p.to.account_number, f"{p.amount:.2f}", p.reference)
            for p in run.payments]


def csv_file(run: PaymentRun) -> str:
    """The heading row and a row a payment, comma separated, CR LF line ends. Every field is in the Bacs
    characters or digits, so none needs quoting."""
    return "".join(",".join(row) + "\r\n" for row in (CSV_HEADINGS, *csv_rows(run)))
