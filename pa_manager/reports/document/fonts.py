"""The font every PDF embeds (a TrueType font found on the computer, or the one ReportLab ships), so a
document looks the same and reads out the same on any computer; its pieces are reused from one PDF
to the next.
"""
from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import registerFont, registerFontFamily
from reportlab.pdfbase import pdfdoc, ttfonts
from reportlab.pdfbase.ttfonts import TTFont


# ---- Fonts -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str


# Fonts tried, in order. Liberation Sans and Arial have Helvetica's widths; DejaVu Sans (on most Linux
# computers) is a little wider and has the most letters. Vera ships with ReportLab: always there.
_FONT_FILES = (
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("arial.ttf", "arialbd.ttf"),
    ("Arial.ttf", "Arial Bold.ttf"),
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
)
_FONT_FOLDERS = (
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/liberation-sans",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/dejavu",
    os.path.join(os.environ.get("WINDIR", "C:/Windows"), "Fonts"),
    "/System/Library/Fonts/Supplemental",
    "/Library/Fonts",
)
_BUNDLED_FONT_FILES = ("Vera.ttf", "VeraBd.ttf")  # ship with ReportLab; fewer letters, always there


@lru_cache(maxsize=1)
def embedded_fonts() -> Fonts:
    """The font every PDF embeds. Registered once per run, on first use (reading the font file is the
    slow part, so nothing pays for it until a document is made)."""
    regular, bold = find_font_files()
    registerFont(_EmbeddedFont("PAManagerSans", regular))
    registerFont(_EmbeddedFont("PAManagerSans-Bold", bold))
    registerFontFamily("PAManagerSans", normal="PAManagerSans", bold="PAManagerSans-Bold",
                       italic="PAManagerSans", boldItalic="PAManagerSans-Bold")
    return Fonts("PAManagerSans", "PAManagerSans-Bold")


def fonts_for(texts: Iterable[str] = ()) -> Fonts:
    """The fonts for a document holding these texts: always the embedded font (kept as a function of
    the texts so that a font with more letters could be chosen for names that need one)."""
    return embedded_fonts()


unicode_fonts = embedded_fonts  # the older name


