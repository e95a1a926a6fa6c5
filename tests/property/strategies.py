"""Hypothesis strategies for what a server (or a cashier) may send.

Hostile means: nulls where values are expected, keys missing, integers at and
past the signed 64-bit limits, digits of other scripts, bidi controls, markup
and very long strings.
"""

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXAMPLE: dict[str, Any] = json.loads((FIXTURES / "order-example.json").read_bytes())

LIMIT = 2**63
EDGE_INTS = [
    0,
    -1,
    1,
    LIMIT - 1,
    LIMIT,
    LIMIT + 1,
    -LIMIT,
    -LIMIT - 1,
    2**64,
    -(2**64),
    10**30,
    -(10**30),
]
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
BIDI_CONTROLS = (
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
HOSTILE_TEXTS = [
    "",
    " ",
    "\u202eabc\u202c",
    "\u2066\u2067\u2068",
    "<b>bold</b>",
    "<img src=http://127.0.0.1:1/x.png>",
    "<script>alert(1)</script>",
    "&amp; &lt;",
    "1e99999999",
    "-0",
    "NaN",
    "Infinity",
    "0x10",
    "١٢٣",
    "۱۲۳٬۴۵۶",
    "9" * 30,
    "\x00\x01\x1b[31m",
    "\ud800",
    "a\r\nb\u2028c",
]

edge_ints = st.one_of(
    st.sampled_from(EDGE_INTS),
    st.integers(),
    st.integers(min_value=-(2**70), max_value=2**70),
)

hostile_text = st.one_of(
    st.text(),
    st.sampled_from(HOSTILE_TEXTS),
    st.text(alphabet=PERSIAN_DIGITS + ARABIC_INDIC_DIGITS + "0123456789,٬،. -"),
    st.text(alphabet=BIDI_CONTROLS + "abcابپ<>/&;"),
    # Very long strings, cheaply: one drawn piece repeated.
    st.builds(
        lambda piece, n: piece * n, st.text(min_size=1, max_size=5), st.just(2500)
    ),
)

json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    edge_ints,
    st.floats(allow_nan=True, allow_infinity=True),
    hostile_text,
)

json_value = st.recursive(
    json_leaf,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(hostile_text, children, max_size=4),
    ),
    max_leaves=12,
)


def _paths(document: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every key and list element inside a document."""
    found: list[tuple[Any, ...]] = []
    if isinstance(document, dict):
        children: list[tuple[Any, Any]] = list(document.items())
    elif isinstance(document, list):
        children = list(enumerate(document))
    else:
        return found
    for key, value in children:
        found.append((*prefix, key))
        found.extend(_paths(value, (*prefix, key)))
    return found


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    """The object holding the last step of `path`, or None if it is gone."""
    node = document
    for step in path[:-1]:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    last = path[-1]
    if isinstance(node, dict) and last in node:
        return node
    if isinstance(node, list) and isinstance(last, int) and last < len(node):
        return node
    return None


@st.composite
def mutated(draw: st.DrawFn, document: Any) -> Any:
    """A document with a few values removed, nulled or made hostile.

    The places are drawn among every key and element at any depth, so a bad
    value can land anywhere; a few unknown keys join at the top.
    """
    result = copy.deepcopy(document)
    places = draw(st.lists(st.sampled_from(_paths(document)), max_size=8, unique=True))
    for path in places:
        parent = _parent(result, path)
        if parent is None:
            continue
        action = draw(st.sampled_from(["drop", "null", "swap"]))
        if action == "drop" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "null":
            parent[path[-1]] = None
        else:
            parent[path[-1]] = draw(json_value)
    if isinstance(result, dict):
        result.update(draw(st.dictionaries(hostile_text, json_value, max_size=2)))
    return result
