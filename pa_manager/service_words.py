"""The sentences for what services refuse (pa_manager.services.errors): merged into
pa_manager.messages.MESSAGES, under the same rules as there (one sentence each). {value} is the
Problem's value; a pair of dates is shown as a range ("1 to 30 November 2026"), a Problem run on after
a colon, a tuple of Problems run on one after another with semicolons, and a tuple of words as a list
("a PDF or a web page (html)")."""
from __future__ import annotations

_KEPT_BECAUSE = {
    "personnel": "records about employing them are kept for 6 years after they leave",
    "right_to_work": "right-to-work copies are kept for 2 years after they leave",
    "dbs_check": "DBS details are kept for 6 months after they leave",
    "payroll": "pay records are kept for 3 years after the end of the tax year",
    "minimum_wage": "minimum wage records are kept for 6 years after the pay period",
}

MESSAGES = {
    "VALIDATION_FAILED": "Check what you entered and try again.",  # a ValidationFailed naming no field
    # --- Records that are no longer there ---
    "EMPLOYER_GONE_CHOOSE": "That employer is no longer in this data file, so choose another employer.",
    "EMPLOYER_GONE": "That employer is no longer in this data file.",
    "PA_GONE": "That PA is no longer in this data file.",
    "HOLIDAY_BOOKING_GONE": "That holiday booking is no longer in this data file.",
    "SHIFT_GONE": "That shift is no longer in this data file.",
    "STATEMENT_GONE": "That statement is no longer in this data file.",
    "INDUCTION_ITEM_GONE": "That part of the induction plan is no longer in this data file.",
    "CERTIFICATE_GONE": "That certificate is no longer in this data file.",
    "VACANCY_GONE": "That vacancy is no longer in this data file.",
    "APPLICANT_GONE": "That applicant is no longer in this data file.",
    "CASE_GONE": "That case is no longer in this data file.",
    "BUDGET_YEAR_NOT_FOUND": "There is no budget year {value} for this employer, so add it on the Budget page first.",
    "YEAR_END_NO_PA_CALLED": "There is no PA called {value} for this employer, so check the name on the People page.",
    "CLI_NO_EMPLOYER_CALLED":
        "There is no employer called {value} in this data file – run 'pa-manager employers' to see the names.",
    # --- People ---
    "PA_PAID_CANNOT_DELETE":
        "Record {value} as a leaver instead (People, Record a leaver): they have been paid, and their pay "
        "records must be kept, so they cannot be deleted.",
    "ERASE_NOT_LEFT":
        "Record {value} as a leaver first: they have not left, so their details must be kept.",
    **{f"ERASE_TOO_SOON_{record.upper()}":
       f"Keep {{value}}'s details until {{until}}, as {why}; you can erase them from then."
       for record, why in _KEPT_BECAUSE.items()},
    # --- Budget report and review letter ---
    "BUDGET_BALANCE_FORMAT": "Enter the balance in pounds and pence, like 1234.56.",
    "BUDGET_REPORT_DATES":
        "Choose dates from {first} to {last}, with the first date before the last, for the {value} budget year.",
    "REVIEW_LETTER_YEAR_ENDED":
        "The {value} budget year ended on {ended}, so it is too late to ask for a review of it: a letter asking for "
        "a review is for the year ahead, so choose {current} and the letter asks the council to review your direct "
        "payment from {coming_start}.",
    "REVIEW_LETTER_TOO_FAR":
        "A letter asking for a review is for the year ahead, {coming}, which starts on {coming_start}, so choose "
        "{current} or {coming} to write it.",
    "REVIEW_LETTER_NO_COSTS":
        "Add your PAs' rota and hourly rates first: the letter needs what an hour of care costs.",
    "REVIEW_LETTER_NO_SHORTFALL":
        "The council's hourly rate covers your PAs' pay and the costs on top from {value}, so there is no "
        "shortfall to ask about.",
    # --- Documents ---
    "DOCUMENT_FORMAT": "The {kind} can be saved as {formats}, not as {value}.",
    "POLICY_UNKNOWN": "There is no policy called {value}, so choose one of: {policies}.",
    "PAYSLIPS_NO_PAY_RUN":
        "There is no finalised pay run for {value}, so finalise it first, then make the payslips.",
    "PAYSLIPS_NONE_BETWEEN": "No pay runs were finalised between {first} and {last}, so choose other dates.",
    "TRAINING_REPORT_PA_LEFT":
        "That PA no longer works for you, so there is no current training to report.",
    # --- Monitoring return ---
    "MONITORING_LAST_BEFORE_FIRST": "Choose a last date on or after {value}.",
    "MONITORING_NO_BUDGET_YEARS":
        "Add a budget year for {value} on the Budget page, from the council's letter: without one the "
        "return has no balance to start from.",
    "MONITORING_NO_BUDGET_YEAR_FOR":
        "There is no {value} budget year for {name}, so the return has no balance to start from on {first}: add "
        "the year on the Budget page.",
    "MONITORING_NO_BUDGET_YEAR_FOR_LATER":
        "There is no {value} budget year for {name}, so the return has no balance to start from on {first}: add "
        "the year on the Budget page, or choose dates from {later}.",
    # --- Pay runs ---
    "PAY_RUN_FINALISED_ALREADY":
        "The pay run for {value} is already finalised, so make any corrections in the next pay run.",
    "PAY_RUN_BLOCKED": "Nothing was finalised: {value}.",
    "PAY_RUN_NEEDS_CONFIRMING": "Nothing was finalised, so check these first, then confirm: {value}.",
    "PAY_RUN_NOBODY_DUE": "Nobody is due pay for {value}, so check the pay date.",
    "PAY_RUN_PERIOD_PAID":
        "Choose the next pay date, as {value} was paid in the pay run of {pay_date}, and put any corrections "
        "in the next pay run as back pay or an overpayment recovery.",
    "PAY_RUN_PA_NOT_WORKED_OUT":
        "Pay for {value} cannot be worked out: {why}.",
    "PAY_RUN_BELOW_MINIMUM_WAGE":
        "Raise {value}'s pay, or record why, as it is below the legal minimum wage.",
    "PAY_NO_DATE_OF_BIRTH": "Add their date of birth on the People page.",
    "PAY_NO_TAX_CODE": "Add their tax code on the People page (from their P45 or starter checklist).",
    "PAY_EARLIER_PAYROLL_FIGURES_MISSING":
        "Enter on the People page the figures to date their earlier payroll reported this tax year, as its "
        "last pay day for them is in it.",
    "PAY_NO_RATE_FOR_SHIFT": "Add an hourly rate that covers every shift in this pay period.",
    "PAY_NOT_WORKED_OUT": "Their pay cannot be worked out ({value}), so check their details.",
    # --- Full Payment Submissions ---
    "RTI_NO_PAY_RUN":
        "There is no finalised pay run on {value}, so finalise it on the Pay page first: the FPS is made from it.",
    "RTI_FILE_FAILS_CHECKS":
        "PA Manager made a file that does not pass its own checks, so it was not saved: report this to PA "
        "Manager's developers ({value}).",
    "RTI_FILE_NOT_SAVED": "The file could not be saved at {value} ({reason}), so choose another folder.",
    "RTI_LATE_REASON": "The late reporting reason is one of HMRC's letters A to H.",
    "PAYMENT_FILE_FORMAT": "The payment file format is bacs or csv, not {value}.",
    "RTI_NO_FPS_FILE":
        "There is no FPS file for the pay day on {value} yet, so save the FPS file first, then send it.",
    # --- Year end ---
    "P45_NO_LEAVING_DATE":
        "Record {value} as a leaver first, then finalise the pay run that pays them for their last day: they "
        "have no leaving date.",
    "P45_NEVER_PAID":
        "Give {value} a letter saying they were not paid instead: they have never been paid, so there is no "
        "pay or tax for a P45.",
    "P45_LAST_DAY_UNPAID":
        "Finalise the pay run that pays {value} for their last day ({leaving}) first: the P45 is made from it.",
    "TAX_YEAR_FORMAT":
        "Write the tax year like 2026-27 – {value} is not a tax year.",
    "P60_NONE":
        "There are no finalised pay runs in the {value} tax year for anyone still employed at its end, so there "
        "are no P60s to make (a PA who left during the year had a P45 instead).",
    "P60_NONE_FOR":
        "There are no finalised pay runs in the {value} tax year for {name}, so there are no P60s to make (a PA "
        "who left during the year had a P45 instead).",
    "P60_TOO_EARLY":
        "The {value} tax year ends on {ends}, so make the P60s after its last pay run, from 6 April.",
    # --- Moving an employer between data files ---
    "EMPLOYER_FILE_MISSING": "There is no file at {value}, so check the name and folder.",
    "EMPLOYER_FILE_FOLDER":
        "Choose the employer file inside {value}, which is a folder.",
    "EMPLOYER_FILE_NOT_ALLOWED": "PA Manager may not open {value}, so check that you can open it, then try again.",
    "EMPLOYER_FILE_NOT_AN_EXPORT":
        "The file {value} is not an employer file exported by PA Manager.",
    "EMPLOYER_FILE_NEWER":
        "Install the latest version of PA Manager to import {value}: it was exported by a newer version.",
    "EMPLOYER_FILE_REFUSED": "Nothing was imported from {value}: {why}.",
    "EMPLOYER_FILE_CHANGED":
        "Import {value} again once nothing is writing to it: it changed while it was being imported, so nothing was "
        "imported.",
    "EMPLOYER_FILE_NAME_TAKEN":
        "An employer called {value} is already in this data file, so rename one of them, then import again.",
    "REDO_IMPORT_FILE_GONE":
        "The import cannot be redone because the file {value} is no longer there, so put it back where it was "
        "and redo again, or import it with File, then Import employer.",
    "REDO_IMPORT_FILE_CHANGED":
        "The import cannot be redone because the file {value} has changed since it was imported, so import it "
        "again with File, then Import employer, if you still want it.",
    "STAFF_IMPORT_EMPLOYER_NAME": "The employer's name cannot be used: {why}.",
    # --- Files of rows: timesheets, staff lists, bank statements (pa_manager.importers.table_file) ---
    "TABLE_NO_FILE": "There is no file at {value}, so check the name and folder.",
    "TABLE_FOLDER": "Choose a CSV or XLSX file, as {value} is a folder.",
    "TABLE_NOT_CSV_OR_XLSX": "The file {value} is not a CSV or XLSX file, so save it as CSV or XLSX and try again.",
    "TABLE_EMPTY": "The file {value} is empty, so add a header row and at least one row.",
    "TABLE_COLUMN_MISSING": "The file {value} has no column called {columns}, so add it to the first row.",
    "TABLE_COLUMN_TWICE":
        "The file {value} has more than 1 column called {column}, so keep one of them and try again.",
    "TABLE_NO_ROWS": "The file {value} has a header row but no rows under it, so add at least one row.",
    "TABLE_CANNOT_OPEN":
        "PA Manager cannot open {value}, so check that it is not open in another program, then try again.",
    "TABLE_NOT_PLAIN_TEXT": "The file {value} is not plain text, so save it as CSV (UTF-8) and try again.",
    "TABLE_BAD_CSV": "The file {value} is not a well-formed CSV file ({reason}).",
    "TABLE_BAD_XLSX": "The file {value} is not a readable XLSX file, so open it in a spreadsheet and save it again.",
    "TABLE_EXPORT_ENDING": "The file {value} does not end in .csv or .xlsx, so choose one of the two and try again.",
    # --- Statements, induction, recruitment ---
    "STATEMENT_GIVEN_KEPT": "That statement has been given to the PA, so it is kept with their records.",
    "INDUCTION_NOTHING_WRITTEN": "Write what the induction should cover.",
    "RECRUITMENT_NO_QUESTIONS": "Choose at least one question to ask.",
    "RECRUITMENT_QUESTION_UNKNOWN": "That question is not in the bank, so choose from the list.",
    "RECRUITMENT_SCORE": "Give each question a score from 1 to 4, or leave it unscored.",
    "RECRUITMENT_HIRE_BY_OFFER": "Make an offer to take someone on: choose Make an offer.",
    "RECRUITMENT_NO_OFFER_TO_ACCEPT": "Make an offer first, then record that it was accepted.",
    "RECRUITMENT_NO_OFFER_TO_DECLINE": "There is no offer to decline.",
}
