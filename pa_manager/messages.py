"""The plain-English sentence for each problem code: the only place such wording lives.

Domain code reports what is wrong as a `Problem` (pa_manager.domain.validation) carrying a code,
the value as given, and named details. `describe(problem)` turns it into one short sentence for
the person using the app, in GOV.UK style: addressed to "you", saying what is wrong and what to do.

Adding codes for another area: add entries to MESSAGES below, in a block headed by the area.
  * The key is the code, in UPPER_SNAKE_CASE, starting with the area's word (NI_, RATE_, ...).
  * The value is a str.format template of ONE sentence. It may use {value} (what was entered) and
    any name the code's Problem carries in `params`; dates are shown as "6 April 2026", and other
    values keep their type, so format specs work (a Decimal ceiling as "£{ceiling:,}").
  * Any example in a sentence must itself pass the matching check: people copy examples.
  * Write "must", not "should"; no "please", no "invalid", numbers as numerals.
Then add a test that every code your module can return has an entry: `missing_messages(codes)`
must be empty, and `describe(problem, strict=True)` must work for a real Problem of each code
(see tests/domain/test_validation.py). Without an entry, describe() shows FALLBACK rather than fail.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, Iterable

from pa_manager.domain.shifts import to_london
from pa_manager.domain.validation import Problem

MESSAGES: dict[str, str] = {
    # --- Identifiers (pa_manager.domain.validation) ---
    "NI_NUMBER_FORMAT":
        "Enter a National Insurance number in the right format, like AB 12 34 56 C – "
        "you can find it on a payslip or P60.",
    "NI_NUMBER_PREFIX":
        "A National Insurance number cannot start with {prefix}, so check the first 2 letters "
        "against a payslip or P60.",
    "NI_NUMBER_SUFFIX":
        "The last letter of a National Insurance number must be A, B, C or D – "
        "check it against a payslip or P60.",
    "NI_NUMBER_PLACEHOLDER":
        "Leave the National Insurance number blank until you know it, rather than entering "
        "a made-up number like AA 00 00 00 A.",
    "PAYE_REFERENCE_FORMAT":
        "Enter your employer PAYE reference as 3 numbers, a slash, then letters and numbers, "
        "like 123/AB45678 – it is on letters from HMRC about PAYE.",
    "ACCOUNTS_OFFICE_REFERENCE_FORMAT":
        "Enter your Accounts Office reference as 13 characters with no spaces, like 123PF00045678 – "
        "it is on the letter HMRC sent when you registered as an employer.",
    "ACCOUNTS_OFFICE_REFERENCE_CHECK":
        "Check your Accounts Office reference against your letter from HMRC, as one of the "
        "characters is not right.",
    "POSTCODE_FORMAT":
        "Enter a UK postcode in the right format, like SW1A 2AA.",
    "DBS_CERTIFICATE_FORMAT":
        "Enter the DBS certificate number as the 12 numbers printed on the certificate.",
    "EMAIL_FORMAT":
        "Enter an email address in the right format, like name@example.com.",
    "PHONE_FORMAT":
        "Enter a UK phone number of 10 or 11 digits, like 07700 900982, or for a number abroad "
        "start with + and the country code.",
    "SORT_CODE_FORMAT":
        "Enter the sort code as 6 numbers, like 12-34-56 – it is on a bank card or statement.",
    "ACCOUNT_NUMBER_FORMAT":
        "Enter the account number as 8 numbers, like 12345678 – if the bank gave a shorter or longer "
        "number, ask the bank for the 8-number form to use for payments.",
    "ROLL_NUMBER_FORMAT":
        "Enter the building society roll number as up to 18 letters, numbers, spaces, full stops, "
        "hyphens or slashes, like 1234/56789.",
    "SERVICE_USER_NUMBER_FORMAT":
        "Enter the Bacs service user number as the 6 characters your bank gave you, like 123456, or "
        "leave it blank.",
    # --- Dates ---
    "DATE_ORDER":
        "Enter a date that is the same as or after {earlier}.",
    "DATE_OF_BIRTH_TOO_YOUNG":
        "Check the date of birth, as the person you employ must be at least {minimum_age} "
        "on {on}.",
    "DATE_OF_BIRTH_IMPLAUSIBLE":
        "Check the year in the date of birth – it must be a date in the past, within the last "
        "{maximum_age} years.",
    "DATE_OUT_OF_RANGE":
        "Check the year in {value} – a date must be in a year from {first} to {last}.",
    "LEAVING_BEFORE_START":
        "Enter a leaving date that is the same as or after the start date, {start}.",
    # --- Rates and amounts ---
    "RATE_NOT_A_NUMBER":
        "Enter the rate as an amount of money, like £12.50.",
    "RATE_NOT_POSITIVE":
        "Enter a rate of more than £0.",
    "RATE_TOO_MANY_DECIMALS":
        "Enter the rate in pounds and pence, with no more than 2 numbers after the decimal point.",
    "RATE_IMPLAUSIBLE":
        "Check the rate, as it must be less than £{ceiling:,} an hour – you may have entered "
        "a weekly or monthly amount.",
    # --- Records (pa_manager.domain.record_checks, services) ---
    "NAME_MISSING":
        "Enter a name.",
    "EMPLOYER_NAME_TAKEN":
        "There is already an employer called {value} – use a different name, for example with a middle initial.",
    "PA_NAME_TAKEN":
        "There is already a PA called {value} for this employer – use a different name, for example with a middle initial.",
    "NI_CATEGORY_UNKNOWN":
        "Choose an NI category letter: A, B, C, H, J, M or Z – most people are A.",
    "APPRENTICESHIP_START_MISSING":
        "Enter the date the apprenticeship started, as it decides the minimum wage an apprentice must get.",
    "PAY_KIND_UNKNOWN":
        "Choose what the pay line is for: an hourly rate, a sleep-in allowance, or weekend or bank holiday pay.",
    "PAY_MULTIPLIER_NOT_ALLOWED":
        "Only weekend and bank holiday pay can be a multiple of the basic rate – enter an amount in pounds instead.",
    "PAY_MULTIPLIER_INVALID":
        "Enter the multiple of the basic rate as a number from 1 to 5, like 1.5 for time and a half.",
    "P45_AMOUNT_INVALID":
        "Enter the amount from the P45 in pounds and pence, like 4250.00.",
    "P45_PAY_MISSING":
        "Enter the pay from the P45 as well as the tax.",
    "PENSION_FROM_MISSING":
        "Enter the date they became a member of the workplace pension.",
    "NOTICE_WEEKS_INVALID":
        "Enter the notice in their contract as whole weeks, from 0 to 52.",
    "WEEK_PAY_INVALID":
        "Enter a week's pay in pounds and pence, like 350.00, or leave it blank to use their usual pay.",
    "EARLIER_PAYROLL_DATE_INVALID":
        "Enter the last pay day your earlier payroll reported to HMRC for them, not after today and not "
        "before they started, or leave it blank if PA Manager has paid them from the start.",
    "EARLIER_PAYROLL_AMOUNT_INVALID":
        "Enter the figure to date from your earlier payroll in pounds and pence, like 8000.00, and not below "
        "nothing (only the tax to date can be, after a refund).",
    "EARLIER_PAYROLL_TAX_MORE_THAN_PAY":
        "Check the tax to date from your earlier payroll, as it cannot be more than the taxable pay to date.",
    "EARLIER_PAYROLL_NI_BANDS_MORE_THAN_PAY":
        "Check the NI-able pay to date from your earlier payroll, as it cannot be less than its earnings at "
        "the lower earnings limit, up to the primary threshold and up to the upper earnings limit together.",
    "EARLIER_PAYROLL_FIGURES_NEED_DATE":
        "Enter the last pay day your earlier payroll reported for them as well, as its figures to date belong "
        "to that pay day's tax year.",
    "EARLIER_PAYROLL_YEAR_CLOSED":
        "Leave the earlier payroll's figures for {value} blank, as PA Manager has already paid them in the "
        "later tax year {tax_year}, so figures to date for an earlier tax year have nothing left to carry on.",
    "EARLIER_PAYROLL_TAX_YEAR_NOT_LAST_PAID":
        "Give the last pay day your earlier payroll reported in the tax year {value} as well, as figures to "
        "date belong to the tax year of that pay day (recorded now: {last_paid}).",
    "EARLIER_PAYROLL_ALREADY_CARRIED":
        "Leave {value}'s figures from the earlier payroll as they are, as PA Manager has already paid them in "
        "{tax_year}, the tax year they are for (correct any mistake with HMRC through your next FPS instead).",
    "OPT_OUT_IN_FUTURE":
        "Enter the day they signed the opt-out, which cannot be after today, or leave it blank until they sign.",
    # --- working time (domain.working_time; wording.working_time_params fills the figures) ---
    "WORKING_TIME_WEEKLY_AVERAGE_OVER":
        "Plan fewer hours for {value}: they work {found} a week on average in the {weeks} from {first} to {due}, "
        "over the limit of {limit} (unless they choose to sign an opt-out, which you record on the People page).",
    "WORKING_TIME_DAILY_REST_SHORT":
        "Change {value}'s shifts so they have {limit} off in a row: they get at most {found} of rest in a row in "
        "the 24 hours from the start of work on {due}.",
    "WORKING_TIME_WEEKLY_REST_SHORT":
        "Give {value} {limit} off in a row in the week from {due} (the longest rest is {found}): change the rota "
        "or ask another PA to cover a shift.",
    "WORKING_TIME_BREAK_SHORT":
        "Make sure {value} can take a break of at least {limit} in one go in their shift on {due}, and record it "
        "as the shift's unpaid break (it has {found}).",
    "WORKING_TIME_YOUNG_DAY_OVER":
        "Shorten {value}'s shift on {due} or share it with another PA: they are under 18 and work {found}, and "
        "the law allows at most {limit} a day.",
    "WORKING_TIME_YOUNG_WEEK_OVER":
        "Plan fewer hours for {value} in the week from {due}: they are under 18 and work {found}, and the law "
        "allows at most {limit} a week.",
    "NOTICE_AFTER_LEAVING":
        "The day notice was given must be on or before their last working day.",
    "STUDENT_LOAN_PLAN_UNKNOWN":
        "Choose the student loan plan from their starter checklist, P45 or HMRC's start notice: Plan 1, 2, 4 or 5.",
    # --- Holiday year (pa_manager.domain.holiday) ---
    "LEAVE_YEAR_START_INVALID":
        "Choose a day and month for the leave year to start that every year has, like 1 April (not 29 February).",
    "BANK_HOLIDAY_CHOICE_UNKNOWN":
        "Choose whether bank holidays are part of the 5.6 weeks' holiday or extra days off on top.",
    "CARRY_OVER_REASON_UNKNOWN":
        "Choose why the holiday is carried over: sickness, family leave, you did not let them take it, or an agreement.",
    "CARRY_OVER_HOURS_INVALID":
        "Enter the hours to carry over as a number above 0, with no more than 2 numbers after the decimal point.",
    "CARRY_OVER_MORE_THAN_ALLOWED":
        "For this reason the law lets you carry over up to {most} hours from that leave year – enter {most} hours or fewer.",
    "HOLIDAY_BOOKING_DATES_REVERSED":
        "The last day of the holiday must be on or after the first day.",
    "HOLIDAY_BOOKING_HOURS_INVALID":
        "Enter the hours of holiday as a number above 0, with no more than 2 numbers after the decimal point.",
    "HOLIDAY_BOOKING_SPANS_LEAVE_YEARS":
        "Book the holiday inside one leave year ({start} to {end}) – book the days after it separately.",
    "HOLIDAY_BOOKING_OUTSIDE_EMPLOYMENT":
        "Book holiday only for days they work for you – check their start and leaving dates.",
    "HOLIDAY_BOOKING_OVERLAPS":
        "They already have holiday booked on some of these days – change that booking or choose other days.",
    "HOLIDAY_BOOKING_EXCEEDS_BALANCE":
        "They have {left} hours of holiday left this leave year, so book {left} hours or fewer.",
    "HOLIDAY_BOOKING_SHIFTS_EXCEED_BALANCE":
        "Their shifts on the rota on those days come to {shifts} hours, more than the {left} hours of holiday they "
        "have left this leave year – choose fewer days.",
    "HOLIDAY_CARRIED_TO_TAKE":
        "Book the {hours} hours of holiday {value} carried over before they are lost: open their Holiday booking "
        "on the People page (they must be taken by {due}).",
    "HOLIDAY_NO_CONTRACTED_HOURS":
        "Enter their hours a week on their record, so their holiday for the year can be worked out.",
    "HOLIDAY_BOOKING_HOURS_NEEDED":
        "Enter the hours of holiday, as this PA's hours vary and the usual hours cannot be worked out.",
    "CARE_WAGE_UPLIFT_INVALID":
        "Enter the amount above the National Living Wage in pounds and pence, like 1.50.",
    "CONTRACTED_HOURS_INVALID":
        "Enter the hours a week as a number from 0.5 to 168, or tick irregular hours.",
    "DBS_RECHECK_YEARS_INVALID":
        "Choose a new DBS check every {low} to {high} years – many councils ask for one every 3 years.",
    "REFERENCES_REQUIRED_INVALID":
        "Choose from {low} to {high} references to ask for – most employers ask for 2.",
    "PENSION_EMPLOYER_BELOW_MINIMUM":
        "The employer's pension contribution must be at least the legal minimum of {minimum} of qualifying "
        "earnings (the part of pay that pension payments are worked out on).",
    "PENSION_TOTAL_BELOW_MINIMUM":
        "The employer's and the PA's pension contributions must add up to at least the legal minimum of "
        "{minimum} of qualifying earnings.",
    "PENSION_RATE_INVALID":
        "Enter the pension contribution as a fraction of qualifying earnings from 0 to 1, like 0.03 for 3%.",
    # --- Tax codes (pa_manager.domain.tax_code) ---
    "TAX_CODE_EMPTY":
        "Enter the tax code from the PA's P45 or starter checklist, like 1257L.",
    "TAX_CODE_MARKER":
        "Only W1, M1 or X can follow a tax code, like 1257L W1 – check {value} against the P45 or HMRC letter.",
    "TAX_CODE_SPACES":
        "Remove the space inside the tax code {value} – write it like 1257L, with W1, M1 or X after a space only if HMRC gave one.",
    "TAX_CODE_NUMBER_TOO_LONG":
        "The number in the tax code {value} is too long – check it against the P45 or HMRC letter.",
    "TAX_CODE_NO_LETTER":
        "The tax code {value} needs a letter after the number, like 1257L.",
    "TAX_CODE_FORMAT":
        "Check the tax code {value} against the P45 or HMRC letter, as it is not one HMRC uses – most look like 1257L.",
    # --- Files people import (pa_manager.importers) ---
    "DATE_MISSING":
        "Enter a date in the {value} column, like 2026-04-03 or 3/4/2026.",
    "DATE_FORMAT":
        "Write dates like 2026-04-03 or 3/4/2026 – {value} is not a date.",
    "MONEY_FORMAT":
        "Write amounts of money like 12.71 – {value} is not one.",
    "RATE_NEEDS_START_DATE":
        "Enter a start date too, so the hourly rate has a date to start from.",
    "TEXT_TOO_LONG":
        "Shorten this to {limit:,} characters or fewer – it has {length:,}.",
    "DUPLICATE_ROW":
        "This row repeats line {value} of the file – remove one of the two rows.",
    # --- Employer files being imported (pa_manager.storage.export_schema, services.import_checks) ---
    # {table} is a table of the file and {record} the id of a record in it (its place in the list
    # when it has no usable id); {field} is a field's name and {value} the value as the file has it.
    "IMPORT_TABLES_MISSING":
        "The file holds no tables of records – export the employer again from PA Manager.",
    "IMPORT_TABLE_UNKNOWN":
        "The file has a table called {table}, which PA Manager does not know – remove it, or export the "
        "employer again from PA Manager.",
    "IMPORT_TABLE_NOT_A_LIST":
        "The {table} table must be a list of records – correct it, or export the employer again from PA Manager.",
    "IMPORT_RECORD_NOT_AN_OBJECT":
        "Record number {record} of the {table} table must be a set of named fields – correct it, or export "
        "the employer again from PA Manager.",
    "IMPORT_ID_INVALID":
        "Record number {record} of the {table} table needs an id that is a whole number of 1 or more – "
        "correct it, or export the employer again from PA Manager.",
    "IMPORT_ID_REPEATED":
        "More than 1 record of the {table} table has the id {value} – give each record its own id.",
    "IMPORT_NOT_ONE_EMPLOYER":
        "The employers table must hold exactly 1 employer, not {value} – export each employer on their own "
        "from PA Manager.",
    "IMPORT_FIELD_UNKNOWN":
        "Record {record} of the {table} table has a field called {field}, which PA Manager does not know – "
        "remove it, or export the employer again from PA Manager.",
    "IMPORT_VALUE_MISSING":
        "Record {record} of the {table} table has no {field}, which it must have – add it, or export the "
        "employer again from PA Manager.",
    "IMPORT_NOT_AN_ID":
        "The {field} of record {record} of the {table} table must be the id of a record, a whole number, "
        "not {value}.",
    "IMPORT_REFERENCE_MISSING":
        "The {field} of record {record} of the {table} table is {value}, but the {target} table has no "
        "record with that id – correct it, or export the employer again from PA Manager.",
    "IMPORT_NOT_TEXT":
        "The {field} of record {record} of the {table} table must be text in quotes, not {value}.",
    "IMPORT_TEXT_TOO_LONG":
        "The {field} of record {record} of the {table} table is {length:,} characters long, but it can "
        "hold no more than {limit:,} – shorten it.",
    "IMPORT_TEXT_UNREADABLE":
        "The {field} of record {record} of the {table} table has characters that cannot be stored – "
        "retype it.",
    "IMPORT_NOT_WHOLE_NUMBER":
        "The {field} of record {record} of the {table} table must be a whole number from {low} to "
        "{high:,}, not {value}.",
    "IMPORT_NOT_TRUE_OR_FALSE":
        "The {field} of record {record} of the {table} table must be true or false, not {value}.",
    "IMPORT_NOT_A_DATE":
        "The {field} of record {record} of the {table} table must be a date written like 2026-04-03, "
        "not {value}.",
    "IMPORT_DATE_OUT_OF_RANGE":
        "The {field} of record {record} of the {table} table is {value}, but a date must be in a year "
        "from {first} to {last} – check the year.",
    "IMPORT_NOT_A_MOMENT":
        "The {field} of record {record} of the {table} table must be a date and time in whole seconds "
        "with its time zone, like 2026-04-03T08:00:00+00:00, not {value}.",
    "IMPORT_NOT_MONEY":
        "The {field} of record {record} of the {table} table must be an amount in pounds and pence "
        "under £{limit:,}, like 12.71, not {value}.",
    "IMPORT_NOT_A_NUMBER":
        "The {field} of record {record} of the {table} table must be a number under {limit:,}, like "
        "37.5, not {value}.",
    "IMPORT_NOT_A_FILE":
        "The {field} of record {record} of the {table} table must be a file's contents in base64, as "
        "PA Manager exports it – export the employer again from PA Manager.",
    "IMPORT_FILE_TOO_LARGE":
        "The {field} of record {record} of the {table} table is a file larger than {limit} MB – keep a "
        "smaller scan or photo of the certificate instead.",
    "IMPORT_CODE_UNKNOWN":
        "The {field} of record {record} of the {table} table is {value}, which PA Manager does not know – "
        "use one of {allowed}.",
    "IMPORT_RECORD_REPEATED":
        "Records {other} and {record} of the {table} table have the same {fields}, which only 1 record "
        "may have – remove one of them.",
    "IMPORT_RECORD_INVALID":
        "The {field} of record {record} of the {table} table needs correcting: {reason}.",
    "IMPORT_NOT_WHOLE_MINUTES":
        "The {field} of record {record} of the {table} table is {value}, but a shift starts and ends on "
        "a whole minute – correct the seconds to 00.",
    "IMPORT_AWAKE_UNREADABLE":
        "The {field} of record {record} of the {table} table must list the times awake as PA Manager "
        "exports them, not {value}.",
    "IMPORT_LOCAL_DATE_WRONG":
        "The {field} of record {record} of the {table} table is {value}, but the shift starts on "
        "{expected} in the UK – correct the date.",
    "IMPORT_SHIFTS_OVERLAP":
        "Records {other} and {record} of the {table} table are shifts of the same PA that overlap – "
        "change the times of one, or remove it.",
    "IMPORT_DISAGREES_WITH_PAY_RECORD":
        "The {field} of record {record} of the {table} table is not what the pay record in record {other} "
        "of the payslips table says – export the employer again from PA Manager.",
    "PAY_RECORD_DAMAGED":
        "The pay record is damaged and cannot be read – export the employer again from PA Manager, from "
        "a backup if need be.",
    "STATEMENT_DAMAGED":
        "The written statement is damaged and cannot be read – export the employer again from PA Manager, "
        "from a backup if need be.",
    "HISTORY_ENTRY_DAMAGED":
        "The entry in the change history is damaged and cannot be read – export the employer again from PA "
        "Manager, from a backup if need be.",
    "VACANCY_PATTERNS_DAMAGED":
        "The vacancy's working patterns are damaged and cannot be read – export the employer again from PA "
        "Manager, from a backup if need be.",
    "PAY_RECORD_FROM_NEWER_VERSION":
        "The pay record was written by a newer version of PA Manager – install the latest version, then "
        "try again.",
    # --- What is missing (pa_manager.domain.missing); {value} is the PA's name ---
    "EMPLOYER_NO_COUNCIL":
        "Add the council that pays the direct payment, and its reference.",
    "EMPLOYER_NO_PAYE_REFERENCE":
        "Add your employer PAYE reference from HMRC – if you have not registered as an employer yet, register before your first pay day.",
    "EMPLOYER_NO_ACCOUNTS_OFFICE_REFERENCE":
        "Add your Accounts Office reference, from the letter HMRC sent when you registered as an employer.",
    "EMPLOYER_NO_INSURER":
        "Add the name of your employer's liability insurer – only the renewal date is recorded.",
    "PA_NO_NI_NUMBER":
        "Add {value}'s National Insurance number from a payslip, P60 or HMRC letter; if they have none, ask HMRC "
        "for it on the People page.",
    "PA_NO_DATE_OF_BIRTH":
        "Add {value}'s date of birth, as it decides their legal minimum wage.",
    "PA_NO_START_DATE":
        "Add the date {value} started working for you.",
    "PA_NO_TAX_CODE":
        "Add {value}'s tax code, from their P45 or starter checklist.",
    "PA_NO_PAY_RATE":
        "Add {value}'s hourly rate and the date it started.",
    "PA_NO_EMERGENCY_CONTACT":
        "Add an emergency contact for {value}.",
    "PA_CLOSE_RELATIVE_NEEDS_AGREEMENT":
        "Your council must agree before your direct payment can pay {value}, a close relative who lives with you – keep their agreement in writing.",
    # --- Minimum wage checks (pa_manager.domain.minimum_wage) ---
    "UNDER_SCHOOL_LEAVING_AGE":
        "The minimum wage does not cover workers under 16 – check the date of birth or age.",
    "DATE_BEFORE_BIRTH":
        "The pay period starts before the date of birth – check both dates.",
    "NEGATIVE_HOURS":
        "Enter the hours as a number of 0 or more.",
    "NEGATIVE_AMOUNT":
        "Enter the pay as an amount of £0 or more.",
    "AGE_NEEDED":
        "Enter a date of birth or an age.",
    "PERIOD_ENDS_BEFORE_START":
        "The pay period must end on or after the day it starts – check the dates.",
    "PAY_OR_RATE_NEEDED":
        "Enter the pay for the period or the hourly rate, but not both.",
    # --- Pay calculations (pa_manager.domain.paye, national_insurance, tax_year) ---
    "MINIMUM_WAGE_NO_RATES":
        "PA Manager has no minimum wage rates for {value} – check the dates of the pay period.",
    "NO_RATES_FOR_TAX_YEAR":
        "PA Manager has no tax rates for {value} – use 2024-25, 2025-26 or 2026-27.",
    "TAX_YEAR_FORMAT":
        "Write the tax year like 2026-27.",
    "PERIOD_OUT_OF_RANGE":
        "Period {period} is not in the tax year – a tax month is 1 to 12 and a tax week 1 to 53 (54 or 56 for fortnightly or four-weekly pay).",
    "NEGATIVE_PAY":
        "Enter the pay as an amount of £0 or more.",
    "TAX_CODE_NOT_FOR_NATION":
        "The tax code {value} is not used in that part of the UK – check it against the P45 or HMRC letter.",
    "EXTRA_AMOUNT_NOT_POSITIVE":
        "Enter an amount of more than £0, like 12.50.",
    "EXTRA_DESCRIPTION_MISSING":
        "Say what the payment is for, like Mileage to hospital appointments.",
    "DEDUCTION_PURPOSE_MISSING":
        "Say what the deduction is for, as the law requires it on the payslip.",
    "PAY_RUN_ALREADY_FINALISED":
        "The pay run for {value} is already finalised – add this to the next pay run instead.",
    # --- Before money goes out (pa_manager.domain.before_paying); {value} is a PA's name or the date ---
    "CONFIRM_PAY_DATE_IN_PAST":
        "The pay date, {value}, has already passed – check it is the day you are really paying, or change it.",
    "CONFIRM_PAY_DATE_FAR_AHEAD":
        "The pay date, {value}, is more than a week away – check it, as pay is usually for work already done.",
    "CONFIRM_NOT_REGISTERED_WITH_HMRC":
        "You have not recorded your employer PAYE reference – you must register with HMRC as an employer before "
        "your first pay day, then add the reference under Edit, Change employer details.",
    "CONFIRM_RIGHT_TO_WORK_NOT_CHECKED":
        "There is no right-to-work check recorded for {value} – you must check their right to work in the UK "
        "before they start work, then record it on the Checks page.",
    "CONFIRM_RIGHT_TO_WORK_AFTER_FIRST_SHIFT":
        "The right-to-work check for {value} is dated on or after their first shift on {day} – it must come "
        "before the work, so check the date on the Checks page.",
    "CONFIRM_PENSION_ENROL_NOW":
        "Enrol {value} in your workplace pension, as the law requires – write to tell them, then record it on "
        "the People page.",
    "CONFIRM_NO_PAY_FOR_PLANNED_HOURS":
        "This pay run pays {value} nothing although the rota plans {hours} hours for them – mark the rota as "
        "worked on the Hours page, or confirm they did not work.",
    "EXTRA_KIND_UNKNOWN":
        "Choose what the payment or deduction is from the list.",
    "SHIFT_IN_PAID_PERIOD":
        "The shifts of {day} were paid in the pay run of {paid_on}, so they cannot change – put any difference "
        "in the next pay run as back pay or an overpayment recovery.",
    # --- Saving a record someone else saved or removed since it was opened (services) ---
    "PA_CHANGED_ELSEWHERE":
        "Someone else changed {value}'s details since you opened them, so your changes were not saved – open "
        "them again to see the latest.",
    "PA_REMOVED_ELSEWHERE":
        "Someone else removed {value} since you opened their details, so your changes were not saved.",
    "EMPLOYER_CHANGED_ELSEWHERE":
        "Someone else changed {value}'s details as an employer since you opened them, so your changes were not "
        "saved – open them again to see the latest.",
    "EMPLOYER_REMOVED_ELSEWHERE":
        "Someone else removed {value} from this data file since you opened their details, so your changes were "
        "not saved.",
    "SHIFT_CHANGED_ELSEWHERE":
        "Someone else changed {name}'s shift on {value} since you opened it, so your changes were not saved – "
        "open it again to see the latest.",
    "SHIFT_REMOVED_ELSEWHERE":
        "Someone else removed {name}'s shift on {value} since you opened it, so your changes were not saved.",
    # --- Undo and redo: the records no longer allow it (services.undo) ---
    "UNDO_CHANGED_SINCE":
        "The records it would change have been changed since, so they were left as they are – make the change by "
        "hand if you still need it.",
    "UNDO_NOT_POSSIBLE":
        "It would clash with records added or removed since, so nothing was changed – make the change by hand if "
        "you still need it.",
    # --- Training (pa_manager.services.training) ---
    "REFRESH_MONTHS_INVALID":
        "Enter how often the course needs refreshing as a number of months from 1 to 120, or leave it blank if it never does.",
    "TRAINING_DATE_IN_FUTURE":
        "Enter the date the course was completed – {value} is in the future.",
    "FUNDING_SOURCE_UNKNOWN":
        "Choose who paid for the course from the list.",
    "CERTIFICATE_UNREADABLE":
        "PA Manager could not read {value} – choose the certificate file again.",
    "CERTIFICATE_TOO_LARGE":
        "The file {value} is larger than 20 MB – save a smaller scan or photo of the certificate and choose that.",
    "MEETING_KIND_UNKNOWN":
        "Choose supervision or appraisal.",
    "CARE_CERTIFICATE_STANDARD_UNKNOWN":
        "Choose one of the Care Certificate's 16 standards.",
    # --- Budget (pa_manager.domain.budget, services.budget); {value} is the budget year or the category ---
    "BUDGET_BASIS_UNKNOWN":
        "Choose how often the council pays: every week, every four weeks or once a year.",
    "BUDGET_AMOUNT_NEGATIVE":
        "Enter the direct payment as £0 or more, like 2754.00.",
    "BUDGET_AMOUNT_NOT_MONEY":
        "Enter the direct payment in pounds and pence, like 2754.00.",
    "BUDGET_OPENING_NOT_MONEY":
        "Enter the opening balance in pounds and pence, like 1500.00.",
    "BUDGET_RATE_INVALID":
        "Enter the council's hourly rate and its on-costs as numbers of 0 or more, like 15.50 and 22.",
    "BUDGET_SURPLUS_WEEKS_INVALID":
        "Enter the surplus limit as a whole number of weeks, like 8.",
    "BUDGET_FIRST_PAYMENT_OUTSIDE_YEAR":
        "Enter a first payment date within the {value} budget year, from 1 April to 31 March.",
    "BUDGET_CONTRIBUTION_NEGATIVE":
        "Enter your assessed contribution as £0 or more a week, like 25.40, or 0 if you pay nothing.",
    "BUDGET_CONTRIBUTION_NOT_MONEY":
        "Enter your assessed contribution in pounds and pence a week, like 25.40.",
    "BUDGET_PLAN_HOURS_INVALID":
        "Enter the support plan's hours a week as a number from 0 to 168, like 42 or 37.5.",
    "BUDGET_YEAR_FORMAT":
        "Enter the budget year like 2026-27: the year it starts, a dash, then the last 2 numbers of the next year.",
    "LEDGER_CATEGORY_UNKNOWN":
        "Use a category PA Manager knows, like council_payment, pa_net_pay or insurance, instead of {value}.",
    "LEDGER_AMOUNT_ZERO":
        "Enter an amount of more than £0.",
    "BUDGET_RATES_TOO_EARLY":
        "PA Manager cannot cost the {value} budget year: its {what} start after {when}, so that year is before "
        "what it can work out.",
    "BUDGET_RATES_MISSING":
        "PA Manager cannot cost the {value} budget year: it does not have the {what} for {when} yet – check for an "
        "update of PA Manager once they are published.",
    # --- Timesheets (pa_manager.importers.timesheet, pa_manager.domain.shifts) ---
    "TIMESHEET_UNKNOWN_PA":
        "You have no PA called {value} – check the name is spelt as it is in PA Manager, or add them as a PA first.",
    "TIMESHEET_PA_AMBIGUOUS":
        "More than 1 of your PAs is called {value} – give one of them a different name, for example with a middle initial.",
    "TIMESHEET_DATE_OUT_OF_RANGE":
        "Check the year in {value}, as a shift must be in a year from {first} to {last}.",
    "TIME_MISSING":
        "Enter a time in the {value} column, like 08:00 or 22:30.",
    "TIME_FORMAT":
        "Write times using the 24-hour clock, like 08:00 or 22:30 – {value} is not a time.",
    "SHIFT_TYPE_UNKNOWN":
        "Enter a shift type of standard, waking_night, sleep_in, travel, training, shadowing, holiday or sickness.",
    "BREAK_FORMAT":
        "Write the break as a whole number of minutes, like 30 – {value} is not one.",
    "SHIFT_OVERLAP":
        "This shift overlaps the shift for the same PA on line {value} of the file – change the times or remove one of the rows.",
    "LOCAL_TIME_DOES_NOT_EXIST":
        "The clocks go forward at 1am on {day}, so there is no {value} that day – check the time, which may be an hour later.",
    "SHIFT_START_EQUALS_END":
        "Enter an end time that is not the same as the start time, {value} – to record 24 hours, split the shift into 2 rows.",
    "ROTA_NO_WEEKDAYS":
        "Tick at least 1 day the shift happens on.",
    "ROTA_UNTIL_BEFORE_START":
        "Enter an end date on or after the date the pattern starts, or leave it blank.",
    "ROTA_BAD_INTERVAL":
        "Choose how often the pattern repeats.",
    "ROTA_BAD_WEEKDAY":
        "Choose days from Monday to Sunday.",
    "SHIFT_OVERLAPS_SAVED":
        "This overlaps {name}'s shift on {value} – change the times, or change or remove that shift first.",
    "SHIFT_BEFORE_START_DATE":
        "A shift cannot be before {name} starts working for you on {value} – check the date.",
    "SHIFT_AFTER_LEAVING_DATE":
        "A shift cannot be after {name}'s last working day, {value} – check the date.",
    "SHIFT_END_BEFORE_START":
        "Enter an end time after the start time.",
    "SLEEP_IN_AWAKE_OUTSIDE":
        "Enter times awake that fall inside the sleep-in.",
    "SHORT_VISIT":
        "This visit is shorter than 30 minutes, which the Citizens UK care charter asks employers to avoid.",
    "SHIFT_TOO_LONG":
        "Check the start and end times, as a shift must be 24 hours or shorter.",
    "SHIFT_BREAK_INVALID":
        "Enter a break shorter than the shift – a break of {value} minutes leaves no time worked.",
    # --- RTI files (pa_manager.domain.rti); {value} is the PA's name, when there is one ---
    "RTI_PAYE_REFERENCE_MISSING":
        "Add your employer PAYE reference, like 123/AB45678 from HMRC's letters: choose Edit, then Change employer "
        "details.",
    "RTI_PAYE_REFERENCE_FORMAT":
        "Correct your employer PAYE reference to 3 numbers, a slash, then letters and numbers, like 123/AB45678: "
        "choose Edit, then Change employer details.",
    # --- Payment files (pa_manager.domain.payment_file) ---
    "PAYMENT_FILE_NO_PAY_RUN":
        "There is no finalised pay run on {value}, so finalise it on the Pay page first.",
    "PAYMENT_FILE_NO_PAYING_ACCOUNT":
        "Add the sort code, account number and account name of the account you pay wages from: choose Edit, "
        "then Change employer details.",
    "PAYMENT_FILE_NO_PA_ACCOUNT":
        "Add {value}'s bank details (sort code, account number and the name on the account) on the People page, "
        "as they are paid in this pay run.",
    "PAYMENT_FILE_NO_ACCOUNTS_OFFICE_REFERENCE":
        "Add your Accounts Office reference, like 123PF00045678 from HMRC's letters, as it is the reference "
        "for paying HMRC: choose Edit, then Change employer details.",
    "PAYMENT_FILE_NO_SERVICE_USER_NUMBER":
        "Add the Bacs service user number your bank gave you (choose Edit, then Change employer details), or "
        "save a CSV file instead, which needs none.",
    "PAYMENT_FILE_NOTHING_TO_PAY":
        "Nobody is owed anything from the pay run on {value}, so there is no payment file to make.",
    "PAYMENT_FILE_AMOUNT_TOO_LARGE":
        "A payment in this pay run is too large for a bank file, so pay it another way.",
    "RTI_ACCOUNTS_OFFICE_REFERENCE_MISSING":
        "Add your Accounts Office reference, like 123PF00045678 from HMRC's letters: choose Edit, then Change "
        "employer details.",
    "RTI_ACCOUNTS_OFFICE_REFERENCE_FORMAT":
        "Correct your Accounts Office reference to the 13 characters on HMRC's letter, like 123PF00045678: choose "
        "Edit, then Change employer details.",
    "RTI_GENDER_MISSING":
        "Record {value}'s gender as HMRC has it on the People page: HMRC needs it in the FPS.",
    "RTI_BIRTH_DATE_MISSING":
        "Record {value}'s date of birth on the People page: HMRC needs it in the FPS.",
    "RTI_ADDRESS_NEEDED":
        "Record at least two lines of {value}'s address on the People page (the house and street, then the town): "
        "HMRC needs them for a new PA, or for one without an NI number.",
    "RTI_NAME_NEEDED":
        "Record {value}'s first name and surname on the People page: HMRC needs both.",
    "RTI_START_DATE_MISSING":
        "Record the date {value} started on the People page: HMRC needs it in their first FPS.",
    "RTI_STARTER_DECLARATION_MISSING":
        "Record {value}'s starter declaration (statement A, B or C on their starter checklist) on the People page: "
        "HMRC needs it in their first FPS.",
    "RTI_EARLIER_PAYROLL_THIS_YEAR":
        "Undo this pay run, enter on {value}'s PA form the figures to date your earlier payroll reported this "
        "tax year, and make the pay run again, so their figures to date carry on from that payroll's.",
    "RTI_STUDENT_LOAN_PLAN":
        "Check {value}'s student loan plan on the People page: it must be Plan 1, 2, 4 or 5.",
    "RTI_TAX_CODE":
        "Check the tax code on {value}'s payslip: it is not one HMRC accepts in an FPS.",
    # --- NINO Verification Request (pa_manager.domain.nvreq); {value} is the PA's name ---
    "NVREQ_HAS_NI_NUMBER":
        "There is nothing to ask HMRC: {value} already has an NI number recorded, and it goes in the FPS.",
    "NVREQ_NAME_NEEDED":
        "Record {value}'s first name and surname on the People page: HMRC needs both to find their NI number.",
    "NVREQ_BIRTH_DATE_MISSING":
        "Record {value}'s date of birth on the People page: HMRC needs it to find their NI number.",
    "NVREQ_BIRTH_DATE_IMPOSSIBLE":
        "Check {value}'s date of birth on the People page: it is in the future or more than 130 years ago.",
    "NVREQ_GENDER_MISSING":
        "Record {value}'s gender as HMRC has it on the People page: HMRC needs it to find their NI number.",
    "NVREQ_ADDRESS_NEEDED":
        "Record at least two lines of {value}'s address on the People page (the house and street, then the town): "
        "HMRC needs them to find their NI number.",
    "NVREQ_NO_EMPLOYEES":
        "Choose a PA without an NI number to ask HMRC about.",
    "NVREQ_TOO_MANY":
        "Ask HMRC about 100 PAs or fewer in one request.",
    "RTI_TAX_YEAR_UNKNOWN":
        "PA Manager does not know HMRC's file format for the {value} tax year, so it cannot make this file: report "
        "it with Basic PAYE Tools instead.",
    "RTI_TAX_MONTH":
        "Write the tax month as the tax year, a colon and the month from 1 (6 April to 5 May) to 12, like 2026-27:3.",
    "RTI_NO_RECORDS":
        "Nobody was paid in that pay run, so there is no FPS to make.",
    # --- What needs doing (pa_manager.domain.compliance, training); {value} is the PA's name ---
    "DBS_UPDATE_SERVICE_LEVEL":
        "Only standard and enhanced DBS checks can be on the Update Service – untick it, or check the level.",
    "DBS_MISSING":
        "Get a DBS check for {value} through your council or a DBS umbrella body – an enhanced check with the adults' barred list is usual for personal care.",
    "DBS_RECHECK":
        "Renew {value}'s DBS check, or do a free status check if they subscribe to the Update Service.",
    "DBS_UPDATE_SERVICE_RENEWAL":
        "Remind {value} to renew their DBS Update Service subscription (£16 a year).",
    "DBS_RISK_ASSESSMENT_MISSING":
        "Record the date you did a risk assessment for the information on {value}'s DBS certificate.",
    "DBS_RECORD_RETENTION_ENDS":
        "Delete {value}'s DBS details, as you no longer need to keep them.",
    "RIGHT_TO_WORK_MISSING":
        "Check {value}'s right to work in the UK and record it – you must do this before their first shift.",
    "RIGHT_TO_WORK_AFTER_START":
        "Check the date of {value}'s right-to-work check: it is after they started, and it must be done before their first shift.",
    "RIGHT_TO_WORK_FOLLOW_UP":
        "Check {value}'s right to work again before their permission to work in the UK ends.",
    "RIGHT_TO_WORK_RETENTION_ENDS":
        "Delete {value}'s right-to-work copies: the law asked you to keep them for 2 years after they left.",
    "SHIFT_BEFORE_RIGHT_TO_WORK":
        "Check {value}'s right to work now: they worked on {due}, before the check you recorded.",
    "REFERENCES_MISSING":
        "Get satisfactory references for {value}: you have {received} of the {required} you ask for.",
    "CONTRACT_STATEMENT_DUE":
        "Give {value} a written statement of their terms of employment – it is due on or before their first day.",
    "INDUCTION_DUE":
        "Finish {value}'s induction and record the date (within 12 weeks of starting is usual practice).",
    "INSURANCE_RENEWAL":
        "Renew your employer's liability insurance and record the new renewal date.",
    "INSURANCE_MISSING":
        "Record your employer's liability insurance (the insurer, the policy number and the renewal date) – most "
        "employers of PAs must have it by law, and many councils pay for it.",
    "PAYE_REGISTRATION":
        "Register with HMRC as an employer before you first pay a PA, then record the date here.",
    "PENSION_DECLARATION":
        "Send your pension declaration of compliance to The Pensions Regulator.",
    "PENSION_RE_ENROLMENT":
        "Re-enrol eligible PAs into your workplace pension, as you must every 3 years.",
    "P60_DUE":
        "Give your PAs their P60 for the {tax_year} tax year by {due_by} ({people}): on the Pay page, choose Year-end summary, then Save P60s.",
    "FPS_DUE":
        "Send HMRC the Full Payment Submission (FPS) for the pay day on {pay_date}, by that day: on the Pay page, "
        "choose that pay run, then Save the FPS file, or enter its figures in Basic PAYE Tools.",
    "FPS_LATE":
        "The Full Payment Submission (FPS) for your pay day on {pay_date} is late, so send it to HMRC now: on the "
        "Pay page, choose that pay run, then Save the FPS file, or enter its figures in Basic PAYE Tools.",
    "COUNCIL_REVIEW":
        "Your council should review your direct payment – ask them to arrange it if they have not.",
    "TRAINING_EXPIRED":
        "Book a refresher for {value}: their {course} training has run out.",
    "TRAINING_MISSING":
        "Book {course} training for {value}, as it is required for their role.",
    "TRAINING_DUE":
        "Book a refresher for {value}: their {course} training needs renewing.",
    "SUPERVISION_DUE":
        "Hold a supervision meeting with {value}.",
    "APPRAISAL_DUE":
        "Hold {value}'s yearly appraisal.",
    "MEETING_BEFORE_START":
        "The date recorded for {value}'s {kind}, {held_on}, is before they started on {start_date}, so correct it on "
        "the Training page.",
}

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


# Shown when a code has no sentence yet, or its sentence needs a detail the Problem lacks, so that a
# gap in the wording never stops someone saving their work. Tests call describe(..., strict=True).
FALLBACK = "Check what you entered and try again."


class UnknownProblemCode(KeyError):
    """A Problem whose code has no entry in MESSAGES: add one (see the module notes)."""


def missing_messages(codes: Iterable[str]) -> set[str]:
    """The codes among `codes` with no sentence; a module's tests should expect an empty set."""
    return set(codes) - MESSAGES.keys()


