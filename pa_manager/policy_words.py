"""The policies a household employing PAs needs, in plain English, filled in with the employer's details:
the disciplinary and grievance procedure, sickness absence, lone working, safeguarding, and a health and
safety risk assessment of the home and the tasks.

Written for PA Manager. Each follows a published standard and says which: the Acas Code of Practice on
disciplinary and grievance procedures, and the Health and Safety Executive's guidance (its five steps to
risk assessment, lone working, manual handling), with the law each rests on. They are starting points to
talk through with PAs and change to suit the household, not legal advice.
"""
from __future__ import annotations

from datetime import date

from pa_manager.domain.policies import (
    DISCIPLINARY_GRIEVANCE, LONE_WORKING, RISK_ASSESSMENT, SAFEGUARDING, SICKNESS_ABSENCE, PolicyFacts,
)
from pa_manager.messages import format_date
from pa_manager.statement_words import Section, WordedStatement

# What each is called in a sentence ("Wrote the lone working policy to ...").
NAMES = {
    DISCIPLINARY_GRIEVANCE: "disciplinary and grievance procedure", SICKNESS_ABSENCE: "sickness absence policy",
    LONE_WORKING: "lone working policy", SAFEGUARDING: "safeguarding policy", RISK_ASSESSMENT: "risk assessment",
}

TITLES = {
    DISCIPLINARY_GRIEVANCE: "Disciplinary and grievance procedure",
    SICKNESS_ABSENCE: "Sickness absence",
    LONE_WORKING: "Working alone safely",
    SAFEGUARDING: "Safeguarding",
    RISK_ASSESSMENT: "Health and safety risk assessment of the home and the tasks",
}

ACAS_CODE = "Acas Code of Practice on disciplinary and grievance procedures (2015)"
ACCOMPANIED = "Employment Relations Act 1999, section 10 (the right to be accompanied)"
HSE_FIVE_STEPS = "HSE, Risk assessment: a brief guide to controlling risks in the workplace (INDG163)"
MHSWR = "Management of Health and Safety at Work Regulations 1999, regulation 3"
HSE_LONE = "HSE, Protect lone workers: how to manage the risks of working alone (INDG73)"
HSE_MANUAL = "HSE, Manual handling at work: a brief guide (INDG143); Manual Handling Operations Regulations 1992"
LOLER = "Lifting Operations and Lifting Equipment Regulations 1998, regulation 9 (equipment for lifting people " \
        "examined at least every 6 months)"
NICE_MEDICINES = "NICE guideline NG67, Managing medicines for adults receiving social care in the community (2017)"
SSP = "Statutory Sick Pay (gov.uk/statutory-sick-pay); the fit note (gov.uk/government/collections/fit-note)"
EQUALITY = "Equality Act 2010, section 20 (reasonable adjustments)"
WHISTLEBLOWING = "Public Interest Disclosure Act 1998"
ACAS_HELPLINE = "Acas (acas.org.uk, helpline 0300 123 1100)"
SAFEGUARDING_LAW = {
    "england": "Care Act 2014, sections 42 to 46; Care and support statutory guidance, chapter 14",
    "wales": "Social Services and Well-being (Wales) Act 2014, Part 7; the Wales Safeguarding Procedures",
    "scotland": "Adult Support and Protection (Scotland) Act 2007",
    "northern-ireland": "Adult Safeguarding: Prevention and Protection in Partnership (Department of Health, 2015)",
}


def _s(code: str, heading: str, paragraphs: list[str], basis: str) -> Section:
    return Section(code, heading, tuple(paragraphs), basis)


def _council(f: PolicyFacts) -> str:
    return f.council or "your council"


