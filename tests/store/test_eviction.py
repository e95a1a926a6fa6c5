"""The size cap: least recently used orders and thumbnails go first."""

from datetime import UTC, datetime, timedelta

from orderdesk.models import Order
from orderdesk.store import OrderStore

from .conftest import Clock, OpenStore
from .support import make_order

FETCHED = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def save_each(store: OrderStore, base_order: Order, ids: range) -> None:
    for order_id in ids:
        order = make_order(base_order, order_id, first=f"نام{order_id}")
        store.save_order(order, FETCHED + timedelta(seconds=order_id))


def cached_ids(store: OrderStore) -> set[int]:
    return {s.id for s in store.search(limit=10_000)}


def test_evict_to_drops_the_least_recently_used_first(
    store: OrderStore, base_order: Order, clock: Clock
) -> None:
    clock.step = 100.0  # Each reading is a new access.
    save_each(store, base_order, range(1, 11))
    per_order = store.size_bytes // 10
    assert store.get_order(2) is not None  # Used again: now the most recent.

    # Three and a half orders too many: four must go.
    freed = store.evict_to(store.size_bytes - 7 * per_order // 2)

    assert freed >= 7 * per_order // 2
    assert cached_ids(store) == {2, 6, 7, 8, 9, 10}
    assert store.get_order(1) is None
    assert [s.id for s in store.search("نام1")] == [10]


def test_thumbnails_and_orders_share_the_cap(
    store: OrderStore, base_order: Order, clock: Clock
) -> None:
    clock.step = 100.0
    store.save_thumbnail("http://x/old.jpg", b"o" * 5000)
    save_each(store, base_order, range(1, 4))
    store.save_thumbnail("http://x/new.jpg", b"n" * 5000)

    store.evict_to(store.size_bytes - 5000)

    assert store.get_thumbnail("http://x/old.jpg") is None
    assert store.get_thumbnail("http://x/new.jpg") is not None
    assert cached_ids(store) == {1, 2, 3}


def test_saving_past_the_cap_evicts_by_itself(
    open_store: OpenStore, base_order: Order
) -> None:
    probe = open_store()
    save_each(probe, base_order, range(1, 2))
    per_order = probe.size_bytes
    probe.destroy()

    store = open_store(max_bytes=10 * per_order)
    save_each(store, base_order, range(1, 31))

    assert store.size_bytes <= 10 * per_order
    remaining = cached_ids(store)
    assert 5 <= len(remaining) <= 10
    assert remaining == set(range(31 - len(remaining), 31))


def test_eviction_gives_the_space_back_to_the_disk(
    open_store: OpenStore, base_order: Order
) -> None:
    store = open_store()
    store.save_orders(
        [make_order(base_order, i, first=f"نام{i}") for i in range(1, 501)], FETCHED
    )
    store.close()
    store = open_store()  # Closing the last connection checkpoints the log.
    full = store.path.stat().st_size

    store.evict_to(0)

    assert store.count() == 0
    assert store.size_bytes == 0
    assert store.path.stat().st_size < full / 4
