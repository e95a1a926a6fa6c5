"""The payment dialog: pre-filled, sends only what changed, keeps input."""

from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from orderdesk.api import ValidationFailed
from orderdesk.models import Order, PaymentMethod, PaymentUpdate
from orderdesk.views import PaymentDialog
from orderdesk.views.formatting import Formatter

from .support import child

ENGLISH = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
METHODS = [
    PaymentMethod(id=1, name="پرداخت در محل"),
    PaymentMethod(id=2, name="زرین پال"),
    PaymentMethod(id=3, name="کارت به کارت"),
]


@pytest.fixture
def dialog(qtbot: QtBot, example_order: Order) -> PaymentDialog:
    payment = example_order.payment(2)
    assert payment is not None
    shown = PaymentDialog(example_order, payment, METHODS, formatter=ENGLISH)
    qtbot.addWidget(shown)
    return shown


def widget(dialog: PaymentDialog, name: str, kind: type[Any]) -> Any:
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def save_button(dialog: PaymentDialog) -> Any:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Save)


def test_inputs_are_prefilled_and_named_after_the_api(dialog: PaymentDialog) -> None:
    assert widget(dialog, "payment_method", QComboBox).currentData() == 2
    assert widget(dialog, "amount", QLineEdit).text() == "9800"
    assert widget(dialog, "approved", QCheckBox).isChecked() is False
    assert widget(dialog, "transaction_id", QLineEdit).text() == "12345678910111213"
    assert widget(dialog, "notes", QPlainTextEdit).toPlainText() == "by zarinpal"
    assert dialog.changes() == PaymentUpdate()
    assert not save_button(dialog).isEnabled()


@pytest.mark.parametrize(
    ("name", "edit", "body"),
    [
        ("amount", lambda w: w.setText("۱۲٬۰۰۰"), {"amount": 12000}),
        ("approved", lambda w: w.setChecked(True), {"approved": True}),
        ("transaction_id", lambda w: w.setText("TX-9"), {"transaction_id": "TX-9"}),
        ("notes", lambda w: w.setPlainText(""), {"notes": ""}),
        ("payment_method", lambda w: w.setCurrentIndex(2), {"payment_method": 3}),
    ],
)
def test_only_the_changed_field_is_sent(
    dialog: PaymentDialog, name: str, edit: Any, body: dict[str, Any]
) -> None:
    edit(child(dialog, QWidget, name))

    assert dialog.changes().body() == body
    assert save_button(dialog).isEnabled()


def test_changing_back_disables_save(dialog: PaymentDialog) -> None:
    amount = widget(dialog, "amount", QLineEdit)
    amount.setText("9900")
    amount.setText("۹۸۰۰")

    assert dialog.changes().is_empty
    assert not save_button(dialog).isEnabled()


def test_an_unreadable_amount_blocks_save_and_says_why(dialog: PaymentDialog) -> None:
    widget(dialog, "amount", QLineEdit).setText("12.5")
    widget(dialog, "notes", QPlainTextEdit).setPlainText("changed")

    assert "amount" not in dialog.changes().body()
    assert not save_button(dialog).isEnabled()


def test_preview_shows_the_balance_after_saving(dialog: PaymentDialog) -> None:
    widget(dialog, "approved", QCheckBox).setChecked(True)

    paid = widget(dialog, "preview_amount_paid", QLabel).text()
    outstanding = widget(dialog, "preview_amount_outstanding", QLabel).text()
    assert paid == "509,800 Rial"
    assert outstanding == "Overpaid by 434,800 Rial"


def test_save_emits_the_update_once(qtbot: QtBot, dialog: PaymentDialog) -> None:
    widget(dialog, "approved", QCheckBox).setChecked(True)
    sent: list[PaymentUpdate] = []
    dialog.save_requested.connect(sent.append)

    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)

    assert [u.body() for u in sent] == [{"approved": True}]
    assert not save_button(dialog).isEnabled()


def test_server_refusal_keeps_every_input(dialog: PaymentDialog) -> None:
    widget(dialog, "amount", QLineEdit).setText("12000")
    widget(dialog, "notes", QPlainTextEdit).setPlainText("یادداشت تازه")
    dialog.set_busy(True)
    refusal = ValidationFailed(
        "refused",
        field_errors={"amount": ["Too large for this order."]},
        non_field_errors=["Order is closed."],
        status_code=400,
    )

    dialog.show_error(refusal)

    assert widget(dialog, "amount", QLineEdit).text() == "12000"
    assert widget(dialog, "notes", QPlainTextEdit).toPlainText() == "یادداشت تازه"
    amount_error = widget(dialog, "amount_error", QLabel)
    assert amount_error.text() == "Too large for this order."
    assert not amount_error.isHidden()
    assert widget(dialog, "dialog_message", QLabel).text() == "Order is closed."
    assert save_button(dialog).isEnabled()
