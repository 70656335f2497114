"""The payslip: an itemised pay statement as the Employment Rights Act 1996 s.8 asks for.

It shows gross pay, each deduction with its purpose, net ("take-home") pay, how it was paid (each
part-payment when split), and the hours paid for by type and rate. Rolled-up holiday pay has its own
line. The services work out every figure (services/payslips.py reads them from the stored pay record);
this module only lays them out, on one A4 page for a typical PA.

The payslip is described once, as blocks (`describe`: sections, rows and labels in order), and that
one description is drawn onto the PDF's pages (reports/canvas_pages.py, quick enough for a pay run of
hundreds) and written as a web page for a screen reader (reports/html.py). A payslip too long for one
page runs on to the next, its table headers repeated.

In a batch (`write_payslips`) each payslip starts on a new page and counts its own pages ("Page 1
of 1"), so every payslip can be printed and handed over on its own.
"""
from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pa_manager.domain.money import ZERO, format_money
from pa_manager.messages import date_range, format_date
from pa_manager.reports.canvas_pages import draw_blocks
from pa_manager.reports.document.building import Furniture
from pa_manager.reports.document.fonts import fonts_for
from pa_manager.reports.document.measures import BODY_SIZE
from pa_manager.reports.layout import Block, Boxed, Column, Gap, Heading, KeyValues, SideBySide, Table, Text, texts


HUNDREDTH = Decimal("0.01")


# ---- The input ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PayLine:
    """Pay for work or leave. Hours and rate are given for time-paid lines (the law asks for hours)."""

    description: str  # "Daytime hours", "Sleep-in nights", "Statutory Sick Pay, 3 days at £23.75"
    hours: Decimal | None
    rate: Decimal | None  # pounds an hour
    amount: Decimal


@dataclass(frozen=True)
class Deduction:
    description: str  # "Income tax"
    purpose: str  # "Paid to HMRC for you"
    amount: Decimal
    note: str = ""  # e.g. for a pension: "Net pay arrangement: taken before tax, so you get tax relief now."


@dataclass(frozen=True)
class Addition:
    """Money paid back and not taxed, such as mileage or other expenses."""

    description: str
    amount: Decimal


@dataclass(frozen=True)
class PartPayment:
    method: str  # "Bank transfer to account ending 1234"
    amount: Decimal


@dataclass(frozen=True)
class EmployerCosts:
    """Shown for information: paid by the employer on top of the pay, not taken from it."""

    employer_ni: Decimal
    employer_pension: Decimal


@dataclass(frozen=True)
class HolidayHours:
    """Holiday in hours, each figure with its label ("Entitlement this holiday year", "Taken so far",
    "Left to take"): which figures a payslip shows depends on how the PA's holiday works."""

    lines: tuple[tuple[str, Decimal], ...]
    year: str = ""  # e.g. "1 April 2026 to 31 March 2027"


@dataclass(frozen=True)
class YearToDate:
    gross: Decimal
    taxable_pay: Decimal
    tax: Decimal
    employee_ni: Decimal
    employee_pension: Decimal
    tax_year: str = ""  # e.g. "2026 to 2027"
    student_loan: Decimal | None = None       # shown when the PA repays one (None: no loan)
    postgraduate_loan: Decimal | None = None


