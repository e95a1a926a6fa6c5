"""The window's payment editors: one per payment, made on demand, let go when done."""

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from orderdesk.api import ShopClient
from orderdesk.models import PaymentMethod
from orderdesk.views.formatting import Formatter
from orderdesk.views.i18n import tr
from orderdesk.views.order_view import OrderView
from orderdesk.views.payment_dialog import PaymentDialog
from orderdesk.views.payment_editor import PaymentEditor
from orderdesk.views.sign_in_dialog import Connect, SignInDialog
from orderdesk.views.tasks import TaskRunner
from orderdesk.views.widgets import show_warning


class PaymentEditors(QObject):
    """Edits and approves the payments of the shown order.

    Each payment has at most one `PaymentEditor` at a time, so at most one
    save of it is in flight; the editor is let go once its dialog closed and
    its last call answered.

    Args:
        window: The main window: it owns the dialogs, and the questions and
            warnings are shown over it.
        order_view: Where the shown order and its thumbnails come from.
        client: Returns the current API client (it changes after signing in).
        runner: Runs the editors' calls off the UI thread.
        formatter: How values are shown.
        connect: Checks a server address and token and returns a client;
            without it, a refused token offers no sign-in.

    Signals:
        saved(int, object, tuple): The server accepted a change: the payment
            id, the answered `Order`, and the names of the fields sent.
        order_changed(object): An editor read the server's current `Order`.
        forbidden(str): This account may not edit payments; the reason.
        signed_in(object): The cashier signed in again; the new `ShopClient`.
    """

    saved = Signal(int, object, tuple)
    order_changed = Signal(object)
    forbidden = Signal(str)
    signed_in = Signal(object)

    def __init__(
        self,
        window: QWidget,
        order_view: OrderView,
        client: Callable[[], ShopClient],
        runner: TaskRunner,
        formatter: Formatter,
        connect: Connect | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._order_view = order_view
        self._client = client
        self._runner = runner
        self._formatter = formatter
        self._connect = connect
        self._methods: list[PaymentMethod] = []
        self._editors: dict[int, PaymentEditor] = {}
        self._approval_pending: int | None = None
        self._waiting_for_sign_in: PaymentEditor | None = None
        self._read_only_reason = ""

    def set_formatter(self, formatter: Formatter) -> None:
        """Show values of dialogs and questions opened from now on so."""
        self._formatter = formatter

    def set_methods(self, methods: list[PaymentMethod]) -> None:
        """The payment methods offered by dialogs opened from now on."""
        self._methods = methods

    def set_read_only(self, reason: str) -> None:
        """Keep every dialog from saving for a reason shown; "" allows it again."""
        self._read_only_reason = reason
        for editor in self._editors.values():
            editor.dialog.block_save(reason)

    def edit(self, payment_id: int) -> None:
        """Open the payment dialog for a payment of the shown order."""
        editor = self._editor_for(payment_id)
        if editor is not None:
            editor.dialog.open()
            editor.dialog.raise_()

    def approve(self, payment_id: int) -> None:
        """Approve a payment after the cashier confirms amount and method."""
        order = self._order_view.order
        payment = order.payment(payment_id) if order else None
        if payment is None or payment.approved or self._read_only_reason:
            return

        method = payment.payment_method_data
        question = (
            tr("Approve the payment of %1 by %2?")
            .replace("%1", self._formatter.money(payment.amount))
            .replace("%2", self._formatter.text(method.name if method else "—"))
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Approve payment"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._approval_pending = payment_id
        box.accepted.connect(self._approve_confirmed)
        box.open()

    def _approve_confirmed(self) -> None:
        payment_id, self._approval_pending = self._approval_pending, None
        editor = self._editor_for(payment_id) if payment_id is not None else None
        if editor is None:
            return

        editor.dialog.approved.setChecked(True)
        editor.save(editor.dialog.changes())

    def _editor_for(self, payment_id: int) -> PaymentEditor | None:
        """The editor of a payment, made when there is none yet."""
        existing = self._editors.get(payment_id)
        if existing is not None:
            return existing

        order = self._order_view.order
        payment = order.payment(payment_id) if order else None
        if order is None or payment is None:
            return None
        dialog = PaymentDialog(
            order,
            payment,
            self._methods,
            self._window,
            formatter=self._formatter,
            images=self._order_view.images,
        )
        if self._read_only_reason:
            dialog.block_save(self._read_only_reason)

        editor = PaymentEditor(dialog, self._client, self._runner, self)
        # Bound methods and signals only: a lambda holding the editor or the
        # window crashes PySide when the sender is destroyed.
        editor.saved.connect(self.saved)
        editor.order_changed.connect(self.order_changed)
        editor.sign_in_needed.connect(self._ask_sign_in)
        editor.forbidden.connect(self.forbidden)
        editor.failed.connect(self._on_editor_failed)
        editor.finished.connect(self._forget_editor)
        self._editors[payment_id] = editor
        return editor

    def _ask_sign_in(self, editor: PaymentEditor) -> None:
        if self._connect is None:
            return

        dialog = SignInDialog(
            self._connect,
            self._client().base_url,
            tr("The server no longer accepts your token. Sign in to continue."),
            editor.dialog if editor.dialog.isVisible() else self._window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._waiting_for_sign_in = editor
        dialog.signed_in.connect(self._on_signed_in)
        dialog.open()

    def _on_signed_in(self, client: ShopClient) -> None:
        # The waiting editor first: the window may make every dialog read-only
        # again (offline) when it takes the new client, and that must stick.
        waiting, self._waiting_for_sign_in = self._waiting_for_sign_in, None
        if waiting is not None:
            waiting.signed_in_again()
        self.signed_in.emit(client)

    def _on_editor_failed(self, reason: str) -> None:
        show_warning(self._window, tr("Payment not saved"), reason)

    def _forget_editor(self, payment_id: int) -> None:
        editor = self._editors.pop(payment_id, None)
        if editor is not None:
            # Handing both to Python lets them go with their last reference
            # (a task may still hold one). deleteLater() here crashed PySide
            # 6.12 when it ran while that task's callback was on the stack.
            editor.dialog.setParent(None)
            editor.setParent(None)
