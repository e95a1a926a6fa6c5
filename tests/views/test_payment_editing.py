"""Payment editing against a real sandbox, through faults it cannot make."""

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from orderdesk.api import ShopClient
from orderdesk.demo import SandboxInfo
from orderdesk.models import Order, PaymentUpdate
from orderdesk.views import MainWindow, SignInDialog

from .fault_proxy import Fault, FaultProxy
from .support import (
    WAIT_MS,
    child,
    field,
    message,
    open_dialog,
    open_window,
    order_with_unapproved_payment,
)

pytestmark = pytest.mark.integration


@pytest.fixture
def proxy(fresh_sandbox: SandboxInfo) -> Iterator[FaultProxy]:
    faulty = FaultProxy(fresh_sandbox.url)
    yield faulty
    faulty.close()


@pytest.fixture
def window(
    qtbot: QtBot, proxy: FaultProxy, fresh_sandbox: SandboxInfo
) -> Iterator[MainWindow]:
    client = ShopClient(proxy.url, fresh_sandbox.tokens["cashier"], timeout=5.0)
    with open_window(qtbot, client) as shown:
        yield shown


@pytest.fixture
def server(fresh_sandbox: SandboxInfo) -> Iterator[ShopClient]:
    """The sandbox as another desk sees it, past the proxy."""
    with ShopClient(fresh_sandbox.url, fresh_sandbox.tokens["cashier"]) as other:
        yield other


def test_each_field_is_saved_and_shown(qtbot: QtBot, window: MainWindow) -> None:
    order, payment = order_with_unapproved_payment(qtbot, window)
    dialog = open_dialog(window, payment.id)
    field(dialog, "amount").setText("۱۲۳٬۴۵۶")
    field(dialog, "approved").setChecked(True)
    field(dialog, "transaction_id").setText("TX-2026")
    field(dialog, "notes").setPlainText("")
    dialog.payment_method.setCurrentIndex(
        (dialog.payment_method.currentIndex() + 1) % dialog.payment_method.count()
    )
    method = dialog.payment_method.currentData()

    with qtbot.waitSignal(window.payment_saved, timeout=WAIT_MS) as saved:
        qtbot.keyClick(field(dialog, "transaction_id"), Qt.Key.Key_Return)

    answered: Order = saved.args[0]
    stored = answered.payment(payment.id)
    assert stored is not None
    assert stored.amount == 123456
    assert stored.approved
    assert stored.transaction_id == "TX-2026"
    assert stored.notes == ""
    assert stored.payment_method_id == method
    assert answered.amount_paid == order.amount_paid + 123456
    assert window.order_view.selected_payment_id() == payment.id
    assert "amount_paid" in window.order_view.totals.highlighted
    assert "saved" in window.statusBar().currentMessage()


def test_permission_denied_turns_the_view_read_only(
    qtbot: QtBot, fresh_sandbox: SandboxInfo
) -> None:
    clerk = ShopClient(fresh_sandbox.url, fresh_sandbox.tokens["clerk"])
    with open_window(qtbot, clerk) as window:
        _order, payment = order_with_unapproved_payment(qtbot, window)
        dialog = open_dialog(window, payment.id)
        field(dialog, "notes").setPlainText("ممکن نیست")

        dialog.save_button.click()

        qtbot.waitUntil(lambda: "OrderPaymentPermission" in message(dialog))
        assert field(dialog, "notes").toPlainText() == "ممکن نیست"
        assert not dialog.save_button.isEnabled()
        assert not child(window.order_view, QPushButton, "edit_payment").isEnabled()


def test_unauthorized_asks_to_sign_in_and_the_same_edit_goes_again(
    qtbot: QtBot, window: MainWindow, proxy: FaultProxy, fresh_sandbox: SandboxInfo
) -> None:
    order, payment = order_with_unapproved_payment(qtbot, window)
    dialog = open_dialog(window, payment.id)
    field(dialog, "transaction_id").setText("AFTER-SIGN-IN")
    proxy.arm("GET", Fault.UNAUTHORIZED, f"/api/orders/{order.id}")

    dialog.save_button.click()
    qtbot.waitUntil(lambda: window.findChild(SignInDialog) is not None)
    sign_in = window.findChild(SignInDialog)
    assert sign_in is not None
    sign_in.token.setText(fresh_sandbox.tokens["cashier"])
    with qtbot.waitSignal(sign_in.signed_in, timeout=WAIT_MS):
        sign_in.sign_in_button.click()

    assert field(dialog, "transaction_id").text() == "AFTER-SIGN-IN"
    with qtbot.waitSignal(window.payment_saved, timeout=WAIT_MS) as saved:
        dialog.save_button.click()
    stored = saved.args[0].payment(payment.id)
    assert stored.transaction_id == "AFTER-SIGN-IN"


