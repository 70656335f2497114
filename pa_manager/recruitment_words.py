"""Recruitment in plain English: the job description, the person specification and the advert made
from a vacancy, and the names of tasks, sources, statuses, values and conditions. The screens, the
job pack (PDF and web page) and the command line all take their words from here."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pa_manager.domain import recruitment as r
from pa_manager.domain.money import format_money
from pa_manager.messages import format_date
from pa_manager.statement_words import and_list, hours_words, shift_line

# Each task as a line of the job description ("Helping you...": addressed to the applicant).
TASK_LINES = {
    r.PERSONAL_CARE: "Personal care: help with washing, dressing, going to the toilet and continence care",
    r.MEALS: "Meals: help to plan, shop for, cook and eat meals, and with drinks",
    r.MEDICATION: "Medication: help to take medicines as prescribed, and keeping a record",
    r.MOVING_AND_HANDLING: "Moving and handling: help to move, including with a hoist or other equipment",
    r.HOUSEHOLD: "Around the home: cleaning, laundry and keeping the home as the person likes it",
    r.SHOPPING: "Shopping and errands",
    r.GOING_OUT: "Going out: support to get out and about, see friends and take part in activities",
    r.DRIVING: "Driving: taking the person to places in a car",
    r.APPOINTMENTS: "Appointments: going with the person to health and other appointments",
    r.HEALTH_TASKS: "Health tasks, once trained: for example checking skin, or help with a health condition",
    r.COMPANIONSHIP: "Company and conversation, and help to stay in touch with family and friends",
    r.PAPERWORK: "Post and paperwork: reading letters and help to keep on top of bills and forms",
}
# Short names for the screen's tick boxes.
TASK_NAMES = {
    r.PERSONAL_CARE: "Personal care", r.MEALS: "Meals and drinks", r.MEDICATION: "Medication",
    r.MOVING_AND_HANDLING: "Moving and handling", r.HOUSEHOLD: "Around the home", r.SHOPPING: "Shopping and errands",
    r.GOING_OUT: "Going out", r.DRIVING: "Driving", r.APPOINTMENTS: "Appointments", r.HEALTH_TASKS: "Health tasks",
    r.COMPANIONSHIP: "Company and conversation", r.PAPERWORK: "Post and paperwork",
}
SOURCE_NAMES = {
    "pa_register": "A PA register or PA finder website", "job_website": "A job website",
    "social_media": "Social media", "word_of_mouth": "Word of mouth", "local_advert": "A local advert or noticeboard",
    "jobcentre": "The Jobcentre", "council_or_support_service": "The council or a support service", "other": "Other",
}
STATUS_NAMES = {
    r.APPLIED: "Applied", r.INTERVIEW: "Invited to interview", r.OFFERED: "Offered the job", r.HIRED: "Taken on",
    r.NOT_HIRED: "Not taken on", r.WITHDRAWN: "Withdrew",
}
VACANCY_STATUS_NAMES = {r.OPEN: "Open", r.FILLED: "Filled", r.CLOSED: "Closed"}
VALUE_NAMES = {r.RESPECT: "Respect", r.DIGNITY: "Dignity", r.RELIABILITY: "Reliability",
               r.COMMUNICATION: "Communication"}
SCORE_NAMES = {1: "1 – no evidence", 2: "2 – some evidence", 3: "3 – good evidence", 4: "4 – strong evidence"}
CONDITION_NAMES = {r.RIGHT_TO_WORK: "Right to work in the UK, checked before the first day",
                   r.DBS_BARRED: "An enhanced DBS check with the adults' barred list",
                   r.REFERENCES: "Satisfactory references"}


def criterion_words(criterion: r.Criterion, course_names: dict[str, str]) -> str:
    course = course_names.get(criterion.detail, criterion.detail.replace("_", " "))
    words = {
        "VALUE_RESPECT": "Respects people's choices and their right to run their own life",
        "VALUE_DIGNITY": "Treats people with dignity and keeps their private life private",
        "VALUE_RELIABILITY": "Reliable: turns up on time, does what they say, and says early when they cannot",
        "VALUE_COMMUNICATION": "Listens well, explains clearly and raises worries openly",
        "RIGHT_TO_WORK": "Has the right to work in the UK",
        "DBS_CHECK": "Willing to have an enhanced DBS check with the adults' barred list (the employer pays for it)",
        "DRIVING_LICENCE": "A full UK driving licence, and a car insured for business use",
        "WEEKENDS": "Able to work at weekends",
        "NIGHTS": "Able to work " + ("sleep-in nights" if criterion.detail == "sleep_in" else "waking nights"),
        "WILLING_TO_TRAIN": f"Willing to do {course.lower()} training (paid for by the employer)",
        "TRAINED_ALREADY": f"Has done {course.lower()} training already",
        "CARING_EXPERIENCE": "Experience of supporting someone, paid or unpaid (family caring counts)",
        "READING_WRITING": "Able to read letters and fill in forms",
    }
    return words[criterion.code]


@dataclass(frozen=True)
class JobPack:
    """The three documents an employer uses to find a PA, in words."""

    title: str
    employer_name: str
    summary: str  # one paragraph: the job in brief
    tasks: tuple[str, ...]
    hours: tuple[str, ...]
    pay: tuple[str, ...]
    training: tuple[str, ...]
    essential: tuple[str, ...]
    desirable: tuple[str, ...]
    advert: str


def _hours_lines(v: r.Vacancy) -> list[str]:
    lines = []
    if v.irregular_hours:
        lines.append("Hours vary from week to week: shifts are agreed on the rota, normally a week ahead.")
    elif v.planned_hours:
        lines.append(f"{hours_words(v.planned_hours)} a week.")
    lines += [shift_line((p.weekdays, p.start, p.end, p.shift_type, p.interval, p.break_minutes)) + "."
              for p in v.patterns]
    return lines


def _pay_lines(v: r.Vacancy) -> list[str]:
    lines = [f"{format_money(v.hourly_rate)} an hour."] if v.hourly_rate else []
    if v.sleep_in_allowance:
        lines.append(f"{format_money(v.sleep_in_allowance)} for each sleep-in night.")
    lines.append("Paid holiday (5.6 weeks a year, pro rata), Statutory Sick Pay and a workplace pension.")
    return lines


def job_pack(v: r.Vacancy, employer_name: str, course_names: dict[str, str]) -> JobPack:
    tasks = [TASK_LINES[t] for t in r.TASKS if t in v.tasks]
    if v.other_tasks.strip():
        tasks.append(v.other_tasks.strip())
    courses = [course_names.get(c, c.replace("_", " ")) for c in v.required_courses]
    criteria = r.person_specification(v.tasks, v.shift_types, v.weekends, v.required_courses)
    essential = tuple(criterion_words(c, course_names) for c in criteria if c.level == r.ESSENTIAL)
    desirable = tuple(criterion_words(c, course_names) for c in criteria if c.level == r.DESIRABLE)
    where = f" in {v.area}" if v.area else ""
    summary = (f"{employer_name} is looking for a {v.title.lower()}{where}, employed directly with a direct payment. "
               f"You will support {employer_name} to live the life they choose, at home and out and about, in the way "
               "they want it done.")
    training = ([f"Training is given and paid for: {and_list(courses)}, and an induction when you start."]
                if courses else ["An induction when you start, and training paid for by your employer."])
    hours = _hours_lines(v)
    pay = _pay_lines(v)
    closing = f" by {format_date(v.closing_date)}" if v.closing_date else ""
    start = f" The job starts on {format_date(v.start_date)}." if v.start_date else ""
    brief = and_list([TASK_NAMES[t].lower() for t in r.TASKS if t in v.tasks][:4])
    advert = (
        f"{v.title} wanted{where}. "
        + (f"{hours[0]} " if hours else "")
        + (f"{pay[0]} " if pay else "")
        + "I am looking for someone kind, reliable and respectful to support me"
        + (f" with {brief}" if brief else "") + "."
        + " You do not need experience: I will give you full training. What matters most is that you treat people "
          "with respect and dignity, turn up when you say you will, and talk things through."
        + " You need the right to work in the UK, and I will ask for an enhanced DBS check and two references."
        + start
        + (f" To apply: {v.how_to_apply.strip()}{closing}." if v.how_to_apply.strip() else
           f" Applications close{closing}." if closing else "")
    )
    return JobPack(v.title, employer_name, summary, tuple(tasks), tuple(hours), tuple(pay), tuple(training),
                   essential, desirable, advert)


def condition_line(state: r.ConditionState) -> tuple[str, str]:
    """(status code, sentence) for one pre-start condition."""
    if state.code == r.RIGHT_TO_WORK:
        if state.met:
            return "ok", f"Done: right to work checked on {format_date(state.value('checked_on'))}, before the first day."
        return "missing", "Missing: check their right to work in the UK before their first day."
    if state.code == r.DBS_BARRED:
        if state.met:
            return "ok", (f"Done: an enhanced DBS check with the adults' barred list, issued "
                          f"{format_date(state.value('issue_date'))}.")
        if state.value("outcome") == "information_disclosed":
            return "warning", ("To do: the DBS certificate disclosed information. Do a risk assessment and record it "
                               "before they start.")
        if state.value("other_levels"):
            return "warning", ("To do: the DBS check recorded does not include the adults' barred list, which personal "
                               "care needs. Ask for an enhanced check with the barred list.")
        return "missing", ("Missing: an enhanced DBS check with the adults' barred list. Ask your council or a DBS "
                           "umbrella body to do it.")
    received, required = state.value("received"), state.value("required")
    if state.met:
        return "ok", f"Done: {received} satisfactory reference{'s' if received != 1 else ''}."
    return "missing", f"Missing: satisfactory references ({received} of the {required} you ask for)."


def score_words(summary: r.ScoreSummary) -> str:
    """"Scored 26 out of 32 (every question). Respect 3.5, Dignity 3, ..." """
    if summary.answered == 0:
        return "Not scored yet."
    text = f"Scored {summary.total} out of {summary.out_of}"
    text += " (every question)." if summary.complete else f" ({summary.answered} of {summary.asked} questions scored)."
    values = [f"{VALUE_NAMES[v]} {format(avg.normalize(), 'f')}" for v, avg in summary.by_value if avg is not None]
    return text + (" " + ", ".join(values) + "." if values else "")


def money_or_blank(value: Decimal | None) -> str:
    return "" if value is None else format_money(value)


def coming_up_line(item, today) -> tuple[str, str]:
    """A due item as a status line, including one still in date ("Coming up on 23 May 2027: Erase ..."), which
    the dashboard's words would call "Done"."""
    from pa_manager.wording import due_item_sentence

    code, sentence = due_item_sentence(item, today)
    if item.status != "ok":
        return code, sentence
    what = sentence.split(": ", 1)[1]
    return "info", (f"Coming up on {format_date(item.due)}: {what}" if item.due else f"Coming up: {what}")