def _disciplinary(f: PolicyFacts) -> list[Section]:
    e = f.employer_name
    return [
        _s("about", "About this procedure", [
            f"This is how {e} deals with problems about a PA's conduct or work, and how a PA can raise a problem "
            f"about their work. It follows the {ACAS_CODE}, which employment tribunals take into account.",
            "Most problems are best sorted out early, by talking. This procedure is for when talking has not worked, "
            "or the problem is serious."], ACAS_CODE),
        _s("standards", "What is expected", [
            "Respect the choices, dignity and privacy of the person you support. Keep private what you learn about "
            "them. Turn up on time, and say as early as you can if you cannot. Follow the support plan, the risk "
            "assessment and the safety advice you are given.",
            "Gross misconduct is behaviour so serious that it can lead to dismissal without notice, even for a first "
            "time. Examples: abuse or neglect of the person you support; theft or fraud, including of their money; "
            "violence or threats; working under the influence of alcohol or drugs; a serious breach of "
            "confidentiality; seriously unsafe work; and false timesheets."], ACAS_CODE),
        _s("informal", "Talking first", [
            f"If {e} is unhappy with something, they will talk to the PA about it first, say what needs to change "
            "and by when, and offer any help or training that would make a difference. A note of the talk is kept."],
           ACAS_CODE),
        _s("formal", "The formal steps", [
            "1. Finding out the facts. Before any decision, the facts are looked into without delay. Where possible "
            f"someone other than {e} does this, such as an advocate or the council's direct payment support service.",
            "2. A letter. The PA is told in writing what the problem is, with copies of any evidence, and invited to "
            "a meeting, with enough time to prepare.",
            "3. A meeting. The PA can explain, answer the evidence and say anything in their defence. They can bring "
            "a colleague or a trade union representative; if that person cannot come, the meeting can move by up to "
            "5 working days.",
            "4. The decision, in writing. It can be no action; a first written warning (usually kept on file for 6 "
            "months); a final written warning (usually for 12 months); or dismissal, with notice or, for gross "
            "misconduct, without. Each letter says why, what must change and how to appeal.",
            "If the PA needs to be kept away from work while the facts are found out, it is on full pay, for as short "
            "a time as possible, and is not a punishment."], f"{ACAS_CODE}; {ACCOMPANIED}"),
        _s("appeal", "Appeals", [
            "A PA who thinks a decision is wrong or unfair can appeal in writing within 5 working days of being told "
            "it, saying why. Where possible, someone not involved before hears the appeal. The PA can be accompanied "
            "at the appeal meeting too. The decision on the appeal is given in writing and is final."], ACAS_CODE),
        _s("grievance", "Raising a problem about your work (a grievance)", [
            f"Talk to {e} first. If that does not sort it out, or you cannot raise it with them, put it in writing: "
            f"to {e}, or if the problem is about them, to someone they name for this, such as the council's direct "
            "payment support service or an advocate.",
            "A meeting is held without unreasonable delay, where you explain the problem and how you think it could "
            "be settled. You can bring a colleague or a trade union representative. You are told the decision in "
            "writing, and can appeal it in writing within 5 working days."], f"{ACAS_CODE}; {ACCOMPANIED}"),
        _s("records", "Keeping records", [
            "Notes of meetings, letters and decisions are kept privately with the PA's records. A PA can ask to see "
            "what is kept about them.",
            f"For free, impartial advice on any of this, either of you can contact {ACAS_HELPLINE}."], ACAS_CODE),
    ]


def _sickness(f: PolicyFacts) -> list[Section]:
    e = f.employer_name
    return [
        _s("telling", "If you are ill and cannot work", [
            f"Tell {e} as early as you can, before your shift starts, so that someone else can cover. Phone if you "
            "can: a message may not be seen in time. Say what is wrong and when you think you will be back.",
            "Keep in touch each day you are off, unless you agree something else."], SSP),
        _s("evidence", "Evidence of sickness", [
            "For 7 days off or fewer (counting days you would not have worked), you can say in writing that you were "
            "ill: there is a form for this. After 7 days you need a fit note from a doctor or another health "
            "professional."], SSP),
        _s("pay", "Sick pay", [
            "You get Statutory Sick Pay if you qualify, paid with your normal pay on your usual pay day. Your "
            "written statement says if you get anything on top of it."], SSP),
        _s("infection", "Infections", [
            "Because you work closely with someone whose health may be poor, do not come to work with diarrhoea or "
            "vomiting until 48 hours after it has stopped, or with a high temperature or other signs of an "
            "infection that could be passed on. If you are unsure, ask first."], "NHS advice on infections (nhs.uk)"),
        _s("return", "Coming back", [
            f"When you come back, {e} will have a short talk with you about how you are and anything that would "
            "help. If your fit note says you may be fit for work with changes, such as lighter tasks or fewer hours "
            "for a while, you will talk about what can be done.",
            "If you have a disability or a long-term condition, reasonable changes will be made so that you can keep "
            "working."], EQUALITY),
        _s("long", "A long or frequent absence", [
            "If you are off for a long time, or often, you will meet to talk about how to help you back and, with "
            "your agreement, ask your doctor for advice. Any decision about your job follows the disciplinary and "
            "grievance procedure's fair steps."], f"{ACAS_CODE}; {EQUALITY}"),
    ]


