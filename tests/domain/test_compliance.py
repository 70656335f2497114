"""Recruitment checks and employer duties: due dates and statuses, as tables of hand-worked dates.

Each row names the rule it checks. "Today" is 23 November 2026 unless a row says otherwise.
"""
from __future__ import annotations

from dataclasses import fields
from datetime import date

import pytest

from pa_manager import messages
from pa_manager.domain import compliance as c
from pa_manager.domain.compliance import (
    Contract, DBSCheck, DueItem, EmployerDuties, PAChecks, RecheckPolicy, Reference, RightToWorkCheck,
)

TODAY = date(2026, 11, 23)
CERT = "001234567890"


def dbs(issued: date, **kw) -> DBSCheck:
    return DBSCheck("enhanced_adults_barred", CERT, issued, **kw)


def rtw(checked: date, expires: date | None = None) -> RightToWorkCheck:
    return RightToWorkCheck("online_share_code", checked, "share_code", expires)


def good_refs(n: int = 2) -> tuple[Reference, ...]:
    return tuple(Reference(f"referee {i}", date(2020, 1, 1), date(2020, 1, 10), True) for i in range(n))


def complete_pa(**kw) -> PAChecks:
    """A PA with every check done and in date on TODAY, unless a test overrides a field."""
    base = dict(key=1, name="Sam", start_date=date(2025, 1, 6), dbs_checks=(dbs(date(2024, 12, 1)),),
                right_to_work_checks=(rtw(date(2025, 1, 2)),), references=good_refs(),
                contract=Contract(date(2025, 1, 6), date(2025, 1, 6), True, date(2025, 3, 1)))
    base.update(kw)
    return PAChecks(**base)


def codes(items) -> list[str]:
    return [i.code for i in items]


def only(items, code) -> DueItem:
    found = [i for i in items if i.code == code]
    assert len(found) == 1, codes(items)
    return found[0]


# --- statuses ------------------------------------------------------------------------------------

STATUS = [
    # due, window, expected, why
    (date(2026, 11, 22), 30, "overdue", "the day after the due date"),
    (date(2026, 11, 23), 30, "due_soon", "due today is not yet overdue"),
    (date(2026, 12, 23), 30, "due_soon", "30 days ahead: the window is inclusive"),
    (date(2026, 12, 24), 30, "ok", "31 days ahead"),
    (date(2027, 1, 21), 60, "due_soon", "59 days ahead with a 60-day window"),
]


@pytest.mark.parametrize("due, window, expected, why", STATUS)
def test_deadline_status(due, window, expected, why):
    assert c.deadline_status(due, TODAY, window) == expected, why


def test_absent_status_says_missing_rather_than_ok():
    assert c.absent_status(date(2027, 3, 1), TODAY) == "missing"
    assert c.absent_status(None, TODAY) == "missing"
    assert c.absent_status(date(2026, 12, 1), TODAY) == "due_soon"
    assert c.absent_status(date(2026, 1, 1), TODAY) == "overdue"


# --- DBS -----------------------------------------------------------------------------------------

US = dict(update_service=True, update_service_renewal=date(2027, 5, 1))

