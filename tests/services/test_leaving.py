"""A leaver's last pay run: pay in lieu of notice (taxed), statutory redundancy pay (not taxed) and
holiday owed, then the P45 from it."""
from datetime import date, datetime, time, timezone
from decimal import Decimal as D

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import employers, pay_runs, people, year_end
from pa_manager.services.shifts import ShiftInput, save_shift

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


def test_the_last_pay_run_pays_notice_in_lieu_redundancy_and_holiday(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames", pay_frequency=PayFrequency.MONTHLY))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Ann Cole", date_of_birth=date(1980, 1, 1), start_date=date(2021, 3, 1), tax_code="1257L",
        contracted_hours=D("20"), pay_rates=(PayRateEntry(date(2021, 3, 1), D("15.00")),),
        leaving_date=date(2026, 11, 20), notice_given_on=date(2026, 11, 1), contractual_notice_weeks=4,
        pay_in_lieu_of_notice=True, redundancy=True), today)
    save_shift(db, employer.id, ShiftInput(pa.id, date(2026, 11, 2), time(9), time(13)))
    run = pay_runs.finalise_pay_run(db, employer.id, date(2026, 11, 27), NOW, confirmed=True)
    slip = run.pas[0].payslip
    lines = {line.code: line for line in slip.lines}
    # 5 full years: 5 weeks' statutory notice (longer than the contract's 4) from 1 November ends
    # 6 December; 16 days after the last day at 300 a week (20 h x 15.00): 685.714 -> 685.71.
    assert lines["PAY_IN_LIEU_OF_NOTICE"].amount == D("685.71")
    assert "HOLIDAY_ON_LEAVING" in lines
    # Redundancy: the relevant date is 6 December (s.145(5)); 5 full years, each begun at 41 or over:
    # 7.5 weeks x 300 = 2,250.00, added untaxed.
    [redundancy] = [a for a in slip.additions if a.description.startswith("Statutory redundancy pay")]
    assert redundancy.amount == D("2250.00")
    assert slip.gross_pay == sum(line.amount for line in slip.lines)   # the redundancy pay is not in it
    assert slip.net_pay == slip.gross_pay - sum(d.amount for d in slip.deductions) + D("2250.00")
    form = year_end.p45(db, employer.id, pa.id)
    assert form.this_employment_pay == slip.taxable_pay   # pay in lieu is taxable pay on the P45
