"""The written statement of employment particulars in plain English, addressed to the PA as "you".

Each particular (pa_manager.domain.particulars) becomes a numbered section: a heading, a few short
paragraphs and the provision of the law that asks for it. The PDF, the web page, the change notice
and the screens all take their words from here, so they cannot say different things.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal

from pa_manager.domain import particulars as law
from pa_manager.domain.holiday import BANK_HOLIDAYS_EXTRA
from pa_manager.domain.money import format_money
from pa_manager.domain.particulars import Particular, Statement
from pa_manager.messages import format_date

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
FREQUENCY_WORDS = {"weekly": "every week", "fortnightly": "every 2 weeks", "four-weekly": "every 4 weeks",
                   "monthly": "every month"}
SHIFT_WORDS = {"standard": "", "waking_night": "waking night", "sleep_in": "sleep-in night", "travel": "travel",
               "training": "training", "shadowing": "shadowing"}
PAY_TYPE_WORDS = {"standard": "ordinary shifts", "waking_night": "waking nights",
                  "sleep_in": "time awake and working on a sleep-in", "travel": "travel between visits",
                  "training": "training", "shadowing": "shadowing", "holiday": "holiday", "sickness": "sickness"}
PAYMENT_WORDS = {"bank_transfer": "Your pay goes into your bank account.", "cash": "You are paid in cash.",
                 "cheque": "You are paid by cheque."}
DURATION_NAMES = {"permanent": "Permanent", "fixed_term": "Fixed term, with an end date",
                  "temporary": "Temporary, for an expected length of time"}

HEADINGS = {
    law.NAMES: "Who this statement is between",
    law.JOB: "Your job",
    law.START_DATE: "When your job starts",
    law.CONTINUOUS: "Your continuous employment",
    law.DURATION: "How long the job lasts",
    law.PROBATION: "Probation",
    law.PLACE: "Where you work",
    law.OUTSIDE_UK: "Working outside the UK",
    law.PAY: "Your pay",
    law.PAY_INTERVALS: "When you are paid",
    law.PENSION: "Pension",
    law.OTHER_BENEFITS: "Other benefits",
    law.HOURS: "Your hours",
    law.HOLIDAY: "Holidays and holiday pay",
    law.SICK_PAY: "If you are ill or injured",
    law.OTHER_PAID_LEAVE: "Other paid leave",
    law.REQUIRED_TRAINING: "Training you must do",
    law.UNPAID_TRAINING: "Training you pay for yourself",
    law.TRAINING_ENTITLEMENT: "Other training",
    law.NOTICE: "Notice to end the job",
    law.DISCIPLINARY: "Rules at work, and discipline",
    law.GRIEVANCE: "If you have a problem at work",
    law.COLLECTIVE: "Collective agreements",
}

# Short names for a list of changes ("your pay and your hours").
CHANGE_NAMES = {
    law.NAMES: "names", law.JOB: "job", law.START_DATE: "start date", law.CONTINUOUS: "continuous employment",
    law.DURATION: "how long the job lasts", law.PROBATION: "probation", law.PLACE: "place of work",
    law.OUTSIDE_UK: "work outside the UK", law.PAY: "pay", law.PAY_INTERVALS: "pay days", law.PENSION: "pension",
    law.OTHER_BENEFITS: "benefits", law.HOURS: "hours", law.HOLIDAY: "holiday", law.SICK_PAY: "sick pay",
    law.OTHER_PAID_LEAVE: "paid leave", law.REQUIRED_TRAINING: "required training",
    law.UNPAID_TRAINING: "unpaid training", law.TRAINING_ENTITLEMENT: "training", law.NOTICE: "notice",
    law.DISCIPLINARY: "disciplinary rules", law.GRIEVANCE: "grievance procedure",
    law.COLLECTIVE: "collective agreements",
}

ACAS_CODE = "the Acas Code of Practice on disciplinary and grievance procedures"


@dataclass(frozen=True)
class Section:
    code: str
    heading: str
    paragraphs: tuple[str, ...]
    provision: str  # "Employment Rights Act 1996, section 1(3)(a)"


@dataclass(frozen=True)
class WordedStatement:
    """A statement or change notice ready to print: the same words for the PDF and the web page."""

    kind: str  # "statement" or "change_notice"
    title: str
    employer_name: str
    pa_name: str
    as_at: date
    intro: tuple[str, ...]
    sections: tuple[Section, ...]
    closing: tuple[str, ...]

    def section(self, code: str) -> Section:
        return next(s for s in self.sections if s.code == code)


# --- small pieces -----------------------------------------------------------------------------------

def clock(value: time) -> str:
    """GOV.UK style: 8am, 5:30pm, midday, midnight."""
    if value.hour == 0 and value.minute == 0:
        return "midnight"
    if value.hour == 12 and value.minute == 0:
        return "midday"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def day_list(days: tuple[int, ...]) -> str:
    """(0, 1, 2, 3, 4) -> "Monday to Friday"; (1, 3) -> "Tuesday and Thursday"."""
    days = tuple(sorted(days))
    if not days:
        return ""
    if len(days) >= 3 and days == tuple(range(days[0], days[-1] + 1)):
        return f"{WEEKDAY_NAMES[days[0]]} to {WEEKDAY_NAMES[days[-1]]}"
    names = [WEEKDAY_NAMES[d] for d in days]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def and_list(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def hours_words(value: Decimal) -> str:
    """7.5 -> "7.5 hours"; 1 -> "1 hour"."""
    text = format(value.normalize(), "f")
    return f"{text} hour{'' if value == 1 else 's'}"


def weeks_words(value: int) -> str:
    return f"{value} week{'' if value == 1 else 's'}"


def weeks_notice(value: int) -> str:
    """1 -> "1 week's notice"; 2 -> "2 weeks' notice"."""
    return f"{value} week's notice" if value == 1 else f"{value} weeks' notice"


def months_words(value: int) -> str:
    return f"{value} month{'' if value == 1 else 's'}"


def provision_words(provision: str) -> str:
    """"s.1(3)(a)" -> "Employment Rights Act 1996, section 1(3)(a)"."""
    return f"Employment Rights Act 1996, section {provision.removeprefix('s.')}"


def shift_line(shift: tuple) -> str:
    """One rota line: "Monday to Friday, 8am to 2pm, with a 30-minute unpaid break"."""
    days, start, end, shift_type, interval, break_minutes = shift
    kind = SHIFT_WORDS.get(shift_type, "")
    text = f"{day_list(days)}, {clock(start)} to {clock(end)}"
    if end <= start:
        text += " the next morning" if end.hour < 12 else " the next day"
    if kind:
        text += f" ({kind})"
    if interval == 2:
        text += ", every other week"
    elif interval > 2:
        text += f", every {interval} weeks"
    if break_minutes:
        text += f", with a {break_minutes}-minute unpaid break"
    return text


def _percent(rate: Decimal) -> str:
    return f"{format((rate * 100).normalize(), 'f')}%"


# --- each particular ---------------------------------------------------------------------------------

def _names(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    return [f"This statement is between you, {p.value('worker')}, and your employer, {p.value('employer')}. "
            "You work for them directly: they are your employer, not the council."]


def _job(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    duties = p.value("duties") or (
        f"You support {employer} with day-to-day living, at home and when going out, in the way {employer} "
        "chooses. The job description you were given lists the main tasks.")
    return [f"Your job title is {p.value('title')}.", duties]


def _start(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    return [f"Your job starts on {format_date(p.value('start_date'))}." if p.value("start_date") >= as_at else
            f"Your job started on {format_date(p.value('start_date'))}."]


def _continuous(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    lines = ["Continuous employment is the time that counts towards rights such as notice and redundancy pay."]
    if p.value("same_as_start"):
        lines.append(f"Yours starts on {format_date(p.value('continuous_from'))}, the day your job starts. No earlier "
                     "job counts towards it.")
    else:
        lines.append(f"Yours starts on {format_date(p.value('continuous_from'))}, because earlier work counts towards it.")
    return lines


def _duration(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    kind = p.value("kind")
    if kind == law.FIXED_TERM:
        return [f"This is a fixed-term job. It ends on {format_date(p.value('ends_on'))}."]
    if kind == law.TEMPORARY:
        return [f"This is a temporary job. It is expected to last {p.value('expected') or 'a limited time'}."]
    return ["Your job is permanent: it has no end date."]


def _probation(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    months = p.value("months")
    if not months:
        return ["There is no probation period."]
    lines = [f"Your first {months_words(months)}, until {format_date(p.value('ends_on'))}, are a probation period."]
    lines.append(p.value("conditions") or (
        "During it, you and your employer will talk about how things are going. At the end, your employer will "
        "tell you in writing whether your job is confirmed. If more time is needed, they can extend the probation "
        "once, by up to the same length again, and will tell you why in writing."))
    return lines


def _place(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    address = ", ".join(part for part in (p.value("employer_address").replace("\n", ", "), p.value("employer_postcode"))
                        if part)
    place = p.value("place")
    lines = [f"You work at {place}." if place else f"You work at your employer's home, {address or 'their address'}."]
    if p.value("out_and_about"):
        lines.append(f"You also go out with {employer}, for example to appointments, shops and activities.")
    if place or p.value("out_and_about"):
        lines.append(f"Your employer's address is {address or 'given to you separately'}.")
    return lines


def _outside_uk(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    return [p.value("arrangements") or (
        "You will not be asked to work outside the UK for more than a month. If you go with your employer on a "
        "shorter trip abroad, you will agree the arrangements in writing before you go.")]


def _money_enhancement(value, what: str) -> str:
    multiplier, amount = value
    if multiplier is not None:
        return f"{what} you are paid {format(multiplier.normalize(), 'f')} times your hourly rate."
    return f"{what} you are paid {format_money(amount)} an hour."


def _pay(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    since = p.value("hourly_from")
    lines = [f"You are paid {format_money(p.value('hourly'))} an hour"
             + (f", from {format_date(since)}." if since else ".")]
    for shift_type, amount in p.value("by_type"):
        lines.append(f"For {PAY_TYPE_WORDS.get(shift_type, shift_type)} you are paid {format_money(amount)} an hour.")
    if p.value("sleep_in") is not None:
        lines.append(f"For each sleep-in night you are paid an allowance of {format_money(p.value('sleep_in'))}. "
                     "If you are woken and have to work during a sleep-in, that time is paid by the hour as well.")
    elif p.value("sleep_ins"):
        lines.append("Sleep-in nights are paid at your hourly rate for the whole night.")
    if p.value("weekend") is not None:
        lines.append(_money_enhancement(p.value("weekend"), "At weekends"))
    if p.value("bank_holiday") is not None:
        lines.append(_money_enhancement(p.value("bank_holiday"), "On bank holidays"))
    lines.append(f"{PAYMENT_WORDS[p.value('payment_method')]} Income tax and National Insurance, and pension "
                 "contributions if you are in the pension, are taken off as the law requires. You get a payslip each "
                 "pay day showing how your pay was worked out. Your pay is never less than the legal minimum wage for "
                 "your age.")
    return lines


def _intervals(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    frequency = p.value("frequency")
    if frequency == "monthly":
        return ["You are paid every month, for the work done in that calendar month, on or before its last working "
                "day."]
    return [f"You are paid {FREQUENCY_WORDS[frequency]}, on or before the last working day of each pay period, for "
            "the work done in it."]


def _pension(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    provider = p.value("provider")
    return [
        "Your employer must put you into a workplace pension if you are aged 22 or over, under State Pension age and "
        "earn more than a set amount, and tells you in writing when they do. If you do not qualify, you can ask to "
        "join.",
        (f"The pension scheme is {provider}. " if provider else
         "Your employer will tell you the name of the pension scheme in writing before you can join. ")
        + f"Your employer pays in {_percent(p.value('employer_rate'))} of your qualifying earnings and you pay "
          f"{_percent(p.value('employee_rate'))}, unless you choose to leave the scheme.",
    ]


def _benefits(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    return [p.value("benefits") or "There are no other benefits with this job."]


def _hours(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    shifts = [shift_line(s) for s in p.value("shifts")]
    lines = []
    if p.value("irregular"):
        lines.append("You do not have fixed hours: your hours and days vary from week to week with the support your "
                     "employer needs.")
        if shifts:
            lines.append("At the moment you usually work: " + "; ".join(shifts) + ".")
        lines.append(p.value("how_vary") or (
            "Your employer offers you shifts on the rota, normally at least a week ahead, and you can say no to a "
            "shift you are offered."))
    else:
        hours = p.value("hours_per_week") or p.value("rota_hours")
        lines.append(f"Your normal working hours are {hours_words(hours)} a week." if hours else
                     "Your normal working hours are set out in the rota you agree with your employer.")
        if shifts:
            lines.append("You normally work: " + "; ".join(shifts) + ".")
        lines.append(p.value("how_vary") or (
            "Your hours and days change only if you and your employer agree. If you are asked to work extra hours to "
            "cover for someone, you can say no."))
    nights = p.value("sleep_in_nights")
    if nights:
        lines.append(f"Your hours include about {format(nights.normalize(), 'f')} sleep-in night"
                     f"{'' if nights == 1 else 's'} a week on average: you stay overnight and can sleep, and you are "
                     "woken only if you are needed.")
    if p.value("young_worker"):
        limits = dict(p.value("young_limits"))
        lines.append(
            f"Because you are under {limits['under_age']}, the law limits your hours: no more than "
            f"{limits['max_daily_hours']} hours a day or {limits['max_weekly_hours']} hours a week, a break of at least "
            f"{limits['break_minutes']} minutes when you work more than "
            f"{Decimal(limits['break_after_minutes']) / 60:.1f} hours, at least {limits['daily_rest_hours']} hours off "
            f"between working days and {int(limits['weekly_rest_hours']) // 24} days off each week. You will not work "
            f"between {clock(time.fromisoformat(limits['night_from']))} and "
            f"{clock(time.fromisoformat(limits['night_to']))}.".replace(".0 hours", " hours"))
    return lines


def _holiday(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    weeks = format(p.value("weeks").normalize(), "f")
    month, day = p.value("leave_year_starts")
    end = date(2001, month, day) - timedelta(days=1)  # the day before the year starts again
    year = f"The holiday year runs from {day} {MONTH_NAMES[month - 1]} to {end.day} {MONTH_NAMES[end.month - 1]}."
    lines = []
    if p.value("irregular"):
        rate = _percent(p.value("accrual_rate"))
        lines.append(f"Because your hours vary, your holiday builds up as you work: {rate} of the hours you work in "
                     f"each pay period, up to the legal limit of {weeks} weeks a year.")
        if p.value("rolled_up"):
            lines.append(f"Your holiday pay is paid with your pay each pay day: {rate} of your pay for the work you "
                         "did, shown on its own line on your payslip. When you take holiday it is unpaid, because you "
                         "have already been paid for it.")
        else:
            lines.append("When you take holiday, you are paid your average weekly pay over the last 52 weeks in which "
                         "you were paid.")
    else:
        lines.append(f"You are entitled to {weeks} weeks' paid holiday a year.")
        if p.value("year_hours") is not None:
            days = p.value("days_per_week")
            lines.append(f"For your working week ({hours_words(p.value('hours_per_week'))} over "
                         f"{format(days.normalize(), 'f')} day{'' if days == 1 else 's'}) that is "
                         f"{hours_words(p.value('year_hours'))} ({format(p.value('year_days').normalize(), 'f')} days) "
                         "for a whole holiday year.")
        lines.append("When you take holiday you are paid what you would normally earn for that time.")
    if p.value("bank_holidays") == BANK_HOLIDAYS_EXTRA:
        lines.append("Bank and public holidays are extra paid days off on top of this. If you agree to work on one, "
                     "you get another day off instead.")
    else:
        lines.append("Bank and public holidays are part of this holiday, not extra to it: a bank holiday you have "
                     "off is taken from your holiday.")
    lines.append(year + " If you start or leave part way through a year, you get a share of the year's holiday for "
                 "the part you work.")
    lines.append("Ask your employer for holiday at least twice as many days ahead as the number of days you want "
                 "off. When you leave, you are paid for holiday you have built up and not taken; if you have taken "
                 "more than you built up, the extra can be taken from your final pay.")
    return lines


def _sick(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    lines = ["If you are too ill to work, tell your employer as soon as you can, before your shift starts if "
             "possible, so they can arrange cover. For 7 days off or fewer you can say in writing that you were ill; "
             "for longer, you need a fit note from a doctor.",
             "You get Statutory Sick Pay if you qualify, paid with your normal pay."]
    if p.value("full_pay_weeks") is not None:
        lines.append(_scheme_sentence(p))
    if p.value("scheme"):
        lines.append(f"Your employer also pays: {p.value('scheme')}")
    return lines


def _weeks(n: int) -> str:
    return f"{n} week{'s' if n != 1 else ''}"


def _scheme_sentence(p: Particular) -> str:
    """The employer's own sick pay scheme (domain.occupational_sick_pay) in one plain sentence."""
    full, half = p.value("full_pay_weeks"), p.value("half_pay_weeks")
    pays = " then ".join(part for part in (f"full pay for {_weeks(full)}" if full else "",
                                           f"half pay for {_weeks(half)}" if half else "") if part)
    months, waiting = p.value("qualifying_months"), p.value("waiting_days")
    after = f", once you have worked for your employer for {months} month{'s' if months != 1 else ''}" if months else ""
    wait = (f", from the {waiting + 1}{_ordinal(waiting + 1)} working day of each time off sick" if waiting else "")
    return (f"Your employer's sick pay scheme pays you {pays} in any 12 months{after}{wait}. A week is as many days "
            "as you normally work in a week. Statutory Sick Pay is part of it, not paid on top.")


