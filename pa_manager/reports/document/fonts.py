"""The font every PDF embeds (a TrueType font found on the computer, or the one ReportLab ships), so a
document looks the same and reads out the same on any computer; its pieces are reused from one PDF
to the next.
"""
from __future__ import annotations

import os
import zlib
from collections.abc import Iterable
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
    kept, keyed by the subset, and written again as the same bytes. This is ReportLab's own
    TTFont.addObjects and TTFontFace.addSubsetObjects (reportlab 4 and 5) with that cache added;
    tests/reports/test_document.py checks the files are byte for byte what ReportLab writes.
    """

    def __init__(self, name: str, filename: str):
        super().__init__(name, filename)
        self._pieces: dict[tuple, tuple[bytes, bytes, bytes, int]] = {}

    def _subset_pieces(self, base_name: str, subset: list[int], compress: bool, doc) -> tuple[bytes, bytes, bytes, int]:
        key = (base_name, tuple(subset), compress)
        found = self._pieces.get(key)
        if found is None:
            widths = pdfdoc.PDFArray([self.face.getCharWidth(code) for code in subset]).format(doc)
            cmap = ttfonts.makeToUnicodeCMap(base_name, subset).encode("utf8")
            font_file = self.face.makeSubset(subset)
            if compress:
                cmap, packed = zlib.compress(cmap), zlib.compress(font_file)
            else:
                packed = font_file
            if len(self._pieces) >= 32:  # a few documents' worth; a long run of one kind reuses one entry
                self._pieces.clear()
            found = self._pieces[key] = (widths, cmap, packed, len(font_file))
        return found

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
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        face = self.face
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_name = b"".join((ttfonts.SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            widths, cmap, font_file, length = self._subset_pieces(base_name, subset, bool(doc.compression), doc)
            filters = {"Filter": pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])} if doc.compression else {}
            font = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {n}"
            font.Name = internal_name
            font.BaseFont = base_name
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = _Formatted(widths)
            cmap_stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary(dict(filters)), cmap, filters=[])
            font.ToUnicode = doc.Reference(cmap_stream, "toUnicodeCMap:" + base_name)
            file_stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary({**filters, "Length1": length}), font_file, filters=[])
            file_ref = doc.Reference(file_stream, f"fontFile:{face.filename}({base_name})")
            flags = (face.flags & ~ttfonts.FF_NONSYMBOLIC) | ttfonts.FF_SYMBOLIC
            descriptor = pdfdoc.PDFDictionary({
                "Type": "/FontDescriptor", "Ascent": face.ascent, "CapHeight": face.capHeight,
                "Descent": face.descent, "Flags": flags, "FontBBox": pdfdoc.PDFArray(face.bbox),
                "FontName": pdfdoc.PDFName(base_name), "ItalicAngle": face.italicAngle, "StemV": face.stemV,
                "FontFile2": file_ref, "MissingWidth": face.defaultWidth,
            })
            font.FontDescriptor = doc.Reference(descriptor, "fontDescriptor:" + base_name)
            doc.Reference(font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = font
        del self.state[doc]


class _Formatted(pdfdoc.PDFObject):
    """A PDF value already written out (a subset's widths)."""

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document) -> bytes:
        return self.data


def find_font_files() -> tuple[str, str]:
    for regular, bold in _FONT_FILES:
        for folder in _FONT_FOLDERS:
            pair = (Path(folder) / regular, Path(folder) / bold)
            if pair[0].is_file() and pair[1].is_file():
                return str(pair[0]), str(pair[1])
    return _BUNDLED_FONT_FILES  # ReportLab finds these on its own search path
