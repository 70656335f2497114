"""The FPS and EPS items from pay records (domain.rti), each figure checked by hand.

The PA of rti_records earns 3,200.00 a month in 2026-27. The 2026-27 monthly figures used below
(pa_manager/data/rates, each with its source): lower earnings limit 559, primary threshold 1,048,
secondary threshold 417, employee NI 8%, employer NI 15%; personal allowance 1257L = 1,048.26 free
pay a month; Plan 2 threshold 29,385 a year (2,448.75 a month), 9%.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from pa_manager.domain import rti, year_end
from pa_manager.domain.earlier_payroll import EarlierPayroll
from pa_manager.domain.pay_record import from_document, to_document
from pa_manager.domain.rti import RtiError
from tests.domain.rti_records import EMPLOYER, PA, accounts_office_reference, monthly_records

APRIL, MAY, JUNE = date(2026, 4, 30), date(2026, 5, 29), date(2026, 6, 30)


@pytest.mark.parametrize("paye, office, reference", [
    ("123/AB456", "123", "AB456"), (" 123 / ab456 ", "123", "AB456"), ("961/Z1", "961", "Z1"),
])
def test_the_paye_reference_splits_into_office_number_and_reference(paye, office, reference):
    refs = rti.employer_refs(paye, accounts_office_reference())
    assert (refs.office_number, refs.paye_reference) == (office, reference)
    assert refs.accounts_office_reference == accounts_office_reference()


@pytest.mark.parametrize("paye, ao, code", [
    ("", accounts_office_reference(), "RTI_PAYE_REFERENCE_MISSING"),
    ("12/AB456", accounts_office_reference(), "RTI_PAYE_REFERENCE_FORMAT"),
    ("123AB456", accounts_office_reference(), "RTI_PAYE_REFERENCE_FORMAT"),
    ("123/AB456", "", "RTI_ACCOUNTS_OFFICE_REFERENCE_MISSING"),
    ("123/AB456", "123PA0004567", "RTI_ACCOUNTS_OFFICE_REFERENCE_FORMAT"),
])
def test_references_hmrc_would_refuse_are_refused(paye, ao, code):
    with pytest.raises(RtiError) as caught:
        rti.employer_refs(paye, ao)
    assert caught.value.code == code


@pytest.mark.parametrize("written, code, regime, non_cumulative", [
    ("1257L", "1257L", None, False), ("S1257L M1", "1257L", "S", True), ("C1257L", "1257L", "C", False),
    ("K475 W1", "K475", None, True), ("BR", "BR", None, False), ("0T X", "0T", None, True), ("NT", "NT", None, False),
    ("D0", "D0", None, False), ("SD2", "D2", "S", False), ("1257lm1", "1257L", None, True),
])
def test_a_tax_code_is_sent_without_its_prefix_and_ending(written, code, regime, non_cumulative):
    assert rti.rti_tax_code(written) == rti.RtiTaxCode(code, regime, non_cumulative)


def test_a_tax_code_that_is_not_one_is_refused():
    with pytest.raises(RtiError) as caught:
        rti.rti_tax_code("1257Q")
    assert caught.value.code == "RTI_TAX_CODE"


@pytest.mark.parametrize("hours, frequency, band", [
    (D("15.99"), "weekly", "A"), (D("16"), "weekly", "B"), (D("23.99"), "weekly", "B"), (D("24"), "weekly", "C"),
    (D("30"), "weekly", "D"), (D("40"), "fortnightly", "B"), (D("120"), "four-weekly", "D"),
    # Monthly: 52/12 weeks a month, so 69.33 hours is 15.99 a week and 69.34 is 16.00.
    (D("69.29"), "monthly", "A"), (D("69.34"), "monthly", "B"), (D("160"), "monthly", "D"), (D("0"), "monthly", "E"),
])
def test_the_hours_band_is_an_average_week_of_the_period(hours, frequency, band):
    assert rti.hours_band(hours, frequency) == band


@pytest.mark.parametrize("name, forenames, surname", [
    ("Janet Mary Moyo", ("Janet", "Mary"), "Moyo"), ("  Sam   Reed ", ("Sam",), "Reed"),
    ("Zoë O'Neill", ("Zoe",), "O'Neill"), ("Ann Marie Jo Smith-Jones", ("Ann", "Marie Jo"), "Smith-Jones"),
    ("Madonna", (), "Madonna"),
])
def test_names_split_into_forenames_and_surname_in_hmrcs_characters(name, forenames, surname):
    assert rti.name_parts(name) == (forenames, surname)


def test_address_lines_come_from_lines_or_commas_at_most_four_of_35_characters():
    assert rti.address_lines("Flat 2, 10 Long Street\nLeeds") == ("Flat 2", "10 Long Street", "Leeds")
    lines = rti.address_lines("1 A Road, B Area, C Town, D County, E Region")
    assert len(lines) == 4 and lines[3] == "D County, E Region"
    assert all(len(line) <= 35 for line in rti.address_lines("x" * 50))


def test_the_first_payment_is_a_starter_with_the_figures_of_the_payslip():
    april, may = monthly_records([APRIL, MAY], plan="2")
    fps = rti.fps_for([april], [april, may])
    (e,) = fps.employees
    assert (fps.employer.office_number, fps.employer.paye_reference, fps.related_tax_year) == ("123", "AB456", "26-27")
    assert e.starter == rti.Starter(date(2026, 4, 20), "A", student_loan=False, postgraduate_loan=False)
    assert (e.forenames, e.surname, e.gender, e.birth_date) == (("Sam",), "Reed", "F", date(1990, 1, 1))
    assert e.address_lines == ("2 Low Road", "Leeds") and e.postcode == "LS2 2BB"
    assert (e.pay_frequency, e.month_number, e.week_number, e.periods_covered) == ("M1", 1, None, 1)
    assert e.hours_band == "D"  # 160 hours a month is 36.9 a week
    # Tax month 1: 3,200.00 less free pay 1,048.26 = 2,151.74, down to 2,151 at 20% = 430.20.
    assert (e.taxable_pay, e.tax, e.taxable_pay_to_date, e.tax_to_date) == (D("3200.00"), D("430.20"), D("3200.00"),
                                                                            D("430.20"))
    # Plan 2: 9% of (3,200.00 - 2,448.75) = 67.61, down to whole pounds: 67.
    assert (e.student_loan_plan_type, e.student_loan, e.student_loan_to_date) == ("02", D("67.00"), D("67.00"))
    (ni,) = e.ni
    # At the LEL 559; LEL to PT 1,048 - 559 = 489; PT to UEL 3,200 - 1,048 = 2,152.
    assert (ni.letter, ni.at_lel_to_date, ni.lel_to_pt_to_date, ni.pt_to_uel_to_date) == ("A", D("559.00"), D("489.00"),
                                                                                          D("2152.00"))
    # Employee 8% x 2,152 = 172.16; employer 15% x (3,200 - 417) = 417.45; together 589.61.
    assert (ni.employee_in_period, ni.total_in_period) == (D("172.16"), D("589.61"))
    # Pay after tax, NI and the loan: 3,200.00 - 430.20 - 172.16 - 67 = 2,530.64.
    assert e.pay_after_statutory_deductions == D("2530.64")
    assert not fps.final_for_year


def test_the_second_payment_carries_the_year_to_date_and_is_no_starter():
    april, may = monthly_records([APRIL, MAY], plan="2")
    (e,) = rti.fps_for([may], [may, april]).employees
    assert e.starter is None and e.month_number == 2
    # Month 2 cumulative: 6,400.00 - 2,096.52 = 4,303.48, down to 4,303 at 20% = 860.60 to date.
    assert (e.taxable_pay_to_date, e.tax_to_date, e.tax) == (D("6400.00"), D("860.60"), D("430.40"))
    (ni,) = e.ni
    assert (ni.gross_in_period, ni.gross_to_date) == (D("3200.00"), D("6400.00"))
    assert (ni.at_lel_to_date, ni.lel_to_pt_to_date, ni.pt_to_uel_to_date) == (D("1118.00"), D("978.00"), D("4304.00"))
    assert (ni.employee_to_date, ni.total_to_date) == (D("344.32"), D("1179.22"))
    assert e.student_loan_to_date == D("134.00")


def test_later_pay_days_in_the_history_are_left_out_of_the_year_to_date():
    april, may, june = monthly_records([APRIL, MAY, JUNE])
    (e,) = rti.fps_for([may], [april, may, june]).employees
    assert e.ni[0].gross_to_date == D("6400.00")


def test_a_change_of_ni_letter_reports_each_letter_used_in_the_year():
    april, may = monthly_records([APRIL, MAY], letters=["A", "M"])
    (e,) = rti.fps_for([may], [april, may]).employees
    a, m = e.ni
    assert (a.letter, a.gross_in_period, a.employee_in_period, a.gross_to_date) == ("A", D("0.00"), D("0.00"),
                                                                                 D("3200.00"))
    assert (m.letter, m.gross_in_period, m.gross_to_date) == ("M", D("3200.00"), D("3200.00"))
    assert m.total_in_period == may.employee_ni + may.employer_ni


def test_a_leaver_has_their_leaving_date_on_the_fps_of_their_last_pay():
    pa = replace(PA, leaving_date=date(2026, 5, 20))
    april, may = monthly_records([APRIL, MAY], pa=pa, leaving=date(2026, 5, 20))
    assert rti.fps_for([april], [april, may]).employees[0].leaving_date is None
    assert rti.fps_for([may], [april, may]).employees[0].leaving_date == date(2026, 5, 20)


@pytest.mark.parametrize("change, code", [
    (dict(gender=""), "RTI_GENDER_MISSING"),
    (dict(date_of_birth=None), "RTI_BIRTH_DATE_MISSING"),
    (dict(starter_declaration=""), "RTI_STARTER_DECLARATION_MISSING"),
    (dict(start_date=None), "RTI_START_DATE_MISSING"),
    (dict(address="1 Road"), "RTI_ADDRESS_NEEDED"),       # a starter needs two lines (rule 7829)
    (dict(name="Cher"), "RTI_NAME_NEEDED"),
])
def test_a_starter_missing_what_hmrc_needs_is_refused_with_their_name(change, code):
    pa = replace(PA, **change)
    records = monthly_records([APRIL], pa=replace(pa, date_of_birth=pa.date_of_birth))
    with pytest.raises(RtiError) as caught:
        rti.fps_for(records, records)
    assert caught.value.code == code and caught.value.name == pa.name


def test_after_the_first_pay_day_the_starter_details_and_a_second_address_line_are_not_needed():
    pa = replace(PA, starter_declaration="", address="1 Road")
    april, may = monthly_records([APRIL, MAY], pa=pa)
    assert rti.fps_for([may], [april, may]).employees[0].address_lines == ("1 Road",)
    no_ni_number = monthly_records([APRIL, MAY], pa=replace(pa, ni_number=""))
    with pytest.raises(RtiError) as caught:  # without an NI number two lines are needed (rule 7823)
        rti.fps_for([no_ni_number[1]], no_ni_number)
    assert caught.value.code == "RTI_ADDRESS_NEEDED"


def test_the_employers_references_come_from_the_records_and_are_checked():
    records = monthly_records([APRIL], employer=replace(EMPLOYER, accounts_office_reference=""))
    with pytest.raises(RtiError) as caught:
        rti.fps_for(records, records)
    assert caught.value.code == "RTI_ACCOUNTS_OFFICE_REFERENCE_MISSING"


@pytest.mark.parametrize("pay_date, frequency, last", [
    (date(2027, 3, 31), "monthly", True), (date(2027, 2, 26), "monthly", False), (date(2027, 3, 5), "monthly", False),
    (date(2027, 4, 2), "weekly", True), (date(2027, 3, 26), "weekly", False), (date(2027, 3, 26), "fortnightly", True),
    (date(2027, 3, 12), "four-weekly", True), (date(2027, 3, 5), "four-weekly", False),
])
def test_the_last_pay_day_of_the_tax_year_is_the_final_submission(pay_date, frequency, last):
    assert rti.last_pay_day_of_year(pay_date, frequency) is last


def test_an_fps_is_due_on_the_pay_day_and_an_eps_by_the_19th_after_the_tax_month():
    assert rti.fps_due(date(2026, 5, 29)) == date(2026, 5, 29)
    assert rti.eps_due("2026-27", 1) == date(2026, 5, 19)
    assert rti.eps_due("2026-27", 12) == date(2027, 4, 19)


@pytest.mark.parametrize("month, first, last", [
    (1, date(2026, 4, 6), date(2026, 5, 5)), (9, date(2026, 12, 6), date(2027, 1, 5)),
    (10, date(2027, 1, 6), date(2027, 2, 5)), (12, date(2027, 3, 6), date(2027, 4, 5)),
])
def test_tax_months_run_from_the_6th_to_the_5th(month, first, last):
    assert rti.tax_month_dates("2026-27", month) == (first, last)


def test_a_tax_month_is_written_year_colon_month():
    assert rti.parse_tax_month("2026-27:3") == ("2026-27", 3)
    for wrong in ("2026-27", "2026-28:3", "2026-27:13", "2026:1", "", "2026-27:0"):
        with pytest.raises(RtiError):
            rti.parse_tax_month(wrong)


def test_an_eps_for_a_month_with_no_pay_says_so_and_claims_the_allowance_when_asked():
    records = monthly_records([APRIL, MAY])
    paid = rti.eps_for("123/AB456", accounts_office_reference(), "2026-27", 2, records, claim_employment_allowance=True)
    assert (paid.no_payment_from, paid.no_payment_to, paid.employment_allowance) == (None, None, True)
    idle = rti.eps_for("123/AB456", accounts_office_reference(), "2026-27", 3, records, claim_employment_allowance=False)
    assert (idle.no_payment_from, idle.no_payment_to) == (date(2026, 6, 6), date(2026, 7, 5))
    assert not idle.employment_allowance and idle.recoverable == rti.RecoverableAmounts()
    assert idle.month_ends == date(2026, 7, 5) and idle.related_tax_year == "26-27"


def test_court_order_deductions_are_reported_as_deductions_from_net_pay():
    from pa_manager.domain.pay_record import Deduction

    [record] = monthly_records([date(2026, 4, 30)])
    court = (Deduction("ATTACHMENT_OF_EARNINGS", D("100.00"), "K12X3456", "County Court Business Centre"),
             Deduction("ATTACHMENT_FEE", D("1.00"), "K12X3456", "County Court Business Centre"))
    ordered = replace(record, deductions=record.deductions + court, net_pay=record.net_pay - D("101.00"))
    assert rti.fps_employee(record, [record], True).deductions_from_net_pay == 0
    assert rti.fps_employee(ordered, [ordered], True).deductions_from_net_pay == D("101.00")


# A PA paid in this employment through an earlier payroll (Basic PAYE Tools, a bureau) before PA Manager:
# HMRC already has them, so their first FPS from PA Manager is no starter's (HMRC: changing payroll
# software, do not send new starter details for existing employees).
def test_a_pa_paid_through_an_earlier_payroll_is_no_starter_and_needs_no_starter_declaration():
    moved = replace(PA, start_date=date(2019, 9, 2), starter_declaration="",
                    earlier_payroll_last_paid=date(2026, 3, 31))
    records = monthly_records([APRIL], pa=moved)
    (e,) = rti.fps_for(records, records).employees
    assert e.starter is None
    # The figures to date are this tax year's, all paid by PA Manager: April's own.
    assert (e.taxable_pay_to_date, e.tax_to_date) == (D("3200.00"), D("430.20"))


def test_a_genuine_starter_still_needs_their_starter_declaration():
    records = monthly_records([APRIL], pa=replace(PA, starter_declaration=""))
    with pytest.raises(RtiError) as caught:
        rti.fps_for(records, records)
    assert caught.value.code == "RTI_STARTER_DECLARATION_MISSING"
    starter = monthly_records([APRIL])
    (e,) = rti.fps_for(starter, starter).employees
    assert e.starter is not None and e.starter.declaration == PA.starter_declaration


def test_an_earlier_payroll_that_paid_them_this_tax_year_is_refused():
    # Its figures to date would have to carry on in this FPS, and PA Manager does not record them.
    moved = replace(PA, earlier_payroll_last_paid=date(2026, 4, 6))
    records = monthly_records([APRIL], pa=moved)
    with pytest.raises(RtiError) as caught:
        rti.fps_for(records, records)
    assert (caught.value.code, caught.value.name) == ("RTI_EARLIER_PAYROLL_THIS_YEAR", PA.name)


def test_the_earlier_payrolls_payroll_id_is_sent_in_every_fps_and_none_when_there_was_none():
    moved = replace(PA, earlier_payroll_last_paid=date(2026, 3, 31), payroll_id=" BPT-0007 ")
    april, may = monthly_records([APRIL, MAY], pa=moved)
    assert [rti.fps_for([r], [april, may]).employees[0].payroll_id for r in (april, may)] == ["BPT-0007"] * 2
    starter = monthly_records([APRIL])
    assert rti.fps_for(starter, starter).employees[0].payroll_id == ""


# Carrying on from an earlier payroll's figures part-way through the tax year (domain.earlier_payroll).
# Sam earns 3,200.00 a month on Plan 2. The earlier payroll paid months 1 to 6: taxable pay 6 x 3,200 =
# 19,200.00; tax to date (19,200 - 6 x 1,048.26 = 12,910.44 -> 12,910) x 20% = 2,582.00; Student Loan
# 6 x 67 = 402.00 (each month (3,200 - 2,448.75) x 9% = 67.61 -> 67); NI-able pay 19,200.00: 6 x 559 =
# 3,354.00 at the LEL, 6 x 489 = 2,934.00 to the PT, 6 x 2,152 = 12,912.00 above it; employee NI
# 12,912 x 8% = 1,032.96; employer NI (19,200 - 6 x 417) x 15% = 2,504.70.
# Month 7 (30 October 2026), a leaver: pay to date 22,400.00; free pay 7 x 1,048.26 = 7,337.82; taxable
# 15,062.18 -> 15,062; tax due 3,012.40 (band to date 21,991.67 not reached); tax 3,012.40 - 2,582.00 = 430.40.
OCTOBER = date(2026, 10, 30)
CARRIED = EarlierPayroll(taxable_pay=D("19200.00"), tax=D("2582.00"), ni_pay=D("19200.00"), at_lel=D("3354.00"),
                         lel_to_pt=D("2934.00"), pt_to_uel=D("12912.00"), employee_ni=D("1032.96"),
                         employer_ni=D("2504.70"), student_loan=D("402.00"))
MOVED = replace(PA, start_date=date(2024, 1, 8), earlier_payroll_last_paid=date(2026, 9, 30), student_loan_plan="2",
                leaving_date=OCTOBER)


def test_the_fps_and_p45_carry_on_from_the_earlier_payrolls_figures_to_date():
    [record] = monthly_records([OCTOBER], pa=MOVED, plan="2", carried=CARRIED, leaving=OCTOBER)
    assert (record.tax, record.student_loan) == (D("430.40"), D("67.00"))
    (e,) = rti.fps_for([record], [record]).employees
    assert e.starter is None
    assert (e.taxable_pay_to_date, e.tax_to_date, e.student_loan_to_date) == (
        D("22400.00"), D("3012.40"), D("469.00"))  # 19,200 + 3,200; 2,582.00 + 430.40; 402 + 67
    [a] = e.ni
    assert (a.gross_to_date, a.at_lel_to_date, a.lel_to_pt_to_date, a.pt_to_uel_to_date) == (
        D("22400.00"), D("3913.00"), D("3423.00"), D("15064.00"))  # + 559; + 489; + 2,152
    # (1,032.96 + 2,504.70) + this month's 172.16 (2,152 x 8%) + 417.45 ((3,200 - 417) x 15%)
    assert (a.employee_to_date, a.total_to_date) == (D("1205.12"), D("4127.27"))
    p45 = year_end.p45_for([record])
    assert (p45.pay_to_date, p45.tax_to_date) == (D("22400.00"), D("3012.40"))
    assert (p45.this_employment_pay, p45.this_employment_tax) == (D("22400.00"), D("3012.40"))


def test_a_record_carrying_on_from_an_earlier_payroll_keeps_its_figures_when_stored():
    [record] = monthly_records([OCTOBER], pa=MOVED, carried=CARRIED)
    document = to_document(record)
    assert document["format_version"] == 4 and document["earlier_payroll"]["tax"] == "2582.00"
    assert from_document(document, "p") == record
    del document["earlier_payroll"]  # a record written before the field existed
    assert from_document(document, "p").earlier_payroll is None
