"""The employer's own sick pay scheme on top of SSP (domain.occupational_sick_pay): one for every PA,
and optionally one for a PA instead; saved, removed and undone; read by the pay run."""
from __future__ import annotations

from sqlalchemy import select

from pa_manager.domain import occupational_sick_pay as rules
from pa_manager.domain.occupational_sick_pay import SickPayScheme
from pa_manager.domain.validation import Problem
from pa_manager.services import employers, people
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.undo import Done, undoable
from pa_manager.storage import recruitment_models as rm
from pa_manager.storage.database import Database

SICK_PAY_SCHEME_SAVED = "SICK_PAY_SCHEME_SAVED"


def _row(session, employer_id: int, pa_id: int | None):
    where = rm.SickPayScheme.pa_id.is_(None) if pa_id is None else rm.SickPayScheme.pa_id == pa_id
    return session.scalars(select(rm.SickPayScheme).where(rm.SickPayScheme.employer_id == employer_id, where)).first()


def _scheme(row) -> SickPayScheme | None:
    if row is None:
        return None
    return SickPayScheme(row.full_pay_weeks, row.half_pay_weeks, row.qualifying_months, row.waiting_days)


def get_scheme(db: Database, employer_id: int, pa_id: int | None = None) -> SickPayScheme | None:
    """The scheme set for every PA (pa_id None), or the one set for one PA only; None when none is set."""
    with db.session() as s:
        return _scheme(_row(s, employer_id, pa_id))


def schemes_in(session, employer_id: int) -> dict[int | None, SickPayScheme]:
    """Every scheme the employer has set, by PA (None: the one for every PA), read in an open session."""
    rows = session.scalars(select(rm.SickPayScheme).where(rm.SickPayScheme.employer_id == employer_id))
    return {row.pa_id: _scheme(row) for row in rows}


def scheme_for(schemes: dict[int | None, SickPayScheme], pa_id: int) -> SickPayScheme | None:
    """The scheme that pays a PA: their own if one is set, otherwise the one for every PA."""
    return schemes.get(pa_id, schemes.get(None))


def save_scheme(db: Database, employer_id: int, scheme: SickPayScheme | None, pa_id: int | None = None
                ) -> Done[SickPayScheme | None]:
    """Keep `scheme` for every PA (pa_id None) or for one PA instead; None removes it (then only SSP is
    paid, or, for one PA, the scheme for every PA). Refused with ValidationFailed, keyed by field, when
    the scheme is wrong. Undoable (SICK_PAY_SCHEME_SAVED)."""
    if scheme is not None:
        problems = rules.check_scheme(scheme)
        if problems:
            raise ValidationFailed({name: Problem(code) for name, code in problems.items()})
    if pa_id is not None:
        people.get_pa(db, pa_id)  # refused when the PA is no longer there

    def action():
        with db.session() as s:
            row = _row(s, employer_id, pa_id)
            if scheme is None:
                if row is not None:
                    s.delete(row)
            else:
                if row is None:
                    row = rm.SickPayScheme(employer_id=employer_id, pa_id=pa_id)
                    s.add(row)
                row.full_pay_weeks, row.half_pay_weeks = scheme.full_pay_weeks, scheme.half_pay_weeks
                row.qualifying_months, row.waiting_days = scheme.qualifying_months, scheme.waiting_days
            s.flush()
        return scheme

    def facts(_):
        name = people.get_pa(db, pa_id).name if pa_id is not None else employers.get_employer(db, employer_id).name
        return {"name": name}

    return undoable(db, SICK_PAY_SCHEME_SAVED, employer_id, action,
                    [(rm.SickPayScheme, rm.SickPayScheme.employer_id == employer_id)], facts)
