"""The offline store of one server and account: `OrderStore`."""

import hashlib
import hmac
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
from orderdesk.store import files, schema
from orderdesk.store.crypto import CacheCipher, DecryptionError
from orderdesk.store.index import query_terms
from orderdesk.store.records import CachedOrder, CachedPage, CachedSummary
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
MAX_PAGES = 1000
"""List pages kept per database; the oldest fetched go first."""

_EVICT_TO = 0.9
"""Eviction frees a tenth of the cap at once, so it does not run on each save."""

_TOUCH_AFTER = 60.0
"""Seconds before a repeated read counts as a new access (saves writes)."""

_ALSO_HAS_TERM = "EXISTS (SELECT 1 FROM terms AS o WHERE o.term = ? AND o.seq = t.seq)"

_T = TypeVar("_T")


class StoreUnavailable(Exception):
    """No database can be kept in the folder (not writable, disk full, locked)."""


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
        with store._lock:
            store._start()
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
                self._put_page(tables, token, sealed, when)
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
        where: list[str] = []
        args: list[object] = []
        if status is not None:
            where.append("e.status = ?")
            args.append(status)
        if is_paid is not None:
            where.append("e.is_paid = ?")
            args.append(int(is_paid))

        if tokens:
            # The longest term leads: its tokens are read in sequence order
            # and the others are probed by primary key, so the search stops
            # as soon as the page is full.
            source = "FROM terms AS t CROSS JOIN entries AS e ON e.seq = t.seq"
            where.insert(0, "t.term = ?")
            args.insert(0, tokens[0])
            for token in tokens[1:]:
                where.append(_ALSO_HAS_TERM)
                args.append(token)
            order = "ORDER BY t.seq DESC"
        else:
            source = "FROM entries AS e"
            order = "ORDER BY e.seq DESC"

        condition = f"WHERE {' AND '.join(where)}" if where else ""
        tail = (
            f"{source} LEFT JOIN documents AS d ON d.id = e.id {condition}"
            f" {order} LIMIT ? OFFSET ?"
        )
        args += [max(limit, 0), max(offset, 0)]
        return self._run("search", lambda tables: tables.summaries(tail, args), [])

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
            size = len(data) + schema.ROW_OVERHEAD
            with tables.transaction():
                old = tables.connection.execute(
                    "SELECT size FROM thumbnails WHERE url_hash = ?", (url_hash,)
                ).fetchone()
                tables.connection.execute(
                    "INSERT OR REPLACE INTO thumbnails"
                    " (url_hash, accessed_at, size, data) VALUES (?, ?, ?, ?)",
                    (url_hash, self._clock(), size, data),
                )
                tables.total_bytes += size - (old[0] if old is not None else 0)
            self._enforce_cap(tables)

        self._run("save a thumbnail", write, None)

    def get_thumbnail(self, url: str) -> bytes | None:
        """The cached bytes of a thumbnail, or None."""
        url_hash = hashlib.sha256(url.encode("utf-8")).digest()

        def read(tables: Tables) -> bytes | None:
            row = tables.connection.execute(
                "SELECT id, accessed_at, data FROM thumbnails WHERE url_hash = ?",
                (url_hash,),
            ).fetchone()
            if row is None:
                return None
            now = self._clock()
            if now - row[1] > _TOUCH_AFTER:
                tables.connection.execute(
                    "UPDATE thumbnails SET accessed_at = ? WHERE id = ?", (now, row[0])
                )
            return bytes(row[2])

        return self._run("read a thumbnail", read, None)

    # -- size ---------------------------------------------------------------

    def evict_to(self, max_bytes: int) -> int:
        """Evict least recently used orders and thumbnails down to a size.

        Returns:
            About how many bytes were freed.
        """
        return self._run("evict", lambda tables: self._evict(tables, max_bytes), 0)

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

    def _start(self) -> None:
        """Open the database; discard it and start empty if it cannot be read."""
        try:
            files.prepare_folder(self._path.parent)
        except OSError as exc:
            raise StoreUnavailable(f"cannot prepare {self._path.parent}") from exc

        problem = self._try_open()
        if problem is None:
            return
        logger.warning(
            "Discarding the offline cache %s: %s; starting it empty",
            self._path.name,
            problem,
        )
        self._discard_files()
        problem = self._try_open()
        if problem is not None:
            raise StoreUnavailable(f"a new database is unusable: {problem}")

    def _try_open(self) -> str | None:
        """Open the database file; return why it cannot be used, or None."""
        problem = self._header_problem()
        if problem is not None:
            return problem
        try:
            files.create_private_file(self._path)
        except OSError as exc:
            raise StoreUnavailable(f"cannot create {self._path.name}") from exc

        connection: sqlite3.Connection | None = None
        try:
            connection = schema.connect(str(self._path))
            schema.initialise(connection, self._cipher.key_check)
            stored = schema.stored_key_check(connection)
            if stored is None or not hmac.compare_digest(
                stored, self._cipher.key_check
            ):
                connection.close()
                return "it was written with another key"
            tables = Tables(connection, self._cipher)
        except (schema.SchemaMismatch, sqlite3.DatabaseError) as exc:
            if connection is not None:
                connection.close()
            if isinstance(exc, schema.SchemaMismatch):
                return str(exc)
            if schema.is_corruption(exc):
                return f"it cannot be read ({exc})"
            raise StoreUnavailable(f"cannot open {self._path.name}: {exc}") from exc

        files.restrict_files(self._path)
        self._tables = tables
        return None

    def _header_problem(self) -> str | None:
        try:
            with self._path.open("rb") as stream:
                header = stream.read(len(schema.HEADER))
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreUnavailable(f"cannot read {self._path.name}") from exc
        if header and header != schema.HEADER:
            return "it is not an SQLite database"
        return None

    def _discard_files(self) -> None:
        try:
            files.delete_database(self._path)
        except OSError as exc:
            raise StoreUnavailable(f"cannot delete {self._path.name}") from exc

    def _restart(self, cause: str) -> None:
        """Replace a database found damaged while in use with an empty one."""
        logger.warning(
            "Discarding the offline cache %s: %s; starting it empty",
            self._path.name,
            cause,
        )
        self.close()
        try:
            self._discard_files()
            problem = self._try_open()
        except StoreUnavailable as exc:
            problem = str(exc)
        if problem is not None:
            logger.warning("Offline store is off for this session: %s", problem)

    def _page_token(self, params: Mapping[str, object]) -> int:
        query = {str(k): str(v) for k, v in params.items() if v is not None}
        return self._cipher.term("page\0" + json.dumps(query, sort_keys=True))

    @staticmethod
    def _put_page(tables: Tables, token: int, sealed: bytes, fetched_at: float) -> None:
        tables.connection.execute(
            "INSERT OR REPLACE INTO pages (token, fetched_at, page) VALUES (?, ?, ?)",
            (token, fetched_at, sealed),
        )
        tables.connection.execute(
            "DELETE FROM pages WHERE token IN (SELECT token FROM pages"
            " ORDER BY fetched_at DESC LIMIT -1 OFFSET ?)",
            (MAX_PAGES,),
        )

    def _enforce_cap(self, tables: Tables) -> None:
        if tables.total_bytes > self._max_bytes:
            self._evict(tables, int(self._max_bytes * _EVICT_TO))

    def _evict(self, tables: Tables, max_bytes: int) -> int:
        excess = tables.total_bytes - max_bytes
        if excess <= 0:
            return 0
        entries: list[int] = []
        thumbnails: list[int] = []
        chosen = 0
        cursor = tables.connection.execute(
            "SELECT 0, id, size, accessed_at FROM entries"
            " UNION ALL SELECT 1, id, size, accessed_at FROM thumbnails"
            " ORDER BY 4"
        )
        for kind, item_id, size, _ in cursor:
            (thumbnails if kind else entries).append(item_id)
            chosen += size
            if chosen >= excess:
                break
        cursor.close()

        with tables.transaction():
            freed = tables.delete_entries(entries)
            freed += self._delete_thumbnails(tables, thumbnails)
        # executescript steps the pragma to its end; execute() would stop
        # after the first page.
        tables.connection.executescript("PRAGMA incremental_vacuum;")
        tables.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        logger.info(
            "Evicted %d orders and %d thumbnails from the offline cache",
            len(entries),
            len(thumbnails),
        )
        return freed

    @staticmethod
    def _delete_thumbnails(tables: Tables, ids: list[int]) -> int:
        freed = 0
        for thumbnail_id in ids:
            row = tables.connection.execute(
                "SELECT size FROM thumbnails WHERE id = ?", (thumbnail_id,)
            ).fetchone()
            if row is not None:
                tables.connection.execute(
                    "DELETE FROM thumbnails WHERE id = ?", (thumbnail_id,)
                )
                freed += row[0]
        tables.total_bytes -= freed
        return freed
