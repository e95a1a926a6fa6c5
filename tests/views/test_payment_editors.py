"""The window's payment editors, against a real sandbox: edit, approve, sign in."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from orderdesk.api import ShopClient
from orderdesk.demo import SandboxInfo
from orderdesk.models import Order, OrderPayment
from orderdesk.views import PaymentDialog, SignInDialog
from orderdesk.views.formatting import Currency, Formatter
from orderdesk.views.order_view import OrderView
from orderdesk.views.payment_editors import PaymentEditors
from orderdesk.views.sign_in_dialog import Connect
from orderdesk.views.tasks import TaskRunner

from .support import ENGLISH, WAIT_MS, connect, field, message, order_view_of

pytestmark = pytest.mark.integration

REVOKED = "0" * 40


@pytest.fixture
def server(fresh_sandbox: SandboxInfo) -> Iterator[ShopClient]:
    """The sandbox as the cashier's desk sees it."""
    with ShopClient(fresh_sandbox.url, fresh_sandbox.tokens["cashier"]) as client:
        yield client


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    shown = QMainWindow()
    qtbot.addWidget(shown)
    shown.setCentralWidget(OrderView(ENGLISH, parent=shown))
    shown.show()
    return shown


def editors_of(
    window: QMainWindow,
    client: ShopClient,
    server: ShopClient,
    *,
    sign_in: Connect | None = None,
) -> tuple[PaymentEditors, Order, OrderPayment]:
    """Editors on `client`, with an order that has an unapproved payment shown."""
    order = next(
        o
        for o in (server.get_order(order_id) for order_id in range(1, 40))
        if any(not p.approved for p in o.payments)
    )
    payment = next(p for p in order.payments if not p.approved)
    order_view_of(window).set_order(order)
    editors = PaymentEditors(
        window,
        order_view_of(window),
        lambda: client,
        TaskRunner(window),
        ENGLISH,
        sign_in,
    )
    editors.set_methods(server.list_payment_methods())
    return editors, order, payment


def dialogs(window: QMainWindow) -> list[PaymentDialog]:
    return window.findChildren(PaymentDialog)


def question(window: QMainWindow) -> QMessageBox:
    box = window.findChild(QMessageBox)
    assert box is not None
    return box


def test_each_payment_has_one_dialog_owned_by_the_window(
    window: QMainWindow, server: ShopClient
) -> None:
    editors, _order, payment = editors_of(window, server, server)

    editors.edit(payment.id)
    editors.edit(payment.id)

    assert len(dialogs(window)) == 1
    dialog = dialogs(window)[0]
    assert dialog.isVisible()
    assert dialog.payment.id == payment.id
    assert dialog.parent() is window


def test_a_payment_not_shown_opens_nothing(
    window: QMainWindow, server: ShopClient
) -> None:
    editors, order, _payment = editors_of(window, server, server)

    editors.edit(max(p.id for p in order.payments) + 1000)

    assert dialogs(window) == []


def test_a_confirmed_approval_is_saved(
    qtbot: QtBot, window: QMainWindow, server: ShopClient
) -> None:
    editors, order, payment = editors_of(window, server, server)

    editors.approve(payment.id)

    box = question(window)
    assert f"{payment.amount:,}" in box.text()
    with qtbot.waitSignal(editors.saved, timeout=WAIT_MS) as saved:
        box.button(QMessageBox.StandardButton.Yes).click()
    payment_id, answered, fields = saved.args
    assert payment_id == payment.id
    assert answered.payment(payment.id).approved
    assert fields == ("approved",)
    on_server = server.get_order(order.id).payment(payment.id)
    assert on_server is not None
    assert on_server.approved


def test_a_declined_approval_sends_nothing(
    window: QMainWindow, server: ShopClient
) -> None:
    editors, order, payment = editors_of(window, server, server)

    editors.approve(payment.id)
    question(window).button(QMessageBox.StandardButton.No).click()

    assert dialogs(window) == []
    on_server = server.get_order(order.id).payment(payment.id)
    assert on_server is not None
    assert not on_server.approved


