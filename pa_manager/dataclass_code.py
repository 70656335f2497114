"""The compiled code of the methods `dataclasses` writes, kept between runs as .pyc files are.

On Python 3.11 and 3.12, `dataclasses` writes a class's __init__, __repr__, __eq__ and __hash__ (and a
frozen class's __setattr__ and __delattr__) as source text and compiles each on its own: about 0.8 ms a
class, so some 0.2 s of every start for the window's 290 record types and 0.08 s of every command. The
text is the same on every run, so its code is kept in a file beside the package's .pyc files and reused;
a text not seen before is compiled as usual. The key is a digest of the whole text, so a changed class
never gets an old class's code. Nothing is written where Python writes no .pyc files (PYTHONDONTWRITEBYTECODE) or
inside a built app (installers/pa-manager.spec makes the file with `make_file` and ships it), and a
missing, unreadable or foreign file only means compiling again.
"""
import atexit
import builtins
import dataclasses
import hashlib
import importlib.util
import marshal
import os
import sys
import types
from pathlib import Path

# A file holding more texts than this (old versions of classes since changed) is written again with only
# the texts the last run used.
MOST_KEPT = 4000


def default_path() -> Path:
    return Path(__file__).parent / "__pycache__" / f"dataclass-methods.{sys.implementation.cache_tag}.marshal"


def key(source: str) -> bytes:
    """A generated text's key in the file: its digest, not the text (a third of the memory)."""
    return hashlib.blake2b(source.encode(), digest_size=16).digest()


class CompiledMethods:
    """Compiled code by the digest of its source text, read from `path` and written back there when new
    text was compiled. Each code is kept marshalled until it is used, and then let go (the class's methods
    hold it): reading the file costs a millisecond, and a running app keeps only what it has not used."""

    def __init__(self, path: Path):
        self.path = path
        self.waiting = self._read()  # not used yet in this run
        self.used: set[bytes] = set()
        self.new: dict[bytes, bytes] = {}  # compiled in this run, for `save`

    @property
    def compiled(self) -> int:
        return len(self.new)

    def _read(self) -> dict:
        try:
            data = self.path.read_bytes()
        except OSError:
            return {}
        magic = importlib.util.MAGIC_NUMBER
        if not data.startswith(magic):
            return {}  # another Python's bytecode, or not ours at all
        try:
            codes = marshal.loads(data[len(magic):])
        except (EOFError, ValueError, TypeError):
            return {}
        return codes if isinstance(codes, dict) else {}

    def exec(self, source, globals=None, locals=None):
        """What `exec` does, with the code for a source text compiled once and kept."""
        if isinstance(source, str):
            digest = key(source)
            code = self._kept(digest)
            if code is None:
                # dont_inherit: compile as dataclasses' own exec would, with no __future__ flags of this module
                code = compile(source, "<string>", "exec", dont_inherit=True)
                if digest not in self.used:  # else the same text again this run (two alike classes): kept already
                    self.new[digest] = marshal.dumps(code)
            self.used.add(digest)
            source = code
        builtins.exec(source, globals, locals)

    def _kept(self, digest: bytes):
        try:
            code = marshal.loads(self.waiting.pop(digest))
        except (KeyError, EOFError, ValueError, TypeError):
            return None
        return code if isinstance(code, types.CodeType) else None

    def save(self) -> None:
        """Write the file again with what this run compiled added to what it holds now (read afresh: another
        run may have written it meanwhile)."""
        # A built app is never written to: on a Mac that would break its signature.
        if not self.new or sys.dont_write_bytecode or getattr(sys, "frozen", False):
            return
        codes = {**self._read(), **self.new}
        if len(codes) > MOST_KEPT:
            codes = {digest: code for digest, code in codes.items() if digest in self.used}
        import tempfile

        data = importlib.util.MAGIC_NUMBER + marshal.dumps(codes)
        try:
            self.path.parent.mkdir(exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".dataclass-methods-", suffix=".tmp")
        except OSError:
            return  # a read-only install: compiling each run is all that is lost
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.chmod(temporary, 0o644)  # readable by everyone, as .pyc files are (mkstemp makes it private)
            os.replace(temporary, self.path)  # whole or not at all, if two runs end at once
        except OSError:
            Path(temporary).unlink(missing_ok=True)


def install(path: Path | None = None) -> CompiledMethods:
    """Make `dataclasses` compile through a kept cache from now on; the cache is written when Python exits."""
    methods = CompiledMethods(path or default_path())
    # dataclasses looks `exec` up in its own module before the builtins, so this reaches only its calls.
    dataclasses.exec = methods.exec
    atexit.register(methods.save)
    return methods


def import_everything() -> None:
    """Every module of the app imported once (not the migration scripts, nor __main__, which starts it),
    so that the file holds the code of every record type's methods."""
    import importlib
    import pkgutil

    for module in pkgutil.walk_packages([str(Path(__file__).parent)], f"{__package__}."):
        if not module.name.endswith("__main__") and ".migrations" not in module.name:
            importlib.import_module(module.name)


def make_file() -> None:
    """Make the file now, with every record type's methods in it (written as this Python exits); for a build
    or a benchmark: python -c "from pa_manager.dataclass_code import make_file; make_file()"."""
    sys.dont_write_bytecode = False
    import_everything()
