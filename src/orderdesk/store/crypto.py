"""Encryption of the offline cache: AES-GCM for rows, HMAC for search terms.

One 32-byte cache key, kept in the system keyring, yields three independent
keys through HKDF-SHA256: one to seal rows (AES-256-GCM, a fresh random
nonce per value, the row's identity as associated data so a sealed value
cannot be moved to another row), one to turn search terms into opaque
integers (HMAC-SHA256, truncated to 64 bits), and a check value kept in the
database to tell a wrong key from a damaged row.
"""

import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12
_INFO = b"orderdesk offline cache v1: "


class DecryptionError(Exception):
    """A sealed value could not be opened: another key, or damaged bytes."""


def new_key() -> bytes:
    """A fresh random cache key."""
    return os.urandom(KEY_BYTES)


def _derive(key: bytes, purpose: bytes) -> bytes:
    kdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO + purpose)
    return kdf.derive(key)


class CacheCipher:
    """Seals rows and makes search terms opaque with one cache key.

    Thread-safe: it holds no mutable state.

    Args:
        key: The cache key, `KEY_BYTES` long.

    Attributes:
        key_check: A value derived from the key that reveals nothing about it;
            stored in the database to recognise the key it was written with.

    Raises:
        ValueError: The key has the wrong length.
    """

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError(f"a cache key has {KEY_BYTES} bytes, not {len(key)}")
        self._aead = AESGCM(_derive(key, b"rows"))
        self._term_key = _derive(key, b"terms")
        self.key_check = _derive(key, b"check")

    def seal(self, plaintext: bytes, context: bytes) -> bytes:
        """Encrypt and authenticate a value.

        Args:
            plaintext: The value.
            context: What the value belongs to (table and row); the same
                context must be given to `open`.

        Returns:
            The nonce followed by the ciphertext and its tag.
        """
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, plaintext, context)

    def open(self, sealed: bytes, context: bytes) -> bytes:
        """Decrypt a value sealed with `seal`.

        Raises:
            DecryptionError: Another key sealed it, it was sealed for another
                context, or its bytes are damaged.
        """
        if len(sealed) < NONCE_BYTES + 16:
            raise DecryptionError("sealed value too short")
        nonce, ciphertext = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
        try:
            return self._aead.decrypt(nonce, ciphertext, context)
        except InvalidTag as exc:
            raise DecryptionError("sealed value does not authenticate") from exc

    def term(self, text: str) -> int:
        """The opaque token of a normalised search term, a signed 64-bit integer.

        Equal terms give equal tokens under one key; without the key a token
        says nothing about its term.
        """
        digest = hmac.digest(self._term_key, text.encode("utf-8"), "sha256")
        return int.from_bytes(digest[:8], "big", signed=True)
