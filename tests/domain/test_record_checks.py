"""Identifiers are stored in one form, whoever typed them (the PA form, the employer dialogs, a staff
list): record_checks.normalise_pa and normalise_employer, over validation's normalise_* functions."""
from datetime import date
from decimal import Decimal

import pytest

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.domain.record_checks import check_employer, check_pa, check_pay_line, normalise_employer, normalise_pa


@pytest.mark.parametrize("field, typed, stored", [
    ("ni_number", " sn 90 33 66 a ", "SN903366A"),
    ("ni_number", "qq 12 34 56 c ", "qq 12 34 56 c"),  # refused (QQ is never issued): kept as typed
    ("postcode", "sw1a2aa", "SW1A 2AA"),
    ("postcode", " sw1a 2aa ", "SW1A 2AA"),
    ("postcode", "hello world", "hello world"),  # not a postcode: kept as typed for the message
    ("email", " Ann.Lee@Example.ORG ", "Ann.Lee@example.org"),  # the part before @ is left alone
    ("email", "ann at home", "ann at home"),
    ("tax_code", "1257l", "1257L"),
    ("tax_code", "1257lm1", "1257L M1"),
    ("tax_code", " s1257l  w1 ", "S1257L W1"),
    ("tax_code", "1257", "1257"),  # no letter: refused, kept as typed
    ("tax_code", "   ", ""),  # blank is blank, not a code to check
])
def test_normalise_pa(field, typed, stored):
    assert getattr(normalise_pa(PARecord(name="Ann Lee", **{field: typed})), field) == stored


def test_a_pa_normalised_twice_is_unchanged_and_still_passes_its_checks():
    once = normalise_pa(PARecord(name="Ann Lee", ni_number="sn903366a", postcode="sw1a2aa",
                                 email="ann@EXAMPLE.org", tax_code="c1257lx"))
    assert (once.ni_number, once.postcode, once.email, once.tax_code) == (
        "SN903366A", "SW1A 2AA", "ann@example.org", "C1257L X")
    assert normalise_pa(once) == once
    assert check_pa(once, date(2026, 11, 23)) == {}


@pytest.mark.parametrize("field, typed, stored", [
    ("postcode", "bf49rw", "BF4 9RW"),
    ("paye_reference", " 123 / ab45678 ", "123/AB45678"),
    ("paye_reference", "12/ab", "12/ab"),  # refused: kept as typed
    ("accounts_office_reference", "123 pf 0004 5678", "123PF00045678"),
])
def test_normalise_employer(field, typed, stored):
    record = normalise_employer(EmployerRecord(name="Ruth Ames", **{field: typed}))
    assert getattr(record, field) == stored


def test_a_normalised_employer_passes_its_checks():
    record = normalise_employer(EmployerRecord(name="Ruth Ames", postcode="bf49rw", paye_reference="123/ab45678",
                                               accounts_office_reference="123pf00045678"))
    assert check_employer(record) == {}


@pytest.mark.parametrize("changes, field, code", [
    ({"dbs_recheck_years": 0}, "dbs_recheck_years", "DBS_RECHECK_YEARS_INVALID"),
    ({"dbs_recheck_years": 1000}, "dbs_recheck_years", "DBS_RECHECK_YEARS_INVALID"),
    ({"references_required": 6}, "references_required", "REFERENCES_REQUIRED_INVALID"),
    ({"pension_employer_rate": Decimal("3")}, "pension_employer_rate", "PENSION_RATE_INVALID"),
    ({"insurance_renewal_date": date(2, 3, 1)}, "insurance_renewal_date", "DATE_OUT_OF_RANGE"),
])
def test_employer_settings_outside_what_the_forms_offer_are_refused(changes, field, code):
    assert check_employer(EmployerRecord(name="Ruth Ames", **changes))[field].code == code


@pytest.mark.parametrize("field", ["start_date", "leaving_date", "apprenticeship_start", "pension_active_from"])
def test_a_pa_date_in_year_9999_is_refused_whatever_the_field(field):
    problem = check_pa(PARecord(name="Ann Lee", **{field: date(9999, 1, 1)}), date(2026, 11, 23))[field]
    assert (problem.code, problem.param("first"), problem.param("last")) == ("DATE_OUT_OF_RANGE", 1900, 2199)


def test_a_pay_line_from_year_26_is_refused():
    assert check_pay_line(PayRateEntry(date(26, 4, 1), Decimal("12.71"))).code == "DATE_OUT_OF_RANGE"


@pytest.mark.parametrize("last_paid, refused", [
    (date(2026, 3, 31), False), (date(2026, 11, 23), False),
    (date(2026, 11, 24), True),   # after today
    (date(2019, 8, 30), True),    # before they started
])
def test_the_last_pay_day_of_an_earlier_payroll_is_not_after_today_or_before_they_started(last_paid, refused):
    pa = PARecord(name="Ann Lee", start_date=date(2019, 9, 2), earlier_payroll_last_paid=last_paid)
    assert ("earlier_payroll_last_paid" in check_pa(pa, date(2026, 11, 23))) is refused
