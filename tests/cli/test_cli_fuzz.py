"""Fuzzing the command line: every option that takes a value given generated dates, numbers, names,
codes and files, run in-process on a copy of a data file holding one employer.

The property (tests/fuzzing.py): exit 0, with JSON that parses when --json was asked for; or a non-zero
exit with each line of stderr a plain sentence (never "Something unexpected went wrong", never a
traceback) and the data file row for row as it was.
"""
import contextlib
import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from pa_manager import cli
from pa_manager.domain.shifts import ShiftType
from pa_manager.storage.database import open_database
from tests.export_sample import RESIDENT, write_export
from tests.fuzzing import (
    UNEXPECTED, any_date, assert_refusal_in_words, fresh_copy, fuzz, mostly, odd_numbers, odd_text,
)
from tests.readers import table_contents

TODAY = date(2026, 11, 23)

# Mostly values a person would give, so that commands get past their first check; the rest anything.
dates = mostly(st.dates(date(2024, 4, 1), date(2027, 3, 31)).map(date.isoformat),
               st.one_of(any_date.map(date.isoformat), odd_text), one_in=4)
numbers = mostly(st.one_of(st.integers(0, 60).map(str), st.decimals(0, 3000, places=2).map(str)),
                 st.one_of(st.integers().map(str), odd_numbers.map(str), odd_text), one_in=4)
names = mostly(st.just(RESIDENT), st.one_of(st.sampled_from([RESIDENT.upper(), "Nora Quinn", ""]), odd_text), one_in=4)
tax_years = mostly(st.sampled_from(["2024-25", "2025-26", "2026-27"]),
                   st.one_of(st.sampled_from(["2027-28", "2026-28", "1999-00"]), odd_text), one_in=4)
frequencies = mostly(st.sampled_from(["weekly", "fortnightly", "four-weekly", "monthly"]), odd_text)
tax_codes = mostly(st.sampled_from(["1257L", "S1257L", "C1257L", "K475", "BR", "0T", "NT", "D1 M1", "1257L X"]), odd_text)
# Which file an option names: see _path.
FILES = mostly(st.just("good"), st.sampled_from(["missing", "folder", "junk", "in a missing folder"]), one_in=4)


def _path(folder: Path, which: str, good: Path | None, suffix: str) -> str:
    if which == "good" and good is not None:
        return str(good)
    if which == "folder":
        return str(folder)
    if which == "junk":
        junk = folder / f"junk{suffix}"
        junk.write_bytes(b"\x00\xffnot this kind of file")
        return str(junk)
    if which == "in a missing folder":
        return str(folder / "no such folder" / f"file{suffix}")
    return str(folder / f"missing{suffix}")


def _flag(data, name):
    return [name] if data.draw(st.booleans(), label=name) else []


def _option(data, name, values):
    """The option with a drawn value, or (sometimes) left out, as a person might."""
    return [] if data.draw(st.integers(0, 15), label=f"leave out {name}") == 0 else [name, data.draw(values, label=name)]


def _employer(data):
    return _option(data, "--employer", names)


def _command(data, folder: Path, files: dict[str, Path]) -> list[str]:
    """A whole command line for one subcommand."""
    file = lambda suffix, good: _path(folder, data.draw(FILES, label="file"), good, suffix)  # noqa: E731
    command = data.draw(st.sampled_from(sorted(COMMANDS)), label="command")
    return [command, *COMMANDS[command](data, file, files)]


