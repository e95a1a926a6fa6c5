"""Helpers of the view tests: a window on a real sandbox, and dialog access."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import httpx
from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
)
from pytestqt.qtbot import QtBot

from orderdesk.api import ShopClient
from orderdesk.models import ImageData, Order, OrderPayment
from orderdesk.views import MainWindow, PaymentDialog
from orderdesk.views.formatting import Formatter
from orderdesk.views.items_model import snapshot_image
from orderdesk.views.order_view import OrderView

from ..api.support import TOKEN

ENGLISH = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
WAIT_MS = 15_000

T = TypeVar("T", bound=QObject)


def connect(server: str, token: str) -> ShopClient:
    """Sign in for real: the token is checked with a call."""
    client = ShopClient(server, token)
    client.list_payment_methods()
    return client


def _no_server(request: httpx.Request) -> httpx.Response:
    # No socket is ever opened: the address asked for may not be this machine.
    return httpx.Response(200, json=[])


def offline_client(url: str, *, allow_insecure_http: bool = False) -> ShopClient:
    """A client of `url` answered in process: every call returns an empty list."""
    return ShopClient(
        url,
        TOKEN,
        allow_insecure_http=allow_insecure_http,
        transport=httpx.MockTransport(_no_server),
    )


@contextmanager
def open_window(qtbot: QtBot, client: ShopClient) -> Iterator[MainWindow]:
    """A shown main window on a client; closed with the client afterwards."""
    window = MainWindow(client, ENGLISH, connect=connect)
    qtbot.addWidget(window)
    window.show()
    try:
        yield window
    finally:
        window.close()
        client.close()


def show_order(qtbot: QtBot, window: MainWindow, order_id: int) -> Order:
    """Open an order and wait until it is shown."""
    with qtbot.waitSignal(window.order_loaded, timeout=WAIT_MS) as loaded:
        window.open_order(order_id)
    order: Order = loaded.args[0]
    return order


def order_with_unapproved_payment(
    qtbot: QtBot, window: MainWindow
) -> tuple[Order, OrderPayment]:
    """The first sandbox order that has a payment waiting for approval."""
    for order_id in range(1, 40):
        order = show_order(qtbot, window, order_id)
        waiting = [p for p in order.payments if not p.approved]
        if waiting:
            return order, waiting[0]
    raise AssertionError("the sandbox has no order with an unapproved payment")


def open_dialog(window: MainWindow, payment_id: int) -> PaymentDialog:
    """Open the payment dialog of a shown payment."""
    window.edit_payment(payment_id)
    dialogs = [d for d in window.findChildren(PaymentDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def field(dialog: PaymentDialog, name: str) -> Any:
    """An input or label of the dialog by object name."""
    for kind in (QLineEdit, QPlainTextEdit, QCheckBox, QLabel):
        found = dialog.findChild(kind, name)
        if found is not None:
            return found
    raise AssertionError(f"no widget named {name}")


def child(parent: QObject, kind: type[T], name: str) -> T:
    """A child widget that must exist."""
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name}"
    return found


def message(dialog: PaymentDialog) -> str:
    """The text shown above the dialog's buttons."""
    label: QLabel = field(dialog, "dialog_message")
    return label.text()


def order_view_of(window: QMainWindow) -> OrderView:
    """The order view a test window holds as its central widget."""
    view = window.centralWidget()
    assert isinstance(view, OrderView)
    return view


def two_pictures(client: ShopClient, edge: int) -> list[ImageData]:
    """Two pictures of the sandbox's first order with thumbnails at `edge`."""
    order = client.get_order(1)
    pictures = [snapshot_image(item.product_data) for item in order.items]
    found = [p for p in pictures if p is not None and p.thumbnail_url(edge, 1.0)]
    assert len(found) >= 2
    return found[:2]
