"""Plain-English sentences built from wage results, shared by the screens and the reports.

Each sentence starts with its status word ("Meets…", "Below…") so status never rests on an icon
or a colour alone. Statuses: "ok", "below", "missing", "info", "provisional".
"""
from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from pa_manager.domain.minimum_wage import (
    APPRENTICE_FIRST_YEAR_ENDS, BAND_CHANGE_BIRTHDAY, NMW_APRIL_RISE_BELOW, RLW_PAY_BY,
)
from pa_manager.domain.money import format_money
from pa_manager.earnings_order_words import KIND_NAMES as EARNINGS_ORDER_KINDS, PERIOD_NAMES as EARNINGS_ORDER_PERIODS
from pa_manager.domain.validation import Problem
from pa_manager.messages import date_range, describe, format_date, shift_when

BAND_LABELS = {
    "21-24": "21 to 24 rate",
    "21-22": "21 to 22 rate",
    "18-20": "18 to 20 rate",
    "under-18": "under 18 rate",
    "apprentice": "apprentice rate",
}


def band_label(band: str, nlw_age: int) -> str:
    if band == "NLW":
        return f"National Living Wage, for ages {nlw_age} and over"
    return BAND_LABELS.get(band, band)


def spoken_hours(minutes: int) -> str:
    """'7 hours 30 minutes': the same figure in full words, for screen readers and sentences."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours or not rest:
        parts.append(f"{hours} hour" + ("" if hours == 1 else "s"))
    if rest:
        parts.append(f"{rest} minute" + ("" if rest == 1 else "s"))
    return " ".join(parts)


def percent(share: Decimal) -> str:
    """0.9163… -> '92%'."""
    return f"{(share * 100).quantize(Decimal('1'), rounding=ROUND_HALF_UP)}%"


def per_hour(amount: Decimal) -> str:
    return f"{format_money(amount)} an hour"


# --- amounts as a screen reader should say them ---

def amount_in_words(amount: Decimal) -> str:
    """£1,234.56 -> '1,234 pounds 56 pence'; £12.00 -> '12 pounds'; £0.50 -> '50 pence'; £1.01 -> '1 pound 1
    penny'; -£3.20 -> 'minus 3 pounds 20 pence'. Figures stay figures (a screen reader says them well);
    the words say that they are money, which a bare '£14.80' in a table cell does not."""
    pence = int((abs(amount) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    pounds, pence = divmod(pence, 100)
    parts = []
    if pounds or not pence:
        parts.append(f"{pounds:,} pound{'' if pounds == 1 else 's'}")
    if pence:
        parts.append(f"{pence} {'penny' if pence == 1 else 'pence'}")
    return ("minus " if amount < 0 and (pounds or pence) else "") + " ".join(parts)


_AMOUNT = re.compile(r"(-?)£(\d[\d,]*(?:\.\d+)?)")


def amounts_in_words(text: str) -> str:
    """Every amount in pounds in `text` said in words: 'Cost: £1,234.50' -> 'Cost: 1,234 pounds 50 pence'."""
    def spoken(match: re.Match) -> str:
        try:
            value = Decimal(match.group(2).replace(",", ""))
        except InvalidOperation:
            return match.group(0)
        return amount_in_words(-value if match.group(1) else value)

    return _AMOUNT.sub(spoken, text)


# --- backups (storage.safekeeping.BackupSummary) ---

BACKUP_KINDS = {
    "daily": "Daily backup",
    "before-upgrade": "Taken before an upgrade",
    "before-restore": "Taken before a restore",
    "before-encrypting": "Taken before encrypting",
    "manual": "Made when asked",
}


def file_size(size: int) -> str:
    """2_345_678 -> '2.3 MB'; 780_000 -> '780 KB'."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} KB"


def backup_made(summary) -> str:
    """'1 December 2026 at 09:00'."""
    if summary.made_at is None:
        return "date not known"
    return f"{format_date(summary.made_at.date())} at {summary.made_at:%H:%M}"


def backup_contents(summary) -> str:
    """What a backup holds, or why it cannot be put back, as one sentence."""
    if summary.problem is not None:
        return summary.message
    if not summary.employers:
        return "No employers yet."
    names = list(summary.employers)
    employers = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    pas = f"{summary.pa_count} PA{'' if summary.pa_count == 1 else 's'}"
    paid = (f"the latest finalised pay run was for {format_date(summary.latest_pay_date)}" if summary.latest_pay_date
            else "no finalised pay runs")
    return f"{employers}; {pas}; {paid}."


def backup_sentence(summary) -> str:
    """'Daily backup, 1 December 2026 at 09:00, 780 KB, encrypted: Ruth Ames; 2 PAs; …'."""
    locked = ", encrypted" if summary.encrypted else ""
    return (f"{BACKUP_KINDS.get(summary.kind, summary.kind)}, {backup_made(summary)}, {file_size(summary.size)}{locked}: "
            f"{backup_contents(summary)}")


