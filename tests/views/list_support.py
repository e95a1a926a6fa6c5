"""Helpers of the order list and review queue tests: made-up pages, waits."""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from orderdesk.models import OrderPage, OrderSummary

from .support import WAIT_MS


def payment(number: int, *, approved: bool, created: str, **fields: Any) -> Any:
    """A payment as the list endpoint answers it."""
    return {
        "id": number,
        "payment_method_data": {"id": 2, "name": "زرین پال", "image": None},
        "approved": approved,
        "amount": 10_000 * number,
        "transaction_id": f"TX{number}",
        "notes": "یادداشت",
        "created_at": created,
        "updated_at": created,
    } | fields


def order(number: int, **fields: Any) -> OrderSummary:
    """A list row of an order, its payments kept as extra fields."""
    data: dict[str, Any] = {
        "id": number,
        "key": f"key{number:04d}",
        "status": "processing",
        "customer_data": {
            "id": 1,
            "username": "user",
            "mobile_number": "09120000000",
            "first_name": "زهرا",
            "last_name": "احمدی",
            "full_name": "زهرا احمدی",
        },
        "billing_first_name": "علی",
        "billing_last_name": "رضایی",
        "billing_mobile_number": "09350000000",
        "total": 100_000,
        "amount_paid": 40_000,
        "amount_outstanding": 60_000,
        "is_paid": False,
        "created_at": f"2025-10-{1 + number % 28:02d}T08:00:00Z",
        "payments": [],
    }
    return OrderSummary.model_validate(data | fields)


@dataclass
class FakeLister:
    """Answers `list_orders` from a list of rows, recording each call.

    A page in `failures` raises its exception once.

    Calls whose search is in `held` (None: no search) wait until `release`
    is called, so a test decides when an answer in flight arrives.
    """

    orders: list[OrderSummary]
    failures: dict[int, Exception] = field(default_factory=dict)
    held: set[str | None] = field(default_factory=set)
    calls: list[dict[str, Any]] = field(default_factory=list)
    _gate: threading.Event = field(default_factory=threading.Event)

    def list_orders(
        self,
        *,
        page: int = 1,
        page_size: int | None = None,
        search: str | None = None,
        status: str | None = None,
        is_paid: bool | None = None,
    ) -> OrderPage:
        """Answer one page of the orders whose key contains `search`."""
        self.calls.append({"page": page, "search": search, "status": status})
        if search in self.held:
            self._gate.wait(WAIT_MS / 1000)
        if page in self.failures:
            raise self.failures.pop(page)

        size = page_size or 25
        matching = [o for o in self.orders if not search or search in o.key]
        matching = [o for o in matching if not status or o.status == status]
        if is_paid is not None:
            matching = [o for o in matching if o.is_paid == is_paid]
        start = (page - 1) * size
        more = start + size < len(matching)
        return OrderPage(
            count=len(matching),
            next="next" if more else None,
            results=matching[start : start + size],
        )

    def release(self) -> None:
        """Let held calls answer."""
        self._gate.set()

    def __call__(self) -> "FakeLister":
        """Be its own client source."""
        return self


def wait_until(qtbot: QtBot, condition: Callable[[], bool]) -> None:
    """Wait for a condition on the UI thread, up to the suite's timeout."""
    qtbot.waitUntil(condition, timeout=WAIT_MS)


def double_click(widget: QWidget, position: QPoint) -> None:
    """Double-click a widget the way a window system reports it.

    `QTest.mouseDClick` (PySide6 6.12, offscreen) delivers no double-click
    event to item views, so the events are sent one by one.
    """
    local = QPointF(position)
    left = Qt.MouseButton.LeftButton
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, left),
        (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
        (QEvent.Type.MouseButtonDblClick, left),
        (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(
            kind,
            local,
            widget.mapToGlobal(local),
            left,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(widget, event)
