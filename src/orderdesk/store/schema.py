"""The offline database's tables, its connection settings, and its checks.

Tables (personal data only ever in sealed BLOBs):

- `entries`: one row per cached order, for lists and search. `seq` grows with
  every save, so ordering by it lists the most recently fetched first;
  `status` and `is_paid` stay readable for filtering; `record` is the sealed
  `SummaryRecord`; `size` is what the row and its document and terms take,
  for the size cap; `accessed_at` drives least-recently-used eviction.
- `documents`: the sealed, compressed order document of entries that were
  opened, with its own fetch time.
- `terms`: the search index, opaque HMAC tokens paired with an entry's `seq`.
- `pages`: the order list pages fetched, keyed by an HMAC of their query.
- `thumbnails`: image bytes keyed by a SHA-256 of their URL (not personal).
- `meta`: the key check value.

`PRAGMA user_version` holds `SCHEMA_VERSION`; a database with another is
discarded rather than migrated: it is only a cache.
"""

import sqlite3
from typing import Final

SCHEMA_VERSION: Final = 1

HEADER: Final = b"SQLite format 3\x00"
"""The first 16 bytes of every SQLite database file."""

KEY_CHECK: Final = "key_check"

_TABLES: Final = """
CREATE TABLE meta (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    status TEXT NOT NULL,
    is_paid INTEGER,
    fetched_at REAL NOT NULL,
    accessed_at REAL NOT NULL,
    size INTEGER NOT NULL,
    record BLOB NOT NULL
);
CREATE INDEX entries_by_status ON entries (status, seq);
CREATE INDEX entries_by_paid ON entries (is_paid, seq);
CREATE INDEX entries_by_access ON entries (accessed_at);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    fetched_at REAL NOT NULL,
    document BLOB NOT NULL
);

CREATE TABLE terms (
    term INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (term, seq)
) WITHOUT ROWID;

CREATE TABLE pages (
    token INTEGER PRIMARY KEY,
    fetched_at REAL NOT NULL,
    page BLOB NOT NULL
);
CREATE INDEX pages_by_fetch ON pages (fetched_at);

CREATE TABLE thumbnails (
    id INTEGER PRIMARY KEY,
    url_hash BLOB NOT NULL UNIQUE,
    accessed_at REAL NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX thumbnails_by_access ON thumbnails (accessed_at);
"""

TERM_ROW_BYTES: Final = 24
"""About what one row of `terms` takes on disk, index pages included."""

ROW_OVERHEAD: Final = 64
"""About what a row of `entries` or `thumbnails` takes besides its BLOBs."""


class SchemaMismatch(Exception):
    """The database was written by another version of the cache format."""


def connect(path: str) -> sqlite3.Connection:
    """Open a connection with the settings the store relies on.

    Autocommit mode (`isolation_level=None`): the store opens its own
    transactions. One connection is shared by threads under the store's lock.
    """
    connection = sqlite3.connect(
        path, timeout=5.0, isolation_level=None, check_same_thread=False
    )
    # Incremental vacuum lets eviction give pages back to the file system;
    # it must be chosen before the first table exists.
    connection.execute("PRAGMA auto_vacuum = INCREMENTAL")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    # Sorts and temporary indexes stay in memory, never in a temp file.
    connection.execute("PRAGMA temp_store = MEMORY")
    connection.execute("PRAGMA secure_delete = FAST")
    connection.execute("PRAGMA cache_size = -16384")
    return connection


def initialise(connection: sqlite3.Connection, key_check: bytes) -> None:
    """Create the tables of an empty database and record the key check.

    Raises:
        SchemaMismatch: The database is not empty and has another version.
        sqlite3.DatabaseError: The file is not a readable database.
    """
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    tables = connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
    if version != 0 or tables:
        raise SchemaMismatch(f"format {version}, expected {SCHEMA_VERSION}")

    # One statement at a time: executescript() would commit the transaction.
    statements = [s.strip() for s in _TABLES.split(";") if s.strip()]
    connection.execute("BEGIN IMMEDIATE")
    try:
        for statement in statements:
            connection.execute(statement)
        connection.execute(
            "INSERT INTO meta (name, value) VALUES (?, ?)", (KEY_CHECK, key_check)
        )
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def stored_key_check(connection: sqlite3.Connection) -> bytes | None:
    """The key check value the database was written with, if any."""
    row = connection.execute(
        "SELECT value FROM meta WHERE name = ?", (KEY_CHECK,)
    ).fetchone()
    return bytes(row[0]) if row is not None else None


def is_corruption(error: sqlite3.Error) -> bool:
    """Whether an SQLite error means the file is damaged or not a database."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return False
    # SQLITE_CORRUPT and SQLITE_NOTADB, whatever their extended codes.
    return (code & 0xFF) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