def standing_lines(standing) -> list[tuple[str, str]]:
    """What the PA page says about one PA's pay: (status, sentence) pairs, most important first."""
    check = standing.check
    lines: list[tuple[str, str]] = []
    minimum = check.minimum_hourly_rate
    lines.append(("info", f"Legal minimum today: {per_hour(minimum)} ({band_label(check.band, standing.nlw_age)})."))
    rate = standing.current_rate
    if rate is None:
        lines.insert(0, ("missing", "Missing: add an hourly rate to check their pay against the legal minimum."))
        return lines
    if check.meets_minimum:
        extra = rate - minimum
        above = f", {per_hour(extra)} above it" if extra > 0 else ""
        lines.insert(0, ("ok", f"Meets the legal minimum: paid {per_hour(rate)}{above}."))
    else:
        lines.insert(0, ("below", f"Below the legal minimum by {per_hour(minimum - rate)}. Raise their rate to at least "
                                  f"{per_hour(minimum)} now, and pay what they are owed for past pay periods."))
    lines.extend(_real_living_wage_lines(standing))
    if standing.care_wage_benchmark and check.care_wage_rate is not None:
        if check.meets_care_wage:
            lines.append(("ok", f"Meets the National Minimum Care Wage campaign figure of {per_hour(check.care_wage_rate)}."))
        else:
            lines.append(("info", f"Below the National Minimum Care Wage campaign figure of {per_hour(check.care_wage_rate)} "
                                  f"by {per_hour(check.care_wage_rate - rate)}. This is a campaign aim, not the law."))
    if check.provisional:
        lines.append(("provisional", "Provisional: a figure used here is not yet confirmed by the government."))
    return lines


def _real_living_wage_lines(standing) -> list[tuple[str, str]]:
    check, rate = standing.check, standing.current_rate
    required = check.real_living_wage_hourly_rate
    if required is None:
        return [("info", "The Real Living Wage is for workers aged 18 and over.")] if check.band == "under-18" else []
    lines = []
    if rate >= required:
        lines.append(("ok", f"Meets the Real Living Wage of {per_hour(required)}."))
    else:
        follow = " You chose to follow it, so raise their rate." if standing.follows_real_living_wage else (
            " Paying it is your choice: it is not the law.")
        status = "below" if standing.follows_real_living_wage else "info"
        lines.append((status, f"Below the Real Living Wage of {per_hour(required)} by {per_hour(required - rate)}.{follow}"))
    latest = check.real_living_wage_latest_rate
    if latest is not None and latest != required and check.real_living_wage_pay_by is not None:
        lines.append(("info", f"The Real Living Wage rises to {per_hour(latest)}; Living Wage employers pay it by "
                              f"{format_date(check.real_living_wage_pay_by)}."))
    return lines


def wage_warning_sentence(pa_name: str, warning, age_then: int, nlw_age: int = 21) -> str:
    """One warning about a PA's pay, with what to do next."""
    day = format_date(warning.on)
    now = per_hour(warning.current_rate)
    new = per_hour(warning.rate)
    note = " This figure is provisional until the government confirms it." if warning.provisional else ""
    if warning.code == NMW_APRIL_RISE_BELOW:
        return (f"From {day} you need to pay {pa_name} at least {new} ({band_label(warning.band, nlw_age)}). "
                f"They are paid {now} now: raise their rate from the first pay period starting on or after {day}.{note}")
    if warning.code == BAND_CHANGE_BIRTHDAY:
        raise_it = f" They are paid {now} now: raise their rate by then." if warning.current_rate < warning.rate else ""
        return (f"{pa_name} turns {age_then} on {day}. From the first pay period starting on or after that day, their "
                f"legal minimum is {new} ({band_label(warning.band, nlw_age)}).{raise_it}{note}")
    if warning.code == APPRENTICE_FIRST_YEAR_ENDS:
        raise_it = f" They are paid {now} now: raise their rate by then." if warning.current_rate < warning.rate else ""
        return (f"{pa_name}'s first apprenticeship year ends on {day}. After that their legal minimum is {new} "
                f"({band_label(warning.band, nlw_age)}).{raise_it}{note}")
    if warning.code == RLW_PAY_BY:
        return (f"The Real Living Wage rises to {new}. As a Living Wage employer, pay {pa_name} at least that by {day}. "
                f"They are paid {now} now.{note}")
    return f"Check {pa_name}'s pay: the legal minimum changes on {day}."


COURSE_NAMES = {
    "moving_and_handling": "Moving and handling",
    "first_aid": "First aid",
    "basic_life_support": "Basic life support",
    "safeguarding_adults": "Safeguarding adults",
    "safeguarding_children": "Safeguarding children",
    "medication": "Medication",
    "infection_prevention_and_control": "Infection prevention and control",
    "food_hygiene": "Food hygiene",
    "fire_safety": "Fire safety",
    "dementia_awareness": "Dementia awareness",
    "mental_health_awareness": "Mental health awareness",
    "learning_disability_and_autism": "Learning disability and autism",
    "data_protection": "Data protection",
}

