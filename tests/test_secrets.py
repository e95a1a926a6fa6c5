"""The token leaks nowhere: not to a log record, a file, an error or a crash report.

A fake token is planted, logging is set up as the application sets it up but
with the root logger at DEBUG and a handler that sees every record before
any filter rewrites it, and the client and the window are driven through
success and every kind of failure. Then every record, exception, message
shown and file written under a temporary home is searched for the token.
"""

import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from orderdesk.api import ApiError, ShopClient
from orderdesk.api.redaction import forget_secret
from orderdesk.crash import install_excepthook
from orderdesk.logging_setup import configure_logging
from orderdesk.models import PaymentUpdate
from orderdesk.settings import Settings
from orderdesk.views import SignInDialog
from orderdesk.views.thumbnails import ThumbnailLoader

from .api.support import FaultServer, http_answer, send
from .views.fault_shop import COMMON_FAULTS, ShopDouble, answer, redirect
from .views.support import (
    WAIT_MS,
    connect,
    field,
    message,
    open_dialog,
    open_window,
    show_order,
)

TOKEN = "leak-canary-7f3a9c2e5b1d4068a1b2"
ORDER_ID = PAYMENT_ID = 2


class Capture(logging.Handler):
    """Keeps every record, formatted with its traceback, before any filter."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Override of `logging.Handler.emit`."""
        parts = [self.format(record), repr(record.msg), repr(record.args)]
        parts += [record.exc_text or "", record.stack_info or ""]
        self.texts.append("\n".join(parts))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home whose platform folders (cache, config, state, data) are fresh."""
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("CACHE", "CONFIG", "STATE", "DATA"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
    return tmp_path


@pytest.fixture
def capture(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Capture]:
    """The application's logging, verbose, with a capturing handler in front."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, logging.getLogger("orderdesk").level)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    handler = Capture()
    configure_logging(verbose=True)
    root.handlers.insert(0, handler)
    root.setLevel(logging.DEBUG)
    yield handler
    for added in root.handlers:
        added.flush()
    root.handlers[:], root.level = saved[0], saved[1]
    logging.getLogger("orderdesk").setLevel(saved[2])
    forget_secret(TOKEN)


@pytest.fixture
def serve() -> Iterator[Any]:
    servers: list[FaultServer] = []

    def start(behaviour: Any) -> FaultServer:
        servers.append(FaultServer(behaviour))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def _client_failures(serve: Any) -> list[ApiError]:
    """Every kind of call against every kind of answer; the errors raised."""
    behaviours: dict[str, Any] = {
        **COMMON_FAULTS,
        "401": send(answer(401, b'{"detail": "Invalid token."}')),
        "403": send(answer(403, b'{"detail": "No."}')),
        "404 page": send(http_answer(404, b"<h1>x</h1>", content_type="text/html")),
        "400 echoing the token": send(
            answer(400, f'{{"amount": ["Token {TOKEN} refused"]}}'.encode())
        ),
        "redirect carrying the token": redirect(302, f"http://evil.invalid/?t={TOKEN}"),
    }
    errors: list[ApiError] = []
    for behaviour in behaviours.values():
        server = serve(behaviour)
        with ShopClient(server.url, TOKEN, timeout=0.3, max_response_bytes=2**18) as c:
            for call in (
                lambda: c.get_order(ORDER_ID),
                lambda: c.list_orders(search="بهروز", is_paid=False),
                c.list_payment_methods,
                lambda: c.update_payment(
                    ORDER_ID, PAYMENT_ID, PaymentUpdate(notes="n")
                ),
                lambda: c.fetch_image("/media/a.jpg"),
                lambda: c.fetch_image("file:///etc/hostname"),
            ):
                try:
                    call()
                except ApiError as error:
                    errors.append(error)
    # TLS spoken to a plain server, and a closed client.
    plain = serve(send(http_answer(200, b"[]")))
    with ShopClient(plain.url.replace("http:", "https:"), TOKEN, timeout=1) as c:
        try:
            c.list_payment_methods()
        except ApiError as error:
            errors.append(error)
    try:
        c.get_order(1)
    except ApiError as error:
        errors.append(error)
    return errors