DBS_RECHECK = [
    # issued, extra fields, policy years, today, due, runs from, status, why
    (date(2023, 11, 1), {}, 3, TODAY, date(2026, 11, 1), "issue_date", "overdue", "issue + 3 years, passed"),
    (date(2024, 2, 29), {}, 3, date(2027, 2, 1), date(2027, 2, 28), "issue_date", "due_soon",
     "29 Feb 2024 + 3 years = 28 Feb 2027 (relativedelta); 27 days ahead"),
    (date(2024, 2, 29), {}, 3, TODAY, date(2027, 2, 28), "issue_date", "ok", "97 days ahead"),
    (date(2025, 12, 1), {}, 1, TODAY, date(2026, 12, 1), "issue_date", "due_soon", "a 1-year policy"),
    (date(2020, 1, 10), dict(**US, status_checks=((date(2026, 6, 1), "no_change"),)), 3, TODAY,
     date(2029, 6, 1), "status_check", "ok", "a no-change status check in the last 12 months resets the clock"),
    (date(2022, 5, 1), dict(**US, status_checks=((date(2025, 11, 23), "no_change"),)), 3, TODAY,
     date(2028, 11, 23), "status_check", "ok", "a status check exactly 12 months ago still counts"),
    (date(2022, 5, 1), dict(**US, status_checks=((date(2025, 11, 22), "no_change"),)), 3, TODAY,
     date(2025, 5, 1), "issue_date", "overdue", "12 months and a day ago: no reset, issue + 3 years"),
    (date(2022, 5, 1), dict(status_checks=((date(2026, 6, 1), "no_change"),)), 3, TODAY,
     date(2025, 5, 1), "issue_date", "overdue", "no Update Service subscription: no reset"),
    (date(2025, 1, 10), dict(**US, status_checks=((date(2026, 11, 10), "changed"),)), 3, TODAY,
     date(2026, 11, 10), "status_changed", "overdue", "a changed status: a new check is needed at once"),
    (date(2021, 3, 1), dict(**US, status_checks=((date(2026, 1, 1), "no_change"), (date(2026, 3, 1), "changed"))),
     3, TODAY, date(2026, 3, 1), "status_changed", "overdue", "the latest status check decides"),
    (date(2021, 3, 1), dict(**US, status_checks=((date(2026, 9, 1), "no_change"), (date(2026, 3, 1), "changed"))),
     3, TODAY, date(2029, 9, 1), "status_check", "ok", "a later no-change check after a change (any order)"),
    (date(2021, 3, 1), dict(**US, status_checks=((date(2026, 12, 1), "no_change"),)), 3, TODAY,
     date(2024, 3, 1), "issue_date", "overdue", "a status check dated after today is ignored"),
]


@pytest.mark.parametrize("issued, extra, years, today, due, runs_from, status, why", DBS_RECHECK)
def test_dbs_recheck(issued, extra, years, today, due, runs_from, status, why):
    policy = RecheckPolicy(dbs_recheck_years=years)
    pa = complete_pa(dbs_checks=(dbs(issued, **extra),), start_date=date(2019, 1, 1))
    item = only(c.dbs_items(pa, today, policy), "DBS_RECHECK")
    assert (item.due, item.param("runs_from"), item.status) == (due, runs_from, status), why


def test_the_latest_certificate_is_the_one_that_counts():
    pa = complete_pa(dbs_checks=(dbs(date(2025, 6, 1)), dbs(date(2021, 6, 1))))
    assert only(c.dbs_items(pa, TODAY), "DBS_RECHECK").due == date(2028, 6, 1)


def test_status_checks_accept_plain_pairs_and_named_tuples():
    a = dbs(date(2020, 1, 1), update_service=True, status_checks=((date(2026, 6, 1), "no_change"),))
    b = dbs(date(2020, 1, 1), update_service=True, status_checks=(c.StatusCheck(date(2026, 6, 1), "no_change"),))
    assert c.dbs_recheck_due(a, TODAY) == c.dbs_recheck_due(b, TODAY) == (date(2029, 6, 1), "status_check")


DBS_OTHER = [
    # pa fields, code, due, status, why
    (dict(dbs_checks=(), start_date=date(2026, 12, 14)), "DBS_MISSING", date(2026, 12, 14), "due_soon",
     "no check, starts in 21 days"),
    (dict(dbs_checks=(), start_date=date(2027, 2, 1)), "DBS_MISSING", date(2027, 2, 1), "missing",
     "no check, starts later than the window"),
    (dict(dbs_checks=(), start_date=date(2026, 3, 2)), "DBS_MISSING", date(2026, 3, 2), "overdue",
     "no check, already working"),
    (dict(dbs_checks=(), start_date=None), "DBS_MISSING", None, "missing", "no check, no start date"),
    (dict(dbs_checks=(dbs(date(2025, 6, 1), update_service=True, update_service_renewal=date(2026, 12, 10)),)),
     "DBS_UPDATE_SERVICE_RENEWAL", date(2026, 12, 10), "due_soon", "yearly subscription renews in 17 days"),
    (dict(dbs_checks=(dbs(date(2025, 6, 1), update_service=True, update_service_renewal=date(2026, 6, 10)),)),
     "DBS_UPDATE_SERVICE_RENEWAL", date(2026, 6, 10), "overdue", "renewal date passed"),
    (dict(dbs_checks=(dbs(date(2025, 6, 1), update_service=True),)),
     "DBS_UPDATE_SERVICE_RENEWAL", None, "missing", "subscribed, renewal date unknown"),
    (dict(dbs_checks=(dbs(date(2026, 11, 2), outcome="information_disclosed"),), start_date=date(2026, 12, 7)),
     "DBS_RISK_ASSESSMENT_MISSING", date(2026, 12, 7), "due_soon", "disclosure before the start: by the start"),
    (dict(dbs_checks=(dbs(date(2026, 11, 2), outcome="information_disclosed"),), start_date=date(2024, 1, 8)),
     "DBS_RISK_ASSESSMENT_MISSING", date(2026, 11, 2), "overdue", "a re-check disclosing: at once"),
]


