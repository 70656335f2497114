"""What the dashboard lists as missing, and that every such item has plain words."""
from datetime import date
from decimal import Decimal

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.missing import missing_details
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.domain.record_checks import check_employer, check_pa
from pa_manager.domain.validation import Problem
from pa_manager.messages import describe

TODAY = date(2026, 11, 23)
COMPLETE_PA = PARecord(
    name="Ann Lee", date_of_birth=date(1980, 1, 1), ni_number="JT482193B", start_date=date(2024, 1, 1),
    tax_code="1257L", emergency_contact_name="Bob Lee", pay_rates=(PayRateEntry(date(2024, 1, 1), Decimal("12.71")),),
)
COMPLETE_EMPLOYER = EmployerRecord(
    name="E", council="C", paye_reference="123/AB45678", accounts_office_reference="123PV00456789",
    insurer="I", insurance_renewal_date=date(2027, 1, 1),
)


def test_a_complete_record_has_no_gaps():
    assert missing_details(COMPLETE_EMPLOYER, [COMPLETE_PA], TODAY) == []


def test_each_gap_is_found_and_named_with_its_pa():
    bare = PARecord(name="Kit Moss", id=7)
    gaps = missing_details(EmployerRecord(name="E"), [bare], TODAY)
    assert [g.code for g in gaps] == [
        "EMPLOYER_NO_COUNCIL", "EMPLOYER_NO_PAYE_REFERENCE", "EMPLOYER_NO_ACCOUNTS_OFFICE_REFERENCE",
        "PA_NO_NI_NUMBER", "PA_NO_DATE_OF_BIRTH", "PA_NO_START_DATE", "PA_NO_TAX_CODE",
        "PA_NO_PAY_RATE", "PA_NO_EMERGENCY_CONTACT",
    ]
    assert {g.pa_id for g in gaps if g.code.startswith("PA_")} == {7}


def test_a_close_relative_is_listed_and_insurance_is_left_to_the_to_do_list():
    """Insurance not recorded, or past its renewal date, is on the to-do list (INSURANCE_MISSING,
    INSURANCE_RENEWAL), which the dashboard shows above the gaps: listing it here too said it twice."""
    from dataclasses import replace

    relative = replace(COMPLETE_PA, close_relative_in_household=True)
    for employer in (replace(COMPLETE_EMPLOYER, insurance_renewal_date=date(2026, 11, 22)),
                     replace(COMPLETE_EMPLOYER, insurer="", insurance_renewal_date=None)):
        assert [g.code for g in missing_details(employer, [relative], TODAY)] == ["PA_CLOSE_RELATIVE_NEEDS_AGREEMENT"]


def test_a_renewal_date_without_the_insurer_asks_for_the_insurer():
    from dataclasses import replace

    employer = replace(COMPLETE_EMPLOYER, insurer="")
    assert [g.code for g in missing_details(employer, [COMPLETE_PA], TODAY)] == ["EMPLOYER_NO_INSURER"]


def test_leavers_and_future_starters_are_not_nagged_about():
    from dataclasses import replace

    left = replace(PARecord(name="Gone"), start_date=date(2020, 1, 1), leaving_date=date(2026, 1, 1))
    assert missing_details(COMPLETE_EMPLOYER, [left], TODAY) == []


def test_every_gap_and_record_problem_has_a_sentence():
    codes = {g.code for g in missing_details(EmployerRecord(name="E", insurance_renewal_date=date(2020, 1, 1)),
                                             [PARecord(name="X", close_relative_in_household=True)], TODAY)}
    codes |= {g.code for g in missing_details(EmployerRecord(name="E"), [PARecord(name="X")], TODAY)}
    wrong_pa = PARecord(name="", ni_category="Q", apprentice=True, contracted_hours=Decimal("200"), tax_code="ZZZ")
    codes |= {p.code for p in check_pa(wrong_pa, TODAY).values()}
    codes |= {p.code for p in check_employer(EmployerRecord(name="")).values()}
    codes |= {"EMPLOYER_NAME_TAKEN", "PA_NAME_TAKEN", "DATE_MISSING", "DATE_FORMAT", "MONEY_FORMAT",
              "RATE_NEEDS_START_DATE", "DUPLICATE_ROW"}
    for code in codes:
        sentence = describe(Problem(code, "Kit Moss"), strict=True)
        assert sentence[0].isupper() and sentence.endswith("."), code
