"""The pay record's stored form: every format version ever written can be read."""
import json
from dataclasses import replace
from datetime import date, time
from decimal import Decimal as D
from pathlib import Path

import pytest

from pa_manager.domain import holiday
from pa_manager.domain.pay_frequency import PayFrequency as F
from pa_manager.domain.pay_period import BONUS, OneOffPayment, PayPeriodInput, pay_reference_period
from pa_manager.domain.pay_rates import PayRate
from pa_manager.domain.pay_record import (
    FORMAT_VERSION, EmployerDetails, PADetails, PayRecordError, from_document, record_of, to_document, upgrade_v1,
)
from pa_manager.domain.payroll import calculate_payslip
from pa_manager.domain.shifts import local_shift

DATA = Path(__file__).parents[1] / "data"
EMPLOYER = EmployerDetails("Ruth Ames", "2 Hill Street\nYork", "YO1 7AB", "123/AB456", "123PA00012345", "NEST",
                           "relief-at-source")
PA = PADetails("Ann Cole", "AB123456C", date(1980, 1, 1), "3 Low Lane", "YO2 1CD", "Personal assistant",
               date(2026, 4, 6), None)


def _record():
    start, end = pay_reference_period(date(2026, 11, 30), F.MONTHLY)
    shifts = tuple(local_shift(date(2026, 11, d), time(9), time(17), pa=7) for d in (2, 3, 4))
    slip = calculate_payslip(PayPeriodInput(
        frequency=F.MONTHLY, pay_date=date(2026, 11, 30), period_start=start, period_end=end,
        date_of_birth=date(1980, 1, 1), tax_code="1257L", pa=7, shifts=shifts,
        pay_rates=(PayRate(date(2026, 4, 6), None, D("12.71")),), leave_year_start=date(2026, 4, 1),
        holiday_entitlement_hours=D("89.6"), holiday_taken_in_leave_year=D("8"),
        one_off_payments=(OneOffPayment(BONUS, "Christmas", D("50.00")),)))
    return record_of(slip, EMPLOYER, PA)


def test_a_record_reads_back_exactly_as_written_without_its_owner_inside():
    record = _record()
    document = json.loads(json.dumps(to_document(record)))  # through JSON, as stored
    assert document["format_version"] == FORMAT_VERSION and "pa_id" not in json.dumps(document)
    assert from_document(document, pa_id=7) == record
    assert from_document(document, pa_id=99).pa_id == 99  # the owner comes from the row holding it


def test_a_record_keeps_the_people_and_the_holiday_position_as_they_were():
    record = from_document(json.loads(json.dumps(to_document(_record()))), 7)
    assert record.pa_details.ni_number == "AB123456C" and record.employer.paye_reference == "123/AB456"
    assert record.holiday.basis == holiday.FIXED_HOURS
    assert (record.holiday.entitlement, record.holiday.taken, record.holiday.remaining) == (D("89.6"), D("8"), D("81.6"))
    bonus = next(line for line in record.lines if line.code == BONUS)
    assert (bonus.description, bonus.amount) == ("Christmas", D("50.00"))
    # 24 hours at 12.71 = 305.04, and the bonus.
    assert record.gross_pay == D("355.04")


def test_a_version_1_record_written_by_the_release_before_is_read():
    """tests/data/pay_record_v1.json was written by the release with schema 0007 (see make_release_0007.py)."""
    document = json.loads((DATA / "pay_record_v1.json").read_text())
    assert "format_version" not in document
    record = from_document(document, pa_id=3)
    assert record.pa_name == "Ann Old" and record.pa_id == 3
    assert (record.gross_pay, record.net_pay) == (D(document["gross_pay"]), D(document["net_pay"]))
    assert record.pa_details.ni_number == "" and record.holiday is None  # version 1 did not keep them
    assert record.net_pay == record.gross_pay - sum(d.amount for d in record.deductions) + record.additions_total


