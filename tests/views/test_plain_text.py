"""Every string from the server is shown as plain text and reorders nothing.

A window is filled, through its client, with an order whose every string
(names, notes, keys, methods, places, extra data, product snapshots, the
lists' rows) holds markup, an image tag pointing at a listening socket,
bidi override characters and ten thousand characters. Then every widget and
every item of every view is walked: no label may take that text for rich
text, no tooltip may carry raw markup, no override character may reach the
screen outside an input, and the image is never fetched.
"""

import json
import socket
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as QtGuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from orderdesk.api import ShopClient
from orderdesk.models import Order
from orderdesk.views import MainWindow, PaymentDialog
from orderdesk.views.order_page import order_html

from ..api.support import TOKEN
from .fault_shop import EXAMPLE
from .support import ENGLISH, WAIT_MS, open_dialog, show_order

OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e")
LONG = 10_000


class Listener:
    """A socket on 127.0.0.1 that notes every connection made to it."""

    def __init__(self) -> None:
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.05)
        self.port: int = self._socket.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._socket.accept()
            except TimeoutError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        """Stop listening."""
        self._stop.set()
        self._thread.join(timeout=2)
        self._socket.close()


def hostile(port: int, tag: str) -> str:
    """Text that is markup, fetches an image, overrides direction, and is long."""
    return (
        f"<img src=http://127.0.0.1:{port}/{tag}.png><b>{tag}</b>"
        f"\u202eevil\u202d \u2066<i>x</i> " + "ب" * LONG
    )


def hostile_order(port: int) -> dict[str, Any]:
    """The example order with a hostile string in every string field."""

    def spoil(value: Any, path: str) -> Any:
        if isinstance(value, dict):
            return {k: spoil(v, f"{path}.{k}") for k, v in value.items()}
        if isinstance(value, list):
            return [spoil(v, f"{path}.{i}") for i, v in enumerate(value)]
        if isinstance(value, str) and not value.startswith("http"):
            return hostile(port, path)
        return value

    order: dict[str, Any] = spoil(json.loads(json.dumps(EXAMPLE)), "order")
    for key in ("created_at", "updated_at"):
        order[key] = EXAMPLE[key]
    for payment, original in zip(order["payments"], EXAMPLE["payments"], strict=True):
        payment["created_at"] = original["created_at"]
        payment["updated_at"] = original["updated_at"]
    order["billing_national_code"] = hostile(port, "national_code")
    order["extra"] = {
        hostile(port, "extra_key"): hostile(port, "extra_value"),
        "nested": {"list": [hostile(port, "extra_list")]},
    }
    order["items"] = [
        {
            "id": 7,
            "product": 70,
            "product_name": hostile(port, "product_name"),
            "product_data": {
                "name": hostile(port, "snapshot_name"),
                hostile(port, "snapshot_key"): [hostile(port, "snapshot_list")],
            },
            "unit_price": 1000,
            "quantity": 2,
            "notes": hostile(port, "item_notes"),
            "subtotal": 2000,
            "total": 2000,
        }
    ]
    order["status"] = hostile(port, "status")
    return order


@pytest.fixture
def listener() -> Iterator[Listener]:
    listening = Listener()
    yield listening
    listening.close()


