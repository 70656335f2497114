"""Training records: the catalogue, own courses, required courses, dates, the Care Certificate, and
certificates travelling with an exported employer."""
from datetime import date, datetime

import pytest

from pa_manager.domain import training as rules
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord
from pa_manager.services import employers, people, training, transfer
from pa_manager.services.errors import ValidationFailed
from pa_manager.storage.database import open_database
from tests.conftest import sqlite_only
from pa_manager.messages import say


@pytest.fixture
def household(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    pa = people.save_pa(db, employer.id, PARecord(name="Ann Cole", start_date=date(2026, 3, 2)), today)
    return employer.id, pa.id


def _course(db, employer_id, key):
    return next(c for c in training.list_courses(db, employer_id) if c.course.key == key)


@sqlite_only("a file opened read-only, as one on a write-protected USB stick")
def test_a_file_opened_read_only_lists_its_courses_without_trying_to_seed_them(db, data_path, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    db.close()
    looking, _ = open_database(data_path, read_only=True)
    try:
        assert training.list_courses(looking, employer.id) == []  # not seeded, and no StorageError
    finally:
        looking.close()


def test_the_catalogue_is_seeded_once_with_the_usual_courses(db, household):
    employer_id, _ = household
    first = training.list_courses(db, employer_id)
    again = training.list_courses(db, employer_id)
    assert [c.id for c in again] == [c.id for c in first]
    assert [c.course.key for c in first] == [c.key for c in rules.course_catalogue()]
    assert _course(db, employer_id, "moving_and_handling").name == "Moving and handling"
    assert not any(c.required_for_everyone for c in first)  # nothing is required until you say so


def test_a_course_of_your_own_has_its_name_and_interval(db, household):
    employer_id, _ = household
    saved = training.save_course(db, employer_id, "PEG feeding", 12, required_for_everyone=True).value
    assert saved.course.key.startswith("own_")
    listed = _course(db, employer_id, saved.course.key)
    assert (listed.name, listed.course.refresh_months, listed.required_for_everyone) == ("PEG feeding", 12, True)
    with pytest.raises(ValidationFailed) as failure:
        training.save_course(db, employer_id, "Hoists", 0)
    assert set(failure.value.problems) == {"refresh_months"}


def test_a_required_course_not_done_shows_as_missing(db, household, today):
    employer_id, pa_id = household
    first_aid = _course(db, employer_id, "first_aid")
    _, _, cells = training.training_matrix(db, employer_id, today)
    assert cells[(pa_id, "first_aid")].state == rules.NOT_REQUIRED
    training.set_required(db, employer_id, pa_id, {first_aid.id})
    assert training.required_course_ids(db, employer_id, pa_id) == {first_aid.id}
    _, _, cells = training.training_matrix(db, employer_id, today)
    assert cells[(pa_id, "first_aid")].state == rules.MISSING
    assert ("TRAINING_MISSING", pa_id) in {(i.code, i.pa_key) for i in training.training_due(db, employer_id, today)}

    training.save_record(db, employer_id, pa_id, first_aid.id, date(2026, 4, 1), today=today)
    _, _, cells = training.training_matrix(db, employer_id, today)
    assert (cells[(pa_id, "first_aid")].state, cells[(pa_id, "first_aid")].due) == (rules.DONE, date(2029, 4, 1))


def test_training_dated_in_the_future_is_refused(db, household, today):
    employer_id, pa_id = household
    course = _course(db, employer_id, "medication")
    with pytest.raises(ValidationFailed) as failure:
        training.save_record(db, employer_id, pa_id, course.id, date(2026, 11, 24), today=today)
    assert set(failure.value.problems) == {"completed_on"}
    assert "is in the future" in say(failure.value)
    assert training.list_records(db, employer_id) == []


def test_care_certificate_progress_is_kept_per_standard(db, household):
    employer_id, pa_id = household
    training.set_care_certificate_standard(db, employer_id, pa_id, 1, date(2026, 3, 9))
    training.set_care_certificate_standard(db, employer_id, pa_id, 3, date(2026, 4, 20))
    training.set_care_certificate_standard(db, employer_id, pa_id, 3, date(2026, 4, 21))  # changed, not doubled
    assert training.care_certificate(db, employer_id, pa_id) == {1: date(2026, 3, 9), 3: date(2026, 4, 21)}
    training.set_care_certificate_standard(db, employer_id, pa_id, 1, None)
    assert training.care_certificate(db, employer_id, pa_id) == {3: date(2026, 4, 21)}
    with pytest.raises(ValidationFailed):
        training.set_care_certificate_standard(db, employer_id, pa_id, 17, date(2026, 4, 21))


def test_a_certificate_travels_with_an_exported_employer(db, household, new_data, today, tmp_path):
    employer_id, pa_id = household
    content = b"%PDF-1.4 first aid certificate \x00\xff bytes"
    certificate = tmp_path / "Ann Cole first aid.pdf"
    certificate.write_bytes(content)
    course = _course(db, employer_id, "first_aid")
    training.save_record(db, employer_id, pa_id, course.id, date(2026, 5, 14), provider="St John Ambulance",
                         funding_source="individual_employer_funding", certificate=certificate, today=today)

    path = transfer.export_employer(db, employer_id, tmp_path / "ruth.paemployer", datetime(2026, 11, 23, 10, 0))
    other, _ = open_database(new_data())
    try:
        new_id = transfer.import_employer(other, path)
        [stored] = training.list_records(other, new_id)
        assert (stored.certificate_name, stored.record.provider) == ("Ann Cole first aid.pdf", "St John Ambulance")
        assert training.certificate_bytes(other, stored.attachment_id) == ("Ann Cole first aid.pdf", content)
    finally:
        other.close()
