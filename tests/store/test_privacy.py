"""Personal data at rest: never in plaintext, owner-only, only with a keyring."""

import os
import stat
import sys
from datetime import UTC, datetime
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyring.backend import KeyringBackend

from orderdesk.models import Order, OrderPage
from orderdesk.store import CacheKeyStore, OrderStore, open_offline_store

from ..keyrings import LowPriorityKeyring, MemoryKeyring, PlaintextKeyring
from .support import (
    ACCOUNT,
    MOBILE,
    NATIONAL_CODE,
    ORIGIN,
    PERSIAN_NAME,
    cache_bytes,
    make_order,
    summary_of,
)

FETCHED = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)

SECRETS = {
    "persian name": PERSIAN_NAME.encode("utf-8"),
    "persian surname": "قربانی".encode(),
    "mobile": MOBILE.encode("ascii"),
    "national code": NATIONAL_CODE.encode("ascii"),
    "billing address": b"5411 Stokes Grove",
    "city": "اسکو".encode(),
}


def fill(store: OrderStore, base_order: Order) -> None:
    """Save orders, a page and a thumbnail holding the known personal data."""
    orders = [
        make_order(
            base_order,
            order_id,
            first=PERSIAN_NAME,
            last="قربانی",
            mobile=MOBILE,
            national_code=NATIONAL_CODE,
        )
        for order_id in range(1, 41)
    ]
    store.save_orders(orders, FETCHED)
    page = OrderPage(count=40, results=[summary_of(o) for o in orders[:20]])
    store.save_page({"page": 1, "search": PERSIAN_NAME}, page, FETCHED)
    store.save_thumbnail("http://127.0.0.1:8000/media/t_64x64.jpg", b"\xff\xd8")
    store.get_order(3)
    assert store.search(PERSIAN_NAME, limit=100)


@pytest.fixture
def filled(store: OrderStore, base_order: Order, folder: Path) -> dict[str, bytes]:
    """The cache folder's files while the store is open (WAL not checkpointed)."""
    fill(store, base_order)
    files = cache_bytes(folder)
    assert any(name.endswith("-wal") for name in files)
    return files


@pytest.mark.parametrize("secret", SECRETS.values(), ids=SECRETS.keys())
def test_no_personal_data_in_any_file_while_open(
    filled: dict[str, bytes], secret: bytes
) -> None:
    for name, content in filled.items():
        assert secret not in content, name


@pytest.mark.parametrize("secret", SECRETS.values(), ids=SECRETS.keys())
def test_no_personal_data_in_any_file_after_close(
    store: OrderStore, base_order: Order, folder: Path, secret: bytes
) -> None:
    fill(store, base_order)
    store.close()

    files = cache_bytes(folder)
    assert files
    for name, content in files.items():
        assert secret not in content, name


def test_the_check_reads_what_sqlite_wrote(filled: dict[str, bytes]) -> None:
    # Statuses are kept readable for filtering: seeing one proves the files
    # searched above hold the rows, in the database or its write-ahead log.
    assert any(b"pending" in content for content in filled.values())


def test_no_personal_data_in_file_names(filled: dict[str, bytes]) -> None:
    for name in filled:
        assert "shop" not in name
        assert ACCOUNT not in name
        assert PERSIAN_NAME not in name


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_folder_and_every_file_are_owner_only(
    filled: dict[str, bytes], folder: Path
) -> None:
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name in filled:
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_modes_are_tightened_whatever_the_umask_and_old_modes(
    open_store: object, folder: Path, key: bytes
) -> None:
    folder.mkdir(parents=True)
    folder.chmod(0o755)
    old_umask = os.umask(0)
    try:
        store = OrderStore.open(folder, ORIGIN, ACCOUNT, key)
        store.save_thumbnail("http://x/t.jpg", b"x")
        store.close()
    finally:
        os.umask(old_umask)

    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


INSECURE = {
    "fail": keyring.backends.fail.Keyring,
    "null": keyring.backends.null.Keyring,
    "keyrings.alt": PlaintextKeyring,
    "priority below 1": LowPriorityKeyring,
}


@pytest.mark.parametrize("backend_type", INSECURE.values(), ids=INSECURE.keys())
def test_without_a_secure_keyring_there_is_no_store(
    memory_keyring: MemoryKeyring,
    backend_type: type[KeyringBackend],
    folder: Path,
) -> None:
    backend = backend_type()
    keyring.set_keyring(backend)

    keys = CacheKeyStore()
    store = open_offline_store(ORIGIN, ACCOUNT, key_store=keys, folder=folder)

    assert store is None
    assert not keys.is_available
    assert not folder.exists()
    assert getattr(backend, "passwords", {}) == {}


def test_with_a_secure_keyring_the_store_opens_with_a_kept_key(
    memory_keyring: MemoryKeyring, folder: Path, base_order: Order
) -> None:
    store = open_offline_store(ORIGIN, ACCOUNT, folder=folder)
    assert store is not None
    store.save_order(base_order, FETCHED)
    store.close()

    assert len(memory_keyring.passwords) == 1
    again = open_offline_store(ORIGIN, ACCOUNT, folder=folder)
    assert again is not None
    assert again.count() == 1
    again.close()


def test_accounts_and_servers_have_their_own_databases(
    memory_keyring: MemoryKeyring, folder: Path, base_order: Order
) -> None:
    stores = [
        open_offline_store(origin, account, folder=folder)
        for origin, account in [
            (ORIGIN, ACCOUNT),
            (ORIGIN, "manager"),
            ("http://127.0.0.1:8000", ACCOUNT),
        ]
    ]
    assert all(s is not None for s in stores)
    first = stores[0]
    assert first is not None
    first.save_order(base_order, FETCHED)

    assert [s.count() for s in stores if s is not None] == [1, 0, 0]
    assert len({s.path for s in stores if s is not None}) == 3
    assert len(memory_keyring.passwords) == 3
    for s in stores:
        if s is not None:
            s.close()
