"""API tokens in the system keyring, one per server origin.

Tokens live only in a secure keyring (Windows Credential Manager, macOS
Keychain, Secret Service). keyring's "fail" and "null" backends and any
plaintext backend (`keyrings.alt`, or anything keyring itself ranks below 1)
count as no keyring: the token is then kept in memory for this session only
and never written anywhere. The environment variable `ORDERDESK_TOKEN`
overrides everything and is never stored.

Keyring calls can block (a locked keyring prompts the user): call them off
the UI thread.
"""

import logging
import os
import threading
from collections.abc import Mapping

import keyring
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
from keyring.backend import KeyringBackend

from orderdesk.api.origin import origin_of
from orderdesk.api.redaction import forget_secret, register_secret
from orderdesk.keyring_check import is_secure_backend

logger = logging.getLogger(__name__)

SERVICE = "OrderDesk"
"""The keyring service name; the server's origin is the user name."""

ENVIRONMENT_VARIABLE = "ORDERDESK_TOKEN"


class TokenStoreError(Exception):
    """The keyring failed in a way the user must know about (a failed delete)."""


class TokenStore:
    """The API token of each server, in the keyring or in memory.

    Thread-safe; each method may block on the keyring.

    Args:
        service: The keyring service name.
        environ: The environment to read `ORDERDESK_TOKEN` from (tests).
    """

    def __init__(
        self, *, service: str = SERVICE, environ: Mapping[str, str] | None = None
    ) -> None:
        self._service = service
        self._environ = os.environ if environ is None else environ
        self._memory: dict[str, str] = {}
        self._lock = threading.Lock()

    @staticmethod
    def key_for(server_url: str) -> str:
        """The keyring user name of a server: its origin, normalised.

        Raises:
            InvalidServerAddress: The address is not an http(s) URL.
        """
        return str(origin_of(server_url))

    @property
    def from_environment(self) -> bool:
        """Whether `ORDERDESK_TOKEN` is set and overrides the keyring."""
        return bool(self._environ.get(ENVIRONMENT_VARIABLE, "").strip())

    @property
    def is_secure(self) -> bool:
        """Whether tokens can be stored in a secure keyring.

        When False, tokens are kept for this session only and the UI says so.
        """
        return is_secure_backend(keyring.get_keyring())

    def get(self, server_url: str) -> str | None:
        """The token for a server, or None if none is known.

        A keyring that cannot be read (locked, access denied) is logged and
        counts as holding no token.
        """
        if self.from_environment:
            token = self._environ[ENVIRONMENT_VARIABLE].strip()
            register_secret(token)
            return token

        key = self.key_for(server_url)
        with self._lock:
            remembered = self._memory.get(key)
        if remembered is not None:
            return remembered

        backend = self._secure_backend()
        if backend is None:
            return None
        try:
            stored = backend.get_password(self._service, key)
        except keyring.errors.KeyringError as exc:
            logger.warning(
                "Could not read the token for %s from the keyring: %s",
                key,
                type(exc).__name__,
            )
            return None

        if not stored:
            return None
        token = str(stored)
        register_secret(token)
        return token

    def set(self, server_url: str, token: str) -> bool:
        """Remember a server's token; in the keyring when there is a secure one.

        Args:
            server_url: The server address.
            token: The token, verified by a real call beforehand.

        Returns:
            True if the token was stored in the keyring; False if it is kept
            for this session only (no secure keyring, the keyring refused, or
            the token comes from `ORDERDESK_TOKEN` and is not stored at all).
        """
        if self.from_environment:
            logger.info(
                "The token comes from %s; it is not stored", ENVIRONMENT_VARIABLE
            )
            return False

        key = self.key_for(server_url)
        register_secret(token)
        with self._lock:
            self._memory[key] = token

        backend = self._secure_backend()
        if backend is None:
            logger.info("No secure keyring: the token for %s lasts this session", key)
            return False
        try:
            backend.set_password(self._service, key, token)
        except keyring.errors.KeyringError as exc:
            logger.warning(
                "Could not store the token for %s in the keyring (%s); it lasts "
                "this session",
                key,
                type(exc).__name__,
            )
            return False
        return True

    def delete(self, server_url: str) -> None:
        """Forget a server's token, in memory and in the keyring.

        Raises:
            TokenStoreError: The keyring could not remove the stored token.
        """
        key = self.key_for(server_url)
        with self._lock:
            remembered = self._memory.pop(key, None)
        if remembered is not None:
            forget_secret(remembered)

        backend = self._secure_backend()
        if backend is None:
            return
        try:
            backend.delete_password(self._service, key)
        except keyring.errors.PasswordDeleteError:
            # Raised both for "nothing stored" and for real failures; only a
            # token still present is a failure.
            self._confirm_deleted(backend, key)
        except keyring.errors.KeyringError as exc:
            raise TokenStoreError(
                f"could not remove the token for {key} from the keyring"
            ) from exc

    def _confirm_deleted(self, backend: KeyringBackend, key: str) -> None:
        try:
            still_there = backend.get_password(self._service, key)
        except keyring.errors.KeyringError as exc:
            raise TokenStoreError(
                f"could not check the token for {key} in the keyring"
            ) from exc
        if still_there:
            raise TokenStoreError(
                f"could not remove the token for {key} from the keyring"
            )

    def _secure_backend(self) -> KeyringBackend | None:
        """The keyring backend if it is secure, else None."""
        backend = keyring.get_keyring()
        return backend if is_secure_backend(backend) else None
