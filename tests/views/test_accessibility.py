"""Every control can be named by a screen reader; the flow needs no mouse."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from orderdesk.api import ShopClient
from orderdesk.demo import SandboxInfo
from orderdesk.models import Order
from orderdesk.views import MainWindow, PaymentDialog, SignInDialog
from orderdesk.views.formatting import Formatter

from .support import ENGLISH, WAIT_MS, connect

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QCheckBox)


def focused(top: QWidget) -> QWidget:
    """The widget of a window that has the keyboard focus."""
    widget = top.focusWidget()
    assert widget is not None, f"nothing has the focus in {type(top).__name__}"
    return widget


def unnamed_controls(top: QWidget) -> list[str]:
    """Focusable widgets of a window that a screen reader cannot name."""
    missing = []
    for widget in [top, *top.findChildren(QWidget)]:
        # Combo box pop-ups are windows of their own, named by their combo.
        if widget.window() is not top or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        if face is None or not face.text(QAccessible.Text.Name).strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def undescribed_inputs(top: QWidget) -> list[str]:
    """Inputs of a dialog without an accessible description."""
    return [
        widget.objectName()
        for widget in top.findChildren(QWidget)
        if isinstance(widget, INPUTS)
        and widget.window() is top
        and not widget.accessibleDescription().strip()
    ]


@pytest.fixture
def filled_window(qtbot: QtBot, example_order: Order) -> Iterator[MainWindow]:
    window = MainWindow(ShopClient("http://127.0.0.1:9", "t" * 40), ENGLISH)
    qtbot.addWidget(window)
    window.show_order(example_order)
    yield window
    window.close()


@pytest.mark.parametrize("language", ["en", "fa"])
def test_every_control_has_a_name(
    qtbot: QtBot, filled_window: MainWindow, example_order: Order, language: str
) -> None:
    formatter = Formatter(QLocale("fa_IR" if language == "fa" else "en_US"))
    payment = example_order.payments[1]
    dialog = PaymentDialog(
        example_order, payment, [], filled_window, formatter=formatter
    )
    sign_in = SignInDialog(connect, "")
    qtbot.addWidget(sign_in)

    for top in (filled_window, dialog, sign_in):
        assert unnamed_controls(top) == [], type(top).__name__
    assert undescribed_inputs(dialog) == []
    assert undescribed_inputs(sign_in) == []


@pytest.mark.integration
def test_sign_in_find_an_order_and_save_a_payment_from_the_keyboard(
    qtbot: QtBot, fresh_sandbox: SandboxInfo
) -> None:
    sign_in = SignInDialog(connect, "")
    qtbot.addWidget(sign_in)
    sign_in.show()
    sign_in.activateWindow()
    qtbot.keyClicks(sign_in.server, fresh_sandbox.url)
    qtbot.keyClick(sign_in.server, Qt.Key.Key_Tab)
    assert focused(sign_in) is sign_in.token
    qtbot.keyClicks(sign_in.token, fresh_sandbox.tokens["cashier"])
    with qtbot.waitSignal(sign_in.signed_in, timeout=WAIT_MS) as signed_in:
        qtbot.keyClick(sign_in.token, Qt.Key.Key_Return)

    window = MainWindow(signed_in.args[0], ENGLISH, connect=connect)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(focused(window), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    ask = window.findChild(QInputDialog, "open_order_dialog")
    assert ask is not None
    qtbot.keyClicks(focused(ask), "1")
    with qtbot.waitSignal(window.order_loaded, timeout=WAIT_MS) as loaded:
        qtbot.keyClick(focused(ask), Qt.Key.Key_Return)
    order: Order = loaded.args[0]
    waiting = next(p for p in order.payments if not p.approved)

    # The offscreen platform does not hand activation back when a dialog
    # closes, as a desktop does; shortcuts need an active window.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(focused(window), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    table = window.order_view.payments_table
    assert focused(window) is table
    while window.order_view.selected_payment_id() != waiting.id:
        qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    dialog = window.findChild(PaymentDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    qtbot.keyClick(focused(dialog), Qt.Key.Key_Tab)
    assert focused(dialog) is dialog.amount
    qtbot.keyClick(dialog.amount, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.amount, "77000")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Tab)
    assert focused(dialog) is dialog.approved
    qtbot.keyClick(dialog.approved, Qt.Key.Key_Space)

    with qtbot.waitSignal(window.payment_saved, timeout=WAIT_MS) as saved:
        qtbot.keyClick(dialog.approved, Qt.Key.Key_Return)

    stored = saved.args[0].payment(waiting.id)
    assert (stored.amount, stored.approved) == (77000, True)
    window.close()
