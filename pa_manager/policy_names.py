"""The household policies' names: what the command line's parser needs, without the policies' words
(policy_words.py), which it loads only to write one."""
from __future__ import annotations

DISCIPLINARY_GRIEVANCE = "disciplinary-grievance"
SICKNESS_ABSENCE = "sickness-absence"
LONE_WORKING = "lone-working"
SAFEGUARDING = "safeguarding"
RISK_ASSESSMENT = "risk-assessment"
POLICIES = (DISCIPLINARY_GRIEVANCE, SICKNESS_ABSENCE, LONE_WORKING, SAFEGUARDING, RISK_ASSESSMENT)

# What each is called in a sentence ("Wrote the lone working policy to ...").
NAMES = {
    DISCIPLINARY_GRIEVANCE: "disciplinary and grievance procedure", SICKNESS_ABSENCE: "sickness absence policy",
    LONE_WORKING: "lone working policy", SAFEGUARDING: "safeguarding policy", RISK_ASSESSMENT: "risk assessment",
}
