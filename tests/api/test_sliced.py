"""Large answers read in slices give what one call gives, errors included."""

import copy
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from orderdesk.api.sliced import decode_json_in_slices, validate_order_in_slices
from orderdesk.models import Order

from ..property.strategies import EXAMPLE, hostile_text, json_value

FAST = settings(max_examples=150, deadline=None)
ORDER = TypeAdapter(Order)


def sliced(body: bytes) -> Any:
    return decode_json_in_slices(body, sliced_from=0)


def same(left: Any, right: Any) -> bool:
    # NaN is not equal to itself; its JSON text is.
    return json.dumps(left, sort_keys=True) == json.dumps(right, sort_keys=True)


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


objects = st.dictionaries(
    st.one_of(st.sampled_from(["items", "payments", "id"]), hostile_text),
    st.one_of(json_value, st.lists(json_value, max_size=6)),
    max_size=6,
)
layouts = st.sampled_from(
    [
        {},
        {"separators": (",", ":")},
        {"indent": 2},
        {"indent": "\t", "ensure_ascii": False},
    ]
)


@FAST
@given(document=st.one_of(objects, json_value), layout=layouts)
def test_any_json_decodes_as_json_loads_does(
    document: Any, layout: dict[str, Any]
) -> None:
    body = json.dumps(document, **layout).encode("utf-8", "surrogatepass")

    assert same(sliced(body), json.loads(body))


@FAST
@given(document=objects, cut=st.integers(min_value=0), junk=st.sampled_from("x,]}"))
def test_broken_json_fails_where_json_loads_fails(
    document: dict[str, Any], cut: int, junk: str
) -> None:
    text = json.dumps(document)
    cut %= len(text) + 1
    for body in (text[:cut], text[:cut] + junk + text[cut:], text + junk):
        try:
            expected = json.loads(body)
        except json.JSONDecodeError:
            with pytest.raises(json.JSONDecodeError):
                sliced(body.encode())
        else:
            assert same(sliced(body.encode()), expected)


def test_bodies_in_other_unicode_encodings_decode_too() -> None:
    document = {"items": [{"product_name": "کالا"}], "notes": "یادداشت"}
    for encoding in ("utf-8-sig", "utf-16", "utf-32"):
        body = json.dumps(document, ensure_ascii=False).encode(encoding)
        assert sliced(body) == document


def test_small_bodies_take_the_one_call_path() -> None:
    body = json.dumps(large_example(3, 2)).encode()

    assert decode_json_in_slices(body) == json.loads(body)


def test_an_order_validated_in_slices_is_the_one_call_order() -> None:
    data = large_example(items=23, payments=7)

    order = validate_order_in_slices(data, every=5)

    expected = ORDER.validate_python(data)
    assert order == expected
    assert order.model_fields_set == expected.model_fields_set
    assert [item.id for item in order.items] == list(range(1, 24))
    assert order.model_extra == expected.model_extra


def test_an_order_without_lists_keeps_them_unset() -> None:
    data = large_example(0, 0)
    del data["items"], data["payments"]

    order = validate_order_in_slices(data, every=5)

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
        validate_order_in_slices(data, every=5)
    with pytest.raises(ValidationError) as theirs:
        ORDER.validate_python(data)

    plain = {"include_url": False, "include_context": False}
    assert ours.value.errors(**plain) == theirs.value.errors(**plain)


@pytest.mark.parametrize("data", [[], "order", None, 5])
def test_what_is_not_an_object_fails_as_one_call_fails(data: Any) -> None:
    with pytest.raises(ValidationError):
        validate_order_in_slices(data)
