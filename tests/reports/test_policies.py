"""The household's policies: filled in with the employer's details, each part naming the standard it
follows, the risk assessment taking in the household's tasks."""
from __future__ import annotations

from datetime import date

import pytest

from pa_manager import policy_words as p
from pa_manager.policy_names import POLICIES
from pa_manager.reports.statement import write_statement_html, write_statement_pdf
from tests.reports.html_checks import accessibility_problems
from tests.reports.test_document import pdf_text

FACTS = p.PolicyFacts("Margaret Okafor", "14 Larch Close, Ashford Vale, AV1 2QT", "Ashford Vale Council", "england",
                      "Hearthside Mutual", (), date(2026, 11, 23))


@pytest.mark.parametrize("kind", POLICIES)
def test_each_policy_names_the_employer_and_the_standard_each_part_follows(kind, tmp_path):
    worded = p.policy_document(kind, FACTS)
    assert worded.title == p.TITLES[kind] and worded.employer_name == "Margaret Okafor"
    assert "Margaret Okafor" in " ".join(line for s in worded.sections for line in s.paragraphs)
    for section in worded.sections:
        assert section.provision and section.paragraphs, section.code
    write_statement_pdf(worded, tmp_path / "policy.pdf")
    text = " ".join(pdf_text(tmp_path / "policy.pdf").split())
    assert text.count("Based on: ") == len(worded.sections) and "The law:" not in text
    write_statement_html(worded, tmp_path / "policy.html")
    assert accessibility_problems(tmp_path / "policy.html") == []


def test_the_disciplinary_procedure_follows_the_acas_code():
    text = " ".join(line for s in p.policy_document(p.DISCIPLINARY_GRIEVANCE, FACTS).sections for line in s.paragraphs)
    for step in ("1. Finding out the facts", "2. A letter", "3. A meeting", "4. The decision, in writing"):
        assert step in text
    assert "a colleague or a trade union representative" in text and "within 5 working days" in text
    assert "0300 123 1100" in text
    bases = {s.provision for s in p.policy_document(p.DISCIPLINARY_GRIEVANCE, FACTS).sections}
    assert any("Employment Relations Act 1999, section 10" in b for b in bases)


def test_safeguarding_sends_worries_to_the_councils_team_under_each_nations_law():
    england = p.policy_document(p.SAFEGUARDING, FACTS)
    assert "Ashford Vale Council's adult safeguarding team" in " ".join(england.sections[1].paragraphs)
    assert england.sections[0].provision.startswith("Care Act 2014")
    from dataclasses import replace

    scotland = p.policy_document(p.SAFEGUARDING, replace(FACTS, nation="scotland"))
    assert scotland.sections[0].provision == "Adult Support and Protection (Scotland) Act 2007"


def test_the_risk_assessment_takes_in_the_tasks_and_a_review_date():
    from dataclasses import replace

    plain = p.policy_document(p.RISK_ASSESSMENT, FACTS)
    codes = [s.code for s in plain.sections]
    assert {"slips", "fire", "infection", "alone"} <= set(codes) and "moving" not in codes and codes[-1] == "tasks"
    assert "Look at it again by 23 November 2027" in " ".join(plain.sections[0].paragraphs)
    with_tasks = p.policy_document(p.RISK_ASSESSMENT, replace(FACTS, tasks=("moving_and_handling", "medication")))
    moving = next(s for s in with_tasks.sections if s.code == "moving")
    assert "examined at least every 6 months" in " ".join(moving.paragraphs)
    assert "Lifting Operations and Lifting Equipment Regulations 1998" in moving.provision
    assert "NICE guideline NG67" in next(s for s in with_tasks.sections if s.code == "medicines").provision
    assert "tasks" not in [s.code for s in with_tasks.sections]


def test_lone_working_names_the_insurer():
    text = " ".join(line for s in p.policy_document(p.LONE_WORKING, FACTS).sections for line in s.paragraphs)
    assert "employer's liability insurance with Hearthside Mutual" in text and "call 999" in text
