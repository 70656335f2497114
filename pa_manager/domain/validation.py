"""Checks for what a household employer types in: identifiers, dates and rates.

Each `check_*` function takes the text as typed (spaces, lower case and the like are tolerated)
and returns None when it is acceptable, or a `Problem` naming what is wrong by a code. The
sentence a person reads lives in pa_manager/messages.py, never here: this module speaks in codes.

Each `normalise_*` function gives the canonical form to store and show. It never validates, so
the pattern is: `if (problem := check_x(text)) is None: store(normalise_x(text))`, which
record_checks.normalise_pa and normalise_employer follow for whole records. Normalising is
idempotent, and a normalised valid value still passes its check.

Whether a field may be left blank is the caller's decision; these checks treat "" as badly formed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from pa_manager.domain import money
from pa_manager.domain.dates import FIRST_YEAR, LAST_YEAR, age_on

# --- Codes -----------------------------------------------------------------------------------
# Every code this module can return. pa_manager.messages holds one sentence for each; the tests
# check that CODES lists exactly the constants below and that each one has a sentence.

NI_NUMBER_FORMAT = "NI_NUMBER_FORMAT"
NI_NUMBER_PREFIX = "NI_NUMBER_PREFIX"
NI_NUMBER_SUFFIX = "NI_NUMBER_SUFFIX"
NI_NUMBER_PLACEHOLDER = "NI_NUMBER_PLACEHOLDER"
PAYE_REFERENCE_FORMAT = "PAYE_REFERENCE_FORMAT"
ACCOUNTS_OFFICE_REFERENCE_FORMAT = "ACCOUNTS_OFFICE_REFERENCE_FORMAT"
ACCOUNTS_OFFICE_REFERENCE_CHECK = "ACCOUNTS_OFFICE_REFERENCE_CHECK"
POSTCODE_FORMAT = "POSTCODE_FORMAT"
DBS_CERTIFICATE_FORMAT = "DBS_CERTIFICATE_FORMAT"
EMAIL_FORMAT = "EMAIL_FORMAT"
PHONE_FORMAT = "PHONE_FORMAT"
DATE_ORDER = "DATE_ORDER"
DATE_OF_BIRTH_TOO_YOUNG = "DATE_OF_BIRTH_TOO_YOUNG"
DATE_OF_BIRTH_IMPLAUSIBLE = "DATE_OF_BIRTH_IMPLAUSIBLE"
LEAVING_BEFORE_START = "LEAVING_BEFORE_START"
DATE_OUT_OF_RANGE = "DATE_OUT_OF_RANGE"
RATE_NOT_A_NUMBER = "RATE_NOT_A_NUMBER"
RATE_NOT_POSITIVE = "RATE_NOT_POSITIVE"
RATE_TOO_MANY_DECIMALS = "RATE_TOO_MANY_DECIMALS"
RATE_IMPLAUSIBLE = "RATE_IMPLAUSIBLE"
SORT_CODE_FORMAT = "SORT_CODE_FORMAT"
ACCOUNT_NUMBER_FORMAT = "ACCOUNT_NUMBER_FORMAT"
ROLL_NUMBER_FORMAT = "ROLL_NUMBER_FORMAT"
SERVICE_USER_NUMBER_FORMAT = "SERVICE_USER_NUMBER_FORMAT"

CODES = frozenset({
    NI_NUMBER_FORMAT, NI_NUMBER_PREFIX, NI_NUMBER_SUFFIX, NI_NUMBER_PLACEHOLDER,
    PAYE_REFERENCE_FORMAT,
    ACCOUNTS_OFFICE_REFERENCE_FORMAT, ACCOUNTS_OFFICE_REFERENCE_CHECK,
    POSTCODE_FORMAT, DBS_CERTIFICATE_FORMAT, EMAIL_FORMAT, PHONE_FORMAT,
    DATE_ORDER, DATE_OF_BIRTH_TOO_YOUNG, DATE_OF_BIRTH_IMPLAUSIBLE, LEAVING_BEFORE_START, DATE_OUT_OF_RANGE,
    RATE_NOT_A_NUMBER, RATE_NOT_POSITIVE, RATE_TOO_MANY_DECIMALS, RATE_IMPLAUSIBLE,
    SORT_CODE_FORMAT, ACCOUNT_NUMBER_FORMAT, ROLL_NUMBER_FORMAT, SERVICE_USER_NUMBER_FORMAT,
})


@dataclass(frozen=True)
class Problem:
    """What is wrong with one answer: a code, the value as given, and any named details.

    `params` holds (name, value) pairs that a message may use, such as the limit that was broken;
    values stay typed (date, Decimal, int, str) so the wording side decides how to show them.
    Build one with `Problem.of(code, value, name=detail, ...)`.
    """

    code: str
    value: Any = None
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, code: str, value: Any = None, **params: Any) -> Problem:
        return cls(code, value, tuple(sorted(params.items())))

    def param(self, name: str, default: Any = None) -> Any:
        return dict(self.params).get(name, default)


def _without_spaces(text: str) -> str:
    return "".join(text.split())


# --- National Insurance number ----------------------------------------------------------------
# HMRC National Insurance Manual NIM39110 "What a NINO looks like": two prefix letters, six digits
# and a suffix of A, B, C or D. D, F, I, Q, U and V are never either prefix letter, O is never the
# second, and BG, GB, KN, NK, NT, TN and ZZ are not used (TN was the old temporary-number prefix,
# so temporary numbers fail here too). QQ 12 34 56 A is the manual's own example and is NOT valid.
# The same page lists administrative look-alikes that "do not use valid prefixes"; OO already
# fails the letter rules and CR, FY, MW and NC are refused by name. (PP, PY and PZ are described
# as administrative only by secondary sources, so they are accepted rather than risk refusing a
# real number.)

_NI_SHAPE = re.compile(r"([A-Z]{2})([0-9]{6})([A-Z]?)")
_NI_NOT_FIRST = frozenset("DFIQUV")
_NI_NOT_SECOND = frozenset("DFIOQUV")
_NI_NEVER_ISSUED = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
_NI_ADMINISTRATIVE = frozenset({"CR", "FY", "MW", "NC"})
_NI_SUFFIXES = frozenset("ABCD")
# A well-formed number that people type when they do not know the real one. Storing it would send
# a false number to HMRC; an unknown number should be left blank instead (a judgement, not a rule).
_NI_PLACEHOLDERS = frozenset({"AA000000A"})


def normalise_ni_number(text: str) -> str:
    """'qq 12 34 56 c' -> 'QQ123456C': spaces removed, upper case."""
    return _without_spaces(text).upper()


def ni_prefix_allowed(prefix: str) -> bool:
    """Whether HMRC could have issued a number starting with these two letters (NIM39110)."""
    return (
        len(prefix) == 2
        and prefix.isalpha()
        and prefix.isascii()
        and prefix[0] not in _NI_NOT_FIRST
        and prefix[1] not in _NI_NOT_SECOND
        and prefix not in _NI_NEVER_ISSUED
        and prefix not in _NI_ADMINISTRATIVE
    )


def check_ni_number(text: str) -> Problem | None:
    number = normalise_ni_number(text)
    shape = _NI_SHAPE.fullmatch(number)
    if shape is None:
        return Problem.of(NI_NUMBER_FORMAT, text)
    prefix, _digits, suffix = shape.groups()
    if not ni_prefix_allowed(prefix):
        return Problem.of(NI_NUMBER_PREFIX, text, prefix=prefix)
    # A missing suffix is reported as a suffix problem: it is the part the person left off.
    if suffix not in _NI_SUFFIXES:
        return Problem.of(NI_NUMBER_SUFFIX, text, suffix=suffix)
    if number in _NI_PLACEHOLDERS:
        return Problem.of(NI_NUMBER_PLACEHOLDER, text)
    return None


# --- Employer PAYE reference ------------------------------------------------------------------
# A 3-digit HMRC tax office number, "/", then the employer's reference within that office
# (e.g. 123/AB45678; HMRC's online help describes "3 digits", then "/AB456"). The part after the
# slash is 1 to 10 letters and digits: the 10 is the project's rule, not confirmed against the
# RTI schema.

_PAYE_SHAPE = re.compile(r"[0-9]{3}/[A-Z0-9]{1,10}")


def normalise_paye_reference(text: str) -> str:
    """' 123 / ab45678 ' -> '123/AB45678'."""
    return _without_spaces(text).upper()


def check_paye_reference(text: str) -> Problem | None:
    if _PAYE_SHAPE.fullmatch(normalise_paye_reference(text)) is None:
        return Problem.of(PAYE_REFERENCE_FORMAT, text)
    return None


# --- Accounts Office reference ----------------------------------------------------------------
# 13 characters: the 3-digit tax office, "P", a check letter, 7 digits, then a digit or "X"
# (the RTI schema's AORef pattern [0-9]{3}P[A-Z][0-9]{7}[0-9X]). HMRC's help pages print it as
# 123PA00045678, padded with zeros after the letters, and ask for it without spaces.
# The 5th character is a check letter from HMRC's ePAYE reference check, published in HMRC's
# open-source reference checker (github.com/hmrc/domain, EpayeReferenceChecker): weight the 13
# characters 9,10,11,12,0,8,7,6,5,4,3,2,1 (the check letter itself weighted 0), count digits as
# themselves, "P" as 48 and "X" as 41, take the sum modulo 23 and look the remainder up in the
# letters below, which skip I, O and U. HMRC's printed examples are illustrations and fail it.
# The payment reference with 4 extra digits for the tax period (17 characters) is not this.

_AOR_SHAPE = re.compile(r"[0-9]{3}P[A-Z][0-9]{7}[0-9X]")
_AOR_WEIGHTS = (9, 10, 11, 12, 0, 8, 7, 6, 5, 4, 3, 2, 1)
_AOR_LETTER_VALUES = {"P": 48, "X": 41}
_AOR_REMAINDER_LETTERS = "ABCDEFGHXJKLMNYPQRSTZVW"


def normalise_accounts_office_reference(text: str) -> str:
    """'123 pa 0012345 6' -> '123PA00123456'."""
    return _without_spaces(text).upper()


def accounts_office_check_character(reference: str) -> str:
    """The check letter HMRC expects as the 5th character of a well-formed 13-character reference.

    The 5th character of `reference` is ignored, so a placeholder there is fine.
    """
    total = sum(
        weight * (int(char) if char.isdigit() else _AOR_LETTER_VALUES[char])
        for weight, char in zip(_AOR_WEIGHTS, reference)
        if weight
    )
    return _AOR_REMAINDER_LETTERS[total % 23]


def check_accounts_office_reference(text: str) -> Problem | None:
    reference = normalise_accounts_office_reference(text)
    if _AOR_SHAPE.fullmatch(reference) is None:
        return Problem.of(ACCOUNTS_OFFICE_REFERENCE_FORMAT, text)
    if reference[4] != accounts_office_check_character(reference):
        return Problem.of(ACCOUNTS_OFFICE_REFERENCE_CHECK, text)
    # HMRC's checker adds a rule for office 961: a reference ending in X has 0 as its 6th character.
    if reference.startswith("961") and reference[12] == "X" and reference[5] != "0":
        return Problem.of(ACCOUNTS_OFFICE_REFERENCE_CHECK, text)
    return None


# --- Bank details ---------------------------------------------------------------------------
# Shape only. A UK sort code is 6 digits, written 12-34-56; the account numbers Bacs carries are 8
# digits (Bacs Standard 18 puts the destination account in 8 numeric characters; banks whose numbers
# are shorter or longer tell their customers the 8-digit form to give). Whether the number passes the
# bank's modulus check needs Vocalink's published weight tables, which are not copied here. A
# building society roll number (for a society account that has one) goes in the payment reference:
# up to 18 of the characters Bacs carries (letters, digits, space, full stop, hyphen, slash).
# A Bacs service user number (SUN), for a Bacs file sent straight to Bacs, is 6 characters, usually
# digits (Bacs: "a unique six-digit number"); a bureau number starts with B.

_SORT_CODE_SHAPE = re.compile(r"[0-9]{6}")
_ACCOUNT_NUMBER_SHAPE = re.compile(r"[0-9]{8}")
_ROLL_NUMBER_SHAPE = re.compile(r"[A-Z0-9./ -]{1,18}")
_SUN_SHAPE = re.compile(r"[0-9B][0-9]{5}")


def _digits_only(text: str) -> str:
    return re.sub(r"[\s-]", "", text)


def normalise_sort_code(text: str) -> str:
    """'12 34 56' or '12-34-56' -> '123456' (stored without separators)."""
    return _digits_only(text)


def show_sort_code(sort_code: str) -> str:
    """'123456' -> '12-34-56', as banks print it."""
    return "-".join(sort_code[i:i + 2] for i in range(0, 6, 2)) if len(sort_code) == 6 else sort_code


def check_sort_code(text: str) -> Problem | None:
    if _SORT_CODE_SHAPE.fullmatch(normalise_sort_code(text)) is None:
        return Problem.of(SORT_CODE_FORMAT, text)
    return None


def normalise_account_number(text: str) -> str:
    """'1234 5678' -> '12345678'."""
    return _digits_only(text)


def check_account_number(text: str) -> Problem | None:
    if _ACCOUNT_NUMBER_SHAPE.fullmatch(normalise_account_number(text)) is None:
        return Problem.of(ACCOUNT_NUMBER_FORMAT, text)
    return None


def masked(number: str, shown: int = 4) -> str:
    """All but the last `shown` characters hidden: '12345678' -> '••••5678'. Bank details are listed
    this way; the whole number is shown only in the field that edits it."""
    if len(number) <= shown:
        return number
    return "\u2022" * (len(number) - shown) + number[-shown:]


def normalise_roll_number(text: str) -> str:
    return " ".join(text.split()).upper()


def check_roll_number(text: str) -> Problem | None:
    if _ROLL_NUMBER_SHAPE.fullmatch(normalise_roll_number(text)) is None:
        return Problem.of(ROLL_NUMBER_FORMAT, text)
    return None


def normalise_service_user_number(text: str) -> str:
    return _without_spaces(text).upper()


def check_service_user_number(text: str) -> Problem | None:
    if _SUN_SHAPE.fullmatch(normalise_service_user_number(text)) is None:
        return Problem.of(SERVICE_USER_NUMBER_FORMAT, text)
    return None


# --- Postcode ---------------------------------------------------------------------------------
# Shape only (BS 7666 as used by GOV.UK): an outward code A9, A99, A9A, AA9, AA99 or AA9A, then
# an inward code 9AA; plus the Girobank oddity GIR 0AA. Whether the postcode exists is a question
# for Royal Mail's address file, not for a pattern, so the finer letter-by-position rules are left
# out rather than risk refusing a real address. BFPO and overseas-territory codes are not accepted.

_POSTCODE_SHAPE = re.compile(
    r"(?:[A-Z][0-9]{1,2}|[A-Z][0-9][A-Z]|[A-Z]{2}[0-9]{1,2}|[A-Z]{2}[0-9][A-Z])[0-9][A-Z]{2}"
    r"|GIR0AA"
)


def normalise_postcode(text: str) -> str:
    """'sw1a2aa' -> 'SW1A 2AA': upper case, one space before the last three characters."""
    compact = _without_spaces(text).upper()
    if len(compact) < 4:
        return compact
    return f"{compact[:-3]} {compact[-3:]}"


def check_postcode(text: str) -> Problem | None:
    compact = _without_spaces(text).upper()
    if _POSTCODE_SHAPE.fullmatch(compact) is None:
        return Problem.of(POSTCODE_FORMAT, text)
    return None


# --- DBS certificate number -------------------------------------------------------------------
# The DBS certificate's reference number is 12 digits (DBS online help: an employer doing an
# Update Service status check records "the certificate's 12-digit reference number").

def normalise_dbs_certificate_number(text: str) -> str:
    return _without_spaces(text)


def check_dbs_certificate_number(text: str) -> Problem | None:
    number = normalise_dbs_certificate_number(text)
    if not (len(number) == 12 and number.isascii() and number.isdigit()):
        return Problem.of(DBS_CERTIFICATE_FORMAT, text)
    return None


# --- Email address ----------------------------------------------------------------------------
# Deliberately loose: something@domain.tld with no spaces. Only sending a message proves an
# address; this catches slips such as a missing @ or a missing dot in the domain.

_EMAIL_SHAPE = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")


def normalise_email(text: str) -> str:
    """Trimmed, with the domain in lower case (the part before @ is left as typed)."""
    local, at, domain = text.strip().rpartition("@")
    if not at:
        return text.strip()
    return f"{local}@{domain.lower()}"


def check_email(text: str) -> Problem | None:
    address = text.strip()
    if len(address) > 254 or _EMAIL_SHAPE.fullmatch(address) is None:
        return Problem.of(EMAIL_FORMAT, text)
    return None


# --- Phone number -----------------------------------------------------------------------------
# UK numbers are stored in national form, 0 then 9 or 10 more digits (10 or 11 in all); "+44",
# "0044" and "+44 (0)" are accepted in place of the leading 0. Other international numbers are kept
# as "+" and 8 to 15 digits (the ITU E.164 maximum). Spaces, hyphens, dots and brackets are ignored.

_SEPARATORS = re.compile(r"[\s\-.()]")


def normalise_phone_number(text: str) -> str:
    """'+44 (0)7700 900123' -> '07700900123'; '+33 1 23 45 67 89' -> '+33123456789'."""
    compact = _without_spaces(text).replace("(0)", "")
    compact = _SEPARATORS.sub("", compact)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if compact.startswith("+44"):
        # "+44 07700 …" is a common slip for "+44 7700 …"; either way the number starts with one 0.
        return "0" + compact[3:].lstrip("0")
    return compact


def check_phone_number(text: str) -> Problem | None:
    number = normalise_phone_number(text)
    if number.startswith("+"):
        digits = number[1:]
        ok = digits.isascii() and digits.isdigit() and 8 <= len(digits) <= 15 and digits[0] != "0"
    else:
        ok = (
            number.isascii() and number.isdigit() and len(number) in (10, 11)
            and number[0] == "0" and number[1] != "0"
        )
    return None if ok else Problem.of(PHONE_FORMAT, text)


# --- Dates ------------------------------------------------------------------------------------

MAXIMUM_PLAUSIBLE_AGE = 100  # not law: an older date of birth is surely a slip


def check_date_in_range(day: date) -> Problem | None:
    """Any date kept in the records: within dates.FIRST_YEAR to LAST_YEAR (0026 for 2026 is a slip)."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        return Problem.of(DATE_OUT_OF_RANGE, day, first=FIRST_YEAR, last=LAST_YEAR)
    return None


