"""The payments waiting for approval, across orders, as a Qt table model.

The documented API has no list of payments, so the model reads the order
list page by page and keeps the unapproved payments each order carries.

TODO: Scanning every order costs one request per 100 orders each time the
queue is refreshed; once shops keep thousands of orders, ask the backend
for a filter such as `GET /api/orders/?has_unapproved_payments=true` (or a
payments endpoint) and fetch only what waits.
"""

import bisect
import logging
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Signal

from orderdesk.api import NotFound
from orderdesk.models import Order, OrderPage, OrderPayment, OrderSummary
from orderdesk.views.formatting import EM_DASH, Formatter, clean, tooltip_text
from orderdesk.views.i18n import tr
from orderdesk.views.orders_model import (
    ClientSource,
    OrderQuery,
    customer_name,
    listed_payments,
)
from orderdesk.views.table_model import RowTableModel, timestamp
from orderdesk.views.tasks import TaskRunner

logger = logging.getLogger(__name__)

SCAN_PAGE_SIZE = 100
"""The most orders a page of the sandbox's API may hold."""
MAX_SCAN_PAGES = 1000
"""A server that announces pages past this is not followed further."""


@dataclass(frozen=True)
class PendingPayment:
    """A payment waiting for approval, with what the queue shows of its order.

    Attributes:
        order_id: The id of the order the payment belongs to.
        order_key: The order's key.
        customer: The customer's name, or the billing name.
        payment: The payment as the server last sent it.
    """

    order_id: int
    order_key: str
    customer: str
    payment: OrderPayment

    @property
    def payment_id(self) -> int:
        """The payment's id."""
        return self.payment.id

    @property
    def queue_key(self) -> tuple[float, int]:
        """Where the payment stands in the queue: oldest first, then by id."""
        return (timestamp(self.payment.created_at), self.payment.id)


def pending_payments(order: OrderSummary | Order) -> list[PendingPayment]:
    """The payments of an order that wait for approval, as queue rows."""
    payments = (
        order.payments if isinstance(order, Order) else listed_payments(order) or []
    )
    name = customer_name(order)
    return [
        PendingPayment(order.id, order.key, name, payment)
        for payment in payments
        if not payment.approved
    ]


class ReviewColumn(IntEnum):
    """The columns of the review queue, in display order."""

    CREATED = 0
    ORDER = 1
    KEY = 2
    CUSTOMER = 3
    METHOD = 4
    AMOUNT = 5
    TRANSACTION_ID = 6
    NOTES = 7