def test_the_question_shows_amounts_as_the_formatter_says(
    window: QMainWindow, server: ShopClient
) -> None:
    editors, _order, payment = editors_of(window, server, server)
    toman = Formatter(
        QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
        Currency.TOMAN,
    )

    editors.set_formatter(toman)
    editors.approve(payment.id)

    assert toman.money(payment.amount) in question(window).text()
    assert toman.money(payment.amount) != ENGLISH.money(payment.amount)


def test_read_only_blocks_every_dialog_and_approval(
    qtbot: QtBot, window: QMainWindow, server: ShopClient
) -> None:
    editors, _order, payment = editors_of(window, server, server)
    editors.edit(payment.id)
    dialog = dialogs(window)[0]
    field(dialog, "notes").setPlainText("blocked")
    assert dialog.save_button.isEnabled()

    editors.set_read_only("Offline for a while.")

    assert not dialog.save_button.isEnabled()
    assert "Offline for a while." in message(dialog)
    editors.approve(payment.id)
    assert window.findChild(QMessageBox) is None
    dialog.reject()
    qtbot.waitUntil(lambda: dialogs(window) == [], timeout=WAIT_MS)
    editors.edit(payment.id)
    later = dialogs(window)[0]
    assert "Offline for a while." in message(later)
    field(later, "notes").setPlainText("allowed again")
    assert not later.save_button.isEnabled()

    editors.set_read_only("")

    assert later.save_button.isEnabled()


def test_a_closed_dialog_is_let_go(
    qtbot: QtBot, window: QMainWindow, server: ShopClient
) -> None:
    editors, _order, payment = editors_of(window, server, server)
    editors.edit(payment.id)
    first = dialogs(window)[0]

    first.reject()

    qtbot.waitUntil(lambda: dialogs(window) == [], timeout=WAIT_MS)
    editors.edit(payment.id)
    assert len(dialogs(window)) == 1
    assert dialogs(window)[0] is not first


def test_a_refused_token_asks_to_sign_in_and_hands_over_the_client(
    qtbot: QtBot,
    window: QMainWindow,
    server: ShopClient,
    fresh_sandbox: SandboxInfo,
) -> None:
    revoked = ShopClient(fresh_sandbox.url, REVOKED)
    editors, _order, payment = editors_of(window, revoked, server, sign_in=connect)
    editors.edit(payment.id)
    dialog = dialogs(window)[0]
    field(dialog, "notes").setPlainText("after signing in")

    dialog.save_button.click()

    qtbot.waitUntil(lambda: window.findChild(SignInDialog) is not None)
    sign_in = window.findChild(SignInDialog)
    assert sign_in is not None
    sign_in.token.setText(fresh_sandbox.tokens["cashier"])
    with qtbot.waitSignal(editors.signed_in, timeout=WAIT_MS) as signed_in:
        sign_in.sign_in_button.click()
    client = signed_in.args[0]
    assert isinstance(client, ShopClient)
    assert client.base_url == revoked.base_url
    assert "Signed in again" in message(dialog)
    assert field(dialog, "notes").toPlainText() == "after signing in"
    client.close()
    revoked.close()


def test_without_a_way_to_sign_in_none_is_offered(
    qtbot: QtBot, window: QMainWindow, server: ShopClient, fresh_sandbox: SandboxInfo
) -> None:
    revoked = ShopClient(fresh_sandbox.url, REVOKED)
    editors, _order, payment = editors_of(window, revoked, server)
    editors.edit(payment.id)
    dialog = dialogs(window)[0]
    field(dialog, "notes").setPlainText("no sign-in")

    dialog.save_button.click()

    qtbot.waitUntil(lambda: "Sign in again" in message(dialog), timeout=WAIT_MS)
    assert window.findChild(SignInDialog) is None
    revoked.close()
