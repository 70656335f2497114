"""The page every PDF is printed on: plain A4, 11 pt text, larger headings, at least 18 mm clear of
every edge so no printer cuts anything off, and one ink.
"""
from __future__ import annotations

import os
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm


PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm  # the furniture sits on this line; nothing is printed nearer the edge
BODY_SIZE = 11
LEADING = 14
HEADING_SIZES = {1: 18, 2: 14}
HEADER_GAP = 6 * mm  # between the header's last line and the text
FOOTER_BAND = LEADING + 4 * mm
SIDE_BY_SIDE_GAP = 12  # points between two texts on one line of the header or footer
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
INK = colors.black
RULE_WIDTH = 0.6

Target = str | os.PathLike | BinaryIO | None