@pytest.mark.parametrize("pa_fields, code, due, status, why", DBS_OTHER)
def test_dbs_items(pa_fields, code, due, status, why):
    item = only(c.dbs_items(complete_pa(**pa_fields), TODAY), code)
    assert (item.due, item.status, item.pa_key, item.pa_name) == (due, status, 1, "Sam"), why


def test_no_risk_assessment_item_once_assessed_or_clear():
    assessed = dbs(date(2026, 11, 2), outcome="information_disclosed", risk_assessment_date=date(2026, 11, 5))
    assert "DBS_RISK_ASSESSMENT_MISSING" not in codes(c.dbs_items(complete_pa(dbs_checks=(assessed,)), TODAY))
    assert codes(c.dbs_items(complete_pa(), TODAY)) == ["DBS_RECHECK"]


def test_coded_fields_are_checked():
    with pytest.raises(ValueError):
        DBSCheck("super_enhanced", CERT, date(2025, 1, 1))
    with pytest.raises(ValueError):
        DBSCheck("basic", CERT, date(2025, 1, 1), outcome="fine")
    with pytest.raises(ValueError):
        DBSCheck("standard", CERT, date(2025, 1, 1), status_checks=((date(2025, 2, 1), "same"),))
    with pytest.raises(ValueError):
        RightToWorkCheck("phone_call", date(2025, 1, 1))


def test_check_dbs_record():
    assert c.check_dbs_check(dbs(date(2025, 1, 1))) == {}
    found = c.check_dbs_check(DBSCheck("basic", "1234", date(2025, 1, 1), update_service=True,
                                       outcome="information_disclosed", risk_assessment_date=date(2024, 12, 1),
                                       status_checks=((date(2024, 6, 1), "no_change"),)))
    assert {k: p.code for k, p in found.items()} == {
        "certificate_number": "DBS_CERTIFICATE_FORMAT", "update_service": "DBS_UPDATE_SERVICE_LEVEL",
        "risk_assessment_date": "DATE_ORDER", "status_checks": "DATE_ORDER"}
    assert c.check_dbs_check(DBSCheck("enhanced", "0012 3456 7890", date(2025, 1, 1))) == {}


# --- right to work ---------------------------------------------------------------------------------

RTW = [
    # start, checks, code, due, status, why
    (date(2026, 12, 10), (), "RIGHT_TO_WORK_MISSING", date(2026, 12, 10), "due_soon", "before the first day"),
    (date(2027, 3, 1), (), "RIGHT_TO_WORK_MISSING", date(2027, 3, 1), "missing", "start beyond the window"),
    (date(2026, 1, 5), (), "RIGHT_TO_WORK_MISSING", date(2026, 1, 5), "overdue", "working with no check"),
    (None, (), "RIGHT_TO_WORK_MISSING", None, "missing", "no start date recorded"),
    (date(2026, 1, 5), (rtw(date(2026, 1, 6)),), "RIGHT_TO_WORK_AFTER_START", date(2026, 1, 5), "overdue",
     "checked the day after the start date"),
    (date(2026, 1, 5), (rtw(date(2026, 1, 5)),), "RIGHT_TO_WORK_AFTER_START", date(2026, 1, 5), "overdue",
     "checked on the start date: dates alone cannot show it came before the work"),
    (date(2025, 1, 6), (rtw(date(2025, 1, 2), date(2027, 1, 21)),), "RIGHT_TO_WORK_FOLLOW_UP",
     date(2027, 1, 21), "due_soon", "permission expires in 59 days; 60-day window"),
    (date(2025, 1, 6), (rtw(date(2025, 1, 2), date(2027, 1, 23)),), "RIGHT_TO_WORK_FOLLOW_UP",
     date(2027, 1, 23), "ok", "permission expires in 61 days; 60-day window"),
    (date(2025, 1, 6), (rtw(date(2025, 1, 2), TODAY),), "RIGHT_TO_WORK_FOLLOW_UP",
     TODAY, "due_soon", "expires today: still due, not overdue"),
    (date(2025, 1, 6), (rtw(date(2025, 1, 2), date(2026, 11, 22)),), "RIGHT_TO_WORK_FOLLOW_UP",
     date(2026, 11, 22), "overdue", "expired yesterday with no follow-up"),
    (date(2025, 1, 6), (rtw(date(2025, 1, 2), date(2026, 2, 1)), rtw(date(2026, 1, 20), date(2028, 2, 1))),
     "RIGHT_TO_WORK_FOLLOW_UP", date(2028, 2, 1), "ok", "the follow-up check's new expiry counts"),
]


