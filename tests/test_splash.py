"""The splash screen: up at once, gone when a window takes its place."""

import gc
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt, QThreadPool
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from orderdesk import app as composition
from orderdesk import splash as splash_module
from orderdesk.api import ShopClient
from orderdesk.cli import parse_options
from orderdesk.demo import SandboxInfo
from orderdesk.settings import Settings
from orderdesk.splash import Splash, show_splash
from orderdesk.views.formatting import Formatter
from orderdesk.views.main_window import MainWindow
from orderdesk.views.sign_in_dialog import SignInDialog


@pytest.fixture
def splash(qapp: QApplication) -> Iterator[Splash]:
    shown = show_splash()
    yield shown
    shown.close()
    shown.deleteLater()


def context_with(splash: Splash, tmp_path: Path, *args: str) -> composition.Context:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    formatter = Formatter(QLocale(QLocale.Language.English))
    return composition.Context(
        parse_options(list(args)), settings, formatter, ExitStack(), splash
    )


def test_the_splash_is_a_centred_frameless_picture(splash: Splash) -> None:
    assert splash.isVisible()
    assert splash.windowFlags() & Qt.WindowType.SplashScreen
    assert splash.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert not splash.pixmap().isNull()
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    centre = screen.availableGeometry().center()
    assert (splash.geometry().center() - centre).manhattanLength() <= 2


def test_the_splash_goes_by_itself_after_a_while(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(splash_module, "TIMEOUT_MS", 50)
    shown = show_splash()

    assert shown.isVisible()
    qtbot.waitUntil(lambda: not shown.isVisible(), timeout=2000)
    shown.deleteLater()


def test_the_sign_in_dialog_takes_the_splash_s_place(
    qtbot: QtBot, splash: Splash, tmp_path: Path
) -> None:
    startup = composition.Startup(context_with(splash, tmp_path))

    startup.begin()

    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog)]
    assert [d.isVisible() for d in dialogs] == [True]
    assert not splash.isVisible()
    dialogs[0].hide()
    dialogs[0].deleteLater()


def test_the_main_window_takes_the_splash_s_place(
    qtbot: QtBot, splash: Splash, tmp_path: Path, sandbox: SandboxInfo
) -> None:
    context = context_with(splash, tmp_path, "--lang", "en")
    client = ShopClient(sandbox.url, sandbox.tokens["cashier"])

    with context.resources:
        window, _images = composition._open_window(
            context, client, composition.connect_and_keep
        )
        qtbot.addWidget(window)

        assert isinstance(window, MainWindow)
        assert window.isVisible()
        assert not splash.isVisible()
        # The first page of orders loads at start; let it end before closing.
        model = window.orders_list.model
        qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
        window.close()
        QThreadPool.globalInstance().waitForDone(10_000)
    # Opening the window froze the suite's objects (views.garbage).
    assert gc.get_freeze_count() > 0
    gc.unfreeze()


def test_orderdesk_help_needs_no_window() -> None:
    finished = subprocess.run(
        [sys.executable, "-m", "orderdesk", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert finished.returncode == 0
    assert "--offline" in finished.stdout
