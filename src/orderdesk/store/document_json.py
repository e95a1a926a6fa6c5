"""An order as JSON, written a slice at a time.

`model_dump_json` of a 10,000-item order is one call of about 40 ms that
holds the GIL, and the order is written to the offline store while the
user looks at it: the window froze for that long. Dumping the long lists
in slices gives the same JSON, with chances between slices for the UI
thread to run (`orderdesk.models.sliced_reading` does the same when reading).
"""

import logging
from collections.abc import Iterator

from orderdesk.models import LIST_SLICE, ORDER_LISTS, Order

logger = logging.getLogger(__name__)


def order_json_parts(
    order: Order, *, every: int = LIST_SLICE
) -> Iterator[bytes | memoryview]:
    """The order as `order.model_dump_json()` writes it, in UTF-8 parts.

    Joined, the parts are that JSON, though members may come in another
    order than `model_dump_json` puts them; it means the same. Each part
    is made when it is asked for, so a consumer that streams them (into a
    compressor, say) never holds the whole 6.5 MB of a large order at
    once, nor a copy of each part.

    Args:
        order: The document.
        every: List elements dumped per call.
    """
    head = order.model_dump_json(exclude=set(ORDER_LISTS)).encode()
    yield memoryview(head)[:-1]
    separator = b"," if head != b"{}" else b""
    for name, adapter in ORDER_LISTS.items():
        rows = getattr(order, name)
        yield b'%s"%s":[' % (separator, name.encode())
        separator = b","
        for start in range(0, len(rows), every):
            dumped: bytes = adapter.dump_json(rows[start : start + every])
            if start:
                yield b","
            yield memoryview(dumped)[1:-1]
        yield b"]"
    yield b"}"
