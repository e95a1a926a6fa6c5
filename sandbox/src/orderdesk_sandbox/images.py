"""Generation of the sandbox's image files and their thumbnails with Pillow.

Pure file work: no Django import, so it can be timed and tested on its own.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

logger = logging.getLogger(__name__)

THUMBNAIL_EDGES = (64, 128, 512, 1080)
ORIGINALS_DIR = "core_media"
THUMBNAILS_DIR = "core_media/thumbnails"


@dataclass(frozen=True)
class ImageSpec:
    """What to draw.

    Attributes:
        stem: File name without extension, Latin, unique per database.
        width: Width of the original in pixels.
        height: Height of the original in pixels.
        colour: Background colour as an RGB triple.
        label: A short text (a letter or number) drawn in the middle.
        png: Save as an RGBA PNG instead of an RGB JPEG.
        thumbnails: Whether to make thumbnail files.
    """

    stem: str
    width: int
    height: int
    colour: tuple[int, int, int]
    label: str
    png: bool = False
    thumbnails: bool = True


@dataclass(frozen=True)
class GeneratedImage:
    """The files written for one spec, with paths relative to the media root.

    Attributes:
        path: The original.
        size: Size of the original in bytes.
        width: Width of the original in pixels.
        height: Height of the original in pixels.
        mode: Pillow colour mode of the original.
        thumbnails: (edge in pixels, path) of each thumbnail, smallest first.
    """

    path: str
    size: int
    width: int
    height: int
    mode: str
    thumbnails: tuple[tuple[int, str], ...]


def generate(spec: ImageSpec, media_root: Path) -> GeneratedImage:
    """Draw an image, save it and its thumbnails under the media root.

    Args:
        spec: What to draw.
        media_root: The folder served under /media/.

    Returns:
        Where the files are and what they measure.
    """
    picture = _draw(spec)
    suffix = ".png" if spec.png else ".jpg"
    relative = f"{ORIGINALS_DIR}/{spec.stem}{suffix}"
    target = media_root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    _save(picture, target)

    thumbnails: list[tuple[int, str]] = []
    if spec.thumbnails:
        # Largest first, each made from the previous one: resizing a small
        # copy is much cheaper than resizing the original four times.
        source = picture
        for edge in sorted(THUMBNAIL_EDGES, reverse=True):
            thumb_relative = (
                f"{THUMBNAILS_DIR}/{spec.stem}_thumbnail_{edge}x{edge}{suffix}"
            )
            source = _save_thumbnail(source, edge, media_root / thumb_relative)
            thumbnails.insert(0, (edge, thumb_relative))

    return GeneratedImage(
        path=relative,
        size=target.stat().st_size,
        width=picture.width,
        height=picture.height,
        mode=picture.mode,
        thumbnails=tuple(thumbnails),
    )


def _draw(spec: ImageSpec) -> Image.Image:
    mode = "RGBA" if spec.png else "RGB"
    picture = Image.new(mode, (spec.width, spec.height), spec.colour)
    draw = ImageDraw.Draw(picture)

    # A lighter disc and a darker band make thumbnails recognisable by eye
    # and show whether a client crops, stretches or letterboxes them.
    light = tuple(min(255, c + 80) for c in spec.colour)
    dark = tuple(max(0, c - 70) for c in spec.colour)
    short = min(spec.width, spec.height)
    cx, cy = spec.width // 2, spec.height // 2
    radius = short * 2 // 5
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=light)
    draw.rectangle((0, spec.height - short // 8, spec.width, spec.height), fill=dark)

    font = ImageFont.load_default(size=short // 2)
    draw.text((cx, cy), spec.label, fill=dark, font=font, anchor="mm")
    return picture


def _save(picture: Image.Image, target: Path) -> None:
    if target.suffix == ".png":
        # Fast compression: start-up time matters more than file size here.
        picture.save(target, compress_level=1)
    else:
        picture.save(target, quality=85)


def _save_thumbnail(picture: Image.Image, edge: int, target: Path) -> Image.Image:
    target.parent.mkdir(parents=True, exist_ok=True)
    copy = picture.copy()
    copy.thumbnail((edge, edge), Image.Resampling.LANCZOS)
    _save(copy, target)
    return copy
