"""Every shape of a DRF error body flattens into field and non-field messages."""

from typing import Any

import pytest

from orderdesk.api.drf_errors import read_error_body

CASES: dict[str, tuple[Any, dict[str, list[str]], list[str]]] = {
    "field list": (
        {"amount": ["A valid integer is required."]},
        {"amount": ["A valid integer is required."]},
        [],
    ),
    "field string": ({"amount": "Too big."}, {"amount": ["Too big."]}, []),
    "several fields and messages": (
        {"amount": ["a", "b"], "notes": ["c"]},
        {"amount": ["a", "b"], "notes": ["c"]},
        [],
    ),
    "non_field_errors": ({"non_field_errors": ["x", "y"]}, {}, ["x", "y"]),
    "detail": ({"detail": "JSON parse error"}, {}, ["JSON parse error"]),
    "nested object": (
        {"billing": {"city": ["Unknown city."], "postal_code": "Too short."}},
        {"billing.city": ["Unknown city."], "billing.postal_code": ["Too short."]},
        [],
    ),
    "nested non_field_errors stay with their field": (
        {"billing": {"non_field_errors": ["Inconsistent."]}},
        {"billing": ["Inconsistent."]},
        [],
    ),
    "list of objects, {} for valid elements": (
        {"items": [{}, {"amount": ["Negative."]}, {}]},
        {"items.1.amount": ["Negative."]},
        [],
    ),
    "deeply nested": (
        {"items": [{"product": {"price": ["No."]}}]},
        {"items.0.product.price": ["No."]},
        [],
    ),
    "list of lists": (
        {"tags": [["Bad."], ["Worse."]]},
        {"tags.0": ["Bad."], "tags.1": ["Worse."]},
        [],
    ),
    "bare list": (
        ["Payment is locked.", "Try later."],
        {},
        ["Payment is locked.", "Try later."],
    ),
    "bare string": ("Payment is locked.", {}, ["Payment is locked."]),
    "bare list of objects": ([{"amount": ["No."]}], {"0.amount": ["No."]}, []),
    "numbers and nulls": ({"amount": [42, None]}, {"amount": ["42"]}, []),
    "Persian messages keep their field keys": (
        {"amount": ["یک عدد صحیح معتبر لازم است."]},
        {"amount": ["یک عدد صحیح معتبر لازم است."]},
        [],
    ),
    "empty object": ({}, {}, []),
}


@pytest.mark.parametrize(
    ("body", "field_errors", "non_field_errors"), CASES.values(), ids=CASES.keys()
)
def test_error_body_is_flattened(
    body: Any, field_errors: dict[str, list[str]], non_field_errors: list[str]
) -> None:
    messages = read_error_body(body)

    assert messages.field_errors == field_errors
    assert messages.non_field_errors == non_field_errors
