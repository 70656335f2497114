"""The shared page set-up: A4, readable, furniture on every page, nothing near the edges.

PDFs are read back with poppler-utils (pdftotext, pdfinfo, pdffonts), as a person or a screen
reader would get them, rather than by looking inside the PDF.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from decimal import Decimal as D

import pytest
from reportlab.graphics.shapes import Drawing

from pa_manager.reports import document as doc

POINTS_PER_MM = 72 / 25.4
A4_POINTS = (595.28, 841.89)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian/Ubuntu package poppler-utils)")
    return path


def pdf_text(pdf, *, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run([_tool("pdftotext"), "-layout", *pages, str(pdf), "-"], capture_output=True,
                          text=True, encoding="utf-8", check=True).stdout


def pdf_info(pdf) -> dict[str, str]:
    out = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    pairs = (line.split(":", 1) for line in out.splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, value in pairs}


def word_boxes(pdf) -> list[tuple[str, float, float, float, float]]:
    """Each word with xMin, yMin, xMax, yMax in points from the top-left corner."""
    out = subprocess.run([_tool("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         encoding="utf-8", check=True).stdout
    found = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', out)
    return [(word, float(a), float(b), float(c), float(d)) for a, b, c, d, word in found]


def squash(text: str) -> str:
    """Runs of spaces made single, so a test can read a table row as one line."""
    return re.sub(r"[ \t]+", " ", text)


def furniture(**changes) -> doc.Furniture:
    values = {"employer_name": "Priya Shah", "period": "1 to 30 November 2026", "footer": "Test report"}
    return doc.Furniture(**{**values, **changes})


def info(**changes) -> doc.DocumentInfo:
    return doc.DocumentInfo("Test report for Priya Shah", furniture(**changes), subject="Testing")


def long_table(rows: int = 50):  # about a page and a half
    columns = [doc.Column("Week", 0.5), doc.Column("Hours", 0.2, right=True), doc.Column("Paid", 0.3, right=True)]
    body = [[f"Week {n}", "37.50", D(n) * D("476.25")] for n in range(1, rows + 1)]
    return doc.money_table(columns, body, [["Total", None, D("1234567.89")]])


@pytest.fixture
def two_page_pdf(tmp_path):
    path = tmp_path / "long.pdf"
    doc.build_pdf([doc.heading("Weeks paid"), long_table()], info(), path)
    return path


# ---- Writing ----------------------------------------------------------------------------------------


def test_with_no_target_the_pdf_comes_back_as_bytes():
    data = doc.build_pdf([doc.paragraph("Hello")], info())
    assert data.startswith(b"%PDF-")


def test_writes_to_an_open_binary_file():
    buffer = io.BytesIO()
    assert doc.build_pdf([doc.paragraph("Hello")], info(), buffer) is None
    assert buffer.getvalue().startswith(b"%PDF-")


def test_invariant_output_is_byte_identical_across_runs():
    def build():
        return doc.build_pdf([doc.heading("Same"), long_table(10)], info(), invariant=True)

    assert build() == build()


def test_title_author_and_size_are_set(two_page_pdf):
    details = pdf_info(two_page_pdf)
    assert details["Title"] == "Test report for Priya Shah"
    assert details["Author"] == "Priya Shah"
    assert details["Creator"] == "PA Manager"
    assert "(A4)" in details["Page size"]


# ---- Page furniture ---------------------------------------------------------------------------------


def test_every_page_has_the_employer_the_period_and_page_n_of_m(two_page_pdf):
    assert pdf_info(two_page_pdf)["Pages"] == "2"
    for page in (1, 2):
        text = pdf_text(two_page_pdf, first=page, last=page)
        assert "Priya Shah" in text
        assert "1 to 30 November 2026" in text
        assert "Test report" in text
        assert f"Page {page} of 2" in text


def test_a_long_tables_header_row_repeats_on_the_next_page(two_page_pdf):
    second_page = squash(pdf_text(two_page_pdf, first=2, last=2))
    assert "Week Hours Paid" in second_page
    assert "Total £1,234,567.89" in second_page


def test_sections_start_on_a_new_page_and_count_their_own_pages(tmp_path):
    path = tmp_path / "sections.pdf"
    sections = [
        (furniture(period="October 2026", footer="First"), [doc.paragraph("One")]),
        (furniture(period="November 2026", footer="Second"), [doc.heading("Two"), long_table()]),
    ]
    doc.build_sections_pdf(sections, info(), path)
    assert pdf_info(path)["Pages"] == "3"
    pages = [pdf_text(path, first=n, last=n) for n in (1, 2, 3)]
    assert "October 2026" in pages[0] and "Page 1 of 1" in pages[0]
    assert "November 2026" in pages[1] and "Page 1 of 2" in pages[1] and "Second" in pages[1]
    assert "November 2026" in pages[2] and "Page 2 of 2" in pages[2]


def test_a_long_employer_name_and_period_take_more_header_lines_without_overlapping(tmp_path):
    path = tmp_path / "long-header.pdf"
    name = "The Trustees of the Estate of the Late Alexandra Featherstonehaugh-Worthington"
    period = "Pay period: 24 November 2026 to 7 December 2026"
    doc.build_pdf([doc.paragraph("Body")], info(employer_name=name, period=period), path)
    text = " ".join(pdf_text(path).split())
    assert name in text  # wrapped onto a second line, not cut short
    assert period in text
    boxes = word_boxes(path)
    body = next(box for box in boxes if box[0] == "Body")
    header_bottom = max(box[4] for box in boxes if box[0] in ("Worthington", "December"))
    assert body[2] > header_bottom  # the text starts below the header


def test_nothing_is_printed_within_18_mm_of_any_edge(two_page_pdf):
    boxes = word_boxes(two_page_pdf)
    assert boxes
    margin = 18 * POINTS_PER_MM - 0.5  # half a point for rounding in the box figures
    width, height = A4_POINTS
    for _, x_min, y_min, x_max, y_max in boxes:
        assert x_min >= margin and y_min >= margin
        assert x_max <= width - margin and y_max <= height - margin


# ---- Type -------------------------------------------------------------------------------------------


def test_text_is_11_point_or_more_and_headings_larger():
    styles = doc.STANDARD_STYLES
    assert styles.body.fontSize >= 11
    assert all(style.fontSize > styles.body.fontSize for style in styles.headings.values())


def pdf_fonts(pdf) -> list[list[str]]:
    """pdffonts' table: name, type, encoding, emb, sub, uni, object id."""
    out = subprocess.run([_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def test_every_font_is_embedded_so_the_pdf_looks_and_reads_the_same_anywhere(tmp_path):
    path = tmp_path / "symbols.pdf"
    text = "Budget – £1,234.56 left, €10 spent"
    name = "Łucja Wójcik-Szymańska"
    doc.build_pdf([doc.heading(name), doc.paragraph(text), long_table(3),
                   doc.status_cell("Overdue", doc.Mark.WARNING)], info(employer_name=name), path)
    found = pdf_text(path)
    assert text in found and found.count(name) == 2  # the heading and the page header
    fonts = pdf_fonts(path)
    assert fonts and all(row[-5] == "yes" for row in fonts), fonts  # emb: yes
    assert all(row[-3] == "yes" for row in fonts), fonts  # uni: text can be copied and read out
    assert not any("Helvetica" in row[0] for row in fonts)


def test_the_language_is_english_for_screen_readers(two_page_pdf):
    assert b"/Lang (en-GB)" in two_page_pdf.read_bytes()


def test_reusing_a_font_subset_writes_the_bytes_reportlab_writes(tmp_path):
    """Payslips reuse each font subset's embedded pieces; the file must be what ReportLab makes anyway."""
    from reportlab.pdfbase.pdfmetrics import registerFont
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    doc.embedded_fonts()
    registerFont(TTFont("PlainReportLab", doc._find_font_files()[0]))

    def make(font):
        out = io.BytesIO()
        canvas = Canvas(out, invariant=1)
        canvas.setFont(font, 11)
        canvas.drawString(50, 700, "Payslip for Łucja Wójcik, £1,246.21 – paid")
        canvas.showPage()
        canvas.save()
        return out.getvalue()

    ours = make("PAManagerSans")
    assert ours == make("PlainReportLab")
    assert make("PAManagerSans") == ours  # and again, from the kept pieces


def test_registering_the_embedded_font_happens_once():
    assert doc.embedded_fonts() is doc.embedded_fonts()


def test_paragraph_text_is_printed_as_typed_not_read_as_markup(tmp_path):
    path = tmp_path / "markup.pdf"
    doc.build_pdf([doc.paragraph("Smith & Sons <b>not bold</b>\nsecond line")], info(), path)
    text = pdf_text(path)
    assert "Smith & Sons <b>not bold</b>" in text
    assert "second line" in text


# ---- Tables -----------------------------------------------------------------------------------------


def test_key_value_table_puts_each_value_beside_its_label(tmp_path):
    path = tmp_path / "kv.pdf"
    table = doc.key_value_table([("Council", "Leeds City Council"), ("Budget", "£24,000.00")])
    titled = doc.key_value_table([("Hours", "12.50")], title="This week", right_values=True, width=200)
    doc.build_pdf([table, titled], info(), path)
    text = squash(pdf_text(path))
    assert "Council Leeds City Council" in text
    assert "Budget £24,000.00" in text
    assert "This week\n" in text
    assert "Hours 12.50" in text


def test_money_is_formatted_and_right_aligned(tmp_path):
    path = tmp_path / "money.pdf"
    columns = [doc.Column("Item", 0.6), doc.Column("Cost", 0.4, right=True)]
    doc.build_pdf([doc.money_table(columns, [["Gloves", D("4.5")], ["Training", D("1250")]],
                                   [["Total", D("1254.5")]])], info(), path)
    lines = [line for line in pdf_text(path).splitlines() if "£" in line]
    assert [squash(line).strip() for line in lines] == ["Gloves £4.50", "Training £1,250.00", "Total £1,254.50"]
    # Right-aligned: the amounts end at the same place, the right margin.
    ends = [x_max for word, _, _, x_max, _ in word_boxes(path) if word.startswith("£")]
    assert len(ends) == 3
    assert max(ends) - min(ends) < 0.5
    assert abs(ends[0] - (doc.PAGE_WIDTH - doc.MARGIN)) < 0.5


def test_a_long_cell_wraps_inside_its_column(tmp_path):
    path = tmp_path / "wrap.pdf"
    columns = [doc.Column("What", 0.3), doc.Column("Why", 0.5), doc.Column("Cost", 0.2, right=True)]
    why = "A very long explanation of the reason for this cost, which cannot fit on one line of the column"
    doc.build_pdf([doc.money_table(columns, [["Thing", why, D("1")]])], info(), path)
    text = pdf_text(path)
    assert len([line for line in text.splitlines() if "explanation" in line or "column" in line]) >= 2


def test_status_cells_show_the_word_beside_a_drawn_mark(tmp_path):
    path = tmp_path / "status.pdf"
    columns = [doc.Column("Check", 0.5), doc.Column("Status", 0.5)]
    rows = [["DBS check", doc.status_cell("Done", doc.Mark.TICK)],
            ["Insurance", doc.status_cell("Missing", doc.Mark.CROSS)],
            ["First aid", doc.status_cell("Due soon", doc.Mark.WARNING)]]
    doc.build_pdf([doc.money_table(columns, rows)], info(), path)
    text = squash(pdf_text(path))
    assert "DBS check Done" in text
    assert "Insurance Missing" in text
    assert "First aid" in text and "Due soon" in text


# ---- Charts -----------------------------------------------------------------------------------------

MONTHS = [("Apr", D("1820.50")), ("May", D("2104.00")), ("Jun", D("1990.25"))]


def test_bar_chart_shows_title_axis_names_and_exact_amounts(tmp_path):
    path = tmp_path / "bars.pdf"
    chart = doc.bar_chart("Spending by month", MONTHS, value_title="Pounds spent")
    assert isinstance(chart, Drawing)
    doc.build_pdf([chart], info(), path)
    text = pdf_text(path)
    for expected in ("Spending by month", "Pounds spent", "Apr", "Jun", "£1,820.50", "£2,104.00", "£1,990.25"):
        assert expected in text


def test_line_chart_shows_each_amount_including_below_zero(tmp_path):
    path = tmp_path / "line.pdf"
    balance = [("Apr", D("1200")), ("May", D("300.50")), ("Jun", D("-150"))]
    doc.build_pdf([doc.line_chart("Budget left", balance)], info(), path)
    text = pdf_text(path)
    for expected in ("Budget left", "£1,200.00", "£300.50", "-£150.00", "May"):
        assert expected in text


def test_crowded_bar_labels_fall_back_to_whole_pounds():
    year = [(f"M{n}", D("12345.67")) for n in range(24)]
    labels, _ = doc._value_labels(year, 400, doc.STANDARD_FONTS)
    assert labels[0] == "£12,346"


def test_side_by_side_blocks_share_a_line(tmp_path):
    path = tmp_path / "side.pdf"
    left = doc.key_value_table([("Left label", "left value")], width=200)
    right = doc.key_value_table([("Right label", "right value")], width=200)
    doc.build_pdf([doc.side_by_side([left, right], [200, 200])], info(), path)
    assert "Left label left value Right label right value" in squash(pdf_text(path))


def test_a_pdf_needs_something_in_it():
    with pytest.raises(ValueError):
        doc.build_sections_pdf([], info())
