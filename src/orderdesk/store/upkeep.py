"""Thumbnails, list pages and the size cap: the rows besides the orders.

Like `tables`, these run under `OrderStore`'s lock.
"""

import logging

from orderdesk.store.schema import ROW_OVERHEAD
from orderdesk.store.tables import Tables

logger = logging.getLogger(__name__)

MAX_PAGES = 1000
"""List pages kept per database; the oldest fetched go first."""


def put_thumbnail(tables: Tables, url_hash: bytes, data: bytes, now: float) -> None:
    """Store a thumbnail's bytes under the hash of its URL."""
    size = len(data) + ROW_OVERHEAD
    with tables.transaction():
        old = tables.connection.execute(
            "SELECT size FROM thumbnails WHERE url_hash = ?", (url_hash,)
        ).fetchone()
        tables.connection.execute(
            "INSERT OR REPLACE INTO thumbnails (url_hash, accessed_at, size, data)"
            " VALUES (?, ?, ?, ?)",
            (url_hash, now, size, data),
        )
        tables.total_bytes += size - (old[0] if old is not None else 0)


def read_thumbnail(
    tables: Tables, url_hash: bytes, now: float, touch_after: float
) -> bytes | None:
    """A thumbnail's bytes; its access time is refreshed when it is stale."""
    row = tables.connection.execute(
        "SELECT id, accessed_at, data FROM thumbnails WHERE url_hash = ?", (url_hash,)
    ).fetchone()
    if row is None:
        return None
    if now - row[1] > touch_after:
        tables.connection.execute(
            "UPDATE thumbnails SET accessed_at = ? WHERE id = ?", (now, row[0])
        )
    return bytes(row[2])


def put_page(tables: Tables, token: int, sealed: bytes, fetched_at: float) -> None:
    """Store a sealed list page; only the `MAX_PAGES` newest are kept."""
    tables.connection.execute(
        "INSERT OR REPLACE INTO pages (token, fetched_at, page) VALUES (?, ?, ?)",
        (token, fetched_at, sealed),
    )
    tables.connection.execute(
        "DELETE FROM pages WHERE token IN (SELECT token FROM pages"
        " ORDER BY fetched_at DESC LIMIT -1 OFFSET ?)",
        (MAX_PAGES,),
    )


def evict(tables: Tables, max_bytes: int) -> int:
    """Delete least recently used orders and thumbnails down to a size.

    Returns:
        About how many bytes were freed.
    """
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
        freed += _delete_thumbnails(tables, thumbnails)
    # executescript steps the pragma to its end; execute() would stop after
    # the first page. Then the log is folded in so the file really shrinks.
    tables.connection.executescript("PRAGMA incremental_vacuum;")
    tables.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    logger.info(
        "Evicted %d orders and %d thumbnails from the offline cache",
        len(entries),
        len(thumbnails),
    )
    return freed


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
