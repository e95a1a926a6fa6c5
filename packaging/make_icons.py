"""Render OrderDesk's icon from its SVG source into PNG, ICO and ICNS files.

Run from anywhere after changing `src/orderdesk/resources/icons/orderdesk.svg`::

    uv run python packaging/make_icons.py

and commit what it writes beside the SVG: the PNGs the application sets as
its window icon, `orderdesk.ico` for the Windows build and `orderdesk.icns`
for the macOS build. Builds use the committed files, so they need neither
this script nor a macOS `iconutil`.

Every size is rendered from the vector source by QtSvg rather than scaled
down from one large bitmap, so the small sizes stay sharp. Both containers
hold PNG images, which Windows (since Vista) and macOS (since 10.7) read.
"""

import argparse
import logging
import os
import struct
import sys
from collections.abc import Iterable
from pathlib import Path

# Rendering needs no screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

logger = logging.getLogger("orderdesk.packaging.make_icons")

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "src" / "orderdesk" / "resources" / "icons"
SOURCE = ICON_DIR / "orderdesk.svg"

# The PNGs the window icon is built from: what title bars, task bars and
# docks ask for, on normal and high-density screens.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Windows reads up to 256 px from an ICO; 20 and 40 serve 125% scaling.
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
# ICNS element types holding PNG data, by the pixel edge they hold.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon as PNG bytes, `size` pixels square, transparent around."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 6.12's stubs ask for bytes, its runtime only takes str.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise RuntimeError(f"could not encode the {size} px icon as PNG")
    return bytes(data.data())


def ico_container(images: Iterable[tuple[int, bytes]]) -> bytes:
    """An ICO file holding PNG images, given as (edge in pixels, PNG bytes).

    The layout is ICONDIR, one ICONDIRENTRY per image, then the images.
    An edge of 256 is written as 0, as the format requires.
    """
    entries = list(images)
    header = struct.pack("<HHH", 0, 1, len(entries))
    offset = len(header) + 16 * len(entries)
    directory = b""
    for edge, png in entries:
        byte_edge = 0 if edge >= 256 else edge
        directory += struct.pack(
            "<BBBBHHII", byte_edge, byte_edge, 0, 0, 1, 32, len(png), offset
        )
        offset += len(png)
    return header + directory + b"".join(png for _edge, png in entries)


def icns_container(elements: Iterable[tuple[bytes, bytes]]) -> bytes:
    """An ICNS file from (four-letter type, PNG bytes) elements.

    Each element is its type, its length including the 8-byte header, then
    the data; the file starts with `icns` and the whole length, big-endian.
    """
    body = b"".join(
        kind + struct.pack(">I", len(data) + 8) + data for kind, data in elements
    )
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def make_icons(source: Path = SOURCE, target: Path = ICON_DIR) -> list[Path]:
    """Write every icon file rendered from `source` into `target`.

    Returns:
        The files written.

    Raises:
        RuntimeError: The SVG could not be read or an image not encoded.
    """
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise RuntimeError(f"{source} is not a valid SVG file")
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {s for _k, s in ICNS_TYPES})
    pngs = {size: render(renderer, size) for size in sizes}

    written = []
    for size in PNG_SIZES:
        path = target / f"orderdesk-{size}.png"
        path.write_bytes(pngs[size])
        written.append(path)

    ico = target / "orderdesk.ico"
    ico.write_bytes(ico_container((size, pngs[size]) for size in ICO_SIZES))
    icns = target / "orderdesk.icns"
    icns.write_bytes(icns_container((kind, pngs[size]) for kind, size in ICNS_TYPES))
    written += [ico, icns]
    return written


def main(argv: list[str] | None = None) -> int:
    """Render the icons; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="the SVG")
    parser.add_argument("--target", type=Path, default=ICON_DIR, help="the folder")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    # QImage and QPainter need an application object for fonts and formats.
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    try:
        for path in make_icons(args.source, args.target):
            logger.info("wrote %s", path)
    except RuntimeError as error:
        logger.error("make_icons: %s", error)
        return 1
    finally:
        del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