@dataclass(frozen=True)
class PayslipData:
    employer_name: str
    employer_address: str  # lines separated by "\n" or commas; printed on as few lines as fit
    paye_reference: str
    pa_name: str
    ni_number: str  # in full, as stored: the payslip shows only its last 4 characters
    tax_code: str
    ni_category: str
    pay_date: date
    period_start: date
    period_end: date
    tax_period: str  # "Month 8", "Week 34"
    pay_lines: tuple[PayLine, ...]  # hours worked, one line per type of work and rate
    net_pay: Decimal
    payment_method: str  # "Bank transfer"
    holiday_pay: PayLine | None = None
    rolled_up_holiday_pay: PayLine | None = None
    sick_pay: PayLine | None = None
    deductions: tuple[Deduction, ...] = ()
    additions: tuple[Addition, ...] = ()  # not taxed
    part_payments: tuple[PartPayment, ...] = ()  # when net pay is split between methods
    employer_costs: EmployerCosts | None = None
    holiday: HolidayHours | None = None
    year_to_date: YearToDate | None = None
    notes: tuple[str, ...] = ()

    def __post_init__(self):
        # A payslip that does not add up is worse than none: refuse it rather than print it.
        expected = self.gross_pay - self.total_deductions + self.total_additions
        if self.net_pay != expected:
            raise ValueError(f"Take-home pay {self.net_pay} does not add up: expected {expected}")
        if self.part_payments and sum(p.amount for p in self.part_payments) != self.net_pay:
            raise ValueError("The part-payments do not add up to the take-home pay")

    @property
    def all_pay_lines(self) -> tuple[PayLine, ...]:
        extra = (self.holiday_pay, self.rolled_up_holiday_pay, self.sick_pay)
        return self.pay_lines + tuple(line for line in extra if line is not None)

    @property
    def gross_pay(self) -> Decimal:
        return sum((line.amount for line in self.all_pay_lines), ZERO)

    @property
    def total_hours(self) -> Decimal:
        return sum((line.hours for line in self.all_pay_lines if line.hours is not None), Decimal(0))

    @property
    def total_deductions(self) -> Decimal:
        return sum((d.amount for d in self.deductions), ZERO)

    @property
    def total_additions(self) -> Decimal:
        return sum((a.amount for a in self.additions), ZERO)


# ---- Small formats -----------------------------------------------------------------------------------


NOT_RECORDED = "Not recorded"  # a detail the pay record does not hold (no PAYE reference yet, say)


def mask_ni_number(ni_number: str) -> str:
    """'AB123456C' -> 'XX XX X4 56 C': only the last 4 characters, so a lost payslip gives little away."""
    compact = "".join(ni_number.split()).upper()
    if not compact:
        return NOT_RECORDED
    shown = "X" * max(len(compact) - 4, 0) + compact[-4:]
    if len(shown) != 9:
        return shown
    return f"{shown[0:2]} {shown[2:4]} {shown[4:6]} {shown[6:8]} {shown[8]}"


def format_hours(hours: Decimal) -> str:
    return f"{hours.quantize(HUNDREDTH):,}"


RATE_PLACES = Decimal("0.0001")


def format_rate(rate: Decimal) -> str:
    """£12.71, keeping a fraction of a penny a rate really has (£12.7125), to four places at most: an
    average holiday rate (£33.0928571...) is shown as £33.0929 (the amount is worked out exactly)."""
    if rate == rate.quantize(HUNDREDTH):
        return format_money(rate)
    return f"£{rate.quantize(RATE_PLACES).normalize():,f}"


def period_text(data: PayslipData) -> str:
    return f"Pay period: {date_range(data.period_start, data.period_end)}"


_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def payslip_file_name(data: PayslipData) -> str:
    """'2026-11-28 Janet Moyo payslip.pdf': sorts by date, and is safe on Windows, macOS and Linux."""
    name = " ".join(_UNSAFE.sub(" ", data.pa_name).split()).strip(". ") or "PA"
    return f"{data.pay_date.isoformat()} {name} payslip.pdf"


# ---- The one description -----------------------------------------------------------------------------

PAY_COLUMNS = (Column("Pay", 0.47), Column("Hours", 0.13, right=True),
               Column("Rate per hour", 0.21, right=True), Column("Amount", 0.19, right=True))
DEDUCTION_COLUMNS = (Column("Deduction", 0.24), Column("What it is for", 0.57), Column("Amount", 0.19, right=True))
ADDITION_COLUMNS = (Column("Added, not taxed", 0.81), Column("Amount", 0.19, right=True))
SUMMARY_LABEL_SHARE = 0.56  # the year-to-date and holiday blocks: "Entitlement this year" on one line
DETAIL_LABEL_SHARE = 0.45
PART_PAYMENT_LABEL_SHARE = 0.82
TAKE_HOME_SIZE = 14
SIDE_GAP = 14  # points between the blocks side by side


