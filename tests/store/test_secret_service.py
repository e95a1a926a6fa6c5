"""The cache key and the API token in a real Secret Service keyring.

Linux only. In CI a Secret Service that cannot be started fails these tests;
elsewhere, missing daemons skip them with the packages to install.
"""

import base64
import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import keyring
import pytest

from orderdesk.api import TokenStore
from orderdesk.models import Order
from orderdesk.store import (
    CacheKeyStore,
    open_offline_store,
    sign_out_cleanup,
)
from orderdesk.store.files import store_id
from orderdesk.store.keys import SERVICE

from .secret_service import (
    PACKAGES,
    SecretServiceSession,
    SecretServiceUnavailable,
    missing_programs,
    secret_service,
)
from .support import ACCOUNT, ORIGIN, cache_bytes

pytestmark = [
    pytest.mark.keyring,
    pytest.mark.skipif(sys.platform != "linux", reason="Secret Service is Linux's"),
]

SERVER = "https://shop.example.com/backend/"
TOKEN = "secret-service-token-0123456789abcdef"
FETCHED = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def service(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[SecretServiceSession]:
    """gnome-keyring on a private D-Bus, set as the process's keyring."""
    if missing_programs() and not os.environ.get("CI"):
        pytest.skip(f"no Secret Service daemons here; install {PACKAGES}")
    try:
        with secret_service(tmp_path_factory.mktemp("secret-service")) as session:
            yield session
    except SecretServiceUnavailable as exc:
        pytest.fail(f"cannot start a Secret Service: {exc}")


def keyring_file_bytes(session: SecretServiceSession) -> bytes:
    return b"".join(cache_bytes(session.home).values())


def test_the_cache_key_is_created_read_and_deleted(
    service: SecretServiceSession,
) -> None:
    keys = CacheKeyStore()
    assert keys.is_available

    key = keys.get_or_create(ORIGIN, ACCOUNT)

    assert key is not None
    assert CacheKeyStore().get(ORIGIN, ACCOUNT) == key
    stored = keyring.get_password(SERVICE, store_id(ORIGIN, ACCOUNT))
    assert stored == base64.b64encode(key).decode()
    # The daemon writes its keyring encrypted with the login password.
    assert stored.encode() not in keyring_file_bytes(service)

    keys.delete(ORIGIN, ACCOUNT)

    assert keys.get(ORIGIN, ACCOUNT) is None
    assert keyring.get_password(SERVICE, store_id(ORIGIN, ACCOUNT)) is None


def test_the_token_is_stored_read_and_deleted(service: SecretServiceSession) -> None:
    tokens = TokenStore(environ={})
    assert tokens.is_secure

    assert tokens.set(SERVER, TOKEN) is True

    assert TokenStore(environ={}).get(SERVER) == TOKEN
    assert TOKEN.encode() not in keyring_file_bytes(service)
    tokens.delete(SERVER)
    assert TokenStore(environ={}).get(SERVER) is None


def test_sign_in_and_out_with_the_real_keyring(
    service: SecretServiceSession, tmp_path: Path, example_order: Order
) -> None:
    folder = tmp_path / "offline"
    tokens = TokenStore(environ={})
    tokens.set(SERVER, TOKEN)
    keys = CacheKeyStore()
    store = open_offline_store(ORIGIN, ACCOUNT, key_store=keys, folder=folder)
    assert store is not None
    store.save_order(example_order, FETCHED)
    store.close()

    again = open_offline_store(ORIGIN, ACCOUNT, key_store=keys, folder=folder)
    assert again is not None
    assert again.count() == 1

    sign_out_cleanup(
        keys,
        ORIGIN,
        ACCOUNT,
        folder=folder,
        store=again,
        forget_token=lambda: tokens.delete(SERVER),
    )

    assert keys.get(ORIGIN, ACCOUNT) is None
    assert TokenStore(environ={}).get(SERVER) is None
    assert cache_bytes(folder) == {}
