"""pa-manager payment-file: a finalised pay day's payments as a Bacs Standard 18 file or a bank CSV."""
import json
from datetime import date

from tests.cli.test_cli import run
from tests.services.test_payment_files import _bank_details


def _today(monkeypatch):
    from pa_manager import cli

    monkeypatch.setattr(cli, "_today", lambda: date(2026, 11, 23))


def test_payment_file_writes_csv_and_bacs(demo_location, demo_db, tmp_path, capsys, monkeypatch):
    _today(monkeypatch)
    _bank_details(demo_db, sun="123456")
    code, out, err = run(capsys, "payment-file", "--employer", "Margaret Okafor", "--pay-date", "2026-10-30",
                         "--format", "csv", "--out", str(tmp_path / "pay.csv"), "--json", "--data", demo_location)
    assert code == 0, err
    made = json.loads(out)
    assert made["format"] == "csv" and made["pension_left_out"] in (True, False)
    rows = (tmp_path / "pay.csv").read_text().splitlines()[1:]
    assert [r.split(",")[3] for r in rows] == [p["amount"] for p in made["payments"]]
    assert "account_number" not in out and "20000010" not in out  # no bank details printed
    code, out, err = run(capsys, "payment-file", "--employer", "Margaret Okafor", "--pay-date", "2026-10-30",
                         "--format", "bacs", "--out", str(tmp_path / "pay.txt"), "--data", demo_location)
    assert code == 0, err
    assert "payments for the pay day on 30 October 2026" in out and made["total"] in out.replace(",", "")
    assert (tmp_path / "pay.txt").read_text().startswith("VOL1")


def test_payment_file_mistakes_are_one_sentence(demo_location, tmp_path, capsys, monkeypatch):
    _today(monkeypatch)
    for args, words in (
            (["--pay-date", "2026-10-30", "--format", "csv"], "account you pay wages from"),
            (["--pay-date", "2026-10-29", "--format", "csv"], "no finalised pay run on 29 October 2026"),
            (["--pay-date", "2026-10-30", "--format", "pdf"], "--format")):
        code, out, err = run(capsys, "payment-file", "--employer", "Margaret Okafor", *args,
                             "--out", str(tmp_path / "x.csv"), "--data", demo_location)
        assert code != 0 and words in err and "Traceback" not in err, (args, err)
        assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.csv").exists()
