"""The employer's own pay scale (domain.pay_scale): its steps, saved whole, and the step each current PA
reaches on their work anniversary, for the "what needs doing" list (through services.staff_due)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import delete, select

from pa_manager.domain import pay_scale as rules
from pa_manager.domain.compliance import DEFAULT_WITHIN_DAYS, DueItem, sort_due_items
from pa_manager.domain.pay_rates import base_rate_on
from pa_manager.domain.pay_scale import PayStep
from pa_manager.domain.people import pay_terms
from pa_manager.domain.validation import Problem
from pa_manager.services import employers, people
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.undo import Done, Rule, undoable
from pa_manager.storage import models, recruitment_models as rm
from pa_manager.storage.database import Database

PAY_SCALE_SAVED = "PAY_SCALE_SAVED"


def steps_in(session, employer_id: int) -> list[PayStep]:
    """The scale's steps read in an open session, fewest years first."""
    rows = session.scalars(select(rm.PayScaleStep).where(rm.PayScaleStep.employer_id == employer_id)
                           .order_by(rm.PayScaleStep.years))
    return [PayStep(row.years, row.hourly_rate) for row in rows]


def get_steps(db: Database, employer_id: int) -> list[PayStep]:
    """The scale's steps, fewest years first (none when the employer keeps no scale)."""
    with db.session() as s:
        return steps_in(s, employer_id)


def _check(steps: Sequence[PayStep]) -> None:
    problems = rules.check_steps(steps)
    if problems:
        raise ValidationFailed({name: Problem(code) for name, code in problems.items()})


def save_steps(db: Database, employer_id: int, steps: Sequence[PayStep]) -> list[PayStep]:
    """Keep `steps` as the whole scale (no steps: no scale). Refused with ValidationFailed, keyed as
    domain.pay_scale.check_steps keys them, when a step is wrong."""
    _check(steps)
    with db.session() as s:
        s.execute(delete(rm.PayScaleStep).where(rm.PayScaleStep.employer_id == employer_id))
        s.flush()
        for step in sorted(steps, key=lambda st: st.years):
            s.add(rm.PayScaleStep(employer_id=employer_id, years=step.years, hourly_rate=step.hourly_rate))
        s.flush()
    return get_steps(db, employer_id)


def save_steps_undoably(db: Database, employer_id: int, steps: Sequence[PayStep], applied: bool | None = None
                        ) -> Done[list[PayStep]]:
    """save_steps, with the change it made to the scale (PAY_SCALE_SAVED), for undo; with `applied`, also
    whether pay runs pay the scale (the employer's applies_pay_scale), in the same change."""
    def action():
        saved = save_steps(db, employer_id, steps)
        if applied is not None:
            with db.session() as s:
                s.get(models.Employer, employer_id).applies_pay_scale = applied
                s.flush()
        return saved

    watches = [(rm.PayScaleStep, rm.PayScaleStep.employer_id == employer_id)]
    if applied is not None:
        watches.append((models.Employer, models.Employer.id == employer_id))
    return undoable(db, PAY_SCALE_SAVED, employer_id, action, watches,
                    lambda _: {"name": employers.get_employer(db, employer_id).name})


class PayScaleRule(Rule):
    """Undo and redo of a pay scale: the steps put back are checked whole, as saving checks them."""

    tables = frozenset({"pay_scale_steps"})

    def after(self, s, rows, state, reversal):
        for employer_id in {(r.new or r.old)["employer_id"] for r in rows}:
            found = s.scalars(select(rm.PayScaleStep).where(rm.PayScaleStep.employer_id == employer_id))
            _check([PayStep(row.years, row.hourly_rate) for row in found])


def pay_step_due(db: Database, employer_id: int, today: date, within_days: int = DEFAULT_WITHIN_DAYS, *,
                 include_ok: bool = False) -> list[DueItem]:
    """PAY_STEP_DUE for each current PA whose work anniversary in view brings a step of the scale above
    the basic hourly rate they are paid that day. When the employer has pay runs pay the scale
    (applies_pay_scale) there is nothing to change: PAY_STEP_COMING instead, a warning in the days
    before the anniversary (to tell the PA), against the rate the scale pays them the day before; none
    after it."""
    steps = get_steps(db, employer_id)
    if not steps:
        return []
    applied = employers.get_employer(db, employer_id).applies_pay_scale
    items = []
    for pa in people.list_pas(db, employer_id):
        rate_on = pa.rate_on
        if applied:
            paid = rules.with_steps(pay_terms(pa.pay_rates).rates, steps, pa.start_date)
            rate_on = lambda day, paid=paid: base_rate_on(paid, day - timedelta(days=1))  # noqa: E731
        item = rules.pay_step_item(pa.id, pa.name, pa.start_date, pa.leaving_date, rate_on, steps, today,
                                   within_days)
        if item is not None and applied:
            item = replace(item, code=rules.PAY_STEP_COMING) if item.due >= today else None
        if item is not None:
            items.append(item)
    return sort_due_items(items, include_ok=include_ok)


def set_applied(db: Database, employer_id: int, applied: bool) -> Done:
    """Whether pay runs pay the scale from each work anniversary (True) or the dashboard only suggests
    it (False), saved on the employer (undoable, as any change to the employer's details)."""
    record = employers.get_employer(db, employer_id)
    return employers.save_employer_undoably(db, replace(record, applies_pay_scale=applied))
