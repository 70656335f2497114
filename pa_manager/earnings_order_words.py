"""Sentences for the codes of attachment of earnings orders (domain.attachment_of_earnings,
services.earnings_orders), merged into pa_manager.messages.MESSAGES, and the names the window and the
command line give the orders' kinds and rate periods. {value} is the value the Problem carries."""

KIND_NAMES = {
    "judgment_debt": "Judgment debt or administration order",
    "maintenance": "Maintenance or other order",
}

PERIOD_NAMES = {"week": "a week", "month": "a month"}

MESSAGES = {
    "AEO_KIND":
        "Choose what the order is for, as it says: a judgment debt (or administration order), or maintenance.",
    "AEO_REFERENCE_MISSING":
        "Enter the order's reference, as printed on it.",
    "AEO_REFERENCE_TAKEN":
        "This PA already has an order with reference {value}: check the reference on the order.",
    "AEO_RATE_PERIOD_UNKNOWN":
        "Choose whether the order's rates are a week or a month.",
    "AEO_RATE_PERIOD":
        "Enter the order's rates a week for a PA paid weekly, fortnightly or four-weekly, or a month for a PA "
        "paid monthly; if the order gives them another way, ask the court that sent it.",
    "AEO_NORMAL_DEDUCTION_NOT_POSITIVE":
        "Enter the normal deduction rate from the order: more than £0.",
    "AEO_PROTECTED_EARNINGS_NEGATIVE":
        "Enter the protected earnings rate from the order: £0 or more.",
    "AEO_TOTAL_NOT_POSITIVE":
        "Enter the total to pay from the order, more than £0, or leave it blank if the order does not say.",
    "AEO_STOPS_BEFORE_START":
        "Enter a stop date on or after the day deductions started.",
    "AEO_NOT_FOUND":
        "Choose the order again: it has been removed.",
    "AEO_REFERENCE_UNKNOWN":
        "Check the reference: {value} has no attachment of earnings order {reference}.",
    "AEO_ALREADY_STOPPED":
        "Order {value} is already stopped.",
}

