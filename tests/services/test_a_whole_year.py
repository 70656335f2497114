"""A whole tax year for a household employer, April 2025 to the P60s, through the real services.

The story: Priya Shah employs PAs with her direct payment and pays them monthly on the 28th; she is
registered with HMRC. Through 2025-26:
- Ann Cole has worked for her since 2022 and works all year (4 hours a day);
- Bea Dunn, there since 2023, is expecting a baby due on 1 December 2025; she hands over her MATB1 in
  September and starts maternity leave on Sunday 2 November 2025, so the autumn's pay runs pay her SMP;
- Cal Evans starts on 16 June 2025 with a starter checklist (statement A), a Plan 2 Student Loan and a
  Postgraduate Loan; a part month in June, full months after;
- Dee Ford leaves on 12 December 2025 with holiday owed; her P45 is made from her pay records.
Each PA's right to work was checked before they started; all but Cal are in the workplace pension.
Every month the shifts are stored, the pay run is worked out and finalised (confirming what the law asks
to see first), and at the end the P60s, the EPS claiming the SMP back and the last payslips are made.

Figures come from GOV.UK's 2025-26 numbers, not from the code: SMP standard rate £187.18 a week
(gov.uk/maternity-pay-leave/pay); Plan 2 threshold £28,470 a year at 9%, Postgraduate Loan £21,000 at
6%, deductions rounded down to whole pounds (gov.uk/guidance/special-rules-for-student-loans);
small employers' relief: 100% of SMP plus 8.5% compensation (gov.uk/recover-statutory-payments)."""
from __future__ import annotations

from calendar import monthrange
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal as D

import pytest

from pa_manager.domain import family_pay as fp
from pa_manager.domain.compliance.records import RightToWorkCheck
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.family_pay import FamilyLeave
from pa_manager.domain.nation import Nation
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import checks, employers, family_leave, pay_runs, people, rti, year_end
from pa_manager.services.errors import ServiceError
from pa_manager.services.payslips import payslip_documents, write_payslip_files
from pa_manager.services.shifts import ShiftInput, build_shift, store_batch
from tests.domain.rti_records import accounts_office_reference
from tests.reports.test_document import pdf_text
from tests.saying import raises_saying

PAY_DATES = [date(2025, m, 28) for m in range(4, 13)] + [date(2026, m, 28) for m in range(1, 4)]
SMP_STANDARD = D("187.18")                      # GOV.UK, 2025-26
PLAN_2_MONTHLY = D("28470") / 12                # £2,372.50
PGL_MONTHLY = D("21000") / 12                   # £1,750.00
LEAVE_STARTS = date(2025, 11, 2)                # a Sunday
LEAVING = date(2025, 12, 12)


def _pa(name, ni_number, start, rate, **more):
    more = {"pension_status": "ENROLLED", "pension_active_from": start, **more}
    return PARecord(name=name, ni_number=ni_number, date_of_birth=date(1990, 5, 1), address="1 Park Row\nLeeds",
                    postcode="LS1 5AB", gender="F", start_date=start, tax_code="1257L", ni_category="A",
                    pay_rates=(PayRateEntry(start, D(rate)),), **more)


def _weekdays(year, month, since=None):
    days = [date(year, month, d) for d in range(1, monthrange(year, month)[1] + 1)]
    return [d for d in days if d.weekday() < 5 and (since is None or d >= since)]


@pytest.fixture
def household(db, today):
    employer = employers.save_employer(db, EmployerRecord(
        name="Priya Shah", address="3 Mill Lane, Leeds", postcode="LS6 1AA", nation=Nation.ENGLAND,
        pay_frequency=PayFrequency.MONTHLY, paye_reference="123/PA45678",
        accounts_office_reference=accounts_office_reference()))
    ann = people.save_pa(db, employer.id, _pa("Ann Cole", "AB123456A", date(2022, 4, 4), "13.00", contracted_hours=D("20")), today)
    bea = people.save_pa(db, employer.id, _pa("Bea Dunn", "AB123456B", date(2023, 3, 6), "13.00", contracted_hours=D("40")), today)
    cal = people.save_pa(db, employer.id, _pa("Cal Evans", "AB123456C", date(2025, 6, 16), "16.00", contracted_hours=D("40"),
                                              starter_declaration="A", student_loan_plan="2",
                                              postgraduate_loan=True, pension_status="NOT_MEMBER",
                                              pension_active_from=None), today)
    dee = people.save_pa(db, employer.id, _pa("Dee Ford", "AB123456D", date(2024, 1, 8), "13.00", contracted_hours=D("18")), today)
    for pa in (ann, bea, cal, dee):   # each one's right to work seen before their first day
        checks.save_right_to_work(db, employer.id, pa.id, RightToWorkCheck(
            "manual_document", pa.start_date - timedelta(days=7), "UK passport"))
    return employer.id, ann, bea, cal, dee


