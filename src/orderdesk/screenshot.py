"""`--screenshot`: a picture of the window once the order is shown."""

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from orderdesk.views.main_window import MainWindow
from orderdesk.views.thumbnails import ThumbnailLoader

logger = logging.getLogger(__name__)

# Thumbnails get this long to arrive before the picture is taken anyway.
IMAGE_GRACE_MS = 4000
# A start that shows nothing at all within this time is a failure.
OVERALL_TIMEOUT_MS = 90_000


class ScreenshotTaker(QObject):
    """Saves the window as PNG after the order has painted, then quits.

    The application's exit code is 0 when the picture was saved and 1 with a
    one-line reason on standard error otherwise.
    """

    def __init__(
        self,
        window: MainWindow,
        path: Path,
        images: ThumbnailLoader | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._path = path
        self._images = images
        self._done = False
        window.order_loaded.connect(self._on_order_loaded)
        window.order_failed.connect(self.fail)
        QTimer.singleShot(OVERALL_TIMEOUT_MS, lambda: self.fail("timed out"))

    def fail(self, reason: str) -> None:
        """Give up with a reason on standard error and a non-zero exit."""
        if self._done:
            return
        self._done = True
        print(f"orderdesk: no screenshot: {reason}", file=sys.stderr)
        QApplication.exit(1)

    def _on_order_loaded(self) -> None:
        images = self._images
        if images is not None and images.loading:
            images.idle.connect(self._after_paint)
            QTimer.singleShot(IMAGE_GRACE_MS, self._after_paint)
        else:
            self._after_paint()

    def _after_paint(self) -> None:
        # Let the view lay out and paint what just arrived before grabbing.
        QTimer.singleShot(200, self._save)

    def _save(self) -> None:
        if self._done:
            return
        self._done = True
        picture = self._window.grab()
        if not picture.save(str(self._path), "PNG"):
            print(f"orderdesk: cannot write {self._path}", file=sys.stderr)
            QApplication.exit(1)
            return
        logger.info("Screenshot saved to %s", self._path)
        QApplication.exit(0)
