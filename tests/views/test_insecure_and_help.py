"""Plain http only when asked for, and then in sight; the Help menu's log folder."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from orderdesk.api import InsecureConnectionRefused, ShopClient
from orderdesk.app import connect_and_keep
from orderdesk.cli import parse_options
from orderdesk.views import MainWindow

from ..api.support import TOKEN
from .support import ENGLISH, child, offline_client

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[MakeWindow]:
    windows: list[MainWindow] = []

    def make(url: str, *, allow: bool = False) -> MainWindow:
        window = MainWindow(offline_client(url, allow_insecure_http=allow), ENGLISH)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def test_plain_http_elsewhere_needs_the_option() -> None:
    assert parse_options([]).allow_insecure_http is False
    assert parse_options(["--allow-insecure-http"]).allow_insecure_http is True
    with pytest.raises(InsecureConnectionRefused):
        ShopClient("http://shop.example", TOKEN)
    with pytest.raises(InsecureConnectionRefused):
        connect_and_keep("http://shop.example", TOKEN)


@pytest.mark.parametrize(
    ("url", "allow", "warned"),
    [
        ("http://shop.example:8000", True, True),
        ("http://127.0.0.1:8000", False, False),
        ("http://localhost:8000", False, False),
        ("https://shop.example", False, False),
    ],
)
def test_the_window_warns_of_plain_http_to_another_machine(
    make_window: MakeWindow, url: str, allow: bool, warned: bool
) -> None:
    window = make_window(url, allow=allow)

    notice = child(window, QLabel, "insecure_connection")
    assert notice.isVisible() is warned
    assert notice.text() == "Plain http: this connection is not encrypted"


class _Opened(QObject):
    """Receives the URLs that QDesktopServices would hand to the system."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_help_opens_the_log_folder(
    make_window: MakeWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    window = make_window("http://127.0.0.1:8000")
    opened = _Opened()
    # PySide6's stubs ask for bytes; at run time only a str is accepted.
    QDesktopServices.setUrlHandler("file", opened, "open")  # type: ignore[arg-type]
    try:
        action = child(window, QAction, "open_log_folder")
        assert action in window.help_menu.actions()
        action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")

    assert len(opened.urls) == 1
    folder = Path(opened.urls[0].toLocalFile())
    assert folder.is_dir()
    assert folder.is_relative_to(tmp_path)
