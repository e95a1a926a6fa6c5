"""The review queue: payments waiting for approval, stepped through by keys.

The model lives in `review_model`; see there how the queue is gathered from
the order list, the only way the documented API allows.
"""

import logging

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from orderdesk.models import Order
from orderdesk.views.column_fit import fit_columns_once
from orderdesk.views.errors import describe
from orderdesk.views.formatting import Formatter
from orderdesk.views.i18n import tr
from orderdesk.views.orders_model import ClientSource
from orderdesk.views.review_model import (
    PendingPayment,
    ReviewQueueModel,
)
from orderdesk.views.tasks import TaskRunner
from orderdesk.views.widgets import RetryRow, plain_label, read_only_table

__all__ = ["PendingPayment", "ReviewQueueModel", "ReviewQueueView"]

logger = logging.getLogger(__name__)

# Holding Down steps through many rows; the order is shown for the one the
# manager stops at, not fetched for every row passed.
SELECTION_DELAY_MS = 200
MAX_COLUMN_WIDTH = 280
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ReviewQueueView(QWidget):
    """Payments waiting for approval across orders, oldest first.

    Up and Down step through the queue; Enter asks to open the payment's
    edit dialog; Ctrl+Shift+A (or the Approve button) asks to approve it.
    The view only asks: its owner approves, then calls `remove_payment` or
    `refresh_order` with the answer.

    Args:
        client: Returns the current API client.
        formatter: How values are shown.
        runner: Runs the page requests; the view makes its own by default.
        parent: The parent widget.

    Attributes:
        model: The queue.
        table: The table view.

    Signals:
        open_payment_requested(int, int): Open the edit dialog of this
            payment; the order id, then the payment id.
        approve_requested(int, int): Approve this payment; the order id,
            then the payment id.
        current_payment_changed(int, int): The manager stopped on this
            payment (order id, payment id), to be shown in its order.
        load_failed(object): Reading the orders failed with this exception.
    """

    open_payment_requested = Signal(int, int)
    approve_requested = Signal(int, int)
    current_payment_changed = Signal(int, int)
    load_failed = Signal(object)

    def __init__(
        self,
        client: ClientSource,
        formatter: Formatter,
        *,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self._read_only_reason = ""
        self.model = ReviewQueueModel(client, formatter, runner=runner, parent=self)

        self._selection_timer = QTimer(self)
        self._selection_timer.setSingleShot(True)
        self._selection_timer.setInterval(SELECTION_DELAY_MS)
        self._selection_timer.timeout.connect(self._announce_current)

        self._build()
        self.model.loading_changed.connect(self._on_loading_changed)
        self.model.progress_changed.connect(self._on_progress)
        self.model.failed.connect(self._on_model_failed)
        self.model.scan_finished.connect(self._update_state)
        self.model.modelReset.connect(self._update_state)
        self.model.rowsInserted.connect(self._on_rows_inserted)
        self.model.rowsRemoved.connect(self._update_state)

    def refresh(self) -> None:
        """Read every order again and rebuild the queue."""
        self._show_error("")
        self.model.refresh()

    def remove_payment(self, payment_id: int) -> None:
        """Take a payment out of the queue, as after it was approved."""
        self.model.remove_payment(payment_id)

    def refresh_order(self, order: Order) -> None:
        """Update the queue from an order just read or saved."""
        self.model.refresh_order(order)

    def selected(self) -> PendingPayment | None:
        """The payment in the current row, if any."""
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def select_payment(self, payment_id: int) -> bool:
        """Make a payment's row current; False when it is not in the queue."""
        number = self.model.row_of(payment_id)
        if number is None:
            return False
        self._select_row(number)
        return True

    def set_read_only(self, reason: str) -> None:
        """Disable approving and editing with a reason; "" enables them."""
        self._read_only_reason = reason
        self._update_buttons()

    def set_formatter(self, formatter: Formatter) -> None:
        """Show values in another language or currency."""
        self._formatter = formatter
        self.model.set_formatter(formatter)
        self._update_state()

    def showEvent(self, event: QShowEvent) -> None:
        """Override of `QWidget.showEvent`: the queue is read when first shown."""
        super().showEvent(event)
        if not self.model.started:
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override of `QObject.eventFilter`: Enter opens the payment.

        Handled here rather than through `QTableView.activated`, which macOS
        does not emit for Enter.
        """
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self._request_open()
            return True
        return super().eventFilter(watched, event)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_status_row())
        self._stack = QStackedWidget(self)
        self._stack.setObjectName("queue_stack")
        self._stack.addWidget(self._build_table())
        self._empty = plain_label(tr("No payments wait for approval"))
        self._empty.setObjectName("queue_empty")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack.addWidget(self._empty)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self._build_error_row())
        layout.addLayout(self._build_buttons())
        self._build_actions()
        self._update_state()

    def _build_status_row(self) -> QHBoxLayout:
        self._status = plain_label()
        self._status.setObjectName("queue_status")
        self._busy = QProgressBar(self)
        self._busy.setObjectName("busy")
        self._busy.setRange(0, 0)
        self._busy.setTextVisible(False)
        self._busy.setMaximumWidth(80)
        self._busy.setAccessibleName(tr("Loading"))
        self._busy.hide()
        refresh = QPushButton(tr("Refresh"), self)
        refresh.setObjectName("refresh_queue")
        refresh.setToolTip(tr("Read every order again"))
        refresh.clicked.connect(self.refresh)

        row = QHBoxLayout()
        row.addWidget(self._status, 1)
        row.addWidget(self._busy)
        row.addWidget(refresh)
        return row

    def _build_table(self) -> QTableView:
        table = read_only_table(self.model, self)
        table.setObjectName("review_table")
        table.setAccessibleName(tr("Payments waiting for approval"))
        table.setAccessibleDescription(
            tr("Enter edits the selected payment; Ctrl+Shift+A approves it.")
        )
        # A bound method: a lambda holding this view crashes PySide when the
        # table, its child, is destroyed.
        table.doubleClicked.connect(self._on_table_double_clicked)
        table.installEventFilter(self)
        table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table = table
        return table

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self._request_open()

    def _build_error_row(self) -> RetryRow:
        self._error_row = RetryRow("queue_error", self)
        self._error_row.retry_requested.connect(self._on_retry_clicked)
        return self._error_row

    def _build_buttons(self) -> QHBoxLayout:
        self._hint = plain_label()
        self._open_button = QPushButton(tr("Edit payment…"), self)
        self._open_button.setObjectName("open_payment")
        self._open_button.setToolTip(tr("Open the payment's edit dialog (Enter)"))
        self._open_button.clicked.connect(self._request_open)
        self._approve_button = QPushButton(tr("Approve…"), self)
        self._approve_button.setObjectName("approve_button")
        self._approve_button.setToolTip(
            tr("Approve the selected payment (Ctrl+Shift+A)")
        )
        self._approve_button.clicked.connect(self._request_approve)

        row = QHBoxLayout()
        row.addWidget(self._hint, 1)
        row.addWidget(self._approve_button)
        row.addWidget(self._open_button)
        return row

    def _build_actions(self) -> None:
        self.approve_action = QAction(tr("&Approve payment…"), self)
        self.approve_action.setObjectName("approve_payment")
        self.approve_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.approve_action.setShortcutContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self.approve_action.triggered.connect(self._request_approve)
        self.addAction(self.approve_action)
        # No F5 here: the main window's Refresh owns it, and a second action
        # on the same key would make both ambiguous. Route it to `refresh`.

    def _request_open(self) -> None:
        pending = self.selected()
        if pending is not None and not self._read_only_reason:
            self.open_payment_requested.emit(pending.order_id, pending.payment_id)

    def _request_approve(self) -> None:
        pending = self.selected()
        if pending is not None and not self._read_only_reason:
            self.approve_requested.emit(pending.order_id, pending.payment_id)

    def _select_row(self, number: int) -> None:
        index = self.model.index(number, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _on_current_changed(self, current: QModelIndex, _previous: object) -> None:
        self._update_buttons()
        if current.isValid():
            self._selection_timer.start()

    def _announce_current(self) -> None:
        # The current row also moves when rows arrive or leave; only a
        # manager stepping through the queue (its table focused) stopped on
        # a payment.
        if not (self.isVisible() and self.table.hasFocus()):
            return
        pending = self.selected()
        if pending is not None:
            self.current_payment_changed.emit(pending.order_id, pending.payment_id)

    def _on_rows_inserted(self) -> None:
        # The first payments found are ready to step through at once.
        if not self.table.currentIndex().isValid():
            self._select_row(0)
        self._update_state()

    def _on_loading_changed(self, loading: bool) -> None:
        self._busy.setVisible(loading)
        if loading:
            self._status.setText(tr("Looking through orders…"))
        self._update_state()

    def _on_progress(self, scanned: int, total: int) -> None:
        # Rows arrive one by one; the widths follow a whole page of them.
        self._fit_columns_once()
        if self.model.loading:
            fmt = self._formatter
            self._status.setText(
                tr("Looking through orders: %1 of %2")
                .replace("%1", fmt.number(scanned))
                .replace("%2", fmt.number(total))
            )

    def _on_model_failed(self, error: Exception) -> None:
        self._show_error(describe(error))
        self.load_failed.emit(error)

    def _on_retry_clicked(self) -> None:
        self._show_error("")
        self.model.retry()

    def _show_error(self, text: str) -> None:
        self._error_row.show_error(text)

    def _update_state(self) -> None:
        """Show the count, or the empty queue, and the buttons that apply."""
        count = self.model.rowCount()
        empty = count == 0 and self.model.complete
        self._stack.setCurrentWidget(self._empty if empty else self.table)
        if not self.model.loading:
            # An empty queue says so in the middle of the view instead.
            self._status.setText(_count_text(self._formatter, count) if count else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        enabled = self.selected() is not None and not self._read_only_reason
        self._open_button.setEnabled(enabled)
        self._approve_button.setEnabled(enabled)
        self.approve_action.setEnabled(enabled)
        self._hint.setText(self._read_only_reason)

    def _fit_columns_once(self) -> None:
        """Size columns to the first payments found; later widths stay."""
        fit_columns_once(self.table, self.model, max_width=MAX_COLUMN_WIDTH)


def _count_text(formatter: Formatter, count: int) -> str:
    if count == 1:
        return tr("One payment waits for approval")
    return tr("%1 payments wait for approval").replace("%1", formatter.number(count))
