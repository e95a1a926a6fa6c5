"""The dialog in which a cashier records or corrects one payment."""

import logging
from contextlib import suppress
from enum import Enum
from itertools import pairwise

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from orderdesk.api import ValidationFailed
from orderdesk.models import (
    Order,
    OrderPayment,
    PaymentMethod,
    PaymentUpdate,
    balance_with,
)
from orderdesk.views.amount_input import AmountError, AmountProblem, parse_amount
from orderdesk.views.errors import describe
from orderdesk.views.formatting import Currency, Formatter, clean
from orderdesk.views.i18n import tr
from orderdesk.views.images import ImageSource, NoImages
from orderdesk.views.totals_panel import outstanding_text, state_text
from orderdesk.views.widgets import plain_label

logger = logging.getLogger(__name__)

ERROR_STYLE = "color: #b3261e;"
METHOD_ICON_EDGE = 24


class Action(Enum):
    """What the dialog can offer beside Save after a problem."""

    RELOAD = "reload"
    APPLY_ANYWAY = "apply anyway"


class PaymentDialog(QDialog):
    """Edits one payment of an order; only what the cashier changed is sent.

    The dialog does not talk to the server: Save emits `save_requested` with
    the update, and its owner sends it and reports back through `set_busy`,
    `show_error`, `show_notice` or `accept`. Inputs carry the API field
    names as object names. Nothing the cashier typed is cleared by an error.

    Args:
        order: The order as it was shown.
        payment: The payment to edit, as it was shown.
        methods: The payment methods to choose from.
        parent: The owning window.
        formatter: How amounts are shown; the dialog's locale by default.
        images: Where method thumbnails come from.

    Signals:
        save_requested(object): The `PaymentUpdate` to send.
        reload_requested(): The cashier wants the server's current values.
        apply_anyway_requested(object): Send this `PaymentUpdate` over a
            concurrent change.
    """

    save_requested = Signal(object)
    reload_requested = Signal()
    apply_anyway_requested = Signal(object)

    def __init__(
        self,
        order: Order,
        payment: OrderPayment,
        methods: list[PaymentMethod],
        parent: QWidget | None = None,
        *,
        formatter: Formatter | None = None,
        images: ImageSource | None = None,
    ) -> None:
        super().__init__(parent)
        self.order = order
        self.payment = payment
        self._formatter = formatter or Formatter(self.locale())
        self._images: ImageSource = images or NoImages()
        self._busy = False
        self._blocked_reason = ""
        self._cooldown_left = 0
        self._field_errors: dict[str, QLabel] = {}
        self._cooldown = QTimer(self)
        self._cooldown.setInterval(1000)
        self._cooldown.timeout.connect(self._on_cooldown_tick)

        self.setObjectName("payment_dialog")
        self.setWindowTitle(
            tr("Payment %1 of order %2")
            .replace("%1", self._formatter.number(payment.id))
            .replace("%2", self._formatter.number(order.id))
        )
        self._build(methods)
        self._fill(payment)
        self._update()
        # Keyboard users start at the first field, as the tab order does.
        self.payment_method.setFocus(Qt.FocusReason.OtherFocusReason)

    def changes(self) -> PaymentUpdate:
        """The update that Save would send: only the fields that differ.

        An amount that cannot be read is left out; Save stays disabled then.
        """
        return PaymentUpdate.between(self.payment, **self._typed_values())

    @property
    def save_button(self) -> QPushButton:
        """The Save button."""
        return self._buttons.button(QDialogButtonBox.StandardButton.Save)

    def set_busy(self, busy: bool) -> None:
        """Show that a save is in flight; Save does nothing meanwhile."""
        self._busy = busy
        if busy:
            self._clear_errors()
            self.show_notice(tr("Saving…"))
        self._update()

    def show_notice(
        self,
        text: str,
        *,
        error: bool = False,
        actions: frozenset[Action] = frozenset(),
    ) -> None:
        """Say something above the buttons, offering actions where they help."""
        self._message.setText(text)
        self._message.setStyleSheet(ERROR_STYLE if error else "")
        self._reload.setVisible(Action.RELOAD in actions)
        self._apply_anyway.setVisible(Action.APPLY_ANYWAY in actions)

    def show_error(
        self, error: Exception, *, actions: frozenset[Action] = frozenset()
    ) -> None:
        """Show why the server refused, keeping every input as typed."""
        self._busy = False
        self._clear_errors()
        general = [describe(error)]
        if isinstance(error, ValidationFailed):
            general = list(error.non_field_errors)
            for field, messages in error.field_errors.items():
                label = self._field_errors.get(field.split(".", 1)[0])
                if label is None:
                    general.extend(f"{field}: {m}" for m in messages)
                else:
                    label.setText("\n".join(messages))
                    label.show()
            if not general and not error.field_errors:
                general = [describe(error)]

        self.show_notice("\n".join(general), error=True, actions=actions)
        self._update()

    def block_save(
        self, reason: str, *, actions: frozenset[Action] = frozenset()
    ) -> None:
        """Keep Save disabled for a reason shown to the cashier; "" lifts it."""
        self._blocked_reason = reason
        if reason:
            self.show_notice(reason, error=True, actions=actions)
        self._update()

    def start_cooldown(self, seconds: float) -> None:
        """Disable Save for a while, counting down, as a 429 asks."""
        self._busy = False
        self._cooldown_left = max(1, round(seconds))
        self._cooldown.start()
        self._on_cooldown_tick(first=True)

    def rebase(self, order: Order, payment: OrderPayment) -> None:
        """Take the server's current version as the one being edited.

        Inputs the cashier changed keep what they typed; the others take the
        server's new values.
        """
        typed = self._typed_values()
        old = self.payment.editable_values()
        new = payment.editable_values()
        self.order, self.payment = order, payment

        for name, value in new.items():
            if typed.get(name, old[name]) == old[name]:
                self._set_input(name, value)
        self.show_notice(
            tr(
                "Reloaded: the form shows the server's current values, with your own "
                "changes kept. Check them, then save."
            )
        )
        self._update()

    def _typed_values(self) -> dict[str, object]:
        values: dict[str, object] = {
            "approved": self.approved.isChecked(),
            "transaction_id": self.transaction_id.text(),
            "notes": self.notes.toPlainText(),
        }
        method = self.payment_method.currentData()
        if method is not None:
            values["payment_method"] = int(method)
        with suppress(AmountError):
            values["amount"] = parse_amount(self.amount.text())
        return values

    def _set_input(self, name: str, value: object) -> None:
        if name == "payment_method" and value is not None:
            index = self.payment_method.findData(value)
            if index >= 0:
                self.payment_method.setCurrentIndex(index)
        elif name == "amount":
            self.amount.setText(str(value))
        elif name == "approved":
            self.approved.setChecked(bool(value))
        elif name == "transaction_id":
            self.transaction_id.setText(str(value))
        elif name == "notes":
            self.notes.setPlainText(str(value))

    def _build(self, methods: list[PaymentMethod]) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.payment_method = QComboBox(self)
        self._fill_methods(methods)
        self.amount = QLineEdit(self)
        self.amount.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.amount.setMaxLength(40)
        self._amount_hint = plain_label()
        self._amount_hint.setObjectName("amount_hint")
        self.approved = QCheckBox(tr("Approved"), self)
        self.transaction_id = QLineEdit(self)
        self.transaction_id.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(100)

        rows: list[tuple[str, str, QWidget]] = [
            ("payment_method", tr("Payment &method"), self.payment_method),
            ("amount", tr("&Amount"), self.amount),
            ("approved", tr("Approval"), self.approved),
            ("transaction_id", tr("&Transaction ID"), self.transaction_id),
            ("notes", tr("&Notes"), self.notes),
        ]
        descriptions = {
            "payment_method": tr("How the customer paid."),
            "amount": tr(
                "The amount in Rial, the smallest unit; Persian digits and "
                "separators are accepted."
            ),
            "approved": tr("Whether the payment is approved and counts as paid."),
            "transaction_id": tr("The reference of the bank or payment gateway."),
            "notes": tr("Free notes; Ctrl+Enter saves from here."),
        }
        for name, title, widget in rows:
            self._add_row(form, name, title, widget)
            widget.setAccessibleDescription(descriptions[name])
        for before, after in pairwise(rows):
            QWidget.setTabOrder(before[2], after[2])

        layout.addWidget(self._build_preview())
        layout.addLayout(self._build_message())
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.save_button.setDefault(True)
        self._buttons.accepted.connect(self._on_save_clicked)
        self._buttons.rejected.connect(self.reject)
        layout.addWidget(self._buttons)
        # Enter saves from the single-line fields; the notes keep Enter for
        # new lines, and Ctrl+Enter saves from anywhere.
        QShortcut(QKeySequence("Ctrl+Return"), self, self._on_save_clicked)

        for signal in (
            self.payment_method.currentIndexChanged,
            self.amount.textChanged,
            self.approved.toggled,
            self.transaction_id.textChanged,
            self.notes.textChanged,
        ):
            signal.connect(self._update)

    def _add_row(
        self, form: QFormLayout, name: str, title: str, widget: QWidget
    ) -> None:
        widget.setObjectName(name)
        widget.setAccessibleName(title.replace("&", ""))
        label = QLabel(title, self)
        label.setBuddy(widget)
        form.addRow(label, widget)
        if name == "amount":
            form.addRow("", self._amount_hint)

        error = plain_label()
        error.setObjectName(f"{name}_error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self._field_errors[name] = error
        form.addRow("", error)

    def _build_preview(self) -> QWidget:
        box = QWidget(self)
        form = QFormLayout(box)
        form.setContentsMargins(0, 8, 0, 0)
        self._preview_paid = plain_label()
        self._preview_paid.setObjectName("preview_amount_paid")
        self._preview_outstanding = plain_label()
        self._preview_outstanding.setObjectName("preview_amount_outstanding")
        self._preview_state = plain_label()
        self._preview_state.setObjectName("preview_is_paid")
        form.addRow(plain_label(tr("After saving:")))
        form.addRow(tr("Amount paid"), self._preview_paid)
        form.addRow(tr("Outstanding"), self._preview_outstanding)
        form.addRow(tr("State"), self._preview_state)
        return box

    def _build_message(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self._message = plain_label()
        self._message.setObjectName("dialog_message")
        self._message.setWordWrap(True)
        self._reload = QPushButton(tr("&Reload"), self)
        self._reload.setObjectName("reload")
        self._reload.setAutoDefault(False)
        self._reload.clicked.connect(self.reload_requested)
        self._apply_anyway = QPushButton(tr("Apply &my change anyway"), self)
        self._apply_anyway.setObjectName("apply_anyway")
        self._apply_anyway.setAutoDefault(False)
        self._apply_anyway.clicked.connect(self._on_apply_anyway_clicked)
        self._reload.hide()
        self._apply_anyway.hide()
        row.addWidget(self._message, 1)
        row.addWidget(self._reload)
        row.addWidget(self._apply_anyway)
        return row

    def _fill_methods(self, methods: list[PaymentMethod]) -> None:
        known = {m.id: m for m in methods}
        current = self.payment.payment_method_data
        if current is not None and current.id not in known:
            known = {current.id: current, **known}
        if current is None:
            self.payment_method.addItem("—", None)

        for method in known.values():
            pixmap = self._images.pixmap(method.image, METHOD_ICON_EDGE)
            icon = QIcon(pixmap) if pixmap is not None else QIcon()
            self.payment_method.addItem(icon, clean(method.name), method.id)

    def _fill(self, payment: OrderPayment) -> None:
        for name, value in payment.editable_values().items():
            self._set_input(name, value)

    def _amount_error(self) -> str | None:
        try:
            parse_amount(self.amount.text())
        except AmountError as error:
            return amount_problem_text(error.problem)
        return None

    def _update(self) -> None:
        amount_error = self._amount_error()
        changes = self.changes()
        self._show_amount_hint(amount_error)
        self._show_preview(changes)

        self.save_button.setEnabled(
            not self._busy
            and not self._blocked_reason
            and not self._cooldown_left
            and amount_error is None
            and not changes.is_empty
        )
        self.payment_method.setEnabled(not self._busy)
        self.approved.setEnabled(not self._busy)
        self.amount.setReadOnly(self._busy)
        self.transaction_id.setReadOnly(self._busy)
        self.notes.setReadOnly(self._busy)

    def _show_amount_hint(self, amount_error: str | None) -> None:
        if amount_error is not None:
            self._amount_hint.setText(amount_error)
            self._amount_hint.setStyleSheet(ERROR_STYLE)
            return

        amount = parse_amount(self.amount.text())
        fmt = self._formatter
        text = fmt.money(amount)
        if fmt.currency is Currency.RIAL:
            toman = Formatter(fmt.locale, Currency.TOMAN)
            text += f"  ({toman.money(amount)})"
        self._amount_hint.setText(text)
        self._amount_hint.setStyleSheet("")

    def _show_preview(self, changes: PaymentUpdate) -> None:
        preview = balance_with(self.order, changes.applied_to(self.payment))
        fmt = self._formatter
        self._preview_paid.setText(fmt.money(preview.amount_paid))
        self._preview_outstanding.setText(
            outstanding_text(fmt, preview.amount_outstanding)
        )
        self._preview_state.setText(state_text(preview.is_paid, None))

    def _clear_errors(self) -> None:
        for label in self._field_errors.values():
            label.clear()
            label.hide()

    def _on_cooldown_tick(self, first: bool = False) -> None:
        if not first:
            self._cooldown_left -= 1
        if self._cooldown_left <= 0:
            self._cooldown.stop()
            self._cooldown_left = 0
            self.show_notice(tr("You can save again."))
        else:
            self.show_notice(
                tr("The server asks to wait. You can save again in %1 s.").replace(
                    "%1", self._formatter.number(self._cooldown_left)
                ),
                error=True,
            )
        self._update()

    def _on_save_clicked(self) -> None:
        if not self.save_button.isEnabled():
            return

        update = self.changes()
        logger.info(
            "Saving payment %s of order %s: fields %s",
            self.payment.id,
            self.order.id,
            sorted(update.model_fields_set),
        )
        self.set_busy(True)
        self.save_requested.emit(update)

    def _on_apply_anyway_clicked(self) -> None:
        if self._busy:
            return
        self._apply_anyway.hide()
        self.set_busy(True)
        self.apply_anyway_requested.emit(self.changes())


def amount_problem_text(problem: AmountProblem) -> str:
    """Why the amount cannot be saved, in the interface language."""
    return {
        AmountProblem.EMPTY: tr("Enter an amount."),
        AmountProblem.NEGATIVE: tr("The amount cannot be negative."),
        AmountProblem.NOT_DIGITS: tr("Use digits only, in the smallest currency unit."),
        AmountProblem.TOO_LARGE: tr("The amount is too large."),
    }[problem]


def field_title(name: str) -> str:
    """The name of an editable payment field, in the interface language."""
    return {
        "payment_method": tr("payment method"),
        "amount": tr("amount"),
        "approved": tr("approval"),
        "transaction_id": tr("transaction ID"),
        "notes": tr("notes"),
    }.get(name, name)
