"""Family leave through the services: recorded, refused when wrong, changed, removed, undone and redone;
the average weekly earnings from the stored pay; the pay run paying the weeks in its period as taxable
pay on the payslip; and what the employer recovers from HMRC."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest

from pa_manager.domain import family_pay as fp, rti
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.family_pay import FamilyLeave
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import employers, family_leave, pay_runs, people, undo_rules
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.payslips import payslip_documents
from pa_manager.services.shifts import ShiftInput, save_shift
from pa_manager.wording import family_leave_text, undo_text
from pa_manager.domain.year_end import p60_for
from pa_manager.reports.year_end import write_p60
from tests.domain.rti_records import accounts_office_reference
from tests.reports.test_document import pdf_text
from tests.saying import raises_saying

D = Decimal
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def household(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames", pay_frequency=PayFrequency.MONTHLY))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Ann Cole", date_of_birth=date(1990, 1, 1), start_date=date(2025, 1, 6), tax_code="1257L",
        ni_category="A", contracted_hours=D("20"), pay_rates=(PayRateEntry(date(2025, 1, 6), D("12.71")),)), today)
    return employer.id, pa


def _smp(**changes):
    base = dict(kind=fp.SMP, key_date=date(2026, 9, 10), leave_start=date(2026, 8, 30), pay_start=date(2026, 8, 30),
                average_weekly_earnings=D("400"), evidence_received=date(2026, 6, 1))
    return FamilyLeave(**{**base, **changes})


def test_recorded_listed_changed_and_removed(db, household):
    employer_id, pa = household
    leave_id = family_leave.save_leave(db, employer_id, pa.id, _smp(
        keeping_in_touch_days=(date(2026, 11, 3), date(2026, 10, 6)), notes="  MATB1 seen  "))
    [found] = family_leave.list_leave(db, employer_id)
    assert (found.id, found.pa_name, found.leave.kind) == (leave_id, "Ann Cole", "SMP")
    assert found.leave.keeping_in_touch_days == (date(2026, 10, 6), date(2026, 11, 3))   # in order
    assert found.leave.notes == "MATB1 seen" and found.leave.evidence_received == date(2026, 6, 1)
    assert found.pay.eligibility.entitled and len(found.pay.weeks) == 39
    assert found.pay.total == 6 * D("360.00") + 33 * D("194.32")
    family_leave.save_leave(db, employer_id, pa.id, _smp(average_weekly_earnings=D("150")), leave_id)
    assert family_leave.get_leave(db, leave_id).pay.total == 39 * D("135.00")
    assert family_leave.list_leave(db, employer_id, pa.id)[0].id == leave_id
    family_leave.remove_leave(db, employer_id, leave_id)
    assert family_leave.list_leave(db, employer_id) == []


def test_a_wrong_record_is_refused_in_words_and_nothing_kept(db, household):
    employer_id, pa = household
    eleven = tuple(date(2026, 10, 1) + timedelta(days=n) for n in range(11))
    with raises_saying(ValidationFailed, "Remove some keeping-in-touch days") as refused:
        family_leave.save_leave(db, employer_id, pa.id, _smp(keeping_in_touch_days=eleven))
    assert set(refused.value.problems) == {"keeping_in_touch_days"}
    with raises_saying(ValidationFailed, "Enter fewer weeks"):
        family_leave.save_leave(db, employer_id, pa.id, _smp(kind=fp.SPP, weeks=3))
    assert family_leave.list_leave(db, employer_id) == []


def test_a_pa_not_employed_long_enough_is_recorded_but_not_paid(db, household, today):
    employer_id, _ = household
    late = people.save_pa(db, employer_id, PARecord(
        name="Bea Dunn", date_of_birth=date(1995, 1, 1), start_date=date(2026, 1, 5), tax_code="1257L",
        pay_rates=(PayRateEntry(date(2026, 1, 5), D("12.71")),)), today)
    family_leave.save_leave(db, employer_id, late.id, _smp())
    [found] = family_leave.list_leave(db, employer_id, late.id)
    assert found.pay.eligibility.codes == (fp.SERVICE_TOO_SHORT,) and found.pay.weeks == ()
    assert family_leave_text(found) == (
        "Statutory Maternity Pay from 30 August 2026: none due. No statutory pay is due to Bea Dunn, who had not "
        "worked for you for 26 weeks by the qualifying week: give them form SMP1 (or the matching form for other "
        "leave) saying why.")


def test_undo_and_redo(db, household, today):
    employer_id, pa = household
    done = family_leave.save_leave_undoably(db, employer_id, pa.id, _smp())
    assert undo_text(done.change) == "Save Ann Cole's Statutory Maternity Pay"
    redo = undo_rules.reverse(db, done.change, today)
    assert family_leave.list_leave(db, employer_id) == []
    undo_rules.reverse(db, redo, today)
    [back] = family_leave.list_leave(db, employer_id)
    removed = family_leave.remove_leave_undoably(db, employer_id, back.id)
    assert undo_text(removed.change) == "Remove Ann Cole's Statutory Maternity Pay"
    assert family_leave.list_leave(db, employer_id) == []
    undo_rules.reverse(db, removed.change, today)
    assert [r.id for r in family_leave.list_leave(db, employer_id)] == [back.id]


def _month_of_work(db, employer_id, pa_id, year, month):
    day = date(year, month, 1)
    while day.month == month:
        if day.weekday() < 5:
            save_shift(db, employer_id, ShiftInput(pa_id, day, time(9), time(13)))
        day += timedelta(days=1)


def test_earnings_for_the_relevant_period_come_from_the_stored_pay(db, household):
    employer_id, pa = household
    for month in (3, 4, 5):
        _month_of_work(db, employer_id, pa.id, 2026, month)
        pay_runs.finalise_pay_run(db, employer_id, date(2026, month, 28), NOW, confirmed=True)
    # Due 10 September 2026: QW 24-30 May; pay days 28 March, 28 April, 28 May: the relevant period is
    # 29 March to 28 May (2 months), earnings April + May, x 12 / 52 / 2.
    awe = family_leave.earnings_for(db, employer_id, pa.id, fp.SMP, date(2026, 9, 10))
    records = pay_runs.records_between(db, employer_id, date(2026, 4, 1), date(2026, 5, 31))
    gross = sum((r.gross_pay for r in records), D(0))
    assert awe.relevant_period == (date(2026, 3, 29), date(2026, 5, 28))
    assert awe.amount == gross * 12 / 52 / 2


def test_the_pay_run_pays_the_weeks_in_its_period_as_taxable_pay(db, household):
    employer_id, pa = household
    # SMP from Sunday 30 August 2026 on AWE £400: 6 weeks at £360 to 10 October, then £194.32.
    family_leave.save_leave(db, employer_id, pa.id, _smp())
    run = pay_runs.prepare_pay_run(db, employer_id, date(2026, 9, 28))
    [item] = run.pas
    slip = item.payslip
    smp = [line for line in slip.lines if line.code == "SMP"]
    # September: 30 days at £360 (a fortnight of August's two days was in August): 360 x 30 / 7.
    assert [(line.rate, line.quantity, line.amount, line.relates_to) for line in smp] == [
        (D("360.00"), 30, D("1542.86"), date(2026, 5, 24))]
    assert slip.gross_pay == D("1542.86")
    # Taxed and NI'd as earnings: month 6 cumulative free pay is far above it, NI (PT £1,048): 8%.
    assert slip.employee_ni == ((D("1542.86") - 1048) * D("0.08")).quantize(D("0.01"))
    # The payslip shows it in words.
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 9, 28), NOW, confirmed=True)
    [doc] = payslip_documents(db, employer_id, date(2026, 9, 28))
    assert any(line.description == "Statutory Maternity Pay, 30 days at £360.00 a week" and line.amount == D("1542.86")
               for line in doc.pay_lines)
    # October: 10 days at £360 (1-10 October), then 21 at £194.32.
    october = pay_runs.prepare_pay_run(db, employer_id, date(2026, 10, 28)).pas[0].payslip
    assert [(line.rate, line.quantity, line.amount) for line in october.lines if line.code == "SMP"] == [
        (D("360.00"), 10, D("514.29")), (D("194.32"), 21, D("582.96"))]


def test_recovery_year_to_date_at_the_small_employer_rate(db, household, tmp_path):
    employer_id, pa = household
    family_leave.save_leave(db, employer_id, pa.id, _smp())
    for month in (9, 10):
        pay_runs.finalise_pay_run(db, employer_id, date(2026, month, 28), NOW, confirmed=True)
    records = pay_runs.records_between(db, employer_id, date(2026, 4, 6), date(2026, 10, 31))
    got = fp.recovery_to_date(records, date(2026, 10, 31))
    paid = D("1542.86") + D("514.29") + D("582.96")
    assert got.paid == {"SMP": paid}
    # No pay held for 2025-26: nil NICs, within £45,000, so 100% + 8.5%.
    assert got.small_employer is True
    assert got.recovered == {"SMP": paid}
    assert got.compensation == {"SMP": (paid * D("0.085")).quantize(D("0.01"))}
    # Before the second pay day only the first counts.
    assert fp.recovery_to_date(records, date(2026, 9, 30)).paid == {"SMP": D("1542.86")}
    # The EPS for tax month 7 (to 5 November) carries them, year to date.
    all_records = pay_runs.records_between(db, employer_id, date(2025, 4, 6), date(2026, 11, 5))
    eps = rti.eps_for("123/AB456", accounts_office_reference(), "2026-27", 7, all_records,
                      claim_employment_allowance=False)
    assert (eps.recoverable.smp, eps.recoverable.nic_compensation_smp) == (paid, got.compensation["SMP"])
    assert eps.recoverable.spp == 0
    # The P60 lists the statutory pay that is part of the year's pay, by kind.
    form = p60_for(records, "2026-27")
    assert form.family_pay == (("SMP", paid),)
    write_p60(form, tmp_path / "p60.pdf", invariant=True)
    text = " ".join(pdf_text(tmp_path / "p60.pdf").split())
    assert "Statutory Maternity Pay is part of the pay above £2,640.11" in text
