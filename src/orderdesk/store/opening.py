"""Opening a database file, and discarding one that cannot be read.

A file is discarded (with a WARNING naming the cause) when it is not an
SQLite database, SQLite finds it damaged, it was written with another key, or
by another version of the format. Anything else that stops a database from
opening (a folder that is not writable, a full disk, another program holding
a lock) is `StoreUnavailable`: the cache is then off, and nothing is deleted.
"""

import hmac
import logging
import sqlite3
from pathlib import Path

from orderdesk.store import files, schema
from orderdesk.store.crypto import CacheCipher
from orderdesk.store.tables import Tables

logger = logging.getLogger(__name__)


class StoreUnavailable(Exception):
    """No database can be kept in the folder (not writable, disk full, locked)."""


def open_tables(path: Path, cipher: CacheCipher) -> Tables:
    """Open a database, replacing it with an empty one if it cannot be read.

    Raises:
        StoreUnavailable: Not even an empty database can be opened.
    """
    try:
        files.prepare_folder(path.parent)
    except OSError as exc:
        raise StoreUnavailable(f"cannot prepare {path.parent}") from exc

    opened = _try_open(path, cipher)
    if isinstance(opened, Tables):
        return opened
    return replace(path, cipher, opened)


def replace(path: Path, cipher: CacheCipher, cause: str) -> Tables:
    """Delete a database that cannot be used and open an empty one instead.

    Args:
        path: The database file; it must not be open.
        cipher: The cipher of the cache key.
        cause: Why the database is discarded, for the log.

    Raises:
        StoreUnavailable: The file cannot be deleted or a new one opened.
    """
    logger.warning(
        "Discarding the offline cache %s: %s; starting it empty", path.name, cause
    )
    try:
        files.delete_database(path)
    except OSError as exc:
        raise StoreUnavailable(f"cannot delete {path.name}") from exc

    opened = _try_open(path, cipher)
    if isinstance(opened, str):
        raise StoreUnavailable(f"a new database is unusable: {opened}")
    return opened


def _try_open(path: Path, cipher: CacheCipher) -> Tables | str:
    """The open database, or why its file cannot be used."""
    problem = _header_problem(path)
    if problem is not None:
        return problem
    try:
        files.create_private_file(path)
    except OSError as exc:
        raise StoreUnavailable(f"cannot create {path.name}") from exc

    connection: sqlite3.Connection | None = None
    try:
        connection = schema.connect(str(path))
        schema.initialise(connection, cipher.key_check)
        stored = schema.stored_key_check(connection)
        if stored is None or not hmac.compare_digest(stored, cipher.key_check):
            connection.close()
            return "it was written with another key"
        tables = Tables(connection, cipher)
    except (schema.SchemaMismatch, sqlite3.DatabaseError) as exc:
        if connection is not None:
            connection.close()
        if isinstance(exc, schema.SchemaMismatch):
            return str(exc)
        if schema.is_corruption(exc):
            return f"it cannot be read ({exc})"
        raise StoreUnavailable(f"cannot open {path.name}: {exc}") from exc

    files.restrict_files(path)
    return tables


def _header_problem(path: Path) -> str | None:
    try:
        with path.open("rb") as stream:
            header = stream.read(len(schema.HEADER))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreUnavailable(f"cannot read {path.name}") from exc
    if header and header != schema.HEADER:
        return "it is not an SQLite database"
    return None
