"""How the app looks to someone who needs it larger or clearer: the text size (the system's, times a
zoom the user chooses with Ctrl+= and Ctrl+-) and the colours (the standard theme, made to reach the
contrast WCAG 2.2 asks for, or a high-contrast theme). Both are kept between sessions.

Contrast: 4.5:1 for text against what is behind it, 3:1 for icons, the focus ring and the edges of a
selection (WCAG 2.2: 1.4.3, 1.4.11). `contrast` is WCAG's formula.
"""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from pa_manager.config import APP_NAME

STANDARD, HIGH_CONTRAST = "standard", "high contrast"
THEMES = {STANDARD: "Standard", HIGH_CONTRAST: "High contrast"}
# The text size as a share of the system's; Ctrl+= and Ctrl+- step through them.
TEXT_SCALES = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
TEXT_CONTRAST, NON_TEXT_CONTRAST = 4.5, 3.0

R = QPalette.ColorRole
# Words and what is behind them.
TEXT_PAIRS = (
    (R.WindowText, R.Window), (R.Text, R.Base), (R.Text, R.AlternateBase), (R.ButtonText, R.Button),
    (R.HighlightedText, R.Highlight), (R.PlaceholderText, R.Base), (R.ToolTipText, R.ToolTipBase),
    (R.Link, R.Base), (R.Link, R.Window), (R.LinkVisited, R.Base),
)
# The focus ring and a selection's edge (both drawn in the highlight colour) against the page.
NON_TEXT_PAIRS = ((R.Highlight, R.Window), (R.Highlight, R.Base), (R.Highlight, R.Button))
GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)


def _channel(value: float) -> float:
    value /= 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    return 0.2126 * _channel(colour.red()) + 0.7152 * _channel(colour.green()) + 0.0722 * _channel(colour.blue())


def over(front: QColor, back: QColor) -> QColor:
    """`front` as seen on `back` (Qt draws placeholder text, for one, half see-through)."""
    alpha = front.alphaF()
    return QColor(*(round(f * alpha + b * (1 - alpha)) for f, b in zip(front.getRgb()[:3], back.getRgb()[:3])))