def describe(data: PayslipData, *, dated_heading: bool = False) -> tuple[Block, ...]:
    """The payslip, top to bottom, as blocks: every section, row and label, in the words printed.
    `dated_heading` adds the pay date to the heading (a web page of several payslips, where each
    heading must say which payslip it is)."""
    title = f"Payslip for {data.pa_name}" + (f", paid {format_date(data.pay_date)}" if dated_heading else "")
    blocks: list[Block] = [
        Heading(title, 1),
        Text(f"Paid on {format_date(data.pay_date)} for {date_range(data.period_start, data.period_end)} "
             f"(tax period: {data.tax_period})."),
        SideBySide((
            KeyValues("Employer", (("Employer", data.employer_name), ("Address", data.employer_address),
                                   ("PAYE reference", data.paye_reference or NOT_RECORDED)),
                      label_share=DETAIL_LABEL_SHARE),
            KeyValues("Employee", (("Employee", data.pa_name), ("NI number", mask_ni_number(data.ni_number)),
                                   ("Tax code", data.tax_code or NOT_RECORDED), ("NI category", data.ni_category)),
                      label_share=DETAIL_LABEL_SHARE),
        ), gap=SIDE_GAP),
        Gap(3),
        Table("Pay", PAY_COLUMNS,
              tuple((line.description, _maybe(format_hours, line.hours), _maybe(format_rate, line.rate), line.amount)
                    for line in data.all_pay_lines),
              (("Total hours paid for", format_hours(data.total_hours), None, None),
               ("Total pay before deductions", None, None, data.gross_pay))),
        Gap(3),
        Table("Deductions", DEDUCTION_COLUMNS,
              tuple((d.description, d.purpose + (f"\n{d.note}" if d.note else ""), d.amount) for d in data.deductions)
              or (("Nothing was taken from this pay", None, None),),
              (("Total deductions", None, data.total_deductions),)),
    ]
    if data.additions:
        blocks += [Gap(3), Table("Added, not taxed", ADDITION_COLUMNS,
                                 tuple((a.description, a.amount) for a in data.additions),
                                 (("Total added, not taxed", data.total_additions),))]
    blocks += [Gap(3), Boxed("Take-home pay", data.net_pay, TAKE_HOME_SIZE)]
    if data.part_payments:
        blocks += [Text("Paid in parts:", bold=True),
                   KeyValues("Paid in parts", tuple((p.method, format_money(p.amount)) for p in data.part_payments),
                             label_share=PART_PAYMENT_LABEL_SHARE, figures=True)]
    else:
        blocks.append(Text(f"Paid by: {data.payment_method}"))
    foot = tuple(block for block in (_year_to_date(data), _holiday(data)) if block)
    if foot:
        blocks += [Gap(3), SideBySide(foot, gap=SIDE_GAP), Gap(2)]
    if data.employer_costs:
        costs = data.employer_costs
        blocks.append(Text(f"Your employer also paid {format_money(costs.employer_ni)} employer National Insurance "
                           f"and {format_money(costs.employer_pension)} into your pension. "
                           "This was not taken from your pay."))
    blocks += [Text(note) for note in data.notes]
    return tuple(blocks)


def _year_to_date(data: PayslipData) -> KeyValues | None:
    ytd = data.year_to_date
    if ytd is None:
        return None
    title = f"Tax year {ytd.tax_year} so far" if ytd.tax_year else "This tax year so far"
    rows = [("Total pay", format_money(ytd.gross)), ("Taxable pay", format_money(ytd.taxable_pay)),
            ("Income tax", format_money(ytd.tax)), ("Employee NI", format_money(ytd.employee_ni)),
            ("Your pension", format_money(ytd.employee_pension))]
    if ytd.student_loan is not None:
        rows.append(("Student Loan", format_money(ytd.student_loan)))
    if ytd.postgraduate_loan is not None:
        rows.append(("Postgraduate Loan", format_money(ytd.postgraduate_loan)))
    return KeyValues(title, tuple(rows), title=title, label_share=SUMMARY_LABEL_SHARE, figures=True)


def _holiday(data: PayslipData) -> KeyValues | None:
    holiday = data.holiday
    if holiday is None:
        return None
    rows = (("Holiday year", holiday.year),) if holiday.year else ()
    rows += tuple((label, f"{format_hours(hours)} hours") for label, hours in holiday.lines)
    return KeyValues("Holiday", rows, title="Holiday", label_share=SUMMARY_LABEL_SHARE, figures=True)


def _maybe(format_, value):
    return None if value is None else format_(value)


# ---- Writing -----------------------------------------------------------------------------------------


