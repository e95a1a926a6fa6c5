"""The order list as a Qt table model that fetches pages as it is scrolled.

Pages of `GET /api/orders/` load through a `TaskRunner`, one at a time; the
view asks for the next one through Qt's `canFetchMore`/`fetchMore` when its
last row comes into sight.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Protocol

from pydantic import ValidationError
from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtGui import QColor

from orderdesk.api import NotFound
from orderdesk.models import (
    MONEY_MIN,
    Order,
    OrderPage,
    OrderPayment,
    OrderSummary,
)
from orderdesk.views.formatting import EM_DASH, Formatter, clean, tooltip_text
from orderdesk.views.i18n import tr
from orderdesk.views.order_view import (
    STATUS_COLOURS,
    UNKNOWN_STATUS_COLOUR,
    status_text,
)
from orderdesk.views.payments_model import AWAITING_COLOUR
from orderdesk.views.table_model import AnyIndex, RowTableModel, timestamp
from orderdesk.views.tasks import TaskRunner
from orderdesk.views.totals_panel import (
    OWED_COLOUR,
    SETTLED_COLOUR,
    outstanding_text,
)

logger = logging.getLogger(__name__)

DEFAULT_PAGE_SIZE = 50

_OWED = QColor(OWED_COLOUR)
_SETTLED = QColor(SETTLED_COLOUR)
_STATUS_COLOURS = {
    status.value: QColor(colour) for status, colour in STATUS_COLOURS.items()
}
_UNKNOWN_STATUS = QColor(UNKNOWN_STATUS_COLOUR)


class OrderLister(Protocol):
    """What the models need of a client: `ShopClient.list_orders`."""

    def list_orders(
        self,
        *,
        page: int = 1,
        page_size: int | None = None,
        search: str | None = None,
        status: str | None = None,
        is_paid: bool | None = None,
    ) -> OrderPage:
        """Fetch one page of the order list."""
        ...


ClientSource = Callable[[], OrderLister]
"""Returns the current client; asked again for every page, because signing in
again replaces the client."""


@dataclass(frozen=True)
class OrderQuery:
    """What the order list is narrowed to.

    Attributes:
        search: Free text the server matches against key, names and mobiles.
        status: Only orders with this status; None for all.
        is_paid: Only paid (True) or unpaid (False) orders; None for all.
    """

    search: str = ""
    status: str | None = None
    is_paid: bool | None = None

    def fetch(self, client: OrderLister, page: int, page_size: int) -> OrderPage:
        """Fetch one page of the orders this query selects."""
        return client.list_orders(
            page=page,
            page_size=page_size,
            search=self.search.strip() or None,
            status=self.status or None,
            is_paid=self.is_paid,
        )


class OrderColumn(IntEnum):
    """The columns of the order list, in display order."""

    ID = 0
    KEY = 1
    CUSTOMER = 2
    MOBILE = 3
    STATUS = 4
    CREATED = 5
    TOTAL = 6
    PAID = 7
    OUTSTANDING = 8
    UNAPPROVED = 9


class OrdersTableModel(RowTableModel[OrderSummary]):
    """The order list, newest first, loaded page by page as it is scrolled.

    Rows come in the server's order. Sorting is left to a
    `QSortFilterProxyModel` on `SORT_ROLE`, so it sorts the loaded rows only,
    not the whole list on the server.

    A new query (`set_query`) or `reload` empties the model and starts again
    from page 1. Each start has a generation number; a page that arrives for
    an earlier generation is dropped, so a slow answer to an old search never
    mixes into the new one.

    Signals:
        loading_changed(bool): Whether a page is being fetched.
        failed(object): Fetching a page failed with this exception; no more
            pages are fetched until `retry`.
        count_changed(int): The number of orders the server has for the query.
    """

    loading_changed = Signal(bool)
    failed = Signal(object)
    count_changed = Signal(int)

    Column = OrderColumn
    numeric_columns = frozenset(
        {
            OrderColumn.ID,
            OrderColumn.TOTAL,
            OrderColumn.PAID,
            OrderColumn.OUTSTANDING,
            OrderColumn.UNAPPROVED,
        }
    )

    def __init__(
        self,
        client: ClientSource,
        formatter: Formatter,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        runner: TaskRunner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(formatter, parent)
        self._client = client
        self._page_size = page_size
        self._runner = runner or TaskRunner(self)
        self._query = OrderQuery()
        self._generation = 0
        self._started = False
        self._next_page: int | None = 1
        self._loading = False
        self._error: Exception | None = None
        self._count: int | None = None
        self._ids: set[int] = set()
        self._unapproved: dict[int, int | None] = {}

    @property
    def query(self) -> OrderQuery:
        """The query the rows answer."""
        return self._query

    @property
    def loading(self) -> bool:
        """Whether a page is being fetched."""
        return self._loading

    @property
    def error(self) -> Exception | None:
        """Why the last page failed, until `retry` or a new query."""
        return self._error

    @property
    def count(self) -> int | None:
        """The server's number of orders for the query; None until known."""
        return self._count

    @property
    def started(self) -> bool:
        """Whether a page has been requested since the model was made."""
        return self._started

    @property
    def complete(self) -> bool:
        """Whether every page of the query has been loaded."""
        return self._next_page is None

    def set_query(self, query: OrderQuery) -> None:
        """Show the orders of another query, from its first page.

        The same query again does nothing; use `reload` to fetch it anew.
        """
        if query == self._query and self._started:
            return
        self._query = query
        self.reload()

    def reload(self) -> None:
        """Empty the list and fetch the first page of the query again."""
        self.beginResetModel()
        self._generation += 1
        self._rows = []
        self._ids.clear()
        self._unapproved.clear()
        self._next_page = 1
        self._error = None
        self._count = None
        self._set_loading(False)
        self.endResetModel()
        self._request(1)

    def retry(self) -> None:
        """Fetch again the page that failed."""
        if self._error is None or self._next_page is None:
            return
        self._error = None
        self._request(self._next_page)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        """Override of `QAbstractItemModel.canFetchMore`.

        False while a page is in flight or after a failure: a view asks
        again on every scroll, and must neither stack requests nor retry a
        failing server in a loop.
        """
        if parent.isValid():
            return False
        return self._next_page is not None and not self._loading and self._error is None

    def fetchMore(self, parent: AnyIndex) -> None:
        """Override of `QAbstractItemModel.fetchMore`: request the next page."""
        if self.canFetchMore(parent) and self._next_page is not None:
            self._request(self._next_page)

    def order_id(self, number: int) -> int:
        """The id of the order in a row."""
        return self._rows[number].id

    def _request(self, page: int) -> None:
        generation = self._generation
        query = self._query
        page_size = self._page_size
        # Asked here, on the UI thread: the worker gets one fixed client.
        client = self._client()
        self._started = True
        self._set_loading(True)
        logger.debug("Fetching order page %d (generation %d)", page, generation)
        self._runner.run(
            lambda: query.fetch(client, page, page_size),
            lambda result: self._on_page_loaded(generation, page, result),
            lambda error: self._on_page_failed(generation, page, error),
        )

    def _on_page_loaded(self, generation: int, page: int, result: OrderPage) -> None:
        if generation != self._generation:
            logger.debug("Dropped order page %d of an earlier query", page)
            return

        self._set_loading(False)
        self._next_page = page + 1 if result.has_next else None
        if result.count != self._count:
            self._count = result.count
            self.count_changed.emit(result.count)

        # Orders created while the user scrolls push older ones onto the next
        # page, so a page can repeat rows already shown.
        fresh = [order for order in result.results if order.id not in self._ids]
        if fresh:
            self._append(fresh)
        elif self._next_page is not None:
            # Nothing new arrived to bring the view back for more.
            self._request(self._next_page)

    def _on_page_failed(self, generation: int, page: int, error: Exception) -> None:
        if generation != self._generation:
            return

        self._set_loading(False)
        if page > 1 and isinstance(error, NotFound):
            # Orders were deleted and the list got shorter: this is its end.
            self._next_page = None
            return
        logger.warning("Order page %d failed: %s", page, type(error).__name__)
        self._error = error
        self.failed.emit(error)

    def _append(self, orders: list[OrderSummary]) -> None:
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(orders) - 1)
        for order in orders:
            self._ids.add(order.id)
            listed = listed_payments(order)
            self._unapproved[order.id] = (
                None if listed is None else sum(not p.approved for p in listed)
            )
        self._rows.extend(orders)
        self.endInsertRows()

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def header(self, column: Any) -> str:
        """The translated header of a column."""
        return {
            OrderColumn.ID: tr("Order"),
            OrderColumn.KEY: tr("Key"),
            OrderColumn.CUSTOMER: tr("Customer"),
            OrderColumn.MOBILE: tr("Mobile"),
            OrderColumn.STATUS: tr("Status"),
            OrderColumn.CREATED: tr("Created"),
            OrderColumn.TOTAL: tr("Total"),
            OrderColumn.PAID: tr("Amount paid"),
            OrderColumn.OUTSTANDING: tr("Outstanding"),
            OrderColumn.UNAPPROVED: tr("Unapproved"),
        }[column]

    def display(self, row: OrderSummary, column: Any) -> str:
        """The text of a cell."""
        fmt = self._formatter
        match column:
            case OrderColumn.ID:
                return fmt.number(row.id)
            case OrderColumn.KEY:
                return fmt.latin(row.key) or EM_DASH
            case OrderColumn.CUSTOMER:
                return fmt.text(customer_name(row)) or EM_DASH
            case OrderColumn.MOBILE:
                return fmt.latin(mobile_number(row)) or EM_DASH
            case OrderColumn.STATUS:
                return status_text(row.status)
            case OrderColumn.CREATED:
                return fmt.date_time(row.created_at)
            case OrderColumn.TOTAL:
                return fmt.money(row.total)
            case OrderColumn.PAID:
                return fmt.money(row.amount_paid)
            case OrderColumn.OUTSTANDING:
                if row.amount_outstanding is None:
                    return EM_DASH
                return outstanding_text(fmt, row.amount_outstanding)
            case OrderColumn.UNAPPROVED:
                return fmt.number(self._unapproved.get(row.id))
        return ""

    def sort_key(self, row: OrderSummary, column: Any) -> Any:
        """The raw value of a cell; missing money sorts first."""
        match column:
            case OrderColumn.ID:
                return row.id
            case OrderColumn.CUSTOMER:
                return customer_name(row).casefold()
            case OrderColumn.CREATED:
                return timestamp(row.created_at)
            case OrderColumn.TOTAL:
                return _money_key(row.total)
            case OrderColumn.PAID:
                return _money_key(row.amount_paid)
            case OrderColumn.OUTSTANDING:
                return _money_key(row.amount_outstanding)
            case OrderColumn.UNAPPROVED:
                count = self._unapproved.get(row.id)
                return -1 if count is None else count
        return self.display(row, column)

    def row_id(self, row: OrderSummary) -> int:
        """The order's id."""
        return row.id

    def tooltip(self, row: OrderSummary, column: Any) -> str | None:
        """Whole names, which the cell may cut short, and what a dash means."""
        if column == OrderColumn.CUSTOMER:
            return tooltip_text(clean(customer_name(row)))
        if column == OrderColumn.UNAPPROVED and self._unapproved.get(row.id) is None:
            return tr("The server did not list this order's payments.")
        return None

    def foreground(self, row: OrderSummary, column: Any) -> QColor | None:
        """Status colours, red for money owed, amber for payments to approve."""
        if column == OrderColumn.STATUS:
            return _STATUS_COLOURS.get(row.status, _UNKNOWN_STATUS)
        if column == OrderColumn.OUTSTANDING and row.amount_outstanding is not None:
            return _OWED if row.amount_outstanding > 0 else _SETTLED
        if column == OrderColumn.UNAPPROVED and self._unapproved.get(row.id):
            return AWAITING_COLOUR
        return None


