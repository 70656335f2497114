"""Encrypted data files, backups and restore: an encrypted file is unreadable without its passphrase
and nothing changes when the wrong one is given; encrypting and changing the passphrase leave no file
beside it that the old (or no) passphrase opens; daily backups are kept seven deep by an injected clock;
restore puts a backup back after backing up the file, and refuses what it must."""
import shutil
import sqlite3
import stat
from datetime import date, datetime, timedelta

import pytest

from pa_manager.domain.employer import EmployerRecord
from pa_manager.services import employers
from pa_manager.storage import safekeeping
from pa_manager.storage.backup import (
    BEFORE_UPGRADE, DAILY, KEEP_DAILY, MANUAL, backup_path_for, backups_of, copy_database, kind_of,
)
from pa_manager.storage.database import DataFileError, open_database
from pa_manager.storage.safekeeping import (
    change_passphrase, encrypt_data_file, restore_backup, summarise_backup, take_backup, take_daily_backup,
)

PASSPHRASE = "river otter lantern"
NOON = datetime(2026, 12, 1, 12, 0)
TODAY = date(2026, 11, 23)


def _names(path, passphrase=None):
    db, _ = open_database(path, create=False, passphrase=passphrase)
    try:
        return [e.name for e in employers.list_employers(db, TODAY)]
    finally:
        db.close()


def _add(path, name, passphrase=None):
    db, _ = open_database(path, create=False, passphrase=passphrase)
    employers.save_employer(db, EmployerRecord(name=name))
    db.close()


def _refusal(path, **options) -> DataFileError:
    with pytest.raises(DataFileError) as refused:
        open_database(path, create=False, **options)
    return refused.value


def _is_plain_sqlite(path) -> bool:
    return path.read_bytes()[:16] == b"SQLite format 3\x00"


@pytest.fixture(scope="module")
def _encrypted_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("encrypted") / "data.sqlite3"
    db, _ = open_database(path, passphrase=PASSPHRASE)
    employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    db.close()
    return path


@pytest.fixture
def encrypted(tmp_path, _encrypted_template):
    path = tmp_path / "data.sqlite3"
    shutil.copy(_encrypted_template, path)
    return path


@pytest.fixture
def plain_path(tmp_path, _empty_data_file):
    """A plain data file in a folder of its own (beside `encrypted`'s)."""
    (tmp_path / "plain").mkdir()
    path = tmp_path / "plain" / "data.sqlite3"
    shutil.copy(_empty_data_file, path)
    return path


def test_an_encrypted_file_is_unreadable_without_its_passphrase_and_a_wrong_one_changes_nothing(encrypted):
    assert not _is_plain_sqlite(encrypted)
    assert stat.S_IMODE(encrypted.stat().st_mode) == 0o600
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(encrypted).execute("SELECT name FROM sqlite_master").fetchall()
    assert b"Ruth Ames" not in encrypted.read_bytes()
    before = encrypted.read_bytes()

    refused = _refusal(encrypted)
    assert refused.code == "ENCRYPTED"
    assert str(refused) == "data.sqlite3 is encrypted. Give its passphrase to open it."
    refused = _refusal(encrypted, passphrase="river otter lanterns")
    assert refused.code == "WRONG_PASSPHRASE"
    assert str(refused).startswith("That passphrase does not open data.sqlite3, so nothing was opened or changed.")
    assert encrypted.read_bytes() == before
    assert [p.name for p in encrypted.parent.iterdir()] == ["data.sqlite3"]

    assert _names(encrypted, PASSPHRASE) == ["Ruth Ames"]
    db, _ = open_database(encrypted, read_only=True, passphrase=PASSPHRASE)
    assert db.encrypted and PASSPHRASE not in repr(db) and PASSPHRASE not in repr(db.engine.url)
    assert [e.name for e in employers.list_employers(db, TODAY)] == ["Ruth Ames"]
    db.close()


def test_encrypted_damaged_and_foreign_files_are_told_apart(encrypted, plain_path, tmp_path):
    assert _refusal(encrypted).code == "ENCRYPTED"
    text = tmp_path / "notes.sqlite3"
    text.write_text("Shopping: milk, bread\n" * 200)
    assert _refusal(text).code == "DAMAGED"
    assert _refusal(text, passphrase=PASSPHRASE).code == "DAMAGED"  # no passphrase makes a text file a database
    zeroed = tmp_path / "zeroed.sqlite3"
    zeroed.write_bytes(b"\x00" * 8192)
    assert _refusal(zeroed).code == "DAMAGED"
    refused = _refusal(plain_path, passphrase=PASSPHRASE)
    assert refused.code == "NOT_ENCRYPTED" and "is not encrypted" in str(refused)


