"""Reading a large order answer in slices, so the UI thread keeps running.

`json.loads` and pydantic's validation are single C calls that hold the
GIL from start to end: on an order of 10,000 items (6.5 MB) that is about
50 ms and 35 ms during which the UI thread cannot run a line of Python, so
the window froze while a worker read the answer. Here the answer's large
lists are decoded one element at a time with the standard library's own
scanner, and validated a slice at a time; between two steps the
interpreter can hand the GIL to the UI thread. The result is the same
document that `json.loads` and one validation give.
"""

import json
import json.scanner
import logging
from collections.abc import Callable, Collection
from typing import Any, cast

from pydantic import TypeAdapter, ValidationError

from orderdesk.models import Order, OrderItem, OrderPayment

logger = logging.getLogger(__name__)

SLICED_FROM_BYTES = 256 * 1024
"""Answers smaller than this are decoded in one call: they take a few ms."""
SLICE = 250
"""List elements validated per call: about a millisecond of GIL."""
LARGE_LISTS = ("items", "payments")

# The standard library's C scanner: decodes one value, returns where it ends.
# (typeshed types make_scanner's argument wrongly, hence the cast.)
_SCAN_ONCE: Callable[[str, int], tuple[Any, int]] = json.scanner.make_scanner(
    cast(Any, json.JSONDecoder())
)
_WHITESPACE = frozenset(" \t\n\r")
_ORDER = TypeAdapter(Order)
_LIST_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "items": TypeAdapter(list[OrderItem]),
    "payments": TypeAdapter(list[OrderPayment]),
}


def decode_json_in_slices(
    body: bytes,
    lists: Collection[str] = LARGE_LISTS,
    *,
    sliced_from: int = SLICED_FROM_BYTES,
) -> Any:
    """Decode a JSON body as `json.loads` does, a list element at a time.

    Only the top-level object's members named in `lists` are decoded
    element by element; other bodies are decoded in one call.

    Args:
        body: The raw body, in any encoding `json.loads` accepts.
        lists: Names of the top-level members that may be long lists.
        sliced_from: Bodies shorter than this many bytes are decoded in one
            call.

    Raises:
        ValueError: The body is not valid JSON (a `json.JSONDecodeError`
            or a `UnicodeDecodeError`).
    """
    if len(body) < sliced_from:
        return json.loads(body)
    text = body.decode(json.detect_encoding(body), "surrogatepass")
    position = _skip_whitespace(text, 0)
    if not text.startswith("{", position):
        return json.loads(text)
    document, position = _object(text, position + 1, lists)
    position = _skip_whitespace(text, position)
    if position != len(text):
        raise json.JSONDecodeError("Extra data", text, position)
    return document


def validate_order_in_slices(data: Any, *, every: int = SLICE) -> Order:
    """Validate decoded JSON as an `Order`, its long lists a slice at a time.

    Gives the same document as `TypeAdapter(Order).validate_python(data)`,
    and the same `ValidationError` when the data does not fit: on any
    failure the whole document is validated again in one call, so that the
    error names the place as the one-call validation would.

    Args:
        data: Decoded JSON.
        every: List elements validated per call.

    Raises:
        pydantic.ValidationError: The data is not an order.
    """
    if not isinstance(data, dict) or not all(
        isinstance(data.get(name, []), list) for name in LARGE_LISTS
    ):
        return _ORDER.validate_python(data)

    try:
        head = _ORDER.validate_python(
            {key: value for key, value in data.items() if key not in LARGE_LISTS}
        )
        lists: dict[str, list[Any]] = {}
        for name in LARGE_LISTS:
            if name not in data:
                continue
            elements = data[name]
            validated: list[Any] = []
            adapter = _LIST_ADAPTERS[name]
            for start in range(0, len(elements), every):
                validated += adapter.validate_python(elements[start : start + every])
            lists[name] = validated
    except ValidationError:
        return _ORDER.validate_python(data)
    return head.model_copy(update=lists)


def _object(
    text: str, position: int, lists: Collection[str]
) -> tuple[dict[str, Any], int]:
    """Decode an object's members from just after its `{`."""
    members: dict[str, Any] = {}
    position = _skip_whitespace(text, position)
    if text.startswith("}", position):
        return members, position + 1
    while True:
        if not text.startswith('"', position):
            raise json.JSONDecodeError(
                "Expecting property name enclosed in double quotes", text, position
            )
        key, position = _scan(text, position)
        position = _expect(text, position, ":", "Expecting ':' delimiter")
        position = _skip_whitespace(text, position)
        if key in lists and text.startswith("[", position):
            members[key], position = _list(text, position + 1)
        else:
            members[key], position = _scan(text, position)
        position = _skip_whitespace(text, position)
        if text.startswith("}", position):
            return members, position + 1
        position = _expect(text, position, ",", "Expecting ',' delimiter")
        position = _skip_whitespace(text, position)


def _list(text: str, position: int) -> tuple[list[Any], int]:
    """Decode a list's elements from just after its `[`."""
    elements: list[Any] = []
    position = _skip_whitespace(text, position)
    if text.startswith("]", position):
        return elements, position + 1
    while True:
        # Each call is one element: the GIL can change hands between them.
        element, position = _scan(text, position)
        elements.append(element)
        position = _skip_whitespace(text, position)
        if text.startswith("]", position):
            return elements, position + 1
        position = _expect(text, position, ",", "Expecting ',' delimiter")
        position = _skip_whitespace(text, position)


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
