"""Reading an export's document a record at a time gives what json.loads gives, in any layout, and
refuses what json.loads refuses."""
import io
import json
from collections.abc import Iterator

import pytest

from pa_manager.services import json_stream

DOCUMENT = {"format": "pa-manager-employer",
            "tables": {"pas": [{"id": 1, "name": "Ann"}, 2, 3.5, "text", [1, [2]], None], "shifts": [], "odd": 5},
            "big": 12345678901234567890, "after": [1, 2]}


def _read(text):
    found = {}
    for name, value in json_stream.document(io.StringIO(text)):
        if isinstance(value, Iterator):  # the tables, each list of records read one at a time
            value = {table: list(rows) if isinstance(rows, Iterator) else rows for table, rows in value}
        found[name] = value
    return found


@pytest.mark.parametrize("layout", [{}, {"indent": 1}, {"indent": "\t", "sort_keys": True}, {"separators": (",", ":")}])
@pytest.mark.parametrize("chunk", [1, 7, 1 << 16])
def test_every_layout_reads_as_json_loads_reads_it(layout, chunk, monkeypatch):
    monkeypatch.setattr(json_stream, "_CHUNK", chunk)  # values cut across reads, a number included
    text = json.dumps(DOCUMENT, **layout)
    assert _read(text) == json.loads(text)


@pytest.mark.parametrize("text", ["", "[]", "3", "{", '{"a": 1', '{"a": 1}x', '{"a": 1} {}', '{"a" 1}', '{1: 2}',
                                  '{"tables": {"pas": [1,]}}', '{"tables": {"pas": [1 2]}}', '{"tables": {"pas": [1]'])
def test_what_is_not_one_json_object_is_refused(text):
    with pytest.raises(json_stream.NotJson):
        _read(text)


class _Pieces(io.TextIOBase):
    """A stream that hands its text over in the pieces given, whatever size is asked for."""

    def __init__(self, pieces):
        self.pieces = list(pieces)

    def read(self, size=-1):
        return self.pieces.pop(0) if self.pieces else ""


@pytest.mark.parametrize("cut", ["1.", "1.5e", "1.5e-", "-", "12"])
def test_a_number_cut_where_it_could_go_on_is_read_whole(cut):
    text = '{"tables": {"pas": [1.5e-3, 12]}}'
    at = text.index(cut, text.index("[")) + len(cut)
    found = {}
    for name, value in json_stream.document(_Pieces([text[:at], text[at:]])):
        found[name] = {table: list(rows) for table, rows in value}
    assert found == json.loads(text)