@pytest.mark.parametrize("start, checks, code, due, status, why", RTW)
def test_right_to_work(start, checks, code, due, status, why):
    pa = complete_pa(start_date=start, right_to_work_checks=checks)
    item = only(c.right_to_work_items(pa, TODAY, within_days=60), code)
    assert (item.due, item.status) == (due, status), why


def test_right_to_work_in_order_gives_nothing():
    assert c.right_to_work_items(complete_pa(), TODAY) == []
    # A follow-up with no time limit (settled status, say) ends the follow-ups.
    checks = (rtw(date(2025, 1, 2), date(2026, 2, 1)), rtw(date(2026, 1, 20)))
    assert c.right_to_work_items(complete_pa(right_to_work_checks=checks), TODAY) == []


@pytest.mark.parametrize("leaving, keep", [
    (date(2025, 6, 30), date(2027, 6, 30)),
    (date(2024, 2, 29), date(2026, 2, 28)),  # 29 February + 2 years
    (date(2026, 12, 31), date(2028, 12, 31)),
])
def test_right_to_work_is_kept_two_years_after_leaving(leaving, keep):
    assert c.keep_until("right_to_work", leaving) == keep


def test_shifts_before_right_to_work():
    shifts = {
        "ann": [date(2026, 3, 2), date(2026, 3, 1), date(2026, 3, 3), date(2026, 3, 1)],
        "bob": [date(2026, 3, 2)],
        "cat": [date(2026, 3, 1)],
    }
    checks = {"ann": [rtw(date(2026, 3, 2))], "cat": [rtw(date(2026, 2, 20))]}
    # ann: checked on 2 March, so shifts on 1 and 2 March came before a check dated before them.
    # bob: never checked. cat: checked before her shift.
    assert c.shifts_before_right_to_work(shifts, checks) == [
        ("ann", date(2026, 3, 1)), ("ann", date(2026, 3, 2)), ("bob", date(2026, 3, 2))]
    assert c.shifts_before_right_to_work({}, {}) == []


# --- references and contract ---------------------------------------------------------------------

def ref(received: date | None, satisfactory: bool | None) -> Reference:
    return Reference("a referee", date(2026, 10, 1), received, satisfactory)


REFERENCES = [
    # references, required, expected count received or None for no item, why
    (good_refs(2), 2, None, "two satisfactory"),
    ((ref(date(2026, 10, 5), True), ref(date(2026, 10, 6), False)), 2, 1, "one unsatisfactory"),
    ((ref(date(2026, 10, 5), True), ref(date(2026, 10, 6), None)), 2, 1, "one not yet judged"),
    ((ref(date(2026, 10, 5), True), ref(None, None)), 2, 1, "one requested, not received"),
    ((), 2, 0, "none"),
    ((ref(date(2026, 10, 5), True),), 1, None, "a policy of one reference"),
]


@pytest.mark.parametrize("refs, required, received, why", REFERENCES)
def test_references(refs, required, received, why):
    pa = complete_pa(references=refs, start_date=date(2026, 12, 1))
    items = c.reference_items(pa, TODAY, RecheckPolicy(references_required=required))
    if received is None:
        assert items == [], why
    else:
        (item,) = items
        assert (item.code, item.due, item.status, item.param("received"), item.param("required")) == (
            "REFERENCES_MISSING", date(2026, 12, 1), "due_soon", received, required), why