# Statutory family pay by its code (domain.family_pay kinds, also payslip line codes).
FAMILY_PAY_NAMES = {
    "SMP": "Statutory Maternity Pay", "SPP": "Statutory Paternity Pay", "SAP": "Statutory Adoption Pay",
    "SHPP": "Statutory Shared Parental Pay", "SPBP": "Statutory Parental Bereavement Pay",
}
# What the date a family leave hangs on is called, by kind and whether it is an adoption.
FAMILY_KEY_DATE_NAMES = {"BIRTH": "Date the baby is due", "ADOPTION": "Date matched with the child",
                         "BEREAVEMENT": "Date the child died"}

SHIFT_TYPE_NAMES = {
    "standard": "standard",
    "waking_night": "waking nights",
    "sleep_in": "sleep-ins (time awake)",
    "travel": "travel between visits",
    "training": "training",
    "shadowing": "shadowing or induction",
    "holiday": "holiday",
    "sickness": "sickness",
}

# The choices a person has when adding a line to a PA's pay terms: (label, kind, shift type, multiplier?)
PAY_LINE_CHOICES = (
    ("Hourly rate for all shifts", "hourly", "", False),
    *((f"Hourly rate for {SHIFT_TYPE_NAMES[t]}", "hourly", t, False)
      for t in ("waking_night", "sleep_in", "travel", "training", "shadowing")),
    ("Sleep-in allowance for each night", "sleep_in_allowance", "", False),
    ("Weekend rate an hour", "weekend", "", False),
    ("Weekend pay as a multiple of the basic rate", "weekend", "", True),
    ("Bank holiday rate an hour", "bank_holiday", "", False),
    ("Bank holiday pay as a multiple of the basic rate", "bank_holiday", "", True),
)


def describe_pay_line(entry) -> tuple[str, str]:
    """(what it is, how much) for a line of a PA's pay terms."""
    for label, kind, shift_type, multiple in PAY_LINE_CHOICES:
        if (kind, shift_type, multiple) == (entry.kind, entry.shift_type, entry.multiplier is not None):
            break
    else:
        label = f"{entry.kind.replace('_', ' ').capitalize()} ({SHIFT_TYPE_NAMES.get(entry.shift_type, 'all shifts')})"
    if entry.multiplier is not None:
        return label, f"{entry.multiplier.normalize():f} × the basic rate"
    return label, format_money(entry.amount)


def due_status_word(item, today) -> tuple[str, str]:
    """(status code for the icon, words) for a due item: "Overdue", "Due in 12 days", "Missing", "Check",
    "Done"."""
    if item.status == "ok":
        return "ok", "Done"
    if item.status == "missing":
        return "missing", "Missing"
    if item.status == "warning":
        return "warning", "Check"
    days = item.days_from(today)
    if item.status == "overdue":
        return "below", "Overdue" if days is None else f"Overdue since {format_date(item.due)}"
    if days == 0:
        return "warning", "Due today"
    when = "Due tomorrow" if days == 1 else f"Due in {days} days"
    return "warning", f"{when} ({format_date(item.due)})"


STATUS_ICON = {"overdue": "below", "due_soon": "warning", "missing": "missing", "warning": "warning", "ok": "ok"}
STATUS_WORD = {"overdue": "Overdue", "due_soon": "Due soon", "missing": "Missing", "warning": "Check", "ok": "In date"}


def when_words(item, today) -> str:
    """The date of a due item as a sentence to follow what needs doing: "It was due on 23 September 2026."
    (overdue), "Due on 5 December 2026, in 12 days.", "Due on 7 January 2027." (in date), or ""."""
    if item.due is None:
        return ""
    day = format_date(item.due)
    days = (item.due - today).days
    if item.status == "overdue":
        return f"It was due on {day}."
    if item.status == "due_soon":
        return f"Due on {day}, {'today' if days == 0 else 'tomorrow' if days == 1 else f'in {days} days'}."
    if item.status == "ok":
        return f"Due on {day}."
    if item.status == "missing":
        return f"Needed by {day}."
    return ""


def summary_words(summary, today, within_days: int = 30, *, left_on=None) -> tuple[str, str, str]:
    """(status code for the icon, status word, words) summing up a list of due items, made from
    compliance.summarise of the very items shown: ("below", "To do", "1 overdue, 2 missing.") or ("ok",
    "Nothing to do", "Nothing is overdue, due in the next 30 days, missing or to check. Next, on …").
    `left_on`: the PA left that day, so nothing is due for them."""
    parts = [f"{n} {words}" for n, words in (
        (summary.overdue, "overdue"), (summary.due_soon, f"due in the next {within_days} days"),
        (summary.missing, "missing"), (summary.warning, "to check")) if n]
    if parts:
        return STATUS_ICON[summary.worst], "To do", f"{', '.join(parts)}."
    if left_on is not None:
        text = f"They left on {format_date(left_on)}, so no checks are due for them."
    else:
        text = f"Nothing is overdue, due in the next {within_days} days, missing or to check."
    if summary.next_item is not None:
        _, sentence = due_item_sentence(summary.next_item, today)
        text += f" Next, on {format_date(summary.next_item.due)}: {sentence.split(': ', 1)[1]}"
    return "ok", "Nothing to do", text