def _furniture(data: PayslipData) -> Furniture:
    return Furniture(data.employer_name, period_text(data),
                     f"Payslip for {data.pa_name}, paid {format_date(data.pay_date)}")


def _fonts(blocks: tuple[Block, ...], furniture: Furniture):
    """A font that can show every letter this payslip prints. Handed over lazily: a chooser that
    needs the texts reads them, and today's (always the embedded font) costs nothing per payslip."""
    return fonts_for(chain(texts(blocks), furniture.texts()))


def _canvas(target, invariant: bool, fonts, title: str, author: str, subject: str) -> Canvas:
    canvas = Canvas(target if not isinstance(target, os.PathLike) else os.fspath(target), pagesize=A4,
                    invariant=int(invariant), lang="en-GB", initialFontName=fonts.regular, initialFontSize=BODY_SIZE)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(subject)
    canvas.setCreator("PA Manager")
    return canvas


def write_payslip(data: PayslipData, path_or_buffer: str | os.PathLike | BinaryIO, invariant: bool = False) -> None:
    """One payslip as a PDF. `invariant` gives byte-identical files for the same data (for tests)."""
    blocks, furniture = describe(data), _furniture(data)
    fonts = _fonts(blocks, furniture)
    canvas = _canvas(path_or_buffer, invariant, fonts, f"Payslip for {data.pa_name}, paid {format_date(data.pay_date)}",
                     data.employer_name, "Payslip")
    draw_blocks(blocks, furniture, canvas, fonts)
    canvas.save()


def write_payslips(payslips: Sequence[PayslipData], path: str | os.PathLike | BinaryIO,
                   invariant: bool = False) -> None:
    """A pay run's payslips in one PDF: each on a new page, numbered on its own ("Page 1 of 1")."""
    if not payslips:
        raise ValueError("There are no payslips to write")
    described = [(describe(data), _furniture(data)) for data in payslips]
    # Each payslip gets the font its own text needs.
    fonts = [_fonts(blocks, furniture) for blocks, furniture in described]
    canvas = _canvas(path, invariant, fonts[0], f"Payslips paid {format_date(payslips[0].pay_date)}",
                     payslips[0].employer_name, "Payslips")
    for (blocks, furniture), own_fonts in zip(described, fonts):
        draw_blocks(blocks, furniture, canvas, own_fonts)
    canvas.save()


def write_payslips_separately(payslips: Sequence[PayslipData], folder: str | os.PathLike,
                              invariant: bool = False) -> list[Path]:
    """One PDF per payslip in `folder`, named like "2026-11-28 Janet Moyo payslip.pdf".

    Two PAs with the same name on the same date get "(2)" added rather than overwrite each other.
    A file left by an earlier run with the same name is replaced: the payslip has been made again.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    used: set[str] = set()
    for data in payslips:
        name = _unused(payslip_file_name(data), used)
        path = folder / name
        write_payslip(data, path, invariant=invariant)
        written.append(path)
    return written


def _unused(name: str, used: set[str]) -> str:
    stem, suffix = name.removesuffix(".pdf"), ".pdf"
    candidate, count = name, 1
    while candidate.lower() in used:
        count += 1
        candidate = f"{stem} ({count}){suffix}"
    used.add(candidate.lower())
    return candidate


# ---- As a web page -----------------------------------------------------------------------------------


def write_payslips_html(payslips: Sequence[PayslipData], target: str | os.PathLike | BinaryIO) -> None:
    """Payslips as one web page, for a screen reader: each payslip a section under its own heading,
    drawn from the same description as the PDF (tables with captions and header cells)."""
    from pa_manager.reports.html import HtmlDocument, write_blocks

    if not payslips:
        raise ValueError("There are no payslips to write")
    first, last = payslips[0], payslips[-1]
    dates = format_date(first.pay_date) if first.pay_date == last.pay_date else \
        f"{format_date(first.pay_date)} to {format_date(last.pay_date)}"
    title = f"Payslips paid {dates}"
    page = HtmlDocument(title, Furniture(first.employer_name, f"Payslips paid {dates}"))
    page.heading(title, 1)
    for data in payslips:
        write_blocks(page, describe(data, dated_heading=True), heading_offset=1)
    page.write(target)
