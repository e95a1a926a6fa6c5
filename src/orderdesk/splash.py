"""A splash screen, up before the rest of the application is imported.

Importing OrderDesk (pydantic, httpx, keyring, cryptography, the views)
takes most of a second, longer on a slow or busy machine, and the demo
starts its sandbox first; until the first window there was nothing on
screen. `show_splash` needs PySide6 alone, so the splash is up about
150 ms after launch. The composition root closes it when the main window
or the sign-in dialog appears. It carries the icon and the product's
name only: the interface language is not known yet.
"""

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QLabel

logger = logging.getLogger(__name__)

ICON = Path(__file__).resolve().parent / "resources" / "icons" / "orderdesk-128.png"
WIDTH, HEIGHT = 360, 220
NAME = "OrderDesk"
BACKGROUND = QColor("#ffffff")
TEXT = QColor("#1f2933")
BORDER = QColor("#9aa5b1")
TIMEOUT_MS = 8000
"""The splash goes by itself after this, whatever start-up is waiting for
(a keyring that asks to be unlocked, say), so it never hides a prompt for
long or stays on screen after a failed start."""


class Splash(QLabel):
    """A frameless window showing the splash picture, centred on the screen.

    Not a `QSplashScreen`: in Qt 6.12 its `show()` waits up to a second for
    the window manager to report the window exposed, which on some
    desktops (and always headless) costs that whole second.
    """

    def __init__(self, picture: QPixmap) -> None:
        super().__init__(
            None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint
        )
        self.setObjectName("splash")
        self.setPixmap(picture)
        self.setAccessibleName(NAME)
        self.resize(WIDTH, HEIGHT)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            self.move(screen.availableGeometry().center() - self.rect().center())


def show_splash() -> Splash:
    """Show the splash screen now, making the application object if need be.

    Returns:
        The splash, shown; `close` it once a window is up.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    splash = make_splash(app)
    splash.show()
    QTimer.singleShot(TIMEOUT_MS, splash.close)
    # Paint it now: the imports that follow keep the event loop away.
    app.processEvents()
    return splash


def make_splash(app: QApplication) -> Splash:
    """The splash screen for this application's screen, not shown yet."""
    return Splash(splash_picture(app.devicePixelRatio()))


def splash_picture(pixel_ratio: float = 1.0) -> QPixmap:
    """The splash's picture: the icon above the product's name."""
    picture = QPixmap(round(WIDTH * pixel_ratio), round(HEIGHT * pixel_ratio))
    picture.setDevicePixelRatio(pixel_ratio)
    picture.fill(BACKGROUND)

    painter = QPainter(picture)
    # A light desktop would swallow a borderless white card.
    painter.setPen(BORDER)
    painter.drawRect(0, 0, WIDTH - 1, HEIGHT - 1)
    icon = QPixmap(str(ICON))
    if icon.isNull():
        logger.warning("The splash icon %s could not be read", ICON)
    else:
        edge = 112
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(QRect((WIDTH - edge) // 2, 28, edge, edge), icon)
    font = QFont(painter.font())
    font.setPointSizeF(18)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(TEXT)
    painter.drawText(QRect(0, 150, WIDTH, 50), Qt.AlignmentFlag.AlignCenter, NAME)
    painter.end()
    return picture