def test_a_new_file_made_with_a_passphrase_is_encrypted_and_works_like_any_other(tmp_path):
    path = tmp_path / "new.sqlite3"
    db, _ = open_database(path, passphrase=PASSPHRASE)
    employers.save_employer(db, EmployerRecord(name="Ann O'Neill"))
    db.close()
    assert not _is_plain_sqlite(path)
    assert _names(path, "river otter lantern") == ["Ann O'Neill"]
    quoted = tmp_path / "quoted.sqlite3"  # quotes in a passphrase are the passphrase's, not SQL's
    db, _ = open_database(quoted, passphrase="it's \"quoted\" ''")
    db.close()
    assert _refusal(quoted, passphrase="it's").code == "WRONG_PASSPHRASE"
    assert _names(quoted, "it's \"quoted\" ''") == []


def test_an_encrypted_file_is_backed_up_encrypted_with_the_same_passphrase(encrypted):
    made = take_backup(encrypted, MANUAL, now=NOON, passphrase=PASSPHRASE)
    assert made.name == "data.backup-2026-12-01-120000-manual.sqlite3"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert not _is_plain_sqlite(made)
    assert _refusal(made).code == "ENCRYPTED"
    assert _names(made, PASSPHRASE) == ["Ruth Ames"]


def test_an_older_encrypted_file_is_backed_up_encrypted_before_its_upgrade(encrypted, monkeypatch):
    from pa_manager.storage import database

    real_head = database.head_revision()
    monkeypatch.setattr(database, "head_revision", lambda: "a-later-revision")
    monkeypatch.setattr(database, "known_revisions", lambda: {real_head, "a-later-revision"})
    monkeypatch.setattr(database, "_upgrade", lambda engine: None)
    db, opened = open_database(encrypted, now=NOON, passphrase=PASSPHRASE)
    db.close()
    assert opened.backup.name == "data.backup-2026-12-01-120000-before-upgrade.sqlite3"
    assert not _is_plain_sqlite(opened.backup) and _refusal(opened.backup).code == "ENCRYPTED"


def test_daily_backups_one_a_day_the_newest_seven_kept_and_other_kinds_never_deleted(data_path):
    upgrade = take_backup(data_path, BEFORE_UPGRADE, now=NOON - timedelta(days=30))
    legacy = data_path.with_name("data.backup-2026-10-01-090000.sqlite3")  # an older version's name
    copy_database(data_path, legacy)
    manual = take_backup(data_path, MANUAL, now=NOON - timedelta(days=20))
    made = []
    for day in range(10):
        morning = NOON + timedelta(days=day, hours=-3)
        made.append(take_daily_backup(data_path, now=morning))
        assert take_daily_backup(data_path, now=morning + timedelta(hours=8)) is None  # once a day
    assert all(m is not None for m in made)
    daily = [b for b in backups_of(data_path) if kind_of(b) == DAILY]
    assert len(daily) == KEEP_DAILY == 7
    assert daily == list(reversed(made[-7:]))
    assert daily[0].name == "data.backup-2026-12-10-090000-daily.sqlite3"
    assert upgrade.exists() and legacy.exists() and manual.exists()
    assert kind_of(legacy) == BEFORE_UPGRADE
    assert backups_of(data_path)[-3:] == [manual, upgrade, legacy]


def test_two_backups_in_one_second_get_two_names(data_path):
    first = take_backup(data_path, MANUAL, now=NOON)
    second = take_backup(data_path, MANUAL, now=NOON)
    assert first != second and second.name == "data.backup-2026-12-01-120001-manual.sqlite3"


def test_encrypting_a_file_leaves_no_plain_copy_beside_it(data_path):
    _add(data_path, "Ruth Ames")
    old_daily = take_daily_backup(data_path, now=NOON - timedelta(days=1))
    old_upgrade = take_backup(data_path, BEFORE_UPGRADE, now=NOON - timedelta(days=40))
    foreign = backup_path_for(data_path, NOON - timedelta(days=50), MANUAL)
    foreign.write_text("not a database")
    result = encrypt_data_file(data_path, PASSPHRASE, now=NOON)

    assert result.backup.name == "data.backup-2026-12-01-120000-before-encrypting.sqlite3"
    assert set(result.backups_encrypted) == {old_daily, old_upgrade}
    assert result.backups_left == (foreign,)
    for path in [data_path, result.backup, old_daily, old_upgrade]:
        assert not _is_plain_sqlite(path), path
        assert b"Ruth Ames" not in path.read_bytes()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert _names(path, PASSPHRASE) == ["Ruth Ames"]
    assert not [p for p in data_path.parent.iterdir() if p.is_file() and _is_plain_sqlite(p)]
    assert sorted(p.name for p in data_path.parent.iterdir()) == sorted(
        p.name for p in [data_path, result.backup, old_daily, old_upgrade, foreign])  # no temporary file left
    refused = pytest.raises(DataFileError, encrypt_data_file, data_path, PASSPHRASE, now=NOON)
    assert refused.value.code == "ALREADY_ENCRYPTED"


