"""The P45 (a leaver's Parts 1A, 2 and 3) and the P60 (end of year certificate) as PDFs.

Fed domain.year_end's figures, made from the stored pay records; the boxes keep HMRC's numbers so
the forms can be read against HMRC's own. Plain A4, 11 point, the employer's name, the tax year and
"Page N of M" on every page, as every PA Manager document.
"""
from __future__ import annotations

import os
from decimal import Decimal
from typing import BinaryIO, Sequence

from pa_manager.domain.year_end import P45, P60
from pa_manager.domain.money import format_money
from pa_manager.messages import format_date
from pa_manager.wording import FAMILY_PAY_NAMES
from pa_manager.reports.document.building import DocumentInfo, Furniture, build_sections_pdf
from pa_manager.reports.document.fonts import fonts_for
from pa_manager.reports.layout import Column
from pa_manager.reports.document.styles import heading, paragraph, space, styles_for
from pa_manager.reports.document.tables import key_value_table, money_table, signature_table


Target = str | os.PathLike | BinaryIO


def _year_words(tax_year: str) -> str:
    """'2026-27' -> '6 April 2026 to 5 April 2027'."""
    first = int(tax_year[:4])
    return f"6 April {first} to 5 April {first + 1}"


def _ni_number(text: str) -> str:
    return text or "Not known"


def _yes(value: bool) -> str:
    return "Yes" if value else "No"


def _names(name: str) -> tuple[str, str]:
    parts = name.split()
    return (parts[-1], " ".join(parts[:-1])) if len(parts) > 1 else (name, "")


def _employer_rows(employer) -> list[tuple[str, str]]:
    return [("Employer", employer.name),
            ("Employer's address", ", ".join(p for p in (employer.address.replace("\n", ", "), employer.postcode) if p)
             or "Not recorded"),
            ("Employer PAYE reference", employer.paye_reference or "Not recorded")]


# ---- P45 --------------------------------------------------------------------------------------------

_PARTS = (
    ("Part 1A", "For the employee to keep",
     "Keep this part safe. It shows your pay and tax to the date you left. You may need it to fill in a "
     "tax return or to claim a tax refund."),
    ("Part 2", "For the employee's new employer",
     "Give this part to your new employer straight away, with Part 3. If you are not starting a new job, "
     "keep it: you may need it if you claim Jobseeker's Allowance or Universal Credit."),
    ("Part 3", "New employer's copy",
     "Give this part to your new employer with Part 2. Your new employer fills in the boxes at the end."),
)


def _p45_rows(form: P45) -> list[tuple[str, str]]:
    surname, first = _names(form.pa.name)
    return [
        ("1 Employer PAYE reference", form.employer.paye_reference or "Not recorded"),
        ("2 Employee's National Insurance number", _ni_number(form.pa.ni_number)),
        ("3 Surname", surname),
        ("  First names", first or "–"),
        ("4 Leaving date", format_date(form.leaving_date)),
        ("5 Student Loan deductions to continue", _yes(form.student_loan_continues)),
        ("5 Postgraduate Loan deductions to continue", _yes(form.postgraduate_loan_continues)),
        ("6 Tax code at leaving date", form.tax_code),
        ("  Week 1 or Month 1 basis", _yes(form.week1_month1)),
        ("7 Last entries on the payroll record", f"{form.period_word} {form.last_period}"),
        ("  Total pay to date", format_money(form.pay_to_date)),
        ("  Total tax to date", format_money(form.tax_to_date)),
    ]


def _p45_story(form: P45, part: tuple[str, str, str], styles) -> list:
    name, for_whom, advice = part
    story = [heading(f"P45 {name}: details of employee leaving work", 1, styles),
             paragraph(f"{for_whom}. Tax year {_year_words(form.tax_year)}.", styles), space(2),
             paragraph(advice, styles), space(3),
             key_value_table(_p45_rows(form), label_share=0.55, styles=styles)]
    if name == "Part 1A":
        story += [space(3), key_value_table([
            ("8 This employment pay", format_money(form.this_employment_pay)),
            ("  This employment tax", format_money(form.this_employment_tax)),
        ], title="Pay and tax in this job only", label_share=0.55, right_values=True, styles=styles)]
    details = [("Date of birth", format_date(form.pa.date_of_birth) if form.pa.date_of_birth else "Not recorded"),
               ("Address", ", ".join(p for p in (form.pa.address.replace("\n", ", "), form.pa.postcode) if p)
                or "Not recorded")]
    story += [space(3), key_value_table(details, title="The employee", label_share=0.55, styles=styles),
              space(3), key_value_table(_employer_rows(form.employer), title="The employer", label_share=0.55,
                                        styles=styles),
              space(3), paragraph("I certify that the details on this form are correct.", styles),
              signature_table([("Employer", form.employer.name)], styles=styles)]
    if name == "Part 3":
        story += [space(3), heading("To be filled in by the new employer", 2, styles),
                  key_value_table([("New employer PAYE reference", ""), ("Date new employment started", ""),
                                   ("Works number or payroll ID", ""), ("Tax code to be used", "")],
                                  label_share=0.55, styles=styles)]
    return story


