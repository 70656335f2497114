"""The training report, made from the demo household through the service and read back as text."""
from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest

from pa_manager.services import employers, training
from pa_manager.services.errors import NotFound
from pa_manager.services.training_report import build_training_report, save_training_report
from tests.saying import raises_saying

EPILEPSY = "Epilepsy rescue medication (buccal midazolam)"


def _pages(pdf) -> list[str]:
    """Each page's text, runs of spaces made single so a table row reads as one line."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext is not installed (Debian/Ubuntu package poppler-utils)")
    out = subprocess.run([tool, "-layout", str(pdf), "-"], capture_output=True, text=True, encoding="utf-8",
                         check=True).stdout
    return [re.sub(r"[ \t]+", " ", page) for page in out.split("\f") if page.strip()]


@pytest.fixture
def margaret(demo_db):
    return employers.find_employer(demo_db, "Margaret Okafor").id


def _pa_id(db, employer_id, name):
    pas, _, _ = training.training_matrix(db, employer_id, date(2026, 11, 23))
    return next(pa.key for pa in pas if pa.name == name)


def test_the_household_report_names_every_pa_and_what_has_expired_or_is_missing(demo_db, margaret, tmp_path, today):
    path = save_training_report(demo_db, margaret, tmp_path / "training.pdf", today)
    pages = _pages(path)
    text = "\n".join(pages)
    assert "Training report for Margaret Okafor's household" in text
    for name in ("Janet Moyo", "Leah Grant", "Priya Sandhu", "Tom Whitfield"):
        assert f"\n{name}\n" in text  # each PA has a section of their own
    assert "Expired Janet Moyo Moving and handling" in text  # the summary, one row
    assert "Missing Leah Grant Epilepsy rescue" in text
    janet = text[text.index("\nJanet Moyo\n"):text.index("\nLeah Grant\n")]
    assert re.search(r"Moving and handling 23 September 2025 23 September 2026 Expired", janet)
    leah = text[text.index("\nLeah Grant\n"):text.index("\nPriya Sandhu\n")]
    assert re.search(r"Epilepsy rescue( medication \(buccal)? Not done (! )?Missing", leah)  # "!" is in the mark
    assert "typical practice, not the law" in " ".join(text.split())
    assert "Supervision Held 22 October 2026. Next due by 22 January 2027." in janet
    for number, page in enumerate(pages, start=1):  # the furniture is on every page
        assert "Margaret Okafor" in page and "Training report, 23 November 2026" in page
        assert f"Page {number} of {len(pages)}" in page


def test_the_summary_holds_exactly_what_needs_doing(demo_db, margaret, today):
    report = build_training_report(demo_db, margaret, today)
    # Janet's refresher ran out on 23 September 2026; Leah's required course was never done; Leah's
    # appraisal is dated 23 March 2026, before she started on 1 May 2026 (the demo's slip), so it is
    # not counted and is listed to check.
    assert [(line.word, line.pa_name, line.course) for line in report.summary] == [
        ("Expired", "Janet Moyo", "Moving and handling"), ("Missing", "Leah Grant", EPILEPSY),
        ("Check", "Leah Grant", "Appraisal")]
    assert report.summary_words == ("below", "To do: 1 overdue, 1 missing, 1 to check.")
    assert report.household and len(report.pas) == 4  # the PA who left is not in it


def test_one_pas_report_has_only_them_and_their_care_certificate(demo_db, margaret, tmp_path, today):
    janet = _pa_id(demo_db, margaret, "Janet Moyo")
    training.set_care_certificate_standard(demo_db, margaret, janet, 1, date(2026, 3, 3))
    path = save_training_report(demo_db, margaret, tmp_path / "janet.pdf", today, pa_id=janet)
    text = "\n".join(_pages(path))
    assert "Training report for Janet Moyo" in text and "Training for Janet Moyo" in text
    assert "Leah Grant" not in text and "What needs doing" not in text
    assert "Care Certificate: 1 of 16 standards completed" in text
    assert "1. Understand your role 3 March 2026" in text
    assert "Page 1 of 1" in text


def test_a_pa_who_has_left_has_no_current_training_to_report(demo_db, margaret, tmp_path, today):
    current = {pa.key for pa in training.training_matrix(demo_db, margaret, today)[0]}
    from pa_manager.services.people import list_pas

    left = next(pa.id for pa in list_pas(demo_db, margaret) if pa.id not in current)
    with raises_saying(NotFound, "no longer works for you"):
        save_training_report(demo_db, margaret, tmp_path / "left.pdf", today, pa_id=left)
