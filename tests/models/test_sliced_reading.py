"""Large answers read in slices give what one call gives, errors included."""

import copy
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from orderdesk.models import Order, read_order_in_slices

from ..property.strategies import EXAMPLE, mutated

FAST = settings(max_examples=150, deadline=None)
ORDER = TypeAdapter(Order)


def read(body: bytes, every: int = 3) -> Order:
    return read_order_in_slices(body, sliced_from=0, every=every)


def outcome(reader: Any, body: bytes) -> Any:
    """What reading gives: the order, or the error's kind and places."""
    try:
        return reader(body)
    except ValidationError as exc:
        return ("invalid", exc.errors(include_url=False, include_context=False))
    except ValueError as exc:
        return ("not json", type(exc))


def one_call(body: bytes) -> Order:
    return ORDER.validate_python(json.loads(body))


def large_example(items: int, payments: int) -> dict[str, Any]:
    document = copy.deepcopy(EXAMPLE)
    payment = document["payments"][0]
    document["payments"] = [payment | {"id": n} for n in range(1, payments + 1)]
    document["items"] = [
        {
            "id": n,
            "product": 7,
            "product_name": f"کالای {n}",
            "product_data": {"sku": f"SKU-{n}", "tags": ["a", n]},
            "unit_price": 1000,
            "quantity": 2,
            "subtotal": 2000,
            "total": 2000,
        }
        for n in range(1, items + 1)
    ]
    return document


layouts = st.sampled_from(
    [
        {},
        {"separators": (",", ":")},
        {"indent": 2},
        {"indent": "\t", "ensure_ascii": False},
    ]
)


@FAST
@given(document=mutated(large_example(5, 4)), layout=layouts)
def test_any_answer_reads_as_the_one_call_read(
    document: Any, layout: dict[str, Any]
) -> None:
    body = json.dumps(document, **layout).encode("utf-8", "surrogatepass")

    assert outcome(read, body) == outcome(one_call, body)


@FAST
@given(
    cut=st.integers(min_value=0),
    junk=st.sampled_from(["x", ",", "]", "}", '"', "[]"]),
)
def test_broken_json_fails_where_json_loads_fails(cut: int, junk: str) -> None:
    text = json.dumps(large_example(4, 3))
    cut %= len(text) + 1
    for body in (text[:cut], text[:cut] + junk + text[cut:], text + junk):
        assert outcome(read, body.encode()) == outcome(one_call, body.encode())


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"[]",
        b"null",
        b'"order"',
        b"{}",
        b'{"items": []} {}',
        b'{"items": [1,]}',
        b'{"items" [1]}',
        b"{1: 2}",
    ],
)
def test_odd_bodies_fail_as_the_one_call_read_fails(body: bytes) -> None:
    assert outcome(read, body) == outcome(one_call, body)
    assert not isinstance(outcome(read, body), Order)


def test_the_last_of_two_members_of_a_name_wins() -> None:
    document = json.dumps(large_example(3, 2))
    body = (document[:-1] + ', "items": []}').encode()
    again = (document[:-1] + ', "items": null}').encode()

    assert read(body).items == []
    assert outcome(read, again) == outcome(one_call, again)


def test_bodies_in_other_unicode_encodings_read_too() -> None:
    document = large_example(3, 2)
    for encoding in ("utf-8-sig", "utf-16", "utf-32"):
        body = json.dumps(document, ensure_ascii=False).encode(encoding)
        assert read(body) == ORDER.validate_python(document)


def test_an_order_read_in_slices_is_the_one_call_order() -> None:
    data = large_example(items=23, payments=7)

    order = read(json.dumps(data).encode(), every=5)

    expected = ORDER.validate_python(data)
    assert order == expected
    assert order.model_fields_set == expected.model_fields_set
    assert [item.id for item in order.items] == list(range(1, 24))
    assert order.model_extra == expected.model_extra


def test_an_order_without_lists_keeps_them_unset() -> None:
    data = large_example(0, 0)
    del data["items"], data["payments"]

    order = read(json.dumps(data).encode())

    assert order == ORDER.validate_python(data)
    assert "items" not in order.model_fields_set


@pytest.mark.parametrize(
    "break_it",
    [
        lambda d: d["items"][17].update(quantity="many"),
        lambda d: d["payments"][4].pop("amount"),
        lambda d: d.update(items=None),
        lambda d: d.update(total="a lot"),
        lambda d: d.update(items={"0": {}}),
    ],
    ids=["item", "payment", "null list", "head", "object for list"],
)
def test_a_bad_document_raises_the_one_call_error(break_it: Any) -> None:
    data = large_example(items=23, payments=7)
    break_it(data)

    with pytest.raises(ValidationError) as ours:
        read(json.dumps(data).encode(), every=5)
    with pytest.raises(ValidationError) as theirs:
        ORDER.validate_python(data)

    plain = {"include_url": False, "include_context": False}
    assert ours.value.errors(**plain) == theirs.value.errors(**plain)


def with_snapshots(snapshots: list[Any]) -> dict[str, Any]:
    document = large_example(items=len(snapshots), payments=1)
    for item, snapshot in zip(document["items"], snapshots, strict=True):
        item["product_data"] = snapshot
    return document


def test_equal_product_snapshots_are_kept_once() -> None:
    picture = {"id": 9, "thumbnails": [{"id": 1}]}
    pen = {"id": 3, "name": "خودکار", "image": picture}
    book = {"id": 4, "name": "کتاب"}
    data = with_snapshots([pen, book, pen, pen, book])

    order = read(json.dumps(data).encode(), every=2)

    snapshots = [item.product_data for item in order.items]
    assert snapshots == [pen, book, pen, pen, book]
    assert snapshots[0] is snapshots[2] is snapshots[3]
    assert snapshots[1] is snapshots[4]
    assert snapshots[0] is not snapshots[1]


def test_snapshots_equal_only_to_python_keep_their_own_types() -> None:
    # 1 == 1.0 == True in Python, but the server said different things.
    data = with_snapshots([{"n": 1}, {"n": 1.0}, {"n": True}, [1], [True]])

    order = read(json.dumps(data).encode())

    said = [json.dumps(item.product_data) for item in order.items]
    assert said == ['{"n": 1}', '{"n": 1.0}', '{"n": true}', "[1]", "[true]"]


def test_snapshots_of_separate_answers_are_not_shared() -> None:
    body = json.dumps(with_snapshots([{"id": 1}])).encode()

    first, second = read(body), read(body)

    assert first.items[0].product_data is not second.items[0].product_data


json_values = st.recursive(
    st.none() | st.booleans() | st.sampled_from([0, 1, 0.0, 1.0, "", "a", "آ"]),
    lambda inner: (
        st.lists(inner, max_size=2)
        | st.dictionaries(st.sampled_from(["a", "b"]), inner, max_size=2)
    ),
    max_leaves=4,
)


@FAST
@given(snapshots=st.lists(json_values, min_size=1, max_size=8))
def test_shared_snapshots_say_exactly_what_the_answer_said(
    snapshots: list[Any],
) -> None:
    body = json.dumps(with_snapshots(snapshots)).encode()

    ours = [json.dumps(item.product_data) for item in read(body).items]

    assert ours == [json.dumps(item.product_data) for item in one_call(body).items]
