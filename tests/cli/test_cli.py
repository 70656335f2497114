"""The command line: JSON on stdout, one plain sentence on stderr and a non-zero code on error."""
import json
import subprocess
import sys

import pytest

from pa_manager import cli


def run(capsys, *args):
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_create_demo_then_list_employers_as_json(new_data, capsys):
    data = new_data()
    assert run(capsys, "create-demo", "--data", data)[0] == 0
    code, out, err = run(capsys, "employers", "--json", "--data", data)
    assert code == 0 and err == ""
    listed = {e["name"]: e["pas"] for e in json.loads(out)}
    assert listed == {"Margaret Okafor": 4, "Desmond Clarke": 1}


def test_data_can_also_come_before_the_subcommand(demo_location, capsys):
    code, out, _ = run(capsys, "--data", demo_location, "employers", "--json")
    assert code == 0 and len(json.loads(out)) == 2


def test_create_demo_refuses_a_file_that_already_has_records(demo_location, capsys):
    # A database address may carry a password (the test server does not ask for it): it is never printed.
    data = demo_location.replace("://pa_test@", "://pa_test:secret@")
    code, out, err = run(capsys, "create-demo", "--data", data)
    assert code != 0 and "already holds records" in err and err.count("\n") == 1 and "secret" not in err


def test_import_staff_reports_bad_rows_by_line_and_stores_nothing(new_data, tmp_path, capsys):
    data = new_data()
    staff = tmp_path / "staff.csv"
    staff.write_text("name,date_of_birth,ni_number\nAmy Cole,1990-01-01,JT482193B\nBo Lin,not a date,PA482193C\n")
    code, out, err = run(capsys, "import-staff", str(staff), "--employer", "Nora Quinn", "--create", "--data", data)
    assert code == 1
    assert err.splitlines()[0] == "Line 3: Write dates like 2026-04-03 or 3/4/2026 – not a date is not a date."
    assert "Nothing was imported" in err
    code, out, _ = run(capsys, "employers", "--json", "--data", data)
    assert json.loads(out) == []


def test_import_staff_json_dry_run_then_for_real(new_data, tmp_path, capsys):
    data = new_data()
    staff = tmp_path / "staff.csv"
    staff.write_text("name,date_of_birth,ni_number,hourly_rate,start_date\nAmy Cole,1990-01-01,JT482193B,12.71,2026-04-01\n")
    code, out, _ = run(capsys, "import-staff", str(staff), "--employer", "Nora Quinn", "--dry-run", "--json", "--create",
                       "--data", data)
    assert code == 0 and json.loads(out)["added"] == ["Amy Cole"] and json.loads(out)["dry_run"] is True
    code, out, _ = run(capsys, "import-staff", str(staff), "--employer", "Nora Quinn", "--nation", "scotland", "--create",
                       "--data", data)
    assert code == 0 and "Added 1 PAs" in out
    code, out, _ = run(capsys, "employers", "--json", "--data", data)
    assert json.loads(out) == [{"name": "Nora Quinn", "council": "", "pas": 1}]


def test_import_staff_keeps_the_last_pay_day_of_an_earlier_payroll(new_data, tmp_path, capsys):
    from datetime import date

    from pa_manager.services.employers import find_employer
    from pa_manager.services.people import list_pas
    from pa_manager.storage.database import open_database
    data = new_data()
    staff = tmp_path / "staff.csv"
    staff.write_text("name,date_of_birth,ni_number,start_date,earlier_payroll_last_paid,payroll_id\n"
                     "Amy Cole,1990-01-01,JT482193B,2019-09-02,31/3/2026,BPT-12\n"
                     "Bo Lin,1991-02-02,PA482193C,2026-04-01,,\n")
    code, out, err = run(capsys, "import-staff", str(staff), "--employer", "Nora Quinn", "--create", "--data", data)
    assert (code, err) == (0, "")
    db = open_database(data)[0]
    try:
        pas = {pa.name: (pa.earlier_payroll_last_paid, pa.payroll_id)
               for pa in list_pas(db, find_employer(db, "Nora Quinn").id)}
    finally:
        db.close()
    assert pas == {"Amy Cole": (date(2026, 3, 31), "BPT-12"), "Bo Lin": (None, "")}


def test_export_and_import_employer_between_data_files(demo_location, new_data, tmp_path, capsys):
    first, second = demo_location, new_data()
    out_file = str(tmp_path / "margaret.paemployer")
    assert run(capsys, "export-employer", "--employer", "margaret okafor", "--out", out_file, "--data", first)[0] == 0
    assert run(capsys, "import-employer", out_file, "--create", "--data", second)[0] == 0
    code, out, _ = run(capsys, "employers", "--json", "--data", second)
    assert json.loads(out) == [{"name": "Margaret Okafor", "council": "Ashford Vale Council", "pas": 4}]