def test_a_version_2_record_written_by_this_version_is_read():
    """tests/data/pay_record_v2.json was written when version 2 was new; it must stay readable for good."""
    record = from_document(json.loads((DATA / "pay_record_v2.json").read_text()), pa_id=7)
    assert record.pa_details.ni_number == "AB123456C" and record.employer.name == "Ruth Ames"
    assert (record.gross_pay, record.hours_worked, record.holiday.remaining) == (D("355.04"), D("24"), D("81.6"))
    assert [line.code for line in record.lines] == ["BASIC", "BONUS"]


def test_upgrading_version_1_adds_the_details_given_and_drops_the_id_inside():
    document = json.loads((DATA / "pay_record_v1.json").read_text())
    position = holiday.holiday_position(date(2026, 4, 1), holiday.NOT_RECORDED, D("4"))
    upgraded = upgrade_v1(document, EMPLOYER, PADetails("Ann Old", "AB123456C"), position)
    assert upgraded["format_version"] == 2 and "pa_id" not in upgraded
    record = from_document(json.loads(json.dumps(upgraded)), 3)
    assert record.pa_details.ni_number == "AB123456C" and record.holiday.taken == D("4")
    assert record.employer.name == "Ruth Ames"


def test_a_record_from_a_newer_version_or_damaged_is_refused_with_a_code():
    document = to_document(_record())
    with pytest.raises(PayRecordError) as newer:
        from_document({**document, "format_version": FORMAT_VERSION + 1})
    assert newer.value.code == "PAY_RECORD_FROM_NEWER_VERSION"
    with pytest.raises(PayRecordError) as damaged:
        from_document({k: v for k, v in document.items() if k != "gross_pay"})
    assert damaged.value.code == "PAY_RECORD_DAMAGED"


def _changed(**changes):
    return {**json.loads(json.dumps(to_document(_record()))), **changes}


@pytest.mark.parametrize("document", [
    "not a mapping",
    [1, 2],
    {"lines": "x"},  # version 1 (no format_version) that is not one
    _changed(format_version="2"),
    _changed(format_version=True),
    _changed(net_pay=12.5),  # a float, not decimal text
    _changed(net_pay="NaN"),
    _changed(gross_pay="1e40"),
    _changed(period=True),
    _changed(minimum_wage_ok="yes"),
    _changed(flags=[True]),
    _changed(frequency="fortnightly-ish"),
    _changed(tax_year="2025-26"),  # not the tax year of the pay date
    _changed(period=13),
    _changed(pay_date="0026-11-30"),
    _changed(period_end="2026-10-01"),  # before the period starts
    _changed(employer="Ruth Ames"),
    _changed(lines=[{"code": "BASIC"}]),
])
def test_a_record_whose_values_are_not_of_their_kind_is_damaged(document):
    with pytest.raises(PayRecordError) as damaged:
        from_document(document)
    assert damaged.value.code == "PAY_RECORD_DAMAGED"


@pytest.mark.parametrize("field, value", [
    ("net_pay", "1.00"),  # take-home pay that is not gross less deductions plus additions
    ("gross_pay", "1.00"),  # gross pay that is not the sum of the lines
    ("employer_ni", "-5.00"),
    ("employment_allowance", "99999.00"),  # more allowance than employer NI to set it against
    ("holiday_hours_taken", "-8"),
])
def test_a_record_that_does_not_add_up_or_is_below_nothing_is_damaged(field, value):
    with pytest.raises(PayRecordError) as damaged:
        from_document(_changed(**{field: value}))
    assert damaged.value.code == "PAY_RECORD_DAMAGED"


def test_the_last_pay_day_of_an_earlier_payroll_is_kept_and_a_version_4_record_without_it_reads_as_none():
    record = replace(_record(), pa_details=replace(PA, earlier_payroll_last_paid=date(2026, 3, 31)))
    document = json.loads(json.dumps(to_document(record)))
    assert document["format_version"] == 4 and document["pa_details"]["earlier_payroll_last_paid"] == "2026-03-31"
    assert from_document(document, 7).pa_details.earlier_payroll_last_paid == date(2026, 3, 31)
    del document["pa_details"]["earlier_payroll_last_paid"]  # written before the field existed
    assert from_document(document, 7).pa_details.earlier_payroll_last_paid is None