CONTRACT = [
    # start, contract, code, due, status, why
    (date(2026, 9, 1), None, "CONTRACT_STATEMENT_DUE", date(2026, 9, 1), "overdue",
     "written statement due on or before day one (ERA 1996 s.1)"),
    (date(2026, 12, 1), Contract(), "CONTRACT_STATEMENT_DUE", date(2026, 12, 1), "due_soon", "starts in 8 days"),
    (date(2026, 9, 1), Contract(date(2026, 9, 1)), "INDUCTION_DUE", date(2026, 11, 24), "due_soon",
     "1 September + 12 weeks = 24 November"),
    (date(2026, 8, 1), Contract(date(2026, 8, 1)), "INDUCTION_DUE", date(2026, 10, 24), "overdue",
     "1 August + 84 days = 24 October"),
    (date(2026, 11, 2), Contract(date(2026, 11, 2)), "INDUCTION_DUE", date(2027, 1, 25), "ok", "in hand"),
    (None, None, "INDUCTION_DUE", None, "missing", "no start date"),
]


@pytest.mark.parametrize("start, contract, code, due, status, why", CONTRACT)
def test_contract(start, contract, code, due, status, why):
    item = only(c.contract_items(complete_pa(start_date=start, contract=contract), TODAY), code)
    assert (item.due, item.status) == (due, status), why


def test_induction_item_says_it_is_practice():
    item = only(c.contract_items(complete_pa(contract=Contract(date(2025, 1, 6))), TODAY), "INDUCTION_DUE")
    assert item.param("practice_not_law") is True


# --- employer duties -------------------------------------------------------------------------------

def employer(duties: EmployerDuties, pas=(complete_pa(),), today=TODAY, window=30):
    return c.employer_items(today, duties, list(pas), window)


REGISTERED = dict(insurance_renewal_date=date(2027, 6, 1), paye_registered_on=date(2024, 12, 1),
                  pension_duties_start=date(2025, 1, 6), declaration_of_compliance_on=date(2025, 3, 1),
                  direct_payment_start=date(2024, 11, 1), last_council_review_on=date(2026, 5, 1))

DUTIES = [
    # changed duties fields, PAs (None = one complete PA), code, due, status, why
    (dict(insurance_renewal_date=date(2026, 12, 1)), None, "INSURANCE_RENEWAL", date(2026, 12, 1), "due_soon",
     "renews in 8 days"),
    (dict(insurance_renewal_date=None), None, "INSURANCE_MISSING", None, "missing",
     "employing with no insurance recorded: record it, there is nothing to renew"),
    (dict(paye_registered_on=None), [complete_pa(start_date=date(2026, 12, 20))], "PAYE_REGISTRATION",
     date(2026, 12, 20), "due_soon", "first PA starts in 27 days"),
    (dict(paye_registered_on=None), None, "PAYE_REGISTRATION", date(2025, 1, 6), "overdue", "already employing"),
    (dict(pension_duties_start=date(2025, 8, 31), declaration_of_compliance_on=None), None,
     "PENSION_DECLARATION", date(2026, 1, 31), "overdue", "31 August + 5 months = 31 January (relativedelta)"),
    (dict(pension_duties_start=date(2026, 7, 1), declaration_of_compliance_on=None), None,
     "PENSION_DECLARATION", date(2026, 12, 1), "due_soon", "1 July + 5 months"),
    (dict(pension_duties_start=date(2026, 9, 30), declaration_of_compliance_on=None), None,
     "PENSION_DECLARATION", date(2027, 2, 28), "ok", "30 September + 5 months = 28 February"),
    (dict(pension_duties_start=None, declaration_of_compliance_on=None), None,
     "PENSION_DECLARATION", date(2025, 6, 6), "overdue", "duties start taken as the first PA's start, 6 January"),
    (dict(pension_duties_start=date(2022, 1, 4), declaration_of_compliance_on=date(2022, 3, 1),
          last_re_enrolment_on=date(2025, 1, 4)), None,
     "PENSION_DECLARATION", date(2025, 6, 4), "overdue", "re-declaration within 5 months of re-enrolment"),
    (dict(pension_duties_start=date(2023, 12, 1)), None, "PENSION_RE_ENROLMENT", date(2026, 12, 1), "due_soon",
     "the 3rd anniversary of the duties start"),
    (dict(pension_duties_start=date(2023, 12, 1), last_re_enrolment_on=date(2026, 10, 15)), None,
     "PENSION_RE_ENROLMENT", date(2029, 12, 1), "ok", "re-enrolled within the window before the anniversary"),
    (dict(pension_duties_start=date(2024, 2, 29)), None, "PENSION_RE_ENROLMENT", date(2027, 2, 28), "ok",
     "29 February + 3 years"),
    (dict(direct_payment_start=date(2026, 6, 1), last_council_review_on=None), None, "COUNCIL_REVIEW",
     date(2026, 12, 1), "due_soon", "first review within 6 months of the start (reg 7)"),
    (dict(direct_payment_start=date(2026, 8, 31), last_council_review_on=None), None, "COUNCIL_REVIEW",
     date(2027, 2, 28), "ok", "31 August + 6 months = 28 February"),
    (dict(last_council_review_on=date(2025, 11, 1)), None, "COUNCIL_REVIEW", date(2026, 11, 1), "overdue",
     "then no more than 12 months after the last review"),
]


