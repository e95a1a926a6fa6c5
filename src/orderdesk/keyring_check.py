"""Whether a keyring backend is safe enough to hold OrderDesk's secrets.

A neutral module: the API layer (tokens) and the offline store (its cache key)
both decide with it, and neither may import the other.
"""

import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
from keyring.backend import KeyringBackend

_NO_KEYRING = (keyring.backends.fail.Keyring, keyring.backends.null.Keyring)

# keyrings.alt keeps secrets in plaintext or weakly encrypted files.
_WEAK_PACKAGES = ("keyrings.alt",)


def is_secure_backend(backend: KeyringBackend) -> bool:
    """Whether a keyring backend keeps secrets in a real secure store.

    Args:
        backend: A keyring backend, usually `keyring.get_keyring()`.

    Returns:
        False for keyring's fail and null backends, any backend from
        `keyrings.alt`, a backend that ranks itself below 1 (keyring's own
        "last resort" mark) or cannot rank itself at all, and a chain with any
        such member; True otherwise.
    """
    if isinstance(backend, keyring.backends.chainer.ChainerBackend):
        # A chain stores in the first member that accepts, so every member
        # has to be safe.
        members = list(backend.backends)
        return bool(members) and all(is_secure_backend(m) for m in members)

    if isinstance(backend, _NO_KEYRING):
        return False
    if type(backend).__module__.startswith(_WEAK_PACKAGES):
        return False

    try:
        priority = float(backend.priority)
    except Exception:
        # Secret Service, for one, raises here when no daemon answers.
        return False
    return priority >= 1
