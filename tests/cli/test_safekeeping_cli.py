"""The command line and encrypted files, backups and restore: every command that opens data reads an
encrypted file with --passphrase-file and refuses without it (or with a wrong one) in one sentence,
changing nothing; encrypt, change-passphrase, backup, backups and restore, with --json."""
import json
import shutil
import sqlite3

import pytest

from pa_manager import cli
from pa_manager.storage.backup import backups_of, kind_of
from pa_manager.storage.writer_lock import WriterLock

PASSPHRASE = "copper kettle morning"
EMPLOYER = "Margaret Okafor"


def run(capsys, *args):
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def _encrypted_demo(tmp_path_factory, _demo_data_file):
    """The demo household, encrypted (create-demo with --passphrase-file is tested below, on an empty file)."""
    from pa_manager.storage.safekeeping import _export_encrypted

    data = tmp_path_factory.mktemp("encrypted-demo") / "demo.sqlite3"
    _export_encrypted(_demo_data_file, data, PASSPHRASE)
    return data


@pytest.fixture
def demo(tmp_path, _demo_data_file):
    """A plain copy of the demo household (made once per run: create-demo takes seconds)."""
    path = tmp_path / "demo.sqlite3"
    shutil.copy(_demo_data_file, path)
    return path


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n")
    return path


@pytest.fixture
def wrong(tmp_path):
    path = tmp_path / "wrong.txt"
    path.write_text("copper kettle evening\n")
    return path


@pytest.fixture
def encrypted(tmp_path, _encrypted_demo):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(_encrypted_demo, path)
    return path


def _commands(tmp_path, data):
    """Every command that opens a data file, with arguments that work on the demo household."""
    staff = tmp_path / "staff.csv"
    staff.write_text("name,date_of_birth,ni_number\nNew Person,1990-01-01,JT482193B\n")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("pa,date,start,end,break_minutes,type,notes\nJanet Moyo,2030-10-28,09:00,12:00,,standard,\n")
    export = tmp_path / "export.paemployer"
    return {
        "employers": ["employers", "--json"],
        "import-staff": ["import-staff", staff, "--employer", EMPLOYER, "--dry-run"],
        "import-timesheet": ["import-timesheet", sheet, "--employer", EMPLOYER, "--dry-run"],
        "hours": ["hours", "--employer", EMPLOYER, "--from", "2026-10-01", "--to", "2026-10-31"],
        "due": ["due", "--all", "--json"],
        "payrun": ["payrun", "--employer", EMPLOYER, "--pay-date", "2026-12-31", "--json"],
        "payslips": ["payslips", "--employer", EMPLOYER, "--pay-date", "2026-10-30", "--out", tmp_path / "slips"],
        "budget": ["budget", "--employer", EMPLOYER, "--year", "2026-27", "--json"],
        "history": ["history", "--employer", EMPLOYER, "--json"],
        "export-pa": ["export-pa", "--employer", EMPLOYER, "--pa", "Janet Moyo", "--out", tmp_path / "janet.zip"],
        "erase-pa": ["erase-pa", "--employer", EMPLOYER, "--pa", "Janet Moyo"],  # refused: she has not left
        "export-employer": ["export-employer", "--employer", EMPLOYER, "--out", export],
        "import-employer": ["import-employer", export, "--rename", "Margaret Again"],
        "backup": ["backup", "--json"],
        "backups": ["backups", "--json"],
        "restore": ["restore", "--from", None, "--json"],  # the backup made by "backup"
        "change-passphrase": ["change-passphrase", "--new-passphrase-file", None],
    }


def _commands_with(option: str) -> set[str]:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    # complete(): a command's arguments are otherwise added only when it runs
    return {name for name, p in sub.choices.items() if any(a.dest == option for a in p.complete()._actions)}


def _data_commands() -> set[str]:
    return _commands_with("data")


def _passphrase_commands() -> set[str]:
    return _commands_with("passphrase_file")


