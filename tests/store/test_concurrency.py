"""The store shared by worker threads."""

import threading
from datetime import UTC, datetime

from orderdesk.models import Order
from orderdesk.store import OrderStore

from .support import make_order

FETCHED = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def test_concurrent_saves_and_reads_from_several_threads(
    store: OrderStore, base_order: Order
) -> None:
    threads_count, per_thread = 4, 40
    start = threading.Barrier(threads_count)
    errors: list[BaseException] = []

    def work(first_id: int) -> None:
        try:
            start.wait(timeout=10)
            for order_id in range(first_id, first_id + per_thread):
                order = make_order(base_order, order_id, first=f"نام{order_id}")
                store.save_order(order, FETCHED)
                assert store.get_order(order_id) is not None
                store.search("نام", limit=20)
                store.save_thumbnail(f"http://x/{order_id}.jpg", b"t")
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=work, args=(1 + n * per_thread,))
        for n in range(threads_count)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert store.count() == threads_count * per_thread
    assert len(store.search("نام", limit=1000)) == threads_count * per_thread
    assert [s.id for s in store.search("نام77")] == [77]