@pytest.fixture
def window(qtbot: QtBot, listener: Listener) -> Iterator[MainWindow]:
    order = hostile_order(listener.port)
    methods = [
        {"id": 1, "name": hostile(listener.port, "method_1"), "image": None},
        {"id": 2, "name": hostile(listener.port, "method_2"), "image": None},
    ]

    def server(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.startswith("/api/payment-methods/"):
            return httpx.Response(200, json=methods)
        if path == "/api/orders/":
            page = {"count": 1, "next": None, "previous": None, "results": [order]}
            return httpx.Response(200, json=page)
        if path.startswith("/api/orders/"):
            return httpx.Response(200, json=order)
        return httpx.Response(404, json={"detail": hostile(listener.port, "detail")})

    client = ShopClient(
        "http://127.0.0.1:8000", TOKEN, transport=httpx.MockTransport(server)
    )
    shown = MainWindow(client, ENGLISH)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()
    client.close()


def _model_texts(model: QAbstractItemModel) -> Iterator[tuple[str, Any]]:
    """Every display text and tooltip of a model, its children included."""

    def walk(parent: QModelIndex) -> Iterator[tuple[str, Any]]:
        for row in range(min(model.rowCount(parent), 200)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                yield "display", index.data(Qt.ItemDataRole.DisplayRole)
                yield "tooltip", index.data(Qt.ItemDataRole.ToolTipRole)
                if column == 0 and model.rowCount(index) > 0:
                    yield from walk(index)

    yield from walk(QModelIndex())
    for column in range(model.columnCount()):
        yield (
            "tooltip",
            model.headerData(
                column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
            ),
        )


def _raw_markup(text: str) -> bool:
    return "<img" in text or "<b>" in text or "<i>" in text


def _holes(root: QWidget) -> list[str]:
    """Where server text could be taken for markup or reorder its neighbours."""
    holes: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]

    def shown(where: str, text: Any) -> None:
        if isinstance(text, str) and OVERRIDES & set(text):
            holes.append(f"{where}: a bidi override reaches the screen")

    for widget in widgets:
        name = f"{type(widget).__name__}({widget.objectName()})"
        tip = widget.toolTip()
        if _raw_markup(tip):
            holes.append(f"{name}: tooltip carries raw markup")
        shown(f"{name} title", widget.windowTitle())
        if isinstance(widget, QLabel):
            rich = QtGuiQt.mightBeRichText(widget.text())
            if widget.textFormat() != Qt.TextFormat.PlainText and rich:
                holes.append(f"{name}: label may render {widget.text()[:40]!r}")
            shown(name, widget.text())
        if isinstance(widget, QTextEdit) and widget.acceptRichText():
            holes.append(f"{name}: a QTextEdit that accepts rich text")
        if isinstance(widget, QAbstractButton):
            shown(name, widget.text())
        if isinstance(widget, QGroupBox):
            shown(name, widget.title())
        if isinstance(widget, QTabWidget):
            for tab in range(widget.count()):
                shown(f"{name} tab", widget.tabText(tab))
                if _raw_markup(widget.tabToolTip(tab)):
                    holes.append(f"{name}: tab tooltip carries raw markup")
        if isinstance(widget, QComboBox):
            for item in range(widget.count()):
                shown(f"{name} item", widget.itemText(item))
        if isinstance(widget, QPlainTextEdit) and widget.isReadOnly():
            # Read-only boxes show server text; inputs keep what the server
            # holds so that saving never changes it behind the cashier's back.
            shown(name, widget.toPlainText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for role, value in _model_texts(widget.model()):
                if role == "tooltip" and isinstance(value, str) and _raw_markup(value):
                    holes.append(f"{name}: an item tooltip carries raw markup")
                if role == "display":
                    shown(f"{name} cell", value)
    return holes


def test_a_hostile_order_is_shown_as_plain_text(
    qtbot: QtBot, window: MainWindow, listener: Listener
) -> None:
    order = show_order(qtbot, window, 2)
    dialog: PaymentDialog = open_dialog(window, 2)
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=WAIT_MS)
    # Paint everything once, so delegates and lazy widgets do their work.
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.grab()

    assert order.payments
    assert _holes(window) == []
    assert _holes(dialog) == []
    assert listener.connections == 0

    texts = [label.text() for label in window.findChildren(QLabel)]

    # Cleaned of overrides and isolated, but shown: nothing is hidden.
    assert any("<img src=" in text and "evil" in text for text in texts)
    assert any(len(text) > LONG for text in texts)
    key = window.findChild(QLabel, "order_key")
    assert key is not None
    assert key.text().startswith("\u200e\u2066<img")
    assert key.text().endswith("\u2069")
    # The dialog's inputs keep the server's text as it is, to be edited; the
    # window's own fields (search, order id) never receive any.
    line_edits = [
        line.text()
        for line in window.findChildren(QLineEdit)
        if not dialog.isAncestorOf(line)
    ]
    assert all(not OVERRIDES & set(text) for text in line_edits)


def test_the_printed_order_shows_server_markup_as_text(
    qapp: QApplication, listener: Listener
) -> None:
    order = Order.model_validate(hostile_order(listener.port))

    page = order_html(order, ENGLISH)
    document = QTextDocument()
    document.setHtml(page)

    assert f"<img src=http://127.0.0.1:{listener.port}" not in page
    assert f"<img src=http://127.0.0.1:{listener.port}" in document.toPlainText()
    assert not OVERRIDES & set(document.toPlainText())
    assert listener.connections == 0
