"""Where the offline databases live, what they are called, and who may read them.

One database per server origin and account, named by a hash of the two so no
file name carries an address or an account name. On POSIX the folder is
owner-only (0700) and every file of a database (the database itself and its
-wal, -shm and -journal companions) is owner-only (0600).
"""

import hashlib
import logging
import os
import stat
from pathlib import Path

import platformdirs

logger = logging.getLogger(__name__)

APP_NAME = "OrderDesk"
SUFFIX = ".sqlite3"
COMPANIONS = ("", "-wal", "-shm", "-journal")
"""What SQLite appends to a database's name for the files beside it."""

FOLDER_MODE = 0o700
FILE_MODE = 0o600

_POSIX = os.name == "posix"


def default_folder() -> Path:
    """The folder of offline databases in the platform's user cache folder."""
    return platformdirs.user_cache_path(APP_NAME, appauthor=False) / "offline"


def store_id(server_origin: str, account: str) -> str:
    """A stable name for one server and account that reveals neither.

    Args:
        server_origin: The server's origin, as `orderdesk.api.origin_of` gives it.
        account: The account signed in on that server.

    Returns:
        32 lowercase hex digits.
    """
    material = f"orderdesk-offline\n{server_origin.strip()}\n{account}"
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


def database_path(folder: Path | None, server_origin: str, account: str) -> Path:
    """The database file of a server and account.

    Args:
        folder: The folder of offline databases; None for `default_folder()`.
        server_origin: The server's origin.
        account: The account signed in on that server.
    """
    base = default_folder() if folder is None else folder
    return base / (store_id(server_origin, account) + SUFFIX)


def companion_paths(path: Path) -> list[Path]:
    """The database file and every file SQLite may keep beside it."""
    return [path.with_name(path.name + suffix) for suffix in COMPANIONS]


def prepare_folder(folder: Path) -> None:
    """Create the folder if needed and make it owner-only.

    Raises:
        OSError: The folder cannot be created or its mode cannot be set.
    """
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if _POSIX and stat.S_IMODE(folder.stat().st_mode) != FOLDER_MODE:
        folder.chmod(FOLDER_MODE)


def create_private_file(path: Path) -> None:
    """Create an empty owner-only file, or make an existing one owner-only.

    SQLite gives its -wal and -shm files the mode of the database file, so a
    database created this way keeps its companions private too.

    Raises:
        OSError: The file cannot be created or its mode cannot be set.
    """
    flags = os.O_CREAT | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags, FILE_MODE)
    os.close(descriptor)
    restrict_files(path)


def restrict_files(path: Path) -> None:
    """Make a database file and its existing companions owner-only."""
    if not _POSIX:
        return
    for candidate in companion_paths(path):
        try:
            if stat.S_IMODE(candidate.stat().st_mode) != FILE_MODE:
                candidate.chmod(FILE_MODE)
        except FileNotFoundError:
            continue


def delete_database(path: Path) -> None:
    """Delete a database file and its companions; missing ones are fine.

    Raises:
        OSError: A file exists but cannot be removed.
    """
    for candidate in companion_paths(path):
        candidate.unlink(missing_ok=True)
