"""The payslip: an itemised pay statement as the Employment Rights Act 1996 s.8 asks for.

It shows gross pay, each deduction with its purpose, net ("take-home") pay, how it was paid (each
part-payment when split), and the hours paid for by type and rate. Rolled-up holiday pay has its own
line. The services work out every figure; this module only lays them out, on one A4 page for a
typical PA.

In a batch (`write_payslips`) each payslip starts on a new page and counts its own pages ("Page 1
of 1"), so every payslip can be printed and handed over on its own.
"""
from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table, TableStyle

from pa_manager.domain.money import ZERO, format_money
from pa_manager.messages import date_range, format_date
from pa_manager.reports.document import (
    BODY_SIZE,
    FRAME_WIDTH,
    INK,
    Column,
    DocumentInfo,
    Furniture,
    Styles,
    build_pdf,
    _draw_furniture,
    build_sections_pdf,
    fonts_for,
    heading,
    key_value_table,
    money_table,
    paragraph,
    side_by_side,
    space,
    styles_for,
)
from pa_manager.reports import payslip_page

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


def mask_ni_number(ni_number: str) -> str:
    """'AB123456C' -> 'XX XX X4 56 C': only the last 4 characters, so a lost payslip gives little away."""
    compact = "".join(ni_number.split()).upper()
    if not compact:
        return "Not known"
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


# ---- Layout ------------------------------------------------------------------------------------------

PAY_COLUMNS = (Column("Pay", 0.47), Column("Hours", 0.13, right=True),
               Column("Rate per hour", 0.21, right=True), Column("Amount", 0.19, right=True))
DEDUCTION_COLUMNS = (Column("Deduction", 0.24), Column("What it is for", 0.57), Column("Amount", 0.19, right=True))
ADDITION_COLUMNS = (Column("Added, not taxed", 0.81), Column("Amount", 0.19, right=True))
SUMMARY_LABEL_SHARE = 0.56  # the year-to-date and holiday blocks: "Entitlement this year" on one line
DETAIL_LABEL_SHARE = 0.45
TAKE_HOME_SIZE = 14
SIDE_GAP = 14  # points between the blocks at the foot of the payslip


def payslip_story(data: PayslipData, styles: Styles) -> list[Flowable]:
    """The payslip's content, top to bottom; the page furniture is added by the document."""
    story: list[Flowable] = [
        heading(f"Payslip for {data.pa_name}", 1, styles),
        paragraph(f"Paid on {format_date(data.pay_date)} for {date_range(data.period_start, data.period_end)} "
                  f"(tax period: {data.tax_period}).", styles),
        _details(data, styles),
        space(3),
        _pay_table(data, styles),
        space(3),
        _deductions_table(data, styles),
    ]
    if data.additions:
        story += [space(3), _additions_table(data, styles)]
    story += [space(3), _take_home(data, styles), *_payments(data, styles)]
    story += _foot_blocks(data, styles)
    if data.employer_costs:
        story.append(_employer_costs(data.employer_costs, styles))
    if data.notes:
        story += [space(1), *(paragraph(note, styles) for note in data.notes)]
    return story


def _details(data: PayslipData, styles: Styles) -> Table:
    half = (FRAME_WIDTH - SIDE_GAP) / 2
    address = _address_lines(data.employer_address, half * (1 - DETAIL_LABEL_SHARE) - 12, styles.fonts.regular)
    employer = key_value_table([("Employer", data.employer_name), ("Address", address),
                                ("PAYE reference", data.paye_reference or "Not known")],
                               width=half, label_share=DETAIL_LABEL_SHARE, styles=styles)
    employee = key_value_table([("Employee", data.pa_name), ("NI number", mask_ni_number(data.ni_number)),
                                ("Tax code", data.tax_code or "Not known"), ("NI category", data.ni_category)],
                               width=half, label_share=DETAIL_LABEL_SHARE, styles=styles)
    return side_by_side([employer, employee], [half, half], gap=SIDE_GAP)


def _address_lines(address: str, width: float, font: str) -> str:
    """As few lines as fit, broken only between the address's own lines so a postcode stays whole."""
    parts = [part.strip() for part in address.replace(",", "\n").splitlines() if part.strip()]
    lines: list[str] = []
    for part in parts:
        joined = f"{lines[-1]}, {part}" if lines else part
        if lines and stringWidth(joined, font, BODY_SIZE) <= width:
            lines[-1] = joined
        else:
            lines.append(part)
    return "\n".join(lines)


