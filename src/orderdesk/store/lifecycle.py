"""Opening the offline store at sign-in, and removing it at sign-out."""

import logging
from collections.abc import Callable
from pathlib import Path

from orderdesk.store import files
from orderdesk.store.keys import CacheKeyError, CacheKeyStore
from orderdesk.store.store import DEFAULT_MAX_BYTES, OrderStore, StoreUnavailable

logger = logging.getLogger(__name__)


class SignOutIncomplete(Exception):
    """Some step of the sign-out cleanup failed; the others still ran.

    Attributes:
        errors: The failures, in the order of the steps.
    """

    def __init__(self, errors: list[Exception]) -> None:
        super().__init__("; ".join(str(e) or type(e).__name__ for e in errors))
        self.errors = errors


def open_offline_store(
    server_origin: str,
    account: str,
    *,
    key_store: CacheKeyStore | None = None,
    folder: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> OrderStore | None:
    """The offline store of a server and account, if one may be kept.

    Blocks on the keyring and the disk: call it off the UI thread.

    Args:
        server_origin: The server's origin (`orderdesk.api.origin_of`).
        account: The account signed in.
        key_store: Where cache keys live; the system keyring by default.
        folder: Where databases live; the user cache folder by default.
        max_bytes: The size cap of the database.

    Returns:
        The open store; None when there is no secure keyring (nothing
        personal may reach the disk: the UI says offline review is off) or no
        database can be kept in the folder.
    """
    keys = CacheKeyStore() if key_store is None else key_store
    key = keys.get_or_create(server_origin, account)
    if key is None:
        return None
    try:
        return OrderStore.open(folder, server_origin, account, key, max_bytes=max_bytes)
    except StoreUnavailable as exc:
        logger.warning("Offline review is off: %s", exc)
        return None


def sign_out_cleanup(
    key_store: CacheKeyStore,
    server_origin: str,
    account: str,
    *,
    folder: Path | None = None,
    store: OrderStore | None = None,
    forget_token: Callable[[], None] | None = None,
) -> None:
    """Remove what signing in left behind, key first.

    The steps, each tried even when an earlier one failed:

    1. close the open store, if given (nothing is written after this);
    2. delete the cache key from the keyring, so whatever may be left on
       disk can no longer be read;
    3. call `forget_token` (the caller's `TokenStore.delete`);
    4. delete the database files.

    Args:
        key_store: Where the cache key lives.
        server_origin: The server's origin.
        account: The account signing out.
        folder: Where databases live; the user cache folder by default.
        store: The open store of this account, if any.
        forget_token: Deletes the API token; called between the key and the
            files.

    Raises:
        SignOutIncomplete: A step failed; its error is in `errors`.
    """
    errors: list[Exception] = []
    if store is not None:
        store.close()
    try:
        key_store.delete(server_origin, account)
    except CacheKeyError as exc:
        errors.append(exc)

    if forget_token is not None:
        try:
            forget_token()
        except Exception as exc:  # Any failure is reported, after the files go.
            errors.append(exc)

    path = files.database_path(folder, server_origin, account)
    try:
        files.delete_database(path)
    except OSError as exc:
        errors.append(exc)

    if errors:
        logger.warning("Sign-out cleanup incomplete: %d step(s) failed", len(errors))
        raise SignOutIncomplete(errors) from errors[0]