def test_every_command_that_opens_data_reads_an_encrypted_file_with_its_passphrase(encrypted, secret, tmp_path, capsys):
    commands = _commands(tmp_path, encrypted)
    # Every command with --data takes --passphrase-file (cli._data_option adds both); the ones listed are run.
    # A data command not listed yet should be added to _commands.
    assert _passphrase_commands() == _data_commands() >= set(commands) | {"create-demo", "encrypt"}
    made = None
    for name, args in commands.items():
        if name == "restore":
            args = ["restore", "--from", made, "--json"]
        if name == "change-passphrase":
            continue  # below: it changes the passphrase the others use
        code, out, err = run(capsys, *args, "--data", encrypted, "--passphrase-file", secret)
        if name == "erase-pa":  # read and refused in words: she has not left
            assert code == 1 and "Record Janet Moyo as a leaver first: they have not left" in err, err
            continue
        assert code == 0, (name, err)
        assert "Today's backup could not be made" not in err
        if name == "backup":
            made = json.loads(out)["backup"]
            assert json.loads(out)["encrypted"] is True
    assert (tmp_path / "export.paemployer").exists() and list((tmp_path / "slips").glob("*.pdf"))
    code, out, err = run(capsys, "employers", "--json", "--data", encrypted, "--passphrase-file", secret)
    assert {e["name"] for e in json.loads(out)} == {"Margaret Okafor", "Desmond Clarke", "Margaret Again"}
    new = tmp_path / "new.txt"
    new.write_text("a new passphrase for it\n")
    code, out, err = run(capsys, "change-passphrase", "--data", encrypted, "--passphrase-file", secret,
                         "--new-passphrase-file", new, "--json")
    assert code == 0, err
    assert set(json.loads(out)["backups_changed"]) == {str(p) for p in backups_of(encrypted)}
    code, out, err = run(capsys, "employers", "--data", encrypted, "--passphrase-file", new)
    assert code == 0
    # The passphrase was written nowhere: no file the commands made holds it.
    for path in tmp_path.rglob("*"):
        if path.is_file() and path not in (secret, new):
            content = path.read_bytes()
            assert PASSPHRASE.encode() not in content and b"a new passphrase" not in content, path


def test_without_the_passphrase_or_with_a_wrong_one_every_command_refuses_and_nothing_changes(
        encrypted, secret, wrong, tmp_path, capsys):
    before = encrypted.read_bytes()
    commands = _commands(tmp_path, encrypted)
    for name, args in commands.items():
        args = [a if a is not None else secret for a in args]
        if name == "restore":
            shutil.copy(encrypted, tmp_path / "a-backup.sqlite3")
            args = ["restore", "--from", tmp_path / "a-backup.sqlite3"]
        if name in ("export-employer", "import-employer", "backups"):
            (tmp_path / "export.paemployer").write_bytes(b"")
        code, out, err = run(capsys, *args, "--data", encrypted)
        if name == "backups":  # lists the backups, each said to need the passphrase: there are none yet
            assert code == 0 and json.loads(out) == []
            continue
        assert code == (2 if name == "change-passphrase" else 1) and out == "", name  # 2: the option is missing
        if name == "change-passphrase":
            assert err == ("Give the current passphrase with --passphrase-file FILE and the new one with "
                           "--new-passphrase-file FILE.\n")
            continue
        file_name = "a-backup.sqlite3" if name == "restore" else "demo.sqlite3"  # the backup is looked at first
        assert err == (f"{file_name} is encrypted. Give its passphrase to open it. Put it on the first line of a file "
                       "and add --passphrase-file FILE.\n"), name
        code, out, err = run(capsys, *args, "--data", encrypted, "--passphrase-file", wrong)
        assert code == 1 and out == "", name
        assert err == (f"That passphrase does not open {file_name}, so nothing was opened or changed. Check it (capital "
                       "letters and spaces count) and try again.\n"), name
    assert encrypted.read_bytes() == before
    assert backups_of(encrypted) == []