@pytest.mark.parametrize(
    "args, message",
    [
        (["employers", "--data", "{tmp}/missing.sqlite3"], "There is no data file at"),
        (["employers", "--frobnicate"], "Unrecognized arguments: --frobnicate"),
        (["export-employer", "--employer", "Nobody", "--out", "{tmp}/x", "--data", "{tmp}/d.sqlite3"], "There is no employer called Nobody"),
        (["import-staff", "{tmp}/none.csv", "--employer", "A", "--data", "{tmp}/n.sqlite3"], "There is no data file at"),
        (["import-staff", "{tmp}/none.csv", "--employer", "A", "--create", "--data", "{tmp}/n.sqlite3"],
         "There is no file at"),
        (["import-staff", "x.csv", "--employer", "A", "--nation", "mars"], "Argument --nation: invalid choice"),
    ],
)
def test_errors_are_one_sentence_on_stderr_with_a_non_zero_code(tmp_path, capsys, args, message):
    (tmp_path / "d.sqlite3").touch()
    code, out, err = run(capsys, *[a.format(tmp=tmp_path) for a in args])
    assert code != 0 and out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_damaged_data_file_gives_a_sentence_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 100)
    result = subprocess.run(
        [sys.executable, "-m", "pa_manager", "employers", "--data", str(bad)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr.strip() == ("bad.sqlite3 is not a PA Manager data file, or it is badly damaged, so PA Manager has "
                                     "not changed it. Open a backup copy if you have one, or ask for help.")


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.startswith("PA Manager ")


def test_import_timesheet_then_hours_as_json(demo_location, tmp_path, capsys):
    data = demo_location
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("pa,date,start,end,break_minutes,type,notes\n"
                     "Janet Moyo,2030-10-26,22:00,08:00,,waking_night,\n"  # the clocks go back on 27 October 2030
                     "Janet Moyo,2030-10-28,09:00,12:15,15,standard,\n")
    code, out, err = run(capsys, "import-timesheet", str(sheet), "--employer", "Margaret Okafor", "--data", data)
    assert code == 0 and out.strip() == "Added 2 shifts; 0 were already there."
    code, out, _ = run(capsys, "import-timesheet", str(sheet), "--employer", "Margaret Okafor", "--data", data)
    assert out.strip() == "Added 0 shifts; 2 were already there."
    code, out, _ = run(capsys, "hours", "--employer", "Margaret Okafor", "--from", "2030-10-26", "--to", "2030-10-28",
                       "--json", "--data", data)
    assert json.loads(out)["pas"] == [{"name": "Janet Moyo", "hours": {"standard": "3.00", "waking_night": "11.00"},
                                       "total_hours": "14.00", "sleep_in_nights": 0,
                                       "cost": json.loads(out)["pas"][0]["cost"]}]


def _jo_with_sleep_ins(db, today):
    """Jo at £12.80 an hour with an £80.00 sleep-in allowance: a 7 h 30 day, a sleep-in woken for an hour
    (paid at £12.80) and an undisturbed sleep-in."""
    from datetime import date, time
    from decimal import Decimal

    from pa_manager.domain.employer import EmployerRecord
    from pa_manager.domain.people import SLEEP_IN_ALLOWANCE, PARecord, PayRateEntry
    from pa_manager.domain.shifts import ShiftType
    from pa_manager.services import employers, people
    from pa_manager.services.shifts import ShiftInput, save_shift

    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    jo = people.save_pa(db, employer.id, PARecord(name="Jo Reid", start_date=date(2026, 4, 6), pay_rates=(
        PayRateEntry(date(2026, 4, 6), Decimal("12.80")),
        PayRateEntry(date(2026, 4, 6), Decimal("80.00"), SLEEP_IN_ALLOWANCE))), today)
    save_shift(db, employer.id, ShiftInput(jo.id, date(2026, 11, 2), time(9), time(17), break_minutes=30))
    save_shift(db, employer.id, ShiftInput(jo.id, date(2026, 11, 3), time(22), time(7), ShiftType.SLEEP_IN,
                                           awake=((time(2), time(3)),)))
    save_shift(db, employer.id, ShiftInput(jo.id, date(2026, 11, 4), time(22), time(7), ShiftType.SLEEP_IN))


def test_hours_counts_sleep_in_nights_apart_from_hours(db, data_location, today, capsys):
    _jo_with_sleep_ins(db, today)
    code, out, _ = run(capsys, "hours", "--employer", "Ruth Ames", "--from", "2026-11-02", "--to", "2026-11-08",
                       "--json", "--data", data_location)
    # Hours paid by the hour: 7.50 standard and the 1.00 awake, not 2 x 9 hours asleep; two nights apart.
    # Cost: 7.5 x £12.80 = £96.00, 1 x £12.80 = £12.80 and 2 x £80.00 = £160.00: £268.80.
    assert code == 0 and json.loads(out)["pas"] == [{
        "name": "Jo Reid", "hours": {"sleep_in": "1.00", "standard": "7.50"}, "total_hours": "8.50",
        "sleep_in_nights": 2, "cost": "268.80"}]
    code, out, _ = run(capsys, "hours", "--employer", "Ruth Ames", "--from", "2026-11-02", "--to", "2026-11-08",
                       "--data", data_location)
    assert code == 0 and out == "Jo Reid: 8.50 hours and 2 sleep-in nights\n"


def test_import_timesheet_with_bad_rows_lists_them_and_stores_nothing(demo_location, tmp_path, capsys):
    data = demo_location
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("pa,date,start,end,type\nJanet Moyo,2030-10-30,09:00,12:00,standard\nNo One,2030-10-30,09:00,12:00,standard\n")
    code, out, err = run(capsys, "import-timesheet", str(sheet), "--employer", "Margaret Okafor", "--dry-run", "--data", data)
    assert code == 1 and err.splitlines()[0].startswith("Line 3: You have no PA called No One")
    code, out, _ = run(capsys, "hours", "--employer", "Margaret Okafor", "--from", "2030-10-30", "--to", "2030-10-30",
                       "--json", "--data", data)
    assert json.loads(out)["pas"] == []


@pytest.mark.parametrize(
    "args, tax, tax_to_date, employee_ni, employer_ni",
    [
        # HMRC 2026-27 test data, rest of UK, Gen_cumul-mthly row 1
        (["--frequency", "monthly", "--period", "1", "--gross", "1156.25", "--tax-code", "1257L"], "21.40", "21.40", "8.66", "110.89"),
        # uk-rates.md worked examples: NI on £2,000 a month and £300 a week, category A
        (["--frequency", "monthly", "--period", "1", "--gross", "2000", "--tax-code", "0T", "--week1-month1"], "400.00", "400.00", "76.16", "237.45"),
        # week 1 free pay: 2 x 96.16 + 2,579 / 52 (49.596 -> 49.60) = 241.92; 300 - 241.92 = 58.08 -> 58 x 20%
        (["--frequency", "weekly", "--period", "1", "--gross", "300", "--tax-code", "1257L"], "11.60", "11.60", "4.64", "30.60"),
        # a refund: month 3, £3,000 so far taxed £600, nothing paid now; free pay 3 x 1,048.26 covers it all
        (["--frequency", "monthly", "--period", "3", "--gross", "0", "--tax-code", "1257L",
          "--previous-taxable-pay", "3000", "--previous-tax", "600"], "-600.00", "0.00", "0.00", "0.00"),
    ],
)
def test_calc_pay(capsys, args, tax, tax_to_date, employee_ni, employer_ni):
    code, out, err = run(capsys, "calc-pay", "--tax-year", "2026-27", *args, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert (result["tax"], result["tax_to_date"], result["employee_ni"], result["employer_ni"]) == (
        tax, tax_to_date, employee_ni, employer_ni)


def test_payrun_json_then_finalise_then_payslips(demo_location, tmp_path, capsys):
    data = demo_location
    code, out, err = run(capsys, "payrun", "--employer", "Margaret Okafor", "--pay-date", "2027-01-29", "--json", "--data", data)
    assert code == 0, err
    document = json.loads(out)
    assert (document["period_start"], document["period_end"]) == ("2027-01-01", "2027-01-31")
    assert {p["name"] for p in document["pas"]} == {"Janet Moyo", "Tom Whitfield", "Priya Sandhu", "Leah Grant"}
    janet = next(p for p in document["pas"] if p["name"] == "Janet Moyo")
    assert set(janet) >= {"hours", "gross_pay", "tax", "employee_ni", "employer_ni", "pension_employee",
                          "pension_employer", "net_pay", "minimum_wage_ok"}
    assert janet["gross_pay"] == "0.00" and janet["minimum_wage_ok"] is True
    code, out, err = run(capsys, "payslips", "--employer", "Margaret Okafor", "--pay-date", "2027-01-29",
                         "--out", str(tmp_path / "slips"), "--data", data)
    assert code == 1 and "finalise it first" in err
    code, out, err = run(capsys, "payrun", "--employer", "Margaret Okafor", "--pay-date", "2027-01-29", "--finalise",
                         "--json", "--data", data)
    # Far ahead, with nothing worked yet: listed, and nothing finalised until confirmed.
    assert code == 1 and out == ""
    assert err.startswith("Nothing was finalised. Check these first, then run the command again with --confirm:")
    assert "- The pay date, 29 January 2027, is more than a week away" in err
    assert "nothing although the rota plans" in err
    code, out, err = run(capsys, "payrun", "--employer", "Margaret Okafor", "--pay-date", "2027-01-29", "--finalise",
                         "--confirm", "--json", "--data", data)
    assert code == 0 and json.loads(out)["finalised"] is True
    code, out, err = run(capsys, "payslips", "--employer", "Margaret Okafor", "--pay-date", "2027-01-29",
                         "--out", str(tmp_path / "slips"), "--data", data)
    assert code == 0 and len(list((tmp_path / "slips").glob("*.pdf"))) == 4


def test_earlier_payroll_records_a_pas_figures_to_date_and_prints_them_as_json(new_data, tmp_path, capsys):
    data = new_data()
    staff = tmp_path / "staff.csv"
    staff.write_text("name,date_of_birth,ni_number,start_date\nAmy Cole,1990-01-01,JT482193B,2019-09-02\n")
    assert run(capsys, "import-staff", str(staff), "--employer", "Nora Quinn", "--create", "--data", data)[0] == 0
    code, out, err = run(capsys, "earlier-payroll", "--employer", "Nora Quinn", "--pa", "amy cole", "--last-paid",
                         "2026-09-30", "--tax-year", "2026-27", "--taxable-pay", "8000", "--tax", "650.00",
                         "--ni-pay", "8000", "--employee-ni", "136.96", "--json", "--data", data)
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert (shown["pa"], shown["last_paid"], shown["tax_year"]) == ("Amy Cole", "2026-09-30", "2026-27")
    assert (shown["taxable_pay"], shown["tax"], shown["employee_ni"], shown["student_loan"]) == (
        "8000.00", "650.00", "136.96", None)
    # Figures given later replace only themselves; without any, what is recorded is shown.
    assert run(capsys, "earlier-payroll", "--employer", "Nora Quinn", "--pa", "Amy Cole", "--tax", "640",
               "--data", data)[0] == 0
    code, out, _ = run(capsys, "earlier-payroll", "--employer", "Nora Quinn", "--pa", "Amy Cole", "--data", data)
    assert code == 0 and "Tax to date: £640.00" in out and "Taxable pay to date: £8,000.00" in out
    # Refused in one sentence: tax above pay, a tax year that is not the last pay day's.
    code, out, err = run(capsys, "earlier-payroll", "--employer", "Nora Quinn", "--pa", "Amy Cole", "--tax", "9000",
                         "--data", data)
    assert code != 0 and out == "" and "cannot be more than the taxable pay" in err and "Traceback" not in err
    code, _, err = run(capsys, "earlier-payroll", "--employer", "Nora Quinn", "--pa", "Amy Cole", "--tax-year",
                       "2025-26", "--data", data)
    assert code != 0 and "tax year 2025-26" in err and err.count("\n") == 1


def test_import_staff_takes_the_earlier_payrolls_figures_to_date(new_data, tmp_path, capsys):
    from decimal import Decimal

    from pa_manager.services.employers import find_employer
    from pa_manager.services.people import list_pas
    from pa_manager.storage.database import open_database
    data = new_data()
    staff = tmp_path / "staff.csv"
    staff.write_text("name,date_of_birth,ni_number,start_date,earlier_payroll_last_paid,earlier_payroll_taxable_pay,"
                     "earlier_payroll_tax\n"
                     "Amy Cole,1990-01-01,JT482193B,2019-09-02,30/9/2026,\"£8,000.00\",650\n"
                     "Bo Lin,1991-02-02,PA482193C,2026-04-01,,,\n")
    code, out, err = run(capsys, "import-staff", str(staff), "--employer", "Nora Quinn", "--create", "--data", data)
    assert (code, err) == (0, "")
    db = open_database(data)[0]
    try:
        pas = {pa.name: (pa.earlier_payroll_taxable_pay, pa.earlier_payroll_tax)
               for pa in list_pas(db, find_employer(db, "Nora Quinn").id)}
    finally:
        db.close()
    assert pas == {"Amy Cole": (Decimal("8000.00"), Decimal("650.00")), "Bo Lin": (None, None)}