def _lone(f: PolicyFacts) -> list[Section]:
    e = f.employer_name
    return [
        _s("why", "Why this matters", [
            f"As a PA you usually work on your own with {e}, at home and out and about. Working alone is not "
            "unsafe in itself, but if something goes wrong there is nobody else to help, so the risks are thought "
            "through beforehand and kept under review."], f"{HSE_LONE}; {MHSWR}"),
        _s("before", "Before you work alone", [
            "You will know the emergency plan: how to get help, who to call (and their numbers), where the first aid "
            f"kit is, what to do if {e} is taken ill or has a fall, and how to get out in a fire. You will have had "
            "the training you need and shadow shifts first.",
            "Tell your employer about any health condition that could affect you working alone."], HSE_LONE),
        _s("during", "While you are working", [
            "Keep a charged phone with you. In an emergency, call 999. If you feel unsafe, leave to somewhere safe "
            "and call for help: you will never be blamed for keeping yourself safe.",
            "On late or night shifts, or when travelling to and from work at night, let someone know where you are "
            "and when you expect to be home."], HSE_LONE),
        _s("after", "Afterwards", [
            f"Tell {e} about anything that went wrong or nearly went wrong, so the risk assessment can be changed. "
            f"{e} keeps employer's liability insurance{' with ' + f.insurer if f.insurer else ''}, which covers you "
            "if you are hurt at work."], f"{HSE_LONE}; {MHSWR}"),
    ]


def _safeguarding(f: PolicyFacts) -> list[Section]:
    e, law = f.employer_name, SAFEGUARDING_LAW.get(f.nation, SAFEGUARDING_LAW["england"])
    council = _council(f)
    return [
        _s("what", "What safeguarding means", [
            "Safeguarding is protecting people's right to live safely, free from abuse and neglect, while respecting "
            "their own choices. Abuse can be physical, sexual, psychological or emotional, financial, domestic, "
            "discriminatory, organisational, modern slavery, neglect, or self-neglect. It can be done by anyone, "
            "including family, friends, neighbours, visitors or other workers."], law),
        _s("worried", "If you are worried", [
            "If someone is in immediate danger, call 999.",
            f"Otherwise, tell {e}, unless they ask you not to or the worry is about someone close to them; then, or "
            f"if you are still worried, contact {council}'s adult safeguarding team. You can always go to them "
            "directly.",
            "Write down what you saw or heard, in the person's own words, with the date and time, and keep it safe. "
            "Do not investigate yourself, and do not promise to keep it secret."], law),
        _s("choices", "Respecting choices", [
            f"{e} decides about their own life and safety, as far as they are able. Where you can, talk to them "
            "about a worry and what they want to happen. Their wishes do not stop you getting help if someone else "
            "is at risk, or if a crime has been committed."], law),
        _s("money", "Money and gifts", [
            f"Handle {e}'s money only as agreed, and keep receipts and a record. Do not lend or borrow money, accept "
            "more than small gifts, or take part in any will or property of theirs."], law),
        _s("speaking", "Speaking up", [
            "If you report a worry about wrongdoing in good faith, the law protects you from being treated badly "
            "for it."], WHISTLEBLOWING),
    ]


