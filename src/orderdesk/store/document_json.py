"""An order as JSON, written a slice at a time.

`model_dump_json` of a 10,000-item order is one call of about 40 ms that
holds the GIL, and the order is written to the offline store while the
user looks at it: the window froze for that long. Dumping the long lists
in slices gives the same JSON, with chances between slices for the UI
thread to run (`orderdesk.api.sliced` does the same when reading).
"""

import logging

from orderdesk.models import LIST_SLICE, ORDER_LISTS, Order

logger = logging.getLogger(__name__)


def order_json(order: Order, *, every: int = LIST_SLICE) -> bytes:
    """The order as `order.model_dump_json()` writes it, in UTF-8.

    Members may come in another order than `model_dump_json` puts them;
    the JSON means the same.

    Args:
        order: The document.
        every: List elements dumped per call.
    """
    head = order.model_dump_json(exclude=set(ORDER_LISTS)).encode()
    parts = [head[:-1]]
    separator = b"," if head != b"{}" else b""
    for name, adapter in ORDER_LISTS.items():
        rows = getattr(order, name)
        parts.append(b'%s"%s":[' % (separator, name.encode()))
        separator = b","
        for start in range(0, len(rows), every):
            dumped: bytes = adapter.dump_json(rows[start : start + every])
            parts.extend((b"," if start else b"", dumped[1:-1]))
        parts.append(b"]")
    parts.append(b"}")
    return b"".join(parts)
