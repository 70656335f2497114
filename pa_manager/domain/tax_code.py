"""PAYE tax codes: read what the PA's P45, starter checklist or HMRC's coding notice says.

Shape (HMRC PAYE Tax Table Routines; GOV.UK "Tax codes"): an optional nation prefix, S (Scottish
rates) or C (Welsh rates); then a number with a suffix L, M, N or T (1257L), K and a number (K475),
or one of BR, D0, D1, NT, 0T, with SD0 to SD3 in Scotland; then an optional W1, M1 or X, meaning
week 1 / month 1 (non-cumulative). The number has at most six digits and no leading zero.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = frozenset({"suffix", "K", "0T", "BR", "D0", "D1", "SD0", "SD1", "SD2", "SD3", "NT"})
MARKERS = ("W1", "M1", "X")
EXAMPLES = "1257L, S1257L, C1257L, K475, BR, D0, 0T or NT"

_BODY = re.compile(
    r"^(?P<nation>[SC])?"
    r"(?:(?P<number>[1-9]\d*)(?P<suffix>[LMNT])"
    r"|K(?P<k_number>[1-9]\d*)"
    r"|(?P<flat>BR|NT|0T|D[0-3]))$"
)
_GLUED_MARKER = re.compile(r"^(?P<body>.+?)(?P<marker>W1|M1|X)$")
_MAX_DIGITS = 6


class TaxCodeError(ValueError):
    """A tax code that cannot be read. `.code` is for programs; str() is one sentence for people."""

    def __init__(self, code: str, sentence: str) -> None:
        super().__init__(sentence)
        self.code = code


@dataclass(frozen=True)
class TaxCode:
    nation: str | None          # None (England, Northern Ireland), "S" Scotland, "C" Wales
    kind: str                   # one of KINDS
    number: int | None = None   # the code number of a suffix or K code
    suffix: str | None = None   # L, M, N or T for suffix codes
    non_cumulative: bool = False
    marker: str | None = None   # W1, M1 or X as written; None when cumulative

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown tax code kind {self.kind!r}")

    def __str__(self) -> str:
        return normalised(self)


def normalised(code: TaxCode) -> str:
    """Canonical spelling: prefix, body, then a space and the marker ("S1257L M1")."""
    if code.kind == "suffix":
        body = f"{code.number}{code.suffix}"
    elif code.kind == "K":
        body = f"K{code.number}"
    elif code.kind.startswith("SD"):
        body = code.kind[1:]
    else:
        body = code.kind
    text = f"{code.nation or ''}{body}"
    if code.non_cumulative:
        text += f" {code.marker or 'X'}"
    return text


def parse_tax_code(text: str) -> TaxCode:
    """Read a tax code, ignoring case and spaces around it; raise TaxCodeError if it is not one."""
    shown = (text or "").strip()
    if not shown:
        raise TaxCodeError("TAX_CODE_EMPTY", f"The tax code is empty: enter the code HMRC gave, for example {EXAMPLES}.")
    body, marker = _split_marker(shown.upper(), shown)
    match = _BODY.match(body)
    if not match:
        raise _explain(shown, body)
    return _build(match, marker, shown)


def normalise_tax_code(text: str) -> str:
    """The canonical form of a code as typed: '1257l w1' -> '1257L W1'."""
    return str(parse_tax_code(text))


def _split_marker(upper: str, shown: str) -> tuple[str, str | None]:
    """Separate the W1 / M1 / X ending, written with or without a space."""
    parts = upper.split()
    if len(parts) == 2 and parts[1] in MARKERS:
        return parts[0], parts[1]
    if len(parts) == 2 and _BODY.match(parts[0]):
        raise TaxCodeError(
            "TAX_CODE_MARKER",
            f"Tax code '{shown}' is not valid: the only endings allowed after a code are W1, M1 or X, as in 1257L W1.",
        )
    if len(parts) != 1:
        raise TaxCodeError(
            "TAX_CODE_SPACES",
            f"Tax code '{shown}' is not valid: a code has no spaces inside it, for example 1257L or 1257L M1.",
        )
    glued = _GLUED_MARKER.match(upper)
    if glued and _BODY.match(glued.group("body")):
        return glued.group("body"), glued.group("marker")
    return upper, None


def _build(match: re.Match[str], marker: str | None, shown: str) -> TaxCode:
    nation = match.group("nation")
    number_text = match.group("number") or match.group("k_number")
    if number_text and len(number_text) > _MAX_DIGITS:
        raise TaxCodeError(
            "TAX_CODE_NUMBER_TOO_LONG",
            f"Tax code '{shown}' is not valid: its number has at most {_MAX_DIGITS} digits, as in 1257L.",
        )
    common = dict(nation=nation, non_cumulative=marker is not None, marker=marker)
    if match.group("suffix"):
        return TaxCode(kind="suffix", number=int(number_text), suffix=match.group("suffix"), **common)
    if match.group("k_number"):
        return TaxCode(kind="K", number=int(number_text), **common)
    flat = match.group("flat")
    if flat.startswith("D"):
        # D0 and D1 everywhere; Scotland has its own SD0 to SD3 (PAYE spec, Scottish appendix).
        if nation == "S":
            return TaxCode(kind=f"S{flat}", **common)
        if flat in ("D2", "D3"):
            raise TaxCodeError(
                "TAX_CODE_FORMAT",
                f"Tax code '{shown}' is not valid: {flat} exists only as a Scottish code, SD2 or SD3.",
            )
    return TaxCode(kind=flat, **common)


def _explain(shown: str, body: str) -> TaxCodeError:
    """The most helpful single sentence for a code that does not match."""
    if body.isdigit():
        example = f"{body}L" if len(body) <= _MAX_DIGITS and body[0] != "0" else "1257L"
        return TaxCodeError(
            "TAX_CODE_NO_LETTER",
            f"Tax code '{shown}' is not valid: it needs a letter after the number, for example {example}.",
        )
    return TaxCodeError(
        "TAX_CODE_FORMAT",
        f"Tax code '{shown}' is not valid: a code looks like {EXAMPLES}, optionally followed by W1, M1 or X.",
    )
