"""Thumbnails loaded in the background: memory first, then disk, then server.

Decoding happens on the pool thread into a `QImage` (safe off the UI thread);
only the conversion to `QPixmap` happens on the UI thread. Images are capped
in bytes, in pixels and in the memory the decoder may allocate, so a hostile
or broken file cannot stall or exhaust the desk. An image with no thumbnail
small enough is decoded at the size it is shown at, not at its own.
"""

import logging
from typing import NamedTuple, Protocol

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QImageReader,
    QPainter,
    QPixmap,
)

from orderdesk.api import ShopClient
from orderdesk.models import ImageData
from orderdesk.views.bounded_cache import BoundedCache
from orderdesk.views.tasks import TaskRunner

logger = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 8 * 1024 * 1024
MAX_IMAGE_PIXELS = 4096 * 4096
DECODER_LIMIT_MB = 128
PLACEHOLDER_COLOUR = QColor("#c9ced6")
# Decoded thumbnails and their scaled pixmaps kept in memory: a long
# session of many orders would otherwise keep every picture it ever
# showed. Beyond these, the least recently used are read again from the
# disk cache when next shown.
IMAGE_MEMORY_BYTES = 48 * 1024 * 1024
PIXMAP_MEMORY_BYTES = 32 * 1024 * 1024
# Images are decoded to fit a square of at least this many physical pixels:
# a method whose only picture is its 1200 x 1200 original then keeps 256 KB
# instead of 5.5 MB, and one decoding serves every icon up to 48 px at a
# device pixel ratio of 5.
DECODED_EDGE_FLOOR = 256


class ThumbnailCache(Protocol):
    """Where thumbnail files are kept between runs (`OrderStore`)."""

    def get_thumbnail(self, url: str) -> bytes | None:
        """The kept file of a thumbnail URL, if any."""
        ...

    def save_thumbnail(self, url: str, data: bytes) -> None:
        """Keep the file of a thumbnail URL."""
        ...


class ImageRefused(ValueError):
    """An image was too large or could not be decoded."""


class _Decoded(NamedTuple):
    """A decoded image, and the square it was reduced to fit (None: whole)."""

    image: QImage
    reduced_to: int | None

    def serves(self, physical_edge: int) -> bool:
        """Whether it is sharp in a square of `physical_edge` pixels."""
        return self.reduced_to is None or physical_edge <= self.reduced_to


