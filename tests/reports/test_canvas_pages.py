"""Blocks laid out on PDF pages (reports/canvas_pages.py): nothing printed over anything else, nothing
outside the margins, and a table that runs on to another page says what its columns are again."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from tests.reports.test_payslip import JANET, tom

from pa_manager.reports import payslip as ps
from pa_manager.reports.canvas_pages import Pages
from pa_manager.reports.document.fonts import fonts_for
from pa_manager.reports.document.measures import FRAME_WIDTH, MARGIN, PAGE_HEIGHT


LONG_HOLIDAY_YEAR = replace(JANET, holiday=replace(JANET.holiday, year="1 April 2026 to 31 March 2027"))
SIXTY_SHIFTS = replace(JANET, pay_lines=tuple(ps.PayLine(f"Shift on day {day}", D("8"), D("13.00"), D("104.00"))
                                             for day in range(1, 61)), net_pay=D("6234.61"))


def _planned(data) -> Pages:
    pages = Pages(ps._furniture(data), fonts_for())
    pages.add(ps.describe(data))
    return pages


@pytest.mark.parametrize("data", [JANET, tom(), LONG_HOLIDAY_YEAR, SIXTY_SHIFTS],
                         ids=["month", "weekly", "long holiday year", "sixty shifts"])
def test_no_words_overlap_and_all_stay_inside_the_margins(data):
    for number, sheet in enumerate(_planned(data).sheets, start=1):
        boxes = [(baseline, x, x + stringWidth(text, font, size), text) for font, size, x, baseline, text in sheet.words]
        for baseline, left, right, text in boxes:
            assert MARGIN - 0.01 <= left and right <= MARGIN + FRAME_WIDTH + 0.01, f"page {number}: {text!r} off the page"
            assert MARGIN < baseline < PAGE_HEIGHT - MARGIN, f"page {number}: {text!r} in the margin"
        lines: dict[float, list] = {}
        for baseline, left, right, text in boxes:
            lines.setdefault(round(baseline, 2), []).append((left, right, text))
        for baseline, words in lines.items():
            words.sort()
            for (_, right, first), (left, _, second) in zip(words, words[1:]):
                assert right <= left + 0.01, f"page {number}: {first!r} runs into {second!r}"


def test_a_value_too_wide_for_its_column_wraps_under_itself():
    words = [text for *_, text in _planned(LONG_HOLIDAY_YEAR).sheets[0].words]
    assert "Holiday year" in words
    assert "1 April 2026 to 31 March 2027" not in words  # too wide for the column: on two lines
    assert any(text.startswith("1 April 2026") for text in words) and any(text.endswith("March 2027") for text in words)


def test_a_table_running_on_to_another_page_repeats_its_header_row():
    sheets = _planned(SIXTY_SHIFTS).sheets
    assert len(sheets) >= 2
    second = [text for *_, text in sheets[1].words]
    assert second[:4] == ["Pay", "Hours", "Rate per hour", "Amount"]


def test_payslips_drawn_from_a_remembered_font_subset_are_the_files_drawn_afresh():
    """A pay run's payslips reuse the font subset their letters make, and each string's codes: every file
    must be byte for byte the one drawn from nothing, whatever was drawn before it."""
    import io

    from pa_manager.reports import canvas_pages

    def made(data):
        out = io.BytesIO()
        ps.write_payslip(data, out, invariant=True)
        return out.getvalue()

    # Letters with no ASCII code of their own, first used in another order than Janet's ("£" first);
    # and a payslip whose second page brings letters the first page did not have.
    polish = replace(JANET, pa_name="Łucja Wójcik – Zoë", employer_name="Siân Ó Brien")
    long = replace(SIXTY_SHIFTS, pay_lines=SIXTY_SHIFTS.pay_lines[:-1] + (
        ps.PayLine("Shift on Noël's day (Ŵ)", D("8"), D("13.00"), D("104.00")),))
    afresh = {}
    for data in (JANET, polish, long):
        canvas_pages._KNOWN_SUBSETS.clear()
        afresh[data.pa_name, len(data.pay_lines)] = made(data)
    for data in (JANET, polish, long, JANET, polish, long):  # from the remembered subsets and codes
        assert made(data) == afresh[data.pa_name, len(data.pay_lines)]


def test_a_payslip_after_others_reads_back_as_typed(tmp_path):
    from tests.reports.test_payslip import pdf_text

    polish = replace(JANET, pa_name="Łucja Wójcik – Zoë", employer_name="Siân Ó Brien")
    for number, data in enumerate([JANET, polish, JANET, polish]):
        ps.write_payslip(data, tmp_path / f"{number}.pdf")
    text = pdf_text(tmp_path / "3.pdf")
    assert "Payslip for Łucja Wójcik – Zoë" in text and "Siân Ó Brien" in text and "£1,246.21" in text
    assert "Payslip for Janet Moyo" in pdf_text(tmp_path / "2.pdf")