def test_a_short_passphrase_is_refused_and_nothing_changes(data_path):
    before = data_path.read_bytes()
    with pytest.raises(DataFileError) as refused:
        encrypt_data_file(data_path, "short", now=NOON)
    assert refused.value.code == "SHORT_PASSPHRASE"
    assert data_path.read_bytes() == before and backups_of(data_path) == []


def test_changing_the_passphrase_changes_the_file_and_its_backups(encrypted):
    daily = take_daily_backup(encrypted, now=NOON, passphrase=PASSPHRASE)
    other = backup_path_for(encrypted, NOON - timedelta(days=3), MANUAL)
    copy_database(encrypted, other, PASSPHRASE, new_passphrase="some other passphrase")
    with pytest.raises(DataFileError) as wrong:
        change_passphrase(encrypted, "not the passphrase", "a brand new passphrase")
    assert wrong.value.code == "WRONG_PASSPHRASE"
    assert _names(encrypted, PASSPHRASE) == ["Ruth Ames"]

    result = change_passphrase(encrypted, PASSPHRASE, "a brand new passphrase")
    assert result.backups_changed == (daily,) and result.backups_left == (other,)
    for path in (encrypted, daily):
        assert _refusal(path, passphrase=PASSPHRASE).code == "WRONG_PASSPHRASE"
        assert _names(path, "a brand new passphrase") == ["Ruth Ames"]
    assert _names(other, "some other passphrase") == ["Ruth Ames"]  # left as it was
    # ... and back again: a round trip.
    change_passphrase(encrypted, "a brand new passphrase", PASSPHRASE)
    assert _names(encrypted, PASSPHRASE) == ["Ruth Ames"]


def test_what_a_backup_holds(tmp_path, _demo_data_file):
    demo = tmp_path / "demo.sqlite3"
    shutil.copy(_demo_data_file, demo)
    made = take_backup(demo, MANUAL, now=NOON)
    summary = summarise_backup(made)
    assert summary.problem is None and summary.kind == MANUAL and summary.made_at == NOON
    assert summary.employers == ("Desmond Clarke", "Margaret Okafor")
    assert summary.pa_count == 6
    assert summary.latest_pay_date == date(2026, 10, 30)
    assert summary.size == made.stat().st_size


def test_a_restore_puts_the_backup_back_after_backing_up_the_file(data_path):
    _add(data_path, "Ruth Ames")
    made = take_backup(data_path, MANUAL, now=NOON)
    _add(data_path, "Someone Added Later")
    result = restore_backup(data_path, made, now=NOON + timedelta(hours=1))
    assert _names(data_path) == ["Ruth Ames"]
    assert result.before_restore.name == "data.backup-2026-12-01-130000-before-restore.sqlite3"
    assert _names(result.before_restore) == ["Ruth Ames", "Someone Added Later"]
    assert stat.S_IMODE(data_path.stat().st_mode) == 0o600
    restore_backup(data_path, result.before_restore, now=NOON + timedelta(hours=2))  # and back again
    assert _names(data_path) == ["Ruth Ames", "Someone Added Later"]


