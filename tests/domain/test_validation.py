"""Tables of good and bad input for each check in pa_manager.domain.validation, and the wording."""
from __future__ import annotations

import string
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pa_manager import messages
from pa_manager.domain import validation as v
from pa_manager.domain.validation import Problem


def code_of(problem: Problem | None) -> str | None:
    return None if problem is None else problem.code


# --- National Insurance number ----------------------------------------------------------------

NI_VALID = [
    ("AB123456C", "AB123456C"),
    ("AB 12 34 56 C", "AB123456C"),
    ("ab 12 34 56 c", "AB123456C"),
    ("  ab123456c  ", "AB123456C"),
    ("AB\t12 34\u00a056 C", "AB123456C"),  # tab and a no-break space pasted from a document
    ("JE000001A", "JE000001A"),
    ("ZY999999D", "ZY999999D"),  # Z is fine first, Y fine second; only ZZ is barred
    ("OA123456B", "OA123456B"),  # O is allowed as the first letter, only not the second
    ("NA123456A", "NA123456A"),
    ("GA123456D", "GA123456D"),
    ("PP123456A", "PP123456A"),  # PP is only called administrative by secondary sources
]


@pytest.mark.parametrize("typed, stored", NI_VALID)
def test_ni_number_valid(typed: str, stored: str) -> None:
    assert v.check_ni_number(typed) is None
    assert v.normalise_ni_number(typed) == stored