class ReviewQueueModel(RowTableModel[PendingPayment]):
    """Unapproved payments of every order, oldest first.

    `refresh` reads the order list in pages of 100 in the background, one
    page at a time, and inserts each page's waiting payments in their place
    as it arrives. A row is removed when its payment is approved here
    (`remove_payment`) or is found approved when its order is read again
    (`refresh_order`).

    Signals:
        loading_changed(bool): Whether the order list is being read.
        progress_changed(int, int): Orders read so far, and the server's
            total number of orders.
        failed(object): Reading a page failed with this exception; the scan
            stops there until `retry`.
        scan_finished(): Every page has been read.
    """

    loading_changed = Signal(bool)
    progress_changed = Signal(int, int)
    failed = Signal(object)
    scan_finished = Signal()

    Column = ReviewColumn
    numeric_columns = frozenset({ReviewColumn.ORDER, ReviewColumn.AMOUNT})

    def __init__(
        self,
        client: ClientSource,
        formatter: Formatter,
        *,
        runner: TaskRunner | None = None,
        page_size: int = SCAN_PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(formatter, parent)
        self._client = client
        self._runner = runner or TaskRunner(self)
        self._page_size = page_size
        self._generation = 0
        self._next_page: int | None = None
        self._loading = False
        self._error: Exception | None = None
        self._scanned = 0
        self._started = False
        # Payments approved during a scan, which a page read before the
        # approval must not bring back.
        self._removed: set[int] = set()

    @property
    def loading(self) -> bool:
        """Whether the order list is being read."""
        return self._loading

    @property
    def started(self) -> bool:
        """Whether a scan has been started since the model was made."""
        return self._started

    @property
    def complete(self) -> bool:
        """Whether the last scan read every page."""
        return self._started and self._next_page is None and not self._loading

    @property
    def error(self) -> Exception | None:
        """Why the scan stopped, until `retry` or `refresh`."""
        return self._error

    def refresh(self) -> None:
        """Empty the queue and read every order again."""
        self.beginResetModel()
        self._generation += 1
        self._rows = []
        self._removed.clear()
        self._scanned = 0
        self._error = None
        self._next_page = 1
        self._started = True
        self.endResetModel()
        self._request(1)

    def retry(self) -> None:
        """Go on reading from the page that failed."""
        if self._error is not None and self._next_page is not None:
            self._error = None
            self._request(self._next_page)

    def row_of(self, payment_id: int) -> int | None:
        """The row that shows a payment, if any."""
        return next(
            (n for n, row in enumerate(self._rows) if row.payment_id == payment_id),
            None,
        )

    def remove_payment(self, payment_id: int) -> bool:
        """Take a payment out of the queue, as after approving it.

        Returns:
            Whether the queue held the payment.
        """
        self._removed.add(payment_id)
        number = self.row_of(payment_id)
        if number is None:
            return False
        self._remove_row(number)
        return True

    def refresh_order(self, order: Order) -> None:
        """Bring an order's rows up to date with a document just read.

        Payments now approved, or gone, leave the queue; changed ones are
        updated in place; unapproved ones the queue lacked are added.
        """
        waiting = {row.payment_id: row for row in pending_payments(order)}
        for number in reversed(range(len(self._rows))):
            row = self._rows[number]
            if row.order_id != order.id:
                continue
            fresh = waiting.pop(row.payment_id, None)
            if fresh is None:
                self.remove_payment(row.payment_id)
            elif fresh != row:
                self._replace(number, fresh)
        self._insert(list(waiting.values()))

    def _replace(self, number: int, row: PendingPayment) -> None:
        if row.queue_key != self._rows[number].queue_key:
            # Its creation time changed: it belongs elsewhere in the queue.
            self._remove_row(number)
            self._insert([row])
            return
        self._rows[number] = row
        last = len(self.Column) - 1
        self.dataChanged.emit(self.index(number, 0), self.index(number, last))

    def _remove_row(self, number: int) -> None:
        self.beginRemoveRows(QModelIndex(), number, number)
        del self._rows[number]
        self.endRemoveRows()

    def _insert(self, rows: list[PendingPayment]) -> None:
        """Insert rows in queue order, skipping payments shown or removed.

        Rows that go to the same place arrive in one insertion: a large
        order's waiting payments used to be inserted one by one, each a
        round of Qt's signals and the view's relayout.
        """
        seen = {row.payment_id for row in self._rows} | self._removed
        fresh: list[PendingPayment] = []
        for row in sorted(rows, key=lambda r: r.queue_key):
            if row.payment_id not in seen:
                seen.add(row.payment_id)
                fresh.append(row)

        keys = [row.queue_key for row in self._rows]
        runs: list[tuple[int, list[PendingPayment]]] = []
        for row in fresh:
            number = bisect.bisect_right(keys, row.queue_key)
            if runs and runs[-1][0] == number:
                runs[-1][1].append(row)
            else:
                runs.append((number, [row]))
        # From the last place to the first, so the earlier places stay right.
        for number, run in reversed(runs):
            self.beginInsertRows(QModelIndex(), number, number + len(run) - 1)
            self._rows[number:number] = run
            self.endInsertRows()

    def _request(self, page: int) -> None:
        generation = self._generation
        page_size = self._page_size
        client = self._client()
        self._set_loading(True)
        self._runner.run(
            lambda: OrderQuery().fetch(client, page, page_size),
            lambda result: self._on_page_loaded(generation, page, result),
            lambda error: self._on_page_failed(generation, page, error),
        )

    def _on_page_loaded(self, generation: int, page: int, result: OrderPage) -> None:
        if generation != self._generation:
            logger.debug("Dropped order page %d of an earlier scan", page)
            return

        self._scanned += len(result.results)
        self._insert([row for o in result.results for row in pending_payments(o)])
        self.progress_changed.emit(self._scanned, result.count)
        if result.has_next and page < MAX_SCAN_PAGES:
            self._next_page = page + 1
            self._request(page + 1)
            return

        if result.has_next:
            logger.warning("Stopped the review scan after %d pages", page)
        self._finish()

    def _on_page_failed(self, generation: int, page: int, error: Exception) -> None:
        if generation != self._generation:
            return
        if page > 1 and isinstance(error, NotFound):
            # Orders were deleted while reading and the list got shorter.
            self._finish()
            return

        logger.warning("Review scan page %d failed: %s", page, type(error).__name__)
        self._next_page = page
        self._error = error
        self._set_loading(False)
        self.failed.emit(error)

    def _finish(self) -> None:
        self._next_page = None
        self._set_loading(False)
        self.scan_finished.emit()

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def header(self, column: Any) -> str:
        """The translated header of a column."""
        return {
            ReviewColumn.CREATED: tr("Created"),
            ReviewColumn.ORDER: tr("Order"),
            ReviewColumn.KEY: tr("Key"),
            ReviewColumn.CUSTOMER: tr("Customer"),
            ReviewColumn.METHOD: tr("Method"),
            ReviewColumn.AMOUNT: tr("Amount"),
            ReviewColumn.TRANSACTION_ID: tr("Transaction ID"),
            ReviewColumn.NOTES: tr("Notes"),
        }[column]

    def display(self, row: PendingPayment, column: Any) -> str:
        """The text of a cell."""
        fmt = self._formatter
        payment = row.payment
        match column:
            case ReviewColumn.CREATED:
                return fmt.date_time(payment.created_at)
            case ReviewColumn.ORDER:
                return fmt.number(row.order_id)
            case ReviewColumn.KEY:
                return fmt.latin(row.order_key) or EM_DASH
            case ReviewColumn.CUSTOMER:
                return fmt.text(row.customer) or EM_DASH
            case ReviewColumn.METHOD:
                return fmt.text(_method_name(payment)) or EM_DASH
            case ReviewColumn.AMOUNT:
                return fmt.money(payment.amount)
            case ReviewColumn.TRANSACTION_ID:
                return fmt.latin(payment.transaction_id)
            case ReviewColumn.NOTES:
                return fmt.text(payment.notes.replace("\n", " "))
        return ""

    def sort_key(self, row: PendingPayment, column: Any) -> Any:
        """The raw value of a cell."""
        match column:
            case ReviewColumn.CREATED:
                return timestamp(row.payment.created_at)
            case ReviewColumn.ORDER:
                return row.order_id
            case ReviewColumn.AMOUNT:
                return row.payment.amount
        return self.display(row, column)

    def row_id(self, row: PendingPayment) -> int:
        """The payment's id."""
        return row.payment_id

    def tooltip(self, row: PendingPayment, column: Any) -> str | None:
        """The whole note or name, which the cell may cut short."""
        if column == ReviewColumn.NOTES and row.payment.notes:
            return tooltip_text(clean(row.payment.notes))
        if column == ReviewColumn.CUSTOMER and row.customer:
            return tooltip_text(clean(row.customer))
        return None


def _method_name(payment: OrderPayment) -> str:
    method = payment.payment_method_data
    return method.name if method is not None else ""