# The risk assessment: each hazard, who might be harmed and how, and the usual precautions; the household
# writes in what else it does. Always listed, then the ones the household's tasks bring.
_HAZARDS_ALWAYS = (
    ("slips", "Slips, trips and falls", "You and the person you support: wet floors, clutter, cables, poor light, "
     "stairs, outside in ice.", "Keep floors dry and clear; good lighting; mop up spills at once; sensible shoes; "
     "salt or grit paths in winter.", HSE_FIVE_STEPS),
    ("fire", "Fire", "Everyone in the home.", "Working smoke alarms, tested monthly; an escape plan everyone knows, "
     "including how the person you support gets out; no smoking indoors; free home fire safety check from the fire "
     "and rescue service.", HSE_FIVE_STEPS),
    ("electrical", "Electrical equipment and hot water", "You and the person you support: shocks, burns, scalds.",
     "Check plugs and leads before use and report damage; bath water tested before use; hot drinks put down "
     "safely.", HSE_FIVE_STEPS),
    ("infection", "Infection", "The person you support, especially if their health is poor; you.", "Wash hands "
     "before and after care and food; gloves and aprons for personal care; clean spills of body fluids straight "
     "away; stay off with diarrhoea or vomiting until 48 hours after it stops.", HSE_FIVE_STEPS),
    ("alone", "Working alone", "You.", "The lone working policy: an emergency plan, a charged phone, someone who "
     "knows where you are on late shifts.", HSE_LONE),
    ("violence", "Violence, aggression or distress", "You, and the person you support.", "Know what may upset the "
     "person and how to help them calm; leave and call for help if you are in danger; report every incident.",
     HSE_FIVE_STEPS),
    ("hours", "Long hours and tiredness", "You, and the person you support if you make mistakes.", "Rotas that "
     "give the breaks and rest the law sets; no shift over 12 hours without agreement; sleep-ins only where you can "
     "sleep.", "Working Time Regulations 1998"),
)
_HAZARDS_BY_TASK = {
    "moving_and_handling": ("moving", "Moving and handling", "You (back and other injuries) and the person you "
                            "support (falls, skin damage).", "A moving and handling plan for each task; training "
                            "before you do it; the right equipment, such as a hoist, slide sheets or a standing aid, "
                            "used as trained; hoists and slings examined at least every 6 months and checked before "
                            "each use; two people where the plan says so.", f"{HSE_MANUAL}; {LOLER}"),
    "medication": ("medicines", "Medicines", "The person you support: a missed, wrong or double dose.", "Only help "
                   "with medicines as the support plan says, after training; keep a record of each dose; store "
                   "medicines safely; tell someone at once about any mistake.", NICE_MEDICINES),
    "meals": ("food", "Food and kitchen", "The person you support (food poisoning, choking, swallowing problems); "
              "you (cuts and burns).", "Food hygiene training; food stored, cooked and reheated safely; any "
              "swallowing plan followed.", "Food Standards Agency guidance (food.gov.uk)"),
    "driving": ("driving", "Driving", "You, the person you support and other road users.", "A full licence and a "
              "car insured for business use; no driving when tired; wheelchairs secured.", HSE_FIVE_STEPS),
    "health_tasks": ("health", "Health tasks", "The person you support.", "Only after training by a health "
                     "professional, who signs you off as able; written instructions kept to hand.", HSE_FIVE_STEPS),
}


def _risk_assessment(f: PolicyFacts) -> list[Section]:
    e = f.employer_name
    review = date(f.made_on.year + 1, f.made_on.month, min(f.made_on.day, 28))
    intro = _s("steps", "How this assessment was done", [
        f"{e}'s home{', ' + f.address if f.address else ''}, and the tasks PAs do there and when going out, were "
        "looked at in the Health and Safety Executive's five steps: find the hazards; decide who might be harmed and "
        "how; decide on the precautions; write down what was found and do it; look at it again.",
        "Under each hazard below, write in anything else you do in this home, and any action still needed, with who "
        f"will do it and by when. Look at it again by {format_date(review)}, after any accident or near miss, and "
        "when the person's needs, the home or the equipment change. Talk it through with every PA."],
        f"{HSE_FIVE_STEPS}; {MHSWR}")
    rows = list(_HAZARDS_ALWAYS)
    rows += [_HAZARDS_BY_TASK[t] for t in _HAZARDS_BY_TASK if t in f.tasks]
    sections = [intro]
    for code, name, who, precautions, basis in rows:
        sections.append(_s(code, name, [
            f"Who might be harmed, and how: {who}", f"The usual precautions: {precautions}",
            "What else we do here: ____________________________________________",
            "Action still needed (who, by when): ______________________________"], basis))
    if not any(t in f.tasks for t in _HAZARDS_BY_TASK):
        sections.append(_s("tasks", "The tasks", [
            "Add a hazard for each task PAs do that is not listed above: for example moving and handling, medicines, "
            "cooking or driving. Describing a vacancy in PA Manager, with its tasks, adds the usual ones here."],
            HSE_FIVE_STEPS))
    return sections


_BUILDERS = {DISCIPLINARY_GRIEVANCE: _disciplinary, SICKNESS_ABSENCE: _sickness, LONE_WORKING: _lone,
             SAFEGUARDING: _safeguarding, RISK_ASSESSMENT: _risk_assessment}


def policy_document(kind: str, facts: PolicyFacts) -> WordedStatement:
    """One policy as a document to share with PAs, sign and keep."""
    title = TITLES[kind]
    intro = (f"{facts.employer_name}'s {title[0].lower() + title[1:]}, for the personal assistants (PAs) they employ. "
             f"Made on {format_date(facts.made_on)}. Written in plain English; each part names the standard or law "
             "it follows.",
             "Please read it, ask about anything unclear, and sign to show you have. It is not part of your contract, "
             "and it may be updated after talking with you.")
    closing = ("Signed to show it has been read and talked through.",)
    return WordedStatement("policy", title, facts.employer_name, "", facts.made_on, intro,
                           tuple(_BUILDERS[kind](facts)), closing)
