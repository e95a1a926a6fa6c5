"""A memory cache that forgets its least recently used entries past a size."""

import logging
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

logger = logging.getLogger(__name__)

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    """Entries up to a total size; the least recently used go first.

    One entry larger than the whole limit is still kept, alone, so that
    what was just asked for is always there.

    Args:
        limit: The most the entries may take together, in `size_of` units.
        size_of: The size of one value (bytes, say).
    """

    def __init__(self, limit: int, size_of: Callable[[V], int]) -> None:
        self._limit = limit
        self._size_of = size_of
        self._entries: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._total = 0

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    @property
    def total(self) -> int:
        """What the entries take together."""
        return self._total

    def get(self, key: K) -> V | None:
        """The value of `key`, now the most recently used; None if absent."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        self._entries.move_to_end(key)
        return entry[0]

    def put(self, key: K, value: V) -> None:
        """Keep a value, forgetting the least recently used past the limit."""
        old = self._entries.pop(key, None)
        if old is not None:
            self._total -= old[1]
        size = self._size_of(value)
        self._entries[key] = (value, size)
        self._total += size
        while self._total > self._limit and len(self._entries) > 1:
            _, (_, dropped) = self._entries.popitem(last=False)
            self._total -= dropped
