"""Writing the orders the server answered to the offline store.

An order is written a moment after it is shown (`KEEP_DELAY_MS`): sealing
a large one is tens of ms of Python on a worker, which would otherwise
compete with the order's first paint for the GIL. Until its write has
ended, the order stays here in memory, so that a server that stops in
that moment does not leave it unreadable offline.
"""

import functools
import logging
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from orderdesk.models import Order
from orderdesk.store import OrderStore
from orderdesk.views.order_source import Fetched
from orderdesk.views.tasks import TaskRunner

logger = logging.getLogger(__name__)

KEEP_DELAY_MS = 300


class OrderKeeper(QObject):
    """Keeps answered orders in the offline store, off the UI thread.

    Args:
        runner: Runs the writes; the window's, so that closing it drops
            their results.
        parent: The owning window.
        delay_ms: How long after `keep` the write starts; by default
            `KEEP_DELAY_MS`.

    Signals:
        written(int): The order with this id is in the store now.
    """

    written = Signal(int)

    def __init__(
        self, runner: TaskRunner, parent: QObject, delay_ms: int | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._store: OrderStore | None = None
        # Not in the store yet, by order id: waiting, then being written.
        self._waiting: dict[int, Fetched] = {}
        self._writing: dict[int, Fetched] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(KEEP_DELAY_MS if delay_ms is None else delay_ms)
        self._timer.timeout.connect(self.flush)

    def set_store(self, store: OrderStore | None) -> None:
        """Write to this store from now on; None keeps nothing."""
        self._store = store

    def keep(self, order: Order) -> None:
        """Write an order the server just answered, in a moment."""
        self._waiting[order.id] = Fetched(order, datetime.now(UTC))
        self._timer.start()

    def unwritten(self, order_id: int) -> Fetched | None:
        """The order as last answered, while it is not in the store yet."""
        return self._waiting.get(order_id) or self._writing.get(order_id)

    def flush(self) -> None:
        """Start every waiting write now."""
        self._timer.stop()
        waiting, self._waiting = self._waiting, {}
        store = self._store
        if store is None:
            return
        for order_id, fetched in waiting.items():
            assert fetched.saved_at is not None
            self._writing[order_id] = fetched
            self._runner.run(
                functools.partial(store.save_order, fetched.order, fetched.saved_at),
                functools.partial(self._on_written, fetched),
                functools.partial(self._on_failed, fetched),
            )

    def _on_written(self, fetched: Fetched, _result: object = None) -> None:
        self._forget(fetched)
        self.written.emit(fetched.order.id)

    def _on_failed(self, fetched: Fetched, error: Exception) -> None:
        self._forget(fetched)
        logger.warning("An order was not saved offline: %s", type(error).__name__)

    def _forget(self, fetched: Fetched) -> None:
        order_id = fetched.order.id
        if self._writing.get(order_id) is fetched:
            del self._writing[order_id]
