"""The cache key in the keyring, and signing out: key first, then the rest."""

import base64
import logging
from datetime import UTC, datetime
from pathlib import Path

import keyring
import pytest

from orderdesk.models import Order
from orderdesk.store import (
    KEY_BYTES,
    CacheKeyError,
    CacheKeyStore,
    SignOutIncomplete,
    open_offline_store,
    sign_out_cleanup,
)
from orderdesk.store.files import store_id
from orderdesk.store.keys import SERVICE

from ..keyrings import LockedKeyring, MemoryKeyring, StubbornKeyring
from .support import ACCOUNT, ORIGIN, cache_bytes

FETCHED = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
ENTRY = (SERVICE, store_id(ORIGIN, ACCOUNT))


def test_a_key_is_created_once_and_kept(memory_keyring: MemoryKeyring) -> None:
    keys = CacheKeyStore()

    key = keys.get_or_create(ORIGIN, ACCOUNT)

    assert key is not None
    assert len(key) == KEY_BYTES
    assert CacheKeyStore().get_or_create(ORIGIN, ACCOUNT) == key
    assert keys.get(ORIGIN, ACCOUNT) == key
    assert list(memory_keyring.passwords) == [ENTRY]
    assert keys.get_or_create(ORIGIN, "another") != key


def test_the_keyring_entry_names_neither_server_nor_account(
    memory_keyring: MemoryKeyring,
) -> None:
    CacheKeyStore().get_or_create(ORIGIN, ACCOUNT)

    ((_service, user),) = memory_keyring.passwords
    assert "shop" not in user
    assert ACCOUNT not in user


def test_a_malformed_key_is_replaced(
    memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    memory_keyring.passwords[ENTRY] = base64.b64encode(b"short").decode()

    key = CacheKeyStore().get_or_create(ORIGIN, ACCOUNT)

    assert key is not None
    assert len(key) == KEY_BYTES
    assert memory_keyring.passwords[ENTRY] == base64.b64encode(key).decode()
    assert "malformed" in caplog.text


def test_a_locked_keyring_gives_no_key_and_replaces_none(
    memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    locked = LockedKeyring()
    keyring.set_keyring(locked)

    assert CacheKeyStore().get_or_create(ORIGIN, ACCOUNT) is None
    assert CacheKeyStore().get(ORIGIN, ACCOUNT) is None
    assert locked.passwords == {}
    assert "offline review is off" in caplog.text


def test_delete_forgets_the_key(memory_keyring: MemoryKeyring) -> None:
    keys = CacheKeyStore()
    keys.get_or_create(ORIGIN, ACCOUNT)

    keys.delete(ORIGIN, ACCOUNT)

    assert memory_keyring.passwords == {}
    keys.delete(ORIGIN, ACCOUNT)  # Nothing to delete is fine.


@pytest.mark.parametrize("backend_type", [LockedKeyring, StubbornKeyring])
def test_a_key_the_keyring_keeps_is_an_error(
    memory_keyring: MemoryKeyring, backend_type: type[MemoryKeyring]
) -> None:
    backend = backend_type()
    backend.passwords[ENTRY] = base64.b64encode(bytes(KEY_BYTES)).decode()
    keyring.set_keyring(backend)

    with pytest.raises(CacheKeyError):
        CacheKeyStore().delete(ORIGIN, ACCOUNT)


class RecordingKeyring(MemoryKeyring):
    """Notes each deletion in a shared journal of events."""

    def __init__(self, journal: list[str]) -> None:
        super().__init__()
        self.journal = journal

    def delete_password(self, service: str, username: str) -> None:
        self.journal.append("key")
        super().delete_password(service, username)


def test_sign_out_deletes_the_key_then_the_token_then_the_files(
    memory_keyring: MemoryKeyring, folder: Path, base_order: Order
) -> None:
    journal: list[str] = []
    keyring.set_keyring(RecordingKeyring(journal))
    keys = CacheKeyStore()
    store = open_offline_store(ORIGIN, ACCOUNT, key_store=keys, folder=folder)
    assert store is not None
    store.save_order(base_order, FETCHED)
    store.save_thumbnail("http://x/t.jpg", b"t")
    assert cache_bytes(folder)

    def forget_token() -> None:
        assert store is not None
        journal.append("token")
        assert store.path.exists()  # The files go last.

    sign_out_cleanup(
        keys, ORIGIN, ACCOUNT, folder=folder, store=store, forget_token=forget_token
    )

    assert journal == ["key", "token"]
    assert cache_bytes(folder) == {}
    assert keys.get(ORIGIN, ACCOUNT) is None
    assert store.search() == []  # The store in memory is closed as well.


def test_sign_out_without_an_open_store_still_removes_the_files(
    memory_keyring: MemoryKeyring, folder: Path, base_order: Order
) -> None:
    store = open_offline_store(ORIGIN, ACCOUNT, folder=folder)
    assert store is not None
    store.save_order(base_order, FETCHED)
    store.close()

    sign_out_cleanup(CacheKeyStore(), ORIGIN, ACCOUNT, folder=folder)

    assert cache_bytes(folder) == {}
    assert memory_keyring.passwords == {}


def test_a_failed_step_does_not_stop_the_others(
    memory_keyring: MemoryKeyring, folder: Path, base_order: Order
) -> None:
    store = open_offline_store(ORIGIN, ACCOUNT, folder=folder)
    assert store is not None
    store.save_order(base_order, FETCHED)
    stubborn = StubbornKeyring()
    stubborn.passwords.update(memory_keyring.passwords)
    keyring.set_keyring(stubborn)
    forgotten: list[str] = []

    def forget_token() -> None:
        forgotten.append("token")
        raise RuntimeError("token store failed")

    with pytest.raises(SignOutIncomplete) as failure:
        sign_out_cleanup(
            CacheKeyStore(),
            ORIGIN,
            ACCOUNT,
            folder=folder,
            store=store,
            forget_token=forget_token,
        )

    assert [type(e) for e in failure.value.errors] == [CacheKeyError, RuntimeError]
    assert forgotten == ["token"]
    assert cache_bytes(folder) == {}
