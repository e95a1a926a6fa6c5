"""Images attached to methods and product snapshots, and their thumbnails."""

import re

from pydantic import Field

from orderdesk.models.base import ApiDocument, Text

# Thumbnail edges are at most a few thousand pixels; a larger `size` can only
# be the byte count that the API table documents.
_MAX_PLAUSIBLE_EDGE = 4096
_EDGE_IN_NAME = re.compile(r"(\d{2,4})x(\d{2,4})(?:\.[A-Za-z0-9]+)?$")


class Thumbnail(ApiDocument):
    """One thumbnail of an image.

    Attributes:
        id: The thumbnail's id.
        f: Absolute URL of the thumbnail file.
        size: Edge in pixels as the server really sends it (64, 128, ...); the
            documentation calls it bytes, so `edge` tolerates both meanings.
    """

    id: int
    f: str
    size: int | None = None

    @property
    def edge(self) -> int | None:
        """The thumbnail's edge in pixels, or None when it cannot be told."""
        if self.size is not None and 0 < self.size <= _MAX_PLAUSIBLE_EDGE:
            return self.size

        match = _EDGE_IN_NAME.search(self.f.split("?", 1)[0])
        if match:
            return max(int(match.group(1)), int(match.group(2)))
        return None


class ImageData(ApiDocument):
    """An uploaded image and its thumbnails.

    `type` is "image" on the real server although the documentation suggests a
    MIME type, and `thumbnails` may be missing entirely.
    """

    id: int
    type: Text = ""
    name: Text = ""
    size: int | None = None
    human_readable_size: Text = ""
    f: Text = ""
    width: int | None = None
    height: int | None = None
    mode: Text = ""
    thumbnails: list[Thumbnail] = Field(default_factory=list)

    def thumbnail_url(self, logical_edge: int, device_pixel_ratio: float = 1.0) -> str:
        """Choose the URL that best fills a square of the given size.

        Args:
            logical_edge: Edge of the place the image is drawn in, in
                device-independent pixels.
            device_pixel_ratio: The screen's ratio of physical to logical pixels.

        Returns:
            The smallest thumbnail at least as large as the physical edge, else
            the largest thumbnail, else the original file's URL (may be empty).
        """
        wanted = logical_edge * max(device_pixel_ratio, 1.0)
        sized = [(t.edge, t) for t in self.thumbnails if t.edge is not None]
        large_enough = [pair for pair in sized if pair[0] >= wanted]
        if large_enough:
            return min(large_enough, key=lambda pair: pair[0])[1].f
        if sized:
            return max(sized, key=lambda pair: pair[0])[1].f
        if self.thumbnails:
            return self.thumbnails[0].f
        return self.f
