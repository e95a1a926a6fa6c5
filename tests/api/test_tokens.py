"""Tokens in the keyring, in memory when there is no secure keyring, or from
the environment."""

import logging
from collections.abc import Iterator

import keyring
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyring.backend import KeyringBackend

from orderdesk.api import TokenStore, TokenStoreError
from orderdesk.api.tokens import ENVIRONMENT_VARIABLE, SERVICE
from orderdesk.keyring_check import is_secure_backend

from ..keyrings import (
    LockedKeyring,
    LowPriorityKeyring,
    MemoryKeyring,
    PlaintextKeyring,
    StubbornKeyring,
)

SERVER = "https://Shop.Example.com/backend/"
KEY = "https://shop.example.com"
TOKEN = "keyring-token-0123456789abcdef"


@pytest.fixture
def use_keyring() -> Iterator[type[None]]:
    """Restore the process's keyring after the test replaced it."""
    saved = keyring.get_keyring()
    yield type(None)
    keyring.set_keyring(saved)


@pytest.fixture
def memory(use_keyring: object) -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


def test_token_round_trips_through_the_keyring_by_origin(memory: MemoryKeyring) -> None:
    store = TokenStore(environ={})

    assert store.is_secure
    assert store.set(SERVER, TOKEN) is True

    assert memory.passwords == {(SERVICE, KEY): TOKEN}
    # A new session, and another spelling of the same origin, find it.
    later = TokenStore(environ={})
    assert later.get("https://shop.example.com:443/other") == TOKEN
    assert later.get("https://shop.example.com:8443") is None
    assert later.get("http://shop.example.com") is None


def test_delete_forgets_the_token_everywhere(memory: MemoryKeyring) -> None:
    store = TokenStore(environ={})
    store.set(SERVER, TOKEN)

    store.delete(SERVER)

    assert memory.passwords == {}
    assert store.get(SERVER) is None
    store.delete(SERVER)  # Deleting nothing is fine.


def test_environment_token_overrides_and_is_never_stored(memory: MemoryKeyring) -> None:
    store = TokenStore(environ={ENVIRONMENT_VARIABLE: " env-token-0123456789 "})

    assert store.from_environment
    assert store.get(SERVER) == "env-token-0123456789"
    assert store.get("http://127.0.0.1:8000") == "env-token-0123456789"
    assert store.set(SERVER, TOKEN) is False
    assert memory.passwords == {}


INSECURE = {
    "fail": keyring.backends.fail.Keyring,
    "null": keyring.backends.null.Keyring,
    "keyrings.alt": PlaintextKeyring,
    "priority below 1": LowPriorityKeyring,
}


@pytest.mark.parametrize("backend_type", INSECURE.values(), ids=INSECURE.keys())
def test_without_a_secure_keyring_the_token_lasts_the_session(
    use_keyring: object, backend_type: type[KeyringBackend]
) -> None:
    backend = backend_type()
    keyring.set_keyring(backend)
    store = TokenStore(environ={})

    assert not store.is_secure
    assert store.set(SERVER, TOKEN) is False

    assert store.get(SERVER) == TOKEN
    assert TokenStore(environ={}).get(SERVER) is None
    assert getattr(backend, "passwords", {}) == {}
    store.delete(SERVER)
    assert store.get(SERVER) is None


def test_a_chain_is_only_as_secure_as_its_weakest_member(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chain = keyring.backends.chainer.ChainerBackend()  # type: ignore[no-untyped-call]
    chainer = keyring.backends.chainer.ChainerBackend

    monkeypatch.setattr(chainer, "backends", [MemoryKeyring(), MemoryKeyring()])
    assert is_secure_backend(chain)

    monkeypatch.setattr(chainer, "backends", [MemoryKeyring(), PlaintextKeyring()])
    assert not is_secure_backend(chain)

    monkeypatch.setattr(chainer, "backends", [])
    assert not is_secure_backend(chain)


def test_locked_keyring_keeps_the_token_for_the_session(
    use_keyring: object, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    keyring.set_keyring(LockedKeyring())
    store = TokenStore(environ={})

    assert store.set(SERVER, TOKEN) is False
    assert store.get(SERVER) == TOKEN
    assert TokenStore(environ={}).get(SERVER) is None

    with pytest.raises(TokenStoreError):
        store.delete(SERVER)
    assert [r.levelno for r in caplog.records].count(logging.WARNING) == 2
    assert all(TOKEN not in record.getMessage() for record in caplog.records)


def test_failed_delete_of_a_present_token_is_an_error(use_keyring: object) -> None:
    backend = StubbornKeyring()
    keyring.set_keyring(backend)
    store = TokenStore(environ={})
    store.set(SERVER, TOKEN)

    with pytest.raises(TokenStoreError):
        store.delete(SERVER)

    assert backend.passwords == {(SERVICE, KEY): TOKEN}


def test_token_never_appears_in_logs(
    memory: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    store = TokenStore(environ={})

    store.set(SERVER, TOKEN)
    store.get(SERVER)
    store.delete(SERVER)

    assert all(TOKEN not in record.getMessage() for record in caplog.records)