@pytest.mark.parametrize("changes, pas, code, due, status, why", DUTIES)
def test_employer_duties(changes, pas, code, due, status, why):
    duties = EmployerDuties(**{**REGISTERED, **changes})
    item = only(employer(duties, pas if pas is not None else (complete_pa(),)), code)
    assert (item.due, item.status, item.pa_key) == (due, status, None), why


def test_employer_in_order_has_only_ok_items():
    items = employer(EmployerDuties(**REGISTERED))
    assert {i.status for i in items} == {"ok"}
    assert sorted(codes(items)) == ["COUNCIL_REVIEW", "INSURANCE_RENEWAL", "PENSION_RE_ENROLMENT"]


def test_paye_registration_waits_for_a_start_within_the_window():
    duties = EmployerDuties(**{**REGISTERED, "paye_registered_on": None})
    assert "PAYE_REGISTRATION" not in codes(employer(duties, [complete_pa(start_date=date(2027, 2, 1))]))
    assert "PAYE_REGISTRATION" not in codes(employer(duties, []))


def test_nobody_employed_needs_no_insurance_or_re_enrolment():
    duties = EmployerDuties(**{**REGISTERED, "insurance_renewal_date": None})
    leaver = complete_pa(leaving_date=date(2026, 6, 30))
    assert sorted(codes(employer(duties, [leaver]))) == ["COUNCIL_REVIEW"]


@pytest.mark.parametrize("start, last, expected", [
    (date(2023, 12, 1), None, date(2026, 12, 1)),
    (date(2020, 3, 1), date(2023, 5, 20), date(2026, 3, 1)),  # late, within 3 months after
    (date(2020, 3, 1), date(2022, 12, 1), date(2026, 3, 1)),  # early, on the window's first day
    (date(2020, 3, 1), date(2026, 2, 1), date(2029, 3, 1)),
])
def test_next_re_enrolment(start, last, expected):
    assert c.next_re_enrolment(start, last) == expected


# --- leavers and the whole list --------------------------------------------------------------------

def test_leaver_gets_only_retention_items():
    leaver = complete_pa(leaving_date=date(2026, 10, 31), dbs_checks=(dbs(date(2022, 1, 1)),), references=(),
                         contract=None)
    items = {i.code: i for i in c.pa_items(leaver, TODAY)}
    assert set(items) == {"RIGHT_TO_WORK_RETENTION_ENDS", "DBS_RECORD_RETENTION_ENDS"}
    assert items["RIGHT_TO_WORK_RETENTION_ENDS"].due == date(2028, 10, 31)
    assert items["DBS_RECORD_RETENTION_ENDS"].due == date(2027, 4, 30)  # 31 October + 6 months


def test_leaver_retention_falls_due():
    leaver = complete_pa(leaving_date=date(2026, 5, 20))
    items = {i.code: i for i in c.pa_items(leaver, TODAY)}
    assert (items["DBS_RECORD_RETENTION_ENDS"].due, items["DBS_RECORD_RETENTION_ENDS"].status) == (
        date(2026, 11, 20), "overdue")
    assert items["RIGHT_TO_WORK_RETENTION_ENDS"].status == "ok"


