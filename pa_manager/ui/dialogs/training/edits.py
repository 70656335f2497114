"""The Training area's edits that can be undone: each is stored by a service, then put on the
undo stack with its inverse. Undo finds courses by their key and meetings by what they are, not by
row id, because undoing a removal makes a new row.
"""
from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from pa_manager.domain import training as rules
from pa_manager.messages import format_date
from pa_manager.services import training
from pa_manager.services.training import CourseRecord, StoredRecord
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.training.common import MEETING_NAMES


def _course_id(db, employer_id: int, key: str) -> int | None:
    return next((c.id for c in training.list_courses(db, employer_id) if c.course.key == key), None)


def _delete_course_key(db, employer_id: int, key: str) -> None:
    course_id = _course_id(db, employer_id, key)
    if course_id is not None:
        training.delete_course(db, course_id)


def _restore_record(db, employer_id: int, stored: StoredRecord, certificate: tuple[str, bytes] | None) -> None:
    """Put a record back with its own id, and its certificate from the bytes kept for undo."""
    course_id = _course_id(db, employer_id, stored.record.course_key)
    if course_id is None:
        return  # its course has gone too; undoing that course's removal comes first
    r = stored.record
    with tempfile.TemporaryDirectory(prefix="pa-manager-") as folder:
        path = None
        if certificate is not None:
            path = Path(folder) / certificate[0]
            path.write_bytes(certificate[1])
        training.save_record(db, employer_id, stored.pa_id, course_id, r.completed_on, provider=r.provider,
                             cost=r.cost, funding_source=r.funding_source, certificate=path, record_id=stored.id)


def _certificate(db, stored: StoredRecord) -> tuple[str, bytes] | None:
    return training.certificate_bytes(db, stored.attachment_id) if stored.attachment_id is not None else None


def record_training_edit(context: AppContext, saved: StoredRecord, pa_name: str, course_name: str) -> None:
    """Put a record the dialog has just stored on the undo stack."""
    db, employer_id = context.db, context.employer_id
    certificate = _certificate(db, saved)
    context.record(f"Record {pa_name}'s {course_name.lower()} training",
                   redo=lambda: _restore_record(db, employer_id, saved, certificate),
                   undo=lambda: training.delete_record(db, saved.id))


def remove_record_edit(context: AppContext, stored: StoredRecord, pa_name: str, course_name: str) -> None:
    db, employer_id = context.db, context.employer_id
    certificate = _certificate(db, stored)
    training.delete_record(db, stored.id)
    context.record(f"Remove {pa_name}'s {course_name.lower()} record",
                   redo=lambda: training.delete_record(db, stored.id),
                   undo=lambda: _restore_record(db, employer_id, stored, certificate))


def save_course_edit(context: AppContext, before: CourseRecord | None, name: str, months: int | None,
                     everyone: bool) -> CourseRecord:
    """Add a course (before None) or change one; raises ValidationFailed before anything is stored."""
    db, employer_id = context.db, context.employer_id
    if before is None:
        saved = training.save_course(db, employer_id, name, months, required_for_everyone=everyone)
        key = saved.course.key
        context.record(f"Add the course {saved.name}",
                       redo=lambda: training.save_course(db, employer_id, name, months, required_for_everyone=everyone),
                       undo=lambda: _delete_course_key(db, employer_id, key))
        return saved
    saved = training.save_course(db, employer_id, name, months, required_for_everyone=everyone, course_id=before.id)
    key, old_name = before.course.key, before.course.name

    def put(name_, months_, everyone_):
        course_id = _course_id(db, employer_id, key)
        if course_id is not None:
            training.save_course(db, employer_id, name_, months_, required_for_everyone=everyone_, course_id=course_id)

    context.record(f"Change the course {saved.name}",
                   redo=lambda: put(name, months, everyone),
                   undo=lambda: put(old_name, before.course.refresh_months, before.required_for_everyone))
    return saved


