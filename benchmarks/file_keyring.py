"""A keyring backend in a JSON file, for benchmark processes only.

The start-up figure runs the real application, which keeps the offline
store's key in the system keyring. A benchmark machine may have no Secret
Service, so its child processes are pointed at this backend with
`PYTHON_KEYRING_BACKEND=benchmarks.file_keyring.FileKeyring` and a file in
the run's temporary folder (`ORDERDESK_BENCH_KEYRING`), deleted afterwards.

It ranks itself as a real keyring (priority 1) so that OrderDesk agrees to
keep an offline store with it. Plaintext: never use it outside a benchmark.
"""

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

PATH_VARIABLE = "ORDERDESK_BENCH_KEYRING"
BACKEND = "benchmarks.file_keyring.FileKeyring"


class FileKeyring(KeyringBackend):
    """Secrets by service and user name, in the file `ORDERDESK_BENCH_KEYRING`."""

    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        """The secret stored for a service and user, if any."""
        return self._load().get(_key(service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store a secret, replacing any earlier one."""
        secrets = self._load()
        secrets[_key(service, username)] = password
        self._path().write_text(json.dumps(secrets), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        """Forget a secret.

        Raises:
            PasswordDeleteError: None was stored.
        """
        secrets = self._load()
        if secrets.pop(_key(service, username), None) is None:
            raise PasswordDeleteError("no such secret")
        self._path().write_text(json.dumps(secrets), encoding="utf-8")

    def _load(self) -> dict[str, str]:
        path = self._path()
        if not path.is_file():
            return {}
        loaded: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
        return loaded

    @staticmethod
    def _path() -> Path:
        return Path(os.environ[PATH_VARIABLE])


def _key(service: str, username: str) -> str:
    return f"{service}\n{username}"
