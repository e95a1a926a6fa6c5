"""The status bar's connection widgets: busy, the server, and plain http."""

import threading

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from orderdesk.views.connection_status import INSECURE_STYLE, ConnectionStatus
from orderdesk.views.tasks import TaskRunner

from .support import WAIT_MS, child, offline_client

PLAIN_ELSEWHERE = "http://shop.example:8000"


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    shown = QMainWindow()
    qtbot.addWidget(shown)
    # Made before the window is shown, as MainWindow makes it, so it shows too.
    shown.statusBar()
    shown.show()
    return shown


@pytest.mark.parametrize(
    ("url", "allow", "warned"),
    [
        (PLAIN_ELSEWHERE, True, True),
        ("http://127.0.0.1:8000", False, False),
        ("http://localhost:8000", False, False),
        ("https://shop.example", False, False),
    ],
)
def test_the_notice_shows_only_for_plain_http_to_another_machine(
    window: QMainWindow, url: str, allow: bool, warned: bool
) -> None:
    client = offline_client(url, allow_insecure_http=allow)

    status = ConnectionStatus(window.statusBar(), client)

    notice = child(window, QLabel, "insecure_connection")
    assert notice is status.insecure
    assert notice.isVisible() is warned
    assert notice.styleSheet() == INSECURE_STYLE
    assert status.server.text() == client.base_url
    assert status.server.isVisible()


def test_another_client_replaces_server_and_notice(window: QMainWindow) -> None:
    status = ConnectionStatus(
        window.statusBar(), offline_client(PLAIN_ELSEWHERE, allow_insecure_http=True)
    )
    secure = offline_client("https://shop.example")

    status.show_client(secure)

    assert status.server.text() == secure.base_url
    assert not status.insecure.isVisible()

    status.show_client(offline_client(PLAIN_ELSEWHERE, allow_insecure_http=True))

    assert status.insecure.isVisible()


def test_the_busy_bar_follows_the_calls_in_flight(
    qtbot: QtBot, window: QMainWindow
) -> None:
    status = ConnectionStatus(
        window.statusBar(), offline_client("https://shop.example")
    )
    runner = TaskRunner(window)
    runner.busy_changed.connect(status.set_busy)
    release = threading.Event()
    results: list[bool] = []
    errors: list[Exception] = []
    assert not status.busy.isVisible()

    runner.run(lambda: release.wait(WAIT_MS / 1000), results.append, errors.append)

    assert status.busy.isVisible()

    release.set()
    qtbot.waitUntil(lambda: results == [True], timeout=WAIT_MS)

    assert errors == []
    assert not status.busy.isVisible()