COMMANDS = {
    "employers": lambda data, file, files: _flag(data, "--json"),
    "hours": lambda data, file, files: [*_employer(data), *_option(data, "--from", dates), *_option(data, "--to", dates),
                                        *_flag(data, "--json")],
    "due": lambda data, file, files: [
        *(["--all"] if data.draw(st.booleans(), label="--all") else _employer(data)),
        *_option(data, "--within", numbers), *(["--calendar", file(".ics", files["calendar"])]
                                               if data.draw(st.booleans(), label="--calendar") else []),
        *_flag(data, "--json")],
    "calc-pay": lambda data, file, files: [
        *_option(data, "--tax-year", tax_years), *_option(data, "--frequency", frequencies),
        *_option(data, "--period", numbers), *_option(data, "--gross", numbers), *_option(data, "--tax-code", tax_codes),
        *_option(data, "--previous-taxable-pay", numbers), *_option(data, "--previous-tax", numbers),
        *_option(data, "--ni-category", mostly(st.sampled_from(["A", "c", "Z"]), st.one_of(st.just("X"), odd_text))),
        *_flag(data, "--week1-month1"), *_flag(data, "--json")],
    "payrun": lambda data, file, files: [*_employer(data), *_option(data, "--pay-date", dates),
                                         *_flag(data, "--finalise"), *_flag(data, "--json")],
    "payslips": lambda data, file, files: [*_employer(data), *_option(data, "--pay-date", dates),
                                           "--out", file("", files["folder"])],
    "budget": lambda data, file, files: [*_employer(data), *_option(data, "--year", tax_years), *_flag(data, "--json")],
    "check-wage": lambda data, file, files: [
        *(["--age", data.draw(numbers, label="--age")] if data.draw(st.booleans(), label="age or birth")
          else ["--date-of-birth", data.draw(dates, label="--date-of-birth")]),
        *_option(data, "--period-start", dates), *_option(data, "--period-end", dates),
        *_option(data, "--hours", numbers), *_option(data, "--pay", numbers), *_flag(data, "--apprentice"),
        *_option(data, "--apprenticeship-start", dates), *_flag(data, "--london"), *_flag(data, "--json")],
    "export-employer": lambda data, file, files: [*_employer(data), "--out", file(".paemployer", files["export"])],
    "import-employer": lambda data, file, files: [file(".paemployer", files["employer"]),
                                                  *_option(data, "--rename", names)],
    "import-staff": lambda data, file, files: [
        file(".csv", files["staff"]), *_employer(data),
        *_option(data, "--nation", mostly(st.sampled_from(["england", "wales"]), st.one_of(st.just("mars"), odd_text))),
        *_flag(data, "--dry-run"), *_flag(data, "--json")],
    "import-timesheet": lambda data, file, files: [file(".csv", files["timesheet"]), *_employer(data),
                                                   *_flag(data, "--dry-run"), *_flag(data, "--json")],
}


def _data_option(data, folder: Path, data_file: Path) -> list[str]:
    which = data.draw(st.integers(0, 14), label="--data")
    if which == 0:
        return ["--data", data.draw(st.sampled_from([str(folder), str(folder / "new.sqlite3"), "",
                                                     str(folder / "no such folder" / "x.sqlite3")]), label="odd data")]
    return ["--data", str(data_file)]


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def cli_files(tmp_path, sample_tables) -> dict[str, Path]:
    """A good file for each option that names one."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    staff = folder / "staff.csv"
    staff.write_text("name,date_of_birth,ni_number,hourly_rate,start_date\nAmy Cole,1990-01-01,JT482193B,12.71,2026-04-01\n")
    timesheet = folder / "sheet.csv"
    timesheet.write_text(f"pa,date,start,end,break_minutes,type\nJanet Moyo,2026-12-02,08:00,12:00,0,{ShiftType.STANDARD.value}\n")
    return {"staff": staff, "timesheet": timesheet, "calendar": folder / "due.ics", "folder": folder / "payslips",
            "export": folder / "out.paemployer", "employer": write_export(folder / "nora.paemployer", sample_tables)}


@fuzz(examples=30)
@given(data=st.data())
def test_every_command_works_or_refuses_in_words_and_leaves_the_data_file_alone(data, resident_data_file, cli_files,
                                                                                  tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "_today", lambda: TODAY)
    folder = tmp_path / "run"
    data_file = fresh_copy(resident_data_file, folder)
    argv = _command(data, folder, cli_files)
    if argv[0] not in ("calc-pay", "check-wage"):
        argv += _data_option(data, folder, data_file)
    db, _ = open_database(data_file)
    try:
        before = table_contents(db)
    finally:
        db.close()
    code, out, err = run(argv)
    assert UNEXPECTED not in err and "Traceback" not in err, (argv, err)
    event(f"{argv[0]} {'worked' if code == 0 else 'refused'}")
    if code == 0:
        if "--json" in argv:
            json.loads(out)
        return
    for line in err.splitlines():
        assert_refusal_in_words(line)
    db, _ = open_database(data_file)
    try:
        assert table_contents(db) == before, argv
    finally:
        db.close()


@pytest.mark.parametrize("argv", [
    ["import-timesheet", "--employer", "Ann\udcffLee", "timesheet.csv"],
    ["hours", "--employer", "\ud800", "--from", "2026-11-23", "--to", "2026-11-29"],
])
def test_words_that_are_not_text_are_refused_in_one_sentence_before_the_data_file_is_opened(argv, tmp_path, capsys):
    # Bytes that are not UTF-8 reach Python's argv as lone surrogates; no record can hold them.
    data = tmp_path / "never-made.sqlite3"
    code = cli.main([*argv, "--data", str(data)])
    err = capsys.readouterr().err.strip()
    assert code == cli.EXIT_USAGE and err == "The --employer value has characters that are not text. Type it again."
    assert not data.exists()
