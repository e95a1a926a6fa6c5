"""The dialog in which a cashier records or corrects one payment."""

import logging
from contextlib import suppress

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
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

FIELDS = ("payment_method", "amount", "approved", "transaction_id", "notes")
ERROR_STYLE = "color: #b3261e;"
METHOD_ICON_EDGE = 24


class PaymentDialog(QDialog):
    """Edits one payment of an order; only what the cashier changed is sent.

    The dialog does not talk to the server: Save emits `save_requested` with
    the update, and its owner sends it and reports back through `set_busy`,
    `show_error` or `accept`. Inputs carry the API field names as object
    names.

    Args:
        order: The order as it was shown.
        payment: The payment to edit, as it was shown.
        methods: The payment methods to choose from.
        parent: The owning window.

    Signals:
        save_requested(object): The `PaymentUpdate` to send.
    """

    save_requested = Signal(object)

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
        self._field_errors: dict[str, QLabel] = {}

        self.setWindowTitle(
            tr("Payment %1 of order %2")
            .replace("%1", self._formatter.number(payment.id))
            .replace("%2", self._formatter.number(order.id))
        )
        self._build(methods)
        self._fill(payment)
        self._update()

    def changes(self) -> PaymentUpdate:
        """The update that Save would send: only the fields that differ.

        An amount that cannot be read is left out; Save stays disabled then.
        """
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
        return PaymentUpdate.between(self.payment, **values)

    def set_busy(self, busy: bool) -> None:
        """Show that a save is in flight; Save does nothing meanwhile."""
        self._busy = busy
        self._message.setText(tr("Saving…") if busy else "")
        self._message.setStyleSheet("")
        self._update()

    def show_error(self, error: Exception) -> None:
        """Show why the server refused, keeping every input as typed."""
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

        self._message.setText("\n".join(general))
        self._message.setStyleSheet(ERROR_STYLE)
        self._busy = False
        self._update()

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
        for name, title, widget in rows:
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

        layout.addWidget(self._build_preview())
        self._message = plain_label()
        self._message.setObjectName("dialog_message")
        self._message.setWordWrap(True)
        layout.addWidget(self._message)

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self._buttons.accepted.connect(self._on_save_clicked)
        self._buttons.rejected.connect(self.reject)
        layout.addWidget(self._buttons)
        # Enter saves from any single-line field; the notes keep Enter for
        # new lines and save with Ctrl+Enter.
        QShortcut(QKeySequence("Ctrl+Return"), self, self._on_save_clicked)

        for signal in (
            self.payment_method.currentIndexChanged,
            self.amount.textChanged,
            self.approved.toggled,
            self.transaction_id.textChanged,
            self.notes.textChanged,
        ):
            signal.connect(self._update)

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
        if payment.payment_method_id is not None:
            index = self.payment_method.findData(payment.payment_method_id)
            self.payment_method.setCurrentIndex(max(index, 0))
        self.amount.setText(str(payment.amount))
        self.approved.setChecked(payment.approved)
        self.transaction_id.setText(payment.transaction_id)
        self.notes.setPlainText(payment.notes)

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

        save = self._buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(
            not self._busy and amount_error is None and not changes.is_empty
        )
        for widget in (self.payment_method, self.approved):
            widget.setEnabled(not self._busy)
        for line in (self.amount, self.transaction_id):
            line.setReadOnly(self._busy)
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

    def _on_save_clicked(self) -> None:
        save = self._buttons.button(QDialogButtonBox.StandardButton.Save)
        if self._busy or not save.isEnabled():
            return

        update = self.changes()
        logger.info(
            "Saving payment %s of order %s: fields %s",
            self.payment.id,
            self.order.id,
            sorted(update.model_fields_set),
        )
        self._clear_errors()
        self.set_busy(True)
        self.save_requested.emit(update)


def amount_problem_text(problem: AmountProblem) -> str:
    """Why the amount cannot be saved, in the interface language."""
    return {
        AmountProblem.EMPTY: tr("Enter an amount."),
        AmountProblem.NEGATIVE: tr("The amount cannot be negative."),
        AmountProblem.NOT_DIGITS: tr("Use digits only, in the smallest currency unit."),
        AmountProblem.TOO_LARGE: tr("The amount is too large."),
    }[problem]
