"""Pay days gone by finalised at once (pay_runs.finalise_pay_runs, how the demo's two years are made) store
exactly what finalising them one by one stores, as a person would on each pay day: the same pay runs,
payslips, budget lines and history, row for row. Held on the demo and on a household that uses what the
demo does not (weekly pay, a pay scale paid from a work anniversary, sickness under a sick pay scheme,
maternity pay, an earnings order, a bonus, a leaver); and refused all or none."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from pa_manager.domain import attachment_of_earnings as aeo, family_pay as fp
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.family_pay import FamilyLeave
from pa_manager.domain.occupational_sick_pay import SickPayScheme
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pay_period import BONUS, EXTRA_BONUS
from pa_manager.domain.pay_scale import PayStep
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.domain.shifts import ShiftType
from pa_manager.services import demo, earnings_orders, employers, family_leave, pay_day, pay_runs, pay_scale, people
from pa_manager.services import sick_pay_scheme
from pa_manager.services.data_files import open_data_file
from pa_manager.services.errors import ServiceError
from pa_manager.services.shifts import ShiftInput, build_shift, store_batch
from pa_manager.storage import models
from tests.saying import raises_saying

SINCE, BEFORE = date(2026, 6, 1), date(2026, 12, 1)


def _noon(pay_date: date) -> datetime:
    return datetime.combine(pay_date, time(12), timezone.utc)


def one_by_one(db, employer_id: int, since: date, before: date, finalised_at) -> list[pay_runs.PayRunDraft]:
    """What a person does: on each pay day, the pay day the app suggests, finalised (confirmed)."""
    done, day = [], since
    while (pay_date := pay_runs.default_pay_date(db, employer_id, day)) < before:
        done.append(pay_runs.finalise_pay_run(db, employer_id, pay_date, finalised_at(pay_date), confirmed=True))
        day = done[-1].period_end + timedelta(days=1)
    return done


def stored(db) -> dict[str, list[tuple]]:
    """What finalising stores, table by table (the history without its clock times, which differ)."""
    tables = {"pay_runs": models.PayRun, "payslips": models.StoredPayslip, "ledger_entries": models.LedgerEntry,
              "changes": models.Change, "pay_rates": models.PayRate, "rti_reports": models.RtiReport}
    out = {}
    with db.session() as s:
        for name, model in tables.items():
            columns = [c for c in model.__table__.columns if not (name == "changes" and c.name == "at")]
            out[name] = [tuple(row) for row in s.execute(select(*columns).order_by(model.__table__.c.id))]
    return out


def test_the_demo_made_at_once_is_the_demo_made_one_pay_day_at_a_time(tmp_path, monkeypatch, today):
    at_once = open_data_file(tmp_path / "at-once.sqlite3", create=True, throwaway=True).db
    demo.create_demo(at_once, today)
    monkeypatch.setattr(demo, "finalise_pay_runs", one_by_one)
    by_hand = open_data_file(tmp_path / "by-hand.sqlite3", create=True, throwaway=True).db
    demo.create_demo(by_hand, today)
    made, expected = stored(at_once), stored(by_hand)
    assert len(made["pay_runs"]) == 24 and len(made["payslips"]) > 24
    assert made == expected


SCALE = [PayStep(0, D("12.71")), PayStep(1, D("13.40"))]


def _pa(name: str, ni: str, start: date, **more) -> PARecord:
    return PARecord(name=name, ni_number=ni, date_of_birth=date(1988, 3, 14), start_date=start, tax_code="1257L",
                    ni_category="A", pay_rates=(PayRateEntry(start, D("12.71")),), **more)


def _weekdays(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)
            if (first + timedelta(days=n)).weekday() < 5]


def _household(db, today) -> int:
    """Weekly pay, a pay scale paid from each work anniversary (Ann's falls in August), Ann off sick twice
    in a linked spell under the employer's sick pay scheme, Bea on irregular hours then maternity leave
    with an earnings order, Cal paid a bonus and leaving in October."""
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames", pay_frequency=PayFrequency.WEEKLY,
                                                          paye_reference="123/RA45678"))
    pay_scale.save_steps(db, employer.id, SCALE)
    pay_scale.set_applied(db, employer.id, True)
    sick_pay_scheme.save_scheme(db, employer.id, SickPayScheme(full_pay_weeks=1, half_pay_weeks=1,
                                                               qualifying_months=6, waiting_days=0))
    ann = people.save_pa(db, employer.id, _pa("Ann Cole", "AB123456A", date(2025, 8, 10),
                                              contracted_hours=D("20")), today)
    bea = people.save_pa(db, employer.id, _pa("Bea Dunn", "AB123456B", date(2024, 2, 5), irregular_hours=True), today)
    cal = people.save_pa(db, employer.id, _pa("Cal Evans", "AB123456C", date(2023, 5, 1), contracted_hours=D("16"),
                                              leaving_date=date(2026, 10, 16)), today)
    sick = {*_weekdays(date(2026, 7, 6), date(2026, 7, 10)), *_weekdays(date(2026, 7, 27), date(2026, 7, 28))}
    shifts = [ShiftInput(ann.id, d, time(9), time(13), ShiftType.SICKNESS if d in sick else ShiftType.STANDARD)
              for d in _weekdays(date(2026, 5, 4), date(2026, 11, 27))]
    shifts += [ShiftInput(bea.id, d, time(8), time(14 + d.day % 3)) for d in _weekdays(date(2026, 5, 4), date(2026, 8, 28))
               if d.weekday() in (0, 2, 3)]
    shifts += [ShiftInput(cal.id, d, time(14), time(18)) for d in _weekdays(date(2026, 5, 4), date(2026, 10, 16))]
    store_batch(db, employer.id, [build_shift(s) for s in shifts], "rota")
    family_leave.save_leave(db, employer.id, bea.id, FamilyLeave(
        kind=fp.SMP, key_date=date(2026, 9, 27), leave_start=date(2026, 8, 30), pay_start=date(2026, 8, 30),
        average_weekly_earnings=D("380"), evidence_received=date(2026, 6, 1)))
    earnings_orders.add_order(db, employer.id, bea.id, earnings_orders.OrderDetails(
        kind="judgment_debt", reference="K12X3456", issued_by="County Court Business Centre",
        start_date=date(2026, 7, 1), normal_deduction_rate=D("25"), protected_earnings_rate=D("120"),
        rate_period="week", total_to_pay=D("400.00")))
    pay_day.save_extra(db, employer.id, pay_day.Extra(None, cal.id, date(2026, 7, 3), EXTRA_BONUS, "Summer bonus", D("150")))
    return employer.id


@pytest.fixture
def two_households(new_data, today):
    return [open_data_file(new_data(), create=True).db for _ in range(2)]


def test_a_household_using_everything_the_pay_rules_read_is_paid_the_same_at_once(two_households, today):
    at_once, by_hand = two_households
    made = pay_runs.finalise_pay_runs(at_once, _household(at_once, today), SINCE, BEFORE, _noon)
    expected = one_by_one(by_hand, _household(by_hand, today), SINCE, BEFORE, _noon)
    assert [(r.pay_date, r.period_start, r.period_end) for r in made] == \
        [(r.pay_date, r.period_start, r.period_end) for r in expected]
    assert len(made) >= 25 and made[0].period_start <= SINCE  # weekly, June to November
    assert [[d.payslip for d in r.pas] for r in made] == [[d.payslip for d in r.pas] for r in expected]
    assert stored(at_once) == stored(by_hand)
    # What the household holds is paid in it: the rules were not left idle.
    slips = [d.payslip for r in made for d in r.pas]
    assert any(s.ssp for s in slips) and any(any(line.code == "OSP" for line in s.lines) for s in slips)
    assert any(line.code == fp.SMP and line.amount for s in slips for line in s.lines)
    assert any(d.code == aeo.ATTACHMENT_OF_EARNINGS and d.amount for s in slips for d in s.deductions)
    assert any(line.code == BONUS for s in slips for line in s.lines)
    ann = next(pa for pa in people.list_pas(at_once, made[0].employer.id) if pa.name == "Ann Cole")
    assert PayRateEntry(date(2026, 8, 10), D("13.40")) in ann.pay_rates  # the scale's step, paid and kept


def test_a_pay_day_that_cannot_be_paid_refuses_them_all(db, today):
    employer_id = _household(db, today)
    cal = next(pa for pa in people.list_pas(db, employer_id) if pa.name == "Cal Evans")
    people.save_pa(db, employer_id, replace(cal, tax_code=""), today)
    with raises_saying(ServiceError, "Cal Evans"):
        pay_runs.finalise_pay_runs(db, employer_id, SINCE, BEFORE, _noon)
    assert pay_runs.pay_run_dates(db, employer_id) == []  # all or none: not the weeks before the one refused


def test_no_pay_day_before_the_day_finalises_nothing(db, today):
    employer_id = _household(db, today)  # the first shifts are in the week to Friday 8 May
    assert pay_runs.finalise_pay_runs(db, employer_id, SINCE, date(2026, 5, 8), _noon) == []
    assert pay_runs.pay_run_dates(db, employer_id) == []