NI_INVALID = [
    # Shape
    ("", v.NI_NUMBER_FORMAT),
    ("AB12345C", v.NI_NUMBER_FORMAT),  # five digits
    ("AB1234567C", v.NI_NUMBER_FORMAT),  # seven digits
    ("AB123456CC", v.NI_NUMBER_FORMAT),
    ("A123456C", v.NI_NUMBER_FORMAT),
    ("1B123456C", v.NI_NUMBER_FORMAT),
    ("AB12E456C", v.NI_NUMBER_FORMAT),
    ("AB-12-34-56-C", v.NI_NUMBER_FORMAT),
    ("AB１２３４５６C", v.NI_NUMBER_FORMAT),  # full-width digits are not ASCII digits
    # HMRC's own example QQ 12 34 56 A/C is not a possible number: Q is never a prefix letter.
    ("QQ123456C", v.NI_NUMBER_PREFIX),
    ("QQ 12 34 56 A", v.NI_NUMBER_PREFIX),
    # Each letter never used first (NIM39110)
    *[(f"{letter}A123456C", v.NI_NUMBER_PREFIX) for letter in "DFIQUV"],
    # Each letter never used second, including O
    *[(f"A{letter}123456C", v.NI_NUMBER_PREFIX) for letter in "DFIOQUV"],
    # Each prefix never issued; TN was also the temporary-number prefix
    *[(f"{prefix}123456C", v.NI_NUMBER_PREFIX) for prefix in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ")],
    ("TN010180M", v.NI_NUMBER_PREFIX),  # an old temporary number: TN, date of birth, M or F
    # Administrative look-alikes named in NIM39110
    *[(f"{prefix}123456A", v.NI_NUMBER_PREFIX) for prefix in ("OO", "CR", "FY", "MW", "NC")],
    # Suffix
    ("AB123456E", v.NI_NUMBER_SUFFIX),
    ("AB123456F", v.NI_NUMBER_SUFFIX),
    ("AB123456M", v.NI_NUMBER_SUFFIX),
    ("AB123456P", v.NI_NUMBER_SUFFIX),
    ("AB123456Z", v.NI_NUMBER_SUFFIX),
    ("AB123456", v.NI_NUMBER_SUFFIX),  # suffix left off
    ("ab 12 34 56 e", v.NI_NUMBER_SUFFIX),
    # Placeholder
    ("AA000000A", v.NI_NUMBER_PLACEHOLDER),
    ("aa 00 00 00 a", v.NI_NUMBER_PLACEHOLDER),
]


@pytest.mark.parametrize("typed, code", NI_INVALID)
def test_ni_number_invalid(typed: str, code: str) -> None:
    problem = v.check_ni_number(typed)
    assert code_of(problem) == code
    assert problem is not None and problem.value == typed


def test_ni_prefix_problem_names_the_prefix() -> None:
    problem = v.check_ni_number("qq 12 34 56 c")
    assert problem is not None and problem.param("prefix") == "QQ"


def test_ni_prefix_rule_is_checked_before_the_suffix() -> None:
    assert code_of(v.check_ni_number("QQ123456E")) == v.NI_NUMBER_PREFIX


def test_ni_prefix_allowed_counts_every_pair() -> None:
    # 20 first letters x 19 second letters, less the 7 never issued and 3 administrative ones
    # (CR, MW, NC; FY and OO already fail the letter rules).
    pairs = [a + b for a in string.ascii_uppercase for b in string.ascii_uppercase]
    allowed = [pair for pair in pairs if v.ni_prefix_allowed(pair)]
    assert len(allowed) == 20 * 19 - 7 - 3
    assert "AB" in allowed and "QQ" not in allowed and "AO" not in allowed


_NI_FIRST = sorted(set(string.ascii_uppercase) - set("DFIQUV"))
_NI_SECOND = sorted(set(string.ascii_uppercase) - set("DFIOQUV"))


@st.composite
def ni_numbers(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(_NI_FIRST)) + draw(st.sampled_from(_NI_SECOND))
    digits = draw(st.text(alphabet=string.digits, min_size=6, max_size=6))
    suffix = draw(st.sampled_from("ABCD"))
    return prefix + digits + suffix


@given(ni_numbers(), st.booleans(), st.booleans())
def test_ni_number_property_spaced_or_lower_case_is_the_same_number(
    number: str, spaced: bool, lower: bool
) -> None:
    typed = " ".join([number[:2], number[2:4], number[4:6], number[6:8], number[8]]) if spaced else number
    typed = typed.lower() if lower else typed
    assert v.normalise_ni_number(typed) == number
    assert code_of(v.check_ni_number(typed)) == code_of(v.check_ni_number(number))
    if v.ni_prefix_allowed(number[:2]) and number != "AA000000A":
        assert v.check_ni_number(typed) is None
        assert v.check_ni_number(v.normalise_ni_number(typed)) is None
    else:
        assert v.check_ni_number(typed) is not None


@given(st.text())
def test_ni_number_property_normalise_is_idempotent_and_valid_stays_valid(text: str) -> None:
    once = v.normalise_ni_number(text)
    assert v.normalise_ni_number(once) == once
    if v.check_ni_number(text) is None:
        assert v.check_ni_number(once) is None


# --- Employer PAYE reference ------------------------------------------------------------------

PAYE_VALID = [
    ("123/AB45678", "123/AB45678"),
    ("120/A12345", "120/A12345"),
    ("123/ab456", "123/AB456"),
    ("123 / AB456", "123/AB456"),
    (" 961/Z ", "961/Z"),
    ("083/1234567890", "083/1234567890"),  # ten characters after the slash is the most
]

PAYE_INVALID = [
    "",
    "123AB45678",  # no slash
    "12/AB45678",
    "1234/AB45678",
    "ABC/AB45678",
    "123/",
    "123/AB-45678",
    "123/12345678901",  # eleven after the slash
    "123\\AB45678",
    "123//AB45678",
    "123/AB/45678",
]


@pytest.mark.parametrize("typed, stored", PAYE_VALID)
def test_paye_reference_valid(typed: str, stored: str) -> None:
    assert v.check_paye_reference(typed) is None
    assert v.normalise_paye_reference(typed) == stored


@pytest.mark.parametrize("typed", PAYE_INVALID)
def test_paye_reference_invalid(typed: str) -> None:
    assert code_of(v.check_paye_reference(typed)) == v.PAYE_REFERENCE_FORMAT


# --- Accounts Office reference ----------------------------------------------------------------

# References that pass HMRC's check letter. The first six are from the test data of HMRC's own
# reference checker (github.com/hmrc/domain), an independent oracle for the algorithm here; the
# rest were made with accounts_office_check_character and checked by hand.
AOR_VALID = [
    ("123PW12345678", "123PW12345678"),
    ("450PE00923437", "450PE00923437"),
    ("120PY19064375", "120PY19064375"),
    ("853PW0076584X", "853PW0076584X"),
    ("961PA0045782X", "961PA0045782X"),
    ("123PH45678900", "123PH45678900"),
    ("123PF00045678", "123PF00045678"),
    ("123pf00045678", "123PF00045678"),
    ("123 PF 0004 5678", "123PF00045678"),
]

AOR_INVALID = [
    ("", v.ACCOUNTS_OFFICE_REFERENCE_FORMAT),
    ("123PF0004567", v.ACCOUNTS_OFFICE_REFERENCE_FORMAT),  # 12 characters
    ("123PF000456780", v.ACCOUNTS_OFFICE_REFERENCE_FORMAT),  # 14 characters
    ("123PF000456781234", v.ACCOUNTS_OFFICE_REFERENCE_FORMAT),  # the 17-character payment reference
    ("123AF00045678", v.ACCOUNTS_OFFICE_REFERENCE_FORMAT),  # 4th character must be P
    ("123P100045678", v.ACCOUNTS_OFFICE_REFERENCE_FORMAT),  # 5th must be a letter
    ("12APF00045678", v.ACCOUNTS_OFFICE_REFERENCE_FORMAT),
    ("123PF0004567Y", v.ACCOUNTS_OFFICE_REFERENCE_FORMAT),  # only X may end it
    ("450PA0096437K", v.ACCOUNTS_OFFICE_REFERENCE_FORMAT),  # passes HMRC's letter sum, not the RTI pattern
    ("123PF0X045678", v.ACCOUNTS_OFFICE_REFERENCE_FORMAT),
    ("123-PF-00045678", v.ACCOUNTS_OFFICE_REFERENCE_FORMAT),
    # Right shape, wrong check letter. HMRC's printed examples are illustrations and fail.
    ("123PA00045678", v.ACCOUNTS_OFFICE_REFERENCE_CHECK),
    ("123PA12345678", v.ACCOUNTS_OFFICE_REFERENCE_CHECK),
    ("123PA00012345", v.ACCOUNTS_OFFICE_REFERENCE_CHECK),
    ("123PX00123456", v.ACCOUNTS_OFFICE_REFERENCE_CHECK),
    ("000PL00000000", v.ACCOUNTS_OFFICE_REFERENCE_CHECK),
    ("120PA12697495", v.ACCOUNTS_OFFICE_REFERENCE_CHECK),  # from HMRC's checker's failing cases
    ("846PT00568772", v.ACCOUNTS_OFFICE_REFERENCE_CHECK),
    ("820PB0091254X", v.ACCOUNTS_OFFICE_REFERENCE_CHECK),
    ("123PG00045678", v.ACCOUNTS_OFFICE_REFERENCE_CHECK),  # one letter off the right one
    ("123PF00045687", v.ACCOUNTS_OFFICE_REFERENCE_CHECK),  # last two digits swapped
]


@pytest.mark.parametrize("typed, stored", AOR_VALID)
def test_accounts_office_reference_valid(typed: str, stored: str) -> None:
    assert v.check_accounts_office_reference(typed) is None
    assert v.normalise_accounts_office_reference(typed) == stored


@pytest.mark.parametrize("typed, code", AOR_INVALID)
def test_accounts_office_reference_invalid(typed: str, code: str) -> None:
    assert code_of(v.check_accounts_office_reference(typed)) == code


def test_accounts_office_check_character_worked_example() -> None:
    # 1x9 + 2x10 + 3x11 + P(48)x12 + 0x8 + 0x7 + 0x6 + 4x5 + 5x4 + 6x3 + 7x2 + 8x1 = 718;
    # 718 mod 23 = 5, and the 6th letter of the table is F.
    assert v.accounts_office_check_character("123P?00045678") == "F"


def test_accounts_office_office_961_ending_x_needs_a_zero_sixth_character() -> None:
    base = "961P?1045782X"
    reference = base.replace("?", v.accounts_office_check_character(base))
    assert code_of(v.check_accounts_office_reference(reference)) == v.ACCOUNTS_OFFICE_REFERENCE_CHECK
    zeroed = "961P?0045782X"
    assert v.check_accounts_office_reference(zeroed.replace("?", v.accounts_office_check_character(zeroed))) is None


@given(
    st.text(alphabet=string.digits, min_size=3, max_size=3),
    st.text(alphabet=string.digits, min_size=7, max_size=7),
    st.sampled_from("0123456789X"),
)
def test_accounts_office_property_only_the_computed_letter_passes(office: str, digits: str, last: str) -> None:
    base = f"{office}P?{digits}{last}"
    right = v.accounts_office_check_character(base)
    assert right in string.ascii_uppercase and right not in "IOU"
    barred_961 = office == "961" and last == "X" and digits[0] != "0"
    for letter in string.ascii_uppercase:
        problem = v.check_accounts_office_reference(base.replace("?", letter))
        if letter == right and not barred_961:
            assert problem is None
        else:
            assert code_of(problem) == v.ACCOUNTS_OFFICE_REFERENCE_CHECK


# --- Postcode ---------------------------------------------------------------------------------

POSTCODE_VALID = [
    ("M1 1AE", "M1 1AE"),  # A9 9AA
    ("B33 8TH", "B33 8TH"),  # A99 9AA
    ("W1A 0AX", "W1A 0AX"),  # A9A 9AA
    ("CR2 6XH", "CR2 6XH"),  # AA9 9AA
    ("DN55 1PT", "DN55 1PT"),  # AA99 9AA
    ("EC1A 1BB", "EC1A 1BB"),  # AA9A 9AA
    ("GIR 0AA", "GIR 0AA"),
    ("gir0aa", "GIR 0AA"),
    ("sw1a2aa", "SW1A 2AA"),
    ("  SW1A   2AA ", "SW1A 2AA"),
    ("ls1 4ap", "LS1 4AP"),
]

POSTCODE_INVALID = [
    "",
    "SW1A",  # outward code only
    "2AA",
    "SW1A 2A",
    "SW1A 22A",
    "SW1A 2AAA",
    "1SW 2AA",
    "SWA1 2AA",  # AAA9 is not a shape
    "S1AA 2AA",
    "ABC1 2AA",
    "AB123 4CD",
    "SW1A-2AA",
    "BFPO 1234",  # forces post codes are not BS 7666 postcodes
    "GIR 0AB",
    "SW1A 2ÀA",
]


@pytest.mark.parametrize("typed, stored", POSTCODE_VALID)
def test_postcode_valid(typed: str, stored: str) -> None:
    assert v.check_postcode(typed) is None
    assert v.normalise_postcode(typed) == stored


@pytest.mark.parametrize("typed", POSTCODE_INVALID)
def test_postcode_invalid(typed: str) -> None:
    assert code_of(v.check_postcode(typed)) == v.POSTCODE_FORMAT


@given(st.text())
def test_postcode_property_normalise_is_idempotent_and_valid_stays_valid(text: str) -> None:
    once = v.normalise_postcode(text)
    assert v.normalise_postcode(once) == once
    if v.check_postcode(text) is None:
        assert v.check_postcode(once) is None


# --- DBS certificate number -------------------------------------------------------------------

DBS_VALID = [
    ("001234567890", "001234567890"),
    ("0012 3456 7890", "001234567890"),
    (" 123456789012 ", "123456789012"),
]

DBS_INVALID = [
    "",
    "00123456789",  # 11 digits
    "0012345678901",  # 13 digits
    "00123456789A",
    "E01234567890",
    "0012-3456-7890",
    "１２３４５６７８９０１２",  # full-width digits
]


@pytest.mark.parametrize("typed, stored", DBS_VALID)
def test_dbs_certificate_number_valid(typed: str, stored: str) -> None:
    assert v.check_dbs_certificate_number(typed) is None
    assert v.normalise_dbs_certificate_number(typed) == stored


@pytest.mark.parametrize("typed", DBS_INVALID)
def test_dbs_certificate_number_invalid(typed: str) -> None:
    assert code_of(v.check_dbs_certificate_number(typed)) == v.DBS_CERTIFICATE_FORMAT


# --- Email address ----------------------------------------------------------------------------

EMAIL_VALID = [
    ("name@example.com", "name@example.com"),
    ("  Jo.Bloggs+pa@Example.CO.UK ", "Jo.Bloggs+pa@example.co.uk"),
    ("a@b.uk", "a@b.uk"),
    ("o'neill@example.org", "o'neill@example.org"),
]

EMAIL_INVALID = [
    "",
    "name",
    "name@",
    "@example.com",
    "name@example",
    "name@example.",
    "name@.com",
    "name@@example.com",
    "na me@example.com",
    "name@exa mple.com",
    "name@example..com",
    "a@b@example.com",
    "x" * 250 + "@example.com",
]


@pytest.mark.parametrize("typed, stored", EMAIL_VALID)
def test_email_valid(typed: str, stored: str) -> None:
    assert v.check_email(typed) is None
    assert v.normalise_email(typed) == stored


@pytest.mark.parametrize("typed", EMAIL_INVALID)
def test_email_invalid(typed: str) -> None:
    assert code_of(v.check_email(typed)) == v.EMAIL_FORMAT


# --- Phone number -----------------------------------------------------------------------------

PHONE_VALID = [
    ("07700 900982", "07700900982"),
    ("07700900982", "07700900982"),
    ("+44 7700 900982", "07700900982"),
    ("+447700900982", "07700900982"),
    ("+44 (0)7700 900982", "07700900982"),
    ("+44 07700 900982", "07700900982"),
    ("0044 7700 900982", "07700900982"),
    ("020 7946 0000", "02079460000"),
    ("(020) 7946 0000", "02079460000"),
    ("0113-496-0000", "01134960000"),
    ("01632 96000", "0163296000"),  # 10 digits, as some area codes have
    ("0800 123456", "0800123456"),
    ("+33 1 23 45 67 89", "+33123456789"),
    ("0033 1 23 45 67 89", "+33123456789"),
]

PHONE_INVALID = [
    "",
    "0770090098212",  # 13 digits
    "077009",
    "7700 900982",  # no leading 0 or +44
    "07700 9009A2",
    "+44 7700 9009822",  # 12 digits once written nationally
    "+1 234",  # too short for an international number
    "+0 123456789",
    "phone me",
    "+",
]


@pytest.mark.parametrize("typed, stored", PHONE_VALID)
def test_phone_number_valid(typed: str, stored: str) -> None:
    assert v.check_phone_number(typed) is None
    assert v.normalise_phone_number(typed) == stored


@pytest.mark.parametrize("typed", PHONE_INVALID)
def test_phone_number_invalid(typed: str) -> None:
    assert code_of(v.check_phone_number(typed)) == v.PHONE_FORMAT


def test_phone_number_length_is_checked_not_the_numbering_plan() -> None:
    # 10 digits starting 0 is accepted: some real UK numbers are 10 digits, and the format check
    # does not know Ofcom's plan well enough to say which.
    assert v.check_phone_number("07700 90098") is None


@given(st.text())
def test_phone_property_normalise_is_idempotent_and_valid_stays_valid(text: str) -> None:
    once = v.normalise_phone_number(text)
    assert v.normalise_phone_number(once) == once
    if v.check_phone_number(text) is None:
        assert v.check_phone_number(once) is None


# --- Dates ------------------------------------------------------------------------------------

@pytest.mark.parametrize("earlier, later, code", [
    (date(2026, 4, 6), date(2026, 4, 7), None),
    (date(2026, 4, 6), date(2026, 4, 6), None),
    (date(2026, 4, 6), date(2026, 4, 5), v.DATE_ORDER),
    (date(2026, 4, 6), date(2025, 4, 7), v.DATE_ORDER),
])
def test_check_date_order(earlier: date, later: date, code: str | None) -> None:
    problem = v.check_date_order(earlier, later)
    assert code_of(problem) == code
    if problem is not None:
        assert problem.value == later and problem.param("earlier") == earlier


ON = date(2026, 4, 6)


@pytest.mark.parametrize("born, code", [
    (date(2010, 4, 6), None),  # 16 today
    (date(2010, 4, 7), v.DATE_OF_BIRTH_TOO_YOUNG),  # 16 tomorrow
    (date(2020, 1, 1), v.DATE_OF_BIRTH_TOO_YOUNG),
    (ON, v.DATE_OF_BIRTH_TOO_YOUNG),  # born today
    (date(2026, 4, 7), v.DATE_OF_BIRTH_IMPLAUSIBLE),  # not born yet
    (date(2062, 1, 1), v.DATE_OF_BIRTH_IMPLAUSIBLE),  # a century slip the other way
    (date(1926, 4, 6), None),  # 100 today
    (date(1926, 4, 7), None),  # 99
    (date(1925, 4, 7), None),  # 100 and 364 days: still 100 in whole years
    (date(1925, 4, 6), v.DATE_OF_BIRTH_IMPLAUSIBLE),  # 101 today
    (date(1826, 4, 6), v.DATE_OF_BIRTH_IMPLAUSIBLE),
    (date(1980, 7, 15), None),
])
def test_check_date_of_birth(born: date, code: str | None) -> None:
    assert code_of(v.check_date_of_birth(born, ON)) == code


def test_date_of_birth_29_february_turns_16_on_1_march() -> None:
    born = date(2008, 2, 29)
    assert code_of(v.check_date_of_birth(born, date(2024, 2, 28))) == v.DATE_OF_BIRTH_TOO_YOUNG
    assert v.check_date_of_birth(born, date(2024, 2, 29)) is None  # a leap year: the real day


@pytest.mark.parametrize("start, leaving, code", [
    (date(2026, 4, 6), date(2026, 9, 30), None),
    (date(2026, 4, 6), date(2026, 4, 6), None),  # left on the first day
    (date(2026, 4, 6), date(2026, 4, 5), v.LEAVING_BEFORE_START),
    (date(2026, 4, 6), date(2020, 1, 1), v.LEAVING_BEFORE_START),
])
def test_check_leaving_date(start: date, leaving: date, code: str | None) -> None:
    problem = v.check_leaving_date(start, leaving)
    assert code_of(problem) == code
    if problem is not None:
        assert problem.param("start") == start


# --- Rates ------------------------------------------------------------------------------------

RATE_VALID = [
    "12.71",
    "£12.71",
    " 12.5 ",
    "12",
    "0.01",
    "999.99",
    "12.500",  # trailing zeros are still whole pence
    Decimal("13.85"),
]

RATE_INVALID = [
    ("", v.RATE_NOT_A_NUMBER),
    ("twelve", v.RATE_NOT_A_NUMBER),
    ("12.7.1", v.RATE_NOT_A_NUMBER),
    ("NaN", v.RATE_NOT_A_NUMBER),
    ("Infinity", v.RATE_NOT_A_NUMBER),
    (Decimal("NaN"), v.RATE_NOT_A_NUMBER),
    ("0", v.RATE_NOT_POSITIVE),
    ("0.00", v.RATE_NOT_POSITIVE),
    ("-0", v.RATE_NOT_POSITIVE),
    ("-12.50", v.RATE_NOT_POSITIVE),
    ("12.715", v.RATE_TOO_MANY_DECIMALS),
    ("0.001", v.RATE_TOO_MANY_DECIMALS),
    (Decimal("12.345"), v.RATE_TOO_MANY_DECIMALS),
    ("1000", v.RATE_IMPLAUSIBLE),
    ("£1,000.00", v.RATE_IMPLAUSIBLE),
    ("1271", v.RATE_IMPLAUSIBLE),  # 12.71 with the point left out
    ("1e30", v.RATE_IMPLAUSIBLE),
    ("1e40", v.RATE_IMPLAUSIBLE),  # too big for Decimal to round to the penny
    (Decimal("1e40"), v.RATE_IMPLAUSIBLE),
]


@pytest.mark.parametrize("typed", RATE_VALID)
def test_rate_valid(typed: Decimal | str) -> None:
    assert v.check_rate(typed) is None


@pytest.mark.parametrize("typed, code", RATE_INVALID)
def test_rate_invalid(typed: Decimal | str, code: str) -> None:
    assert code_of(v.check_rate(typed)) == code


def test_rate_ceiling_can_be_set() -> None:
    assert v.check_rate("1500", ceiling=Decimal("2000")) is None
    problem = v.check_rate("50", ceiling=Decimal("40"))
    assert problem is not None and problem.param("ceiling") == Decimal("40")


# --- Bank details ----------------------------------------------------------------------------

@pytest.mark.parametrize("typed, stored", [("12-34-56", "123456"), ("12 34 56", "123456"), ("123456", "123456"),
                                           (" 08-32-10 ", "083210")])
def test_sort_code_accepted_and_stored_as_digits(typed: str, stored: str) -> None:
    assert v.check_sort_code(typed) is None
    assert v.normalise_sort_code(typed) == stored
    assert v.show_sort_code(stored) == f"{stored[:2]}-{stored[2:4]}-{stored[4:]}"


@pytest.mark.parametrize("typed", ["12345", "1234567", "12-34-5a", "", "12.34.56", "１２３４５６"])
def test_sort_code_refused(typed: str) -> None:
    assert code_of(v.check_sort_code(typed)) == v.SORT_CODE_FORMAT


@pytest.mark.parametrize("typed", ["12345678", "1234 5678", "00000001"])
def test_account_number_accepted(typed: str) -> None:
    assert v.check_account_number(typed) is None
    assert len(v.normalise_account_number(typed)) == 8


@pytest.mark.parametrize("typed", ["1234567", "123456789", "1234567X", ""])
def test_account_number_refused(typed: str) -> None:
    assert code_of(v.check_account_number(typed)) == v.ACCOUNT_NUMBER_FORMAT


def test_roll_number_shape() -> None:
    assert v.check_roll_number("1234/56789-x.1") is None
    assert v.normalise_roll_number(" abc  123 ") == "ABC 123"
    assert code_of(v.check_roll_number("A" * 19)) == v.ROLL_NUMBER_FORMAT
    assert code_of(v.check_roll_number("ROLL#1")) == v.ROLL_NUMBER_FORMAT


def test_service_user_number_shape() -> None:
    assert v.check_service_user_number("123456") is None
    assert v.check_service_user_number("b12345") is None
    assert code_of(v.check_service_user_number("A12345")) == v.SERVICE_USER_NUMBER_FORMAT


def test_masked_shows_only_the_last_4() -> None:
    assert v.masked("12345678") == "\u2022\u2022\u2022\u20225678"
    assert v.masked("083210") == "\u2022\u20223210"
    assert v.masked("") == ""


# --- Codes and their wording ------------------------------------------------------------------

def test_codes_lists_exactly_the_code_constants() -> None:
    constants = {
        value for name, value in vars(v).items()
        if name.isupper() and isinstance(value, str) and value == name
    }
    assert constants == v.CODES


def test_every_validation_code_has_a_message() -> None:
    assert messages.missing_messages(v.CODES) == set()


def test_every_message_is_one_sentence() -> None:
    for code, template in messages.MESSAGES.items():
        assert template.endswith("."), code
        assert ". " not in template, code
        assert template[0].isupper(), code


# One real Problem for every code, made by the check that returns it.
PROBLEM_FOR_EVERY_CODE = [
    v.check_ni_number("AB12"),
    v.check_ni_number("QQ123456C"),
    v.check_ni_number("AB123456E"),
    v.check_ni_number("AA000000A"),
    v.check_paye_reference("123AB456"),
    v.check_accounts_office_reference("123PA0004567"),
    v.check_accounts_office_reference("123PA00045678"),
    v.check_postcode("SW1"),
    v.check_dbs_certificate_number("123"),
    v.check_email("name"),
    v.check_phone_number("123"),
    v.check_date_order(date(2026, 4, 6), date(2026, 4, 5)),
    v.check_date_of_birth(date(2020, 1, 1), ON),
    v.check_date_of_birth(date(1900, 1, 1), ON),
    v.check_leaving_date(date(2026, 4, 6), date(2026, 4, 5)),
    v.check_date_in_range(date(26, 4, 6)),
    v.check_rate("abc"),
    v.check_rate("-1"),
    v.check_rate("1.234"),
    v.check_rate("5000"),
    v.check_sort_code("12345"),
    v.check_account_number("1234567"),
    v.check_roll_number("ROLL*1"),
    v.check_service_user_number("12345"),
]


def test_the_samples_cover_every_code() -> None:
    assert {code_of(p) for p in PROBLEM_FOR_EVERY_CODE} == v.CODES


@pytest.mark.parametrize("problem", PROBLEM_FOR_EVERY_CODE, ids=lambda p: p.code)
def test_describe_fills_in_every_problem(problem: Problem) -> None:
    sentence = messages.describe(problem, strict=True)
    assert sentence != messages.FALLBACK
    assert "{" not in sentence and "}" not in sentence


def test_describe_formats_details() -> None:
    def said(problem: Problem | None) -> str:
        assert problem is not None
        return messages.describe(problem, strict=True)

    assert said(v.check_ni_number("qq 12 34 56 c")) == (
        "A National Insurance number cannot start with QQ, so check the first 2 letters "
        "against a payslip or P60."
    )
    assert "6 April 2026" in said(v.check_leaving_date(date(2026, 4, 6), date(2026, 4, 5)))
    assert "5 January 2026" in said(v.check_date_order(date(2026, 1, 5), date(2025, 1, 1)))
    assert "at least 16 on 6 April 2026" in said(v.check_date_of_birth(date(2020, 1, 1), ON))
    assert "£1,000 an hour" in said(v.check_rate("5000"))
    assert "£40 an hour" in said(v.check_rate("50", ceiling=Decimal("40")))


def test_describe_shows_the_value_typed() -> None:
    saved = dict(messages.MESSAGES)
    try:
        messages.MESSAGES["TEST_ONLY"] = "You entered {value}, which ends on {on}."
        sentence = messages.describe(Problem.of("TEST_ONLY", "  abc ", on=date(2026, 1, 31)), strict=True)
        assert sentence == "You entered abc, which ends on 31 January 2026."
    finally:
        messages.MESSAGES.clear()
        messages.MESSAGES.update(saved)


def test_describe_falls_back_for_a_code_without_a_message_unless_strict() -> None:
    assert messages.describe(Problem("NO_SUCH_CODE")) == messages.FALLBACK
    with pytest.raises(messages.UnknownProblemCode):
        messages.describe(Problem("NO_SUCH_CODE"), strict=True)


def test_describe_falls_back_when_a_detail_is_missing_unless_strict() -> None:
    bare = Problem(v.DATE_ORDER, date(2026, 4, 5))  # made by hand, without `earlier`
    assert messages.describe(bare) == messages.FALLBACK
    with pytest.raises(KeyError):
        messages.describe(bare, strict=True)


@pytest.mark.parametrize("code, example, check", [
    ("NI_NUMBER_FORMAT", "AB 12 34 56 C", v.check_ni_number),
    ("PAYE_REFERENCE_FORMAT", "123/AB45678", v.check_paye_reference),
    ("ACCOUNTS_OFFICE_REFERENCE_FORMAT", "123PF00045678", v.check_accounts_office_reference),
    ("POSTCODE_FORMAT", "SW1A 2AA", v.check_postcode),
    ("EMAIL_FORMAT", "name@example.com", v.check_email),
    ("PHONE_FORMAT", "07700 900982", v.check_phone_number),
    ("RATE_NOT_A_NUMBER", "£12.50", v.check_rate),
])
def test_examples_in_messages_pass_their_own_checks(code: str, example: str, check) -> None:
    assert example in messages.MESSAGES[code]
    assert check(example) is None


def test_placeholder_example_in_message_is_the_one_refused() -> None:
    assert "AA 00 00 00 A" in messages.MESSAGES["NI_NUMBER_PLACEHOLDER"]
    assert code_of(v.check_ni_number("AA 00 00 00 A")) == v.NI_NUMBER_PLACEHOLDER


def test_a_problem_inside_another_is_worded_as_part_of_its_sentence() -> None:
    saved = dict(messages.MESSAGES)
    try:
        messages.MESSAGES["TEST_ONLY"] = "The {field} needs correcting: {reason}."
        inner = v.check_ni_number("QQ123456C")
        said = messages.describe(Problem.of("TEST_ONLY", field="ni_number", reason=inner), strict=True)
        assert said == ("The ni_number needs correcting: a National Insurance number cannot start with QQ, so "
                        "check the first 2 letters against a payslip or P60.")
        abbreviated = Problem("NAME_MISSING")
        messages.MESSAGES["NAME_MISSING"] = "PA Manager needs a name."
        assert messages.describe(Problem.of("TEST_ONLY", field="name", reason=abbreviated)).endswith(
            ": PA Manager needs a name.")
    finally:
        messages.MESSAGES.clear()
        messages.MESSAGES.update(saved)


def test_a_value_is_shown_on_one_line() -> None:
    assert messages.describe(Problem("DATE_FORMAT", "3 April\n2026")) == (
        "Write dates like 2026-04-03 or 3/4/2026 – 3 April 2026 is not a date.")
