"""`pa-manager statement`: a PA's written statement as a PDF to sign or a web page, kept with its date;
a notice of a change; mistakes as one sentence."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from pa_manager import cli
from pa_manager.domain.people import PayRateEntry
from pa_manager.services import employers, people, statements
from pa_manager.services import statement_given
from pa_manager.storage.database import open_database
from tests.conftest import TODAY
from tests.reports.html_checks import accessibility_problems, page_text
from tests.reports.test_document import pdf_text


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(cli, "_today", lambda: TODAY)


def run(capsys, *args):
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_statement_is_written_and_kept(demo_location, tmp_path, capsys):
    out_file = tmp_path / "priya.pdf"
    code, out, err = run(capsys, "statement", "--employer", "Margaret Okafor", "--pa", "Priya Sandhu",
                         "--out", out_file, "--data", demo_location)
    assert (code, err) == (0, "")
    assert out == (f"Wrote Priya Sandhu's written statement (terms as at 23 November 2026) to {out_file}. Give it to "
                   "them within 7 days, then record the day you gave it in PA Manager.\n")
    text = " ".join(pdf_text(out_file).split())
    assert "Written statement of employment terms for Priya Sandhu" in text
    assert "You are paid £11.20 an hour" in text and "Tuesday and Thursday, 5pm to 8pm" in text
    db = open_database(demo_location)[0]
    try:
        employer_id = employers.find_employer(db, "Margaret Okafor").id
        kept = statements.list_statements(db, employer_id)
    finally:
        db.close()
    # The demo kept her first statement and the notice of her April rise; this one joins them.
    assert [(s.worded.pa_name, s.made_on, s.kind) for s in kept][-1] == ("Priya Sandhu", TODAY, "statement")
    assert [s.kind for s in kept] == ["statement", "change_notice", "statement"]


def test_the_statement_as_a_web_page_and_as_json(demo_location, tmp_path, capsys):
    page = tmp_path / "tom.html"
    code, out, err = run(capsys, "statement", "--employer", "Margaret Okafor", "--pa", "tom whitfield",
                         "--out", page, "--json", "--data", demo_location)
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert (document["pa"], document["kind"], document["as_at"], document["format"]) == \
        ("Tom Whitfield", "statement", "2026-11-23", "html")
    assert len(document["sections"]) == 23 and document["sections"][0] == "NAMES"
    assert accessibility_problems(page) == []
    assert "For each sleep-in night you are paid an allowance of £60.00." in page_text(page)


def test_a_change_notice_after_a_pay_rise(demo_location, tmp_path, capsys):
    db = open_database(demo_location)[0]
    try:
        employer_id = employers.find_employer(db, "Margaret Okafor").id
        janet = next(p for p in people.list_pas(db, employer_id) if p.name == "Janet Moyo")
        made = statements.make_statement(db, employer_id, janet.id, TODAY)
        statement_given.record_given(db, employer_id, made.id, TODAY, TODAY)
        people.save_pa(db, employer_id, replace(janet, pay_rates=(*janet.pay_rates,
                                                                  PayRateEntry(date(2026, 12, 1), Decimal("15.20")))),
                       TODAY)
    finally:
        db.close()
    notice = tmp_path / "notice.pdf"
    code, out, err = run(capsys, "statement", "--employer", "Margaret Okafor", "--pa", "Janet Moyo", "--change-notice",
                         "--out", notice, "--data", demo_location)
    assert (code, err) == (0, "")
    assert out.startswith("Wrote a notice of the change to Janet Moyo's pay to ")
    text = " ".join(pdf_text(notice).split())
    assert "From now on: You are paid £15.20 an hour, from 1 December 2026." in text
    assert "It used to say: You are paid £14.80 an hour" in text


@pytest.mark.parametrize("args, sentence", [
    (("--pa", "Nobody"), "There is no PA called Nobody for this employer, so check the name on the People page.\n"),
    (("--pa", "Janet Moyo", "--change-notice"),
     "Give Janet Moyo a written statement first: a notice of a change is about a statement they already have.\n"),
])
def test_mistakes_are_one_sentence(demo_location, tmp_path, capsys, args, sentence):
    code, out, err = run(capsys, "statement", "--employer", "Margaret Okafor", *args, "--out", tmp_path / "x.pdf",
                         "--data", demo_location)
    assert (code, out, err) == (1, "", sentence)


def test_a_policy_from_the_demo_takes_in_the_vacancys_tasks(demo_location, tmp_path, capsys):
    out_file = tmp_path / "risk.pdf"
    code, out, err = run(capsys, "policy", "risk-assessment", "--employer", "Margaret Okafor", "--out", out_file,
                         "--data", demo_location)
    assert (code, err) == (0, "")
    assert out == f"Wrote the risk assessment to {out_file}.\n"
    text = " ".join(pdf_text(out_file).split())
    assert "Health and safety risk assessment of the home and the tasks" in text
    assert "14 Larch Close, Ashford Vale, AV1 2QT" in text
    assert "Food and kitchen" in text  # the demo's vacancy includes meals
    page = tmp_path / "safe.html"
    code, out, err = run(capsys, "policy", "safeguarding", "--employer", "Margaret Okafor", "--out", page,
                         "--data", demo_location)
    assert code == 0 and "Ashford Vale Council's adult safeguarding team" in page_text(page)
