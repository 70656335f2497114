"""What the fuzz tests share: settings, odd values, data files, and the one property every import and
command must keep.

The property: an input either works, or is refused in words (one line, never the "Something
unexpected went wrong" of an unexpected exception, never a traceback), and a refusal leaves the data
file row for row as it was. An import that works must leave data every reader can read
(tests/readers.py).

Run times are kept for CI: each test draws a bounded number of examples (the figure given to `fuzz`,
15 to 30) with a deadline per example (FUZZ_DEADLINE, 30 seconds) far above the second or two one
takes, so that a slow or busy machine does not fail them while a hang still does. Set
HYPOTHESIS_PROFILE=deep to draw twenty times as many when looking for trouble.
"""
from __future__ import annotations

import os
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from pa_manager.messages import FALLBACK

FUZZ_DEADLINE = timedelta(seconds=30)
_DEEP = os.environ.get("HYPOTHESIS_PROFILE") == "deep"


def fuzz(examples: int):
    """Settings for a fuzz test drawing `examples` examples (twenty times as many when deep)."""
    return settings(max_examples=examples * (20 if _DEEP else 1), deadline=FUZZ_DEADLINE,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large])


UNEXPECTED = "Something unexpected went wrong"


def assert_refusal_in_words(message: str) -> None:
    """One plain line that says something, never the fallback or a traceback."""
    assert message.strip(), "a refusal with no words"
    assert len(message.strip().splitlines()) == 1, message  # no line break of any kind
    message.encode("utf-8")  # printable to a terminal: no half characters
    assert UNEXPECTED not in message and "Traceback" not in message, message
    assert FALLBACK not in message and not re.search(r"\{[a-z_]+(:[^}]*)?\}", message), message


def fresh_copy(template: Path, folder: Path, name: str = "data.sqlite3") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    for leftover in (path, path.with_name(name + "-wal"), path.with_name(name + "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copy(template, path)
    return path


# --- odd values ----------------------------------------------------------------------------------

# Text as people and programs produce it: any character (a lone surrogate included), formulas,
# numbers written oddly, very long.
odd_text = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["", " ", "=1+1", "=cmd|' /C calc'!A0", "+44 7700 900982", "-1", "@SUM(A1)", "1e40", "1e-40",
                     "NaN", "Infinity", "-0", "0x10", "١٢", "12,71", "£12.71", "12.71.1", "\u2212 5", "\ud800", "a\x00b",
                     "\t=1", "'=1", "Ω" * 300, "x" * 5000, "2026-02-30", "0001-01-01", "9999-12-31", "31/12/9999",
                     "29/02/2027", "25:00", "24:00", "23:59:59", "8", "08:00:30"]),
)
odd_numbers = st.one_of(
    st.integers(), st.sampled_from([2**31, 2**63, 10**40, -1, 0]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)
any_date = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8))
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)), max_leaves=6)


def mostly(usual, unusual, one_in: int = 8):
    """`usual` values, and one time in `one_in` an `unusual` one. (Hypothesis does not draw the
    branches of one_of evenly, so the weight is an explicit draw.)"""
    return st.integers(0, one_in - 1).flatmap(lambda pick: unusual if pick == 0 else usual)
