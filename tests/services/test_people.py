"""Saving PAs: checked before storing, names unique per employer, leavers, and undo's restore."""
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import employers, people, undo
from pa_manager.services import undo_rules
from pa_manager.services.errors import ValidationFailed


@pytest.fixture
def employer(db):
    return employers.save_employer(db, EmployerRecord(name="Ada Lovell"))


def test_a_valid_pa_is_stored_with_normalised_values_and_rates(db, employer, today):
    saved = people.save_pa(
        db,
        employer.id,
        PARecord(
            name="  Ravi Patel ",
            date_of_birth=date(1990, 5, 17),
            ni_number="JT482193B",
            tax_code="1257L",
            start_date=date(2025, 1, 6),
            pay_rates=(PayRateEntry(date(2025, 1, 6), Decimal("12.60")), PayRateEntry(date(2026, 4, 1), Decimal("13.45"))),
        ),
        today,
    )
    stored = people.get_pa(db, saved.id)
    assert stored.name == "Ravi Patel"
    assert stored.rate_on(today) == Decimal("13.45")
    assert stored.rate_on(date(2026, 3, 31)) == Decimal("12.60")


@pytest.mark.parametrize(
    "changes, field, code",
    [
        ({"ni_number": "QQ123456C"}, "ni_number", "NI_NUMBER_PREFIX"),
        ({"tax_code": "1257Q"}, "tax_code", "TAX_CODE_FORMAT"),
        ({"name": "   "}, "name", "NAME_MISSING"),
        ({"start_date": date(2026, 1, 5), "leaving_date": date(2025, 12, 1)}, "leaving_date", "LEAVING_BEFORE_START"),
        ({"apprentice": True}, "apprenticeship_start", "APPRENTICESHIP_START_MISSING"),
        ({"contracted_hours": Decimal("0")}, "contracted_hours", "CONTRACTED_HOURS_INVALID"),
        ({"date_of_birth": date(2015, 1, 1)}, "date_of_birth", "DATE_OF_BIRTH_TOO_YOUNG"),
        ({"ni_category": "X"}, "ni_category", "NI_CATEGORY_UNKNOWN"),
    ],
)
def test_a_wrong_field_is_named_and_nothing_is_stored(db, employer, today, changes, field, code):
    record = replace(PARecord(name="Kim Ng"), **changes)
    with pytest.raises(ValidationFailed) as failure:
        people.save_pa(db, employer.id, record, today)
    assert failure.value.problems[field].code == code
    assert people.list_pas(db, employer.id) == []


def test_two_pas_of_one_employer_cannot_share_a_name_but_two_employers_can(db, employer, today):
    other = employers.save_employer(db, EmployerRecord(name="Ben Hale"))
    people.save_pa(db, employer.id, PARecord(name="Sam Lee"), today)
    people.save_pa(db, other.id, PARecord(name="Sam Lee"), today)
    with pytest.raises(ValidationFailed) as failure:
        people.save_pa(db, employer.id, PARecord(name="sam lee"), today)
    assert failure.value.problems["name"].code == "PA_NAME_TAKEN"


def test_recording_a_leaver_keeps_their_record_but_they_stop_being_current(db, employer, today):
    pa = people.save_pa(db, employer.id, PARecord(name="Jo Bright", start_date=date(2024, 1, 8)), today)
    people.record_leaver(db, employer.id, pa.id, date(2026, 10, 31), "Retired", today)
    stored = people.get_pa(db, pa.id)
    assert stored.leaving_date == date(2026, 10, 31) and stored.leaving_reason == "Retired"
    assert not stored.is_current(today)
    assert employers.list_employers(db, today)[0].current_pas == 0


def test_redo_puts_back_an_added_pa_with_the_same_id_and_rates(db, employer, today):
    added = people.save_pa_undoably(
        db, employer.id, PARecord(name="Lee Fox", pay_rates=(PayRateEntry(date(2026, 4, 1), Decimal("12.71")),)), today
    )
    redo = undo_rules.reverse(db, added.change, today)
    assert people.list_pas(db, employer.id) == []
    undo_rules.reverse(db, redo, today)
    assert replace(people.get_pa(db, added.value.id), version=None) == replace(added.value, version=None)


def test_a_pa_put_back_with_an_id_not_yet_handed_out_does_not_take_the_next_new_pas(db, employer, today):
    """Undo puts rows back with their old ids. Should one be ahead of the id sequence (the database was
    restored from an older backup, or the rows were copied in), the next new row still gets an id of its
    own: SQLite carries on from the largest id; on PostgreSQL the sequence is moved past it first."""
    ann = people.save_pa_undoably(db, employer.id, PARecord(name="Ann Cole"), today)
    [row] = ann.change.rows
    ahead = undo.RowChange("pas", ann.value.id + 1, {**row.new, "id": ann.value.id + 1, "name": "Bea Dunn"}, None)
    undo_rules.reverse(db, undo.Change("PA_REMOVED", employer.id, {}, (ahead,)), today)
    cy = people.save_pa(db, employer.id, PARecord(name="Cy Eves"), today)
    assert cy.id > ann.value.id + 1
    assert [pa.name for pa in people.list_pas(db, employer.id)] == ["Ann Cole", "Bea Dunn", "Cy Eves"]


