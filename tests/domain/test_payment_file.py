"""Payment files: who is paid what from the stored pay records, and the Bacs Standard 18 and CSV layouts
(positions from HSBC's Bacs Standard 18 implementation guide and Bank of Ireland's Bacs file
specification; HMRC's account and reference from GOV.UK "Pay employers' PAYE")."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal as D

import pytest

from pa_manager.domain import payment_file as pf
from pa_manager.domain.pay_frequency import PayFrequency as F
from pa_manager.domain.pay_period import PayPeriodInput, pay_reference_period
from pa_manager.domain.pay_rates import PayRate
from pa_manager.domain.pay_record import EmployerDetails, PADetails, record_of
from pa_manager.domain.payroll import calculate_payslip
from pa_manager.domain.shifts import local_shift

PAY_DAY = date(2026, 12, 31)  # a Thursday; tax month 9 of 2026 to 2027 (6 December to 5 January)
EMPLOYER = EmployerDetails("Ruth Ames", accounts_office_reference="123PA00012345")
PAYER = pf.BankAccount("401234", "11112222", "Ruth Ames")
ANN = pf.BankAccount("200000", "55779911", "Ann Cole")
BO = pf.BankAccount("309634", "12345678", "Bo Zoë O'Neill-Smith the Third", roll_number="1234/567-8")


def _record(pa_id: int, name: str, net: str, tax: str = "0.00", ee_ni: str = "0.00", er_ni: str = "0.00",
            allowance: str = "0.00", ee_pension: str = "0.00", er_pension: str = "0.00"):
    start, end = pay_reference_period(PAY_DAY, F.MONTHLY)
    slip = calculate_payslip(PayPeriodInput(
        frequency=F.MONTHLY, pay_date=PAY_DAY, period_start=start, period_end=end, date_of_birth=date(1980, 1, 1),
        tax_code="1257L", pa=pa_id, shifts=(local_shift(date(2026, 12, 2), time(9), time(17), pa=pa_id),),
        pay_rates=(PayRate(date(2026, 4, 6), None, D("12.71")),), leave_year_start=date(2026, 4, 1),
        holiday_entitlement_hours=D("89.6"), holiday_taken_in_leave_year=D("0")))
    record = record_of(slip, EMPLOYER, PADetails(name))
    # Figures set by hand so that each total below is plain arithmetic.
    return replace(record, net_pay=D(net), tax=D(tax), employee_ni=D(ee_ni), employer_ni=D(er_ni),
                   employment_allowance=D(allowance), employee_pension=D(ee_pension), employer_pension=D(er_pension))


RECORDS = [_record(2, "Bo Smith", "1234.56", tax="100.00", ee_ni="40.00", er_ni="60.00", allowance="60.00",
                   ee_pension="30.00", er_pension="18.00"),
           _record(1, "Ann Cole", "987.65", tax="20.40", ee_ni="10.10", er_ni="12.00", allowance="12.00")]


def _run(**changes):
    args = dict(records=RECORDS, pay_date=PAY_DAY, payer=PAYER, pa_accounts={1: ANN, 2: BO},
                accounts_office_reference="123PA00012345")
    args.update(changes)
    return pf.payment_run(**args)


def test_each_pa_gets_their_net_pay_and_hmrc_the_run_s_tax_and_ni_less_the_allowance():
    run = _run()
    assert [(p.kind, p.to.name, p.amount) for p in run.payments] == [
        (pf.NET_PAY, "Ann Cole", D("987.65")), (pf.NET_PAY, BO.name, D("1234.56")),
        # (100 + 40 + 60 - 60) + (20.40 + 10.10 + 12 - 12) = 140 + 30.50
        (pf.HMRC, "HMRC Cumbernauld", D("170.50"))]
    hmrc = run.payments[-1]
    assert (hmrc.to.sort_code, hmrc.to.account_number) == ("083210", "12001039")
    # Tax year 2026 to 2027 ends in 2027, and 31 December is in tax month 9.
    assert hmrc.reference == "123PA000123452709"
    # No pension account recorded: the contributions (30 + 18) are left to the provider's Direct Debit.
    assert run.left_out == (pf.PENSION_BY_PROVIDER,)
    assert run.total == D("2392.71")


def test_references_a_pa_sees_and_a_building_society_roll_number():
    run = _run()
    assert run.payments[0].reference == "WAGES 31 DEC 2026"
    assert run.payments[1].reference == "1234/567-8"


def test_the_pension_provider_is_paid_both_parts_when_its_account_is_recorded():
    nest = pf.BankAccount("608371", "87654321", "NEST")
    run = _run(pension=nest, pension_reference="emp 123")
    assert (run.payments[-1].kind, run.payments[-1].amount, run.payments[-1].reference) == (pf.PENSION, D("48.00"),
                                                                                          "EMP 123")
    assert run.left_out == ()


def test_hmrc_reference_in_april_and_march():
    assert pf.hmrc_payment_reference("123PA00012345", date(2026, 4, 6)) == "123PA000123452701"
    assert pf.hmrc_payment_reference("123PA00012345", date(2027, 4, 5)) == "123PA000123452712"
    assert pf.hmrc_payment_reference("123PA00012345", date(2027, 3, 6)) == "123PA000123452712"


def test_nothing_owed_to_hmrc_leaves_hmrc_out():
    records = [_record(1, "Ann Cole", "500.00", er_ni="20.00", allowance="20.00")]
    assert [p.kind for p in _run(records=records).payments] == [pf.NET_PAY]


def test_a_pa_with_no_net_pay_needs_no_account():
    records = [_record(1, "Ann Cole", "500.00"), _record(2, "Bo Smith", "0.00")]
    assert [p.pa_id for p in _run(records=records, pa_accounts={1: ANN}).payments] == [1]


@pytest.mark.parametrize("changes, code, name", [
    (dict(pa_accounts={2: BO}), pf.NO_PA_ACCOUNT, "Ann Cole"),
    (dict(pa_accounts={1: replace(ANN, account_number=""), 2: BO}), pf.NO_PA_ACCOUNT, "Ann Cole"),
    (dict(payer=None), pf.NO_PAYING_ACCOUNT, ""),
    (dict(payer=replace(PAYER, name=" ")), pf.NO_PAYING_ACCOUNT, ""),
    (dict(accounts_office_reference=""), pf.NO_ACCOUNTS_OFFICE_REFERENCE, ""),
    (dict(records=[]), pf.NO_PAY_RUN, ""),
])
def test_what_is_missing_is_named(changes, code, name):
    with pytest.raises(pf.PaymentFileError) as caught:
        _run(**changes)
    assert (caught.value.code, caught.value.name) == (code, name)


@pytest.mark.parametrize("typed, bacs", [
    ("Zoë O'Neill", "ZOE O NEILL"), ("smith & sons ltd.", "SMITH & SONS LTD."), ("-=cmd|' /C calc'!A0", "CMD /C CALC A0"),
    ("A" * 30, "A" * 18), ("Ann  Cole", "ANN COLE"), ("株式会社", ""),
])
def test_bacs_text_keeps_to_the_bacs_characters(typed, bacs):
    assert pf.bacs_text(typed) == bacs


def test_processing_day_is_the_working_day_before_the_pay_day():
    assert pf.processing_day(date(2026, 12, 31)) == date(2026, 12, 30)      # Thursday -> Wednesday
    assert pf.processing_day(date(2027, 1, 4)) == date(2027, 1, 1)          # Monday -> Friday
    assert pf.processing_day(date(2027, 1, 4), [date(2027, 1, 1)]) == date(2026, 12, 31)
    assert pf.bacs_date(date(2026, 12, 30)) == " 26364"
    assert pf.bacs_date(date(2027, 1, 1)) == " 27001"


def test_bacs_file_layout():
    text = pf.bacs_file(_run(), "123456", created=date(2026, 12, 28))
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert [line[:4] for line in lines] == ["VOL1", "HDR1", "HDR2", "UHL1", *[l[:4] for l in lines[4:8]],
                                            "EOF1", "EOF2", "UTL1"]
    labels, records = lines[:4] + lines[-3:], lines[4:-3]
    assert all(len(line) == 80 for line in labels)
    assert len(records) == 4 and all(len(line) == 106 for line in records)
    vol1, hdr1, hdr2, uhl1 = lines[:4]
    assert vol1[4:10] == "362001" and vol1[41:47] == "123456" and vol1[79] == "1"
    assert hdr1[4:21] == "A123456S  1123456" and hdr1[21:27] == "362001" and hdr1[41:53] == " 26362 26362"
    assert hdr2[4:15] == "F0200000106"
    assert uhl1[4:10] == " 26364" and uhl1[28:37] == "1 DAILY  "
    ann, bo, hmrc, contra = records
    # Destination, account type 0, code 99, originator, 4 spaces, pence, names and reference, processing day.
    assert ann == ("200000" "55779911" "0" "99" "401234" "11112222" "    " "00000098765"
                   + "RUTH AMES".ljust(18) + "WAGES 31 DEC 2026".ljust(18) + "ANN COLE".ljust(18) + " 26364")
    assert bo[35:46] == "00000123456" and bo[64:82] == "1234/567-8".ljust(18) and bo[82:100] == "BO ZOE O NEILL-SMI"
    assert hmrc[:14] == "08321012001039" and hmrc[64:82] == "123PA000123452709 " and hmrc[35:46] == "00000017050"
    assert contra[:17] == "401234111122220" "17" and contra[35:46] == "00000239271" and contra[64:70] == "CONTRA"
    eof1, eof2, utl1 = lines[-3:]
    assert eof1[4:] == hdr1[4:] and eof2[4:] == hdr2[4:]
    # Debits (the contra) and credits both total 987.65 + 1234.56 + 170.50 = 2392.71; 1 debit, 3 credits.
    assert utl1[4:40] == "00000239271" "00000239271" "0000001" "0000003"
    assert text == text.upper() and all(c.isascii() for c in text)


def test_bacs_file_needs_a_service_user_number():
    with pytest.raises(pf.PaymentFileError) as caught:
        pf.bacs_file(_run(), "", created=date(2026, 12, 28))
    assert caught.value.code == pf.NO_SERVICE_USER_NUMBER


def test_csv_file():
    text = pf.csv_file(_run())
    assert text.split("\r\n") == [
        "Name,Sort code,Account number,Amount,Reference",
        "ANN COLE,200000,55779911,987.65,WAGES 31 DEC 2026",
        "BO ZOE O NEILL-SMI,309634,12345678,1234.56,1234/567-8",
        "HMRC CUMBERNAULD,083210,12001039,170.50,123PA000123452709",
        "",
    ]


def test_an_amount_over_11_digits_of_pence_is_refused():
    records = [_record(1, "Ann Cole", "1000000000.00")]
    with pytest.raises(pf.PaymentFileError) as caught:
        _run(records=records)
    assert caught.value.code == pf.AMOUNT_TOO_LARGE
