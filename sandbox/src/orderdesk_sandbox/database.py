"""Preparing the database: migrate and seed a new one, read tokens back."""

from __future__ import annotations

import io
import logging
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from django.core.management import call_command

from orderdesk_sandbox import seed, seed_orders

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PreparedDatabase:
    """What the start-up line reports about the database.

    Attributes:
        tokens: The API token of each seeded user, by username.
        large_order: The id of the benchmark order, if one was asked for.
    """

    tokens: dict[str, str]
    large_order: int | None


def prepare(
    media_root: Path, large_order: tuple[int, int] | None, large_order_pictures: int = 0
) -> PreparedDatabase:
    """Migrate the configured database, and seed it unless it is seeded.

    Args:
        media_root: Where a new database's images are written.
        large_order: (items, payments) of an extra benchmark order, or None.
        large_order_pictures: How many of the benchmark order's first items
            show a picture of their own.

    Returns:
        The users' tokens and the benchmark order's id.
    """
    started = time.perf_counter()
    # Always migrate (a no-op taking tens of milliseconds when up to date),
    # so that a kept database follows the package's migrations. migrate
    # writes progress to stdout, which carries only the JSON line.
    call_command("migrate", verbosity=0, interactive=False, stdout=io.StringIO())
    # Seeding runs in one transaction, so the tokens exist only when a seed
    # finished; a database left half-made by a crash is seeded again.
    if len(seed.tokens()) < len(seed.USERS):
        seed.seed(media_root)
        logger.info("seeded a new database in %.2f s", time.perf_counter() - started)

    large_order_id = None
    if large_order is not None:
        catalogue = seed.load_catalogue()
        large_order_id = seed_orders.large_order(
            catalogue,
            *large_order,
            picture_count=large_order_pictures,
            draw_pictures=partial(seed.benchmark_pictures, media_root),
        )
    return PreparedDatabase(tokens=seed.tokens(), large_order=large_order_id)