def customer_name(order: OrderSummary | Order) -> str:
    """The customer's full name, or the billing name when there is none."""
    customer = order.customer_data
    name = customer.display_name if customer else ""
    if name.strip():
        return name
    return " ".join(
        part for part in (order.billing_first_name, order.billing_last_name) if part
    )


def mobile_number(order: OrderSummary | Order) -> str:
    """The mobile number of the person named by `customer_name`."""
    customer = order.customer_data
    if customer is not None and customer.display_name.strip():
        return customer.mobile_number or order.billing_mobile_number
    return order.billing_mobile_number


def listed_payments(order: OrderSummary) -> list[OrderPayment] | None:
    """The payments a list result carries, or None when it carries none.

    A list row is an `OrderSummary`; the sandbox answers whole documents, so
    the payments stay in `model_extra`. A payment that cannot be read is
    skipped (and logged) rather than hiding the rest.
    """
    listed = (order.model_extra or {}).get("payments")
    if not isinstance(listed, list):
        return None

    payments = []
    for entry in listed:
        try:
            payments.append(OrderPayment.model_validate(entry))
        except ValidationError:
            logger.warning("Order %s lists a payment that cannot be read", order.id)
    return payments


def _money_key(amount: int | None) -> int:
    return MONEY_MIN if amount is None else amount
