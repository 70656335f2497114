"""The kept code of dataclasses' generated methods: classes made through it behave exactly as dataclasses
made the usual way, a second run compiles nothing, and a bad or foreign file only means compiling again."""
import builtins
import dataclasses
import importlib.util
import marshal
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import pa_manager
from pa_manager import dataclass_code
from pa_manager.dataclass_code import CompiledMethods


def make_classes():
    """A frozen record with defaults and a factory, and a mutable one with __post_init__ and keyword-only
    fields: the shapes the app's record types take."""

    @dataclasses.dataclass(frozen=True)
    class Payslip:
        pa: str
        gross: Decimal
        hours: Decimal = Decimal("0")
        lines: tuple = dataclasses.field(default_factory=tuple)

    @dataclasses.dataclass(order=True, kw_only=True)
    class Shift:
        minutes: int
        notes: str = ""

        def __post_init__(self):
            self.notes = self.notes.strip()

    return Payslip, Shift


def exercise(payslip_type, shift_type) -> list:
    """What each class does, as plain values, so two ways of making them can be compared."""
    slip = payslip_type("Sam Patel", Decimal("508.40"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        slip.gross = Decimal("1")
    early, late = shift_type(minutes=60, notes="  sleep-in "), shift_type(minutes=90)
    with pytest.raises(TypeError):
        shift_type(60)  # keyword-only
    return [repr(slip), slip == payslip_type("Sam Patel", Decimal("508.40")), slip.lines,
            hash(slip) == hash(payslip_type("Sam Patel", Decimal("508.40"))), early.notes, early < late,
            repr(late), dataclasses.asdict(early), payslip_type.__init__.__annotations__]


def usual(monkeypatch) -> list:
    """What the classes do when dataclasses compiles with the builtin exec (the app installs the cache)."""
    monkeypatch.setattr(dataclasses, "exec", builtins.exec)
    return exercise(*make_classes())


def through(methods: CompiledMethods, monkeypatch):
    monkeypatch.setattr(dataclasses, "exec", methods.exec)
    return make_classes()


def test_the_app_keeps_the_code_from_its_first_import():
    assert dataclasses.exec.__self__.path == dataclass_code.default_path()
    assert pa_manager.__version__


def test_classes_made_through_kept_code_behave_as_usual_ones(tmp_path, monkeypatch):
    expected = usual(monkeypatch)
    methods = CompiledMethods(tmp_path / "methods.marshal")
    kept = exercise(*through(methods, monkeypatch))
    assert kept == expected
    assert methods.compiled > 0
    # Annotations stay real types: the code is compiled without this module's __future__ flags.
    assert kept[-1]["gross"] is Decimal


def test_a_second_run_compiles_nothing(tmp_path, monkeypatch):
    path = tmp_path / "methods.marshal"
    first = CompiledMethods(path)
    expected = exercise(*through(first, monkeypatch))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    first.save()
    assert path.read_bytes().startswith(importlib.util.MAGIC_NUMBER)

    second = CompiledMethods(path)
    assert exercise(*through(second, monkeypatch)) == expected
    assert second.compiled == 0
    path.unlink()
    second.save()  # nothing new compiled: nothing to write
    assert not path.exists()


@pytest.mark.parametrize("content", [b"", b"not marshal at all", importlib.util.MAGIC_NUMBER + b"\x00garbage",
                                     b"\x00\x00\r\n" + b"\xe3" * 40])
def test_a_bad_or_foreign_file_means_compiling_again(tmp_path, monkeypatch, content):
    path = tmp_path / "methods.marshal"
    path.write_bytes(content)
    methods = CompiledMethods(path)
    assert methods.waiting == {}
    expected = usual(monkeypatch)
    assert exercise(*through(methods, monkeypatch)) == expected
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    methods.save()
    assert CompiledMethods(path).waiting.keys() == methods.new.keys()


def test_kept_entries_that_are_not_code_are_compiled_again(tmp_path, monkeypatch):
    path = tmp_path / "methods.marshal"
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    first = CompiledMethods(path)
    through(first, monkeypatch)
    first.save()
    digests = list(first.new)
    spoilt = {digests[0]: "not marshalled code", digests[1]: marshal.dumps(42), digests[2]: b"\xff"}
    path.write_bytes(importlib.util.MAGIC_NUMBER + marshal.dumps({**first.new, **spoilt}))
    methods = CompiledMethods(path)
    assert exercise(*through(methods, monkeypatch)) == usual(monkeypatch)
    assert methods.compiled == 3


def test_nothing_is_written_where_python_writes_no_bytecode(tmp_path, monkeypatch):
    path = tmp_path / "methods.marshal"
    methods = CompiledMethods(path)
    through(methods, monkeypatch)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    methods.save()
    assert not path.exists()


def test_a_file_grown_past_its_limit_keeps_only_what_the_last_run_used(tmp_path, monkeypatch):
    path = tmp_path / "methods.marshal"
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    stale = CompiledMethods(path)
    for n in range(5):
        stale.exec(f"old_{n} = {n}", {})
    stale.save()
    monkeypatch.setattr(dataclass_code, "MOST_KEPT", 5)
    methods = CompiledMethods(path)
    through(methods, monkeypatch)
    methods.save()
    kept = CompiledMethods(path).waiting
    assert not {dataclass_code.key(f"old_{n} = {n}") for n in range(5)} & kept.keys()
    assert kept.keys() == methods.used


def test_a_folder_that_cannot_be_written_loses_only_the_keeping(tmp_path, monkeypatch):
    methods = CompiledMethods(tmp_path / "a file, not a folder" / "methods.marshal")
    (tmp_path / "a file, not a folder").write_text("")
    through(methods, monkeypatch)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    methods.save()  # no error
    assert methods.compiled > 0


def test_make_file_writes_every_record_type_even_where_bytecode_is_not_written():
    """What a build and the benchmarks run: a fresh Python that imports every module of the app and writes
    the file as it exits, even with PYTHONDONTWRITEBYTECODE set (it is asked for on purpose)."""
    path = dataclass_code.default_path()
    path.unlink(missing_ok=True)
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(Path(pa_manager.__file__).parents[1]))
    subprocess.run([sys.executable, "-c", "from pa_manager.dataclass_code import make_file; make_file()"],
                   check=True, env=env, timeout=300)
    names = parameter_names(path)
    # A record type of the domain, one of the services and one of the window: all imported.
    assert {"direct_payment_reference", "sick_pay_at_most", "opened"} <= names


def test_a_code_used_is_let_go_and_a_second_class_of_the_same_text_compiles_it_again(tmp_path, monkeypatch):
    """What a run keeps of the file is only what it has not used yet (the classes hold what they use); a
    second class with the same text is compiled again, and the file, which holds it, is not written."""
    path = tmp_path / "methods.marshal"
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    first = CompiledMethods(path)
    through(first, monkeypatch)
    first.save()
    second = CompiledMethods(path)
    assert len(second.waiting) == len(first.new)
    through(second, monkeypatch)
    assert second.waiting == {} and second.compiled == 0
    through(second, monkeypatch)  # the same classes again (two alike record types): compiled, not an error
    assert second.compiled == 0
    path.unlink()
    second.save()
    assert not path.exists()


def parameter_names(path: Path) -> set[str]:
    """The parameter names of every method kept in a file (a record type's fields are its __init__'s)."""
    names: set[str] = set()

    def walk(code) -> None:
        names.update(code.co_varnames[:code.co_argcount + code.co_kwonlyargcount])
        for constant in code.co_consts:
            if hasattr(constant, "co_varnames"):
                walk(constant)

    for blob in CompiledMethods(path).waiting.values():
        walk(marshal.loads(blob))
    return names
