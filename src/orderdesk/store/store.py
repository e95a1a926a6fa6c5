"""The offline store of one server and account: `OrderStore`."""

import hashlib
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from orderdesk.models import Order, OrderPage
from orderdesk.store import files, schema, upkeep
from orderdesk.store.crypto import CacheCipher, DecryptionError
from orderdesk.store.index import query_terms
from orderdesk.store.opening import StoreUnavailable, open_tables, replace
from orderdesk.store.records import CachedOrder, CachedPage, CachedSummary
from orderdesk.store.search import rarest_first, search_tail
from orderdesk.store.tables import (
    Tables,
    prepare_entry,
    seal_document,
    to_datetime,
)

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 512 * 1024 * 1024
"""The default size cap of one database, thumbnails included."""

MAX_THUMBNAIL_BYTES = 2 * 1024 * 1024

_EVICT_TO = 0.9
"""Eviction frees a tenth of the cap at once, so it does not run on each save."""

_TOUCH_AFTER = 60.0
"""Seconds before a repeated read counts as a new access (saves writes)."""

_T = TypeVar("_T")

__all__ = ["DEFAULT_MAX_BYTES", "OrderStore", "StoreUnavailable"]


def _timestamp(moment: datetime) -> float:
    if moment.tzinfo is None:
        raise ValueError("fetched_at must be an aware datetime")
    return moment.timestamp()


