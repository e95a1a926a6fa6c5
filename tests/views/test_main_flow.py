"""The whole path against a real sandbox server: open, edit, save, refresh."""

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from orderdesk.api import ShopClient
from orderdesk.demo import SandboxInfo
from orderdesk.models import Order
from orderdesk.views import MainWindow, PaymentDialog
from orderdesk.views.formatting import Formatter

from .support import child

pytestmark = pytest.mark.integration

ENGLISH = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
WAIT_MS = 15_000


class RecordingTransport(httpx.BaseTransport):
    """A real HTTP transport that also keeps what each request sent."""

    def __init__(self) -> None:
        self._inner = httpx.HTTPTransport()
        self.sent: list[tuple[str, str, bytes]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append((request.method, request.url.path, request.read()))
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


@pytest.fixture
def transport() -> RecordingTransport:
    return RecordingTransport()


@pytest.fixture
def window(
    qtbot: QtBot, fresh_sandbox: SandboxInfo, transport: RecordingTransport
) -> Iterator[MainWindow]:
    client = ShopClient(
        fresh_sandbox.url, fresh_sandbox.tokens["cashier"], transport=transport
    )
    shown = MainWindow(client, ENGLISH)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()
    client.close()


def open_order_with_unapproved_payment(qtbot: QtBot, window: MainWindow) -> Order:
    for order_id in range(1, 30):
        with qtbot.waitSignal(window.order_loaded, timeout=WAIT_MS) as loaded:
            window.open_order(order_id)
        order: Order = loaded.args[0]
        if any(not p.approved for p in order.payments):
            return order
    pytest.fail("the sandbox has no order with an unapproved payment")


def test_edit_a_payment_and_see_the_new_balance(
    qtbot: QtBot, window: MainWindow, transport: RecordingTransport
) -> None:
    order = open_order_with_unapproved_payment(qtbot, window)
    payment = next(p for p in order.payments if not p.approved)
    assert window.order_view.select_payment(payment.id)

    window.edit_payment(payment.id)
    dialog = window.findChild(PaymentDialog)
    assert dialog is not None
    approved = dialog.findChild(QCheckBox, "approved")
    assert approved is not None
    approved.setChecked(True)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    save = box.button(QDialogButtonBox.StandardButton.Save)

    with qtbot.waitSignal(window.payment_saved, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    patches = [entry for entry in transport.sent if entry[0] == "PATCH"]
    assert len(patches) == 1
    assert patches[0][1] == f"/api/orders/{order.id}/payments/{payment.id}"
    assert json.loads(patches[0][2]) == {"approved": True}

    answered: Order = saved.args[0]
    assert answered.amount_paid == order.amount_paid + payment.amount
    assert answered.amount_outstanding == answered.total - answered.amount_paid
    totals = window.order_view.totals
    assert totals.value("amount_paid") == ENGLISH.money(answered.amount_paid)
    assert window.order_view.selected_payment_id() == payment.id
    qtbot.waitUntil(lambda: window.findChild(PaymentDialog) is None, timeout=WAIT_MS)


def test_a_refused_amount_keeps_the_dialog_and_what_was_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    order = open_order_with_unapproved_payment(qtbot, window)
    payment = order.payments[0]
    window.edit_payment(payment.id)
    dialog = window.findChild(PaymentDialog)
    assert dialog is not None
    # A method id the server does not know: the server refuses it with a 400.
    dialog.payment_method.addItem("ghost", 999_999)
    dialog.payment_method.setCurrentIndex(dialog.payment_method.count() - 1)
    amount = dialog.findChild(QLineEdit, "amount")
    assert amount is not None
    amount.setText("123456")
    failures: list[Any] = []
    dialog.save_requested.connect(failures.append)

    dialog.save_button.click()

    error = child(dialog, QLabel, "payment_method_error")
    qtbot.waitUntil(lambda: bool(error.text()), timeout=WAIT_MS)
    assert amount.text() == "123456"
    assert dialog.isVisible()
    assert len(failures) == 1
