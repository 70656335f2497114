"""`pa-manager report KIND`: every document in every format it has, from the demo household and from a
household with gaps; errors as one sentence naming the real cause."""
from __future__ import annotations

import json
import pytest

from pa_manager import cli
from pa_manager.services.documents import FORMATS, KINDS
from tests.conftest import TODAY
from tests.household_with_gaps import create_household_with_gaps
from tests.reports.html_checks import accessibility_problems, page_text
from tests.reports.test_document import pdf_fonts, pdf_text


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(cli, "_today", lambda: TODAY)


def run(capsys, *args):
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _report(capsys, data, kind, out, *extra, employer="Margaret Okafor"):
    return run(capsys, "report", kind, "--employer", employer, "--from", "2026-09-01", "--to", "2026-10-31",
               "--out", out, "--data", data, *extra)


@pytest.mark.parametrize("kind", KINDS)
def test_every_document_of_the_demo_in_every_format_it_has(demo_db, tmp_path, capsys, kind):
    data = demo_db.location
    for fmt in FORMATS[kind]:
        path = tmp_path / f"{kind}.{fmt}"
        code, out, err = _report(capsys, data, kind, path)
        assert (code, err) == (0, ""), err
        assert out.startswith("Wrote ") and str(path) in out
        if fmt == "pdf":
            assert "Margaret Okafor" in pdf_text(path)
            assert all(row[-5] == "yes" for row in pdf_fonts(path))  # every font embedded
        elif fmt == "html":
            assert (accessibility_problems(path) if kind != "review-letter" else []) == []
            assert "Margaret Okafor" in page_text(path)
        elif fmt == "csv":
            assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        else:
            from openpyxl import load_workbook

            assert load_workbook(path).properties.creator == "Margaret Okafor"


@pytest.mark.parametrize("kind", ["budget", "monitoring", "compliance", "training", "timesheets", "payslips"])
def test_every_document_of_a_household_with_gaps(db, tmp_path, capsys, kind):
    create_household_with_gaps(db, TODAY)
    path = tmp_path / f"{kind}.pdf"
    code, _, err = run(capsys, "report", kind, "--employer", "Olu Bankole", "--from", "2026-10-01", "--to",
                       "2026-10-31", "--out", path, "--data", db.location)
    assert (code, err) == (0, ""), err
    text = " ".join(pdf_text(path).split())
    assert "Olu Bankole" in text
    expected = {
        "compliance": ["DBS check None recorded", "Employer's liability insurance None recorded", "left 15 October 2026",
                       "Ewa Nowak", "20 December 2026"],
        "training": ["Training report for Olu Bankole's household", "Ewa Nowak"],
        "monitoring": ["Short", "Fewer hours"],
        "timesheets": ["Timesheet for Callum Reid", "Timesheet for Ewa Nowak"],
        "payslips": ["Payslip for Callum Reid", "Payslip for Ewa Nowak"],
        "budget": ["Budget year 2026-27"],
    }[kind]
    for words in expected:
        assert words in text, words


def test_the_review_letter_for_a_year_not_recorded_says_so_not_that_rates_are_missing(demo_db, tmp_path, capsys):
    code, out, err = run(capsys, "report", "review-letter", "--employer", "Desmond Clarke", "--year", "2026-27",
                         "--out", tmp_path / "l.pdf", "--data", demo_db.location)
    assert code == 1 and out == ""
    assert err == "There is no budget year 2026-27 for this employer, so add it on the Budget page first.\n"


def test_budget_dates_outside_the_year_say_which_dates_to_choose(demo_db, tmp_path, capsys):
    code, _, err = run(capsys, "report", "budget", "--employer", "Margaret Okafor", "--from", "2026-03-01", "--to",
                       "2026-05-01", "--out", tmp_path / "b.pdf", "--data", demo_db.location)
    assert code == 1 and err.startswith("Choose dates from 1 April 2025 to 31 March 2026") and err.count("\n") == 1


def test_the_budget_year_comes_from_from_or_year(demo_db, tmp_path, capsys):
    data = demo_db.location
    assert run(capsys, "report", "budget", "--employer", "Margaret Okafor", "--from", "2025-06-01", "--to",
               "2025-06-30", "--out", tmp_path / "a.pdf", "--data", data)[0] == 0
    assert "Budget year 2025-26" in pdf_text(tmp_path / "a.pdf")
    assert run(capsys, "report", "budget", "--employer", "Margaret Okafor", "--year", "2025-26",
               "--out", tmp_path / "b.html", "--data", data)[0] == 0
    assert "Budget year 2025-26. This report covers 1 April 2025 to 31 March 2026" in page_text(tmp_path / "b.html")


@pytest.mark.parametrize("args, message", [
    (["budget", "--format", "csv"], "The budget report can be saved as a PDF or a web page (html), not as csv: "
                                    "use --format pdf or html.\n"),
    (["compliance", "--format", "xlsx"], "The compliance report can be saved as a PDF or a web page (html), not as "
                                         "xlsx: use --format pdf or html.\n"),
    (["training", "--out-ending", ".csv"], "The training report can be saved as a PDF or a web page (html), not as "
                                           "csv: use --format pdf or html.\n"),
    (["monitoring", "--no-dates"], "The monitoring return covers the dates you choose: give --from YYYY-MM-DD and "
                                   "--to YYYY-MM-DD.\n"),
    (["budget", "--year", "2026"], "2026 is not a council year: write it like 2026-27.\n"),
])
def test_a_format_or_option_that_does_not_fit_is_one_sentence(demo_db, tmp_path, capsys, args, message):
    kind, *rest = args
    out = tmp_path / ("x.csv" if "--out-ending" in rest else "x.pdf")
    rest = [a for a in rest if a not in ("--out-ending", ".csv")]
    dates = [] if "--no-dates" in rest else ["--from", "2026-09-01", "--to", "2026-10-31"]
    rest = [a for a in rest if a != "--no-dates"]
    code, stdout, err = run(capsys, "report", kind, "--employer", "Margaret Okafor", *dates, "--out", out,
                            "--data", demo_db.location, *rest)
    assert (code, stdout, err) == (2, "", message)
    assert not out.exists()


def test_json_says_what_was_written(demo_db, tmp_path, capsys):
    code, out, _ = _report(capsys, demo_db.location, "payslips", tmp_path / "p.html", "--json")
    assert code == 0
    # Paid monthly: the September and October pay runs, each for the demo's four current PAs.
    assert json.loads(out) == {"kind": "payslips", "format": "html", "file": str(tmp_path / "p.html"), "payslips": 8}
