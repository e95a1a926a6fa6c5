"""The main window: opens orders, shows one, and saves payment changes."""

import logging
from typing import Protocol

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from orderdesk.api import ShopClient
from orderdesk.models import Order, PaymentMethod
from orderdesk.views.errors import describe
from orderdesk.views.formatting import Formatter
from orderdesk.views.i18n import tr
from orderdesk.views.images import ImageSource, NoImages
from orderdesk.views.order_view import OrderView
from orderdesk.views.payment_dialog import PaymentDialog, field_title
from orderdesk.views.payment_editor import PaymentEditor
from orderdesk.views.sign_in_dialog import Connect, SignInDialog
from orderdesk.views.tasks import TaskRunner
from orderdesk.views.totals_panel import outstanding_text
from orderdesk.views.widgets import plain_label, show_warning

logger = logging.getLogger(__name__)

STATUS_TIMEOUT_MS = 8000


class LayoutMemory(Protocol):
    """Where window and table layouts are remembered (`orderdesk.settings`)."""

    def layout(self, name: str) -> QByteArray | None:
        """A saved layout, if any."""
        ...

    def set_layout(self, name: str, state: QByteArray) -> None:
        """Keep a layout."""
        ...


class MainWindow(QMainWindow):
    """The application's window for one signed-in server and account.

    Args:
        client: The API client of the signed-in account.
        formatter: How values are shown.
        images: Where thumbnails come from.
        connect: Checks a server address and token and returns a client;
            used to sign in again after the server refuses the token.
        parent: The owning widget, if any.
        settings: Where the window's size, layout and column widths are
            remembered; nothing is remembered without it.

    Signals:
        order_loaded(object): An `Order` was shown.
        order_failed(str): Opening an order failed, with the reason shown.
        payment_saved(object): The server accepted a change; the new `Order`.
    """

    order_loaded = Signal(object)
    order_failed = Signal(str)
    payment_saved = Signal(object)

    def __init__(
        self,
        client: ShopClient,
        formatter: Formatter,
        images: ImageSource | None = None,
        connect: Connect | None = None,
        parent: QWidget | None = None,
        *,
        settings: LayoutMemory | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._formatter = formatter
        self._runner = TaskRunner(self)
        self._methods: list[PaymentMethod] = []
        self._connect = connect
        self._editors: dict[int, PaymentEditor] = {}
        self._approval_pending: int | None = None
        self._waiting_for_sign_in: PaymentEditor | None = None
        self._read_only_reason = ""

        self.setObjectName("main_window")
        self.setWindowTitle(tr("OrderDesk"))
        self.order_view = OrderView(formatter, images or NoImages(), self)
        self.order_view.payment_activated.connect(self.edit_payment)
        self.order_view.approve_requested.connect(self.approve_payment)
        self._placeholder = plain_label(tr("Open an order to see it here (Ctrl+L)."))
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._placeholder)
        self._stack.addWidget(self.order_view)
        self.setCentralWidget(self._stack)

        self._build_actions()
        self._build_status_bar()
        self._runner.busy_changed.connect(self._busy.setVisible)
        self.resize(1280, 820)
        self._settings = settings
        self._restore_layout()
        self._load_methods()

    @property
    def client(self) -> ShopClient:
        """The API client of the signed-in account."""
        return self._client

    def open_order(self, order_id: int) -> None:
        """Fetch an order in the background and show it when it arrives."""
        logger.info("Opening order %s", order_id)
        self.statusBar().showMessage(
            tr("Loading order %1…").replace("%1", self._formatter.number(order_id))
        )
        self._runner.run(
            lambda: self._client.get_order(order_id),
            self.show_order,
            lambda error: self._on_open_failed(order_id, error),
        )

    def show_order(self, order: Order, *, select_payment: int | None = None) -> None:
        """Show an order document in the order view."""
        self.order_view.set_order(order, select_payment=select_payment)
        self._stack.setCurrentWidget(self.order_view)
        self.setWindowTitle(
            tr("Order %1 — OrderDesk").replace("%1", self._formatter.number(order.id))
        )
        self.statusBar().clearMessage()
        self.order_loaded.emit(order)

    def refresh(self) -> None:
        """Read the shown order again from the server."""
        order = self.order_view.order
        if order is not None:
            self.open_order(order.id)

    def edit_payment(self, payment_id: int) -> None:
        """Open the payment dialog for a payment of the shown order."""
        editor = self._editor_for(payment_id)
        if editor is not None:
            editor.dialog.open()
            editor.dialog.raise_()

    def approve_payment(self, payment_id: int) -> None:
        """Approve a payment after the cashier confirms amount and method."""
        order = self.order_view.order
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
            self,
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

        order = self.order_view.order
        payment = order.payment(payment_id) if order else None
        if order is None or payment is None:
            return None
        dialog = PaymentDialog(
            order,
            payment,
            self._methods,
            self,
            formatter=self._formatter,
            images=self.order_view.images,
        )
        if self._read_only_reason:
            dialog.block_save(self._read_only_reason)

        editor = PaymentEditor(dialog, lambda: self._client, self._runner, self)
        # Bound methods only: a lambda holding the editor or the window
        # crashes PySide when the sender is destroyed.
        editor.saved.connect(self._on_payment_saved)
        editor.order_changed.connect(self._on_order_changed)
        editor.sign_in_needed.connect(self._ask_sign_in)
        editor.forbidden.connect(self._make_read_only)
        editor.failed.connect(self._on_editor_failed)
        editor.finished.connect(self._forget_editor)
        self._editors[payment_id] = editor
        return editor

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override of `QWidget.closeEvent`: results in flight are dropped."""
        self._runner.cancel_all()
        self._client.close()
        self._save_layout()
        super().closeEvent(event)

    def _restore_layout(self) -> None:
        if self._settings is None:
            return
        geometry = self._settings.layout("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self._settings.layout("main_window/state")
        if state is not None:
            self.restoreState(state)
        headers = {
            name: state
            for name in ("items", "payments")
            if (state := self._settings.layout(f"tables/{name}")) is not None
        }
        self.order_view.restore_header_states(headers)

    def _save_layout(self) -> None:
        if self._settings is None:
            return
        self._settings.set_layout("main_window/geometry", self.saveGeometry())
        self._settings.set_layout("main_window/state", self.saveState())
        for name, state in self.order_view.header_states().items():
            self._settings.set_layout(f"tables/{name}", state)

    def _build_actions(self) -> None:
        open_action = QAction(tr("&Open order…"), self)
        open_action.setShortcuts(
            [QKeySequence("Ctrl+L"), QKeySequence(QKeySequence.StandardKey.Open)]
        )
        open_action.triggered.connect(self._ask_order_id)
        refresh = QAction(tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        quit_action = QAction(tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        menu = self.menuBar().addMenu(tr("&Order"))
        menu.addAction(open_action)
        menu.addAction(refresh)
        menu.addSeparator()
        menu.addAction(quit_action)

        toolbar = QToolBar(tr("Order"), self)
        toolbar.setObjectName("order_toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(open_action)
        toolbar.addAction(refresh)
        self.addToolBar(toolbar)

    def _build_status_bar(self) -> None:
        self._busy = QProgressBar(self)
        self._busy.setRange(0, 0)
        self._busy.setMaximumWidth(120)
        self._busy.setTextVisible(False)
        self._busy.hide()
        self._server = QLabel(self)
        self._server.setTextFormat(Qt.TextFormat.PlainText)
        self._server.setText(self._client.base_url)
        self.statusBar().addPermanentWidget(self._busy)
        self.statusBar().addPermanentWidget(self._server)

    def _ask_order_id(self) -> None:
        number, ok = QInputDialog.getInt(
            self, tr("Open order"), tr("Order ID:"), 1, 1, 2**31 - 1
        )
        if ok:
            self.open_order(number)

    def _load_methods(self) -> None:
        self._runner.run(
            self._client.list_payment_methods,
            self._on_methods_loaded,
            lambda error: logger.warning(
                "Could not load payment methods: %s", type(error).__name__
            ),
        )

    def _on_methods_loaded(self, methods: list[PaymentMethod]) -> None:
        self._methods = methods

    def _on_open_failed(self, order_id: int, error: Exception) -> None:
        reason = describe(error)
        logger.warning("Opening order %s failed: %s", order_id, type(error).__name__)
        self.statusBar().showMessage(reason, STATUS_TIMEOUT_MS)
        self.order_failed.emit(reason)

    def _on_payment_saved(
        self, payment_id: int, order: Order, fields: tuple[str, ...]
    ) -> None:
        previous = self.order_view.order
        self.show_order(order, select_payment=payment_id)
        if previous is not None:
            self.order_view.totals.highlight_changes(previous, order)

        changed = ", ".join(field_title(name) for name in fields)
        self.statusBar().showMessage(
            tr("Payment %1 saved (%2). Outstanding now: %3")
            .replace("%1", self._formatter.number(payment_id))
            .replace("%2", changed)
            .replace("%3", outstanding_text(self._formatter, order.amount_outstanding)),
            STATUS_TIMEOUT_MS,
        )
        self.payment_saved.emit(order)

    def _on_order_changed(self, order: Order) -> None:
        shown = self.order_view.order
        if shown is None or shown.id == order.id:
            self.show_order(order)

    def _ask_sign_in(self, editor: PaymentEditor) -> None:
        if self._connect is None:
            return
        dialog = SignInDialog(
            self._connect,
            self._client.base_url,
            tr("The server no longer accepts your token. Sign in to continue."),
            editor.dialog if editor.dialog.isVisible() else self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._waiting_for_sign_in = editor
        dialog.signed_in.connect(self._on_signed_in)
        dialog.open()

    def _on_signed_in(self, client: ShopClient) -> None:
        """Another sign-in replaces the client; a new account may edit again."""
        previous, self._client = self._client, client
        if previous is not client:
            previous.close()
        waiting, self._waiting_for_sign_in = self._waiting_for_sign_in, None
        if waiting is not None:
            waiting.signed_in_again()
        self._server.setText(client.base_url)
        self._make_read_only("")
        self._load_methods()

    def _on_editor_failed(self, reason: str) -> None:
        show_warning(self, tr("Payment not saved"), reason)

    def _make_read_only(self, reason: str) -> None:
        self._read_only_reason = reason
        self.order_view.set_read_only(reason)

    def _forget_editor(self, payment_id: int) -> None:
        editor = self._editors.pop(payment_id, None)
        if editor is not None:
            # Handing both to Python lets them go with their last reference
            # (a task may still hold one). deleteLater() here crashed PySide
            # 6.12 when it ran while that task's callback was on the stack.
            editor.dialog.setParent(None)
            editor.setParent(None)
