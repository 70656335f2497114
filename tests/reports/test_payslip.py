"""The payslip: what the Employment Rights Act 1996 s.8 asks for, readable on one A4 page.

Figures are written out by hand here, not worked out by the code under test.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from pa_manager.messages import date_range

from pa_manager.reports import payslip as ps


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian/Ubuntu package poppler-utils)")
    return path


def pdf_text(pdf, *, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run([_tool("pdftotext"), "-layout", *pages, str(pdf), "-"], capture_output=True,
                         text=True, encoding="utf-8", check=True).stdout
    return re.sub(r"[ \t]+", " ", out)  # one space between words, so a row reads as one line


def page_count(pdf) -> int:
    out = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


# A month for a PA with day and night work, a day's holiday and a pension.
# Gross 1,120.00 + 131.60 + 94.00 = 1,345.60; deductions 49.80 + 33.97 + 38.12 = 121.89;
# plus 22.50 mileage: take-home 1,246.21.
JANET = ps.PayslipData(
    employer_name="Priya Shah",
    employer_address="7 Elm Row\nBristol\nBS3 4QT",
    paye_reference="475/PS10234",
    pa_name="Janet Moyo",
    ni_number="QQ 12 34 56 C",
    tax_code="1257L",
    ni_category="A",
    pay_date=date(2026, 11, 28),
    period_start=date(2026, 11, 1),
    period_end=date(2026, 11, 30),
    tax_period="Month 8",
    pay_lines=(
        ps.PayLine("Day hours", D("80"), D("14.00"), D("1120.00")),
        ps.PayLine("Night hours", D("8"), D("16.45"), D("131.60")),
    ),
    holiday_pay=ps.PayLine("Holiday pay", D("7.5"), D("12.5333"), D("94.00")),
    deductions=(
        ps.Deduction("Income tax", "Paid to HMRC for you", D("49.80")),
        ps.Deduction("Employee NI", "National Insurance, paid to HMRC for you", D("33.97")),
        ps.Deduction("Pension", "Your workplace pension with NEST", D("38.12"),
                     note="Net pay arrangement: taken before tax"),
    ),
    additions=(ps.Addition("Mileage, 50 miles at 45p", D("22.50")),),
    net_pay=D("1246.21"),
    payment_method="Bank transfer",
    employer_costs=ps.EmployerCosts(D("101.23"), D("22.87")),
    holiday=ps.HolidayHours((("Earned so far", D("98.5")), ("Taken so far", D("30")),
                             ("Left to take", D("68.5"))), year="from 1 April 2026"),
    year_to_date=ps.YearToDate(D("10764.80"), D("10459.84"), D("398.40"), D("271.76"), D("304.96"),
                               tax_year="2026 to 2027"),
    notes=("You were paid at least the National Living Wage for every hour you worked.",),
)


def tom() -> ps.PayslipData:
    """An irregular-hours PA paid weekly with rolled-up holiday pay and no pension."""
    return replace(
        JANET, pa_name="Tom Reed", ni_number="AB654321D", tax_period="Week 34",
        period_start=date(2026, 11, 16), period_end=date(2026, 11, 22),
        pay_lines=(ps.PayLine("Hours worked", D("20"), D("13.00"), D("260.00")),),
        holiday_pay=None,
        rolled_up_holiday_pay=ps.PayLine("Rolled-up holiday pay (12.07% of pay for work done)", None, None, D("31.38")),
        sick_pay=ps.PayLine("Statutory Sick Pay, 1 day", None, None, D("24.75")),
        deductions=(), additions=(), net_pay=D("316.13"), employer_costs=None, holiday=None, notes=(),
    )


@pytest.fixture
def janet_pdf(tmp_path):
    path = tmp_path / "janet.pdf"
    ps.write_payslip(JANET, path)
    return path


# ---- What the law asks for --------------------------------------------------------------------------


def test_gross_pay_is_shown_and_labelled(janet_pdf):
    assert "Total pay before deductions £1,345.60" in pdf_text(janet_pdf)


def test_hours_paid_for_are_shown_by_type_with_their_rate_and_in_total(janet_pdf):
    text = pdf_text(janet_pdf)
    assert "Day hours 80.00 £14.00 £1,120.00" in text
    assert "Night hours 8.00 £16.45 £131.60" in text
    assert "Total hours paid for 95.50" in text


def test_holiday_pay_has_its_own_line_with_an_exact_rate(janet_pdf):
    assert "Holiday pay 7.50 £12.5333 £94.00" in pdf_text(janet_pdf)


def test_every_deduction_is_shown_with_its_purpose_and_the_total(janet_pdf):
    text = pdf_text(janet_pdf)
    assert "Income tax Paid to HMRC for you £49.80" in text
    assert "Employee NI National Insurance, paid to HMRC for you £33.97" in text
    assert "Pension Your workplace pension with NEST £38.12" in text
    assert "Net pay arrangement: taken before tax" in text
    assert "Total deductions £121.89" in text


def test_untaxed_additions_and_take_home_pay(janet_pdf):
    text = pdf_text(janet_pdf)
    assert "Mileage, 50 miles at 45p £22.50" in text
    assert "Total added, not taxed £22.50" in text
    assert "Take-home pay £1,246.21" in text
    assert "Paid by: Bank transfer" in text


def test_rolled_up_holiday_pay_and_sick_pay_are_lines_of_their_own(tmp_path):
    path = tmp_path / "tom.pdf"
    ps.write_payslip(tom(), path)
    text = pdf_text(path)
    assert "Rolled-up holiday pay (12.07% of pay for work done) £31.38" in text
    assert "Statutory Sick Pay, 1 day £24.75" in text
    assert "Total hours paid for 20.00" in text
    assert "Total pay before deductions £316.13" in text
    assert "Nothing was taken from this pay" in text
    assert "Total deductions £0.00" in text
    assert "Take-home pay £316.13" in text


def test_each_part_payment_is_shown_with_its_method_and_amount(tmp_path):
    path = tmp_path / "split.pdf"
    split = (ps.PartPayment("Bank transfer to account ending 1234", D("1000.00")),
             ps.PartPayment("Cash", D("246.21")))
    ps.write_payslip(replace(JANET, part_payments=split), path)
    text = pdf_text(path)
    assert "Bank transfer to account ending 1234 £1,000.00" in text
    assert "Cash £246.21" in text


# ---- The rest of the page ---------------------------------------------------------------------------


def test_year_to_date_figures(janet_pdf):
    text = pdf_text(janet_pdf)
    assert "Tax year 2026 to 2027 so far" in text
    for expected in ("Total pay £10,764.80", "Taxable pay £10,459.84", "Income tax £398.40",
                     "Employee NI £271.76", "Your pension £304.96"):
        assert expected in text


def test_holiday_hours_employer_costs_and_notes(janet_pdf):
    text = pdf_text(janet_pdf)
    assert "Earned so far 98.50 hours" in text
    assert "Taken so far 30.00 hours" in text
    assert "Left to take 68.50 hours" in text
    words = " ".join(text.split())
    assert "£101.23 employer National Insurance" in words and "£22.87 into your pension" in words
    assert "National Living Wage for every hour" in words


def test_employer_pa_and_tax_details(janet_pdf):
    text = pdf_text(janet_pdf)
    assert "Payslip for Janet Moyo" in text
    assert "Paid on 28 November 2026 for 1 to 30 November 2026 (tax period: Month 8)" in text
    assert "Employer Priya Shah" in text
    assert "7 Elm Row, Bristol" in text and "BS3 4QT" in text
    assert "PAYE reference 475/PS10234" in text
    assert "Tax code 1257L" in text
    assert "NI category A" in text


def test_the_ni_number_is_masked_except_its_last_four_characters(janet_pdf):
    text = pdf_text(janet_pdf)
    assert "NI number XX XX X4 56 C" in text
    for revealing in ("QQ", "QQ123456C", "QQ 12 34 56 C", "123456"):
        assert revealing not in text


def test_every_page_has_employer_period_and_page_number_and_it_is_one_page(janet_pdf):
    text = pdf_text(janet_pdf)
    first_line = text.strip().splitlines()[0]
    assert "Priya Shah" in first_line and "Pay period: 1 to 30 November 2026" in first_line
    assert "Page 1 of 1" in text.strip().splitlines()[-1]
    assert page_count(janet_pdf) == 1


def test_pound_signs_render_as_text(janet_pdf):
    assert pdf_text(janet_pdf).count("£") >= 20


def test_a_name_beyond_helvetica_still_prints(tmp_path):
    path = tmp_path / "unicode.pdf"
    ps.write_payslip(replace(JANET, pa_name="Zofia Łukasiewicz"), path)
    assert "Payslip for Zofia Łukasiewicz" in pdf_text(path)


def _said(blocks) -> list[str]:
    """What each block of a description says, a row at a time, as a reader meets it."""
    from pa_manager.domain.money import format_money
    from pa_manager.reports import layout

    def cell(value):
        return format_money(value) if isinstance(value, D) else value

    out = []
    for block in blocks:
        if isinstance(block, (layout.Heading, layout.Text)):
            out.append(block.text)
        elif isinstance(block, layout.Table):
            for row in block.rows + block.totals:
                texts = [cell(v) for v in row if v is not None]
                if any("\n" in text for text in texts):
                    # A cell's second line (a pension's note) is read in another place in the PDF
                    # (under the first, after the figures) than on the web page: each piece alone.
                    out += [line for text in texts for line in text.split("\n")]
                else:
                    out.append(" ".join(texts))
        elif isinstance(block, (layout.KeyValues, layout.SideBySide)):
            for inner in getattr(block, "blocks", (block,)):
                out += [f"{label} {value}" for label, value in inner.rows if "\n" not in value]
        elif isinstance(block, layout.Boxed):
            out.append(f"{block.label} {format_money(block.amount)}")
    return out


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("data", [JANET, tom(), replace(
    JANET, part_payments=(ps.PartPayment("Bank transfer", D("1000.00")), ps.PartPayment("Cash", D("246.21"))))],
    ids=["month", "weekly with sick pay", "paid in parts"])
def test_the_pdf_and_the_web_page_say_what_the_one_description_says(tmp_path, data):
    # One description of the payslip: the PDF draws it and the web page writes it, so neither can
    # say something the other does not (a missing PAYE reference is "Not recorded" in both).
    from html import unescape

    said = _said(ps.describe(data))
    assert "Take-home pay " + ps.format_money(data.net_pay) in said
    pdf, page = tmp_path / "payslip.pdf", tmp_path / "payslip.html"
    ps.write_payslip(data, pdf)
    ps.write_payslips_html([data], page)
    printed = _words(pdf_text(pdf))
    web = _words(re.sub(r"<[^>]+>", " ", unescape(page.read_text(encoding="utf-8"))))
    for row in said:
        assert _words(row) in printed, row
        assert _words(row) in web, row


def test_a_missing_paye_reference_tax_code_or_ni_number_reads_not_recorded_everywhere(tmp_path):
    data = replace(JANET, paye_reference="", tax_code="", ni_number="")
    said = _said(ps.describe(data))
    assert {"PAYE reference Not recorded", "Tax code Not recorded", "NI number Not recorded"} <= set(said)
    ps.write_payslips_html([data], tmp_path / "p.html")
    assert "Not known" not in (tmp_path / "p.html").read_text(encoding="utf-8")


def test_a_payslip_too_long_for_one_page_flows_on_to_more_pages(tmp_path):
    lines = tuple(ps.PayLine(f"Shift on day {day}", D("8"), D("13.00"), D("104.00")) for day in range(1, 61))
    path = tmp_path / "long.pdf"
    # 60 x 104.00 + 94.00 holiday - 121.89 deductions + 22.50 mileage
    ps.write_payslip(replace(JANET, pay_lines=lines, net_pay=D("6234.61")), path)
    pages = page_count(path)
    assert pages >= 2
    text = pdf_text(path)
    assert "Shift on day 1 " in text and "Shift on day 60 " in text and "Take-home pay £6,234.61" in text
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text


# ---- Output -----------------------------------------------------------------------------------------


def test_invariant_output_is_byte_identical(tmp_path):
    first, second = io.BytesIO(), io.BytesIO()
    ps.write_payslip(JANET, first, invariant=True)
    ps.write_payslip(JANET, second, invariant=True)
    assert first.getvalue() == second.getvalue()
    assert first.getvalue().startswith(b"%PDF-")


def test_a_batch_of_three_has_one_page_each_numbered_on_its_own(tmp_path):
    path = tmp_path / "run.pdf"
    anna = replace(JANET, pa_name="Anna Kowalska", ni_number="CE112233A")
    ps.write_payslips([JANET, tom(), anna], path)
    assert page_count(path) == 3
    for page, (name, period) in enumerate([("Janet Moyo", "1 to 30 November 2026"),
                                          ("Tom Reed", "16 to 22 November 2026"),
                                          ("Anna Kowalska", "1 to 30 November 2026")], start=1):
        text = pdf_text(path, page=page)
        assert f"Payslip for {name}" in text
        assert f"Pay period: {period}" in text
        assert "Page 1 of 1" in text


def test_separate_files_are_named_by_date_and_pa_and_never_overwrite(tmp_path):
    slash = replace(JANET, pa_name='Ann / "Nan" Lee.')
    paths = ps.write_payslips_separately([JANET, tom(), JANET, slash], tmp_path / "out")
    assert [p.name for p in paths] == [
        "2026-11-28 Janet Moyo payslip.pdf",
        "2026-11-28 Tom Reed payslip.pdf",
        "2026-11-28 Janet Moyo payslip (2).pdf",
        "2026-11-28 Ann Nan Lee payslip.pdf",
    ]
    assert all(p.read_bytes().startswith(b"%PDF-") for p in paths)


# ---- Checks and small formats -----------------------------------------------------------------------


def test_a_payslip_that_does_not_add_up_is_refused():
    with pytest.raises(ValueError, match="does not add up"):
        replace(JANET, net_pay=D("1246.20"))


def test_part_payments_must_add_up_to_take_home_pay():
    with pytest.raises(ValueError, match="part-payments"):
        replace(JANET, part_payments=(ps.PartPayment("Cash", D("100.00")),))


@pytest.mark.parametrize("stored, shown", [
    ("QQ123456C", "XX XX X4 56 C"),
    ("qq 12 34 56 c", "XX XX X4 56 C"),
    ("", "Not recorded"),
    ("TN1234", "XX1234"),
])
def test_mask_ni_number(stored, shown):
    assert ps.mask_ni_number(stored) == shown


@pytest.mark.parametrize("start, end, shown", [
    (date(2026, 11, 1), date(2026, 11, 30), "1 to 30 November 2026"),
    (date(2026, 11, 24), date(2026, 12, 7), "24 November to 7 December 2026"),
    (date(2026, 12, 28), date(2027, 1, 3), "28 December 2026 to 3 January 2027"),
])
def test_date_range(start, end, shown):
    assert date_range(start, end) == shown