def format_date(day: date) -> str:
    """GOV.UK style, '6 April 2026', with no leading zero and whatever the computer's language."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def date_range(start: date, end: date) -> str:
    """'1 to 30 November 2026', '24 November to 7 December 2026', both dates in full across years, or
    one date when they are the same day."""
    if start == end:
        return format_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} to {format_date(end)}"
    if start.year == end.year:
        return f"{format_date(start).removesuffix(f' {start.year}')} to {format_date(end)}"
    return f"{format_date(start)} to {format_date(end)}"


def shift_when(start: datetime, end: datetime) -> str:
    """'Tuesday 3 March 2026, 08:00 to 12:00', in London time, for a shift's start and end instants."""
    start, end = to_london(start), to_london(end)
    return f"{start:%A} {format_date(start.date())}, {start:%H:%M} to {end:%H:%M}"


def short_date(day: date) -> str:
    """'20 Nov': for a band too narrow for the full date, where the year is plain from around it."""
    return f"{day.day} {_MONTHS[day.month - 1][:3]}"


def short_range(start: date, end: date) -> str:
    """'14 to 20 Nov', '28 Nov to 4 Dec' (see date_range for the full form)."""
    if start == end:
        return short_date(start)
    if start.month == end.month:
        return f"{start.day} to {short_date(end)}"
    return f"{short_date(start)} to {short_date(end)}"