def working_time_params(code: str, found: Decimal, limit: Decimal, first: date | None, day: date) -> dict:
    """The figures of a working-time finding (domain.working_time.Finding) as words: a break's minutes,
    an average's hours to one place, others in hours and minutes; the weeks of a reference period."""
    if code == "WORKING_TIME_BREAK_SHORT":
        words = {"found": "no break" if found == 0 else spoken_hours(int(found)), "limit": spoken_hours(int(limit))}
    elif code == "WORKING_TIME_WEEKLY_AVERAGE_OVER":
        words = {"found": f"{found.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)} hours", "limit": f"{limit.normalize():f} hours"}
    else:
        words = {name: spoken_hours(int((value * 60).to_integral_value(rounding=ROUND_HALF_UP)))
                 for name, value in (("found", found), ("limit", limit))}
    if first is not None:
        weeks = ((day - first).days + 1 + 6) // 7
        words["weeks"] = f"{weeks} week{'s' if weeks != 1 else ''}"
    return words


def working_time_sentence(finding, pa_name: str) -> str:
    """A domain.working_time.Finding in plain words, with what to do next."""
    params = working_time_params(finding.code, finding.found, finding.limit, finding.first, finding.day)
    return describe(Problem.of(finding.code, pa_name, due=finding.day, first=finding.first, **params))


def insurance_recorded(insurer: str, policy_number: str, renewal_date: date | None) -> str | None:
    """What is recorded of the employer's liability insurance, naming what is not; None when nothing is
    (each place says that in its own form). The dashboard's details and the compliance report say this."""
    if not (insurer or policy_number or renewal_date):
        return None
    return (f"{insurer or 'Insurer not recorded'}, policy {policy_number or 'not recorded'}, "
            f"renews {format_date(renewal_date) if renewal_date else 'not recorded'}")

def due_item_sentence(item, today, course_names: dict[str, str] | None = None) -> tuple[str, str]:
    """(status code, "Overdue since 3 May 2026: Renew Janet Moyo's DBS check…")."""
    code, word = due_status_word(item, today)
    params = dict(item.params)
    params.setdefault("due", item.due)
    if item.subject is not None:
        names = course_names or COURSE_NAMES
        params.setdefault("course", names.get(item.subject, item.subject.replace("own_", "").replace("_", " ")).lower())
    if item.code.startswith("WORKING_TIME_"):  # domain.working_time: hours, or a break's minutes
        params.update(working_time_params(item.code, params["found"], params["limit"], params.get("first"), item.due))
    if item.code in ("PAY_STEP_DUE", "PAY_STEP_COMING"):  # domain.pay_scale: whole years, the rates in pounds
        years = params["years"]
        params.update(service=f"{years} year{'s' if years != 1 else ''}", new_rate=format_money(params["hourly_rate"]),
                      now_rate=format_money(params["current_rate"]))
    sentence = describe(Problem.of(item.code, item.pa_name, **params))
    return code, f"{word}: {sentence}"


# --- the change history --------------------------------------------------------------------------

_CHECK_NAMES = {"dbs": "DBS check", "right_to_work": "right-to-work check", "reference": "reference",
                "contract": "written statement and induction record"}


def _pay_line_words(facts: dict) -> tuple[str, str]:
    from pa_manager.domain.people import PayRateEntry

    def number(value):
        return None if value is None else Decimal(value)

    entry = PayRateEntry(date.fromisoformat(facts["effective_from"]), number(facts.get("amount")), facts["kind"],
                         facts.get("shift_type", ""), number(facts.get("multiplier")))
    return describe_pay_line(entry)


