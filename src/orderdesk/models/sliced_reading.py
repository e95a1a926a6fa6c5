"""Reading a large order answer in slices, so the UI thread keeps running.

`json.loads` and pydantic's validation are single C calls that hold the
GIL from start to end: on an order of 10,000 items (6.5 MB) that is about
50 ms and 35 ms during which the UI thread cannot run a line of Python, so
the window froze while a worker read the answer. Here the answer's items
and payments are decoded one element at a time with the standard library's
own scanner and validated 250 at a time, each slice as soon as it is
decoded; between two steps the interpreter can hand the GIL to the UI
thread. Validating each slice at once also drops its decoded JSON early:
the process keeps about 2 MB less than with `json.loads`, instead of 13 MB
more when every element was decoded before any was validated.

Items keep their product snapshot (`product_data`) as the decoded JSON
itself, and a large order repeats the same product many times: equal
snapshots of one answer are kept once (`SnapshotSharing`).
"""

import json
import json.scanner
import logging
import marshal
from collections.abc import Callable
from typing import Any, cast

from pydantic import TypeAdapter, ValidationError

from orderdesk.models.order import Order
from orderdesk.models.order_lists import LIST_SLICE, ORDER_LISTS

logger = logging.getLogger(__name__)

SLICED_FROM_BYTES = 256 * 1024
"""Answers smaller than this are read in one call: they take a few ms."""

# The standard library's C scanner: decodes one value, returns where it ends.
# (typeshed types make_scanner's argument wrongly, hence the cast.)
_SCAN_ONCE: Callable[[str, int], tuple[Any, int]] = json.scanner.make_scanner(
    cast(Any, json.JSONDecoder())
)
_WHITESPACE = frozenset(" \t\n\r")
_ORDER = TypeAdapter(Order)


def read_order_in_slices(
    body: bytes, *, sliced_from: int = SLICED_FROM_BYTES, every: int = LIST_SLICE
) -> Order:
    """Decode and validate an order answer as `json.loads` and pydantic would.

    The result, and the error when there is one, are those of
    `TypeAdapter(Order).validate_python(json.loads(body))`: on any
    validation failure the body is read again in one call, so that the
    error names its places in the whole document, not in a slice.

    Args:
        body: The raw body, in any encoding `json.loads` accepts.
        sliced_from: Bodies shorter than this many bytes are read in one
            call.
        every: List elements validated per call.

    Raises:
        pydantic.ValidationError: The body is JSON but not an order.
        ValueError: The body is not valid JSON (a `json.JSONDecodeError` or
            a `UnicodeDecodeError`); checked after `ValidationError`, which
            is a `ValueError` too.
    """
    if len(body) >= sliced_from:
        try:
            return _read_sliced(body, every)
        except ValidationError:
            pass
    return _ORDER.validate_python(json.loads(body))


class SnapshotSharing:
    """Keeps one copy of equal product snapshots among the items of an answer.

    An item's `product_data` stays the decoded JSON, and a large order
    repeats products: the sandbox's 10,000 items carry about 200 distinct
    snapshots, whose copies took 17 MB. Two snapshots are the same only if
    their JSON values and types are (`1`, `1.0` and `true` stay apart,
    which `==` would not tell), so sharing never changes what an item says.
    The shared value is read-only, as the frozen item that holds it is.
    """

    def __init__(self) -> None:
        self._kept: dict[bytes, Any] = {}

    def share(self, element: Any) -> Any:
        """The element, its snapshot replaced by an equal one already kept."""
        if not isinstance(element, dict):
            return element
        snapshot = element.get("product_data")
        if isinstance(snapshot, dict | list) and snapshot:
            # marshal writes types and values exactly, in C, at about 2 us a
            # snapshot; version 2 writes no back-references, which would
            # depend on how the decoder happened to share objects.
            try:
                key = marshal.dumps(snapshot, 2)
            except ValueError:  # nested deeper than marshal goes: keep it apart
                return element
            element["product_data"] = self._kept.setdefault(key, snapshot)
        return element


def _read_sliced(body: bytes, every: int) -> Order:
    text = body.decode(json.detect_encoding(body), "surrogatepass")
    position = _skip_whitespace(text, 0)
    if not text.startswith("{", position):
        return _ORDER.validate_python(json.loads(text))

    members, lists, position = _members(text, position + 1, every, SnapshotSharing())
    position = _skip_whitespace(text, position)
    if position != len(text):
        raise json.JSONDecodeError("Extra data", text, position)
    return _ORDER.validate_python(members).model_copy(update=lists)


def _members(
    text: str, position: int, every: int, sharing: SnapshotSharing
) -> tuple[dict[str, Any], dict[str, list[Any]], int]:
    """Read an order object's members from just after its `{`.

    Returns the members decoded as JSON, the long lists validated apart, and
    the position after the closing `}`. As in `json.loads`, the last of two
    members of the same name wins.
    """
    members: dict[str, Any] = {}
    lists: dict[str, list[Any]] = {}
    position = _skip_whitespace(text, position)
    if text.startswith("}", position):
        return members, lists, position + 1
    while True:
        if not text.startswith('"', position):
            raise json.JSONDecodeError(
                "Expecting property name enclosed in double quotes", text, position
            )
        key, position = _scan(text, position)
        position = _expect(text, position, ":", "Expecting ':' delimiter")
        position = _skip_whitespace(text, position)
        members.pop(key, None)
        lists.pop(key, None)
        if key in ORDER_LISTS and text.startswith("[", position):
            prepare = sharing.share if key == "items" else _as_decoded
            lists[key], position = _validated_list(
                text, position + 1, ORDER_LISTS[key], every, prepare
            )
        else:
            members[key], position = _scan(text, position)
        position = _skip_whitespace(text, position)
        if text.startswith("}", position):
            return members, lists, position + 1
        position = _expect(text, position, ",", "Expecting ',' delimiter")
        position = _skip_whitespace(text, position)


def _validated_list(
    text: str,
    position: int,
    adapter: TypeAdapter[Any],
    every: int,
    prepare: Callable[[Any], Any],
) -> tuple[list[Any], int]:
    """Read a list from just after its `[`, validating `every` elements at once.

    Each decoded element goes through `prepare` before it is validated.
    """
    validated: list[Any] = []
    pending: list[Any] = []
    position = _skip_whitespace(text, position)
    if text.startswith("]", position):
        return validated, position + 1
    while True:
        # Each call is one element: the GIL can change hands between them.
        element, position = _scan(text, position)
        pending.append(prepare(element))
        if len(pending) == every:
            validated += adapter.validate_python(pending)
            pending = []
        position = _skip_whitespace(text, position)
        if text.startswith("]", position):
            validated += adapter.validate_python(pending)
            return validated, position + 1
        position = _expect(text, position, ",", "Expecting ',' delimiter")
        position = _skip_whitespace(text, position)


def _as_decoded(element: Any) -> Any:
    return element


def _scan(text: str, position: int) -> tuple[Any, int]:
    """Decode the one JSON value that starts at `position`."""
    try:
        scanned: tuple[Any, int] = _SCAN_ONCE(text, position)
    except StopIteration as stop:
        raise json.JSONDecodeError("Expecting value", text, stop.value) from None
    return scanned


def _expect(text: str, position: int, delimiter: str, message: str) -> int:
    if not text.startswith(delimiter, position):
        raise json.JSONDecodeError(message, text, position)
    return position + 1


def _skip_whitespace(text: str, position: int) -> int:
    while position < len(text) and text[position] in _WHITESPACE:
        position += 1
    return position