def contrast(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio of `a` seen on `b`, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(over(a, b)), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def is_dark(colour: QColor) -> bool:
    return luminance(colour) < 0.18


def _towards(colour: QColor, target: QColor, share: float) -> QColor:
    return QColor(*(round(a + (b - a) * share) for a, b in
                    zip(colour.getRgb()[:3], target.getRgb()[:3])))


def _until(colour: QColor, against: list[QColor], ratio: float) -> QColor:
    """`colour` moved towards black or white (away from `against`) just far enough to reach `ratio`."""
    if all(contrast(colour, other) >= ratio for other in against):
        return colour
    colour = over(colour, against[0])  # solid from here on
    target = QColor("black") if not is_dark(against[0]) else QColor("white")
    for step in range(1, 21):
        moved = _towards(colour, target, step / 20)
        if all(contrast(moved, other) >= ratio for other in against):
            return moved
    return target


def with_enough_contrast(palette: QPalette) -> QPalette:
    """`palette` with each colour that falls short of the contrast asked for moved just far enough:
    the highlight (selection, focus ring) darkened or lightened against the page and its own text,
    then each text colour against what is behind it."""
    fixed = QPalette(palette)
    for group in GROUPS:
        highlight = fixed.color(group, R.Highlight)
        backgrounds = [fixed.color(group, role) for role in (R.Window, R.Base, R.Button)]
        highlight = _until(highlight, backgrounds, NON_TEXT_CONTRAST)
        text_on_it = fixed.color(group, R.HighlightedText)
        if contrast(text_on_it, highlight) < TEXT_CONTRAST:  # darken (or lighten) the highlight further
            highlight = _until(highlight, [text_on_it], TEXT_CONTRAST)
        fixed.setColor(group, R.Highlight, highlight)
        for text, behind in TEXT_PAIRS:
            colour = fixed.color(group, text)
            fixed.setColor(group, text, _until(colour, [fixed.color(group, behind)], TEXT_CONTRAST))
    return fixed


def high_contrast_palette() -> QPalette:
    """White and yellow on black, as the high-contrast themes of Windows and GNOME have it."""
    black, white, yellow, cyan = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00"), QColor("#00ffff")
    palette = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        for role, colour in ((R.Window, black), (R.Base, black), (R.AlternateBase, QColor("#1a1a1a")),
                             (R.Button, black), (R.ToolTipBase, black), (R.WindowText, white), (R.Text, white),
                             (R.ButtonText, white), (R.ToolTipText, white), (R.BrightText, yellow),
                             (R.Highlight, yellow), (R.HighlightedText, black), (R.Link, yellow),
                             (R.LinkVisited, cyan), (R.PlaceholderText, QColor("#d0d0d0")),
                             (R.Light, white), (R.Midlight, QColor("#c0c0c0")), (R.Mid, QColor("#a0a0a0")),
                             (R.Dark, white), (R.Shadow, white)):
            palette.setColor(group, role, colour)
    # Greyed-out controls stay readable (WCAG does not ask it of them; people still need to read them).
    for role in (R.WindowText, R.Text, R.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#a8a8a8"))
    return palette


# Fusion draws the edges of boxes and fields a shade darker than the window, which on black is black:
# in high contrast they are drawn in white here, a ticked box filled (not only coloured), and a field
# with the cursor in it edged in the highlight colour.
HIGH_CONTRAST_STYLE = """
QCheckBox::indicator, QRadioButton::indicator, QGroupBox::indicator {
    width: 0.8em; height: 0.8em; border: 2px solid #ffffff; background: #000000; }
QRadioButton::indicator { border-radius: 0.5em; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked, QGroupBox::indicator:checked {
    background: #ffff00; border: 2px solid #ffffff; }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border-color: #a8a8a8; }
QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox { border: 1px solid #ffffff; padding: 1px; }
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus { border: 2px solid #ffff00; padding: 0px; }
QLineEdit:disabled, QAbstractSpinBox:disabled { border-color: #a8a8a8; }
"""


def theme_palette(theme: str, app: QApplication | None = None) -> QPalette:
    if theme == HIGH_CONTRAST:
        return high_contrast_palette()
    app = app or QApplication.instance()
    return with_enough_contrast(app.style().standardPalette())


def shortfalls(palette: QPalette) -> list[str]:
    """Each pair of colours in `palette` below the contrast asked for (empty when all are enough)."""
    found = []
    for group in GROUPS:
        for pairs, ratio in ((TEXT_PAIRS, TEXT_CONTRAST), (NON_TEXT_PAIRS, NON_TEXT_CONTRAST)):
            for front, back in pairs:
                measured = contrast(palette.color(group, front), palette.color(group, back))
                if measured < ratio:
                    found.append(f"{group.name} {front.name} on {back.name}: {measured:.2f}:1, needs {ratio}:1")
    return found


# --- the user's choices, kept between sessions -------------------------------------------------------

def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, "appearance")


class Appearance:
    """The text size and theme of the running app. The system's font is read once, at start: the
    zoom multiplies it, so whatever size the system uses is where 100% is."""

    def __init__(self, app: QApplication):
        self.app = app
        self.system_font = QFont(app.font())
        stored = settings()
        self.scale = _nearest_scale(float(stored.value("text_scale", 1.0)))
        theme = str(stored.value("theme", STANDARD))
        self.theme = theme if theme in THEMES else STANDARD
        self._applied_scale = 1.0
        self._apply_font()
        self._apply_theme()

    def _apply_font(self) -> None:
        ratio = self.scale / self._applied_scale
        font = QFont(self.system_font)
        font.setPointSizeF(self.system_font.pointSizeF() * self.scale)
        self.app.setFont(font)
        # Headings and the like have a font of their own, made from the one in use when they were: scale
        # those too. (Widgets made later start from the new size.)
        if ratio != 1.0:
            for widget in self.app.allWidgets():
                if widget.testAttribute(_OWN_FONT):
                    own = widget.font()
                    own.setPointSizeF(own.pointSizeF() * ratio)
                    widget.setFont(own)
        self._applied_scale = self.scale

    def set_scale(self, scale: float) -> None:
        self.scale = _nearest_scale(scale)
        self._apply_font()
        settings().setValue("text_scale", self.scale)

    def larger(self) -> bool:
        """One step larger; False if it is as large as it goes."""
        bigger = [s for s in TEXT_SCALES if s > self.scale]
        if not bigger:
            return False
        self.set_scale(bigger[0])
        return True

    def smaller(self) -> bool:
        less = [s for s in TEXT_SCALES if s < self.scale]
        if not less:
            return False
        self.set_scale(less[-1])
        return True

    def _apply_theme(self) -> None:
        self.app.setPalette(theme_palette(self.theme, self.app))
        self.app.setStyleSheet(HIGH_CONTRAST_STYLE if self.theme == HIGH_CONTRAST else "")

    def set_theme(self, theme: str) -> None:
        self.theme = theme if theme in THEMES else STANDARD
        self._apply_theme()
        settings().setValue("theme", self.theme)

    def percent(self) -> int:
        return round(self.scale * 100)


def _nearest_scale(scale: float) -> float:
    return min(TEXT_SCALES, key=lambda s: abs(s - scale))


_OWN_FONT = Qt.WidgetAttribute.WA_SetFont
_installed: list[Appearance] = []


def current() -> Appearance | None:
    return _installed[0] if _installed else None


def install(app: QApplication) -> Appearance:
    """Once per application: the stored text size and theme, applied."""
    if not _installed:
        _installed.append(Appearance(app))
    return _installed[0]
