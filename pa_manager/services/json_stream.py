"""Reading an export's JSON document a record at a time, so that memory does not grow with the file.

The document is {"format": ..., "tables": {"employers": [record, ...], "pas": [...], ...}, ...}. Any
layout JSON allows is read (one record to a line as export_employer writes it, or all on one line as
older versions did); each record is read whole by Python's own JSON reader, so what is accepted is what
json.loads accepts. Anything that is not such a document raises NotJson.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

_CHUNK = 1 << 16
_NUMBER_GOES_ON = frozenset("0123456789.eE+-")
_SPACE = " \t\n\r"
_decode = json.JSONDecoder().raw_decode


class NotJson(ValueError):
    """The text is not one JSON object, or is cut short, or has more after it."""


class _Reader:
    def __init__(self, stream: TextIO) -> None:
        self.stream, self.text, self.at, self.ended = stream, "", 0, False

    def _more(self, at_least: int = _CHUNK) -> bool:
        chunk = "" if self.ended else self.stream.read(at_least)
        if not chunk:
            self.ended = True
            return False
        self.text, self.at = self.text[self.at:] + chunk, 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ("" at the end), left unread."""
        while True:
            while self.at < len(self.text) and self.text[self.at] in _SPACE:
                self.at += 1
            if self.at < len(self.text) or not self._more():
                return self.text[self.at:self.at + 1]

    def take(self, expected: str) -> None:
        if self.peek() != expected:
            raise NotJson(f"{expected!r} expected")
        self.at += 1

    def value(self) -> Any:
        """The next JSON value, read whole."""
        self.peek()
        while True:
            try:
                value, end = _decode(self.text, self.at)
            except json.JSONDecodeError:
                value, end = None, None
            # A value is whole when something follows it that could not carry it on (a number cut after
            # "1." or "1e" decodes as 1), or when there is nothing more to read.
            if end is not None and (self.ended or (end < len(self.text) and self.text[end] not in _NUMBER_GOES_ON)):
                self.at = end
                return value
            # Cut off by the end of what is read so far (a number may go on): read more, twice as much
            # each time, so that a long value (a certificate) is not read over and over.
            if not self._more(max(_CHUNK, len(self.text))) and end is None:
                raise NotJson("not JSON")

    def separator(self, closing: str) -> bool:
        """True after a comma, False after `closing`."""
        found = self.peek()
        if found not in (",", closing):
            raise NotJson(f"',' or {closing!r} expected")
        self.at += 1
        return found == ","


def document(stream: TextIO) -> Iterator[tuple[str, Any]]:
    """The document's top-level names and values, in the file's order; "tables", when it is an object,
    as an iterator of (table name, records), each records an iterator when the table is a list. Take
    each value before the next."""
    reader = _Reader(stream)
    reader.take("{")
    if reader.peek() == "}":
        reader.at += 1
    else:
        while True:
            name = reader.value()
            if not isinstance(name, str):
                raise NotJson("a name expected")
            reader.take(":")
            if name == "tables" and reader.peek() == "{":
                tables = _tables(reader)
                yield name, tables
                for _ in tables:  # whatever the caller left unread
                    pass
            else:
                yield name, reader.value()
            if not reader.separator("}"):
                break
    if reader.peek() != "":
        raise NotJson("more after the document")


def _tables(reader: _Reader) -> Iterator[tuple[str, Any]]:
    reader.take("{")
    if reader.peek() == "}":
        reader.at += 1
        return
    while True:
        name = reader.value()
        if not isinstance(name, str):
            raise NotJson("a name expected")
        reader.take(":")
        if reader.peek() == "[":
            records = _records(reader)
            yield name, records
            for _ in records:
                pass
        else:
            yield name, reader.value()
        if not reader.separator("}"):
            return


def _records(reader: _Reader) -> Iterator[Any]:
    reader.take("[")
    if reader.peek() == "]":
        reader.at += 1
        return
    while True:
        yield reader.value()
        if not reader.separator("]"):
            return
