"""The offline store: orders, list pages and thumbnails cached on disk.

SQLite in the user's cache folder, one database per server and account,
owner-only files, personal data sealed with AES-GCM under a key held in the
system keyring, and a search index of HMAC tokens. Without a secure keyring
there is no store at all. Imports only `orderdesk.models` of the project
(and the neutral `orderdesk.keyring_check`).

The views' part:

- at sign-in, off the UI thread: `open_offline_store(origin, account)`;
  None means offline review is off (say so in the banner);
- each order fetched or answered by a PATCH: `store.save_order(order, when)`;
  each list page fetched: `store.save_page(params, page, when)`;
- offline: `store.search(...)`, `store.get_order(id)`, `store.get_page(...)`;
- thumbnails: `store.get_thumbnail(url)` first, `store.save_thumbnail(...)`;
- at sign-out: `sign_out_cleanup(keys, origin, account, store=store,
  forget_token=...)`, which deletes the key, then the token, then the files.

Import from here; the modules behind it are private to the package.
"""

from orderdesk.store.crypto import KEY_BYTES
from orderdesk.store.files import database_path, default_folder
from orderdesk.store.keys import CacheKeyError, CacheKeyStore
from orderdesk.store.lifecycle import (
    SignOutIncomplete,
    open_offline_store,
    sign_out_cleanup,
)
from orderdesk.store.records import CachedOrder, CachedPage, CachedSummary
from orderdesk.store.store import DEFAULT_MAX_BYTES, OrderStore, StoreUnavailable

__all__ = [
    "DEFAULT_MAX_BYTES",
    "KEY_BYTES",
    "CacheKeyError",
    "CacheKeyStore",
    "CachedOrder",
    "CachedPage",
    "CachedSummary",
    "OrderStore",
    "SignOutIncomplete",
    "StoreUnavailable",
    "database_path",
    "default_folder",
    "open_offline_store",
    "sign_out_cleanup",
]
