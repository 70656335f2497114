"""Reading tax codes as HMRC writes them, and refusing what is not one."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pa_manager.domain.tax_code import TaxCode, TaxCodeError, normalise_tax_code, parse_tax_code

VALID = [
    # text, nation, kind, number, suffix, non_cumulative, canonical
    ("1257L", None, "suffix", 1257, "L", False, "1257L"),
    ("1257l w1", None, "suffix", 1257, "L", True, "1257L W1"),
    ("  1257L M1  ", None, "suffix", 1257, "L", True, "1257L M1"),
    ("1257L X", None, "suffix", 1257, "L", True, "1257L X"),
    ("1257LX", None, "suffix", 1257, "L", True, "1257L X"),
    ("1257LW1", None, "suffix", 1257, "L", True, "1257L W1"),
    ("1257MM1", None, "suffix", 1257, "M", True, "1257M M1"),
    ("S1257L M1", "S", "suffix", 1257, "L", True, "S1257L M1"),
    ("s1257l", "S", "suffix", 1257, "L", False, "S1257L"),
    ("C1257L", "C", "suffix", 1257, "L", False, "C1257L"),
    ("1383M", None, "suffix", 1383, "M", False, "1383M"),
    ("1131N", None, "suffix", 1131, "N", False, "1131N"),
    ("45L", None, "suffix", 45, "L", False, "45L"),
    ("1001L", None, "suffix", 1001, "L", False, "1001L"),
    ("500T", None, "suffix", 500, "T", False, "500T"),
    ("K475", None, "K", 475, None, False, "K475"),
    ("CK475", "C", "K", 475, None, False, "CK475"),
    ("SK585", "S", "K", 585, None, False, "SK585"),
    ("k27 w1", None, "K", 27, None, True, "K27 W1"),
    ("K999999", None, "K", 999999, None, False, "K999999"),
    ("0T", None, "0T", None, None, False, "0T"),
    ("S0T", "S", "0T", None, None, False, "S0T"),
    ("0T M1", None, "0T", None, None, True, "0T M1"),
    ("BR", None, "BR", None, None, False, "BR"),
    ("SBR", "S", "BR", None, None, False, "SBR"),
    ("CBR", "C", "BR", None, None, False, "CBR"),
    ("br x", None, "BR", None, None, True, "BR X"),
    ("D0", None, "D0", None, None, False, "D0"),
    ("D1", None, "D1", None, None, False, "D1"),
    ("CD1", "C", "D1", None, None, False, "CD1"),
    ("SD0", "S", "SD0", None, None, False, "SD0"),
    ("SD1", "S", "SD1", None, None, False, "SD1"),
    ("SD2", "S", "SD2", None, None, False, "SD2"),
    ("sd3 w1", "S", "SD3", None, None, True, "SD3 W1"),
    ("NT", None, "NT", None, None, False, "NT"),
]


@pytest.mark.parametrize("text, nation, kind, number, suffix, non_cumulative, canonical", VALID)
def test_valid_codes(text, nation, kind, number, suffix, non_cumulative, canonical):
    code = parse_tax_code(text)
    assert (code.nation, code.kind, code.number, code.suffix, code.non_cumulative) == (
        nation, kind, number, suffix, non_cumulative)
    assert str(code) == canonical
    assert normalise_tax_code(text) == canonical


INVALID = [
    ("", "TAX_CODE_EMPTY"),
    ("   ", "TAX_CODE_EMPTY"),
    ("1257", "TAX_CODE_NO_LETTER"),
    ("L1257", "TAX_CODE_FORMAT"),
    ("K", "TAX_CODE_FORMAT"),
    ("SS1257L", "TAX_CODE_FORMAT"),
    ("1257LL", "TAX_CODE_FORMAT"),
    ("BR1", "TAX_CODE_FORMAT"),
    ("12 57L", "TAX_CODE_SPACES"),
    ("S 1257L", "TAX_CODE_SPACES"),
    ("1257L W1 X", "TAX_CODE_SPACES"),
    ("1257L W2", "TAX_CODE_MARKER"),
    ("1257L Y", "TAX_CODE_MARKER"),
    ("1257 L", "TAX_CODE_SPACES"),
    ("1257Y", "TAX_CODE_FORMAT"),
    ("1257P", "TAX_CODE_FORMAT"),
    ("01257L", "TAX_CODE_FORMAT"),
    ("0L", "TAX_CODE_FORMAT"),
    ("K0", "TAX_CODE_FORMAT"),
    ("1234567L", "TAX_CODE_NUMBER_TOO_LONG"),
    ("K1234567", "TAX_CODE_NUMBER_TOO_LONG"),
    ("D2", "TAX_CODE_FORMAT"),
    ("CD3", "TAX_CODE_FORMAT"),
    ("SD4", "TAX_CODE_FORMAT"),
    ("X1257L", "TAX_CODE_FORMAT"),
    ("1257M1", "TAX_CODE_FORMAT"),
    ("£1257L", "TAX_CODE_FORMAT"),
]


@pytest.mark.parametrize("text, code", INVALID)
def test_invalid_codes(text, code):
    with pytest.raises(TaxCodeError) as err:
        parse_tax_code(text)
    assert err.value.code == code
    assert isinstance(err.value, ValueError)
    sentence = str(err.value)
    # One plain-English sentence: a capital, one full stop at the end, and an example of a good code.
    assert sentence[0].isupper() and sentence.endswith(".") and sentence.count(". ") == 0
    assert "1257L" in sentence or "SD2" in sentence


def test_a_code_is_a_frozen_value():
    code = parse_tax_code("1257L")
    assert code == TaxCode(nation=None, kind="suffix", number=1257, suffix="L")
    with pytest.raises(AttributeError):
        code.number = 1  # type: ignore[misc]


def test_a_non_cumulative_code_built_without_a_marker_prints_x():
    assert str(TaxCode(nation="S", kind="BR", non_cumulative=True)) == "SBR X"


codes = st.one_of(
    st.builds(lambda n, s: f"{n}{s}", st.integers(1, 999999), st.sampled_from("LMNT")),
    st.builds(lambda n: f"K{n}", st.integers(1, 999999)),
    st.sampled_from(["BR", "D0", "D1", "0T", "NT"]),
)


@given(st.sampled_from(["", "S", "C"]), codes, st.sampled_from(["", " W1", " M1", " X", "W1", "X"]),
       st.booleans())
def test_normalising_is_stable(prefix, body, marker, lower):
    text = f"{prefix}{body}{marker}"
    text = text.lower() if lower else text
    canonical = normalise_tax_code(text)
    assert normalise_tax_code(canonical) == canonical
    assert parse_tax_code(canonical) == parse_tax_code(text)
    assert canonical == canonical.upper().strip()