def _pay_table(data: PayslipData, styles: Styles) -> Table:
    rows = [[line.description, _maybe(format_hours, line.hours), _maybe(format_rate, line.rate), line.amount]
            for line in data.all_pay_lines]
    totals = [["Total hours paid for", format_hours(data.total_hours), None, None],
              ["Total pay before deductions", None, None, data.gross_pay]]
    return money_table(PAY_COLUMNS, rows, totals, styles=styles)


def _deductions_table(data: PayslipData, styles: Styles) -> Table:
    rows = [[d.description, d.purpose + (f"\n{d.note}" if d.note else ""), d.amount] for d in data.deductions]
    if not rows:
        rows = [["Nothing was taken from this pay", None, None]]
    return money_table(DEDUCTION_COLUMNS, rows, [["Total deductions", None, data.total_deductions]], styles=styles)


def _additions_table(data: PayslipData, styles: Styles) -> Table:
    rows = [[a.description, a.amount] for a in data.additions]
    return money_table(ADDITION_COLUMNS, rows, [["Total added, not taxed", data.total_additions]], styles=styles)


def _take_home(data: PayslipData, styles: Styles) -> Table:
    """The figure most people look for first: large, bold and boxed."""
    table = Table([["Take-home pay", format_money(data.net_pay)]], colWidths=[FRAME_WIDTH * 0.7, FRAME_WIDTH * 0.3])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), styles.fonts.bold, TAKE_HOME_SIZE, TAKE_HOME_SIZE * 1.2),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("ALIGN", (1, 0), (1, 0), "RIGHT"),
        ("BOX", (0, 0), (-1, -1), 1.2, INK),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def _payments(data: PayslipData, styles: Styles) -> list[Flowable]:
    if not data.part_payments:
        return [space(1.5), paragraph(f"Paid by: {data.payment_method}", styles)]
    rows = [(p.method, format_money(p.amount)) for p in data.part_payments]
    return [space(1.5), paragraph("Paid in parts:", styles, bold=True),
            key_value_table(rows, label_share=0.82, right_values=True, styles=styles)]


def _foot_blocks(data: PayslipData, styles: Styles) -> list[Flowable]:
    """Year to date and holiday side by side, each with its heading."""
    blocks = [block for block in (_year_to_date(data), _holiday(data)) if block]
    if not blocks:
        return []
    width = (FRAME_WIDTH - SIDE_GAP) / 2
    tables = [key_value_table(rows, title=title, width=width, label_share=SUMMARY_LABEL_SHARE, right_values=True, styles=styles)
              for title, rows in blocks]
    return [space(3), side_by_side(tables, [width] * len(tables), gap=SIDE_GAP), space(2)]


def _year_to_date(data: PayslipData):
    ytd = data.year_to_date
    if ytd is None:
        return None
    title = f"Tax year {ytd.tax_year} so far" if ytd.tax_year else "This tax year so far"
    rows = [("Total pay", format_money(ytd.gross)), ("Taxable pay", format_money(ytd.taxable_pay)),
             ("Income tax", format_money(ytd.tax)), ("Employee NI", format_money(ytd.employee_ni)),
             ("Your pension", format_money(ytd.employee_pension))]
    return title, rows


def _holiday(data: PayslipData):
    holiday = data.holiday
    if holiday is None:
        return None
    rows = [("Holiday year", holiday.year)] if holiday.year else []
    rows += [(label, f"{format_hours(hours)} hours") for label, hours in holiday.lines]
    return "Holiday", rows


def _employer_costs(costs: EmployerCosts, styles: Styles) -> Flowable:
    """For information only, so in a sentence rather than a table of figures."""
    return paragraph(f"Your employer also paid {format_money(costs.employer_ni)} employer National Insurance "
                     f"and {format_money(costs.employer_pension)} into your pension. "
                     "This was not taken from your pay.", styles)


def _maybe(format_, value):
    return None if value is None else format_(value)


# ---- Writing -----------------------------------------------------------------------------------------


