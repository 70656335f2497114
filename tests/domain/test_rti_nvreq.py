"""The NINO Verification Request's contents (domain.nvreq): what HMRC needs to find a PA's NI number, and
each reason one cannot be made, as a code naming the PA."""
from __future__ import annotations

from datetime import date

import pytest

from pa_manager.domain.nvreq import nvreq_employee, nvreq_for
from pa_manager.domain.rti import RtiError

TODAY = date(2026, 12, 3)
SAM = dict(ni_number="", date_of_birth=date(1999, 10, 29), gender="M",
           address="5 Hollins Court\nAshford Vale", postcode="av1 4ds", today=TODAY)


def _sam(name="Sam Ellis", **changes):
    return nvreq_employee(name, **{**SAM, **changes})


def test_a_pa_without_an_ni_number_gives_name_address_birth_date_and_gender():
    e = _sam("Sam  James Ellis")
    assert (e.forenames, e.surname) == (("Sam", "James"), "Ellis")
    assert e.address_lines == ("5 Hollins Court", "Ashford Vale")
    assert e.postcode == "AV1 4DS"          # written as HMRC writes a postcode
    assert (e.birth_date, e.gender, e.payroll_id) == (date(1999, 10, 29), "M", "")


def test_an_address_written_on_one_line_with_commas_gives_its_lines():
    assert _sam(address="Flat 2, 41 Station Road, Ashford Vale").address_lines == (
        "Flat 2", "41 Station Road", "Ashford Vale")


def test_a_postcode_not_in_the_uk_shape_is_left_out_rather_than_sent_wrong():
    assert _sam(postcode="12345").postcode == ""
    assert _sam(postcode="").postcode == ""


def test_a_payroll_id_is_carried_when_given():
    assert _sam(payroll_id=" 17 ").payroll_id == "17"


@pytest.mark.parametrize("changes, code", [
    (dict(ni_number="NE237781D"), "NVREQ_HAS_NI_NUMBER"),
    (dict(date_of_birth=None), "NVREQ_BIRTH_DATE_MISSING"),
    (dict(date_of_birth=date(2026, 12, 4)), "NVREQ_BIRTH_DATE_IMPOSSIBLE"),    # tomorrow (HMRC rule 5001)
    (dict(date_of_birth=date(1896, 12, 3)), "NVREQ_BIRTH_DATE_IMPOSSIBLE"),    # 130 years ago (rule 7826)
    (dict(gender=""), "NVREQ_GENDER_MISSING"),
    (dict(gender="X"), "NVREQ_GENDER_MISSING"),
    (dict(address="5 Hollins Court"), "NVREQ_ADDRESS_NEEDED"),                  # rule 7823: two lines
    (dict(address=""), "NVREQ_ADDRESS_NEEDED"),
])
def test_what_stops_a_request_is_said_by_code_with_the_pas_name(changes, code):
    with pytest.raises(RtiError) as caught:
        _sam(**changes)
    assert (caught.value.code, caught.value.name) == (code, "Sam Ellis")


def test_a_birth_date_today_or_just_under_130_years_ago_is_accepted():
    assert _sam(date_of_birth=TODAY).birth_date == TODAY
    assert _sam(date_of_birth=date(1896, 12, 4)).birth_date == date(1896, 12, 4)


def test_a_name_of_one_word_has_no_forename_so_is_refused():
    with pytest.raises(RtiError) as caught:
        _sam("Ellis")
    assert caught.value.code == "NVREQ_NAME_NEEDED"


def test_the_request_carries_the_employers_paye_reference_split_as_hmrc_wants_it():
    request = nvreq_for("123/ab456", [_sam()], TODAY)
    assert (request.office_number, request.paye_reference, request.made_on) == ("123", "AB456", TODAY)
    assert len(request.employees) == 1


@pytest.mark.parametrize("paye, employees, code", [
    ("", 1, "RTI_PAYE_REFERENCE_MISSING"),
    ("AB456", 1, "RTI_PAYE_REFERENCE_FORMAT"),
    ("123/AB456", 0, "NVREQ_NO_EMPLOYEES"),
    ("123/AB456", 101, "NVREQ_TOO_MANY"),      # rule 7827: 1 to 100 employees
])
def test_a_request_needs_a_paye_reference_and_1_to_100_pas(paye, employees, code):
    with pytest.raises(RtiError) as caught:
        nvreq_for(paye, [_sam()] * employees, TODAY)
    assert caught.value.code == code


def test_100_pas_fit_in_one_request():
    assert len(nvreq_for("123/AB456", [_sam()] * 100, TODAY).employees) == 100
