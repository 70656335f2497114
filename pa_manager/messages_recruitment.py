"""Sentences for the codes of taking on and keeping PAs (written statements, recruitment, induction),
merged into pa_manager.messages.MESSAGES. Same rules as there: {value} is the value the Problem
carries (for a dashboard item, the PA's name), other names are its details."""

MESSAGES = {
    # --- the written statement's choices (domain.particulars.check_terms) ---
    "TERMS_FIXED_TERM_END_MISSING":
        "Enter the date a fixed-term job ends, or choose another kind of job.",
    "TERMS_NOTICE_BELOW_LAW":
        "Enter a notice period of at least what the law sets.",
    "TERMS_NUMBER_OUT_OF_RANGE":
        "Enter a whole number from {low} to {high}.",
    "TERMS_CONTINUOUS_AFTER_START":
        "Continuous employment cannot start after the job starts on {start_date}: enter that date or an earlier one.",
    "TERMS_CHOICE_UNKNOWN":
        "Choose one of the options in the list.",
    "TERMS_CHANGED_ELSEWHERE":
        "Someone else changed the terms for {value}'s written statement since you opened them, so your changes were "
        "not saved – open them again to see the latest.",
    "STATEMENT_NO_START_DATE":
        "Record {value}'s start date on the People page first: the statement must say when the job starts.",
    "STATEMENT_NO_PAY_RATE":
        "Record {value}'s hourly rate on the People page first: the statement must say what they are paid.",
    "STATEMENT_TOO_OLD":
        "This statement was made on {as_at}, and the law asks for terms as they stood no more than 7 days before a "
        "statement is given, so make a new one and give that instead.",
    "STATEMENT_GIVEN_BEFORE_MADE":
        "Enter a date on or after {made_on}, the day this was made.",
    "STATEMENT_SIGNED_BEFORE_GIVEN":
        "Enter a signing date on or after the day it was given, {given_on}.",
    "STATEMENT_NOTHING_CHANGED":
        "Nothing in {value}'s terms has changed since the statement they were given, so there is no change to tell "
        "them about.",
    "STATEMENT_NONE_GIVEN":
        "Give {value} a written statement first: a notice of a change is about a statement they already have.",
    "YOUNG_WORKER_NIGHT_WORK":
        "The rota has {value} working at night, which the law allows for someone under 18 only in a few cases such as "
        "an emergency: change their rota on the Hours page.",
    "YOUNG_WORKER_LONG_SHIFT":
        "The rota has {value} working more than 8 hours a day or 40 hours a week, which the law does not allow for "
        "someone under 18: change their rota on the Hours page.",
    # --- recruitment (domain.recruitment) ---
    "VACANCY_TITLE_MISSING":
        "Enter the job title, for example Personal assistant.",
    "VACANCY_NO_TASKS":
        "Tick at least one task, or describe the job in your own words.",
    "VACANCY_RATE_MISSING":
        "Enter the hourly rate, like 13.50.",
    "VACANCY_HOURS_MISSING":
        "Enter the hours a week, add the shifts, or tick irregular hours.",
    "VACANCY_CLOSING_BEFORE_OPENING":
        "Enter a closing date on or after the day the vacancy opens.",
    "VACANCY_RETENTION_RANGE":
        "Enter a number of months from 1 to 24.",
    "APPLICANT_NAME_MISSING":
        "Enter the applicant's name.",
    "APPLICANT_CONTACT_MISSING":
        "Enter an email address or a phone number, so you can reply to them.",
    "APPLICANT_SOURCE_UNKNOWN":
        "Choose where they heard about the job.",
    "DECISION_REASONS_MISSING":
        "Say why, in a sentence or two: it helps you answer them fairly and shows your decision was made on the "
        "evidence.",
    "OFFER_RATE_MISSING":
        "Enter the hourly rate you are offering, like 13.50.",
    "OFFER_START_MISSING":
        "Enter the day they would start.",
    "OFFER_HOURS_MISSING":
        "Enter the hours a week, or tick irregular hours.",
    "OFFER_ACCEPTED_BEFORE_MADE":
        "Enter a date on or after the day you made the offer.",
    # --- induction and probation (domain.induction) ---
    "PROBATION_EXTENDED_TO_MISSING":
        "Enter the new day the probation ends.",
    "PROBATION_EXTENDED_TO_EARLY":
        "Enter a new end after the day of the review and after the probation would have ended.",
    "PROBATION_OUTCOME_UNKNOWN":
        "Choose what you decided.",
    "INDUCTION_COURSE_ON_TRAINING_PAGE":
        "Record {value} on the Training page, with its date and certificate: the plan then shows it as done.",
    # --- keeping good PAs (domain.keeping) ---
    "EXIT_NOT_A_LEAVER":
        "Record {value} as a leaver on the People page first, then keep a note of why they left.",
    "EXIT_REASON_UNKNOWN":
        "Choose the main reason they left.",
    # --- disciplinary and grievance cases (domain.cases) ---
    "CASE_KIND_UNKNOWN":
        "Choose whether it is a disciplinary case or a grievance.",
    "CASE_SUMMARY_MISSING":
        "Say in a sentence or two what the case is about.",
    "CASE_STEP_UNKNOWN":
        "Choose what kind of step it was.",
    "CASE_STEP_BEFORE_OPENING":
        "Enter a date on or after the day the case was opened.",
    "CASE_OUTCOME_UNKNOWN":
        "Choose how the case ended.",
    "CASE_CLOSED_BEFORE_OPENING":
        "Enter a date on or after the day the case was opened.",
    # --- What needs doing ---
    "STATEMENT_CHANGE_DUE":
        "Give {value} a written notice of the change to their {what} (or a new written statement): the law asks "
        "for it within a month of the change.",
    "PROBATION_REVIEW_DUE":
        "Review how {value}'s probation has gone, and tell them in writing whether their job is confirmed.",
    "PAY_STEP_DUE":
        "Add a new hourly rate for {value} on the People page: from {due}, after {service} with you, your pay "
        "scale says {new_rate} an hour (now {now_rate}).",
    "PAY_STEP_COMING":
        "Tell {value} that from {due}, after {service} with you, your pay scale pays them {new_rate} an hour "
        "(now {now_rate}): pay runs pay it for you.",
    # --- the employer's pay scale (domain.pay_scale.check_steps) ---
    "PAY_SCALE_YEARS_OUT_OF_RANGE":
        "Enter the years of service as a whole number from 0 to 50.",
    "PAY_SCALE_YEARS_REPEATED":
        "Each number of years may have only one step: change this one or clear it.",
    "PAY_SCALE_RATE_NOT_POSITIVE":
        "Enter an hourly rate in pounds above £0, like 12.71.",
    "PAY_SCALE_RATE_NOT_PENCE":
        "Enter the hourly rate in pounds and pence, like 12.71.",
    "PAY_SCALE_RATE_FALLS":
        "Enter a rate at least that of the steps with fewer years: a pay scale never goes down.",
    # --- the employer's sick pay scheme (domain.occupational_sick_pay.check_scheme) ---
    "SICK_PAY_SCHEME_WEEKS_OUT_OF_RANGE":
        "Enter the weeks as a whole number from 0 to 52.",
    "SICK_PAY_SCHEME_MONTHS_OUT_OF_RANGE":
        "Enter the months of service as a whole number from 0 to 60.",
    "SICK_PAY_SCHEME_WAITING_OUT_OF_RANGE":
        "Enter the waiting days as a whole number from 0 to 7.",
    "SICK_PAY_SCHEME_PAYS_NOTHING":
        "Enter some weeks at full or half pay, or remove the scheme so only Statutory Sick Pay is paid.",
    "PAY_SCALE_ROW_HALF_FILLED":
        "Enter both the years and the hourly rate for this step, or clear both.",
    "APPLICANT_DETAILS_ERASE":
        "Erase the details of the applicants you did not take on for the {value} job ({count} of them): you chose to "
        "keep them only until then.",
}
