"""One payment being edited: the dialog, its save, and what follows a failure.

The editor outlives its dialog: a cashier who closes the dialog while a save
is in flight still gets the result (the order view updates, or a warning
says what failed). One editor per payment means one PATCH in flight per
payment.
"""

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from orderdesk.api import (
    ApiError,
    AuthenticationFailed,
    NotFound,
    PermissionDenied,
    ShopClient,
    Throttled,
)
from orderdesk.models import Order, PaymentUpdate
from orderdesk.views.errors import describe
from orderdesk.views.i18n import tr
from orderdesk.views.payment_dialog import Action, PaymentDialog, field_title
from orderdesk.views.payment_saving import (
    Conflict,
    Gone,
    Reconciled,
    Saved,
    SaveOutcome,
    changed_fields,
    reconcile,
    send_checked,
)
from orderdesk.views.tasks import TaskRunner

logger = logging.getLogger(__name__)

DEFAULT_COOLDOWN_S = 5.0


class PaymentEditor(QObject):
    """Drives one `PaymentDialog` against the server.

    Args:
        dialog: The dialog, shown or not: a quick approval fills it without
            showing it, and shows it only when something goes wrong.
        client: Returns the current API client (it changes after signing in).
        runner: Runs the calls off the UI thread.
        parent: The owning window.

    Signals:
        saved(int, object, tuple): The payment id, the answered `Order`, and
            the names of the fields that were sent.
        order_changed(object): The server's current `Order`, read while
            checking or reconciling; the view should show it.
        sign_in_needed(object): The server refused the token; this editor
            waits for `signed_in_again`.
        forbidden(str): This account may not edit payments; the reason.
        failed(str): A failure that no open dialog could show.
        finished(int): The dialog of this payment id closed and nothing is
            in flight any more.
    """

    saved = Signal(int, object, tuple)
    order_changed = Signal(object)
    sign_in_needed = Signal(object)
    forbidden = Signal(str)
    failed = Signal(str)
    finished = Signal(int)

    def __init__(
        self,
        dialog: PaymentDialog,
        client: Callable[[], ShopClient],
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.dialog = dialog
        self._client = client
        self._runner = runner
        self._in_flight = False
        self._dialog_open = True
        dialog.save_requested.connect(self.save)
        dialog.apply_anyway_requested.connect(self._on_apply_anyway_requested)
        dialog.reload_requested.connect(self.reload)
        dialog.finished.connect(self._on_dialog_finished)

    @property
    def payment_id(self) -> int:
        """The id of the payment being edited."""
        return self.dialog.payment.id

    @property
    def busy(self) -> bool:
        """Whether a call of this editor is in flight."""
        return self._in_flight

    def save(self, update: PaymentUpdate, *, force: bool = False) -> None:
        """Check for a concurrent change, then send; a second call waits."""
        if self._in_flight or update.is_empty:
            return

        self._in_flight = True
        self.dialog.set_busy(True)
        client = self._client()
        order_id, shown = self.dialog.order.id, self.dialog.payment
        self._runner.run(
            lambda: send_checked(client, order_id, shown, update, force=force),
            lambda outcome: self._on_outcome(update, outcome),
            lambda error: self._on_failed(update, error),
        )

    def _on_apply_anyway_requested(self, update: PaymentUpdate) -> None:
        self.save(update, force=True)

    def reload(self) -> None:
        """Read the order again and take the server's version of the payment."""
        if self._in_flight:
            return

        self._in_flight = True
        self.dialog.set_busy(True)
        self.dialog.show_notice(tr("Reading the order again…"))
        client, order_id = self._client(), self.dialog.order.id
        self._runner.run(
            lambda: client.get_order(order_id),
            self._on_reloaded,
            self._on_reload_failed,
        )

    def signed_in_again(self) -> None:
        """The cashier signed in again: the same change can be sent."""
        self.dialog.block_save("")
        self.dialog.show_notice(tr("Signed in again. Press Save to send your change."))

    def _on_outcome(self, update: PaymentUpdate, outcome: SaveOutcome) -> None:
        self._in_flight = False
        self.dialog.set_busy(False)
        match outcome:
            case Saved(order):
                self._on_saved(order, update)
            case Conflict(order, fields):
                self.order_changed.emit(order)
                self._show_conflict(order, fields)
            case Gone(order):
                self.order_changed.emit(order)
                self.dialog.block_save(
                    tr("This payment no longer exists on the server.")
                )
        self._finish_if_closed()

    def _on_saved(self, order: Order, update: PaymentUpdate) -> None:
        self.saved.emit(self.payment_id, order, tuple(sorted(update.model_fields_set)))
        if self._dialog_open:
            self.dialog.accept()

    def _show_conflict(self, order: Order, fields: tuple[str, ...]) -> None:
        current = order.payment(self.payment_id)
        assert current is not None
        was = self.dialog.payment.editable_values()
        now = current.editable_values()
        lines = [
            tr("Someone changed this payment since you opened it:"),
            *(
                f"• {field_title(f)}: {_shown(was[f])} → {_shown(now[f])}"
                for f in fields
            ),
            tr("Reload to start from their version, or apply your change anyway."),
        ]
        self.dialog.show_notice(
            "\n".join(lines),
            error=True,
            actions=frozenset({Action.RELOAD, Action.APPLY_ANYWAY}),
        )
        self._show_if_hidden()

    def _on_failed(self, update: PaymentUpdate, error: Exception) -> None:
        if isinstance(error, ApiError) and error.unknown_outcome:
            self._reconcile(update, error)
            return

        self._in_flight = False
        self._report(error)
        self._finish_if_closed()

    def _report(self, error: Exception) -> None:
        """Show a failure in the dialog, with what the cashier can do next."""
        logger.warning(
            "Saving payment %s failed: %s", self.payment_id, type(error).__name__
        )
        if not self._dialog_open and not isinstance(error, AuthenticationFailed):
            self.failed.emit(describe(error))
            return

        match error:
            case AuthenticationFailed():
                self.dialog.show_error(error)
                self.sign_in_needed.emit(self)
            case PermissionDenied():
                self.dialog.show_error(error)
                self.dialog.block_save(describe(error))
                self.forbidden.emit(describe(error))
            case NotFound():
                self.dialog.show_error(error, actions=frozenset({Action.RELOAD}))
            case Throttled(retry_after=seconds):
                self.dialog.start_cooldown(seconds or DEFAULT_COOLDOWN_S)
            case _:
                self.dialog.show_error(error)
        self._show_if_hidden()

    def _reconcile(self, update: PaymentUpdate, error: ApiError) -> None:
        self.dialog.show_notice(
            tr(
                "The server did not answer clearly. Checking whether the change "
                "was saved…"
            )
        )
        client, order_id = self._client(), self.dialog.order.id
        payment_id = self.payment_id
        self._runner.run(
            lambda: reconcile(client, order_id, payment_id, update, error),
            lambda result: self._on_reconciled(update, result),
            self._on_outcome_unknown,
        )

    def _on_reconciled(self, update: PaymentUpdate, result: Reconciled) -> None:
        self._in_flight = False
        self.dialog.set_busy(False)
        if result.applied:
            self._on_saved(result.order, update)
        else:
            self.order_changed.emit(result.order)
            self._rebase_on(result.order)
            self.dialog.show_notice(
                tr("The change was NOT saved: %1 Press Save to send it again.").replace(
                    "%1", describe(result.error)
                ),
                error=True,
            )
            self._show_if_hidden()
        self._finish_if_closed()

    def _on_outcome_unknown(self, error: Exception) -> None:
        self._in_flight = False
        self.dialog.set_busy(False)
        logger.warning("Could not tell whether payment %s was saved", self.payment_id)
        self.dialog.block_save(
            tr(
                "It is not known whether the change was saved, and the order "
                "cannot be read now. Reload before sending it again."
            ),
            actions=frozenset({Action.RELOAD}),
        )
        if not self._dialog_open:
            self.failed.emit(
                tr("It is not known whether the payment change was saved.")
            )
        self._show_if_hidden()
        self._finish_if_closed()

    def _on_reloaded(self, order: Order) -> None:
        self._in_flight = False
        self.dialog.set_busy(False)
        self.order_changed.emit(order)
        if order.payment(self.payment_id) is None:
            self.dialog.block_save(payment_gone_text())
            return
        self.dialog.block_save("")
        self._rebase_on(order)

    def _on_reload_failed(self, error: Exception) -> None:
        self._in_flight = False
        self._report(error)

    def _rebase_on(self, order: Order) -> None:
        current = order.payment(self.payment_id)
        if current is not None and changed_fields(self.dialog.payment, current):
            self.dialog.rebase(order, current)
        elif current is not None:
            self.dialog.order, self.dialog.payment = order, current

    def _show_if_hidden(self) -> None:
        # A quick approval works without showing the dialog; when it fails,
        # the dialog appears with the change in it, so nothing is lost.
        if self._dialog_open and not self.dialog.isVisible():
            self.dialog.open()

    def _on_dialog_finished(self) -> None:
        self._dialog_open = False
        self._finish_if_closed()

    def _finish_if_closed(self) -> None:
        if not self._dialog_open and not self._in_flight:
            self.finished.emit(self.payment_id)


def payment_gone_text() -> str:
    """Why a payment that disappeared cannot be saved."""
    return tr("This payment no longer exists on the server.")


def _shown(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return tr("approved") if value else tr("not approved")
    return str(value)