def test_a_vanished_payment_is_reported_and_not_sent(
    qtbot: QtBot, window: MainWindow
) -> None:
    order, payment = order_with_unapproved_payment(qtbot, window)
    ghost = payment.model_copy(update={"id": 987654})
    window.show_order(order.model_copy(update={"payments": [*order.payments, ghost]}))
    dialog = open_dialog(window, ghost.id)
    field(dialog, "notes").setPlainText("to nowhere")

    dialog.save_button.click()

    qtbot.waitUntil(lambda: "no longer exists" in message(dialog), timeout=WAIT_MS)
    assert not dialog.save_button.isEnabled()
    assert window.order_view.order is not None
    assert window.order_view.order.payment(ghost.id) is None


def test_not_found_on_save_offers_to_reload(
    qtbot: QtBot, window: MainWindow, proxy: FaultProxy
) -> None:
    _order, payment = order_with_unapproved_payment(qtbot, window)
    dialog = open_dialog(window, payment.id)
    field(dialog, "notes").setPlainText("x")
    proxy.arm("PATCH", Fault.NOT_FOUND)

    dialog.save_button.click()

    reload = child(dialog, QPushButton, "reload")
    qtbot.waitUntil(lambda: reload.isVisible(), timeout=WAIT_MS)
    assert "no longer exists" in message(dialog)
    assert field(dialog, "notes").toPlainText() == "x"


def test_throttling_disables_save_with_a_countdown(
    qtbot: QtBot, window: MainWindow, proxy: FaultProxy
) -> None:
    _order, payment = order_with_unapproved_payment(qtbot, window)
    dialog = open_dialog(window, payment.id)
    field(dialog, "notes").setPlainText("slowly")
    proxy.retry_after = 2
    proxy.arm("PATCH", Fault.THROTTLE)

    dialog.save_button.click()

    qtbot.waitUntil(lambda: "2 s" in message(dialog), timeout=WAIT_MS)
    assert not dialog.save_button.isEnabled()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=WAIT_MS)
    assert field(dialog, "notes").toPlainText() == "slowly"


@pytest.mark.parametrize(
    "fault", [Fault.SERVER_ERROR_AFTER_SAVE, Fault.DROP_AFTER_SAVE]
)
def test_a_failure_after_saving_is_recognised_as_saved(
    qtbot: QtBot, window: MainWindow, proxy: FaultProxy, fault: Fault
) -> None:
    _order, payment = order_with_unapproved_payment(qtbot, window)
    dialog = open_dialog(window, payment.id)
    field(dialog, "transaction_id").setText("SAVED-ANYWAY")
    proxy.arm("PATCH", fault)

    with qtbot.waitSignal(window.payment_saved, timeout=WAIT_MS) as saved:
        dialog.save_button.click()

    stored = saved.args[0].payment(payment.id)
    assert stored.transaction_id == "SAVED-ANYWAY"
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)


def test_a_failure_before_saving_is_reported_as_not_saved(
    qtbot: QtBot, window: MainWindow, proxy: FaultProxy
) -> None:
    _order, payment = order_with_unapproved_payment(qtbot, window)
    dialog = open_dialog(window, payment.id)
    field(dialog, "transaction_id").setText("NOT-YET")
    proxy.arm("PATCH", Fault.SERVER_ERROR_BEFORE_SAVE)

    dialog.save_button.click()

    qtbot.waitUntil(lambda: "NOT saved" in message(dialog), timeout=WAIT_MS)
    assert field(dialog, "transaction_id").text() == "NOT-YET"
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(window.payment_saved, timeout=WAIT_MS):
        dialog.save_button.click()


def test_a_concurrent_change_is_shown_and_can_be_reloaded(
    qtbot: QtBot, window: MainWindow, server: ShopClient
) -> None:
    order, payment = order_with_unapproved_payment(qtbot, window)
    dialog = open_dialog(window, payment.id)
    field(dialog, "amount").setText("4242")
    server.update_payment(order.id, payment.id, PaymentUpdate(notes="از میز دیگر"))

    dialog.save_button.click()

    apply_anyway = child(dialog, QPushButton, "apply_anyway")
    qtbot.waitUntil(lambda: apply_anyway.isVisible(), timeout=WAIT_MS)
    assert "از میز دیگر" in message(dialog)
    child(dialog, QPushButton, "reload").click()
    qtbot.waitUntil(
        lambda: field(dialog, "notes").toPlainText() == "از میز دیگر", timeout=WAIT_MS
    )
    assert field(dialog, "amount").text() == "4242"
    assert dialog.changes().body() == {"amount": 4242}

    with qtbot.waitSignal(window.payment_saved, timeout=WAIT_MS) as saved:
        dialog.save_button.click()
    stored = saved.args[0].payment(payment.id)
    assert (stored.amount, stored.notes) == (4242, "از میز دیگر")