def test_leaver_with_no_records_has_nothing():
    leaver = complete_pa(leaving_date=date(2026, 10, 31), dbs_checks=(), right_to_work_checks=())
    assert c.pa_items(leaver, TODAY) == []


def test_pa_leaving_on_today_is_still_employed():
    pa = complete_pa(leaving_date=TODAY, dbs_checks=())
    assert "DBS_MISSING" in codes(c.pa_items(pa, TODAY))


def test_nothing_falls_due_after_a_known_leaving_date():
    staying_to = date(2026, 12, 31)
    before = complete_pa(leaving_date=staying_to, dbs_checks=(dbs(date(2023, 12, 15)),))
    after = complete_pa(leaving_date=staying_to, dbs_checks=(dbs(date(2024, 1, 15)),))
    assert only(c.pa_items(before, TODAY), "DBS_RECHECK").due == date(2026, 12, 15)
    assert "DBS_RECHECK" not in codes(c.pa_items(after, TODAY))


def test_due_items_order():
    duties = EmployerDuties(**{**REGISTERED, "insurance_renewal_date": date(2026, 12, 20),
                               "last_council_review_on": date(2025, 11, 1)})
    pas = [
        complete_pa(key=1, name="Ann", dbs_checks=(dbs(date(2023, 6, 1)),)),  # recheck overdue 1 Jun 2026
        complete_pa(key=2, name="Bob", start_date=date(2027, 2, 1), dbs_checks=(), right_to_work_checks=(),
                    references=(), contract=None),  # missing items, no urgency yet
        complete_pa(key=3, name="Cat", right_to_work_checks=(rtw(date(2025, 1, 2), date(2026, 12, 5)),)),
        complete_pa(key=4, name="Dan", leaving_date=date(2026, 10, 31)),  # leaver: retention ok, hidden
    ]
    items = c.due_items(TODAY, duties, pas)
    assert [(i.code, i.pa_name, i.status) for i in items] == [
        ("DBS_RECHECK", "Ann", "overdue"),
        ("COUNCIL_REVIEW", None, "overdue"),
        ("RIGHT_TO_WORK_FOLLOW_UP", "Cat", "due_soon"),
        ("INSURANCE_RENEWAL", None, "due_soon"),
        ("CONTRACT_STATEMENT_DUE", "Bob", "missing"),
        ("DBS_MISSING", "Bob", "missing"),
        ("REFERENCES_MISSING", "Bob", "missing"),
        ("RIGHT_TO_WORK_MISSING", "Bob", "missing"),
        # Bob's induction is 12 weeks after a start beyond the window: ok, so hidden.
    ]
    with_ok = c.due_items(TODAY, duties, pas, include_ok=True)
    assert [i.status for i in with_ok] == sorted((i.status for i in with_ok), key=c.STATUSES.index)
    assert len(with_ok) > len(items)
    ok_dates = [i.due for i in with_ok if i.status == "ok"]
    assert ok_dates == sorted(ok_dates)


def test_every_item_code_is_listed():
    pas = [complete_pa(key=1, dbs_checks=(), right_to_work_checks=(), references=(), contract=None),
           complete_pa(key=2, leaving_date=date(2026, 1, 1))]
    items = c.due_items(TODAY, EmployerDuties(direct_payment_start=date(2026, 1, 1)), pas, include_ok=True)
    assert {i.code for i in items} <= c.CODES
    assert {i.status for i in items} <= set(c.STATUSES)


def test_every_code_has_a_sentence():
    assert messages.missing_messages(c.CODES | {c.DBS_UPDATE_SERVICE_LEVEL}) == set()


# --- retention facts -------------------------------------------------------------------------------

def test_retention_is_data_in_codes():
    dbs_rule = c.RETENTION["dbs_check"]
    assert "disclosure_content" in dbs_rule.never_keep
    # The DBS record holds nothing beyond what may be kept, plus the working fields of the rules.
    assert set(dbs_rule.keep) <= {f.name for f in fields(DBSCheck)}
    assert "disclosure_content" not in {f.name for f in fields(DBSCheck)}
    assert c.keep_until("dbs_check", date(2026, 8, 31)) == date(2027, 2, 28)
