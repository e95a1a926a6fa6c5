"""A cache that cannot be read is discarded and rebuilt, never a crash."""

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from orderdesk.models import Order
from orderdesk.store import OrderStore, StoreUnavailable, open_offline_store
from orderdesk.store.crypto import new_key
from orderdesk.store.schema import HEADER, SCHEMA_VERSION

from .conftest import OpenStore
from .support import ACCOUNT, ORIGIN, make_order

FETCHED = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def warnings_(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.WARNING, logger="orderdesk.store")
    return caplog


def saved_and_closed(open_store: OpenStore, base_order: Order, count: int = 3) -> Path:
    """Fill a database with some orders, close it, and return its path."""
    store = open_store()
    orders = [make_order(base_order, i, first=f"نام{i}") for i in range(1, count + 1)]
    store.save_orders(orders, FETCHED)
    store.close()
    return store.path


def assert_fresh_and_usable(store: OrderStore, base_order: Order) -> None:
    assert store.count() == 0
    store.save_order(base_order, FETCHED)
    assert [s.id for s in store.search()] == [base_order.id]
    assert store.path.read_bytes()[: len(HEADER)] == HEADER


def discard_messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.WARNING and "Discarding" in r.getMessage()
    ]


def test_garbage_bytes_are_replaced_on_open(
    open_store: OpenStore,
    base_order: Order,
    folder: Path,
    warnings_: pytest.LogCaptureFixture,
) -> None:
    path = saved_and_closed(open_store, base_order)
    path.write_bytes(b"this is not a database, just garbage " * 200)

    store = open_store()

    assert_fresh_and_usable(store, base_order)
    (message,) = discard_messages(warnings_)
    assert "not an SQLite database" in message
    assert path.name in message


def test_a_truncated_database_is_replaced(
    open_store: OpenStore, base_order: Order, warnings_: pytest.LogCaptureFixture
) -> None:
    path = saved_and_closed(open_store, base_order)
    path.write_bytes(path.read_bytes()[:200])

    store = open_store()

    assert_fresh_and_usable(store, base_order)
    assert discard_messages(warnings_)


def test_an_empty_file_is_a_new_database(
    open_store: OpenStore, base_order: Order, warnings_: pytest.LogCaptureFixture
) -> None:
    path = saved_and_closed(open_store, base_order)
    path.write_bytes(b"")

    store = open_store()

    assert_fresh_and_usable(store, base_order)
    assert discard_messages(warnings_) == []


def test_another_key_discards_the_cache(
    open_store: OpenStore, base_order: Order, warnings_: pytest.LogCaptureFixture
) -> None:
    saved_and_closed(open_store, base_order)

    store = open_store(key=new_key())

    assert_fresh_and_usable(store, base_order)
    (message,) = discard_messages(warnings_)
    assert "another key" in message


@pytest.mark.parametrize("version", [0, SCHEMA_VERSION - 1, SCHEMA_VERSION + 1])
def test_another_format_version_discards_the_cache(
    open_store: OpenStore,
    base_order: Order,
    warnings_: pytest.LogCaptureFixture,
    version: int,
) -> None:
    path = saved_and_closed(open_store, base_order)
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {version}")
    connection.close()

    store = open_store()

    assert_fresh_and_usable(store, base_order)
    (message,) = discard_messages(warnings_)
    assert f"format {version}, expected {SCHEMA_VERSION}" in message


def scribble(path: Path, pages: list[int]) -> None:
    """Overwrite whole pages of a database file with a repeated byte."""
    content = bytearray(path.read_bytes())
    page_size = int.from_bytes(content[16:18], "big")
    for page in pages:
        start = (page - 1) * page_size
        content[start : start + page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(content))


def pages_of(path: Path, table: str) -> list[int]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT pageno FROM dbstat WHERE name = ?", (table,)
        ).fetchall()
    connection.close()
    return [int(row[0]) for row in rows]


def test_damaged_list_pages_are_found_on_open(
    open_store: OpenStore, base_order: Order, warnings_: pytest.LogCaptureFixture
) -> None:
    path = saved_and_closed(open_store, base_order, count=300)
    scribble(path, pages_of(path, "entries"))

    store = open_store()

    assert_fresh_and_usable(store, base_order)
    (message,) = discard_messages(warnings_)
    assert "cannot be read (database disk image is malformed)" in message


def test_damage_found_while_in_use_restarts_the_cache(
    open_store: OpenStore, base_order: Order, warnings_: pytest.LogCaptureFixture
) -> None:
    path = saved_and_closed(open_store, base_order, count=300)
    scribble(path, pages_of(path, "documents"))

    store = open_store()
    assert store.count() == 300
    assert store.get_order(150) is None

    (message,) = discard_messages(warnings_)
    assert "while trying to read an order" in message
    assert_fresh_and_usable(store, base_order)


def test_a_row_that_does_not_authenticate_is_dropped(
    open_store: OpenStore, base_order: Order, warnings_: pytest.LogCaptureFixture
) -> None:
    path = saved_and_closed(open_store, base_order)
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE entries SET record = zeroblob(length(record)) WHERE id = 2"
        )
        connection.execute(
            "UPDATE documents SET document = zeroblob(length(document)) WHERE id = 3"
        )
    connection.close()

    store = open_store()

    assert [s.id for s in store.search()] == [3, 1]
    assert store.get_order(3) is None
    assert [s.id for s in store.search()] == [1]
    assert store.count() == 1
    cached = store.get_order(1)
    assert cached is not None
    assert len(warnings_.records) == 2


def test_a_row_moved_to_another_order_does_not_open(
    open_store: OpenStore, base_order: Order
) -> None:
    path = saved_and_closed(open_store, base_order)
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE documents SET document ="
            " (SELECT document FROM documents WHERE id = 1) WHERE id = 2"
        )
    connection.close()

    store = open_store()

    assert store.get_order(2) is None
    assert store.get_order(1) is not None


def test_a_folder_that_cannot_exist_turns_the_cache_off(
    memory_keyring: object, tmp_path: Path, warnings_: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"")

    store = open_offline_store(ORIGIN, ACCOUNT, folder=blocker / "offline")

    assert store is None
    assert "Offline review is off" in warnings_.text
    with pytest.raises(StoreUnavailable):
        OrderStore.open(blocker / "offline", ORIGIN, ACCOUNT, new_key())


def test_a_key_of_the_wrong_size_is_refused(folder: Path) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        OrderStore.open(folder, ORIGIN, ACCOUNT, b"0123456789abcdef")
