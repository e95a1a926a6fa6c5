"""The main window: opens orders, shows one, and saves payment changes."""

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from orderdesk.api import ShopClient
from orderdesk.models import Order, PaymentMethod, PaymentUpdate
from orderdesk.views.errors import describe
from orderdesk.views.formatting import Formatter
from orderdesk.views.i18n import tr
from orderdesk.views.images import ImageSource, NoImages
from orderdesk.views.order_view import OrderView
from orderdesk.views.payment_dialog import PaymentDialog
from orderdesk.views.tasks import TaskRunner
from orderdesk.views.widgets import plain_label, show_warning

logger = logging.getLogger(__name__)

STATUS_TIMEOUT_MS = 8000


class MainWindow(QMainWindow):
    """The application's window for one signed-in server and account.

    Args:
        client: The API client of the signed-in account.
        formatter: How values are shown.
        images: Where thumbnails come from.
        sign_in: Asks the user to sign in again and returns the new client,
            or None when they gave up; used after a 401.

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
        sign_in: Callable[[str], ShopClient | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._formatter = formatter
        self._sign_in = sign_in
        self._runner = TaskRunner(self)
        self._methods: list[PaymentMethod] = []
        self._dialog: PaymentDialog | None = None
        self._saving: set[int] = set()

        self.setObjectName("main_window")
        self.setWindowTitle(tr("OrderDesk"))
        self.order_view = OrderView(formatter, images or NoImages(), self)
        self.order_view.payment_activated.connect(self.edit_payment)
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
        order = self.order_view.order
        payment = order.payment(payment_id) if order else None
        if order is None or payment is None:
            return
        if self._dialog is not None:
            self._dialog.raise_()
            return

        dialog = PaymentDialog(
            order,
            payment,
            self._methods,
            self,
            formatter=self._formatter,
            images=self.order_view.images,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.save_requested.connect(lambda update: self._save_payment(dialog, update))
        dialog.finished.connect(self._on_dialog_finished)
        self._dialog = dialog
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override of `QWidget.closeEvent`: results in flight are dropped."""
        self._runner.cancel_all()
        super().closeEvent(event)

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

    def _save_payment(self, dialog: PaymentDialog, update: PaymentUpdate) -> None:
        payment_id = dialog.payment.id
        if payment_id in self._saving:
            return

        self._saving.add(payment_id)
        order_id = dialog.order.id
        self._runner.run(
            lambda: self._client.update_payment(order_id, payment_id, update),
            lambda order: self._on_payment_saved(payment_id, order),
            lambda error: self._on_save_failed(payment_id, error),
        )

    def _on_payment_saved(self, payment_id: int, order: Order) -> None:
        self._saving.discard(payment_id)
        self.show_order(order, select_payment=payment_id)
        self.statusBar().showMessage(
            tr("Payment %1 saved. Outstanding: %2")
            .replace("%1", self._formatter.number(payment_id))
            .replace("%2", self._formatter.money(order.amount_outstanding)),
            STATUS_TIMEOUT_MS,
        )
        if self._dialog is not None and self._dialog.payment.id == payment_id:
            self._dialog.accept()
        self.payment_saved.emit(order)

    def _on_save_failed(self, payment_id: int, error: Exception) -> None:
        self._saving.discard(payment_id)
        logger.warning("Saving payment %s failed: %s", payment_id, type(error).__name__)
        if self._dialog is not None and self._dialog.payment.id == payment_id:
            self._dialog.show_error(error)
        else:
            show_warning(self, tr("Payment not saved"), describe(error))

    def _on_dialog_finished(self) -> None:
        self._dialog = None
