"""The main window: opens orders, shows one, and reacts to payment changes."""

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from orderdesk.api import NetworkError, ShopClient
from orderdesk.models import Order, OrderPage, PaymentMethod
from orderdesk.store import OrderStore
from orderdesk.views.amount_input import normalise_digits
from orderdesk.views.banner import Banner, BannerKind
from orderdesk.views.column_menu import allow_choosing_columns
from orderdesk.views.connection_status import ConnectionStatus
from orderdesk.views.connectivity import Connectivity
from orderdesk.views.errors import describe
from orderdesk.views.formatting import Currency, Formatter
from orderdesk.views.history import History
from orderdesk.views.i18n import tr
from orderdesk.views.images import ImageSource, NoImages
from orderdesk.views.order_keeper import OrderKeeper
from orderdesk.views.order_source import Fetched, LiveSource, OfflineSource
from orderdesk.views.order_view import OrderView
from orderdesk.views.orders_list import OrdersListView
from orderdesk.views.payment_dialog import field_title
from orderdesk.views.payment_editors import PaymentEditors
from orderdesk.views.pdf_export import close_question
from orderdesk.views.printing import PrintActions
from orderdesk.views.review_queue import ReviewQueueView
from orderdesk.views.sign_in_dialog import Connect
from orderdesk.views.sign_out import SignOut
from orderdesk.views.tasks import TaskRunner
from orderdesk.views.totals_panel import outstanding_text
from orderdesk.views.widgets import plain_label, show_warning
from orderdesk.views.window_layout import LayoutMemory, WindowLayout
from orderdesk.views.window_menus import HelpMenu, ViewMenu

logger = logging.getLogger(__name__)