def _shown(value: Any) -> Any:
    if isinstance(value, tuple) and value and all(isinstance(v, Problem) for v in value):
        return "; ".join(_shown(v) for v in value)  # several problems, run on one after another
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, datetime) for v in value):
        return shift_when(*value)  # a shift's (start, end): "Tuesday 3 March 2026, 08:00 to 12:00"
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, date) for v in value):
        return date_range(*value)  # (first, last): "1 to 30 November 2026"
    if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
        return value[0] if len(value) == 1 else ", ".join(value[:-1]) + " or " + value[-1]  # "a, b or c"
    if isinstance(value, Problem):
        # A problem inside another (why a record cannot be imported) is worded as its own sentence,
        # run on after a colon: without its full stop, and without its capital unless the first word
        # is an abbreviation ("PA", "DBS").
        sentence = describe(value).removesuffix(".")
        first = sentence.split(" ", 1)[0]
        return sentence if len(first) > 1 and first.isupper() else sentence[0].lower() + sentence[1:]
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, str):
        return " ".join(value.split())  # as typed, but on one line
    return value


def describe(problem: Problem, *, strict: bool = False) -> str:
    """The sentence for `problem`, with its value and details filled in.

    An unknown code gives FALLBACK, or raises UnknownProblemCode when `strict`; a template naming a
    detail the Problem does not carry gives FALLBACK, or raises KeyError when `strict`.
    """
    template = MESSAGES.get(problem.code)
    if template is None:
        if strict:
            raise UnknownProblemCode(problem.code)
        return FALLBACK
    fields = {name: _shown(value) for name, value in problem.params}
    fields["value"] = _shown(problem.value)
    try:
        return template.format_map(fields)
    except (KeyError, IndexError, ValueError):
        if strict:
            raise
        return FALLBACK