class _EmbeddedFont(TTFont):
    """A TrueType font whose embedded pieces are reused from one PDF to the next.

    Each PDF embeds only the letters it uses (a subset of the font): ReportLab cuts the subset out of
    the font file, compresses it, and writes its widths and its table for copying text, afresh for
    every document. A pay run's payslips use the same letters in the same order, so those pieces are
    kept, keyed by the subset, and written again as the same bytes: the streams whole, and the font's
    two dictionaries written out once around the object numbers and name each PDF fills in (formatting
    them afresh was a sixth of a payslip's time). This is ReportLab's own TTFont.addObjects and
    TTFontFace.addSubsetObjects (reportlab 4 and 5) with that cache added; an encrypted PDF goes
    ReportLab's own way. tests/reports/test_document.py checks the files are byte for byte what
    ReportLab writes.
    """

    def __init__(self, name: str, filename: str):
        super().__init__(name, filename)
        self._pieces: dict[tuple, _Pieces] = {}

    def _subset_pieces(self, base_name: str, subset: list[int], doc) -> _Pieces:
        key = (base_name, tuple(subset), bool(doc.compression))
        found = self._pieces.get(key)
        if found is None:
            if len(self._pieces) >= 32:  # a few documents' worth; a long run of one kind reuses one entry
                self._pieces.clear()
            found = self._pieces[key] = self._make_pieces(base_name, subset, doc)
        return found

    def _make_pieces(self, base_name: str, subset: list[int], doc) -> _Pieces:
        """The subset's objects as ReportLab writes them, formatted once: the streams whole, the two
        dictionaries around the references and name that differ from one PDF to the next."""
        face, compress = self.face, bool(doc.compression)
        widths = pdfdoc.PDFArray([face.getCharWidth(code) for code in subset])
        cmap = ttfonts.makeToUnicodeCMap(base_name, subset).encode("utf8")
        font_file = face.makeSubset(subset)
        filters = {"Filter": pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])} if compress else {}
        if compress:
            cmap, packed = zlib.compress(cmap), zlib.compress(font_file)
        else:
            packed = font_file
        cmap_stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary(dict(filters)), cmap, filters=[])
        file_stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary({**filters, "Length1": len(font_file)}), packed, filters=[])
        flags = (face.flags & ~ttfonts.FF_NONSYMBOLIC) | ttfonts.FF_SYMBOLIC
        descriptor = pdfdoc.PDFDictionary({
            "Type": "/FontDescriptor", "Ascent": face.ascent, "CapHeight": face.capHeight,
            "Descent": face.descent, "Flags": flags, "FontBBox": pdfdoc.PDFArray(face.bbox),
            "FontName": pdfdoc.PDFName(base_name), "ItalicAngle": face.italicAngle, "StemV": face.stemV,
            "FontFile2": _FILE_HOLE, "MissingWidth": face.defaultWidth,
        })
        font = pdfdoc.PDFTrueTypeFont()
        font.BaseFont = base_name
        font.FirstChar = 0
        font.LastChar = len(subset) - 1
        font.Widths = widths
        font.ToUnicode, font.FontDescriptor = _CMAP_HOLE, _DESCRIPTOR_HOLE
        font.Name = _NAME_HOLE
        return _Pieces(cmap_stream.format(doc), file_stream.format(doc),
                       _Spliced.template(descriptor, doc, [_FILE_HOLE]),
                       _Spliced.template(font, doc, [_CMAP_HOLE, _DESCRIPTOR_HOLE, _NAME_HOLE]))

    def splitString(self, text, doc, encoding="utf-8"):
        """ReportLab's, quicker for the usual line: when every letter already has its code in the first
        subset (after a payslip's first few lines, nearly all do), the codes are looked up in one pass.
        Anything else (a new letter, a later subset, shaped text) goes to ReportLab's own."""
        state = self.state.get(doc)
        if state is not None and type(text) is str:
            try:
                codes = bytes(map(state.assignments.__getitem__, map(ord, text.replace("\xa0", " "))))
            except (KeyError, ValueError):  # a letter without its code yet, or a code past the first subset
                pass
            else:
                return [(0, codes)] if codes else []
        return super().splitString(text, doc, encoding)

    def addObjects(self, doc):
        if type(doc.encrypt) is not pdfdoc.NoEncryption:  # encrypted streams differ in every PDF
            return super().addObjects(doc)
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        face = self.face
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_name = b"".join((ttfonts.SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            pieces = self._subset_pieces(base_name, subset, doc)
            cmap_ref = doc.Reference(_Stream(pieces.cmap), "toUnicodeCMap:" + base_name)
            file_ref = doc.Reference(_Stream(pieces.font_file), f"fontFile:{face.filename}({base_name})")
            descriptor = doc.Reference(pieces.descriptor.filled(file_ref), "fontDescriptor:" + base_name)
            font = pieces.font.filled(cmap_ref, descriptor, pdfdoc.PDFName(internal_name))
            font.__Comment__ = f"Font {self.fontName} subset {n}"
            doc.Reference(font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = font
        del self.state[doc]


@dataclass(frozen=True)
class _Pieces:
    cmap: bytes  # the streams, written out whole
    font_file: bytes
    descriptor: _Spliced
    font: _Spliced


class _Formatted(pdfdoc.PDFObject):
    """A PDF value already written out."""

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document) -> bytes:
        return self.data


class _Stream(_Formatted):
    """A stream already written out: like ReportLab's streams, only ever written as an object of its
    own (a fresh one for each PDF, which numbers its objects)."""

    __RefOnly__ = 1


# Stand-ins for what differs from one PDF to the next: the objects' numbers and the subset's name.
_FILE_HOLE, _CMAP_HOLE, _DESCRIPTOR_HOLE = (_Formatted(b"\x00hole %d\x00" % n) for n in range(3))
_NAME_HOLE = "PAManagerNameHole"


class _Spliced(pdfdoc.PDFObject):
    """A dictionary written out once with stand-ins, and filled in for each PDF: the bytes ReportLab
    writes, without formatting every name and number of a font's dictionaries again."""

    __RefOnly__ = 1  # like ReportLab's font object: an object of its own, referred to elsewhere

    def __init__(self, parts: list[bytes], order: list[int], values=()):
        self.parts, self.order, self.values = parts, order, values

    @classmethod
    def template(cls, value, doc, holes: Sequence) -> _Spliced:
        """`holes`: the stand-ins in `value` (a _Formatted, or the name _NAME_HOLE)."""
        marks = [hole.data if isinstance(hole, _Formatted) else pdfdoc.pdfdocEnc(pdfdoc.PDFName(hole)) for hole in holes]
        pattern = re.compile(b"|".join(re.escape(mark) for mark in marks))
        data = pdfdoc.format(value, doc, toplevel=1)
        return cls(pattern.split(data), [marks.index(found.group()) for found in pattern.finditer(data)])

    def filled(self, *values) -> _Spliced:
        """This PDF's values, in the order the stand-ins were given to `template`."""
        return _Spliced(self.parts, self.order, [values[n] for n in self.order])

    def format(self, document) -> bytes:
        out = [self.parts[0]]
        for value, part in zip(self.values, self.parts[1:]):
            out += (pdfdoc.format(value, document), part)
        return b"".join(out)


def find_font_files() -> tuple[str, str]:
    for regular, bold in _FONT_FILES:
        for folder in _FONT_FOLDERS:
            pair = (Path(folder) / regular, Path(folder) / bold)
            if pair[0].is_file() and pair[1].is_file():
                return str(pair[0]), str(pair[1])
    return _BUNDLED_FONT_FILES  # ReportLab finds these on its own search path