def test_create_demo_makes_an_encrypted_file_with_a_passphrase_file(tmp_path, secret, capsys, monkeypatch):
    data = tmp_path / "empty-demo.sqlite3"
    short = tmp_path / "short.txt"
    short.write_text("short\n")
    code, out, err = run(capsys, "create-demo", "--data", data, "--passphrase-file", short)
    assert code == 1 and err.startswith("That passphrase is too short: use 8 characters or more.")
    assert not data.exists()
    monkeypatch.setattr("pa_manager.services.demo.create_demo", lambda db, today: None)  # the household takes seconds
    code, out, err = run(capsys, "create-demo", "--data", data, "--passphrase-file", secret)
    assert code == 0 and out == f"The demo household is in {data} (encrypted).\n"
    assert data.read_bytes()[:16] != b"SQLite format 3\x00"


def test_a_new_file_is_made_encrypted_with_create(tmp_path, secret, capsys):
    data = tmp_path / "new.sqlite3"
    staff = tmp_path / "staff.csv"
    staff.write_text("name,date_of_birth,ni_number\nAnn Cole,1990-01-01,JT482193B\n")
    code, out, err = run(capsys, "import-staff", staff, "--employer", "Ruth Ames", "--create", "--data", data,
                         "--passphrase-file", secret)
    assert code == 0, err
    assert data.read_bytes()[:16] != b"SQLite format 3\x00"
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(data).execute("SELECT * FROM employers").fetchall()
    code, out, _ = run(capsys, "employers", "--json", "--data", data, "--passphrase-file", secret)
    assert json.loads(out) == [{"name": "Ruth Ames", "council": "", "pas": 1}]


def test_encrypt_then_change_the_passphrase_round_trip(demo, tmp_path, secret, capsys):
    data = demo
    run(capsys, "employers", "--data", data)  # the day's backup, plain like its file
    assert [kind_of(b) for b in backups_of(data)] == ["daily"]
    code, out, err = run(capsys, "encrypt", "--data", data, "--passphrase-file", secret, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["backups_encrypted"] == [str(b) for b in backups_of(data) if kind_of(b) == "daily"]
    assert result["backups_left"] == [] and "before-encrypting" in result["backup"]
    for path in tmp_path.iterdir():
        assert path.read_bytes()[:16] != b"SQLite format 3\x00" or path.suffix != ".sqlite3", path
    code, out, err = run(capsys, "encrypt", "--data", data, "--passphrase-file", secret)
    assert code == 1 and err.startswith("demo.sqlite3 is already encrypted.")
    new = tmp_path / "new.txt"
    new.write_text("second passphrase here\r\n")
    code, out, err = run(capsys, "change-passphrase", "--data", data, "--passphrase-file", secret,
                         "--new-passphrase-file", new)
    assert code == 0 and out.startswith("Changed the passphrase of demo.sqlite3 and of the 2 backups beside it.")
    code, _, err = run(capsys, "employers", "--data", data, "--passphrase-file", secret)
    assert code == 1 and err.startswith("That passphrase does not open demo.sqlite3")
    code, out, err = run(capsys, "change-passphrase", "--data", data, "--passphrase-file", new,
                         "--new-passphrase-file", secret)
    assert code == 0, err
    assert run(capsys, "employers", "--data", data, "--passphrase-file", secret)[0] == 0


def test_backup_backups_and_restore_as_json(demo, tmp_path, capsys):
    data = demo
    out_path = tmp_path / "stick" / "copy.sqlite3"
    out_path.parent.mkdir()
    code, out, err = run(capsys, "backup", "--data", data, "--out", out_path, "--json")
    assert code == 0 and json.loads(out) == {"backup": str(out_path), "encrypted": False}
    code, out, err = run(capsys, "backup", "--data", data, "--out", out_path)
    assert code == 1 and err == f"There is already a file at {out_path}. Choose a new name for the backup.\n"
    code, out, err = run(capsys, "backup", "--data", data)
    assert code == 0 and out.startswith("Backed up demo.sqlite3 to ")
    code, out, _ = run(capsys, "backups", "--data", data, "--json")
    [listed] = json.loads(out)
    assert listed["kind"] == "manual" and listed["employers"] == ["Desmond Clarke", "Margaret Okafor"]
    assert listed["pas"] == 6 and listed["problem"] is None and listed["latest_pay_run"]
    code, out, _ = run(capsys, "backups", "--data", data)
    assert ": Made when asked, " in out and "Desmond Clarke and Margaret Okafor; 6 PAs;" in out

    run(capsys, "import-employer", tmp_path / "none.paemployer", "--data", data)  # refused; changes nothing
    code, out, err = run(capsys, "restore", "--data", data, "--from", out_path, "--json")
    assert code == 0, err
    restored = json.loads(out)
    assert restored["restored_from"] == str(out_path) and "before-restore" in restored["before_restore"]
    code, out, err = run(capsys, "restore", "--data", data, "--from", tmp_path / "nothing-here.sqlite3")
    assert code == 1 and err == f"There is no backup at {tmp_path / 'nothing-here.sqlite3'}. Check the name and folder.\n"
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4080)
    code, out, err = run(capsys, "restore", "--data", data, "--from", damaged)
    assert code == 1 and err.count("\n") == 1 and "so it was not put back" in err


