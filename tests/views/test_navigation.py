"""Finding orders from the main window: list, key, history, review queue."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from orderdesk.api import ShopClient
from orderdesk.demo import SandboxInfo
from orderdesk.models import Order
from orderdesk.views import MainWindow, PaymentDialog

from .support import WAIT_MS, open_window, show_order

pytestmark = pytest.mark.integration


@pytest.fixture
def window(qtbot: QtBot, sandbox: SandboxInfo) -> Iterator[MainWindow]:
    client = ShopClient(sandbox.url, sandbox.tokens["cashier"])
    with open_window(qtbot, client) as shown:
        yield shown


def test_enter_in_the_orders_list_opens_the_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    table = window.orders_list.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 3, timeout=WAIT_MS)
    table.setFocus()
    table.setCurrentIndex(table.model().index(2, 0))
    wanted = window.orders_list.selected_order_id()

    with qtbot.waitSignal(window.order_loaded, timeout=WAIT_MS) as loaded:
        qtbot.keyClick(table, Qt.Key.Key_Return)

    assert loaded.args[0].id == wanted


@pytest.mark.parametrize("typed", ["{id}", "{persian_id}", "{key}", " {key} "])
def test_an_order_opens_by_id_or_key(
    qtbot: QtBot, window: MainWindow, typed: str
) -> None:
    target = show_order(qtbot, window, 3)
    show_order(qtbot, window, 1)
    persian = str(target.id).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    reference = typed.format(id=target.id, persian_id=persian, key=target.key)

    with qtbot.waitSignal(window.order_loaded, timeout=WAIT_MS) as loaded:
        window.open_reference(reference)

    assert loaded.args[0].id == target.id


def test_an_unknown_key_says_so(qtbot: QtBot, window: MainWindow) -> None:
    window.open_reference("no-such-key-anywhere")

    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None, timeout=WAIT_MS)
    box = window.findChild(QMessageBox)
    assert box is not None
    assert "no-such-key-anywhere" in box.text()


def test_back_and_forward_return_to_earlier_orders(
    qtbot: QtBot, window: MainWindow
) -> None:
    for order_id in (1, 2, 3):
        show_order(qtbot, window, order_id)

    with qtbot.waitSignal(window.order_loaded, timeout=WAIT_MS) as loaded:
        window.go_back()
    assert loaded.args[0].id == 2
    with qtbot.waitSignal(window.order_loaded, timeout=WAIT_MS) as loaded:
        window.go_forward()
    assert loaded.args[0].id == 3


def test_the_review_queue_shows_and_approves_in_the_order(
    qtbot: QtBot, fresh_sandbox: SandboxInfo
) -> None:
    client = ShopClient(fresh_sandbox.url, fresh_sandbox.tokens["admin"])
    with open_window(qtbot, client) as window:
        window.navigator.setCurrentWidget(window.review_queue)
        queue = window.review_queue
        qtbot.waitUntil(lambda: queue.model.rowCount() > 0, timeout=WAIT_MS)
        queue.table.setFocus()
        queue.table.setCurrentIndex(queue.table.model().index(0, 0))
        first = queue.selected()
        assert first is not None

        with qtbot.waitSignal(window.order_loaded, timeout=WAIT_MS) as loaded:
            qtbot.keyClick(queue.table, Qt.Key.Key_Return)
        shown: Order = loaded.args[0]
        assert shown.id == first.order_id
        assert window.order_view.selected_payment_id() == first.payment_id
        dialog = window.findChild(PaymentDialog)
        assert dialog is not None
        assert dialog.isVisible()
        dialog.approved.setChecked(True)

        with qtbot.waitSignal(window.payment_saved, timeout=WAIT_MS):
            dialog.save_button.click()

        qtbot.waitUntil(
            lambda: all(
                queue.model.row(r).payment_id != first.payment_id
                for r in range(queue.model.rowCount())
            ),
            timeout=WAIT_MS,
        )


def test_print_actions_follow_the_shown_order(qtbot: QtBot, window: MainWindow) -> None:
    printing = window.findChild(QAction, "print_order")
    assert printing is not None
    assert not printing.isEnabled()

    show_order(qtbot, window, 1)

    assert printing.isEnabled()


def test_amounts_switch_to_toman_and_back(qtbot: QtBot, window: MainWindow) -> None:
    order = show_order(qtbot, window, 1)
    toman = next(a for a in window.findChildren(QAction) if a.data() == "toman")
    chosen: list[str] = []
    window.currency_chosen.connect(chosen.append)

    toman.trigger()

    total = window.order_view.totals.value("total")
    assert "Toman" in total
    assert f"{order.total // 10:,}" in total
    assert chosen == ["toman"]