def _texts(value) -> Iterator[str]:
    """Every string in the payslip, to choose a font that can show them all."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _texts(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts(item)


def _furniture(data: PayslipData) -> Furniture:
    return Furniture(data.employer_name, period_text(data),
                     f"Payslip for {data.pa_name}, paid {format_date(data.pay_date)}")


def _info(data: PayslipData, furniture: Furniture) -> DocumentInfo:
    return DocumentInfo(f"Payslip for {data.pa_name}, paid {format_date(data.pay_date)}", furniture,
                        subject="Payslip")


def write_payslip(data: PayslipData, path_or_buffer: str | os.PathLike | BinaryIO, invariant: bool = False) -> None:
    """One payslip as a PDF. `invariant` gives byte-identical files for the same data (for tests).

    A payslip that fits one page is drawn directly (payslip_page: the same layout, much quicker);
    anything longer is laid out as flowing text."""
    furniture = _furniture(data)
    info = _info(data, furniture)
    fonts = fonts_for(_texts(data))
    canvas = Canvas(path_or_buffer if not isinstance(path_or_buffer, os.PathLike) else os.fspath(path_or_buffer),
                    pagesize=A4, invariant=int(invariant), lang="en-GB", initialFontName=fonts.regular,
                    initialFontSize=BODY_SIZE)
    if payslip_page.draw(data, furniture, canvas, fonts):
        canvas.setTitle(info.title)
        canvas.setAuthor(furniture.employer_name)
        canvas.setSubject(info.subject)
        canvas.setCreator("PA Manager")
        _draw_furniture(canvas, furniture, 1, 1, fonts)
        canvas.showPage()
        canvas.save()
        return
    styles = styles_for(fonts)
    build_pdf(payslip_story(data, styles), info, path_or_buffer, invariant=invariant)


def write_payslips(payslips: Sequence[PayslipData], path: str | os.PathLike | BinaryIO,
                   invariant: bool = False) -> None:
    """A pay run's payslips in one PDF: each on a new page, numbered on its own ("Page 1 of 1")."""
    if not payslips:
        raise ValueError("There are no payslips to write")
    # Each payslip gets the font its own text needs.
    sections = [(_furniture(data), payslip_story(data, styles_for(fonts_for(_texts(data))))) for data in payslips]
    title = f"Payslips paid {format_date(payslips[0].pay_date)}"
    build_sections_pdf(sections, DocumentInfo(title, sections[0][0], subject="Payslips"), path, invariant=invariant)


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
    with the same figures, tables with captions and header cells."""
    from pa_manager.reports.html import HtmlDocument, Number

    if not payslips:
        raise ValueError("There are no payslips to write")
    first, last = payslips[0], payslips[-1]
    dates = format_date(first.pay_date) if first.pay_date == last.pay_date else \
        f"{format_date(first.pay_date)} to {format_date(last.pay_date)}"
    title = f"Payslips paid {dates}"
    page = HtmlDocument(title, Furniture(first.employer_name, f"Payslips paid {dates}"))
    page.heading(title, 1)
    for data in payslips:
        page.heading(f"Payslip for {data.pa_name}, paid {format_date(data.pay_date)}", 2)
        page.paragraph(f"Paid on {format_date(data.pay_date)} for {date_range(data.period_start, data.period_end)} "
                       f"(tax period: {data.tax_period}).")
        page.key_values("Employer and employee", [
            ("Employer", data.employer_name), ("Address", data.employer_address.replace("\n", ", ")),
            ("PAYE reference", data.paye_reference or "Not known"), ("Employee", data.pa_name),
            ("NI number", mask_ni_number(data.ni_number)), ("Tax code", data.tax_code or "Not known"),
            ("NI category", data.ni_category)])
        page.table("Pay", [Column("Pay", 0), Column("Hours", 0, True), Column("Rate per hour", 0, True),
                           Column("Amount", 0, True)],
                   [[line.description, _maybe(Number, _maybe(format_hours, line.hours)),
                     _maybe(Number, _maybe(format_rate, line.rate)), line.amount] for line in data.all_pay_lines],
                   [["Total hours paid for", Number(format_hours(data.total_hours)), None, None],
                    ["Total pay before deductions", None, None, data.gross_pay]])
        page.table("Deductions", [Column("Deduction", 0), Column("What it is for", 0), Column("Amount", 0, True)],
                   [[d.description, d.purpose + (f". {d.note}" if d.note else ""), d.amount] for d in data.deductions]
                   or [["Nothing was taken from this pay", None, None]],
                   [["Total deductions", None, data.total_deductions]])
        if data.additions:
            page.table("Added, not taxed", [Column("Added, not taxed", 0), Column("Amount", 0, True)],
                       [[a.description, a.amount] for a in data.additions],
                       [["Total added, not taxed", data.total_additions]])
        page.key_values("Take-home pay", [("Take-home pay", data.net_pay), ("Paid by", data.payment_method)])
        for block in (_year_to_date(data), _holiday(data)):
            if block:
                page.key_values(block[0], block[1], figures=True)
        if data.employer_costs:
            page.paragraph(f"Your employer also paid {format_money(data.employer_costs.employer_ni)} employer National "
                           f"Insurance and {format_money(data.employer_costs.employer_pension)} into your pension. "
                           "This was not taken from your pay.")
        for note in data.notes:
            page.paragraph(note)
    page.write(target)