def test_a_restore_refuses_a_damaged_newer_or_foreign_backup_and_changes_nothing(data_path, tmp_path):
    _add(data_path, "Ruth Ames")
    before = data_path.read_bytes()
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8176)
    newer = tmp_path / "newer.sqlite3"
    copy_database(data_path, newer)
    with sqlite3.connect(newer) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    foreign = tmp_path / "recipes.sqlite3"
    with sqlite3.connect(foreign) as con:
        con.execute("CREATE TABLE recipes (id INTEGER)")
    encrypted_elsewhere = tmp_path / "locked.sqlite3"
    copy_database(data_path, tmp_path / "plain-copy.sqlite3")
    safekeeping._export_encrypted(tmp_path / "plain-copy.sqlite3", encrypted_elsewhere, "someone else's passphrase")

    expected = {
        damaged: ("DAMAGED", "damaged.sqlite3 is damaged, or it is not a backup of a PA Manager data file, so it was "
                             "not put back. Choose another backup."),
        newer: ("NEWER_VERSION", "newer.sqlite3 was saved by a newer version of PA Manager, so it was not put back. "
                                 "Install the latest version to use it."),
        foreign: ("NOT_PA_MANAGER", "recipes.sqlite3 is a database, but not a PA Manager data file. Choose your "
                                    "PA Manager data file instead."),
        encrypted_elsewhere: ("ENCRYPTED", "locked.sqlite3 is encrypted. Give its passphrase to open it."),
        data_path: ("SAME_FILE", "That is the data file itself, not a backup of it. Choose one of its backups."),
    }
    for backup, (code, sentence) in expected.items():
        with pytest.raises(DataFileError) as refused:
            restore_backup(data_path, backup, now=NOON)
        assert (refused.value.code, str(refused.value)) == (code, sentence)
        if backup != data_path:
            assert summarise_backup(backup).problem == code
    with pytest.raises(DataFileError) as refused:
        restore_backup(data_path, encrypted_elsewhere, now=NOON, passphrase="not their passphrase")
    assert refused.value.code == "WRONG_PASSPHRASE"
    assert data_path.read_bytes() == before
    assert backups_of(data_path) == []


def test_a_damaged_data_file_is_kept_byte_for_byte_when_a_backup_is_put_back(data_path):
    _add(data_path, "Ruth Ames")
    made = take_backup(data_path, MANUAL, now=NOON)
    content = bytearray(data_path.read_bytes())
    for number in range(2, 8):
        content[number * 4096: number * 4096 + 12] = b"\xff" * 12
    data_path.write_bytes(bytes(content))
    assert _refusal(data_path).code == "DAMAGED"
    result = restore_backup(data_path, made, now=NOON + timedelta(minutes=5))
    assert result.before_restore.read_bytes() == bytes(content)
    assert _names(data_path) == ["Ruth Ames"]


def test_a_restore_never_leaves_an_encrypted_file_plain(encrypted, plain_path):
    _add(plain_path, "Plain Backup Person")
    plain_backup = take_backup(plain_path, MANUAL, now=NOON)
    target_backup = encrypted.with_name("data.backup-2026-11-30-100000-manual.sqlite3")
    shutil.move(plain_backup, target_backup)
    with pytest.raises(DataFileError) as refused:
        restore_backup(encrypted, target_backup, now=NOON)  # the file's passphrase is needed to keep it encrypted
    assert refused.value.code == "ENCRYPTED"
    result = restore_backup(encrypted, target_backup, now=NOON, passphrase=PASSPHRASE)
    assert result.encrypted and not _is_plain_sqlite(encrypted)
    assert _names(encrypted, PASSPHRASE) == ["Plain Backup Person"]
    assert not _is_plain_sqlite(result.before_restore) and _names(result.before_restore, PASSPHRASE) == ["Ruth Ames"]


def test_an_encrypted_backup_round_trip(encrypted):
    made = take_backup(encrypted, MANUAL, now=NOON, passphrase=PASSPHRASE)
    _add(encrypted, "Later Person", PASSPHRASE)
    assert summarise_backup(made).problem == "ENCRYPTED"
    assert summarise_backup(made, "wrong passphrase here").problem == "WRONG_PASSPHRASE"
    assert summarise_backup(made, PASSPHRASE).employers == ("Ruth Ames",)
    result = restore_backup(encrypted, made, now=NOON + timedelta(hours=1), passphrase=PASSPHRASE)
    assert result.encrypted
    assert _names(encrypted, PASSPHRASE) == ["Ruth Ames"]
    assert _names(result.before_restore, PASSPHRASE) == ["Later Person", "Ruth Ames"]


def test_a_program_that_had_the_file_open_cannot_write_to_the_replaced_one_unnoticed(data_path):
    _add(data_path, "Ruth Ames")
    made = take_backup(data_path, MANUAL, now=NOON)
    other = sqlite3.connect(data_path, isolation_level=None)
    assert other.execute("SELECT count(*) FROM employers").fetchone() == (1,)
    restore_backup(data_path, made, now=NOON + timedelta(hours=1))
    with pytest.raises(sqlite3.DatabaseError):
        other.execute("CREATE TABLE written_to_the_old_file (x)")
    other.close()
    assert _names(data_path) == ["Ruth Ames"]