class OrderStore:
    """Orders, list pages and thumbnails of one server and account, on disk.

    Personal data is sealed with AES-GCM under the cache key; search runs on
    HMAC tokens (`orderdesk.store.index`). The store is a cache: a database
    that cannot be read is discarded and started again empty, and later
    failures are logged and answered as misses, never raised (bugs aside).

    Thread-safe: every method takes one lock around one shared connection,
    so workers of a `QThreadPool` may call it; sealing and hashing of new
    rows happen before the lock is taken. Methods block on disk: never call
    them on the UI thread. After `close` or `destroy`, writes are ignored and
    reads find nothing.

    Create it with `open` (or `orderdesk.store.open_offline_store`).
    """

    def __init__(
        self,
        path: Path,
        cipher: CacheCipher,
        *,
        max_bytes: int,
        clock: Callable[[], float],
    ) -> None:
        self._path = path
        self._cipher = cipher
        self._max_bytes = max_bytes
        self._clock = clock
        self._lock = threading.RLock()
        self._tables: Tables | None = None

    @classmethod
    def open(
        cls,
        folder: Path | None,
        server_origin: str,
        account: str,
        key: bytes,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        clock: Callable[[], float] = time.time,
    ) -> "OrderStore":
        """Open the database of a server and account, creating it if needed.

        A database that is damaged, was written with another key or by
        another format version is deleted (logged as a warning with the
        cause) and a new empty one takes its place.

        Args:
            folder: Where databases live; None for the user cache folder.
            server_origin: The server's origin (`orderdesk.api.origin_of`).
            account: The account signed in; another account on the same
                server gets another database.
            key: The cache key from `CacheKeyStore.get_or_create`.
            max_bytes: The size cap; least recently used orders and
                thumbnails are evicted past it.
            clock: Seconds since the epoch; tests pass their own.

        Raises:
            ValueError: The key is not a cache key.
            StoreUnavailable: Not even an empty database can be created.
        """
        cipher = CacheCipher(key)
        path = files.database_path(folder, server_origin, account)
        store = cls(path, cipher, max_bytes=max_bytes, clock=clock)
        store._tables = open_tables(path, cipher)
        return store

    @property
    def path(self) -> Path:
        """The database file; its companions share its name and a suffix."""
        return self._path

    @property
    def size_bytes(self) -> int:
        """About how many bytes the cached orders and thumbnails take."""
        with self._lock:
            return self._tables.total_bytes if self._tables is not None else 0

    # -- orders and pages ---------------------------------------------------

    def save_order(self, order: Order, fetched_at: datetime) -> None:
        """Keep an order document, as fetched or as a PATCH answered it."""
        self.save_orders([order], fetched_at)

    def save_orders(self, orders: Iterable[Order], fetched_at: datetime) -> None:
        """Keep several order documents fetched at one time, in one transaction."""
        when = _timestamp(fetched_at)
        prepared = [
            (prepare_entry(self._cipher, order), seal_document(self._cipher, order))
            for order in orders
        ]

        def write(tables: Tables) -> None:
            now = self._clock()
            with tables.transaction():
                for entry, document in prepared:
                    tables.put_order(entry, document, when, now)
            self._enforce_cap(tables)

        self._run("save orders", write, None)

    def save_page(
        self, params: Mapping[str, object], page: OrderPage, fetched_at: datetime
    ) -> None:
        """Keep a page of the order list and each of its rows.

        Args:
            params: The query the page answered (page, page_size, search,
                status, is_paid...); None values are ignored.
            page: The page.
            fetched_at: When the server answered it.
        """
        when = _timestamp(fetched_at)
        # The first row of the page gets the newest sequence number, so
        # listing by recency keeps the page's own order.
        entries = [prepare_entry(self._cipher, s) for s in reversed(page.results)]
        token = self._page_token(params)
        body = {
            "count": page.count,
            "ids": [s.id for s in page.results],
            "has_next": page.has_next,
        }
        sealed = self._cipher.seal(json.dumps(body).encode(), b"page:%d" % token)

        def write(tables: Tables) -> None:
            now = self._clock()
            with tables.transaction():
                for entry in entries:
                    tables.put_entry(entry, when, now)
                upkeep.put_page(tables, token, sealed, when)
            self._enforce_cap(tables)

        self._run("save a page", write, None)

    def get_order(self, order_id: int) -> CachedOrder | None:
        """The cached document of an order, or None if none can be read."""

        def read(tables: Tables) -> CachedOrder | None:
            cached, accessed_at = tables.read_document(order_id)
            now = self._clock()
            if cached is None and accessed_at is not None:
                with tables.transaction():
                    tables.delete_entries([order_id])
            elif accessed_at is not None and now - accessed_at > _TOUCH_AFTER:
                tables.touch_entry(order_id, now)
            return cached

        return self._run("read an order", read, None)

    def get_page(self, params: Mapping[str, object]) -> CachedPage | None:
        """The list page fetched for a query, with the rows still cached."""
        token = self._page_token(params)

        def read(tables: Tables) -> CachedPage | None:
            row = tables.connection.execute(
                "SELECT fetched_at, page FROM pages WHERE token = ?", (token,)
            ).fetchone()
            if row is None:
                return None
            try:
                body = json.loads(self._cipher.open(row[1], b"page:%d" % token))
            except (DecryptionError, ValueError):
                tables.connection.execute("DELETE FROM pages WHERE token = ?", (token,))
                return None
            ids = [int(i) for i in body["ids"]]
            marks = ", ".join("?" * len(ids))
            found = tables.summaries(
                "FROM entries AS e LEFT JOIN documents AS d ON d.id = e.id"
                f" WHERE e.id IN ({marks})",
                ids,
            )
            by_id = {s.id: s for s in found}
            return CachedPage(
                summaries=[by_id[i] for i in ids if i in by_id],
                count=int(body["count"]),
                has_next=bool(body["has_next"]),
                fetched_at=to_datetime(row[0]),
            )

        return self._run("read a page", read, None)

    def search(
        self,
        text: str = "",
        *,
        status: str | None = None,
        is_paid: bool | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[CachedSummary]:
        """Cached orders matching a search, most recently fetched first.

        Args:
            text: Words that must each begin a word of the order's key or
                names, or begin or end one of its mobile numbers, or equal its
                national code. Persian and Arabic spellings and digits match
                each other. Empty lists every cached order.
            status: Only orders with this status.
            is_paid: Only paid (True) or unpaid (False) orders.
            limit: At most this many rows.
            offset: Rows to skip, for paging.
        """
        tokens = [self._cipher.term(term) for term in query_terms(text)]

        def read(tables: Tables) -> list[CachedSummary]:
            leading = rarest_first(tables.connection, tokens)
            if tokens and not leading:
                return []
            tail, args = search_tail(
                leading, status=status, is_paid=is_paid, limit=limit, offset=offset
            )
            return tables.summaries(tail, args)

        return self._run("search", read, [])

    def count(self) -> int:
        """How many orders are cached (listed, whether or not opened)."""

        def read(tables: Tables) -> int:
            row = tables.connection.execute("SELECT count(*) FROM entries").fetchone()
            return int(row[0])

        return self._run("count", read, 0)

    # -- thumbnails ---------------------------------------------------------

    def save_thumbnail(self, url: str, data: bytes) -> None:
        """Keep a thumbnail's bytes under its URL; too large ones are ignored."""
        if len(data) > MAX_THUMBNAIL_BYTES:
            logger.debug("Thumbnail of %d bytes not cached", len(data))
            return
        url_hash = hashlib.sha256(url.encode("utf-8")).digest()

        def write(tables: Tables) -> None:
            upkeep.put_thumbnail(tables, url_hash, data, self._clock())
            self._enforce_cap(tables)

        self._run("save a thumbnail", write, None)

    def get_thumbnail(self, url: str) -> bytes | None:
        """The cached bytes of a thumbnail, or None."""
        url_hash = hashlib.sha256(url.encode("utf-8")).digest()

        def read(tables: Tables) -> bytes | None:
            now = self._clock()
            return upkeep.read_thumbnail(tables, url_hash, now, _TOUCH_AFTER)

        return self._run("read a thumbnail", read, None)

    # -- size ---------------------------------------------------------------

    def evict_to(self, max_bytes: int) -> int:
        """Evict least recently used orders and thumbnails down to a size.

        Returns:
            About how many bytes were freed.
        """
        return self._run("evict", lambda tables: upkeep.evict(tables, max_bytes), 0)

    # -- life ---------------------------------------------------------------

    def close(self) -> None:
        """Close the database; the store then ignores writes and finds nothing."""
        with self._lock:
            tables, self._tables = self._tables, None
            if tables is not None:
                tables.rollback()
                tables.connection.close()

    def destroy(self) -> None:
        """Close the database and delete its files.

        Raises:
            OSError: A file could not be deleted.
        """
        with self._lock:
            self.close()
            files.delete_database(self._path)

    # -- internals ------------------------------------------------------------

    def _run(self, action: str, work: Callable[[Tables], _T], default: _T) -> _T:
        """Run work on the open database, turning database failures into misses."""
        with self._lock:
            tables = self._tables
            if tables is None:
                logger.debug("Offline store closed; could not %s", action)
                return default
            try:
                return work(tables)
            except (sqlite3.IntegrityError, sqlite3.ProgrammingError):
                raise
            except sqlite3.DatabaseError as exc:
                tables.rollback()
                if schema.is_corruption(exc):
                    self._restart(f"damaged ({exc}) while trying to {action}")
                else:
                    logger.warning("Offline store could not %s: %s", action, exc)
                return default

    def _restart(self, cause: str) -> None:
        """Replace a database found damaged while in use with an empty one."""
        self.close()
        try:
            self._tables = replace(self._path, self._cipher, cause)
        except StoreUnavailable as exc:
            logger.warning("Offline store is off for this session: %s", exc)

    def _page_token(self, params: Mapping[str, object]) -> int:
        query = {str(k): str(v) for k, v in params.items() if v is not None}
        return self._cipher.term("page\0" + json.dumps(query, sort_keys=True))

    def _enforce_cap(self, tables: Tables) -> None:
        if tables.total_bytes > self._max_bytes:
            upkeep.evict(tables, int(self._max_bytes * _EVICT_TO))
