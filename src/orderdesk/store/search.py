"""The SQL of a search: which token leads, and the filters beside it.

The leading token's rows are read from the `terms` primary key in sequence
order, newest first; every other token is probed by primary key for the same
sequence number, and the status and payment filters are checked on the
entry. The search stops as soon as the page is full, so its cost follows the
rows it has to pass over, not the size of the cache: leading with the rarest
token keeps that small.
"""

import sqlite3
from collections.abc import Sequence

RARITY_CAP = 1000
"""Counting a token's rows stops here; past it a token is simply common."""

_ALSO_HAS_TERM = "EXISTS (SELECT 1 FROM terms AS o WHERE o.term = ? AND o.seq = t.seq)"


def rarest_first(connection: sqlite3.Connection, tokens: Sequence[int]) -> list[int]:
    """Order search tokens by how many entries have them, fewest first.

    Returns:
        The tokens, rarest first; empty when one of them has no entry at all
        (nothing can match).
    """
    if len(tokens) < 2:
        return list(tokens)
    counts = {
        token: connection.execute(
            "SELECT count(*) FROM (SELECT 1 FROM terms WHERE term = ? LIMIT ?)",
            (token, RARITY_CAP),
        ).fetchone()[0]
        for token in tokens
    }
    if 0 in counts.values():
        return []
    return sorted(tokens, key=counts.__getitem__)


def search_tail(
    tokens: Sequence[int],
    *,
    status: str | None,
    is_paid: bool | None,
    limit: int,
    offset: int,
) -> tuple[str, list[object]]:
    """The FROM-to-LIMIT part of a search and its arguments.

    Args:
        tokens: The query's tokens, the leading one first; empty to list all.
        status: Only entries with this status, if given.
        is_paid: Only paid or unpaid entries, if given.
        limit: At most this many rows.
        offset: Rows to skip.

    Returns:
        SQL naming the entries `e` with the documents left-joined as `d`, as
        `Tables.summaries` expects, and its arguments.
    """
    where: list[str] = []
    args: list[object] = []
    if tokens:
        source = "FROM terms AS t CROSS JOIN entries AS e ON e.seq = t.seq"
        where.append("t.term = ?")
        args.append(tokens[0])
        for token in tokens[1:]:
            where.append(_ALSO_HAS_TERM)
            args.append(token)
        order = "ORDER BY t.seq DESC"
    else:
        source = "FROM entries AS e"
        order = "ORDER BY e.seq DESC"

    if status is not None:
        where.append("e.status = ?")
        args.append(status)
    if is_paid is not None:
        where.append("e.is_paid = ?")
        args.append(int(is_paid))

    condition = f"WHERE {' AND '.join(where)}" if where else ""
    tail = (
        f"{source} LEFT JOIN documents AS d ON d.id = e.id {condition}"
        f" {order} LIMIT ? OFFSET ?"
    )
    return tail, [*args, max(limit, 0), max(offset, 0)]
