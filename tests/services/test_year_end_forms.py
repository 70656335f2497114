"""P45 and P60 from the stored records, and the dashboard's reminder to give the P60s by 31 May."""
from datetime import date


from pa_manager.services import history, year_end
from pa_manager.services.due import due_list
from pa_manager.services.employers import find_employer
from pa_manager.services.errors import ServiceError
from pa_manager.wording import due_item_sentence
from tests.saying import raises_saying


def _employer(db):
    return find_employer(db, "Margaret Okafor").id


def test_the_demo_household_gave_its_p60s(demo_db):
    assert not [i for i in due_list(demo_db, _employer(demo_db), date(2026, 11, 23)) if i.code == year_end.P60_DUE]


def test_the_p60_reminder_runs_from_6_april_until_the_p60s_are_made(demo_db, tmp_path):
    from sqlalchemy import delete

    from pa_manager.storage import models

    employer_id = _employer(demo_db)
    with demo_db.session() as s:   # as if the 2025-26 P60s had not been made
        s.execute(delete(models.Change).where(models.Change.code == history.P60S_MADE,
                                              models.Change.facts.contains("2025-26")))
    assert not [i for i in due_list(demo_db, employer_id, date(2026, 4, 5)) if i.code == year_end.P60_DUE]
    [item] = [i for i in due_list(demo_db, employer_id, date(2026, 4, 20)) if i.code == year_end.P60_DUE]
    assert item.due == date(2026, 5, 31) and item.status == "due_soon"
    status, words = due_item_sentence(item, date(2026, 4, 20))
    assert "P60" in words and "31 May 2026" in words and "2025-26" in words and "Sam Ellis" not in words
    [late] = [i for i in due_list(demo_db, employer_id, date(2026, 6, 2)) if i.code == year_end.P60_DUE]
    assert late.status == "overdue"
    files = year_end.write_p60_files(demo_db, employer_id, "2025-26", tmp_path, today=date(2026, 4, 20))
    assert files and all(f.stat().st_size > 0 for f in files)
    assert not [i for i in due_list(demo_db, employer_id, date(2026, 4, 21)) if i.code == year_end.P60_DUE]


def test_a_p45_is_refused_in_words_before_the_last_pay_run(demo_db):
    employer_id = _employer(demo_db)
    janet = next(pa for pa in __import__("pa_manager.services.people", fromlist=["x"]).list_pas(demo_db, employer_id)
                 if pa.name == "Janet Moyo")
    with raises_saying(ServiceError, "no leaving date"):
        year_end.p45(demo_db, employer_id, janet.id)
