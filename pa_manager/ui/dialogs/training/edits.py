"""The Training area's edits that can be undone: each service gives back the change it made (rows
and certificates included), and the edit puts it on the undo stack, so undo puts back exactly what
was there.
"""
from __future__ import annotations

from datetime import date

from pa_manager.domain import training as rules
from pa_manager.services import training
from pa_manager.services.training import CourseRecord, StoredRecord
from pa_manager.ui.context import AppContext


def remove_record_edit(context: AppContext, stored: StoredRecord) -> None:
    _push(context, training.delete_record(context.db, stored.id))


def save_course_edit(context: AppContext, before: CourseRecord | None, name: str, months: int | None,
                     everyone: bool) -> CourseRecord:
    """Add a course (before None) or change one; raises ValidationFailed before anything is stored."""
    done = training.save_course(context.db, context.employer_id, name, months, required_for_everyone=everyone,
                                course_id=before.id if before is not None else None)
    context.push(done.change)
    return done.value


def remove_course_edit(context: AppContext, course: CourseRecord) -> None:
    """Remove a course you added (with no records); undo adds it back, ticked again for its PAs."""
    _push(context, training.delete_course(context.db, course.id))


def set_required_edit(context: AppContext, pa_id: int, chosen: set[int]) -> None:
    context.push(training.set_required(context.db, context.employer_id, pa_id, chosen))


def add_meeting_edit(context: AppContext, pa_id: int, kind: str, held_on: date) -> None:
    context.push(training.add_meeting(context.db, context.employer_id, pa_id, kind, held_on).change)


def remove_meeting_edit(context: AppContext, meeting_id: int) -> None:
    _push(context, training.delete_meeting(context.db, meeting_id))


def care_certificate_edit(context: AppContext, pa_id: int, before: dict[int, date], after: dict[int, date]) -> None:
    numbers = [s.number for s in rules.care_certificate_standards()]
    changed = {n: after.get(n) for n in numbers if after.get(n) != before.get(n)}
    context.push(training.set_care_certificate(context.db, context.employer_id, pa_id, changed))


def _push(context: AppContext, change) -> None:
    """Put a change on the undo stack; None (it had gone already) only refreshes the pages."""
    if change is None:
        context.announce_change()
    else:
        context.push(change)
