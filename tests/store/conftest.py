"""Fixtures of the store tests: an in-memory keyring, a key, an open store."""

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import keyring
import pytest

from orderdesk.models import Order
from orderdesk.store import DEFAULT_MAX_BYTES, OrderStore
from orderdesk.store.crypto import new_key

from ..keyrings import MemoryKeyring
from .support import ACCOUNT, ORIGIN


class Clock:
    """A clock the test moves by hand, one second per reading by default."""

    def __init__(self, start: float = 1_800_000_000.0, step: float = 1.0) -> None:
        self.now = start
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


class OpenStore(Protocol):
    """Opens a store of the test's folder, origin and account."""

    def __call__(
        self, *, key: bytes | None = None, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> OrderStore: ...


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A secure in-memory keyring, replaced by the previous one afterwards."""
    saved = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(saved)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Where this test's databases live (created by the store)."""
    return tmp_path / "cache" / "offline"


@pytest.fixture
def key() -> bytes:
    return new_key()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def open_store(folder: Path, key: bytes, clock: Clock) -> Iterator[OpenStore]:
    """Open stores on the test's folder; all are closed afterwards."""
    stores: list[OrderStore] = []
    default_key = key

    def open_(
        *, key: bytes | None = None, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> OrderStore:
        store = OrderStore.open(
            folder,
            ORIGIN,
            ACCOUNT,
            default_key if key is None else key,
            max_bytes=max_bytes,
            clock=clock,
        )
        stores.append(store)
        return store

    yield open_
    for store in stores:
        store.close()


@pytest.fixture
def store(open_store: OpenStore) -> OrderStore:
    """An open, empty store."""
    return open_store()


@pytest.fixture
def base_order(example_order: Order) -> Order:
    """The seed's example order, the template of made-up ones."""
    return example_order