def change_sentence(change) -> str:
    """'Hourly rate for all shifts for Ann Cole from 1 April 2026: now £13.00 (was £12.71).' for a
    services.history.Change."""
    f, code = change.facts, change.code

    def day(key: str) -> str:
        return format_date(date.fromisoformat(f[key])) if f.get(key) else ""

    if code in ("PAY_RATE_ADDED", "PAY_RATE_CHANGED", "PAY_RATE_REMOVED"):
        label, amount = _pay_line_words(f)
        start = f"{label} for {f['pa']} from {day('effective_from')}"
        if f.get("pay_scale_years") is not None:  # set by a pay run paying the employer's pay scale
            years = f["pay_scale_years"]
            amount = f"{amount} by your pay scale, after {years} year{'' if years == 1 else 's'} with you"
        if code == "PAY_RATE_ADDED":
            return f"{start}: set to {amount}."
        if code == "PAY_RATE_REMOVED":
            return f"{start}: removed (it was {amount})."
        was = Decimal(f["was"])
        was_words = f"{was.normalize():f} × the basic rate" if f.get("multiplier") else format_money(was)
        return f"{start}: now {amount} (was {was_words})."
    if code == "LEAVER_RECORDED":
        reason = f" ({f['reason']})" if f.get("reason") else ""
        return f"Recorded that {f['pa']} leaves on {day('leaving_date')}{reason}."
    if code == "PAY_RUN_FINALISED":
        people = f"{f['people']} PA{'s' if f['people'] != 1 else ''}"
        return (f"Finalised the pay run of {day('pay_date')} for {day('period_start')} to {day('period_end')}: "
                f"{people}, {format_money(Decimal(f['gross_pay']))} gross pay, "
                f"{format_money(Decimal(f['net_pay']))} take-home pay.")
    if code in ("CHECK_SAVED", "CHECK_REMOVED"):
        what = _CHECK_NAMES.get(f["kind"], f["kind"])
        if code == "CHECK_REMOVED":
            return f"Removed {f['pa']}'s {what}."
        dated = f" dated {day('on')}" if f.get("on") else ""
        return f"Recorded {f['pa']}'s {what}{dated}."
    if code == "P45_MADE":
        return f"Made {f['pa']}'s P45 (left on {day('leaving_date')})."
    if code == "P60S_MADE":
        return f"Made the P60s for the {f['tax_year']} tax year: {', '.join(f.get('pas', [])) or 'nobody'}."
    if code == "PA_DATA_EXPORTED":
        return f"Exported everything held about {f['pa']} (a request for their personal data)."
    if code == "PA_ERASED":
        return (f"Erased the personal details of a former PA, now called {f['pa']}, after the time records must be "
                "kept; their pay figures are kept without their name.")
    return code.replace("_", " ").capitalize() + "."


# --- what an action that can be undone did: Edit > Undo <this> ------------------------------------

def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else (many or one + 's')}"


def weekdays_words(weekdays) -> str:
    """'Mon–Fri', 'Sat and Sun', 'Tue, Thu and Sat' (runs of 3 or more days joined with a dash)."""
    runs: list[list[int]] = []
    for day in sorted(weekdays):
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{_DAY_SHORT[run[0]]}–{_DAY_SHORT[run[-1]]}")
        else:
            parts.extend(_DAY_SHORT[d] for d in run)
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


_DAY_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _when(f) -> str:
    return shift_when(f["start"], f["end"])


CATEGORY_NAMES = {
    "council_payment": "Direct payment from the council",
    "personal_contribution": "Your own contribution",
    "other_income": "Other money in",
    "pa_net_pay": "PAs' take-home pay",
    "hmrc_tax_ni": "Tax and National Insurance to HMRC",
    "pension": "Pension contributions",
    "insurance": "Employer's liability insurance",
    "payroll_support_fees": "Payroll or support fees",
    "training": "Training",
    "pa_expenses": "PA expenses",
    "other": "Other spending",
}

MEETING_NAMES = {"supervision": "Supervision", "appraisal": "Appraisal"}


def course_name(key: str, own_name: str = "") -> str:
    """A course's name: its own, or the usual name of a catalogue course (COURSE_NAMES)."""
    return own_name or COURSE_NAMES.get(key, key.replace("_", " ").capitalize())


def _course(f) -> str:
    return course_name(f["course_key"], f["course_name"])


CHECK_NOUNS = {"dbs": "DBS check", "right_to_work": "right-to-work check", "reference": "reference",
               "contract": "contract and induction record"}

_STATEMENT_KINDS = {"statement": "written statement", "change_notice": "notice of a change"}

_PAID_EVERY = {"weekly": "weekly", "fortnightly": "every 2 weeks", "four-weekly": "every 4 weeks", "monthly": "monthly"}

def _iso_range(facts) -> str:
    return date_range(date.fromisoformat(facts["first_day"]), date.fromisoformat(facts["last_day"]))


CARRY_OVER_REASON_NAMES = {
    "sickness": "They were off sick and could not take it",
    "family_leave": "They were on maternity, paternity, adoption or other family leave",
    "employer_did_not_allow": "You did not give them the chance to take it",
    "agreement": "You agreed to carry over some of the 1.6 weeks",
}
BANK_HOLIDAY_CHOICE_NAMES = {
    "included": "Part of the 5.6 weeks' holiday",
    "extra": "Extra days off on top of the 5.6 weeks",
}