def say(error: BaseException) -> str:
    """What the window and the command line show for an error: a service's error as the sentence for
    its Problem (every problem of a ValidationFailed, one after another); anything else (a file
    error) as its text."""
    problems = getattr(error, "problems", None)
    if isinstance(problems, dict) and problems:
        return " ".join(describe(p) for p in problems.values())
    problem = getattr(error, "problem", None)
    if isinstance(problem, Problem):
        return describe(problem)
    return str(error)


# Taking on and keeping PAs, and what services refuse: their sentences live beside their feature,
# under the same rules.
from pa_manager.messages_recruitment import MESSAGES as _RECRUITMENT_MESSAGES  # noqa: E402
from pa_manager.service_words import MESSAGES as _SERVICE_MESSAGES  # noqa: E402

MESSAGES.update(_RECRUITMENT_MESSAGES)
MESSAGES.update(_SERVICE_MESSAGES)

# Statutory family pay: its sentences live beside the feature, under the same rules.
from pa_manager.messages_family import MESSAGES as _FAMILY_MESSAGES  # noqa: E402

MESSAGES.update(_FAMILY_MESSAGES)

# Attachment of earnings orders: their sentences live beside the feature, under the same rules.
from pa_manager.earnings_order_words import MESSAGES as _EARNINGS_ORDER_MESSAGES  # noqa: E402

MESSAGES.update(_EARNINGS_ORDER_MESSAGES)