def _ordinal(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _other_leave(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    return ["You can have the paid leave the law gives when you qualify for it: maternity, paternity, adoption, "
            "shared parental, parental bereavement and neonatal care leave, paid at the statutory rates.",
            p.value("extra") or "There is no other paid leave with this job."]


def _required_training(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    courses = list(p.value("courses"))
    lines = [f"You must complete this training: {and_list(courses)}." if courses else
             "There is no particular course you must complete, other than your induction."]
    lines.append("You will have an induction when you start. Your employer pays for the training they ask you to do, "
                 "and you are paid for the time you spend on it.")
    return lines


def _unpaid_training(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    training = p.value("training")
    if training:
        return [f"Your employer asks you to do this training but will not pay for it: {training}"]
    return ["Your employer will not ask you to do any training that they do not pay for."]


def _training_entitlement(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    return [p.value("entitlement") or (
        "You may work through the Care Certificate as part of your induction. At least once a year you and your "
        "employer will talk about other training that would help you, and training your employer agrees to is "
        "paid for by them.")]


def _notice(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    law_words = (f"the notice the law sets: 1 week once you have worked for {months_words(p.value('law_qualifying_months'))}, "
                 "then 1 week for each full year you have worked from 2 years on (2 weeks after 2 years, 3 weeks after "
                 f"3 years, and so on), up to {p.value('law_max_weeks')} weeks")
    weeks = p.value("employer_weeks")
    if weeks is None:
        lines = [f"If your employer ends your job, they must give you at least {law_words}."]
    else:
        lines = [f"If your employer ends your job, they give you {weeks_notice(weeks)}, or more if the law asks "
                 f"for more. The law asks for {law_words}."]
    pa_weeks = p.value("pa_weeks")
    lines.append(f"If you want to leave, give your employer at least {weeks_notice(pa_weeks)} in writing.")
    if p.value("probation_weeks") is not None:
        lines.append(f"During your probation, either of you can end the job with {weeks_notice(p.value('probation_weeks'))}.")
    lines.append("No notice is needed if you are dismissed for gross misconduct, such as theft, abuse or violence.")
    return lines


def _appeal(contact: str) -> str:
    return contact or ("your employer, who will ask someone who was not involved, such as their direct payment "
                       "support service, to hear it where they can")


def _disciplinary(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    return [
        "At work, respect your employer's choices, dignity and privacy, and keep private what you learn about them "
        "and their home. Follow their support plan and the safety advice you are given. Never work under the "
        "influence of alcohol or drugs. If you think someone is being harmed or neglected, say so straight away.",
        f"If your employer is unhappy with your conduct or your work, they follow {ACAS_CODE}: they tell you in "
        "writing what the problem is, meet you to talk about it (you can bring a colleague or a trade union "
        "representative), tell you their decision in writing, and tell you how to appeal. Serious misconduct can "
        "lead to dismissal without notice.",
        "If you are unhappy with a disciplinary decision, or a decision to dismiss you, appeal in writing within 5 "
        f"working days of being told it. Send your appeal to {_appeal(p.value('appeal_contact'))}.",
    ]


def _grievance(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    contact = p.value("contact") or "your employer"
    return [
        f"If you have a problem or a complaint about your work (a grievance), talk to {contact} first. If it is not "
        f"sorted out, put it in writing to {contact}. They will meet you to talk about it (you can bring a colleague "
        f"or a trade union representative) and tell you their decision in writing. This follows {ACAS_CODE}.",
        f"If you are unhappy with the decision, appeal in writing to {_appeal(p.value('appeal_contact'))}. If your "
        "complaint is about your employer and you cannot raise it with them, write to that person instead.",
    ]


def _collective(p: Particular, pa: str, employer: str, as_at: date) -> list[str]:
    return [p.value("agreements") or "No collective agreement (an agreement made with a trade union) affects your "
                                     "terms."]


_WORDS = {
    law.NAMES: _names, law.JOB: _job, law.START_DATE: _start, law.CONTINUOUS: _continuous, law.DURATION: _duration,
    law.PROBATION: _probation, law.PLACE: _place, law.OUTSIDE_UK: _outside_uk, law.PAY: _pay,
    law.PAY_INTERVALS: _intervals, law.PENSION: _pension, law.OTHER_BENEFITS: _benefits, law.HOURS: _hours,
    law.HOLIDAY: _holiday, law.SICK_PAY: _sick, law.OTHER_PAID_LEAVE: _other_leave,
    law.REQUIRED_TRAINING: _required_training, law.UNPAID_TRAINING: _unpaid_training,
    law.TRAINING_ENTITLEMENT: _training_entitlement, law.NOTICE: _notice, law.DISCIPLINARY: _disciplinary,
    law.GRIEVANCE: _grievance, law.COLLECTIVE: _collective,
}
assert set(_WORDS) == set(law.CODES) == set(HEADINGS)


def section_for(particular: Particular, pa_name: str, employer_name: str, as_at: date) -> Section:
    rule = law.RULES[particular.code]
    return Section(particular.code, HEADINGS[particular.code],
                   tuple(_WORDS[particular.code](particular, pa_name, employer_name, as_at)),
                   provision_words(rule.provision))


def _law_words(nation: str) -> str:
    if nation == "northern-ireland":
        return "the Employment Rights (Northern Ireland) Order 1996, Articles 33 to 36"
    return "the Employment Rights Act 1996, sections 1 to 4"


def word_statement(statement: Statement, nation: str) -> WordedStatement:
    names = statement.get(law.NAMES)
    pa, employer = names.value("worker"), names.value("employer")
    by_code = {p.code: p for p in statement.particulars}
    sections = tuple(section_for(by_code[code], pa, employer, statement.as_at) for code in law.READING_ORDER)
    intro = (
        f"This statement sets out the main terms of your job with {employer}, as the law requires ({_law_words(nation)}). "
        f"The terms are as they stand on {format_date(statement.as_at)}.",
        "If any of these terms change, your employer will tell you in writing within a month of the change.",
    )
    closing = ("Please sign below to show you have received this statement, and keep a copy. Your employer keeps the "
               "signed copy with your records.",)
    return WordedStatement("statement", f"Written statement of employment terms for {pa}", employer, pa,
                           statement.as_at, intro, sections, closing)


def word_change_notice(before: WordedStatement, after: WordedStatement, codes: tuple[str, ...],
                       changed_on: date | None, given_on: date | None) -> WordedStatement:
    """A notice of the particulars that changed: for each, what it says from now on, after what it said."""
    when = f"from {format_date(changed_on)}" if changed_on else f"from {format_date(after.as_at)}"
    of_statement = f"the written statement you were given on {format_date(given_on)}" if given_on else \
        "your written statement"
    intro = (
        f"This notice tells you about a change to {of_statement}, as the law requires (Employment Rights Act 1996, "
        f"section 4). The change applies {when}.",
        "Everything else in your statement stays the same.",
    )
    sections = []
    for code in codes:
        new = after.section(code)
        old = next((s for s in before.sections if s.code == code), None)
        paragraphs = [f"From now on: {line}" if i == 0 else line for i, line in enumerate(new.paragraphs)]
        if old is not None:  # what it said before, where it differs from what it says now
            before_words = [line for line in old.paragraphs if line not in new.paragraphs]
            if before_words:
                paragraphs.append("It used to say: " + " ".join(before_words))
        sections.append(Section(code, new.heading, tuple(paragraphs), new.provision))
    closing = ("Please sign below to show you have received this notice, and keep it with your statement.",)
    return WordedStatement("change_notice", f"Notice of a change to the employment terms of {after.pa_name}",
                           after.employer_name, after.pa_name, after.as_at, intro, tuple(sections), closing)


def change_list(codes) -> str:
    """("PAY", "HOURS") -> "pay and hours"."""
    return and_list([CHANGE_NAMES.get(code, code.lower()) for code in codes])


# --- stored form -----------------------------------------------------------------------------------

def to_document(worded: WordedStatement) -> dict:
    return {"kind": worded.kind, "title": worded.title, "employer_name": worded.employer_name,
            "pa_name": worded.pa_name, "as_at": worded.as_at.isoformat(), "intro": list(worded.intro),
            "sections": [{"code": s.code, "heading": s.heading, "paragraphs": list(s.paragraphs),
                          "provision": s.provision} for s in worded.sections],
            "closing": list(worded.closing)}


def from_document(document: dict) -> WordedStatement:
    """A statement kept with its words (to_document) read back. ValueError when it is not one as
    to_document writes it (a changed or damaged file), so a statement that reads can be shown."""
    try:
        return WordedStatement(
            _text(document["kind"]), _text(document["title"]), _text(document["employer_name"]),
            _text(document["pa_name"]), date.fromisoformat(document["as_at"]), _texts(document["intro"]),
            tuple(Section(_text(s["code"]), _text(s["heading"]), _texts(s["paragraphs"]), _text(s["provision"]))
                  for s in _list(document["sections"])),
            _texts(document["closing"]))
    except (KeyError, TypeError) as error:
        raise ValueError("not a statement as PA Manager keeps one") from error


def _text(value) -> str:
    if not isinstance(value, str):
        raise TypeError("words were expected")
    return value


def _list(value) -> list:
    if not isinstance(value, list):
        raise TypeError("a list was expected")
    return value


def _texts(value) -> tuple[str, ...]:
    return tuple(_text(item) for item in _list(value))
