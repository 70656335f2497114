"""Undo of File > Import employer: the change holds no rows (memory does not grow with the history), only
what identifies the employer and the file. Undo removes the employer whole; redo imports the file again.

Each test imports the demo household's employer, exported, beside the demo household itself, and compares
every row of every table in the data file at each step.
"""
from __future__ import annotations

from datetime import datetime, time, timezone

import pytest
from sqlalchemy import select

from pa_manager.services import employers, people, shifts, transfer, undo_rules
from pa_manager.services.errors import ChangedElsewhere, ServiceError
from pa_manager.storage.models import Base
from pa_manager.wording import undo_text
from tests.saying import raises_saying
from tests.services.renumbered import as_stored

NOW = datetime(2026, 11, 30, 12, tzinfo=timezone.utc)
COPY = "Margaret Okafor (copy)"


def whole_file(db) -> dict:
    """Every row of every table in the data file."""
    with db.connection() as c:
        return {t.name: [dict(r._mapping) for r in c.execute(select(t).order_by(*t.primary_key.columns))]
                for t in Base.metadata.sorted_tables}


@pytest.fixture
def export(demo_db, tmp_path):
    margaret = employers.find_employer(demo_db, "Margaret Okafor")
    return transfer.export_employer(demo_db, margaret.id, tmp_path / "margaret.paemployer", NOW)


def test_undo_removes_the_imported_employer_and_redo_puts_the_same_records_back(demo_db, export, today):
    before = whole_file(demo_db)
    imported = transfer.import_employer_undoably(demo_db, export, rename_to=COPY, today=today)
    after = whole_file(demo_db)
    assert undo_text(imported.change) == f"Import employer {COPY}"
    assert imported.change.rows == ()  # nothing of the history is held: only what identifies it
    assert imported.change.added_employer == imported.value
    assert len(people.list_pas(demo_db, imported.value)) == 5  # the demo household's five PAs

    redo = undo_rules.reverse(demo_db, imported.change, today)
    assert employers.find_employer(demo_db, COPY) is None
    assert whole_file(demo_db) == before  # the employer gone whole, and nothing else changed
    assert redo.added_employer is None and redo.code == "EMPLOYER_IMPORTED" and redo.facts == {"name": COPY}

    again = undo_rules.reverse(demo_db, redo, today)
    # The same records: on SQLite even the same ids (it hands removed ids out again); PostgreSQL never
    # hands an id out twice, so there they are compared numbered in order, references and all.
    assert as_stored(demo_db, whole_file(demo_db)) == as_stored(demo_db, after)
    assert employers.find_employer(demo_db, COPY).id == again.added_employer
    # ... and undo again takes it away again
    undo_rules.reverse(demo_db, again, today)
    assert whole_file(demo_db) == before


def test_undo_is_refused_when_the_imported_records_were_changed_since(demo_db, export, today):
    imported = transfer.import_employer_undoably(demo_db, export, rename_to=COPY, today=today)
    pa = people.list_pas(demo_db, imported.value)[0]
    shifts.save_shift(demo_db, imported.value, shifts.ShiftInput(pa.id, today, time(9), time(12)))
    changed = whole_file(demo_db)
    with raises_saying(ChangedElsewhere, "changed since, so they were left as they are"):
        undo_rules.reverse(demo_db, imported.change, today)
    assert whole_file(demo_db) == changed


def test_undo_is_allowed_again_once_a_change_since_is_itself_undone(demo_db, export, today):
    before = whole_file(demo_db)
    imported = transfer.import_employer_undoably(demo_db, export, rename_to=COPY, today=today)
    pa = people.list_pas(demo_db, imported.value)[0]
    added = shifts.save_shift_undoably(demo_db, imported.value, shifts.ShiftInput(pa.id, today, time(9), time(12)))
    undo_rules.reverse(demo_db, added.change, today)  # rows as imported again (their versions and history aside)
    undo_rules.reverse(demo_db, imported.change, today)
    assert whole_file(demo_db) == before


def test_redo_is_refused_in_words_when_the_file_has_changed_or_gone(demo_db, export, today):
    imported = transfer.import_employer_undoably(demo_db, export, rename_to=COPY, today=today)
    redo = undo_rules.reverse(demo_db, imported.change, today)
    before = whole_file(demo_db)
    export.write_bytes(export.read_bytes() + b"\0")
    with raises_saying(ServiceError, "has changed since it was imported, so import it again"):
        undo_rules.reverse(demo_db, redo, today)
    export.unlink()
    with raises_saying(ServiceError, "is no longer there, so put it back"):
        undo_rules.reverse(demo_db, redo, today)
    assert whole_file(demo_db) == before
