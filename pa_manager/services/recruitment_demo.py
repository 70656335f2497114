"""The demo household's recruitment: a vacancy to replace the PA who left, with three applicants at
different stages, a PA's written statement with the notice of her April pay rise and her probation
review, and why the PA who left went. Dated relative to
today, like the rest of the demo (services/demo.py calls this once the rest is in place)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from pa_manager.domain import recruitment as r
from pa_manager.domain.induction import PASSED
from pa_manager.domain.keeping import ExitRecord
from pa_manager.services import induction, keeping, people, recruitment, statement_given, statements
from pa_manager.storage.database import Database

_ANSWERS = {  # each applicant's scores on the eight default questions, and a note on the first
    "Grace Adeyemi": ((4, 3, 4, 4, 3, 4, 3, 4), "Gave a clear example of letting her gran choose how to do things."),
    "Liam Porter": ((3, 2, 3, 2, 2, 3, 3, 2), "Friendly; talked more about tasks than about the person."),
}


def add_recruitment_demo(db: Database, employer_id: int, today: date) -> None:
    pas = {pa.name: pa for pa in people.list_pas(db, employer_id)}
    leaver = pas["Sam Ellis"]
    start = recruitment.new_vacancy(db, employer_id, today - timedelta(days=21))
    vacancy = recruitment.save_vacancy(db, employer_id, replace(
        start, tasks=(r.PERSONAL_CARE, r.MEALS, r.SHOPPING, r.GOING_OUT, r.APPOINTMENTS),
        other_tasks="Help with Margaret's garden in the summer", hourly_rate=Decimal("13.45"),
        patterns=recruitment.rota_of(db, employer_id, leaver.id, today), closing_date=today + timedelta(days=7),
        start_date=today + timedelta(days=35),
        how_to_apply="email margaret.okafor@example.org with a few lines about yourself, or phone 07700 900777"))
    applied = today - timedelta(days=14)
    for name, source, contact in (("Grace Adeyemi", "pa_register", {"email": "grace.adeyemi@example.org"}),
                                  ("Liam Porter", "word_of_mouth", {"phone": "07700 900654"}),
                                  ("Nadia Karim", "job_website", {"email": "nadia.k@example.org"})):
        stored = recruitment.save_applicant(db, employer_id, vacancy.id, r.Applicant(
            name, applied, source=source, referees="Former employer\nA character referee", **contact))
        if name in _ANSWERS:
            scores, note = _ANSWERS[name]
            recruitment.save_scores(db, employer_id, stored.id, today - timedelta(days=3), {
                key: (score, note if n == 0 else "") for n, (key, score) in enumerate(zip(vacancy.questions, scores))})
    # Priya's statement as she started, and the notice of her April rise, both given.
    priya = pas["Priya Sandhu"]
    made = statements.make_statement(db, employer_id, priya.id, priya.start_date)
    statement_given.record_given(db, employer_id, made.id, priya.start_date, priya.start_date)
    induction.add_review(db, employer_id, priya.id, induction.ProbationReview(
        priya.start_date + relativedelta(months=3), PASSED, notes="Settled in well; confident on her own."),
        today)
    # Why Sam left, from the talk before he went.
    keeping.save_exit_record(db, employer_id, leaver.id, ExitRecord(
        "another_care_job", True, "Got on very well with Margaret; liked the afternoons out.",
        "Would have stayed for more hours and a clearer rota.", leaver.leaving_date - timedelta(days=7),
        leaver.leaving_date))
    rise = max(e.effective_from for e in priya.pay_rates)
    if priya.start_date < rise <= today:
        notice = statements.make_change_notice(db, employer_id, priya.id, rise - timedelta(days=14))
        statement_given.record_given(db, employer_id, notice.id, rise - timedelta(days=10), rise - timedelta(days=7))