STATUS_TIMEOUT_MS = 8000
BACK_ONLINE_MS = 6000
NAVIGATOR_WIDTH = 400
# A key search is exact; a few results are enough to find the one.
KEY_SEARCH_SIZE = 5


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
        signed_out(): The user signed out and this computer forgot the
            token, the cache key and the saved orders of this server.
        currency_chosen(str): The user chose how to show amounts ("rial" or
            "toman"); the window already shows them so.
        language_chosen(str): The user chose the interface language ("fa"
            or "en"), used from the next start.
    """

    order_loaded = Signal(object)
    order_failed = Signal(str)
    payment_saved = Signal(object)
    signed_out = Signal()
    currency_chosen = Signal(str)
    language_chosen = Signal(str)

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
        self._keeper = OrderKeeper(self._runner, self)
        self._keeper.written.connect(self._on_order_kept)
        self._forbidden_reason = ""
        self._store: OrderStore | None = None
        self.connectivity = Connectivity(self._probe, self._runner, self)
        self.connectivity.offline_changed.connect(self._on_offline_changed)

        self.setObjectName("main_window")
        self.setWindowTitle(tr("OrderDesk"))
        self.order_view = OrderView(formatter, images or NoImages(), self)
        self.order_view.payment_activated.connect(self.edit_payment)
        self.order_view.approve_requested.connect(self.approve_payment)
        self._editors = PaymentEditors(
            self,
            self.order_view,
            self._current_client,
            self._runner,
            formatter,
            connect,
        )
        self._editors.saved.connect(self._on_payment_saved)
        self._editors.order_changed.connect(self._on_order_changed)
        self._editors.forbidden.connect(self._make_read_only)
        self._editors.signed_in.connect(self._on_signed_in)
        self.connectivity.answered.connect(self._editors.set_methods)
        self._placeholder = plain_label(tr("Open an order to see it here (Ctrl+L)."))
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._placeholder)
        self._stack.addWidget(self.order_view)
        self._history = History()
        self._after_load: tuple[int, str, int] | None = None
        # Set once the user chose to close while PDFs were being saved (or
        # signed out): the next close goes through without asking again.
        self._close_confirmed = False
        self._build_navigator()

        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.setObjectName("main_splitter")
        self._splitter.addWidget(self.navigator)
        self._splitter.addWidget(self._stack)
        self._splitter.setStretchFactor(1, 1)
        self._splitter.setSizes([NAVIGATOR_WIDTH, 1440 - NAVIGATOR_WIDTH])
        self.banner = Banner(self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banner)
        column.addWidget(self._splitter, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._connection = ConnectionStatus(self.statusBar(), client)
        self._view_choices = ViewMenu(self, formatter)
        self._view_choices.currency_chosen.connect(self._on_currency_chosen)
        self._view_choices.language_chosen.connect(self._on_language_chosen)
        self.view_menu = self._view_choices.menu
        self._help = HelpMenu(self)
        self.help_menu = self._help.menu
        self._runner.busy_changed.connect(self._connection.set_busy)
        self.resize(1440, 880)
        self._view_choices.add_column_menus(
            [
                allow_choosing_columns(self.orders_list.table, tr("Order list")),
                allow_choosing_columns(self.review_queue.table, tr("Review queue")),
                allow_choosing_columns(self.order_view.items_table, tr("Items")),
                allow_choosing_columns(self.order_view.payments_table, tr("Payments")),
            ]
        )
        self._window_layout = WindowLayout(
            self,
            self.order_view,
            settings,
            tables={
                "orders": self.orders_list.table,
                "review": self.review_queue.table,
            },
            splitters={"main": self._splitter},
        )
        self._window_layout.restore()
        self._load_methods()

    @property
    def client(self) -> ShopClient:
        """The API client of the signed-in account."""
        return self._client

    def _current_client(self) -> ShopClient:
        # Editors ask at each call: signing in again replaces the client.
        return self._client

    def open_order(self, order_id: int) -> None:
        """Fetch an order in the background and show it when it arrives."""
        logger.info("Opening order %s", order_id)
        self.statusBar().showMessage(
            tr("Loading order %1…").replace("%1", self._formatter.number(order_id))
        )
        source = self._source()
        unwritten = self._keeper.unwritten(order_id)
        if isinstance(source, OfflineSource) and unwritten is not None:
            # Shown a moment ago and not in the store yet (see OrderKeeper).
            self._on_order_opened(unwritten)
            return
        self._runner.run(
            lambda: source.get_order(order_id),
            self._on_order_opened,
            lambda error: self._on_open_failed(order_id, error),
        )

    def open_reference(self, reference: str) -> None:
        """Open an order by its id or its key, as typed by the user."""
        text = normalise_digits(reference.strip())
        if text.isdigit() and text.isascii():
            self.open_order(int(text))
            return
        if not text:
            return

        self.statusBar().showMessage(tr("Looking for the order…"))
        self._runner.run(
            lambda: self._client.list_orders(search=text, page_size=KEY_SEARCH_SIZE),
            lambda page: self._on_key_found(text, page),
            lambda error: self._on_open_failed(None, error),
        )

    def go_back(self) -> None:
        """Show the order shown before this one."""
        order_id = self._history.back()
        if order_id is not None:
            self.open_order(order_id)

    def go_forward(self) -> None:
        """Show the order shown after this one, after going back."""
        order_id = self._history.forward()
        if order_id is not None:
            self.open_order(order_id)

    def show_order(
        self,
        order: Order,
        *,
        select_payment: int | None = None,
        saved_at: datetime | None = None,
    ) -> None:
        """Show an order document in the order view.

        Args:
            order: The order.
            select_payment: The payment to select; the one selected now if
                None.
            saved_at: When the shown copy was fetched, for an order read
                from the offline store; None for live data.
        """
        self.order_view.set_order(order, select_payment=select_payment)
        self.order_view.set_saved_at(saved_at)
        self._stack.setCurrentWidget(self.order_view)
        self.setWindowTitle(
            tr("Order %1 — OrderDesk").replace("%1", self._formatter.number(order.id))
        )
        self.statusBar().clearMessage()
        self._history.visit(order.id)
        self._update_navigation()
        self.order_loaded.emit(order)

    def refresh(self) -> None:
        """Read the shown order again from the server."""
        order = self.order_view.order
        if order is not None:
            self.open_order(order.id)

    def edit_payment(self, payment_id: int) -> None:
        """Open the payment dialog for a payment of the shown order."""
        self._editors.edit(payment_id)

    def approve_payment(self, payment_id: int) -> None:
        """Approve a payment after the cashier confirms amount and method."""
        self._editors.approve(payment_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override of `QWidget.closeEvent`: results in flight are dropped.

        While a child process still saves an order as PDF, the window asks
        first: closing stops the child, and its file is never written.
        """
        saving = self._printing.saving_pdfs()
        if saving and not self._close_confirmed:
            event.ignore()
            box = close_question(self, self._formatter, saving)
            box.buttonClicked.connect(self._on_close_answered)
            box.open()
            return

        self._printing.stop_saving_pdfs()
        self._keeper.flush()
        self._runner.cancel_all()
        self.connectivity.stop()
        self._client.close()
        self._window_layout.save()
        super().closeEvent(event)

    def set_store(self, store: OrderStore | None, *, off_reason: str = "") -> None:
        """Use an offline store from now on; None turns offline review off.

        Args:
            store: The open store of this server and account.
            off_reason: Why there is no store, shown in the banner.
        """
        self._store = store
        self._keeper.set_store(store)
        if store is None and off_reason:
            self.banner.say(off_reason, BannerKind.WARNING)

    @property
    def store(self) -> OrderStore | None:
        """The offline store in use, if any."""
        return self._store

    def set_sign_out(self, forget: Callable[[], None]) -> None:
        """Enable signing out; `forget` runs on a pool thread.

        Args:
            forget: Deletes, in this order, the cache key, the token and the
                cache files of this server and account.
        """
        self._sign_out.enable(forget)

    def sign_out(self) -> None:
        """Forget this account on this computer, then say so."""
        self._sign_out.start()

    def _server_url(self) -> str:
        return self._client.base_url

    def _on_close_answered(self, button: QAbstractButton) -> None:
        box = self.sender()
        if not isinstance(box, QMessageBox):
            return
        if box.buttonRole(button) == QMessageBox.ButtonRole.DestructiveRole:
            self._close_confirmed = True
            self.close()

    def _on_signed_out(self) -> None:
        # Signing out was confirmed already; a PDF still being written with
        # the forgotten account's order is dropped with the rest.
        self._close_confirmed = True
        self._store = None
        self._keeper.set_store(None)
        self.signed_out.emit()

    def go_offline(self) -> None:
        """Work from the offline store until the server answers again."""
        self.connectivity.report_unreachable()

    def _source(self) -> LiveSource | OfflineSource:
        if self.connectivity.offline and self._store is not None:
            return OfflineSource(self._store)
        return LiveSource(self._client, self._store)

    def _probe(self) -> list[PaymentMethod]:
        """Runs on a pool thread: a cheap call that tells whether the server is up.

        It asks for the payment methods, which the window needs anyway once
        the server answers (see `Connectivity.answered`).
        """
        return self._client.list_payment_methods()

    def _on_offline_changed(self, offline: bool) -> None:
        if offline:
            # What waits to be kept is all there is to read now: write it.
            self._keeper.flush()
            self._show_offline_banner()
        else:
            self.banner.say(
                tr("Back online: the server answers again."),
                BannerKind.INFO,
                for_ms=BACK_ONLINE_MS,
            )
        self._apply_read_only()
        self.orders_list.reload()
        shown = self.order_view.order
        if shown is not None and not offline:
            # The copy shown may be old: read it again now that we can.
            self.open_order(shown.id)

    def _show_offline_banner(self) -> None:
        since = self.connectivity.since
        moment = self._formatter.date_time(since) if since else ""
        if self._store is None:
            text = tr(
                "The server cannot be reached (since %1). Offline review is off on "
                "this computer, so no saved orders can be shown. Retrying…"
            )
        else:
            text = tr(
                "Offline since %1: showing orders saved on this computer. Editing "
                "is off until the server answers again. Retrying…"
            )
        self.banner.say(text.replace("%1", moment), BannerKind.WARNING)

    def _apply_read_only(self) -> None:
        offline = tr("Offline: editing is off until the server answers again.")
        reason = offline if self.connectivity.offline else self._forbidden_reason
        self.order_view.set_read_only(reason)
        self.review_queue.set_read_only(reason)
        self._editors.set_read_only(reason)

    def _build_navigator(self) -> None:
        def source() -> LiveSource | OfflineSource:
            return self._source()

        self.navigator = QTabWidget(self)
        self.navigator.setObjectName("navigator")
        self.navigator.setAccessibleName(tr("Orders and review queue"))
        self.orders_list = OrdersListView(
            source, self._formatter, runner=self._runner, parent=self
        )
        self.orders_list.order_requested.connect(self.open_order)
        self.review_queue = ReviewQueueView(
            source, self._formatter, runner=self._runner, parent=self
        )
        self.review_queue.current_payment_changed.connect(self._show_queued)
        self.review_queue.open_payment_requested.connect(self._edit_queued)
        self.review_queue.approve_requested.connect(self._approve_queued)
        self.order_loaded.connect(self.review_queue.refresh_order)
        self.payment_saved.connect(self.review_queue.refresh_order)
        self.navigator.addTab(self.orders_list, tr("Orders"))
        self.navigator.addTab(self.review_queue, tr("Review queue"))

    def _show_queued(self, order_id: int, payment_id: int) -> None:
        self._when_shown(order_id, "select", payment_id)

    def _edit_queued(self, order_id: int, payment_id: int) -> None:
        self._when_shown(order_id, "edit", payment_id)

    def _approve_queued(self, order_id: int, payment_id: int) -> None:
        self._when_shown(order_id, "approve", payment_id)

    def _when_shown(self, order_id: int, action: str, payment_id: int) -> None:
        """Act on a payment once its order is the one shown."""
        shown = self.order_view.order
        if shown is not None and shown.id == order_id:
            self._act_on_payment(action, payment_id)
            return
        self._after_load = (order_id, action, payment_id)
        self.open_order(order_id)

    def _act_on_payment(self, action: str, payment_id: int) -> None:
        self.order_view.select_payment(payment_id)
        if action == "edit":
            self.edit_payment(payment_id)
        elif action == "approve":
            self.approve_payment(payment_id)

    def _on_order_opened(self, fetched: Fetched) -> None:
        order = fetched.order
        pending, self._after_load = self._after_load, None
        self.show_order(order, saved_at=fetched.saved_at)
        if fetched.saved_at is None:
            # Read from the server: keep it for offline review, after it is
            # shown (see LiveSource.get_order).
            self._keeper.keep(order)
        if pending is not None and pending[0] == order.id:
            self._act_on_payment(pending[1], pending[2])

    def _on_key_found(self, key: str, page: OrderPage) -> None:
        exact = [o for o in page.results if o.key.casefold() == key.casefold()]
        found = exact or (page.results if page.count == 1 else [])
        if not found:
            self.statusBar().clearMessage()
            show_warning(
                self,
                tr("Open order"),
                tr("No order has the ID or key %1.").replace("%1", key),
            )
            return
        self.open_order(found[0].id)

    def _update_navigation(self) -> None:
        self._back.setEnabled(self._history.can_go_back)
        self._forward.setEnabled(self._history.can_go_forward)

    def _build_actions(self) -> None:
        open_action = QAction(tr("&Open order…"), self)
        open_action.setShortcuts(
            [QKeySequence("Ctrl+L"), QKeySequence(QKeySequence.StandardKey.Open)]
        )
        open_action.triggered.connect(self._ask_order_id)
        self._back = QAction(tr("&Back"), self)
        self._back.setShortcut(QKeySequence.StandardKey.Back)
        self._back.triggered.connect(self.go_back)
        self._forward = QAction(tr("&Forward"), self)
        self._forward.setShortcut(QKeySequence.StandardKey.Forward)
        self._forward.triggered.connect(self.go_forward)
        self._update_navigation()
        refresh = QAction(tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        self._sign_out = SignOut(self, self._runner, self._server_url)
        self._sign_out.signed_out.connect(self._on_signed_out)
        quit_action = QAction(tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        menu = self.menuBar().addMenu(tr("&Order"))
        menu.addAction(open_action)
        menu.addAction(refresh)
        menu.addSeparator()
        menu.addAction(self.order_view.focus_items_action)
        menu.addAction(self.order_view.focus_payments_action)
        menu.addAction(self.order_view.approve_action)
        menu.addSeparator()
        self._printing = PrintActions(self, self._formatter, self._shown_order)
        self.order_loaded.connect(self._printing.refresh_enabled)
        menu.addAction(self._printing.print_action)
        menu.addAction(self._printing.pdf_action)
        menu.addSeparator()
        menu.addAction(self._back)
        menu.addAction(self._forward)
        menu.addSeparator()
        menu.addAction(self._sign_out.action)
        menu.addAction(quit_action)

        toolbar = QToolBar(tr("Order"), self)
        toolbar.setObjectName("order_toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self._back)
        toolbar.addAction(self._forward)
        toolbar.addAction(open_action)
        toolbar.addAction(refresh)
        self.addToolBar(toolbar)

    def set_formatter(self, formatter: Formatter) -> None:
        """Show every value in another currency (or language) from now on."""
        self._formatter = formatter
        self.order_view.set_formatter(formatter)
        self.orders_list.set_formatter(formatter)
        self.review_queue.set_formatter(formatter)
        self._editors.set_formatter(formatter)
        self._view_choices.show_currency(formatter.currency)

    def _on_currency_chosen(self, value: str) -> None:
        currency = Currency(value)
        self.set_formatter(Formatter(self._formatter.locale, currency))
        self.currency_chosen.emit(currency.value)

    def _on_language_chosen(self, code: str) -> None:
        self.language_chosen.emit(code)
        self.statusBar().showMessage(
            tr("The language changes the next time OrderDesk starts."),
            STATUS_TIMEOUT_MS,
        )

    def _shown_order(self) -> Order | None:
        return self.order_view.order

    def _ask_order_id(self) -> None:
        # Not getText(): its nested event loop would hold this slot open.
        ask = QInputDialog(self)
        ask.setObjectName("open_order_dialog")
        ask.setWindowTitle(tr("Open order"))
        ask.setLabelText(tr("Order ID or key:"))
        ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ask.textValueSelected.connect(self.open_reference)
        ask.open()

    def _load_methods(self) -> None:
        self._runner.run(
            self._client.list_payment_methods,
            self._editors.set_methods,
            lambda error: logger.warning(
                "Could not load payment methods: %s", type(error).__name__
            ),
        )

    def _on_open_failed(self, order_id: int | None, error: Exception) -> None:
        if isinstance(error, NetworkError) and not self.connectivity.offline:
            self.connectivity.report_unreachable()
            if order_id is not None and self._store is not None:
                self.open_order(order_id)
                return
        reason = describe(error)
        logger.warning("Opening order %s failed: %s", order_id, type(error).__name__)
        self.statusBar().showMessage(reason, STATUS_TIMEOUT_MS)
        self.order_failed.emit(reason)

    def _on_payment_saved(
        self, payment_id: int, order: Order, fields: tuple[str, ...]
    ) -> None:
        previous = self.order_view.order
        self.show_order(order, select_payment=payment_id)
        self._keeper.keep(order)
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

    def _on_order_kept(self, _order_id: int) -> None:
        # Offline, the list shows what the store holds: one more order now.
        if self.connectivity.offline:
            self.orders_list.reload()

    def _on_order_changed(self, order: Order) -> None:
        shown = self.order_view.order
        if shown is None or shown.id == order.id:
            self.show_order(order)

    def _on_signed_in(self, client: ShopClient) -> None:
        """Another sign-in replaces the client; a new account may edit again."""
        previous, self._client = self._client, client
        if previous is not client:
            previous.close()
        self.orders_list.reload()
        self.review_queue.refresh()
        self._connection.show_client(client)
        self._make_read_only("")
        self._load_methods()

    def _make_read_only(self, reason: str) -> None:
        self._forbidden_reason = reason
        self._apply_read_only()