def test_changing_a_file_open_in_a_window_is_refused(demo, tmp_path, secret, capsys):
    data = demo
    lock = WriterLock.acquire(data)
    try:
        code, out, err = run(capsys, "encrypt", "--data", data, "--passphrase-file", secret)
    finally:
        lock.release()
    assert code == 1 and err.startswith("demo.sqlite3 is open in a PA Manager window.")
    assert data.read_bytes()[:16] == b"SQLite format 3\x00"


@pytest.mark.parametrize("content, message", [
    ("", "The passphrase file {p} is empty. Put the passphrase on its first line."),
    ("\nsecond line\n", "The passphrase file {p} is empty. Put the passphrase on its first line."),
])
def test_an_empty_passphrase_file_is_one_sentence(tmp_path, capsys, content, message):
    secret = tmp_path / "p.txt"
    secret.write_text(content)
    code, out, err = run(capsys, "employers", "--data", tmp_path / "x.sqlite3", "--passphrase-file", secret)
    assert code == 2 and err == message.format(p=secret) + "\n"
    code, out, err = run(capsys, "employers", "--data", tmp_path / "x.sqlite3", "--passphrase-file", tmp_path / "none")
    assert code == 2 and err.startswith(f"There is no passphrase file at {tmp_path / 'none'}.")


def test_a_passphrase_for_a_plain_file_is_refused(demo, tmp_path, secret, capsys):
    data = demo
    code, out, err = run(capsys, "employers", "--data", data, "--passphrase-file", secret)
    assert code == 1 and err == ("demo.sqlite3 is not encrypted, so it has no passphrase. Leave out --passphrase-file, "
                                 "or encrypt it with 'pa-manager encrypt'.\n")


def test_the_passphrase_can_come_from_standard_input(encrypted, monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    code, out, err = run(capsys, "employers", "--json", "--data", encrypted, "--passphrase-file", "-")
    assert code == 0 and len(json.loads(out)) == 2


def test_the_window_can_be_given_the_passphrase_file_too(encrypted, secret, monkeypatch):
    seen = {}
    monkeypatch.setattr("pa_manager.app.run", lambda location, **options: seen.update(location=location, **options) or 0)
    assert cli.main(["--data", str(encrypted), "--passphrase-file", str(secret)]) == 0
    assert seen == {"location": encrypted, "passphrase": PASSPHRASE}