_UNDO_TEXTS = {
    "EMPLOYER_PAY_FREQUENCY_CHOSEN": lambda f: f"Pay {f['name']}'s PAs {_PAID_EVERY[f['frequency']]}",
    "STATEMENT_TERMS_CHANGED": lambda f: f"Change the terms for {f['name']}'s written statement",
    "STATEMENT_MADE": lambda f: f"Make {f['name']}'s {_STATEMENT_KINDS[f['kind']]}",
    "STATEMENT_GIVEN": lambda f: f"Record {f['name']}'s {_STATEMENT_KINDS[f['kind']]} as given",
    "PAY_SCALE_SAVED": lambda f: f"Save {f['name']}'s pay scale",
    "HOLIDAY_BOOKED": lambda f: f"Book holiday for {f['name']}, {_iso_range(f)}",
    "HOLIDAY_BOOKING_CANCELLED": lambda f: f"Cancel {f['name']}'s holiday, {_iso_range(f)}",
    "HOLIDAY_CARRIED_OVER": lambda f: f"Carry over {f['hours']} hours of {f['name']}'s holiday",
    "FAMILY_LEAVE_SAVED": lambda f: f"Save {f['name']}'s {FAMILY_PAY_NAMES.get(f['kind'], 'family leave')}",
    "FAMILY_LEAVE_REMOVED": lambda f: f"Remove {f['name']}'s {FAMILY_PAY_NAMES.get(f['kind'], 'family leave')}",
    "EARNINGS_ORDER_SAVED": lambda f: f"Record attachment of earnings order {f['reference']} for {f['name']}",
    "EARNINGS_ORDER_STOPPED": lambda f: f"Stop attachment of earnings order {f['reference']} for {f['name']}",
    "SICK_PAY_SCHEME_SAVED": lambda f: f"Save {f['name']}'s sick pay scheme",
    "FPS_SENT_RECORDED": lambda f: (f"Record that the FPS for {format_date(date.fromisoformat(f['pay_date']))} "
                                    + ("reached HMRC" if f["how"] == "FILE_SENT" else "was sent with Basic PAYE Tools")),
    "EMPLOYER_ADDED": lambda f: f"Add employer {f['name']}",
    "EMPLOYER_CHANGED": lambda f: f"Change {f['name']}'s employer details",
    "EMPLOYER_DUTIES_CHANGED": lambda f: f"Change {f['name']}'s duties as an employer",
    "EMPLOYER_REMOVED": lambda f: f"Remove employer {f['name']}",
    "EMPLOYER_IMPORTED": lambda f: f"Import employer {f['name']}",
    "PA_ADDED": lambda f: f"Add {f['name']}",
    "PA_CHANGED": lambda f: f"Change {f['name']}'s details",
    "PA_LEAVING_RECORDED": lambda f: f"Record {f['name']} as leaving",
    "STAFF_IMPORTED": lambda f: f"Import {_count(f['count'], 'PA')}",
    "SHIFT_ADDED": lambda f: f"Add {f['name']}'s shift on {_when(f)}",
    "SHIFT_CHANGED": lambda f: f"Change {f['name']}'s shift on {_when(f)}",
    "SHIFT_REMOVED": lambda f: f"Remove {f['name']}'s shift on {_when(f)}",
    "SHIFTS_MARKED_WORKED": lambda f: (f"Mark {f['name']}'s shift on {_when(f)} as worked" if f["count"] == 1
                                       else f"Mark {_count(f['count'], 'shift')} as worked"),
    "SHIFTS_COPIED": lambda f: f"Copy {_count(f['count'], 'shift')} from the week before",
    "SHIFTS_IMPORTED": lambda f: f"Import {_count(f['count'], 'shift')}",
    "ROTA_SHIFT_CANCELLED": lambda f: f"Cancel {f['name']}'s planned shift on {_when(f)}",
    "ROTA_SHIFT_COVERED": lambda f: f"Record {f['cover']} covering {f['name']}'s shift on {_when(f)}",
    "ROTA_PATTERN_ADDED": lambda f: f"Add {_pattern(f)} to the rota",
    "ROTA_PATTERN_CHANGED": lambda f: f"Change {_pattern(f)} on the rota",
    "ROTA_PATTERN_REMOVED": lambda f: f"Remove {_pattern(f)} from the rota",
    "CHECK_ADDED": lambda f: f"Add {f['name']}'s {CHECK_NOUNS[f['kind']]}",
    "CHECK_CHANGED": lambda f: f"Change {f['name']}'s {CHECK_NOUNS[f['kind']]}",
    "CHECK_REMOVED": lambda f: f"Remove {f['name']}'s {CHECK_NOUNS[f['kind']]}",
    "TRAINING_RECORDED": lambda f: f"Record {f['name']}'s {_course(f).lower()} training",
    "TRAINING_RECORD_REMOVED": lambda f: f"Remove {f['name']}'s {_course(f).lower()} record",
    "COURSE_ADDED": lambda f: f"Add the course {_course(f)}",
    "COURSE_CHANGED": lambda f: f"Change the course {_course(f)}",
    "COURSE_REMOVED": lambda f: f"Remove the course {_course(f)}",
    "REQUIRED_COURSES_CHANGED": lambda f: f"Change the courses {f['name']} needs",
    "MEETING_ADDED": lambda f: f"Add {f['name']}'s {MEETING_NAMES[f['kind']].lower()} on {format_date(f['held_on'])}",
    "MEETING_REMOVED": lambda f: (f"Remove {f['name']}'s {MEETING_NAMES[f['kind']].lower()} on "
                                  f"{format_date(f['held_on'])}"),
    "CARE_CERTIFICATE_CHANGED": lambda f: f"Change {f['name']}'s Care Certificate progress",
    "BUDGET_YEAR_ADDED": lambda f: f"Add the {f['label']} budget year",
    "BUDGET_YEAR_CHANGED": lambda f: f"Change the {f['label']} budget year",
    "BUDGET_YEAR_REMOVED": lambda f: f"Remove the {f['label']} budget year",
    "LEDGER_ENTRY_ADDED": lambda f: f"Add {CATEGORY_NAMES[f['category']].lower()} of {format_money(f['amount'])}",
    "LEDGER_ENTRY_CHANGED": lambda f: "Change an entry",
    "LEDGER_ENTRY_REMOVED": lambda f: "Remove an entry",
    "BANK_STATEMENT_IMPORTED": lambda f: f"Import {_count(f['count'], 'line')} from a bank statement",
    "STATEMENT_BALANCE_RECORDED": lambda f: f"Record the bank balance on {format_date(f['on'])}",
    "PAY_EXTRA_ADDED": lambda f: f"Add {_EXTRA_WORDS.get(f['kind'], 'an extra')} for {f['name']}",
    "PAY_EXTRA_REMOVED": lambda f: f"Remove {f['description']}",
    "ARREARS_ADDED": lambda f: f"Add minimum-wage arrears of {format_money(f['total'])}",
    "MINIMUM_WAGE_REASON_RECORDED": lambda f: f"Record why {f['name']} is paid below the minimum",
    "VACANCY_ADDED": lambda f: f"Add the {f['title'].lower()} vacancy",
    "VACANCY_CHANGED": lambda f: f"Change the {f['title'].lower()} vacancy",
    "INTERVIEW_QUESTIONS_CHOSEN": lambda f: f"Choose the interview questions for the {f['title'].lower()} vacancy",
    "APPLICANT_ADDED": lambda f: f"Add {f['name']} as an applicant",
    "APPLICANT_CHANGED": lambda f: f"Change {f['name']}'s details",
    "INTERVIEW_SCORED": lambda f: f"Score {f['name']}'s interview",
    "APPLICANT_DECIDED": lambda f: f"Record the decision about {f['name']}",
    "OFFER_MADE": lambda f: f"Offer the job to {f['name']}",
    "OFFER_ACCEPTED": lambda f: f"Take on {f['name']}",
    "APPLICANTS_ERASED": lambda f: f"Erase the details of {_count(f['count'], 'applicant')}",
    "INDUCTION_PLAN_MADE": lambda f: f"Make {f['name']}'s induction plan",
    "INDUCTION_TOPIC_ADDED": lambda f: f"Add to {f['name']}'s induction plan",
    "INDUCTION_ITEM_DONE": lambda f: f"{'Tick off' if f['done'] else 'Untick'} part of {f['name']}'s induction",
    "PROBATION_REVIEWED": lambda f: f"Record {f['name']}'s probation review",
    "EXIT_RECORD_KEPT": lambda f: f"Keep {f['name']}'s exit record",
    "HR_CASE_OPENED": lambda f: f"Open a case about {f['name']}",
    "HR_CASE_STEP_ADDED": lambda f: f"Add a step to a case about {f['name']}",
    "HR_CASE_CLOSED": lambda f: f"Close a case about {f['name']}",
}

