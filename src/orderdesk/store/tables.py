"""Row-level reads and writes of one open offline database.

Not thread-safe on its own: `OrderStore` holds its lock around every call.
Sealing and search tokens of new rows are prepared beforehand, outside that
lock (`prepare_entry`, `seal_document`).
"""

import logging
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic import ValidationError

from orderdesk.models import Order, OrderSummary, read_order_in_slices
from orderdesk.store.crypto import CacheCipher, DecryptionError
from orderdesk.store.document_json import order_json_parts
from orderdesk.store.records import (
    CachedOrder,
    CachedSummary,
    SummaryRecord,
    record_of,
)
from orderdesk.store.schema import ROW_OVERHEAD, TERM_ROW_BYTES

logger = logging.getLogger(__name__)

_SUMMARY_COLUMNS = "e.id, e.status, e.is_paid, e.fetched_at, e.record, d.id IS NOT NULL"
_SummaryRow = tuple[int, str, int | None, float, bytes, int]


def entry_context(order_id: int) -> bytes:
    """The associated data sealing an entry's record to its order id."""
    return b"entry:%d" % order_id


def document_context(order_id: int) -> bytes:
    """The associated data sealing a document to its order id."""
    return b"document:%d" % order_id


def to_datetime(timestamp: float) -> datetime:
    """A stored time as an aware UTC datetime."""
    return datetime.fromtimestamp(timestamp, UTC)


@dataclass(frozen=True, slots=True)
class PreparedEntry:
    """A list row ready to be written: sealed, with its search tokens."""

    id: int
    status: str
    is_paid: bool | None
    record: SummaryRecord
    sealed: bytes
    tokens: list[int]


def prepare_entry(cipher: CacheCipher, document: Order | OrderSummary) -> PreparedEntry:
    """Seal an order's list row and compute its search tokens."""
    return seal_entry(
        cipher, document.id, document.status, document.is_paid, record_of(document)
    )


def seal_entry(
    cipher: CacheCipher,
    order_id: int,
    status: str,
    is_paid: bool | None,
    record: SummaryRecord,
) -> PreparedEntry:
    """Seal a list row and compute its search tokens."""
    sealed = cipher.seal(record.model_dump_json().encode(), entry_context(order_id))
    tokens = sorted({cipher.term(term) for term in record.terms()})
    return PreparedEntry(order_id, status, is_paid, record, sealed, tokens)


def seal_document(cipher: CacheCipher, order: Order) -> bytes:
    """Compress and seal a whole order document."""
    # zlib lets other threads run while it compresses; the dump is sliced
    # and streamed, so the whole JSON of a large order is never in memory.
    compressor = zlib.compressobj(6)
    compressed = [compressor.compress(part) for part in order_json_parts(order)]
    compressed.append(compressor.flush())
    return cipher.seal(b"".join(compressed), document_context(order.id))