def test_a_concurrent_change_can_be_overridden(
    qtbot: QtBot, window: MainWindow, server: ShopClient
) -> None:
    order, payment = order_with_unapproved_payment(qtbot, window)
    dialog = open_dialog(window, payment.id)
    field(dialog, "transaction_id").setText("MINE")
    server.update_payment(order.id, payment.id, PaymentUpdate(transaction_id="THEIRS"))
    dialog.save_button.click()
    apply_anyway = child(dialog, QPushButton, "apply_anyway")
    qtbot.waitUntil(lambda: apply_anyway.isVisible(), timeout=WAIT_MS)

    with qtbot.waitSignal(window.payment_saved, timeout=WAIT_MS) as saved:
        apply_anyway.click()

    assert saved.args[0].payment(payment.id).transaction_id == "MINE"


def test_closing_the_dialog_mid_save_keeps_the_result(
    qtbot: QtBot, window: MainWindow
) -> None:
    _order, payment = order_with_unapproved_payment(qtbot, window)
    dialog = open_dialog(window, payment.id)
    field(dialog, "approved").setChecked(True)

    with qtbot.waitSignal(window.payment_saved, timeout=WAIT_MS) as saved:
        dialog.save_button.click()
        dialog.reject()

    assert saved.args[0].payment(payment.id).approved
    shown = window.order_view.order
    assert shown is not None
    assert shown.payment(payment.id).approved  # type: ignore[union-attr]


def test_quick_approval_confirms_amount_and_method(
    qtbot: QtBot, window: MainWindow
) -> None:
    order, payment = order_with_unapproved_payment(qtbot, window)
    assert window.order_view.select_payment(payment.id)

    window.order_view.approve_action.trigger()
    box = window.findChild(QMessageBox)
    assert box is not None
    assert window.order_view.totals is not None
    assert f"{payment.amount:,}" in box.text()
    with qtbot.waitSignal(window.payment_saved, timeout=WAIT_MS) as saved:
        box.button(QMessageBox.StandardButton.Yes).click()

    answered: Order = saved.args[0]
    assert answered.payment(payment.id).approved  # type: ignore[union-attr]
    assert answered.amount_paid == order.amount_paid + payment.amount


def test_double_save_sends_one_patch(
    qtbot: QtBot, window: MainWindow, fresh_sandbox: SandboxInfo
) -> None:
    _order, payment = order_with_unapproved_payment(qtbot, window)
    dialog = open_dialog(window, payment.id)
    amount: QLineEdit = field(dialog, "amount")
    amount.setText(str(payment.amount + 1))
    saves: list[object] = []
    dialog.save_requested.connect(saves.append)

    with qtbot.waitSignal(window.payment_saved, timeout=WAIT_MS):
        dialog.save_button.click()
        dialog.save_button.click()
        qtbot.keyClick(amount, Qt.Key.Key_Return)

    assert len(saves) == 1
    assert json.dumps(saves[0].body()) == json.dumps(  # type: ignore[attr-defined]
        {"amount": payment.amount + 1}
    )


def test_a_token_the_real_server_refuses_leads_to_sign_in_and_a_resend(
    qtbot: QtBot, fresh_sandbox: SandboxInfo, server: ShopClient
) -> None:
    order = server.get_order(1)
    payment = next(p for p in order.payments if not p.approved)
    revoked = ShopClient(fresh_sandbox.url, "0" * 40)
    with open_window(qtbot, revoked) as window:
        window.show_order(order)
        dialog = open_dialog(window, payment.id)
        field(dialog, "notes").setPlainText("پس از ورود دوباره")

        dialog.save_button.click()

        qtbot.waitUntil(lambda: window.findChild(SignInDialog) is not None)
        sign_in = window.findChild(SignInDialog)
        assert sign_in is not None
        assert "Sign in again" in message(dialog)
        assert field(dialog, "notes").toPlainText() == "پس از ورود دوباره"
        sign_in.token.setText(fresh_sandbox.tokens["cashier"])
        with qtbot.waitSignal(sign_in.signed_in, timeout=WAIT_MS):
            sign_in.sign_in_button.click()
        with qtbot.waitSignal(window.payment_saved, timeout=WAIT_MS) as saved:
            dialog.save_button.click()

    assert saved.args[0].payment(payment.id).notes == "پس از ورود دوباره"
