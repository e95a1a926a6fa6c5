"""The sign-in dialog's warning about plain http, shown as the address is typed."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from orderdesk.api import ShopClient
from orderdesk.views.sign_in_dialog import SignInDialog, is_plain_http_elsewhere


def never_connect(server: str, token: str) -> ShopClient:
    raise AssertionError("no test here signs in")


@pytest.mark.parametrize(
    ("address", "warned"),
    [
        ("http://shop.example.com", True),
        ("HTTP://Shop.Example.com:8080/", True),
        ("  http://shop.example.com  ", True),
        ("http://192.168.1.10", True),
        ("https://shop.example.com", False),
        ("http://127.0.0.1:8000", False),
        ("http://localhost:8000", False),
        ("http://[::1]:8000", False),
        # Not an address yet, as while it is typed: nothing to judge.
        ("shop.example.com", False),
        ("http://", False),
        ("", False),
    ],
)
def test_plain_http_to_another_machine_is_recognised(
    address: str, warned: bool
) -> None:
    assert is_plain_http_elsewhere(address) is warned


def test_the_warning_follows_the_address_as_it_is_typed(qtbot: QtBot) -> None:
    dialog = SignInDialog(never_connect, "http://shop.example.com")
    qtbot.addWidget(dialog)
    dialog.show()
    warning = dialog.findChild(QLabel, "insecure_server_warning")
    assert isinstance(warning, QLabel)

    shown_at_start = warning.isVisible()
    dialog.server.clear()
    qtbot.keyClicks(dialog.server, "https://shop.example.com")
    shown_for_https = warning.isVisible()
    # The s taken out again: plain http once more.
    dialog.server.setCursorPosition(len("https"))
    qtbot.keyClick(dialog.server, Qt.Key.Key_Backspace)

    assert shown_at_start
    assert not shown_for_https
    assert dialog.server.text() == "http://shop.example.com"
    assert warning.isVisible()
    assert dialog.insecure_warning_shown
    assert "https" in warning.text()


def test_a_local_address_gets_no_warning(qtbot: QtBot) -> None:
    dialog = SignInDialog(never_connect, "http://127.0.0.1:8000")
    qtbot.addWidget(dialog)
    dialog.show()

    assert not dialog.insecure_warning_shown
