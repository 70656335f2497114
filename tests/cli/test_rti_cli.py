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