def _texts_of(widget: QWidget) -> list[str]:
    """Every text a person could read or copy in a widget tree, but the token box."""
    texts = [widget.windowTitle(), widget.toolTip()]
    for label in widget.findChildren(QLabel):
        texts += [label.text(), label.toolTip()]
    for line in widget.findChildren(QLineEdit):
        if line.echoMode() == QLineEdit.EchoMode.Normal:
            texts.append(line.text())
    texts += [box.toPlainText() for box in widget.findChildren(QPlainTextEdit)]
    return texts


def _window_paths(qtbot: QtBot, serve: Any) -> list[str]:
    """Open, save, fail and sign in again in a window; what it showed."""
    shown: list[str] = []

    shop = ShopDouble()
    server = serve(shop)
    with open_window(qtbot, ShopClient(server.url, TOKEN)) as window:
        show_order(qtbot, window, ORDER_ID)
        dialog = open_dialog(window, PAYMENT_ID)
        field(dialog, "notes").setPlainText("یادداشت")
        with qtbot.waitSignal(window.payment_saved, timeout=WAIT_MS):
            dialog.save_button.click()
        shown += [*_texts_of(window), window.statusBar().currentMessage()]

        # The server stops accepting the token: the save asks to sign in.
        shop.patch_fault = send(answer(401, b'{"detail": "Invalid token."}'))
        dialog = open_dialog(window, 1)
        field(dialog, "notes").setPlainText("again")
        dialog.save_button.click()
        qtbot.waitUntil(lambda: window.findChild(SignInDialog) is not None)
        sign_in = window.findChild(SignInDialog)
        assert sign_in is not None
        sign_in.token.setText(TOKEN)
        with qtbot.waitSignal(sign_in.signed_in, timeout=WAIT_MS):
            sign_in.sign_in_button.click()
        shown += [*_texts_of(dialog), message(dialog)]

        images = ThumbnailLoader(window.client, None)
        with qtbot.waitSignal(images.image_ready, timeout=WAIT_MS):
            shown_order = window.order_view.order
            assert shown_order is not None
            assert shown_order.shipping_method_data is not None
            images.pixmap(shown_order.shipping_method_data.image, 64)

    failing = serve(ShopDouble(open_fault=COMMON_FAULTS["HTML 500"]))
    with open_window(qtbot, ShopClient(failing.url, TOKEN)) as window:
        with qtbot.waitSignal(window.order_failed, timeout=WAIT_MS) as failed:
            window.open_order(ORDER_ID)
        shown.append(failed.args[0])

    refusing = serve(send(answer(401, b'{"detail": "Invalid token."}')))
    sign_in = SignInDialog(connect, refusing.url)
    qtbot.addWidget(sign_in)
    sign_in.token.setText(TOKEN)
    sign_in.sign_in_button.click()
    qtbot.waitUntil(lambda: "token" in _texts_of(sign_in)[2].lower(), timeout=WAIT_MS)
    shown += _texts_of(sign_in)
    return shown


def _crash(qtbot: QtBot) -> str:
    """An uncaught exception whose message carries the token."""
    reporter = install_excepthook()
    try:
        raise RuntimeError(f"boom with Authorization: Token {TOKEN}")
    except RuntimeError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    assert reporter.dialog is not None
    qtbot.addWidget(reporter.dialog)
    return reporter.dialog.details.toPlainText()


def _files_under(folder: Path) -> list[Path]:
    return [Path(root) / name for root, _, names in os.walk(folder) for name in names]


def test_the_token_leaks_nowhere(
    qtbot: QtBot, home: Path, capture: Capture, serve: Any
) -> None:
    errors = _client_failures(serve)
    shown = _window_paths(qtbot, serve)
    crash_details = _crash(qtbot)
    settings = Settings(
        QSettings(str(home / "config" / "x.ini"), QSettings.Format.IniFormat)
    )
    settings.remember_server("http://127.0.0.1:1")
    settings.store.sync()

    # The exercise reached its targets: the token was sent, things failed,
    # things were logged, and the application wrote its files.
    assert len(errors) > 60
    assert any("DEBUG" in text or "INFO" in text for text in capture.texts)
    assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
    files = _files_under(home)
    assert any(path.name == "orderdesk.log" for path in files)

    leaks = [text for text in capture.texts if TOKEN in text]
    leaks += [repr(e) for e in errors if TOKEN in f"{e}{e!r}{e.message}{e.path}"]
    leaks += [text for text in shown if TOKEN in text]
    leaks += [crash_details] if TOKEN in crash_details else []
    leaks += [str(path) for path in files if TOKEN.encode() in path.read_bytes()]
    assert leaks == []