class ThumbnailLoader(QObject):
    """An `ImageSource` that fetches thumbnails without blocking the UI.

    Args:
        client: Fetches image bytes from the server's own origin.
        cache: The disk cache (the offline store); None keeps images in
            memory only, as when there is no secure keyring.
        parent: The owning object.

    Signals:
        image_ready(str): The thumbnail at this URL has arrived.
        idle(): No thumbnail is loading any more.
    """

    image_ready = Signal(str)
    idle = Signal()

    def __init__(
        self,
        client: ShopClient,
        cache: ThumbnailCache | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._cache = cache
        self._images = BoundedCache[str, _Decoded](IMAGE_MEMORY_BYTES, _decoded_bytes)
        self._pixmaps = BoundedCache[tuple[str, int], QPixmap](
            PIXMAP_MEMORY_BYTES, _pixmap_bytes
        )
        self._failed: set[str] = set()
        self._loading: set[str] = set()
        # Loads asked for while Qt paints (or while an order is being shown)
        # start once control is back in the event loop: a pool thread started
        # mid-paint takes the GIL from the paint's every call into Python.
        self._queued: dict[str, int] = {}
        self._start_queued = QTimer(self)
        self._start_queued.setSingleShot(True)
        self._start_queued.setInterval(0)
        self._start_queued.timeout.connect(self._on_start_queued)
        self._placeholders: dict[int, QPixmap] = {}
        self._runner = TaskRunner(self)
        self._runner.busy_changed.connect(self._on_busy_changed)

    @property
    def loading(self) -> bool:
        """Whether any thumbnail is still on its way."""
        return bool(self._loading)

    @property
    def memory_bytes(self) -> int:
        """About what the decoded images and their pixmaps take in memory."""
        return self._images.total + self._pixmaps.total

    def pixmap(self, image: ImageData | None, edge: int) -> QPixmap | None:
        """The best thumbnail for a square of `edge` pixels, or a placeholder.

        A missing image or one that failed to load shows a placeholder; one
        still loading shows the placeholder too, and `image_ready` follows.
        """
        if image is None:
            return self._placeholder(edge)
        url = image.thumbnail_url(edge, _device_pixel_ratio())
        if not url or url in self._failed:
            return self._placeholder(edge)

        pixmap = self._pixmaps.get((url, edge))
        if pixmap is not None:
            return pixmap
        physical = round(edge * _device_pixel_ratio())
        loaded = self._images.get(url)
        if loaded is not None and loaded.serves(physical):
            pixmap = _fitted(loaded.image, edge)
            self._pixmaps.put((url, edge), pixmap)
            return pixmap

        # Not loaded, or reduced for smaller squares than this one.
        if url not in self._loading:
            self._start(url, max(physical, DECODED_EDGE_FLOOR))
        return self._placeholder(edge)

    def set_cache(self, cache: ThumbnailCache | None) -> None:
        """Use a disk cache from now on (once the offline store is open)."""
        self._cache = cache

    def cancel(self) -> None:
        """Drop every load queued or in flight, as when the window closes.

        A picture asked for again afterwards is loaded again.
        """
        self._start_queued.stop()
        self._loading.clear()
        self._queued = {}
        self._runner.cancel_all()

    def _start(self, url: str, fit: int) -> None:
        self._loading.add(url)
        self._queued[url] = fit
        self._start_queued.start()

    def _on_start_queued(self) -> None:
        queued, self._queued = self._queued, {}
        for url, fit in queued.items():
            self._run_load(url, fit)

    def _run_load(self, url: str, fit: int) -> None:
        self._runner.run(
            lambda: self._load(url, fit),
            lambda decoded: self._on_loaded(url, decoded),
            lambda error: self._on_failed(url, error),
        )

    def _load(self, url: str, fit: int) -> _Decoded:
        """Runs on a pool thread: disk cache, else the server; then decode."""
        cache = self._cache
        cached = cache.get_thumbnail(url) if cache is not None else None
        if cached is not None:
            try:
                return _decoded(cached, fit)
            except ImageRefused:
                logger.warning("A cached thumbnail could not be read; fetching it")

        data = self._client.fetch_image(url, max_bytes=MAX_IMAGE_BYTES)
        decoded = _decoded(data, fit)
        if cache is not None:
            cache.save_thumbnail(url, data)
        return decoded

    def _on_loaded(self, url: str, decoded: _Decoded) -> None:
        self._loading.discard(url)
        self._images.put(url, decoded)
        self.image_ready.emit(url)

    def _on_failed(self, url: str, error: Exception) -> None:
        self._loading.discard(url)
        self._failed.add(url)
        # The URL can carry file names that say something of the shop; the
        # path is enough for an operator and the host is the server's own.
        logger.warning(
            "Thumbnail not loaded (%s): %s", type(error).__name__, url.split("?")[0]
        )
        self.image_ready.emit(url)

    def _on_busy_changed(self, busy: bool) -> None:
        if not busy and not self._queued:
            self.idle.emit()

    def _placeholder(self, edge: int) -> QPixmap:
        pixmap = self._placeholders.get(edge)
        if pixmap is None:
            pixmap = QPixmap(edge, edge)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(PLACEHOLDER_COLOUR)
            painter.drawRoundedRect(2, 2, edge - 4, edge - 4, 4, 4)
            painter.end()
            self._placeholders[edge] = pixmap
        return pixmap


def decode_image(data: bytes, fit: int | None = None) -> QImage:
    """Decode image bytes with size and memory caps.

    Args:
        data: The image file's bytes.
        fit: Decode no larger than a square of this many pixels, keeping the
            aspect ratio (JPEG decodes straight at the smaller size); None
            decodes the whole image.

    Raises:
        ImageRefused: The image is too large or cannot be decoded.
    """
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageRefused("image file too large")

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAllocationLimit(DECODER_LIMIT_MB)
    size: QSize = reader.size()
    if not size.isValid() or size.width() * size.height() > MAX_IMAGE_PIXELS:
        raise ImageRefused("image dimensions missing or too large")
    if fit is not None and max(size.width(), size.height()) > fit:
        scaled = size.scaled(fit, fit, Qt.AspectRatioMode.KeepAspectRatio)
        # A sliver of an image would scale to no pixels at all across.
        reader.setScaledSize(scaled.expandedTo(QSize(1, 1)))

    image = reader.read()
    if image.isNull():
        raise ImageRefused(f"image not decoded: {reader.errorString()}")
    return image


def _decoded(data: bytes, fit: int) -> _Decoded:
    image = decode_image(data, fit)
    whole = max(image.width(), image.height()) < fit
    return _Decoded(image, None if whole else fit)


def _decoded_bytes(decoded: _Decoded) -> int:
    return decoded.image.sizeInBytes()


def _fitted(image: QImage, edge: int) -> QPixmap:
    """The image scaled to fit a square of `edge` logical pixels, sharp on HiDPI."""
    ratio = _device_pixel_ratio()
    physical = round(edge * ratio)
    scaled = image.scaled(
        physical,
        physical,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    pixmap = QPixmap.fromImage(scaled)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def _pixmap_bytes(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * max(pixmap.depth(), 8) // 8


def _device_pixel_ratio() -> float:
    screen = QGuiApplication.primaryScreen()
    return screen.devicePixelRatio() if screen is not None else 1.0
