"""The overall deadline of one API call.

httpx applies its timeouts to each socket operation, so a server that sends
one byte a second keeps a call alive forever. A call therefore sets a
`Deadline` for the thread it runs on, and the transport bounds every
connect, read and write by the time left (see `orderdesk.api.transport`).
The body reader checks it between chunks as well, which also covers
injected transports that never touch a socket.

The deadline lives in a `ContextVar`: a synchronous httpx call does all of
its I/O on the calling thread, and each worker thread has its own context,
so concurrent calls on one shared client never see each other's deadline.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Self


@dataclass(frozen=True, slots=True)
class Deadline:
    """A point in time, on the monotonic clock, by which a call must end.

    Attributes:
        at: The `time.monotonic()` value of the deadline.
        seconds: The length of the budget it was made with, for messages.
    """

    at: float
    seconds: float

    @classmethod
    def after(cls, seconds: float) -> Self:
        """A deadline `seconds` from now."""
        return cls(time.monotonic() + seconds, seconds)

    def remaining(self) -> float:
        """Seconds left; zero or negative once passed."""
        return self.at - time.monotonic()

    @property
    def expired(self) -> bool:
        """Whether the deadline has passed."""
        return self.remaining() <= 0


_current: ContextVar[Deadline | None] = ContextVar("orderdesk_deadline", default=None)


@contextmanager
def deadline_scope(deadline: Deadline) -> Iterator[Deadline]:
    """Make `deadline` the current one for the calls inside the block."""
    token = _current.set(deadline)
    try:
        yield deadline
    finally:
        _current.reset(token)


def current_deadline() -> Deadline | None:
    """The deadline of the call running on this thread, if any."""
    return _current.get()


def bounded(timeout: float | None, expired: type[Exception]) -> float | None:
    """Shorten a per-operation timeout to the time left of the current call.

    Args:
        timeout: The timeout the caller would have used (None: no limit).
        expired: The exception type to raise when no time is left.

    Returns:
        The shorter of `timeout` and the time left, or `timeout` unchanged
        outside a deadline scope.

    Raises:
        Exception: An instance of `expired` once the deadline has passed.
    """
    deadline = _current.get()
    if deadline is None:
        return timeout

    remaining = deadline.remaining()
    if remaining <= 0:
        raise expired(f"the deadline of {deadline.seconds:g} s has passed")
    return remaining if timeout is None else min(timeout, remaining)
