"""The cache key of each server and account, in the system keyring.

The key never touches the disk outside the keyring. When the keyring is not
secure (`orderdesk.keyring_check.is_secure_backend`: keyring's fail or null
backend, `keyrings.alt`, a last-resort backend) or refuses, there is no key,
and so no offline store: nothing personal is written to disk.

Keyring calls can block (a locked keyring asks the user): call them off the
UI thread.
"""

import base64
import binascii
import logging
import threading

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from orderdesk.keyring_check import is_secure_backend
from orderdesk.store.crypto import KEY_BYTES, new_key
from orderdesk.store.files import store_id

logger = logging.getLogger(__name__)

SERVICE = "OrderDesk offline cache"
"""The keyring service name; the user name is `files.store_id`."""


class CacheKeyError(Exception):
    """The keyring could not remove a cache key that it still holds."""


class CacheKeyStore:
    """Creates, reads and deletes cache keys in the system keyring.

    Thread-safe; each method may block on the keyring.

    Args:
        service: The keyring service name.
    """

    def __init__(self, *, service: str = SERVICE) -> None:
        self._service = service
        self._lock = threading.Lock()

    @property
    def is_available(self) -> bool:
        """Whether the keyring is secure enough to hold cache keys."""
        return is_secure_backend(keyring.get_keyring())

    def get(self, server_origin: str, account: str) -> bytes | None:
        """The stored cache key, or None (none stored, unusable, or no keyring)."""
        backend = self._backend()
        if backend is None:
            return None
        with self._lock:
            try:
                return self._read(backend, store_id(server_origin, account))
            except keyring.errors.KeyringError as exc:
                logger.warning(
                    "Could not read a cache key from the keyring (%s)",
                    type(exc).__name__,
                )
                return None

    def get_or_create(self, server_origin: str, account: str) -> bytes | None:
        """The cache key of a server and account, created on first use.

        Returns:
            The key; None when there is no secure keyring or it refused, in
            which case no offline store may be kept.
        """
        backend = self._backend()
        if backend is None:
            logger.info("No secure keyring: offline review is off")
            return None
        name = store_id(server_origin, account)

        with self._lock:
            try:
                key = self._read(backend, name)
                if key is None:
                    key = new_key()
                    backend.set_password(self._service, name, _encode(key))
            except keyring.errors.KeyringError as exc:
                # A key that cannot be read must not be replaced: it may
                # still open the cache once the keyring is unlocked.
                logger.warning(
                    "The keyring could not give a cache key (%s); offline review"
                    " is off",
                    type(exc).__name__,
                )
                return None
            return key

    def delete(self, server_origin: str, account: str) -> None:
        """Delete the cache key of a server and account; none stored is fine.

        Raises:
            CacheKeyError: The keyring still holds the key, or cannot say.
        """
        backend = self._backend()
        if backend is None:
            return
        name = store_id(server_origin, account)
        with self._lock:
            try:
                backend.delete_password(self._service, name)
            except keyring.errors.PasswordDeleteError:
                # Raised for "nothing stored" as for a refusal: look again.
                pass
            except keyring.errors.KeyringError as exc:
                raise CacheKeyError("the keyring did not delete the cache key") from exc
            try:
                still_there = backend.get_password(self._service, name)
            except keyring.errors.KeyringError as exc:
                raise CacheKeyError("the keyring cannot confirm the deletion") from exc
        if still_there:
            raise CacheKeyError("the keyring kept the cache key")

    def _backend(self) -> KeyringBackend | None:
        backend = keyring.get_keyring()
        return backend if is_secure_backend(backend) else None

    def _read(self, backend: KeyringBackend, name: str) -> bytes | None:
        """The key stored under a name; None if absent or malformed.

        Raises:
            keyring.errors.KeyringError: The keyring cannot be read.
        """
        stored = backend.get_password(self._service, name)
        if not stored:
            return None
        key = _decode(str(stored))
        if key is None:
            logger.warning("A cache key in the keyring is malformed; replacing it")
        return key


def _encode(key: bytes) -> str:
    return base64.b64encode(key).decode("ascii")


def _decode(text: str) -> bytes | None:
    try:
        key = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None
    return key if len(key) == KEY_BYTES else None
