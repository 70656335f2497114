"""The household's policies by code (worded in pa_manager.policy_words), and the facts about the
household that fill them in."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DISCIPLINARY_GRIEVANCE = "disciplinary-grievance"
SICKNESS_ABSENCE = "sickness-absence"
LONE_WORKING = "lone-working"
SAFEGUARDING = "safeguarding"
RISK_ASSESSMENT = "risk-assessment"
POLICIES = (DISCIPLINARY_GRIEVANCE, SICKNESS_ABSENCE, LONE_WORKING, SAFEGUARDING, RISK_ASSESSMENT)


@dataclass(frozen=True)
class PolicyFacts:
    employer_name: str
    address: str  # one line
    council: str
    nation: str  # Nation value
    insurer: str
    tasks: tuple[str, ...]  # domain.recruitment task codes the household's vacancies name (for the risk assessment)
    made_on: date
