"""Where the window reads orders from: the server, or the offline store.

Both sources answer the same calls, so the order view and the lists do not
care which one is in use. The live source also keeps the list pages it
fetched in the offline store; opened orders are kept by the window once it
has shown them. Both run on pool threads, so the store's disk work does too.
"""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from orderdesk.api import ShopClient
from orderdesk.models import Order, OrderPage, OrderSummary
from orderdesk.store import CachedSummary, OrderStore

logger = logging.getLogger(__name__)


class OrderNotSaved(LookupError):
    """Offline, an order that was never opened here cannot be shown."""

    def __init__(self, order_id: int) -> None:
        super().__init__(f"order {order_id} is not in the offline store")
        self.order_id = order_id


@dataclass(frozen=True)
class Fetched:
    """An order and where its data comes from.

    Attributes:
        order: The order document.
        saved_at: When the offline copy was fetched; None for live data.
    """

    order: Order
    saved_at: datetime | None = None


class LiveSource:
    """Reads from the server and keeps a copy of everything read.

    Args:
        client: The API client.
        store: The offline store, or None when offline review is off.
    """

    def __init__(self, client: ShopClient, store: OrderStore | None) -> None:
        self._client = client
        self._store = store

    def get_order(self, order_id: int) -> Fetched:
        """Fetch an order; the window keeps it in the store once it is shown.

        Keeping is left out of the fetch because it stood between the answer
        and the view: saving an order of 10,000 items (serialise, compress,
        encrypt, index) takes about 100 ms.
        """
        return Fetched(self._client.get_order(order_id))

    def list_orders(
        self,
        *,
        page: int = 1,
        page_size: int | None = None,
        search: str | None = None,
        status: str | None = None,
        is_paid: bool | None = None,
    ) -> OrderPage:
        """Fetch a page of the order list and keep it for offline review."""
        answer = self._client.list_orders(
            page=page,
            page_size=page_size,
            search=search,
            status=status,
            is_paid=is_paid,
        )
        if self._store is not None:
            params = {
                "page": page,
                "page_size": page_size,
                "search": search,
                "status": status,
                "is_paid": is_paid,
            }
            self._store.save_page(params, answer, _now())
        return answer


class OfflineSource:
    """Reads what was saved on this computer; the server is not asked.

    Args:
        store: The offline store.
    """

    def __init__(self, store: OrderStore) -> None:
        self._store = store

    def get_order(self, order_id: int) -> Fetched:
        """The saved copy of an order.

        Raises:
            OrderNotSaved: The order was never opened on this computer.
        """
        cached = self._store.get_order(order_id)
        if cached is None:
            raise OrderNotSaved(order_id)
        return Fetched(cached.order, cached.fetched_at)

    def list_orders(
        self,
        *,
        page: int = 1,
        page_size: int | None = None,
        search: str | None = None,
        status: str | None = None,
        is_paid: bool | None = None,
    ) -> OrderPage:
        """A page of the saved orders that match, the most recent first."""
        size = page_size or 50
        offset = (page - 1) * size
        # One row more than asked tells whether another page follows.
        rows = self._store.search(
            search or "", status=status, is_paid=is_paid, limit=size + 1, offset=offset
        )
        more = len(rows) > size
        return OrderPage(
            count=offset + min(len(rows), size) + (1 if more else 0),
            next="offline" if more else None,
            results=[_summary(row) for row in rows[:size]],
        )


def _summary(row: CachedSummary) -> OrderSummary:
    return OrderSummary(
        id=row.id,
        key=row.key,
        status=row.status,
        billing_first_name=row.customer_name,
        billing_mobile_number=row.mobile,
        total=row.total,
        amount_paid=row.amount_paid,
        amount_outstanding=row.amount_outstanding,
        is_paid=row.is_paid,
        created_at=row.created_at,
    )


def _now() -> datetime:
    return datetime.now(UTC)
