"""Payment files for a finalised pay day, from the demo household's stored pay records: every amount is
the record's own, and the bank details are the ones saved through the usual forms' services."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from pa_manager.domain import payment_file as pf
from pa_manager.services.employers import find_employer, save_employer
from pa_manager.services.errors import ServiceError, ValidationFailed
from pa_manager.services.pay_runs import records_between
from pa_manager.services.payment_files import BACS, CSV, payment_run, write_payment_file
from pa_manager.services.people import list_pas, save_pa
from pa_manager.messages import say
from tests.saying import raises_saying

PAY_DAY = date(2026, 10, 30)  # a finalised pay day of the demo household
TODAY = date(2026, 11, 23)


def _bank_details(db, *, pas: bool = True, sun: str = "") -> int:
    employer = find_employer(db, "Margaret Okafor")
    save_employer(db, replace(employer, bank_sort_code="40-11-22", bank_account_number="1234 5678",
                              bank_account_name="M Okafor direct payment", bacs_service_user_number=sun))
    if pas:
        for number, pa in enumerate(list_pas(db, employer.id), start=10):
            save_pa(db, employer.id, replace(pa, bank_sort_code="20 00 00", bank_account_number=f"000000{number}",
                                             bank_account_name=pa.name), TODAY)
    return employer.id


def test_the_run_pays_each_pa_their_stored_net_pay_and_hmrc_its_share(demo_db):
    employer_id = _bank_details(demo_db)
    records = records_between(demo_db, employer_id, PAY_DAY, PAY_DAY)
    run = payment_run(demo_db, employer_id, PAY_DAY)
    paid = {p.pa_id: p.amount for p in run.payments if p.kind == pf.NET_PAY}
    assert paid == {r.pa_id: r.net_pay for r in records if r.net_pay > 0} and paid
    hmrc = [p for p in run.payments if p.kind == pf.HMRC]
    owed = sum((r.tax + r.employee_ni + r.employer_ni - r.employment_allowance for r in records), Decimal(0))
    assert [p.amount for p in hmrc] == ([owed] if owed > 0 else [])
    stored = {p.to.sort_code for p in run.payments if p.kind == pf.NET_PAY}
    assert stored == {"200000"}  # saved without the spaces


def test_csv_and_bacs_files_are_saved(demo_db, tmp_path):
    employer_id = _bank_details(demo_db, sun="123456")
    made = write_payment_file(demo_db, employer_id, PAY_DAY, CSV, tmp_path / "pay.csv", TODAY)
    lines = (tmp_path / "pay.csv").read_text().splitlines()
    assert lines[0] == "Name,Sort code,Account number,Amount,Reference"
    assert len(lines) == 1 + len(made.run.payments)
    assert sum(Decimal(line.split(",")[3]) for line in lines[1:]) == made.run.total
    write_payment_file(demo_db, employer_id, PAY_DAY, BACS, tmp_path / "pay.txt", TODAY)
    bacs = (tmp_path / "pay.txt").read_bytes().decode("ascii").split("\r\n")[:-1]
    assert bacs[0].startswith("VOL1") and bacs[-1].startswith("UTL1")
    assert bacs[-1][4:15] == f"{int(made.run.total * 100):011d}"
    # 30 October 2026 is a Friday: Bacs processes the day before.
    assert bacs[3][4:10] == pf.bacs_date(date(2026, 10, 29))


def test_what_is_missing_is_said_in_one_sentence(demo_db, tmp_path):
    employer = find_employer(demo_db, "Margaret Okafor")
    with raises_saying(ServiceError, "account you pay wages from"):
        payment_run(demo_db, employer.id, PAY_DAY)
    _bank_details(demo_db, pas=False)
    with raises_saying(ServiceError, r"Add \w.*'s bank details") as caught:
        payment_run(demo_db, employer.id, PAY_DAY)
    assert "12345678" not in say(caught.value)
    _bank_details(demo_db)
    with raises_saying(ServiceError, "Bacs service user number"):
        write_payment_file(demo_db, employer.id, PAY_DAY, BACS, tmp_path / "x.txt", TODAY)
    with raises_saying(ServiceError, "no finalised pay run on 29 October 2026"):
        payment_run(demo_db, employer.id, date(2026, 10, 29))
    assert not (tmp_path / "x.txt").exists()


def test_a_sort_code_of_the_wrong_shape_is_refused_when_saved(demo_db):
    employer = find_employer(demo_db, "Margaret Okafor")
    pa = list_pas(demo_db, employer.id)[0]
    with pytest.raises(ValidationFailed) as caught:
        save_pa(demo_db, employer.id, replace(pa, bank_sort_code="12-34-5", bank_account_number="1234567"), TODAY)
    assert set(caught.value.problems) >= {"bank_sort_code", "bank_account_number"}