# What each kind of pay-day extra (domain.pay_period.EXTRA_KINDS) is called in "Add ... for Ann Cole".
_EXTRA_WORDS = {"addition": "expenses", "deduction": "a deduction", "overpayment": "an overpayment recovery",
                "bonus": "a bonus", "back_pay": "back pay", "arrears": "minimum-wage arrears"}


def _pattern(f) -> str:
    return f"{f['name'] or 'a PA'}'s {f['pattern']} ({weekdays_words(f['weekdays'])})"


def undo_text(change) -> str:
    """What a services.undo.Change did, as Edit > Undo and Redo name it: "Add Ann Cole"."""
    words = _UNDO_TEXTS.get(change.code)
    return words(change.facts) if words else change.code.replace("_", " ").capitalize()


def undo_codes() -> set[str]:
    return set(_UNDO_TEXTS)


# --- pay that needs doing (the dashboard and `due`) ----------------------------------------------------

UNPAID_WORK = "UNPAID_WORK"
PENSION_ENROL_NOW = "PENSION_ENROL_NOW"
BELOW_MINIMUM_WAGE = "BELOW_MINIMUM_WAGE"


def unpaid_work_sentence(unpaid) -> tuple[str, str]:
    """(status, sentence) for worked hours in no finalised pay run (services.pay_runs.UnpaidWork): a
    warning once the pay day that should have paid them has passed, else still to pay on it."""
    hours = spoken_hours(int(unpaid.hours * 60))
    when = date_range(unpaid.first_day, unpaid.last_day)
    if unpaid.overdue:
        return "warning", (f"Not paid yet: {hours} worked by {unpaid.pa_name} ({when}) are in no finalised pay run. "
                           f"Pay them on {format_date(unpaid.pay_date)}.")
    return "info", (f"To pay on {format_date(unpaid.pay_date)}: {hours} worked by {unpaid.pa_name} ({when}), "
                    "not paid yet.")