def _month_of_shifts(db, employer_id, pay_date, ann, bea, cal, dee):
    """The month's rota: each PA's first 20 weekdays of the month they are there for (so every full
    month pays the same: Ann 20 x 4 h, Bea 20 x 8 h, Cal 20 x 8 h, Dee 12 x 6 h)."""
    y, m = pay_date.year, pay_date.month
    shifts = [ShiftInput(ann.id, d, time(9), time(13)) for d in _weekdays(y, m)[:20]]
    shifts += [ShiftInput(bea.id, d, time(9), time(17)) for d in _weekdays(y, m)[:20] if d < LEAVE_STARTS]
    shifts += [ShiftInput(cal.id, d, time(9), time(17)) for d in _weekdays(y, m, since=cal.start_date)[:20]]
    shifts += [ShiftInput(dee.id, d, time(10), time(16)) for d in _weekdays(y, m)[:12] if d <= LEAVING]
    store_batch(db, employer_id, [build_shift(s) for s in shifts], "rota")


def _pay(db, employer_id, pay_date, asked):
    """Finalise as the pay run window does: refused until what the law asks to see first is confirmed
    (noted in `asked`, by pay day)."""
    now = datetime.combine(pay_date, time(12), timezone.utc)
    try:
        return pay_runs.finalise_pay_run(db, employer_id, pay_date, now)
    except pay_runs.NeedsConfirming as refused:
        asked[pay_date] = [problem.code for problem in refused.to_confirm]
        return pay_runs.finalise_pay_run(db, employer_id, pay_date, now, confirmed=True)


def _smp_lines(record):
    return [line for line in record.lines if line.code == "SMP"]


def _total(records, name):
    return sum((getattr(r, name) for r in records), D(0))