def remove_course_edit(context: AppContext, course: CourseRecord) -> None:
    """Remove a course you added (with no records); undo adds it back and ticks it again for its PAs."""
    from pa_manager.services.people import list_pas

    db, employer_id = context.db, context.employer_id
    needed_by = [pa.id for pa in list_pas(db, employer_id)
                 if course.id in training.required_course_ids(db, employer_id, pa.id)]
    training.delete_course(db, course.id)
    added_key = {"key": course.course.key}  # a renamed course comes back under a key made from its name

    def add_back():
        added = training.save_course(db, employer_id, course.course.name, course.course.refresh_months,
                                     required_for_everyone=course.required_for_everyone)
        added_key["key"] = added.course.key
        for pa_id in needed_by:
            training.set_required(db, employer_id, pa_id, training.required_course_ids(db, employer_id, pa_id) | {added.id})

    context.record(f"Remove the course {course.name}",
                   redo=lambda: _delete_course_key(db, employer_id, added_key["key"]), undo=add_back)


def set_required_edit(context: AppContext, pa_id: int, pa_name: str, before: set[int], after: set[int]) -> None:
    db, employer_id = context.db, context.employer_id
    keys = {c.id: c.course.key for c in training.list_courses(db, employer_id)}
    before_keys, after_keys = {keys[i] for i in before}, {keys[i] for i in after}

    def put(wanted: set[str]):
        ids = {_course_id(db, employer_id, key) for key in wanted}
        training.set_required(db, employer_id, pa_id, {i for i in ids if i is not None})

    put(after_keys)
    context.record(f"Change the courses {pa_name} needs", redo=lambda: put(after_keys), undo=lambda: put(before_keys))


def _delete_meeting_like(db, employer_id: int, pa_id: int, kind: str, held_on: date) -> None:
    for meeting_id, meeting in training.list_meetings(db, employer_id):
        if (meeting.pa_key, meeting.kind, meeting.held_on) == (pa_id, kind, held_on):
            training.delete_meeting(db, meeting_id)
            return


def add_meeting_edit(context: AppContext, pa_id: int, pa_name: str, kind: str, held_on: date) -> None:
    db, employer_id = context.db, context.employer_id
    training.add_meeting(db, employer_id, pa_id, kind, held_on)
    context.record(f"Add {pa_name}'s {MEETING_NAMES[kind].lower()} on {format_date(held_on)}",
                   redo=lambda: training.add_meeting(db, employer_id, pa_id, kind, held_on),
                   undo=lambda: _delete_meeting_like(db, employer_id, pa_id, kind, held_on))


def remove_meeting_edit(context: AppContext, pa_name: str, meeting_id: int, meeting: rules.Meeting) -> None:
    db, employer_id = context.db, context.employer_id
    pa_id, kind, held_on = meeting.pa_key, meeting.kind, meeting.held_on
    training.delete_meeting(db, meeting_id)
    context.record(f"Remove {pa_name}'s {MEETING_NAMES[kind].lower()} on {format_date(held_on)}",
                   redo=lambda: _delete_meeting_like(db, employer_id, pa_id, kind, held_on),
                   undo=lambda: training.add_meeting(db, employer_id, pa_id, kind, held_on))


def care_certificate_edit(context: AppContext, pa_id: int, pa_name: str, before: dict[int, date],
                          after: dict[int, date]) -> None:
    db, employer_id = context.db, context.employer_id
    numbers = [s.number for s in rules.care_certificate_standards()]

    def put(progress: dict[int, date], other: dict[int, date]):
        for number in numbers:
            if progress.get(number) != other.get(number):
                training.set_care_certificate_standard(db, employer_id, pa_id, number, progress.get(number))

    put(after, before)
    context.record(f"Change {pa_name}'s Care Certificate progress",
                   redo=lambda: put(after, before), undo=lambda: put(before, after))