def check_date_order(earlier: date, later: date) -> Problem | None:
    """`later` may be the same day as `earlier`, not before it."""
    if later < earlier:
        return Problem.of(DATE_ORDER, later, earlier=earlier)
    return None


def check_date_of_birth(date_of_birth: date, on: date) -> Problem | None:
    """Plausible for someone working on `on`: aged 16 to 100, and born before that day."""
    if date_of_birth > on:
        return Problem.of(DATE_OF_BIRTH_IMPLAUSIBLE, date_of_birth, on=on,
                          maximum_age=MAXIMUM_PLAUSIBLE_AGE)
    from pa_manager.domain.minimum_wage import school_leaving_age  # loaded when needed: it reads the rates

    age = age_on(date_of_birth, on)
    youngest = school_leaving_age(on)  # the minimum wage's school leaving age, from the rates data
    if age < youngest:
        return Problem.of(DATE_OF_BIRTH_TOO_YOUNG, date_of_birth, on=on, minimum_age=youngest)
    if age > MAXIMUM_PLAUSIBLE_AGE:
        return Problem.of(DATE_OF_BIRTH_IMPLAUSIBLE, date_of_birth, on=on,
                          maximum_age=MAXIMUM_PLAUSIBLE_AGE)
    return None


def check_leaving_date(start: date, leaving: date) -> Problem | None:
    """Someone may leave on the day they start, not before it."""
    if leaving < start:
        return Problem.of(LEAVING_BEFORE_START, leaving, start=start)
    return None


# --- Rates and amounts ------------------------------------------------------------------------
# Money is Decimal (see money.py). A rate above the ceiling is almost certainly a slip such as a
# weekly figure in the hourly box, or a missing decimal point.

RATE_CEILING = Decimal("1000")


def check_rate(amount: Decimal | str, ceiling: Decimal = RATE_CEILING) -> Problem | None:
    """Positive, whole pence, and below `ceiling` (£1,000 unless told otherwise)."""
    try:
        value = money.read_amount(str(amount))
    except money.AmountError as error:
        if error.code == money.AMOUNT_TOO_LARGE:
            return Problem.of(RATE_IMPLAUSIBLE, amount, ceiling=ceiling)
        return Problem.of(RATE_NOT_A_NUMBER, amount)
    if value <= 0:
        return Problem.of(RATE_NOT_POSITIVE, amount)
    if value >= ceiling:
        return Problem.of(RATE_IMPLAUSIBLE, amount, ceiling=ceiling)
    if value != value.quantize(money.PENNY):
        return Problem.of(RATE_TOO_MANY_DECIMALS, amount)
    return None