def test_a_whole_year_from_april_to_the_p60s(db, household, today, tmp_path):
    employer_id, ann, bea, cal, dee = household
    # She has paid Ann, Bea and Dee with PA Manager before: March 2025's pay run, the last of 2024-25.
    _month_of_shifts(db, employer_id, date(2025, 3, 28), ann, bea, cal, dee)
    asked = {}
    _pay(db, employer_id, date(2025, 3, 28), asked)
    fps = {}
    for pay_date in PAY_DATES:
        if pay_date.month == 9 and pay_date.year == 2025:
            # Bea's MATB1 arrived on 1 September. Her AWE comes from the pay days in the relevant period:
            # baby due Monday 1 December 2025, so EWC Sunday 30 November, qualifying week 17-23 August;
            # the last pay day in it is 28 July, the one 8 weeks before is 28 May: June and July's pay,
            # 2 x 20 days x 8 h x £13.00 = £4,160.00, x 12 / 52 / 2 months = £480.00 a week.
            awe = family_leave.earnings_for(db, employer_id, bea.id, fp.SMP, date(2025, 12, 1))
            assert awe.relevant_period == (date(2025, 5, 29), date(2025, 7, 28))
            assert awe.amount == D("4160.00") * 12 / 52 / 2 == D("480")
            family_leave.save_leave(db, employer_id, bea.id, FamilyLeave(
                kind=fp.SMP, key_date=date(2025, 12, 1), leave_start=LEAVE_STARTS, pay_start=LEAVE_STARTS,
                average_weekly_earnings=awe.amount, evidence_received=date(2025, 9, 1), notes="MATB1 seen"))
        if pay_date.month == 12:
            # Dee gave notice; her last day is Friday 12 December, holiday owed paid on leaving.
            people.record_leaver(db, employer_id, dee.id, LEAVING, "Resigned", today)
        _month_of_shifts(db, employer_id, pay_date, ann, bea, cal, dee)
        if pay_date == date(2025, 7, 28):
            # June's pay run told her Cal must be put into the pension scheme; she enrols him from 1 July.
            people.save_pa(db, employer_id, replace(people.get_pa(db, cal.id), pension_status="ENROLLED",
                                                      pension_active_from=date(2025, 7, 1)), today)
        run = _pay(db, employer_id, pay_date, asked)
        assert run.finalised and (run.period_start, run.period_end) == (
            pay_date.replace(day=1), pay_date.replace(day=monthrange(pay_date.year, pay_date.month)[1]))
        # The month's FPS, checked against HMRC's schema as it is written.
        rti.write_fps(db, employer_id, pay_date, tmp_path / f"fps {pay_date}.xml",
                      datetime.combine(pay_date, time(13), timezone.utc))
        fps[pay_date] = {e.pa_name: e for e in rti.fps_of(db, employer_id, pay_date).employees}

    # Only June's pay run needed anything confirmed first: Cal, a new eligible jobholder, to enrol.
    assert asked == {date(2025, 6, 28): ["CONFIRM_PENSION_ENROL_NOW"]}

    # Twelve finalised runs, one a month; a second for the same day is refused in words.
    assert sorted(pay_runs.pay_run_dates(db, employer_id)) == [date(2025, 3, 28)] + PAY_DATES
    with raises_saying(ServiceError, "already"):
        pay_runs.finalise_pay_run(db, employer_id, PAY_DATES[-1], datetime(2026, 4, 1, tzinfo=timezone.utc),
                                  confirmed=True)
    records = pay_runs.records_between(db, employer_id, date(2025, 4, 6), date(2026, 4, 5))
    mine = {pa.id: [r for r in records if r.pa_id == pa.id] for pa in (ann, bea, cal, dee)}
    assert [r.pay_date for r in mine[ann.id]] == PAY_DATES
    assert all(r.gross_pay == 20 * 4 * D("13.00") for r in mine[ann.id])

    # --- Bea's SMP: only in the months of leave; 6 weeks at 90% of £480 (£432.00), then £187.18 -------
    higher = D("480") * D("0.9")
    smp_by_month = {r.pay_date.month: _smp_lines(r) for r in mine[bea.id]}
    assert all(not lines for month, lines in smp_by_month.items() if month not in (11, 12, 1, 2, 3))

    def daily(rate, days):   # a day is a seventh of the week (SSCBA 1992 s.166(4)); fractions of a penny
        return (rate * days / 7).quantize(D("0.01"), ROUND_UP)   # rounded up (SMP (General) Regs 1986 reg 28)

    # 6 weeks from Sunday 2 November run to Saturday 13 December; the standard rate from the 14th.
    expected = {11: [(higher, 29)], 12: [(higher, 13), (SMP_STANDARD, 18)], 1: [(SMP_STANDARD, 31)],
                2: [(SMP_STANDARD, 28)], 3: [(SMP_STANDARD, 31)]}
    for month, parts in expected.items():
        assert [(line.rate, line.quantity, line.amount) for line in smp_by_month[month]] == [
            (rate, days, daily(rate, days)) for rate, days in parts], month
    smp_paid = sum((line.amount for lines in smp_by_month.values() for line in lines), D(0))
    assert sum(days for parts in expected.values() for _, days in parts) == 150   # 2 Nov to 31 Mar
    november = next(r for r in mine[bea.id] if r.pay_date.month == 11)
    assert november.gross_pay == daily(higher, 29)   # no shifts once the leave began: SMP is all her pay

    # --- Cal's loans: nothing in June's part month (below both thresholds), then whole pounds -----------
    cal_records = mine[cal.id]
    assert cal_records[0].pay_date == date(2025, 6, 28)
    june = cal_records[0]
    assert june.gross_pay < PGL_MONTHLY < PLAN_2_MONTHLY
    assert (june.student_loan, june.postgraduate_loan) == (0, 0)
    assert june.employee_pension == 0 and all(r.employee_pension > 0 for r in cal_records[1:])   # enrolled in July
    for record in cal_records[1:]:
        assert record.gross_pay == 20 * 8 * D("16.00")
        plan_2 = ((record.gross_pay - PLAN_2_MONTHLY) * D("0.09")).quantize(D("1"), ROUND_DOWN)
        pgl = ((record.gross_pay - PGL_MONTHLY) * D("0.06")).quantize(D("1"), ROUND_DOWN)
        assert (record.student_loan, record.postgraduate_loan) == (plan_2, pgl) == (D("16"), D("48"))

    # --- Dee leaves: paid holiday owed in December, in no run after it; her P45 is her pay records ------
    dee_records = mine[dee.id]
    assert dee_records[-1].pay_date == date(2025, 12, 28)
    assert not any(r.pa_id == dee.id for r in records if r.period_start > LEAVING)
    # Holiday owed: 5.6 weeks of her 18 contracted hours (100.8 h) for the leave year from 1 April, pro rata
    # for 1 April to 12 December (256 of 365 days): 70.697... h, to the hundredth up (never less than
    # earned) 70.70 h, none taken, at her £13.00 an hour: £919.10.
    hours_owed = (D("5.6") * 18 * 256 / 365).quantize(D("0.01"), ROUND_UP)
    [owed] = [line for line in dee_records[-1].lines if line.code == "HOLIDAY_ON_LEAVING"]
    assert (owed.hours, owed.amount) == (hours_owed, hours_owed * D("13.00")) == (D("70.70"), D("919.10"))
    # The FPS tells HMRC: Cal as a starter in June (statement A, both loans), Dee's leaving date in December.
    starter = fps[date(2025, 6, 28)]["Cal Evans"].starter
    assert (starter.start_date, starter.declaration, starter.student_loan, starter.postgraduate_loan) == (
        cal.start_date, "A", True, True)
    assert fps[date(2025, 7, 28)]["Cal Evans"].starter is None
    assert fps[date(2025, 12, 28)]["Dee Ford"].leaving_date == LEAVING
    assert all("Dee Ford" not in fps[d] for d in PAY_DATES if d > date(2025, 12, 28))
    # March's FPS, the last pay day of the tax year, is the year's final submission; no other is.
    assert [d for d in PAY_DATES if rti.fps_of(db, employer_id, d).final_for_year] == [date(2026, 3, 28)]
    p45 = year_end.write_p45_file(db, employer_id, "Dee Ford", tmp_path / "p45.pdf")
    assert p45.leaving_date == LEAVING and p45.tax_year == "2025-26" and p45.last_period == 9
    assert (p45.this_employment_pay, p45.this_employment_tax) == (
        _total(dee_records, "taxable_pay"), _total(dee_records, "tax"))
    assert "Dee Ford" in pdf_text(tmp_path / "p45.pdf")

    # --- The EPS for tax month 8 (to 5 December) claims November's SMP back, with 8.5% ---------------
    eps = rti.eps_of(db, employer_id, "2025-26", 8)
    november_smp = sum((line.amount for line in smp_by_month[11]), D(0))
    assert eps.recoverable.smp == november_smp
    assert eps.recoverable.nic_compensation_smp == (november_smp * D("0.085")).quantize(D("0.01"), ROUND_HALF_UP)
    made = rti.write_eps(db, employer_id, "2025-26", 8, tmp_path / "eps month 8.xml",
                         datetime(2025, 12, 1, 12, tzinfo=timezone.utc))
    assert made.path.stat().st_size > 0
    year_eps = rti.eps_of(db, employer_id, "2025-26", 12)
    assert year_eps.recoverable.smp == smp_paid

    # --- P60s for those employed on 5 April 2026: Ann, Bea and Cal, from their pay records ------------
    with raises_saying(ServiceError, "5 April 2026"):
        year_end.write_p60_files(db, employer_id, "2025-26", tmp_path, today=date(2026, 4, 5))
    files = year_end.write_p60_files(db, employer_id, "2025-26", tmp_path, today=date(2026, 4, 20))
    assert sorted(f.name for f in files) == [
        "P60 2025-26 Ann Cole.pdf", "P60 2025-26 Bea Dunn.pdf", "P60 2025-26 Cal Evans.pdf"]
    forms = {form.pa.name: form for form in year_end.p60s(db, employer_id, "2025-26")}
    assert set(forms) == {"Ann Cole", "Bea Dunn", "Cal Evans"}
    for pa in (ann, bea, cal):
        form = forms[pa.name]
        assert (form.pay, form.tax) == (_total(mine[pa.id], "taxable_pay"), _total(mine[pa.id], "tax")), pa.name
    assert forms["Bea Dunn"].family_pay == (("SMP", smp_paid),)
    assert forms["Cal Evans"].student_loan == _total(cal_records, "student_loan") == 9 * D("16")   # July to March
    assert forms["Cal Evans"].postgraduate_loan == 9 * D("48")
    bea_text = " ".join(pdf_text(tmp_path / "P60 2025-26 Bea Dunn.pdf").split())
    assert "Statutory Maternity Pay" in bea_text

    # --- March's payslips can be made: Ann, Bea (SMP) and Cal ---------------------------------------
    documents = payslip_documents(db, employer_id, date(2026, 3, 28))
    assert len(documents) == 3
    assert len(write_payslip_files(db, employer_id, date(2026, 3, 28), tmp_path / "slips")) == 3
