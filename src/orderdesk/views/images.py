"""Where table models and widgets get their thumbnails from.

The order view asks an `ImageSource` for a pixmap by image and edge; the
source answers at once with what it has (or nothing) and announces later
arrivals with `image_ready`, so no view ever waits for an image.
"""

from typing import Protocol

from PySide6.QtGui import QPixmap

from orderdesk.models import ImageData


class ImageSource(Protocol):
    """Anything that can hand out thumbnails without blocking."""

    def pixmap(self, image: ImageData | None, edge: int) -> QPixmap | None:
        """The thumbnail of `image` for a square of `edge` logical pixels.

        Returns None while it is loading or when there is none to show.
        """
        ...


class NoImages:
    """An image source that never has an image, for tests and offline use."""

    def pixmap(self, image: ImageData | None, edge: int) -> QPixmap | None:
        """Always None."""
        return None