def enrolment_sentence(enrol) -> tuple[str, str]:
    """(status, sentence) for a PA the last pay run found must be enrolled in the workplace pension."""
    return "warning", (f"Enrol {enrol.pa_name} in your workplace pension: the pay run of {format_date(enrol.found_on)} "
                       "found the law says they must be. Write to tell them, then record it on the People page.")


def below_minimum_sentence(standing) -> tuple[str, str]:
    """(status, sentence) for a PA paid below the legal minimum today (services.wages.WageStanding)."""
    shortfall = standing.check.minimum_hourly_rate - standing.current_rate
    return "below", (f"Below the legal minimum: {standing.pa_name} is paid {per_hour(standing.current_rate)}, "
                     f"{format_money(shortfall)} less than the {per_hour(standing.check.minimum_hourly_rate)} "
                     "they must get. Raise their rate now.")


# --- statutory family pay (domain.family_pay, services.family_leave) ---

def family_pay_week_text(week) -> str:
    """One week of statutory family pay, for a list: 'Week 1, 30 August to 5 September 2026: £360.00
    (90% of average weekly earnings)'."""
    why = "90% of average weekly earnings" if week.basis == "EARNINGS_RELATED" else "the standard weekly rate"
    if week.provisional:
        why += ", to be confirmed: the rate for this tax year is not yet published"
    return (f"Week {week.number}, {week.first.day} {week.first:%B} to {format_date(week.last)}: "
            f"£{week.weekly_rate:,.2f} ({why})")


def family_leave_text(record) -> str:
    """A recorded leave in one line: 'Statutory Maternity Pay from 30 August 2026: 39 weeks, £7,873.68 in
    all' or, when none is due, why."""
    name = FAMILY_PAY_NAMES.get(record.leave.kind, record.leave.kind)
    start = format_date(record.leave.pay_start)
    if not record.pay.eligibility.entitled:
        return f"{name} from {start}: none due. " + describe(Problem(record.pay.eligibility.codes[0], record.pa_name))
    weeks = len(record.pay.weeks)
    return f"{name} from {start}: {weeks} week{'s' if weeks != 1 else ''}, £{record.pay.total:,.2f} in all"


# --- attachment of earnings orders ---------------------------------------------------------------

def earnings_order_text(order) -> str:
    """One order in a line: services.earnings_orders.OrderRecord in words."""
    d = order.details
    court = f" from {d.issued_by}" if d.issued_by else ""
    rates = (f"{format_money(d.normal_deduction_rate)} {EARNINGS_ORDER_PERIODS[d.rate_period]}, protected earnings "
             f"{format_money(d.protected_earnings_rate)} {EARNINGS_ORDER_PERIODS[d.rate_period]}")
    when = (f"stopped {format_date(order.end_date)}" if order.end_date
            else f"from {format_date(d.start_date)}")
    paid = f"{format_money(order.deducted)} paid so far"
    if order.left_to_pay is not None:
        paid += f", {format_money(order.left_to_pay)} left to pay"
    if order.carried.arrears:
        paid += f", {format_money(order.carried.arrears)} not yet taken"
    return f"Order {d.reference}{court} ({EARNINGS_ORDER_KINDS[d.kind].lower()}), {rates}, {when}: {paid}."


def earnings_order_pay_day_text(paid) -> str:
    """One pay day under an order (services.earnings_orders.PaidUnder) in words."""
    fee = f", {format_money(paid.fee)} fee" if paid.fee else ""
    return (f"{format_date(paid.pay_date)}: {format_money(paid.deducted)} to the court{fee} "
            f"(pay after tax, NI and pension {format_money(paid.attachable)})")


# --- an earlier payroll's figures to date (domain.earlier_payroll) -------------------------------

EARLIER_PAYROLL_FIGURES = {
    "taxable_pay": "Taxable pay to date",
    "tax": "Tax to date",
    "ni_pay": "NI-able pay to date",
    "at_lel": "Earnings at the lower earnings limit",
    "lel_to_pt": "Earnings above it to the primary threshold",
    "pt_to_uel": "Earnings above that to the upper earnings limit",
    "employee_ni": "Employee's NI to date",
    "employer_ni": "Employer's NI to date",
    "student_loan": "Student Loan to date",
    "postgraduate_loan": "Postgraduate Loan to date",
}


def earlier_payroll_lines(pa) -> list[str]:
    """A PA's earlier payroll (domain.people.PARecord) in lines: its last pay day and figures to date."""
    last_paid = pa.earlier_payroll_last_paid
    if last_paid is None:
        return [f"{pa.name}: PA Manager has paid them from the start (no earlier payroll recorded)."]
    lines = [f"{pa.name}: last paid by the earlier payroll on {format_date(last_paid)}."]
    for name, words in EARLIER_PAYROLL_FIGURES.items():
        value = getattr(pa, "earlier_payroll_" + name)
        lines.append(f"  {words}: {'not recorded' if value is None else format_money(value)}")
    return lines