def write_p45(form: P45, target: Target, *, invariant: bool = False) -> None:
    """Parts 1A, 2 and 3 in one PDF, each starting its own page and numbered on its own."""
    texts = [form.pa.name, form.employer.name, form.employer.address, form.pa.address]
    styles = styles_for(fonts_for(texts))
    period = f"Tax year {_year_words(form.tax_year)}"
    sections = [(Furniture(form.employer.name, period, f"P45 {part[0]} for {form.pa.name}"),
                 _p45_story(form, part, styles)) for part in _PARTS]
    info = DocumentInfo(f"P45 for {form.pa.name}, left {format_date(form.leaving_date)}", sections[0][0],
                        subject="P45: details of employee leaving work")
    build_sections_pdf(sections, info, target, invariant=invariant)


# ---- P60 --------------------------------------------------------------------------------------------

def _p60_story(form: P60, styles) -> list:
    surname, first = _names(form.pa.name)
    story = [heading(f"P60 End of year certificate, tax year to 5 April {int(form.tax_year[:4]) + 1}", 1, styles),
             paragraph("Keep this certificate safe: it shows your pay, tax and National Insurance in this job for "
                       "the tax year. You may need it to claim a tax refund, tax credits or a loan.", styles),
             space(3),
             key_value_table([("Surname", surname), ("First names", first or "–"),
                              ("National Insurance number", _ni_number(form.pa.ni_number))],
                             title="The employee", label_share=0.5, styles=styles),
             space(3),
             money_table([Column("Pay and Income Tax", 0.5), Column("Pay", 0.25, right=True),
                          Column("Tax deducted", 0.25, right=True)],
                         [["In previous employments", form.previous_pay, form.previous_tax],
                          ["In this employment", form.pay, form.tax]],
                         [["Total for the year", form.total_pay, form.total_tax]], styles=styles),
             space(2),
             key_value_table([("Final tax code", form.final_tax_code)], label_share=0.5, styles=styles),
             space(3)]
    rows = [[n.letter, n.at_lel, n.lel_to_pt, n.pt_to_uel, n.employee_ni] for n in form.ni]
    story += [paragraph("National Insurance contributions in this employment", styles, bold=True),
              money_table([Column("NI letter", 0.12), Column("Earnings at the lower earnings limit", 0.22, right=True),
                           Column("Above it, up to the primary threshold", 0.22, right=True),
                           Column("Above that, up to the upper earnings limit", 0.22, right=True),
                           Column("Employee's contributions", 0.22, right=True)],
                          rows or [["–", Decimal(0), Decimal(0), Decimal(0), Decimal(0)]], styles=styles),
              space(3),
              key_value_table([("Statutory Sick Pay is part of the pay above", format_money(form.ssp)),
                               *((f"{FAMILY_PAY_NAMES[kind]} is part of the pay above", format_money(amount))
                                 for kind, amount in form.family_pay),
                               ("Student Loan deductions (whole pounds only)", format_money(form.student_loan)),
                               ("Postgraduate Loan deductions (whole pounds only)", format_money(form.postgraduate_loan))],
                              title="Other details", label_share=0.6, right_values=True, styles=styles),
              space(3),
              key_value_table(_employer_rows(form.employer), title="Your employer", label_share=0.5, styles=styles),
              space(3),
              paragraph("Certificate by employer: this form shows your total pay for Income Tax purposes in this "
                        "employment for the year, with any pay and tax in previous employments that was used to "
                        "work out your tax.", styles)]
    return story


def write_p60(form: P60, target: Target, *, invariant: bool = False) -> None:
    write_p60s([form], target, invariant=invariant)


def write_p60s(forms: Sequence[P60], target: Target, *, invariant: bool = False) -> None:
    """One or more P60s in one PDF, each on its own page(s), numbered on its own."""
    if not forms:
        raise ValueError("There are no P60s to write")
    sections = []
    for form in forms:
        styles = styles_for(fonts_for([form.pa.name, form.employer.name, form.employer.address]))
        sections.append((Furniture(form.employer.name, f"Tax year {_year_words(form.tax_year)}",
                                   f"P60 for {form.pa.name}"), _p60_story(form, styles)))
    first = forms[0]
    title = (f"P60 for {first.pa.name}, tax year {first.tax_year}" if len(forms) == 1
             else f"P60s for tax year {first.tax_year}")
    build_sections_pdf(sections, DocumentInfo(title, sections[0][0], subject="P60 End of year certificate"),
                       target, invariant=invariant)