def test_pay_lines_come_back_in_one_order_by_date_kind_and_shift_type_even_after_a_change(db, employer, today):
    """The order is the lines' key, on both databases: SQLite happened to give it (through the unique
    index), PostgreSQL gives rows of one date in no set order and moves a changed row to the end."""
    sleep_in = PayRateEntry(date(2026, 4, 1), Decimal("80.00"), "sleep_in_allowance")
    nights = PayRateEntry(date(2026, 4, 1), Decimal("15.00"), "hourly", "waking_night")
    basic = PayRateEntry(date(2026, 4, 1), Decimal("12.71"))
    older = PayRateEntry(date(2025, 4, 1), Decimal("12.21"))
    pa = people.save_pa(db, employer.id, PARecord(name="Ann Cole", pay_rates=(sleep_in, nights, basic, older)), today)
    assert pa.pay_rates == (older, basic, nights, sleep_in)
    raised = replace(basic, amount=Decimal("13.00"))
    people.save_pa(db, employer.id, replace(pa, pay_rates=(older, raised, nights, sleep_in)), today)
    assert people.get_pa(db, pa.id).pay_rates == (older, raised, nights, sleep_in)


def test_employer_references_are_checked(db):
    with pytest.raises(ValidationFailed) as failure:
        employers.save_employer(db, EmployerRecord(name="X", paye_reference="12/AB", accounts_office_reference="123PX0012345"))
    assert set(failure.value.problems) == {"paye_reference", "accounts_office_reference"}


def test_employer_names_are_unique_ignoring_case(db):
    employers.save_employer(db, EmployerRecord(name="Ada Lovell"))
    with pytest.raises(ValidationFailed) as failure:
        employers.save_employer(db, EmployerRecord(name="ADA LOVELL"))
    assert failure.value.problems["name"].code == "EMPLOYER_NAME_TAKEN"


def test_names_are_the_same_ignoring_case_in_any_alphabet_on_every_database(db, employer, today):
    """SQLite's lower() folds A to Z only, PostgreSQL's follows the server's locale: names are compared
    (and listed) by the app's own rule instead."""
    zoe = employers.save_employer(db, EmployerRecord(name="Zoë Ásgeirsdóttir"))
    assert employers.find_employer(db, "  ZOË ÁSGEIRSDÓTTIR ").id == zoe.id
    with pytest.raises(ValidationFailed) as failure:
        employers.save_employer(db, EmployerRecord(name="zoë ásgeirsdóttir"))
    assert failure.value.problems["name"].code == "EMPLOYER_NAME_TAKEN"
    people.save_pa(db, employer.id, PARecord(name="Łucja Żak"), today)
    with pytest.raises(ValidationFailed) as failure:
        people.save_pa(db, employer.id, PARecord(name="ŁUCJA ŻAK"), today)
    assert failure.value.problems["name"].code == "PA_NAME_TAKEN"


def test_names_are_listed_in_one_order_on_every_database(db, employer, today):
    for name in ("anna", "Ann-Marie Bell", "Ann Cole", "ÁINE Doyle", "Zac"):
        people.save_pa(db, employer.id, PARecord(name=name), today)
        employers.save_employer(db, EmployerRecord(name=name))
    expected = ["Ann Cole", "Ann-Marie Bell", "anna", "Zac", "ÁINE Doyle"]  # case folded, then by character
    assert [pa.name for pa in people.list_pas(db, employer.id)] == expected
    assert [e.name for e in employers.list_employers(db, today) if e.id != employer.id] == expected


def test_identifiers_are_stored_in_their_one_form_and_a_bad_one_is_reported_as_typed(db, employer, today):
    typed = PARecord(name="Ann Lee", ni_number="sn 90 33 66 a", postcode="av27lp", email="Ann@Example.ORG",
                     tax_code="1257lm1")
    stored = people.get_pa(db, people.save_pa(db, employer.id, typed, today).id)
    assert (stored.ni_number, stored.postcode, stored.email, stored.tax_code) == (
        "SN903366A", "AV2 7LP", "Ann@example.org", "1257L M1")
    with pytest.raises(ValidationFailed) as failed:
        people.save_pa(db, employer.id, replace(typed, name="Bo Lee", postcode="av2"), today)
    assert (failed.value.problems["postcode"].code, failed.value.problems["postcode"].value) == ("POSTCODE_FORMAT", "av2")