class Tables:
    """The rows of one open database, and the bytes they take.

    Args:
        connection: An open connection to an initialised database.
        cipher: The cipher of the database's key.

    Attributes:
        connection: The connection.
        total_bytes: About how much the cached orders and thumbnails take.
    """

    def __init__(self, connection: sqlite3.Connection, cipher: CacheCipher) -> None:
        self.connection = connection
        self._cipher = cipher
        last_seq = connection.execute("SELECT max(seq) FROM entries").fetchone()[0]
        self._next_seq = (last_seq or 0) + 1
        self.total_bytes = int(
            connection.execute(
                "SELECT (SELECT total(size) FROM entries)"
                " + (SELECT total(size) FROM thumbnails)"
            ).fetchone()[0]
        )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block in one write transaction, rolled back on error."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.rollback()
            raise
        self.connection.execute("COMMIT")

    def rollback(self) -> None:
        """End an open transaction, if any, without its changes."""
        if self.connection.in_transaction:
            try:
                self.connection.execute("ROLLBACK")
            except sqlite3.Error:
                logger.debug("Rollback failed; the connection is closing anyway")

    # -- entries and documents ---------------------------------------------

    def put_order(
        self, entry: PreparedEntry, document: bytes, fetched_at: float, now: float
    ) -> None:
        """Store a whole order: its sealed document and its list row.

        Whatever the store holds that was fetched later is kept.
        """
        row = self.connection.execute(
            "SELECT fetched_at, length(document) FROM documents WHERE id = ?",
            (entry.id,),
        ).fetchone()
        grown = 0
        if row is None or row[0] <= fetched_at:
            self.connection.execute(
                "INSERT OR REPLACE INTO documents (id, fetched_at, document)"
                " VALUES (?, ?, ?)",
                (entry.id, fetched_at, document),
            )
            grown = len(document) - (row[1] if row is not None else 0)
        self.put_entry(entry, fetched_at, now, document_grown=grown)

    def put_entry(
        self,
        entry: PreparedEntry,
        fetched_at: float,
        now: float,
        *,
        document_grown: int = 0,
    ) -> None:
        """Store an order's list row and its tokens; newer rows are kept.

        A row fetched earlier than the stored one only has its access time
        refreshed (and its size, by `document_grown` bytes of a new document).
        A national code known from an earlier row is kept when the new row
        (from a list page) does not carry one.
        """
        old = self.connection.execute(
            "SELECT seq, fetched_at, size, record FROM entries WHERE id = ?",
            (entry.id,),
        ).fetchone()
        if old is not None and old[1] > fetched_at:
            self.connection.execute(
                "UPDATE entries SET size = size + ?, accessed_at = ? WHERE id = ?",
                (document_grown, now, entry.id),
            )
            self.total_bytes += document_grown
            return

        if old is not None:
            previous = self._remove_tokens(entry.id, old[0], old[3])
            entry = self._keep_national_code(entry, previous)

        seq = self._next_seq
        self._next_seq += 1
        document_bytes = self._document_bytes(entry.id)
        size = self._entry_bytes(len(entry.sealed), len(entry.tokens), document_bytes)
        self.connection.execute(
            "INSERT OR REPLACE INTO entries"
            " (id, seq, status, is_paid, fetched_at, accessed_at, size, record)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry.id,
                seq,
                entry.status,
                None if entry.is_paid is None else int(entry.is_paid),
                fetched_at,
                now,
                size,
                entry.sealed,
            ),
        )
        self.connection.executemany(
            "INSERT OR IGNORE INTO terms (term, seq) VALUES (?, ?)",
            [(token, seq) for token in entry.tokens],
        )
        self.total_bytes += size - (old[2] if old is not None else 0)

    def delete_entries(self, order_ids: Iterable[int]) -> int:
        """Delete orders' rows, documents and tokens; return the bytes freed."""
        freed = 0
        orphans = False
        for order_id in order_ids:
            row = self.connection.execute(
                "SELECT seq, size, record FROM entries WHERE id = ?", (order_id,)
            ).fetchone()
            if row is not None:
                orphans |= self._remove_tokens(order_id, row[0], row[2]) is None
                freed += row[1]
            self.connection.execute("DELETE FROM entries WHERE id = ?", (order_id,))
            self.connection.execute("DELETE FROM documents WHERE id = ?", (order_id,))
        if orphans:
            # A record that cannot be opened cannot say which tokens were its.
            self.connection.execute(
                "DELETE FROM terms WHERE seq NOT IN (SELECT seq FROM entries)"
            )
        self.total_bytes -= freed
        return freed

    def read_document(self, order_id: int) -> tuple[CachedOrder | None, float | None]:
        """An order's document, and when its entry was last accessed.

        Returns:
            (None, None) when no document is stored; (None, access time) when
            the stored one cannot be opened (the caller deletes it).
        """
        row = self.connection.execute(
            "SELECT d.fetched_at, d.document, e.accessed_at FROM documents AS d"
            " JOIN entries AS e ON e.id = d.id WHERE d.id = ?",
            (order_id,),
        ).fetchone()
        if row is None:
            return None, None
        try:
            plain = zlib.decompress(
                self._cipher.open(row[1], document_context(order_id))
            )
            # In slices, as from the server: the UI thread keeps running, and
            # equal product snapshots are kept once.
            order = read_order_in_slices(plain)
        except (DecryptionError, zlib.error, ValueError, RecursionError) as exc:
            logger.warning(
                "Cached order %d cannot be read (%s); dropping it",
                order_id,
                type(exc).__name__,
            )
            return None, row[2]
        return CachedOrder(order, to_datetime(row[0])), row[2]

    def touch_entry(self, order_id: int, now: float) -> None:
        """Record that an order was used now, for least-recently-used eviction."""
        self.connection.execute(
            "UPDATE entries SET accessed_at = ? WHERE id = ?", (now, order_id)
        )

    # -- lists ----------------------------------------------------------------

    def summaries(self, sql_tail: str, args: Sequence[object]) -> list[CachedSummary]:
        """List rows selected by `FROM ... WHERE ... ORDER BY ... LIMIT`.

        The tail must name the entries `e` and left-join the documents as `d`.
        Rows whose record cannot be opened are dropped from the cache.
        """
        rows: list[_SummaryRow] = self.connection.execute(
            f"SELECT {_SUMMARY_COLUMNS} {sql_tail}", args
        ).fetchall()
        found: list[CachedSummary] = []
        damaged: list[int] = []
        for row in rows:
            summary = self._summary_of(row)
            if summary is None:
                damaged.append(row[0])
            else:
                found.append(summary)
        if damaged:
            logger.warning(
                "Dropping %d cached orders that cannot be read", len(damaged)
            )
            with self.transaction():
                self.delete_entries(damaged)
        return found

    def _summary_of(self, row: _SummaryRow) -> CachedSummary | None:
        order_id, status, is_paid, fetched_at, sealed, has_document = row
        record = self._open_record(order_id, sealed)
        if record is None:
            return None
        return CachedSummary(
            id=order_id,
            key=record.key,
            status=status,
            customer_name=record.customer_name,
            mobile=record.mobile,
            total=record.total,
            amount_paid=record.amount_paid,
            amount_outstanding=record.amount_outstanding,
            is_paid=None if is_paid is None else bool(is_paid),
            created_at=record.created_at,
            fetched_at=to_datetime(fetched_at),
            has_document=bool(has_document),
        )

    # -- helpers --------------------------------------------------------------

    def _open_record(self, order_id: int, sealed: bytes) -> SummaryRecord | None:
        try:
            plain = self._cipher.open(sealed, entry_context(order_id))
            return SummaryRecord.model_validate_json(plain)
        except (DecryptionError, ValidationError):
            return None

    def _remove_tokens(
        self, order_id: int, seq: int, sealed: bytes
    ) -> SummaryRecord | None:
        """Delete the tokens of a stored record; None if it cannot be opened."""
        record = self._open_record(order_id, sealed)
        if record is None:
            return None
        tokens = {self._cipher.term(term) for term in record.terms()}
        self.connection.executemany(
            "DELETE FROM terms WHERE term = ? AND seq = ?",
            [(token, seq) for token in tokens],
        )
        return record

    def _keep_national_code(
        self, entry: PreparedEntry, previous: SummaryRecord | None
    ) -> PreparedEntry:
        if entry.record.national_code or previous is None:
            return entry
        if not previous.national_code:
            return entry
        record = entry.record.model_copy(
            update={"national_code": previous.national_code}
        )
        return seal_entry(self._cipher, entry.id, entry.status, entry.is_paid, record)

    def _document_bytes(self, order_id: int) -> int:
        row = self.connection.execute(
            "SELECT length(document) FROM documents WHERE id = ?", (order_id,)
        ).fetchone()
        return int(row[0]) if row is not None else 0

    @staticmethod
    def _entry_bytes(record_bytes: int, tokens: int, document_bytes: int) -> int:
        return ROW_OVERHEAD + record_bytes + tokens * TERM_ROW_BYTES + document_bytes
