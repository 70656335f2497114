"""Sentences for the codes of statutory family pay (domain.family_pay, services.family_leave), merged into
pa_manager.messages.MESSAGES. Same rules as there: {value} is the value the Problem carries (the PA's
name), other names are its details."""

MESSAGES = {
    # --- the record (domain.family_pay.check_leave) ---
    "FAMILY_PAY_KIND_UNKNOWN":
        "Choose the kind of pay: maternity, paternity, adoption, shared parental or parental bereavement.",
    "FAMILY_PAY_BASIS_DOES_NOT_FIT":
        "Choose adoption only for adoption, paternity or shared parental pay.",
    "FAMILY_PAY_TOO_MANY_WEEKS":
        "Enter fewer weeks of pay: this kind of pay has a limit set by law.",
    "FAMILY_PAY_NO_WEEKS":
        "Enter at least 1 week of pay, or leave the weeks blank for the most the law allows.",
    "FAMILY_PAY_TOO_MANY_KIT_DAYS":
        "Remove some keeping-in-touch days: the law allows 10 during maternity or adoption leave, 20 during "
        "shared parental leave and none during paternity or bereavement leave.",
    "FAMILY_PAY_KIT_DAY_OUTSIDE_LEAVE":
        "Enter keeping-in-touch days that fall within the leave.",
    "FAMILY_PAY_NEGATIVE_EARNINGS":
        "Enter average weekly earnings of £0 or more.",
    "FAMILY_PAY_STARTS_BEFORE_RATES":
        "Enter a pay start date from 7 April 2024 on: PA Manager has no statutory pay rates before then.",
    "FAMILY_PAY_STARTS_BEFORE_LEAVE":
        "Enter a pay start date on or after the first day of leave.",
    "FAMILY_PAY_LEAVE_ENDS_BEFORE_START":
        "Enter a last day of leave on or after the first day.",
    "FAMILY_LEAVE_NOT_FOUND":
        "Choose the leave again: it has been removed.",
    # --- eligibility (domain.family_pay.eligibility) ---
    "FAMILY_PAY_SERVICE_TOO_SHORT":
        "No statutory pay is due to {value}, who had not worked for you for 26 weeks by the qualifying week: give "
        "them form SMP1 (or the matching form for other leave) saying why.",
    "FAMILY_PAY_LEFT_BEFORE_QUALIFYING_WEEK":
        "No statutory pay is due from you to {value}, who left before the qualifying week.",
    "FAMILY_PAY_BELOW_LEL":
        "No statutory pay is due to {value}, whose average weekly earnings were below the lower earnings limit: "
        "give them form SMP1 (or the matching form for other leave) saying why.",
}
