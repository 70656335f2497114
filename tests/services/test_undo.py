"""Undo as data: each action a person can take back returns the change it made, and undo.reverse puts
the rows back in one transaction, checking again what the records must keep.

For each action: do it, undo it and compare every row the employer has with the rows before; redo it
and compare with the rows after. Then the refusals: a change someone has overtaken, a PA paid since,
a PA whose record would no longer pass its checks.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timezone
from decimal import Decimal as D

import pytest

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.domain import compliance
from pa_manager.domain.budget import LedgerEntry
from pa_manager.services import (
    budget, budget_report, checks, employers, history, hours, pay_day, pay_runs, people, rota, shifts, staff_import,
    timesheets, training, transfer, undo, undo_rules,
)
from pa_manager.services.errors import ChangedElsewhere, ServiceError, ValidationFailed
from pa_manager.services.undo_rules import NOT_CHECKED, RULES
from pa_manager.storage.export_schema import owned_tables
from pa_manager.storage.transfer import dump_employer
from pa_manager.wording import CHECK_NOUNS, undo_codes, undo_text
from tests.saying import raises_saying
from tests.services.renumbered import as_stored
from pa_manager.messages import say

NOW = datetime(2026, 11, 30, 12, tzinfo=timezone.utc)
RATE = PayRateEntry(date(2026, 4, 1), D("12.71"))


def rows_of(db, employer_id: int) -> dict:
    """Every row the employer owns, table by table, each as stored but for its version (which moves on at
    every write) and the change history (undo is a change too, and is noted)."""
    with db.connection() as c:
        tables = dump_employer(c, employer_id)
    tables.pop("changes")
    return {name: [{k: v for k, v in row.items() if k != "version"} for row in rows] for name, rows in tables.items()}


def _stored(db, table: str, row_id: int) -> dict:
    """A row as the database holds it (for changes made by hand)."""
    from sqlalchemy import select

    from pa_manager.storage.models import Base

    with db.connection() as c:
        t = Base.metadata.tables[table]
        return dict(c.execute(select(t).where(t.c.id == row_id)).one()._mapping)


def undo_and_redo(db, employer_id: int, act, today: date):
    """Do `act` (returning its change), undo it, redo it; check the rows at each step. Returns the change."""
    before = rows_of(db, employer_id)
    change = act()
    after = rows_of(db, employer_id)
    assert after != before, "the action changed nothing"
    redo = undo_rules.reverse(db, change, today)
    assert rows_of(db, employer_id) == before
    again = undo_rules.reverse(db, redo, today)
    assert rows_of(db, employer_id) == after
    assert (redo.code, again.code, redo.facts) == (change.code, change.code, change.facts)
    assert change.code in undo_codes(), "Edit > Undo has no words for it (wording.undo_text)"
    return change


@pytest.fixture
def employer(db):
    return employers.save_employer(db, EmployerRecord(
        name="Ada Lovell", address="2 Hill Street\nYork", postcode="YO1 7AB", paye_reference="123/AB456",
        pay_frequency=PayFrequency.MONTHLY))


def a_pa(name: str, **fields) -> PARecord:
    return PARecord(name=name, date_of_birth=date(1980, 1, 1), start_date=date(2026, 1, 5), tax_code="1257L",
                    contracted_hours=D("16"), pay_rates=(RATE,), **fields)


@pytest.fixture
def ann(db, employer, today):
    return people.save_pa(db, employer.id, a_pa("Ann Cole", ni_number="AB123456C"), today)


def work(db, employer_id: int, pa_id: int, day: date):
    return shifts.save_shift(db, employer_id, shifts.ShiftInput(pa_id, day, time(9), time(17)))


def finalise_november(db, employer_id: int):
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 30), NOW, confirmed=True)


# --- the applier ----------------------------------------------------------------------------------------


def test_every_table_an_employer_owns_has_its_rules_or_says_why_it_needs_none():
    checked = set().union(*(rule.tables for rule in RULES))
    owned = {t.name for t in owned_tables()}
    assert checked | NOT_CHECKED.keys() == owned
    assert not checked & NOT_CHECKED.keys()


def test_a_change_holds_only_the_rows_the_action_changed_as_they_were_and_became(db, employer, ann, today):
    done = people.save_pa_undoably(db, employer.id, replace(ann, phone="07700 900982"), today)
    [row] = done.change.rows
    assert (row.table, row.id, row.old["phone"], row.new["phone"]) == ("pas", ann.id, "", "07700 900982")
    assert row.new["version"] == row.old["version"] + 1
    assert (done.change.code, done.change.facts, done.change.employer_id) == ("PA_CHANGED", {"name": "Ann Cole"},
                                                                              employer.id)
    assert undo_text(done.change) == "Change Ann Cole's details"


def test_actions_not_recorded_write_the_same_and_keep_no_rows_until_the_block_ends(db, employer, ann, today):
    with pytest.raises(ValueError), undo.not_recorded():
        done = people.save_pa_undoably(db, employer.id, replace(ann, phone="07700 900982"), today)
        added = budget.save_entry(db, employer.id, LedgerEntry(date(2026, 5, 1), D("-20.00"), "other", "Taxi"))
        raise ValueError("the block ends with an error")
    assert (done.change.code, done.change.facts, done.change.rows) == ("PA_CHANGED", {"name": "Ann Cole"}, ())
    assert added.change.rows == ()
    assert people.get_pa(db, ann.id).phone == "07700 900982"  # written all the same
    assert [e.entry.description for e in budget.list_entries(db, employer.id)] == ["Taxi"]

    again = people.save_pa_undoably(db, employer.id, replace(people.get_pa(db, ann.id), phone="07700 900123"), today)
    [row] = again.change.rows  # recorded again once the block has ended, error or not
    assert (row.old["phone"], row.new["phone"]) == ("07700 900982", "07700 900123")


def test_undo_that_someone_has_overtaken_is_refused_and_changes_nothing(db, employer, ann, today):
    first = people.save_pa_undoably(db, employer.id, replace(ann, phone="07700 900982"), today)
    people.save_pa(db, employer.id, replace(first.value, email="ann@example.com"), today)  # someone else, meanwhile
    before = rows_of(db, employer.id)
    with pytest.raises(ChangedElsewhere) as refused:
        undo_rules.reverse(db, first.change, today)
    assert "changed since" in say(refused.value)
    assert rows_of(db, employer.id) == before


def test_a_row_put_back_whose_id_was_handed_out_again_comes_back_under_a_new_one_with_its_lines(
        db, employer, today):
    added = people.save_pa_undoably(db, employer.id, PARecord(name="Bea Dunn", pay_rates=(RATE,)), today)
    redo = undo_rules.reverse(db, added.change, today)
    cy = people.save_pa(db, employer.id, PARecord(name="Cy Eves"), today)  # SQLite gives Bea's id to Cy
    again = undo_rules.reverse(db, redo, today)
    bea = next(pa for pa in people.list_pas(db, employer.id) if pa.name == "Bea Dunn")
    assert bea.pay_rates == (RATE,) and people.get_pa(db, cy.id).name == "Cy Eves"
    assert [r.id for r in again.rows_of("pas")] == [bea.id]
    undo_rules.reverse(db, again, today)  # and undo takes the right one away
    assert [pa.name for pa in people.list_pas(db, employer.id)] == ["Cy Eves"]


# --- PAs -----------------------------------------------------------------------------------------------


def test_adding_a_pa(db, employer, today):
    change = undo_and_redo(db, employer.id, lambda: people.save_pa_undoably(
        db, employer.id, PARecord(name="Bea Dunn", pay_rates=(RATE,)), today).change, today)
    assert undo_text(change) == "Add Bea Dunn"


def test_changing_a_pas_details_and_pay_notes_each_rate_put_back(db, employer, ann, today):
    raised = replace(RATE, amount=D("13.50"))
    change = undo_and_redo(db, employer.id, lambda: people.save_pa_undoably(
        db, employer.id, replace(ann, phone="07700 900982", pay_rates=(raised,)), today).change, today)
    assert undo_text(change) == "Change Ann Cole's details"
    noted = [(c.code, c.facts.get("amount"), c.facts.get("was")) for c in history.change_history(db, employer.id)]
    # newest first: the redo, the undo, the change itself, then adding her
    assert noted[:3] == [("PAY_RATE_CHANGED", "13.50", "12.71"), ("PAY_RATE_CHANGED", "12.71", "13.50"),
                         ("PAY_RATE_CHANGED", "13.50", "12.71")]


def test_recording_a_leaver(db, employer, ann, today):
    change = undo_and_redo(db, employer.id, lambda: people.record_leaver(
        db, employer.id, ann.id, date(2026, 12, 31), "Moved away", today, version=ann.version).change, today)
    assert undo_text(change) == "Record Ann Cole as leaving"


def test_recording_a_leaver_on_a_record_someone_has_changed_since_is_refused(db, employer, ann, today):
    people.save_pa(db, employer.id, replace(ann, phone="07700 900982"), today)
    with pytest.raises(ChangedElsewhere):
        people.record_leaver(db, employer.id, ann.id, date(2026, 12, 31), "Moved away", today, version=ann.version)


def test_undoing_the_adding_of_a_pa_paid_since_is_refused_in_words(db, employer, today):
    added = people.save_pa_undoably(db, employer.id, a_pa("Bea Dunn"), today)
    work(db, employer.id, added.value.id, date(2026, 11, 2))
    finalise_november(db, employer.id)
    before = rows_of(db, employer.id)
    with pytest.raises(ServiceError) as refused:
        undo_rules.reverse(db, added.change, today)
    assert say(refused.value).startswith("Record Bea Dunn as a leaver instead (People, Record a leaver): they have been "
                                         "paid, and their pay records must be kept")
    assert rows_of(db, employer.id) == before


def test_putting_back_a_pa_whose_record_would_now_fail_its_checks_is_refused_in_words(db, employer, today):
    """Add Bea, undo it; someone else then adds another Bea Dunn: redoing the first would make two."""
    added = people.save_pa_undoably(db, employer.id, PARecord(name="Bea Dunn"), today)
    redo = undo_rules.reverse(db, added.change, today)
    people.save_pa(db, employer.id, PARecord(name="bea dunn "), today)
    before = rows_of(db, employer.id)
    with pytest.raises(ValidationFailed) as refused:
        undo_rules.reverse(db, redo, today)
    assert refused.value.problems["name"].code == "PA_NAME_TAKEN"
    assert "Bea Dunn" in say(refused.value)
    assert rows_of(db, employer.id) == before


def test_putting_back_a_pa_is_checked_as_saving_checks_them(db, employer, today):
    """A PA with no start date is checked for age on the day: put back on a day they would be under 16
    (the check moves with `today`), they are refused as saving would refuse them."""
    added = people.save_pa_undoably(db, employer.id, PARecord(name="Bea Dunn", date_of_birth=date(2010, 6, 1)),
                                    today)
    redo = undo_rules.reverse(db, added.change, today)
    with pytest.raises(ValidationFailed) as refused:
        undo_rules.reverse(db, redo, date(2025, 1, 1))
    assert set(refused.value.problems) == {"date_of_birth"}
    with pytest.raises(ValidationFailed) as saving:
        people.save_pa(db, employer.id, PARecord(name="Bea Dunn", date_of_birth=date(2010, 6, 1)), date(2025, 1, 1))
    assert say(saving.value) == say(refused.value)


# --- employers -----------------------------------------------------------------------------------------


def test_changing_an_employer(db, employer, today):
    change = undo_and_redo(db, employer.id, lambda: employers.save_employer_undoably(
        db, replace(employer, council="Leeds", paye_reference="123/AB45678")).change, today)
    assert undo_text(change) == "Change Ada Lovell's employer details"


def test_adding_an_employer_then_undo_and_redo(db, today):
    added = employers.save_employer_undoably(db, EmployerRecord(name="Bo Reid", council="York"))
    assert undo_text(added.change) == "Add employer Bo Reid"
    redo = undo_rules.reverse(db, added.change, today)
    assert employers.find_employer(db, "Bo Reid") is None
    undo_rules.reverse(db, redo, today)
    assert employers.get_employer(db, added.value.id).council == "York"


def test_removing_a_whole_employer_and_putting_them_back(db, employer, ann, today):
    before = rows_of(db, employer.id)
    removed = employers.remove_employer(db, employer.id)
    assert undo_text(removed) == "Remove employer Ada Lovell"
    assert employers.find_employer(db, "Ada Lovell") is None
    redo = undo_rules.reverse(db, removed, today)
    assert redo.added_employer == employer.id
    assert rows_of(db, employer.id) == before
    assert [c.code for c in history.change_history(db, employer.id)] == ["PAY_RATE_ADDED"]  # as it was
    undo_rules.reverse(db, redo, today)
    assert employers.find_employer(db, "Ada Lovell") is None


def test_an_employer_put_back_under_a_name_taken_since_is_refused(db, employer, today):
    removed = employers.remove_employer(db, employer.id)
    employers.save_employer(db, EmployerRecord(name="ADA LOVELL"))
    with pytest.raises(ServiceError) as refused:
        undo_rules.reverse(db, removed, today)
    assert "ADA LOVELL" in say(refused.value) or "Ada Lovell" in say(refused.value)


# --- hours and the rota ---------------------------------------------------------------------------------


def _entry(pa_id: int, day: date, start: str = "09:00", end: str = "17:00") -> shifts.ShiftInput:
    return shifts.ShiftInput(pa_id, day, time.fromisoformat(start), time.fromisoformat(end))


def test_adding_changing_and_removing_a_shift(db, employer, ann, today):
    added = undo_and_redo(db, employer.id, lambda: shifts.save_shift_undoably(
        db, employer.id, _entry(ann.id, date(2026, 11, 3))).change, today)
    assert undo_text(added) == "Add Ann Cole's shift on Tuesday 3 November 2026, 09:00 to 17:00"
    shift = shifts.shifts_between(db, employer.id, date(2026, 11, 3), date(2026, 11, 3))[0]
    changed = undo_and_redo(db, employer.id, lambda: shifts.save_shift_undoably(
        db, employer.id, _entry(ann.id, date(2026, 11, 4), "08:00", "12:30"), shift.key).change, today)
    assert undo_text(changed) == "Change Ann Cole's shift on Wednesday 4 November 2026, 08:00 to 12:30"
    removed = undo_and_redo(db, employer.id, lambda: shifts.delete_shift(db, shift.key), today)
    assert undo_text(removed) == "Remove Ann Cole's shift on Wednesday 4 November 2026, 08:00 to 12:30"


def test_undoing_a_shift_now_in_a_finalised_pay_run_is_refused(db, employer, ann, today):
    added = shifts.save_shift_undoably(db, employer.id, _entry(ann.id, date(2026, 11, 3)))
    finalise_november(db, employer.id)
    before = rows_of(db, employer.id)
    with pytest.raises(ValidationFailed) as refused:
        undo_rules.reverse(db, added.change, today)
    assert "paid in the pay run of 30 November 2026" in say(refused.value)
    assert rows_of(db, employer.id) == before


def test_putting_back_a_removed_shift_on_a_day_paid_since_is_refused(db, employer, ann, today):
    kept = work(db, employer.id, ann.id, date(2026, 11, 2))  # something to pay
    shift = work(db, employer.id, ann.id, date(2026, 11, 3))
    removed = shifts.delete_shift(db, shift.key)
    finalise_november(db, employer.id)
    with raises_saying(ValidationFailed, "paid in the pay run of 30 November 2026"):
        undo_rules.reverse(db, removed, today)
    assert [s.key for s in shifts.shifts_between(db, employer.id, date(2026, 11, 1), date(2026, 11, 30))] == [kept.key]


def test_putting_back_a_shift_that_overlaps_one_added_since_is_refused(db, employer, ann, today):
    shift = work(db, employer.id, ann.id, date(2026, 11, 3))
    removed = shifts.delete_shift(db, shift.key)
    work(db, employer.id, ann.id, date(2026, 11, 3))  # the same hours again, typed in by hand
    with pytest.raises(ValidationFailed) as refused:
        undo_rules.reverse(db, removed, today)
    assert refused.value.problems["start"].code == "SHIFT_OVERLAPS_SAVED"


def test_putting_back_a_shift_after_the_pa_left_is_refused(db, employer, ann, today):
    removed = shifts.delete_shift(db, work(db, employer.id, ann.id, date(2026, 12, 14)).key)
    people.record_leaver(db, employer.id, ann.id, date(2026, 12, 11), "Moved away", today)
    with pytest.raises(ValidationFailed) as refused:
        undo_rules.reverse(db, removed, today)
    assert refused.value.problems["day"].code == "SHIFT_AFTER_LEAVING_DATE"


def _mornings(pa_id: int, weekdays=frozenset({0, 2, 4})):
    return rota.make_pattern(name="Mornings", pa=pa_id, start=time(8), end=time(12), weekdays=weekdays,
                             starts_on=date(2026, 11, 2))


def test_rota_patterns_added_changed_and_removed(db, employer, ann, today):
    added = undo_and_redo(db, employer.id, lambda: rota.save_pattern(db, employer.id, _mornings(ann.id)).change, today)
    assert undo_text(added) == "Add Ann Cole's Mornings (Mon, Wed and Fri) to the rota"
    [pattern] = rota.list_patterns(db, employer.id)
    changed = undo_and_redo(db, employer.id, lambda: rota.save_pattern(
        db, employer.id, _mornings(ann.id, frozenset({0, 1, 2, 3, 4})), pattern.id).change, today)
    assert undo_text(changed) == "Change Ann Cole's Mornings (Mon–Fri) on the rota"
    removed = undo_and_redo(db, employer.id, lambda: rota.delete_pattern(db, pattern.id), today)
    assert undo_text(removed) == "Remove Ann Cole's Mornings (Mon–Fri) from the rota"


def test_planned_shifts_cancelled_covered_and_marked_worked(db, employer, ann, today):
    bo = people.save_pa(db, employer.id, a_pa("Bo Dale"), today)
    rota.save_pattern(db, employer.id, _mornings(ann.id))
    monday, wednesday, friday = rota.planned_shifts(db, employer.id, date(2026, 11, 2), date(2026, 11, 6))
    cancelled = undo_and_redo(db, employer.id, lambda: rota.cancel_planned(db, employer.id, monday).change, today)
    assert undo_text(cancelled) == "Cancel Ann Cole's planned shift on Monday 2 November 2026, 08:00 to 12:00"
    covered = undo_and_redo(db, employer.id, lambda: rota.cover_planned(db, employer.id, wednesday, bo.id).change,
                            today)
    assert undo_text(covered) == "Record Bo Dale covering Ann Cole's shift on Wednesday 4 November 2026, 08:00 to 12:00"
    one = undo_and_redo(db, employer.id, lambda: rota.mark_worked(db, employer.id, [friday]).change, today)
    assert undo_text(one) == "Mark Ann Cole's shift on Friday 6 November 2026, 08:00 to 12:00 as worked"
    planned = rota.planned_shifts(db, employer.id, date(2026, 11, 9), date(2026, 11, 15))
    week = undo_and_redo(db, employer.id, lambda: rota.mark_worked(db, employer.id, planned).change, today)
    assert undo_text(week) == "Mark 3 shifts as worked"


def test_copying_a_week_and_importing_a_timesheet(db, employer, ann, today, tmp_path):
    work(db, employer.id, ann.id, date(2026, 11, 2))
    work(db, employer.id, ann.id, date(2026, 11, 4))
    copied = undo_and_redo(db, employer.id, lambda: hours.copy_week(
        db, employer.id, date(2026, 11, 2), date(2026, 11, 9)).change, today)
    assert undo_text(copied) == "Copy 2 shifts from the week before"
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("pa,date,start,end,break_minutes,type,notes\nAnn Cole,2026-11-20,09:00,12:00,0,standard,\n")
    imported = undo_and_redo(db, employer.id, lambda: timesheets.import_timesheet(db, employer.id, sheet).change, today)
    assert undo_text(imported) == "Import 1 shift"


# --- checks --------------------------------------------------------------------------------------------

DBS = compliance.DBSCheck(level="enhanced_adults_barred", certificate_number="001234567890", issue_date=date(2026, 1, 10),
                          update_service=True, update_service_renewal=date(2027, 1, 10),
                          status_checks=(compliance.StatusCheck(date(2026, 6, 1), "no_change"),))


def test_each_kind_of_check_added_changed_and_removed(db, employer, ann, today):
    kinds = {
        "dbs": (DBS, replace(DBS, status_checks=DBS.status_checks + (
            compliance.StatusCheck(date(2026, 9, 1), "no_change"),))),
        "right_to_work": (compliance.RightToWorkCheck("online_share_code", date(2026, 1, 2)),
                          compliance.RightToWorkCheck("online_share_code", date(2026, 1, 2), "Share code result",
                                                      date(2028, 1, 1))),
        "reference": (compliance.Reference("Sam Hill, last employer", date(2025, 12, 1)),
                      compliance.Reference("Sam Hill, last employer", date(2025, 12, 1), date(2025, 12, 9), True)),
        "contract": (compliance.Contract(statement_given_on=date(2026, 1, 5)),
                     compliance.Contract(statement_given_on=date(2026, 1, 5), signed_on=date(2026, 1, 6))),
    }
    for kind, (first, second) in kinds.items():
        added = undo_and_redo(db, employer.id, lambda: checks.save_check(db, employer.id, ann.id, kind, first).change,
                              today)
        record_id = None if kind == "contract" else added.rows[0].id
        changed = undo_and_redo(db, employer.id, lambda: checks.save_check(
            db, employer.id, ann.id, kind, second, record_id).change, today)
        removed = undo_and_redo(db, employer.id, lambda: checks.remove_check(db, employer.id, ann.id, kind, record_id),
                                today)
        noun = CHECK_NOUNS[kind]
        assert [undo_text(c) for c in (added, changed, removed)] == [
            f"Add Ann Cole's {noun}", f"Change Ann Cole's {noun}", f"Remove Ann Cole's {noun}"]
    # Each undo and redo is in the change history as a check saved or removed, as the actions are.
    kinds_noted = [(c.code, c.facts["kind"]) for c in history.change_history(db, employer.id) if c.code.startswith("CHECK")]
    assert kinds_noted[:3] == [("CHECK_REMOVED", "contract"), ("CHECK_SAVED", "contract"), ("CHECK_REMOVED", "contract")]


# --- training ------------------------------------------------------------------------------------------


def _course_id(db, employer_id: int, key: str) -> int:
    return next(c.id for c in training.list_courses(db, employer_id) if c.course.key == key)


def test_training_recorded_with_a_certificate_and_removed_comes_back_with_the_same_bytes(
        db, employer, ann, today, tmp_path):
    content = b"%PDF-1.4 first aid \x00\xff certificate"
    certificate = tmp_path / "first aid.pdf"
    certificate.write_bytes(content)
    first_aid = _course_id(db, employer.id, "first_aid")
    recorded = undo_and_redo(db, employer.id, lambda: training.save_record(
        db, employer.id, ann.id, first_aid, date(2026, 5, 14), certificate=certificate, today=today).change, today)
    assert undo_text(recorded) == "Record Ann Cole's first aid training"
    certificate.unlink()  # undo and redo never read the file again: the change holds the bytes
    [stored] = training.list_records(db, employer.id)
    removed = undo_and_redo(db, employer.id, lambda: training.delete_record(db, stored.id), today)
    assert undo_text(removed) == "Remove Ann Cole's first aid record"
    undo_rules.reverse(db, removed, today)
    [back] = training.list_records(db, employer.id)
    assert training.certificate_bytes(db, back.attachment_id) == ("first aid.pdf", content)


def test_courses_added_changed_and_removed_with_the_pas_who_need_them(db, employer, ann, today):
    added = undo_and_redo(db, employer.id, lambda: training.save_course(db, employer.id, "PEG feeding", 12).change,
                          today)
    assert undo_text(added) == "Add the course PEG feeding"
    peg = _course_id(db, employer.id, "own_peg_feeding")
    changed = undo_and_redo(db, employer.id, lambda: training.save_course(
        db, employer.id, "PEG feeding and care", 24, required_for_everyone=True, course_id=peg).change, today)
    assert undo_text(changed) == "Change the course PEG feeding and care"
    needed = undo_and_redo(db, employer.id, lambda: training.set_required(db, employer.id, ann.id, {peg}), today)
    assert undo_text(needed) == "Change the courses Ann Cole needs"
    removed = undo_and_redo(db, employer.id, lambda: training.delete_course(db, peg), today)
    assert undo_text(removed) == "Remove the course PEG feeding and care"
    undo_rules.reverse(db, removed, today)
    assert training.required_course_ids(db, employer.id, ann.id) == {peg}  # ticked for Ann again


def test_meetings_and_the_care_certificate(db, employer, ann, today):
    added = undo_and_redo(db, employer.id, lambda: training.add_meeting(
        db, employer.id, ann.id, "supervision", date(2026, 10, 1)).change, today)
    assert undo_text(added) == "Add Ann Cole's supervision on 1 October 2026"
    [(meeting_id, _)] = training.list_meetings(db, employer.id)
    removed = undo_and_redo(db, employer.id, lambda: training.delete_meeting(db, meeting_id), today)
    assert undo_text(removed) == "Remove Ann Cole's supervision on 1 October 2026"
    training.set_care_certificate(db, employer.id, ann.id, {1: date(2026, 3, 9), 2: date(2026, 3, 10)})
    progress = undo_and_redo(db, employer.id, lambda: training.set_care_certificate(
        db, employer.id, ann.id, {1: None, 2: date(2026, 3, 12), 3: date(2026, 4, 1)}), today)
    assert undo_text(progress) == "Change Ann Cole's Care Certificate progress"


# --- the budget ----------------------------------------------------------------------------------------


def _year(amount: str = "500.00"):
    return budget.make_year(label="2026-27", amount=D(amount), basis="weekly", council_hourly_rate=D("15.00"))


def test_budget_years_ledger_entries_statements_and_balances(db, employer, today, tmp_path):
    added = undo_and_redo(db, employer.id, lambda: budget.save_year(db, employer.id, _year()).change, today)
    assert undo_text(added) == "Add the 2026-27 budget year"
    changed = undo_and_redo(db, employer.id, lambda: budget.save_year(db, employer.id, _year("520.00")).change, today)
    assert undo_text(changed) == "Change the 2026-27 budget year"
    entry = LedgerEntry(date(2026, 6, 1), D("30.00"), "insurance", "Refund")
    refund = undo_and_redo(db, employer.id, lambda: budget.save_entry(db, employer.id, entry, money_back=True).change,
                           today)
    assert undo_text(refund) == "Add employer's liability insurance of £30.00"
    [stored] = budget.list_entries(db, employer.id)
    assert stored.entry.amount == D("30.00")  # still money back after undo and redo
    corrected = undo_and_redo(db, employer.id, lambda: budget.save_entry(
        db, employer.id, replace(entry, amount=D("35.00")), stored.id, money_back=True).change, today)
    assert undo_text(corrected) == "Change an entry"
    removed = undo_and_redo(db, employer.id, lambda: budget.delete_entry(db, stored.id), today)
    assert undo_text(removed) == "Remove an entry"
    statement = tmp_path / "statement.csv"
    statement.write_text("date,description,amount\n01/06/2026,Council payment,600.00\n02/06/2026,Card,-12.40\n")
    imported = undo_and_redo(db, employer.id, lambda: budget.import_bank_statement(db, employer.id, statement).change,
                             today)
    assert undo_text(imported) == "Import 2 lines from a bank statement"
    balance = undo_and_redo(db, employer.id, lambda: budget_report.record_statement_balance(
        db, employer.id, date(2026, 6, 30), D("587.60")).change, today)
    assert undo_text(balance) == "Record the bank balance on 30 June 2026"


def test_what_a_pay_run_entered_in_the_ledger_is_never_taken_back_on_its_own(db, employer, ann, today):
    work(db, employer.id, ann.id, date(2026, 11, 2))
    finalise_november(db, employer.id)
    [paid] = [e for e in budget.list_entries(db, employer.id) if e.entry.source == "pay_run"][:1]
    row = _stored(db, "ledger_entries", paid.id)
    added = undo.Change("LEDGER_ENTRY_ADDED", employer.id, {}, (undo.RowChange("ledger_entries", paid.id, None, row),))
    with pytest.raises(ChangedElsewhere):
        undo_rules.reverse(db, added, today)
    assert paid in budget.list_entries(db, employer.id)


# --- pay day -------------------------------------------------------------------------------------------


def test_extras_and_the_reason_for_pay_below_the_minimum(db, employer, ann, today):
    expenses = pay_day.Extra(None, ann.id, date(2026, 11, 30), "addition", "Bus fares", D("12.40"))
    added = undo_and_redo(db, employer.id, lambda: pay_day.save_extra(db, employer.id, expenses).change, today)
    assert undo_text(added) == "Add expenses for Ann Cole"
    [extra] = pay_day.list_extras(db, employer.id, date(2026, 11, 30))
    removed = undo_and_redo(db, employer.id, lambda: pay_day.delete_extra(db, extra.id), today)
    assert undo_text(removed) == "Remove Bus fares"
    reason = undo_and_redo(db, employer.id, lambda: pay_runs.record_minimum_wage_reason(
        db, employer.id, ann.id, date(2026, 11, 30), "Rate typed wrongly"), today)
    assert undo_text(reason) == "Record why Ann Cole is paid below the minimum"


def test_an_extra_on_a_pay_day_finalised_since_cannot_be_taken_back(db, employer, ann, today):
    work(db, employer.id, ann.id, date(2026, 11, 2))
    added = pay_day.save_extra(db, employer.id, pay_day.Extra(None, ann.id, date(2026, 11, 30), "bonus", "Christmas",
                                                              D("50.00")))
    assert undo_text(added.change) == "Add a bonus for Ann Cole"
    finalise_november(db, employer.id)
    with raises_saying(ValidationFailed, "finalised"):
        undo_rules.reverse(db, added.change, today)
    assert len(pay_day.list_extras(db, employer.id, date(2026, 11, 30))) == 1


# --- imports and employer duties -----------------------------------------------------------------------


def test_importing_a_staff_list(db, employer, today, tmp_path):
    staff = tmp_path / "staff.csv"
    staff.write_text("name,date_of_birth,ni_number,start_date,hourly_rate\n"
                     "Ruth Okoro,1988-02-14,JT482193B,2025-06-02,12.71\nBea Flynn,1979-11-30,,,\n")
    imported = undo_and_redo(db, employer.id, lambda: staff_import.import_staff(
        db, staff, "Ada Lovell", today).change, today)
    assert undo_text(imported) == "Import 2 PAs"
    assert {r.table for r in imported.rows} == {"pas", "pay_rates"}


def test_importing_an_employer_file_and_taking_it_back(db, employer, ann, today, tmp_path):
    path = transfer.export_employer(db, employer.id, tmp_path / "ada.paemployer", NOW)
    imported = transfer.import_employer_undoably(db, path, rename_to="Ada Lovell (copy)", today=today)
    assert undo_text(imported.change) == "Import employer Ada Lovell (copy)"
    after = rows_of(db, imported.value)
    redo = undo_rules.reverse(db, imported.change, today)
    assert employers.find_employer(db, "Ada Lovell (copy)") is None
    again = undo_rules.reverse(db, redo, today)
    assert as_stored(db, rows_of(db, again.added_employer)) == as_stored(db, after)  # new ids on PostgreSQL


def test_changing_the_employers_duties(db, employer, today):
    change = undo_and_redo(db, employer.id, lambda: employers.save_employer_undoably(
        db, replace(employer, insurer="Hearthside Mutual", insurance_renewal_date=date(2027, 3, 1)),
        code="EMPLOYER_DUTIES_CHANGED").change, today)
    assert undo_text(change) == "Change Ada Lovell's duties as an employer"
