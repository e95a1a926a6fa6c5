"""Keyring doubles shared by the tests: secure, locked, weak and stubborn.

The real Secret Service is tested in tests/store/test_secret_service.py;
these stand in for it everywhere else.
"""

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """A secure-looking keyring that keeps passwords in a dict."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class LockedKeyring(MemoryKeyring):
    """A keyring whose user declined to unlock it."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("locked")


class StubbornKeyring(MemoryKeyring):
    """A keyring that claims a delete failed and keeps the password."""

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError("access denied")


class PlaintextKeyring(MemoryKeyring):
    """Looks like keyrings.alt's plaintext file backend."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


class LowPriorityKeyring(MemoryKeyring):
    """A backend keyring itself ranks as a last resort."""

    priority = 0.5  # type: ignore[assignment]
