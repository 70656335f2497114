"""RTI files on the command line: pa-manager rti, eps and rti-sent."""
import json
from datetime import date

from lxml import etree

from pa_manager.hmrc import rti_files
from tests.cli.test_cli import run


def _today(monkeypatch):
    from pa_manager import cli

    monkeypatch.setattr(cli, "_today", lambda: date(2026, 11, 23))


def test_rti_writes_the_fps_of_a_finalised_pay_run_and_rti_sent_records_it(demo_location, tmp_path, capsys,
                                                                           monkeypatch):
    _today(monkeypatch)
    out_file = tmp_path / "fps.xml"
    code, out, err = run(capsys, "rti", "--employer", "Margaret Okafor", "--pay-date", "2026-10-30",
                         "--out", str(out_file), "--json", "--data", demo_location)
    assert code == 0, err
    made = json.loads(out)
    assert made["kind"] == "FPS" and made["tax_year"] == "2026-27" and made["pas"] == 4 and not made["sent"]
    checked = rti_files.check(out_file.read_bytes())
    assert checked.ok and checked.irmark == made["irmark"]
    assert etree.fromstring(out_file.read_bytes()).findtext(".//{*}PmtDate") == "2026-10-30"
    code, out, err = run(capsys, "rti", "--employer", "Margaret Okafor", "--pay-date", "2026-10-30",
                         "--out", str(tmp_path / "late.xml"), "--late-reason", "G", "--data", demo_location)
    assert code == 0 and "does not send it to HMRC" in out and "rti-sent" in out
    assert b"<LateReason>G</LateReason>" in (tmp_path / "late.xml").read_bytes()
    code, out, err = run(capsys, "rti-sent", "--employer", "Margaret Okafor", "--pay-date", "2026-10-30", "--json",
                         "--data", demo_location)
    assert code == 0, err
    assert json.loads(out)["sent_how"] == "FILE_SENT" and json.loads(out)["irmark"] != made["irmark"]  # the latest


def test_eps_writes_the_tax_months_summary(demo_location, tmp_path, capsys, monkeypatch):
    _today(monkeypatch)
    code, out, err = run(capsys, "eps", "--employer", "Margaret Okafor", "--tax-month", "2026-27:8",
                         "--out", str(tmp_path / "eps.xml"), "--json", "--data", demo_location)
    assert code == 0, err
    made = json.loads(out)
    assert (made["tax_month"], made["employment_allowance"], made["no_payment"]) == (8, True, True)
    assert rti_files.check((tmp_path / "eps.xml").read_bytes()).ok
    code, out, err = run(capsys, "eps", "--employer", "Margaret Okafor", "--tax-month", "2026-27:7",
                         "--no-employment-allowance", "--out", str(tmp_path / "eps7.xml"), "--data", demo_location)
    assert code == 0 and "tax month 7 of 2026-27" in out and "19 November 2026" in out
    assert b"EmpAllceInd" not in (tmp_path / "eps7.xml").read_bytes()


def test_mistakes_are_one_sentence_on_stderr(demo_location, tmp_path, capsys, monkeypatch):
    _today(monkeypatch)
    for args, words in (
            (["rti", "--employer", "Margaret Okafor", "--pay-date", "2026-10-29", "--out", str(tmp_path / "x.xml")],
             "no finalised pay run on 29 October 2026"),
            (["eps", "--employer", "Margaret Okafor", "--tax-month", "2026-27:13", "--out", str(tmp_path / "x.xml")],
             "like 2026-27:3"),
            (["rti", "--employer", "Nobody", "--pay-date", "2026-10-30", "--out", str(tmp_path / "x.xml")],
             "no employer called Nobody"),
            (["rti-sent", "--employer", "Margaret Okafor", "--pay-date", "2026-10-30"], "save the FPS file first"),
            (["rti", "--employer", "Margaret Okafor", "--pay-date", "2026-10-30", "--out", str(tmp_path / "x.xml"),
              "--late-reason", "Z"], "--late-reason")):
        code, out, err = run(capsys, *args, "--data", demo_location)
        assert code != 0 and words in err and "Traceback" not in err, (args, err)
        assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.xml").exists()


def _no_ni_number(location: str, name: str) -> None:
    from sqlalchemy import update

    from pa_manager.storage import models
    from pa_manager.storage.database import open_database

    db, _ = open_database(location)
    with db.session() as s:
        s.execute(update(models.PersonalAssistant).where(models.PersonalAssistant.name == name).values(ni_number=""))
    db.close()


def test_nvreq_writes_the_request_for_a_pa_without_an_ni_number(demo_location, tmp_path, capsys, monkeypatch):
    _today(monkeypatch)
    _no_ni_number(demo_location, "Sam Ellis")
    out_file = tmp_path / "nvreq.xml"
    code, out, err = run(capsys, "nvreq", "--employer", "Margaret Okafor", "--pa", "Sam Ellis", "--out",
                         str(out_file), "--json", "--data", demo_location)
    assert code == 0, err
    made = json.loads(out)
    assert (made["kind"], made["pa"], made["sent"]) == ("NVREQ", "Sam Ellis", False)
    checked = rti_files.check(out_file.read_bytes())
    assert checked.ok and checked.kind == "NVREQ" and checked.irmark == made["irmark"]
    assert etree.fromstring(out_file.read_bytes()).findtext(".//{*}IRheader/{*}PeriodEnd") == "2026-11-23"
    code, out, err = run(capsys, "nvreq", "--employer", "Margaret Okafor", "--pa", "sam ellis", "--out",
                         str(tmp_path / "again.xml"), "--data", demo_location)
    assert code == 0 and "Sam Ellis's NI number" in out and "does not send it to HMRC" in out


def test_nvreq_refuses_a_pa_with_an_ni_number_in_one_sentence(demo_location, tmp_path, capsys, monkeypatch):
    _today(monkeypatch)
    for args, words in ((["--pa", "Janet Moyo"], "Janet Moyo already has an NI number"),
                        (["--pa", "Nobody"], "no PA called Nobody")):
        code, out, err = run(capsys, "nvreq", "--employer", "Margaret Okafor", *args, "--out",
                             str(tmp_path / "x.xml"), "--data", demo_location)
        assert code != 0 and words in err and "Traceback" not in err, err
        assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.xml").exists()
