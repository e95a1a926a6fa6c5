"""The orders a window has shown, for Back and Forward."""

HISTORY_LIMIT = 100


class History:
    """A browser-like history of order ids.

    Visiting an order after going back drops the orders ahead, as a web
    browser does; visiting the order already current changes nothing.
    """

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self._ids: list[int] = []
        self._position = -1
        self._limit = limit

    @property
    def current(self) -> int | None:
        """The order shown now, if any."""
        return self._ids[self._position] if self._ids else None

    @property
    def can_go_back(self) -> bool:
        """Whether an earlier order can be shown again."""
        return self._position > 0

    @property
    def can_go_forward(self) -> bool:
        """Whether a later order can be shown again."""
        return self._position < len(self._ids) - 1

    def visit(self, order_id: int) -> None:
        """Note that an order is now shown."""
        if self.current == order_id:
            return
        del self._ids[self._position + 1 :]
        self._ids.append(order_id)
        if len(self._ids) > self._limit:
            del self._ids[: len(self._ids) - self._limit]
        self._position = len(self._ids) - 1

    def back(self) -> int | None:
        """Step back; the order to show, or None at the start."""
        if not self.can_go_back:
            return None
        self._position -= 1
        return self._ids[self._position]

    def forward(self) -> int | None:
        """Step forward; the order to show, or None at the end."""
        if not self.can_go_forward:
            return None
        self._position += 1
        return self._ids[self._position]
