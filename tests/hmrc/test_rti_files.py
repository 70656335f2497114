"""FPS and EPS files (pa_manager.hmrc.rti_files): what is written is the records' figures, in the structure
of PA Manager's RTI schemas, and a file that breaks the structure or HMRC's checkable rules is caught."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest
from lxml import etree

from pa_manager.domain import rti
from pa_manager.domain.rti import RtiError
from pa_manager.hmrc import rti_files
from tests.domain.rti_records import PA, accounts_office_reference, monthly_records

APRIL, MAY = date(2026, 4, 30), date(2026, 5, 29)


def _envelope(document: bytes) -> tuple[etree._Element, str]:
    root = etree.fromstring(document)
    envelope = root.find("{*}Body/{*}IRenvelope")
    return envelope, etree.QName(envelope).namespace


def test_an_fps_file_passes_every_check_and_holds_the_records_figures():
    april, may = monthly_records([APRIL, MAY], plan="2")
    document = rti_files.fps_file(rti.fps_for([may], [april, may]))
    checked = rti_files.check(document)
    assert checked.ok, checked.errors
    assert (checked.kind, checked.tax_year) == ("FPS", "2026-27")
    envelope, ns = _envelope(document)
    assert ns == "http://www.govtalk.gov.uk/taxation/PAYE/RTI/FullPaymentSubmission/26-27/1"
    text = lambda path: envelope.findtext(path.replace("/", f"/{{{ns}}}").replace("X:", f"{{{ns}}}"))
    fps = "X:FullPaymentSubmission/"
    employment = fps + "Employee/Employment/"
    assert text(fps + "EmpRefs/OfficeNo") == "123" and text(fps + "EmpRefs/PayeRef") == "AB456"
    assert text(fps + "EmpRefs/AORef") == accounts_office_reference()
    assert text("X:IRheader/PeriodEnd") == "2026-05-29"
    assert text(fps + "Employee/EmployeeDetails/NINO") == "AB123456C"
    assert text(employment + "Payment/TaxablePay") == str(may.taxable_pay)
    assert text(employment + "Payment/TaxDeductedOrRefunded") == str(may.tax)
    assert text(employment + "Payment/MonthNo") == "2"
    assert text(employment + "Payment/StudentLoanRecovered") == f"{may.student_loan}"
    assert text(employment + "FiguresToDate/TaxablePay") == str(may.year_to_date.taxable_pay)
    assert text(employment + "FiguresToDate/TotalTax") == str(may.year_to_date.tax)
    assert text(employment + "NIlettersAndValues/EmpeeContribnsInPd") == str(may.employee_ni)
    assert text(employment + "NIlettersAndValues/TotalEmpNICInPd") == str(may.employee_ni + may.employer_ni)
    assert text(employment + "NIlettersAndValues/EmpeeContribnsYTD") == str(may.year_to_date.employee_ni)
    assert envelope.find(f"{{{ns}}}FullPaymentSubmission/{{{ns}}}Employee/{{{ns}}}Employment/{{{ns}}}Starter") is None


def test_a_starters_file_has_the_starter_block_with_their_declaration_and_loans():
    pa = replace(PA, student_loan_plan="2", postgraduate_loan=True)
    april, = monthly_records([APRIL], pa=pa, plan="2")
    document = rti_files.fps_file(rti.fps_for([april], [april]))
    assert rti_files.check(document).ok
    envelope, ns = _envelope(document)
    starter = envelope.find(f".//{{{ns}}}Starter")
    assert [(etree.QName(c).localname, c.text) for c in starter] == [
        ("StartDate", "2026-04-20"), ("StartDec", "A"), ("StudentLoan", "yes"), ("PostgradLoan", "yes")]


def test_a_scottish_week_1_code_is_sent_as_the_code_with_its_regime_and_basis():
    april, = monthly_records([APRIL], tax_code="S1257L M1")
    document = rti_files.fps_file(rti.fps_for([april], [april]))
    assert rti_files.check(document).ok
    code = _envelope(document)[0].find(".//{*}TaxCode")
    assert (code.text, code.get("TaxRegime"), code.get("BasisNonCumulative")) == ("1257L", "S", "yes")


def test_the_last_pay_day_of_the_year_carries_the_final_submission():
    march, = monthly_records([date(2027, 3, 31)])
    document = rti_files.fps_file(rti.fps_for([march], [march]))
    assert rti_files.check(document).ok
    assert _envelope(document)[0].findtext(".//{*}FinalSubmission/{*}ForYear") == "yes"


def test_an_eps_file_passes_every_check():
    records = monthly_records([APRIL])
    for month, claim in ((1, True), (2, False)):
        eps = rti.eps_for("123/AB456", accounts_office_reference(), "2026-27", month, records,
                          claim_employment_allowance=claim)
        document = rti_files.eps_file(eps)
        checked = rti_files.check(document)
        assert checked.ok and checked.kind == "EPS", checked.errors
        envelope, _ = _envelope(document)
        assert (envelope.findtext(".//{*}EmpAllceInd") == "yes") is claim
        assert (envelope.find(".//{*}NoPaymentForPeriod") is None) is (month == 1)
        assert envelope.findtext(".//{*}RecoverableAmountsYTD/{*}TaxMonth") == str(month)
        assert envelope.findtext(".//{*}RecoverableAmountsYTD/{*}SMPRecovered") == "0.00"


def _fps() -> bytes:
    april, may = monthly_records([APRIL, MAY])
    return rti_files.fps_file(rti.fps_for([may], [april, may]))


@pytest.mark.parametrize("before, after, found", [
    # Elements out of order, an unknown element, a badly formed amount: the schema refuses them.
    (b"<BirthDate>1990-01-01</BirthDate>\n            <Gender>F</Gender>",
     b"<Gender>F</Gender>\n            <BirthDate>1990-01-01</BirthDate>", "Gender"),
    (b"<PeriodsCovered>1</PeriodsCovered>", b"<PeriodsCovered>1</PeriodsCovered><Director>yes</Director>", "Director"),
    (b"<TaxablePay>3200.00</TaxablePay>\n              <PayAfterStatDedns>",
     b"<TaxablePay>3200.0</TaxablePay>\n              <PayAfterStatDedns>", "TaxablePay"),
    (b"<AORef>", b"<AORef>X", "AORef"),
    # HMRC's rules: keys that do not match, a related tax year that is not the namespace's year.
    (b'<Key Type="TaxOfficeReference">AB456</Key>\n    </Keys>',
     b'<Key Type="TaxOfficeReference">AB457</Key>\n    </Keys>', "5005"),
    (b"<PayeRef>AB456</PayeRef>", b"<PayeRef>AB457</PayeRef>", "7822"),
    (b"<RelatedTaxYear>26-27", b"<RelatedTaxYear>25-26", "7889"),
    (b"<PeriodEnd>2026-05-29", b"<PeriodEnd>2027-05-29", "7844"),
    # A figure changed after the IRmark was made.
    (b"<TaxDeductedOrRefunded>430.40", b"<TaxDeductedOrRefunded>430.41", "2021"),
])
def test_a_file_that_breaks_the_structure_or_a_rule_is_caught(before, after, found):
    document = _fps()
    assert before in document, before
    checked = rti_files.check(document.replace(before, after, 1))
    assert not checked.ok
    assert any(found in error for error in checked.errors), checked.errors


def test_a_file_that_is_not_xml_or_not_rti_is_caught():
    assert not rti_files.check(b"<GovTalkMessage").ok
    assert "no IRenvelope" in rti_files.check(_fps().replace(b"IRenvelope", b"Other")).errors[-1]


def test_a_tax_year_whose_namespace_is_not_known_is_refused():
    with pytest.raises(RtiError) as caught:
        rti_files.namespace("FPS", "2023-24")
    assert caught.value.code == "RTI_TAX_YEAR_UNKNOWN"
    assert rti_files.namespace("EPS", "2025-26").endswith("/EmployerPaymentSummary/25-26/1")


def test_negative_and_zero_amounts_are_written_as_hmrc_writes_money():
    assert rti_files._money(D("-0.00")) == "0.00" and rti_files._money(D("-12.5")) == "-12.50"
    assert rti_files._money(D("7")) == "7.00"


def test_an_eps_carries_the_statutory_family_pay_recovered_year_to_date():
    """SMP and SPP paid in April and May 2026 (lines as the pay run writes them: the code, the amount and
    the qualifying week in `relates_to`), recovered at 100% + 8.5% (small employers' relief, HMRC
    SPM182100: no Class 1 NICs held for the year before either qualifying week), and at 92% once the
    employer's records show more than £45,000 of Class 1 NICs in that year."""
    from pa_manager.domain.pay_record import Line

    april, may = monthly_records([APRIL, MAY])
    april = replace(april, lines=(*april.lines, Line("SMP", D("1542.86"), rate=D("360.00"), quantity=30,
                                                     relates_to=date(2025, 12, 14))))
    may = replace(may, lines=(*may.lines, Line("SMP", D("842.32"), rate=D("194.32"), quantity=31,
                                               relates_to=date(2025, 12, 14)),
                              Line("SPP", D("194.32"), rate=D("194.32"), quantity=7, relates_to=date(2025, 12, 14))))
    eps = rti.eps_for("123/AB456", accounts_office_reference(), "2026-27", 2, [april, may],
                      claim_employment_allowance=False)
    smp = D("1542.86") + D("842.32")
    assert (eps.recoverable.smp, eps.recoverable.nic_compensation_smp) == (smp, D("202.74"))  # 2,385.18 x 8.5% = 202.7403
    assert (eps.recoverable.spp, eps.recoverable.nic_compensation_spp) == (D("194.32"), D("16.52"))
    document = rti_files.eps_file(eps)
    checked = rti_files.check(document)
    assert checked.ok, checked.errors
    envelope, _ = _envelope(document)
    assert envelope.findtext(".//{*}RecoverableAmountsYTD/{*}SMPRecovered") == "2385.18"
    assert envelope.findtext(".//{*}RecoverableAmountsYTD/{*}NICCompensationOnSMP") == "202.74"
    assert envelope.findtext(".//{*}RecoverableAmountsYTD/{*}SPPRecovered") == "194.32"
    # Month 1 holds April's only.
    first = rti.eps_for("123/AB456", accounts_office_reference(), "2026-27", 1, [april, may],
                        claim_employment_allowance=False)
    assert first.recoverable.smp == D("1542.86") and first.recoverable.spp == 0
    # A large employer (the 2024-25 records hold £45,000.01 of Class 1 NICs) recovers 92%, no compensation.
    big = replace(april, tax_year="2024-25", pay_date=date(2025, 3, 28), lines=april.lines[:-1],
                  employee_ni=D("20000.00"), employer_ni=D("25000.01"))
    large = rti.eps_for("123/AB456", accounts_office_reference(), "2026-27", 2, [big, april, may],
                        claim_employment_allowance=False)
    assert (large.recoverable.smp, large.recoverable.nic_compensation_smp) == (D("2194.37"), D("0"))  # x 0.92
