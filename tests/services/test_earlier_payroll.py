"""Moving to PA Manager part-way through a tax year: a PA's pay carries on from the earlier payroll's
figures to date for the same employment, through a real pay run, its FPS and the P60.

Worked by hand (2026-27 monthly figures, pa_manager/data/rates and ../shared/reference/payroll-methods.md):
tax code 1257L cumulative: free pay a month = (2,579 / 12 = 214.916.. -> 214.92 up) + 2 x 416.67 =
1,048.26; basic rate 20% on taxable pay to 37,700 a year. NI category A: lower earnings limit 559,
primary threshold 1,048, secondary threshold 417 a month; employee 8%, employer 15%.

The earlier payroll (Basic PAYE Tools) paid Lena Hart months 1 to 6, last on 30 September 2026:
taxable pay 8,000.00, tax 650.00; NI-able pay 8,000.00 split as 6 x 559 = 3,354.00 at the LEL,
6 x 489 = 2,934.00 from the LEL to the PT and 8,000 - 6 x 1,048 = 1,712.00 above the PT; employee NI
1,712.00 x 8% = 136.96; employer NI (8,000 - 6 x 417 = 5,498.00) x 15% = 824.70.

Month 7 in PA Manager (pay day 30 October 2026): 10 days x 8 hours x 15.00 = 1,200.00.
  Pay to date 8,000.00 + 1,200.00 = 9,200.00; free pay to date 7 x 1,048.26 = 7,337.82;
  taxable 1,862.18 -> 1,862 (down); within the basic band to date (37,700 x 7/12 = 21,991.67);
  tax due to date 1,862 x 20% = 372.40; already paid 650.00: tax this month 372.40 - 650.00 = -277.60,
  a refund (the earlier payroll had taken too much).
  NI this month: employee (1,200 - 1,048) x 8% = 12.16; employer (1,200 - 417) x 15% = 117.45;
  bands: 559.00 at the LEL, 489.00 to the PT, 152.00 above it.
Month 8 (27 November 2026), 1,200.00 again: pay to date 10,400.00; free pay 8 x 1,048.26 = 8,386.08;
  taxable 2,013.92 -> 2,013; tax due 402.60; tax this month 402.60 - 372.40 = 30.20.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timezone
from decimal import Decimal as D

import pytest
from lxml import etree

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import employers, pay_runs, people, rti, year_end
from pa_manager.services.errors import ValidationFailed
from tests.domain.rti_records import accounts_office_reference
from tests.saying import raises_saying

NOW = datetime(2026, 11, 23, 12, tzinfo=timezone.utc)
OCTOBER, NOVEMBER = date(2026, 10, 30), date(2026, 11, 27)
FIGURES = dict(earlier_payroll_taxable_pay=D("8000.00"), earlier_payroll_tax=D("650.00"),
               earlier_payroll_ni_pay=D("8000.00"), earlier_payroll_at_lel=D("3354.00"),
               earlier_payroll_lel_to_pt=D("2934.00"), earlier_payroll_pt_to_uel=D("1712.00"),
               earlier_payroll_employee_ni=D("136.96"), earlier_payroll_employer_ni=D("824.70"))


@pytest.fixture
def moved(db, today):
    employer = employers.save_employer(db, EmployerRecord(
        name="Ruth Ames", pay_frequency=PayFrequency.MONTHLY, paye_reference="123/A246",
        accounts_office_reference=accounts_office_reference()))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Lena Hart", date_of_birth=date(1990, 5, 1), start_date=date(2025, 6, 2), tax_code="1257L",
        ni_number="JT482193B", gender="F", address="3 Elm Row\nLeeds", postcode="LS1 4AB",
        pay_rates=(PayRateEntry(date(2025, 6, 2), D("15.00")),),
        earlier_payroll_last_paid=date(2026, 9, 30), payroll_id="BPT-7", **FIGURES), today)
    return employer.id, pa


def _work(db, employer_id, pa_id, year, month):
    from pa_manager.services.shifts import ShiftInput, save_shift
    days = [date(year, month, d) for d in range(1, 29) if date(year, month, d).weekday() < 5][:10]
    for day in days:
        save_shift(db, employer_id, ShiftInput(pa_id, day, time(9), time(17)))


def test_the_first_pay_run_carries_on_from_the_earlier_payroll_and_so_do_the_fps_and_p60(db, moved, tmp_path):
    employer_id, pa = moved
    _work(db, employer_id, pa.id, 2026, 10)
    slip = pay_runs.finalise_pay_run(db, employer_id, OCTOBER, NOW, confirmed=True).pas[0].payslip
    assert (slip.period, slip.gross_pay, slip.tax) == (7, D("1200.00"), D("-277.60"))
    assert (slip.employee_ni, slip.employer_ni) == (D("12.16"), D("117.45"))
    ytd = slip.year_to_date
    assert (ytd.taxable_pay, ytd.tax, ytd.gross_pay) == (D("9200.00"), D("372.40"), D("9200.00"))
    assert (ytd.employee_ni, ytd.employer_ni) == (D("149.12"), D("942.15"))  # 136.96 + 12.16; 824.70 + 117.45
    assert slip.earlier_payroll.taxable_pay == D("8000.00")

    made = rti.write_fps(db, employer_id, OCTOBER, tmp_path / "fps.xml", NOW)
    root = etree.fromstring(made.path.read_bytes())
    figures = root.find(".//{*}FiguresToDate")
    assert (figures.findtext("{*}TaxablePay"), figures.findtext("{*}TotalTax")) == ("9200.00", "372.40")
    assert root.find(".//{*}Starter") is None and root.findtext(".//{*}PayId") == "BPT-7"
    ni = root.find(".//{*}NIlettersAndValues")
    assert {name: ni.findtext("{*}" + name) for name in (
        "GrossEarningsForNICsYTD", "AtLELYTD", "LELtoPTYTD", "PTtoUELYTD", "EmpeeContribnsYTD", "TotalEmpNICYTD",
        "EmpeeContribnsInPd")} == {
        "GrossEarningsForNICsYTD": "9200.00",  # 8,000.00 + 1,200.00
        "AtLELYTD": "3913.00",                 # 3,354 + 559
        "LELtoPTYTD": "3423.00",               # 2,934 + 489
        "PTtoUELYTD": "1864.00",               # 1,712 + 152
        "EmpeeContribnsYTD": "149.12",         # 136.96 + 12.16
        "TotalEmpNICYTD": "1091.27",           # (136.96 + 824.70) + (12.16 + 117.45)
        "EmpeeContribnsInPd": "12.16",
    }

    # Month 8 carries on from PA Manager's own month 7, not from the earlier payroll again.
    _work(db, employer_id, pa.id, 2026, 11)
    november = pay_runs.finalise_pay_run(db, employer_id, NOVEMBER, NOW, confirmed=True).pas[0].payslip
    assert (november.tax, november.year_to_date.taxable_pay, november.year_to_date.tax) == (
        D("30.20"), D("10400.00"), D("402.60"))
    assert november.earlier_payroll is None

    [p60] = year_end.p60s(db, employer_id, "2026-27")
    assert (p60.pay, p60.tax, p60.previous_pay) == (D("10400.00"), D("402.60"), D("0"))  # this employment
    [a] = p60.ni
    # 3,354 + 2 x 559; 2,934 + 2 x 489; 1,712 + 2 x 152; 136.96 + 2 x 12.16; 824.70 + 2 x 117.45
    assert (a.letter, a.at_lel, a.lel_to_pt, a.pt_to_uel, a.employee_ni, a.employer_ni) == (
        "A", D("4472.00"), D("3912.00"), D("2016.00"), D("161.28"), D("1059.60"))


def test_the_figures_cannot_change_once_a_pay_run_has_carried_on_from_them(db, moved, today):
    employer_id, pa = moved
    _work(db, employer_id, pa.id, 2026, 10)
    pay_runs.finalise_pay_run(db, employer_id, OCTOBER, NOW, confirmed=True)
    changed = replace(people.get_pa(db, pa.id), earlier_payroll_tax=D("600.00"))
    with raises_saying(ValidationFailed, r"as they are, as PA Manager has already paid them in 2026-27, the tax year they are for"):
        people.save_pa(db, employer_id, changed, today)
    assert people.get_pa(db, pa.id).earlier_payroll_tax == D("650.00")


def test_a_pay_run_waits_for_the_figures_when_the_earlier_payroll_paid_them_this_tax_year(db, moved, today):
    employer_id, pa = moved
    blank = {name: None for name in FIGURES}
    people.save_pa(db, employer_id, replace(people.get_pa(db, pa.id), **blank), today)
    _work(db, employer_id, pa.id, 2026, 10)
    draft = pay_runs.prepare_pay_run(db, employer_id, OCTOBER)
    assert draft.pas[0].problem.code == "PAY_EARLIER_PAYROLL_FIGURES_MISSING" and not draft.can_finalise


@pytest.mark.parametrize("change, field, words", [
    (dict(earlier_payroll_taxable_pay=D("-1.00")), "earlier_payroll_taxable_pay", "not below nothing"),
    (dict(earlier_payroll_tax=D("8000.01")), "earlier_payroll_tax", "cannot be more than the taxable pay"),
    (dict(earlier_payroll_ni_pay=D("7999.99")), "earlier_payroll_ni_pay", "cannot be less than its earnings"),
    (dict(earlier_payroll_last_paid=None), "earlier_payroll_last_paid", "last pay day your earlier payroll"),
    (dict(earlier_payroll_employee_ni=D("1.234")), "earlier_payroll_employee_ni", "pounds and pence"),
])
def test_figures_that_make_no_sense_are_refused_in_words_beside_their_field(db, moved, today, change, field, words):
    employer_id, pa = moved
    with raises_saying(ValidationFailed, words) as caught:
        people.save_pa(db, employer_id, replace(people.get_pa(db, pa.id), **change), today)
    assert field in caught.value.problems


def test_a_refund_in_the_earlier_payroll_leaves_tax_to_date_below_nothing_and_that_is_kept(db, moved, today):
    employer_id, pa = moved
    people.save_pa(db, employer_id, replace(people.get_pa(db, pa.id), earlier_payroll_tax=D("-20.00")), today)
    assert people.get_pa(db, pa.id).earlier_payroll_tax == D("-20.00")


def test_the_figures_and_the_pay_record_that_carried_on_from_them_travel_in_an_export(db, moved, new_data, tmp_path):
    from pa_manager.services import transfer
    from pa_manager.storage.database import open_database

    employer_id, pa = moved
    _work(db, employer_id, pa.id, 2026, 10)
    pay_runs.finalise_pay_run(db, employer_id, OCTOBER, NOW, confirmed=True)
    path = transfer.export_employer(db, employer_id, tmp_path / "ruth.paemployer", NOW)
    other, _ = open_database(new_data())
    new_id = transfer.import_employer(other, path)
    [there] = people.list_pas(other, new_id)
    assert replace(there, id=None) == replace(people.get_pa(db, pa.id), id=None)
    assert (there.earlier_payroll_taxable_pay, there.earlier_payroll_employer_ni) == (D("8000.00"), D("824.70"))
    [p60] = year_end.p60s(other, new_id, "2026-27")
    assert (p60.pay, p60.tax) == (D("9200.00"), D("372.40"))  # the imported record still carries them
    other.close()


def test_undoing_the_figures_once_a_pay_run_carried_on_from_them_is_refused(db, moved, today):
    from pa_manager.services import undo_rules

    employer_id, pa = moved
    changed = people.save_pa_undoably(db, employer_id, replace(people.get_pa(db, pa.id), earlier_payroll_tax=D("640.00")),
                                      today)
    _work(db, employer_id, pa.id, 2026, 10)
    pay_runs.finalise_pay_run(db, employer_id, OCTOBER, NOW, confirmed=True)
    with raises_saying(ValidationFailed, "already paid them in 2026-27"):
        undo_rules.reverse(db, changed.change, today)
    assert people.get_pa(db, pa.id).earlier_payroll_tax == D("640.00")


def test_figures_for_a_tax_year_before_one_pa_manager_has_paid_in_are_refused(db, moved, today):
    # Last paid by the earlier payroll in 2025-26 and paid by PA Manager in 2026-27: figures for 2025-26
    # would carry on into nothing.
    employer_id, pa = moved
    people.save_pa(db, employer_id, replace(people.get_pa(db, pa.id), earlier_payroll_last_paid=date(2026, 3, 31),
                                            **{name: None for name in FIGURES}), today)
    _work(db, employer_id, pa.id, 2026, 10)
    pay_runs.finalise_pay_run(db, employer_id, OCTOBER, NOW, confirmed=True)
    late = replace(people.get_pa(db, pa.id), earlier_payroll_taxable_pay=D("9000.00"))
    with raises_saying(ValidationFailed, "blank, as PA Manager has already paid them in the later tax year 2026-27"):
        people.save_pa(db, employer_id, late, today)


def test_a_pay_run_waiting_for_the_figures_says_what_to_do(db, moved, today):
    from pa_manager.messages import describe

    employer_id, pa = moved
    people.save_pa(db, employer_id, replace(people.get_pa(db, pa.id), **{name: None for name in FIGURES}), today)
    _work(db, employer_id, pa.id, 2026, 10)
    [problem] = pay_runs.prepare_pay_run(db, employer_id, OCTOBER).blocking
    assert "enter on the People page the figures to date their earlier payroll reported" in describe(problem)
