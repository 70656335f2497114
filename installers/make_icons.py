"""Draw the app's icons from resources/icons/pa-manager.svg: PNGs at the usual sizes (window, Linux
menus and AppImage), pa-manager.ico (Windows) and pa-manager.icns (macOS).

Run after changing the SVG, and commit what it writes (the builds use the files, not this script):
    QT_QPA_PLATFORM=offscreen .venv/bin/python installers/make_icons.py
Needs only what the app installs already: PySide6 (QtSvg) and Pillow (which ReportLab brings).
"""
from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> None:
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(ICONS / "pa-manager.svg"))
    if not renderer.isValid():
        raise SystemExit("pa-manager.svg could not be read")
    images = {size: render(renderer, size) for size in PNG_SIZES}
    for size, image in images.items():
        image.save(ICONS / f"pa-manager-{size}.png", optimize=True)
    images[256].save(ICONS / "pa-manager.ico", sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[images[s] for s in ICO_SIZES if s != 256])
    # macOS wants 1024 pixels for a 512-point icon on a Retina screen; drawn from the SVG, not enlarged.
    render(renderer, 1024).save(ICONS / "pa-manager.icns",
                                append_images=[images[s] for s in (16, 32, 64, 128, 256, 512)])
    print(f"Wrote {len(PNG_SIZES)} PNGs, pa-manager.ico and pa-manager.icns in {ICONS}")


if __name__ == "__main__":
    main()
