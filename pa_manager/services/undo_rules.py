"""Every rule undo and redo check (services.undo.Rule), one list: each lives beside the service that
owns its tables, so that saving and undoing check the same things in the same words.

Every table an employer owns is covered by a rule here, or named in NOT_CHECKED with the reason it
needs none (tests/services/test_undo.py holds the list to that).
"""
from __future__ import annotations

from datetime import date

from pa_manager.domain.validation import Problem
from pa_manager.services.budget import BudgetRule
from pa_manager.services.cases import CaseRule
from pa_manager.services.checks import CheckRule
from pa_manager.services.employers import EmployerRule
from pa_manager.services.errors import ChangedElsewhere
from pa_manager.services.holiday import HolidayRule
from pa_manager.services.earnings_orders import EarningsOrderRule
from pa_manager.services.family_leave import FamilyLeaveRule
from pa_manager.services.induction import ProbationRule
from pa_manager.services.keeping import ExitRecordRule
from pa_manager.services.pay_day import PayDayRule
from pa_manager.services.pay_scale import PayScaleRule
from pa_manager.services.people import PARule
from pa_manager.services.recruitment import RecruitmentRule
from pa_manager.services.rota import PatternRule
from pa_manager.services.shifts import ShiftRule
from pa_manager.services.training import TrainingRule
from pa_manager.services.undo import Change, Rule, reverse_with


class PayRecordRule(Rule):
    """A finalised pay run and its payslips are never changed: they move only with their whole
    employer (an employer removed, and put back)."""

    tables = frozenset({"pay_runs", "payslips"})

    def before(self, s, rows, reversal):
        for r in rows:
            employer_id = (r.old or r.new)["employer_id"]
            if employer_id not in reversal.whole_employers:
                raise ChangedElsewhere(Problem("UNDO_NOT_POSSIBLE"))


RULES: tuple[Rule, ...] = (
    EmployerRule(),
    PARule(),
    ShiftRule(),
    PatternRule(),
    CheckRule(),
    TrainingRule(),
    BudgetRule(),
    PayDayRule(),
    PayRecordRule(),
    RecruitmentRule(),
    ProbationRule(),
    ExitRecordRule(),
    CaseRule(),
    PayScaleRule(),
    HolidayRule(),
    FamilyLeaveRule(),
    EarningsOrderRule(),
)

NOT_CHECKED: dict[str, str] = {
    "changes": "the change history is kept as it was: it is put back only with its whole employer",
    "rota_changes": "a cancelled or covered planned shift changes only what is planned, never what was worked or paid",
    "required_courses": "any of the employer's courses may be required of a PA",
    "statement_balances": "a balance read off a bank statement may be any amount",
    "sick_pay_schemes": "a sick pay scheme put back is one that was checked when it was saved",
    "rti_reports": "a note of an RTI file made or sent: putting it back or taking it away changes no pay record",
    "employment_terms": "any choices the form accepts may be put back: they were checked when saved",
    "interview_scores": "a score put back is one saving checked (1 to 4); an erased applicant's scores keep no notes",
    "induction_items": "an induction plan may hold any topic due on any day; a Care Certificate standard ticked "
                       "off is checked by the training rule",
    "written_statements": "a statement is put back as it was made; one given since has changed, so its undo is "
                          "refused as changed meanwhile",
}


def reverse(db, change: Change, today: date) -> Change:
    """Undo (or redo) a change: its rows put back in one transaction, every rule checked again
    (services.undo.reverse_with); an employer added whole from a file is taken back, or imported
    again, by the service that imports them."""
    if change.whole is not None:
        from pa_manager.services.transfer import reverse_import  # loaded when needed, as importing is

        return reverse_import(db, change, today)
    return reverse_with(db, change, today, RULES)
