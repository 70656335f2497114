"""How long 520 payslips take (10 PAs paid weekly for a year), against raw ReportLab drawing.

    .venv/bin/python benchmarks/payslips.py
    .venv/bin/python benchmarks/payslips.py --against /work/main   # this checkout's payslips and another's

With --against, the payslips alone are timed for this checkout and each other one, in turns, each in a
fresh process (the best wall and processor time of several turns).

The raw figure (`write_raw`) draws the same pages with ReportLab's plain canvas calls into 520 files:
every word of each payslip in its font (the embedded regular and bold), size and place, its rules and
box, and the same document details (title, author, subject, language). Where each word goes is worked
out by the app's own layout before the clock starts (`marks`), so the floor is the drawing and writing
alone: the least such a payslip could cost. The target is a ratio of 1.5 or less.

Two older floors are printed for comparison: `write_raw_embedded`, about the same lines in one line
each in the embedded regular font, and `write_raw_helvetica`, those lines in Helvetica, which a PDF
need not embed (so it could not print every name, and is lighter than any payslip the app writes).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

# --app-only CHECKOUT times that checkout's payslips (for --against): its code is imported, not this one's.
_CHECKOUT = sys.argv[sys.argv.index("--app-only") + 1] if "--app-only" in sys.argv else Path(__file__).resolve().parents[1]
sys.path.insert(0, str(_CHECKOUT))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from pa_manager.domain.money import format_money  # noqa: E402
from pa_manager.messages import format_date  # noqa: E402
from pa_manager.reports.payslip import (  # noqa: E402
    Deduction,
    EmployerCosts,
    HolidayHours,
    PayLine,
    PayslipData,
    YearToDate,
    mask_ni_number,
    period_text,
    write_payslips_separately,
)

COUNT = 520


def sample(week: int, pa: int) -> PayslipData:
    start = date(2026, 4, 6) + timedelta(weeks=week)
    hours, rate = Decimal("30") + pa, Decimal("13.25")
    gross = hours * rate
    tax, ni, pension = Decimal("25.40"), Decimal("12.10"), Decimal("9.95")
    return PayslipData(
        employer_name="Margaret O'Neill", employer_address="14 Brook Lane\nLeeds\nLS6 2AB",
        paye_reference="120/ZB45678", pa_name=f"Personal Assistant {pa + 1}", ni_number="QQ123456C",
        tax_code="1257L", ni_category="A", pay_date=start + timedelta(days=11), period_start=start,
        period_end=start + timedelta(days=6), tax_period=f"Week {week + 1}",
        pay_lines=(PayLine("Daytime hours", hours, rate, gross),),
        holiday_pay=PayLine("Holiday pay", Decimal("0"), rate, Decimal("0.00")),
        deductions=(Deduction("Income tax", "Paid to HMRC for you through PAYE", tax),
                    Deduction("Employee NI", "National Insurance, paid to HMRC for you", ni),
                    Deduction("Pension", "Your workplace pension", pension, note="Relief at source")),
        net_pay=gross - tax - ni - pension, payment_method="Bank transfer",
        employer_costs=EmployerCosts(Decimal("30.12"), Decimal("5.97")),
        holiday=HolidayHours((("Earned so far", Decimal("40")), ("Taken so far", Decimal("8")), ("Left to take", Decimal("32")))),
        year_to_date=YearToDate(gross * (week + 1), gross * (week + 1), tax * (week + 1), ni * (week + 1),
                                pension * (week + 1), tax_year="2026 to 2027"),
        notes=("You were paid at least the National Living Wage for every hour you worked.",),
    )


def text_lines(data: PayslipData) -> list[str]:
    """Roughly the words a payslip carries, for the raw comparison."""
    ytd, holiday = data.year_to_date, data.holiday
    lines = [data.employer_name, period_text(data), f"Payslip for {data.pa_name}",
             f"Paid on {format_date(data.pay_date)} ({data.tax_period})",
             f"Employer {data.employer_name}", f"Employee {data.pa_name}",
             f"Address {data.employer_address.replace(chr(10), ', ')}", f"NI number {mask_ni_number(data.ni_number)}",
             f"PAYE reference {data.paye_reference}", f"Tax code {data.tax_code}", f"NI category {data.ni_category}",
             "Pay Hours Rate per hour Amount"]
    lines += [f"{p.description} {p.hours} {p.rate} {format_money(p.amount)}" for p in data.all_pay_lines]
    lines += [f"Total hours paid for {data.total_hours}", f"Total pay before deductions {format_money(data.gross_pay)}",
              "Deduction What it is for Amount"]
    lines += [f"{d.description} {d.purpose} {d.note} {format_money(d.amount)}" for d in data.deductions]
    lines += [f"Total deductions {format_money(data.total_deductions)}", f"Take-home pay {format_money(data.net_pay)}",
              f"Paid by: {data.payment_method}", f"Tax year {ytd.tax_year} so far Holiday",
              *(f"{label} {hours} hours" for label, hours in holiday.lines),
              f"Total pay {format_money(ytd.gross)}", f"Taxable pay {format_money(ytd.taxable_pay)}",
              f"Income tax {format_money(ytd.tax)}",
              f"Employee NI {format_money(ytd.employee_ni)}", f"Your pension {format_money(ytd.employee_pension)}",
              "Your employer also paid ... employer National Insurance and ... into your pension.", *data.notes]
    return lines + [f"Payslip for {data.pa_name}", "Page 1 of 1"]


@dataclass(frozen=True)
class Marks:
    """Everything a payslip's PDF shows, placed: each page's words (font, size, x, baseline, text),
    rules (x1, y1, x2, y2, line width) and boxes (x, y, width, height, line width)."""

    title: str
    author: str
    pages: tuple[tuple[tuple, tuple, tuple], ...]


class _Recorder:
    """Stands in for a canvas to note the rules and boxes the layout draws."""

    def __init__(self):
        self.width, self.rules, self.boxes = 1.0, [], []

    def setLineWidth(self, width):
        self.width = width

    def line(self, x1, y1, x2, y2):
        self.rules.append((x1, y1, x2, y2, self.width))

    def rect(self, x, y, width, height):
        self.boxes.append((x, y, width, height, self.width))


_MARKS: dict[int, tuple[PayslipData, Marks]] = {}


def marks(data: PayslipData) -> Marks:
    """The payslip's pages as the app lays them out (reports/canvas_pages.py), worked out once per
    payslip object: the raw floor times only the drawing and the writing."""
    found = _MARKS.get(id(data))
    if found is not None and found[0] is data:
        return found[1]
    from pa_manager.reports.canvas_pages import Pages
    from pa_manager.reports.document.building import furniture_marks
    from pa_manager.reports.document.measures import RULE_WIDTH
    from pa_manager.reports.document.fonts import fonts_for
    from pa_manager.reports.payslip import _furniture, describe

    blocks, furniture = describe(data), _furniture(data)
    fonts = fonts_for()
    layout = Pages(furniture, fonts)
    layout.add(blocks)
    pages = []
    for number, sheet in enumerate(layout.sheets, start=1):
        recorder = _Recorder()
        for shape in sheet.shapes:
            shape(recorder)
        words, rules = furniture_marks(furniture, number, len(layout.sheets), fonts)
        rules = [*recorder.rules, *((x1, y, x2, y, RULE_WIDTH) for x1, x2, y in rules)]
        pages.append((tuple(sheet.words + words), tuple(rules), tuple(recorder.boxes)))
    found = _MARKS[id(data)] = (data, Marks(f"Payslip for {data.pa_name}, paid {format_date(data.pay_date)}",
                                            data.employer_name, tuple(pages)))
    return found[1]


def write_raw(payslips: list[PayslipData], folder: Path) -> None:
    """The payslips' own pages drawn with ReportLab's plain calls (a text object a page, with setFont,
    setTextOrigin and textOut for each word; line and rect) in the fonts they embed, with the same
    document details: one file each. (A drawString for each word, as simple use would, costs about a
    sixth more: this is the stricter floor.)"""
    from pa_manager.reports.document.fonts import embedded_fonts
    from pa_manager.reports.document.measures import BODY_SIZE, INK

    font = embedded_fonts().regular
    for index, data in enumerate(payslips):
        placed = marks(data)
        canvas = Canvas(str(folder / f"same-{index}.pdf"), pagesize=A4, lang="en-GB", initialFontName=font,
                        initialFontSize=BODY_SIZE)
        canvas.setTitle(placed.title)
        canvas.setAuthor(placed.author)
        canvas.setSubject("Payslip")
        canvas.setCreator("PA Manager")
        for words, rules, boxes in placed.pages:
            canvas.setFillColor(INK)
            canvas.setStrokeColor(INK)
            for x1, y1, x2, y2, width in rules:
                canvas.setLineWidth(width)
                canvas.line(x1, y1, x2, y2)
            for x, y, width, height, line_width in boxes:
                canvas.setLineWidth(line_width)
                canvas.rect(x, y, width, height)
            page_text, current = canvas.beginText(), None  # one text object a page, as the app writes
            for name, size, x, y, text in words:
                if (name, size) != current:
                    page_text.setFont(name, size)
                    current = (name, size)
                page_text.setTextOrigin(x, y)
                page_text.textOut(text)
            canvas.drawText(page_text)
            canvas.showPage()
        canvas.save()


def write_raw_helvetica(payslips: list[PayslipData], folder: Path) -> None:
    """About the same lines, one line each, in Helvetica (not embedded): the floor used until
    December 2026, lighter than any payslip (one font, not embedded, fewer words, no document details)."""
    for index, data in enumerate(payslips):
        canvas = Canvas(str(folder / f"{index}.pdf"), pagesize=A4)
        canvas.setFont("Helvetica", 11)
        y = A4[1] - 20 * mm
        for line in text_lines(data):
            canvas.drawString(20 * mm, y, line)
            y -= 16
        canvas.showPage()
        canvas.save()


def write_raw_embedded(payslips: list[PayslipData], folder: Path) -> None:
    """The same lines drawn in the font the payslips embed (the subset of a Unicode TrueType font each
    PDF carries, so any name prints): the least such a payslip could cost."""
    from pa_manager.reports.document.fonts import embedded_fonts

    font = embedded_fonts().regular
    for index, data in enumerate(payslips):
        canvas = Canvas(str(folder / f"embedded-{index}.pdf"), pagesize=A4)
        canvas.setFont(font, 11)
        y = A4[1] - 20 * mm
        for line in text_lines(data):
            canvas.drawString(20 * mm, y, line)
            y -= 16
        canvas.showPage()
        canvas.save()


def best_times(actions, rounds: int = 5) -> list[float]:
    """The best of several rounds for each action, taking turns so a busy moment on the computer
    slows both alike; other work only ever adds time."""
    best = [float("inf")] * len(actions)
    for _ in range(rounds):
        for index, action in enumerate(actions):
            started = time.perf_counter()
            action()
            best[index] = min(best[index], time.perf_counter() - started)
    return best


def the_payslips() -> list[PayslipData]:
    payslips = [sample(week, pa) for week in range(52) for pa in range(10)][:COUNT]
    return [replace(p, pa_name=f"{p.pa_name} week {i // 10 + 1}") for i, p in enumerate(payslips)]


def app_only(rounds: int = 2) -> None:
    """Print the best wall and processor seconds of writing the payslips (after a warm-up)."""
    payslips = the_payslips()
    with tempfile.TemporaryDirectory() as folder:
        write_payslips_separately(payslips[:5], Path(folder) / "warm-up")
        wall = cpu = float("inf")
        for _ in range(rounds):
            started, used = time.perf_counter(), time.process_time()
            write_payslips_separately(payslips, Path(folder) / "payslips")
            wall, cpu = min(wall, time.perf_counter() - started), min(cpu, time.process_time() - used)
    print(f"{wall} {cpu}")


def against(others: list[Path], rounds: int = 5) -> None:
    """This checkout's payslips and each other checkout's, in turns, each turn in a fresh process."""
    checkouts = [Path(__file__).resolve().parents[1], *(path.resolve() for path in others)]
    best = {checkout: (float("inf"), float("inf")) for checkout in checkouts}
    for _ in range(rounds):
        for checkout in checkouts:
            out = subprocess.run([sys.executable, __file__, "--app-only", str(checkout)], check=True,
                                 capture_output=True, text=True, cwd=checkout).stdout.split()
            wall, cpu = float(out[-2]), float(out[-1])
            best[checkout] = (min(best[checkout][0], wall), min(best[checkout][1], cpu))
    ours = best[checkouts[0]]
    for checkout, (wall, cpu) in best.items():
        print(f"{checkout}: {COUNT} payslips {wall:.3f} s wall ({wall / ours[0]:.2f}x this checkout), "
              f"{cpu:.3f} s processor ({cpu / ours[1]:.2f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, nargs="*", default=[], help="other checkouts, timed in turns")
    parser.add_argument("--app-only", metavar="CHECKOUT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.app_only:
        return app_only()
    if args.against:
        return against(args.against)
    payslips = the_payslips()
    for data in payslips:
        marks(data)  # the raw floor's layout, worked out before the clock starts
    with tempfile.TemporaryDirectory() as folder:
        write_payslips_separately(payslips[:5], Path(folder) / "warm-up")  # imports and caches, not counted
        write_raw(payslips[:5], Path(folder))
        write_raw_embedded(payslips[:5], Path(folder))
        ours, raw, embedded, helvetica = best_times([
            lambda: write_payslips_separately(payslips, Path(folder) / "payslips"),
            lambda: write_raw(payslips, Path(folder)),
            lambda: write_raw_embedded(payslips, Path(folder)),
            lambda: write_raw_helvetica(payslips, Path(folder))])
    print(f"{COUNT} payslips, write_payslips_separately: {ours:.2f} s ({ours / COUNT * 1000:.1f} ms each)")
    print(f"{COUNT} pages, raw, the same pages:          {raw:.2f} s ({raw / COUNT * 1000:.1f} ms each)")
    print(f"{COUNT} pages, raw, lines, embedded font:    {embedded:.2f} s ({embedded / COUNT * 1000:.1f} ms each)")
    print(f"{COUNT} pages, raw, lines, Helvetica:        {helvetica:.2f} s ({helvetica / COUNT * 1000:.1f} ms each)")
    print(f"Ratio: {ours / raw:.2f}x the same pages drawn raw (target 1.5x or less); "
          f"{ours / embedded:.2f}x lines in the embedded font; {ours / helvetica:.2f}x lines in Helvetica")


if __name__ == "__main__":
    main()
