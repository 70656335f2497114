"""Two people editing one record (a shared database, or two windows): whoever saves second over a
record the first has changed is told so in words, and nothing they typed overwrites the other's."""
from dataclasses import replace
from datetime import date, time
from decimal import Decimal

import pytest

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import employers, people, shifts
from pa_manager.services.errors import ChangedElsewhere
from pa_manager.storage.database import StorageError, open_database
from tests.saying import raises_saying
from pa_manager.messages import say

CHANGED = ("Someone else changed Ann Cole's details since you opened them, so your changes were not saved – open "
           "them again to see the latest.")


@pytest.fixture
def theirs(data_location):
    """Another person's PA Manager on the same data: a second handle of its own."""
    other, _ = open_database(data_location)
    yield other
    other.close()


@pytest.fixture
def household(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    ann = people.save_pa(db, employer.id, PARecord(
        name="Ann Cole", date_of_birth=date(1980, 1, 1), start_date=date(2026, 4, 6),
        pay_rates=(PayRateEntry(date(2026, 4, 6), Decimal("12.71")),)), today)
    return employer, ann


def test_a_pa_changed_by_someone_else_since_the_form_opened_is_not_overwritten(db, theirs, household, today):
    employer, ann = household
    mine, other = people.get_pa(db, ann.id), people.get_pa(theirs, ann.id)  # both open Ann's details
    people.save_pa(theirs, employer.id, replace(other, phone="07700 900982"), today)
    with pytest.raises(ChangedElsewhere) as refused:
        people.save_pa(db, employer.id, replace(mine, email="ann@example.com"), today)
    assert say(refused.value) == CHANGED
    latest = people.get_pa(db, ann.id)
    assert (latest.phone, latest.email) == ("07700 900982", "")
    # Opened again, the change goes in, and moves the version on for anyone else.
    saved = people.save_pa(db, employer.id, replace(latest, email="ann@example.com"), today)
    assert (saved.phone, saved.email) == ("07700 900982", "ann@example.com") and saved.version == latest.version + 1


def test_a_change_to_a_pas_pay_rates_alone_is_a_change_too(db, theirs, household, today):
    employer, ann = household
    mine, other = people.get_pa(db, ann.id), people.get_pa(theirs, ann.id)
    raise_ = PayRateEntry(date(2027, 4, 1), Decimal("13.20"))
    people.save_pa(theirs, employer.id, replace(other, pay_rates=(*other.pay_rates, raise_)), today)
    with raises_saying(ChangedElsewhere, "Someone else changed Ann Cole's details"):
        people.save_pa(db, employer.id, replace(mine, pay_rates=()), today)
    assert people.get_pa(db, ann.id).rate_on(date(2027, 4, 1)) == Decimal("13.20")


def test_saving_an_unchanged_pa_leaves_the_version_alone(db, household, today):
    employer, ann = household
    assert people.save_pa(db, employer.id, ann, today).version == ann.version


def test_a_pa_removed_by_someone_else_is_not_brought_back_by_a_save(db, theirs, household, today):
    employer, ann = household
    mine = people.get_pa(db, ann.id)
    people.delete_pa(theirs, ann.id)
    with pytest.raises(ChangedElsewhere) as refused:
        people.save_pa(db, employer.id, replace(mine, phone="07700 900982"), today)
    assert say(refused.value) == ("Someone else removed Ann Cole since you opened their details, so your changes "
                                  "were not saved.")
    assert people.list_pas(db, employer.id) == []


def test_an_employer_changed_by_someone_else_is_not_overwritten(db, theirs, household):
    employer, _ = household
    mine, other = employers.get_employer(db, employer.id), employers.get_employer(theirs, employer.id)
    employers.save_employer(theirs, replace(other, council="Ashford Vale Council"))
    with pytest.raises(ChangedElsewhere) as refused:
        employers.save_employer(db, replace(mine, insurer="Mutual Care Insurance"))
    assert say(refused.value) == (
        "Someone else changed Ruth Ames's details as an employer since you opened them, so your changes were not "
        "saved – open them again to see the latest.")
    latest = employers.get_employer(db, employer.id)
    assert (latest.council, latest.insurer) == ("Ashford Vale Council", "")


def test_a_shift_changed_by_someone_else_is_not_overwritten(db, theirs, household):
    employer, ann = household
    entry = shifts.ShiftInput(ann.id, date(2026, 11, 2), time(9), time(17))
    opened = shifts.save_shift(db, employer.id, entry)  # both have the week open with this shift in it
    shifts.save_shift(theirs, employer.id, replace(entry, end=time(15)), opened.key, version=opened.version)
    with pytest.raises(ChangedElsewhere) as refused:
        shifts.save_shift(db, employer.id, replace(entry, break_minutes=30), opened.key, version=opened.version)
    assert say(refused.value) == ("Someone else changed Ann Cole's shift on Monday 2 November 2026, 09:00 to 15:00 "
                                  "since you opened it, so your changes were not saved – open it again to see the "
                                  "latest.")
    stored = shifts.get_shift(db, opened.key)
    assert (stored.end.hour, stored.break_minutes) == (15, 0)
    # And one removed since it was opened is not put back by the save.
    shifts.delete_shift(theirs, opened.key)
    with raises_saying(ChangedElsewhere, "Someone else removed Ann Cole's shift on Monday 2 November 2026"):
        shifts.save_shift(db, employer.id, entry, opened.key, version=stored.version)
    assert shifts.shifts_between(db, employer.id, date(2026, 11, 2), date(2026, 11, 2)) == []


def test_two_saves_at_the_same_moment_never_lose_the_first(db, theirs, household, today, monkeypatch, backend):
    """Both saves read version 1; the other person's comes between this save's check and its write.
    PostgreSQL: the other save is written, and the row's version in this UPDATE's WHERE finds no row at
    version 1 any more (ChangedElsewhere). SQLite: this save took the file's write lock as it began, so
    the other is refused (the file is in use) and this one is written. Either way nothing is lost unseen."""
    employer, ann = household
    mine, other = people.get_pa(db, ann.id), people.get_pa(theirs, ann.id)
    real_copy = people.copy_pa
    pending = [lambda: people.save_pa(theirs, employer.id, replace(other, phone="07700 900982"), today)]
    other_refused = []

    def copy_after_the_other_save(record, row):
        if pending:
            try:
                pending.pop()()
            except StorageError as error:
                other_refused.append(error.code)
        real_copy(record, row)

    monkeypatch.setattr(people, "copy_pa", copy_after_the_other_save)
    if backend == "postgresql":
        with pytest.raises(ChangedElsewhere) as refused:
            people.save_pa(db, employer.id, replace(mine, email="ann@example.com"), today)
        assert say(refused.value) == CHANGED
        assert other_refused == []
        expected = ("07700 900982", "")
    else:
        people.save_pa(db, employer.id, replace(mine, email="ann@example.com"), today)
        assert other_refused == ["IN_USE"]
        expected = ("", "ann@example.com")
    latest = people.get_pa(db, ann.id)
    assert (latest.phone, latest.email) == expected
