"""PATCH /api/orders/{id}/payments/{payment_id}: updates, refusals, balance."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.integration

# Seeded facts: order 1 has payment 1 (approved) and payment 2 (unapproved,
# the rest of the total); order 2 has payments 3 and 4. Only the settling
# test changes order 1; the single-field tests edit payment 4 of order 2.
ORDER, APPROVED, UNAPPROVED = 1, 1, 2
PATH = f"/api/orders/{ORDER}/payments/{{payment}}"
EDITED_ORDER, EDITED = 2, 4
EDITED_PATH = f"/api/orders/{EDITED_ORDER}/payments/{EDITED}"


def payment_of(order: dict[str, Any], payment_id: int) -> dict[str, Any]:
    return next(p for p in order["payments"] if p["id"] == payment_id)


@pytest.fixture(scope="module")
def cashier(writable_sandbox: Any) -> httpx.Client:
    return writable_sandbox.client("cashier")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"notes": "تأیید شد پس از بررسی"}, {"notes": "تأیید شد پس از بررسی"}),
        ({"notes": ""}, {"notes": ""}),
        ({"transaction_id": "TXN_UPDATED_789"}, {"transaction_id": "TXN_UPDATED_789"}),
        ({"amount": 7500}, {"amount": 7500}),
        ({"amount": 2**63 - 1}, {"amount": 2**63 - 1}),
        ({"payment_method": 1}, {"payment_method_data": {"id": 1}}),
        ({"approved": True}, {"approved": True}),
        ({"approved": False, "unknown": 1}, {"approved": False}),
    ],
)
def test_patch_changes_one_field_and_answers_the_order(
    cashier: httpx.Client, body: dict[str, Any], expected: dict[str, Any]
) -> None:
    before = payment_of(cashier.get(f"/api/orders/{EDITED_ORDER}").json(), EDITED)

    response = cashier.patch(EDITED_PATH, json=body)

    assert response.status_code == 200
    order = response.json()
    assert order["id"] == EDITED_ORDER
    assert "items" in order
    after = payment_of(order, EDITED)
    for key, value in expected.items():
        if isinstance(value, dict):
            assert after[key]["id"] == value["id"]
        else:
            assert after[key] == value
    # The client detects concurrent edits with updated_at.
    assert after["updated_at"] > before["updated_at"]
    assert after["created_at"] == before["created_at"]


def test_approving_the_second_payment_settles_order_1(cashier: httpx.Client) -> None:
    before = cashier.get(f"/api/orders/{ORDER}").json()
    assert before["amount_outstanding"] == payment_of(before, UNAPPROVED)["amount"]
    assert before["is_paid"] is False

    response = cashier.patch(PATH.format(payment=UNAPPROVED), json={"approved": True})

    settled = response.json()
    assert settled["amount_paid"] == settled["total"] == before["total"]
    assert settled["amount_outstanding"] == 0
    assert settled["is_paid"] is True
    paid = cashier.get("/api/orders/", params={"is_paid": "true", "page_size": 100})
    assert ORDER in [o["id"] for o in paid.json()["results"]]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"amount": 12.5}, "amount"),
        ({"amount": 12.0}, "amount"),
        ({"amount": "1200"}, "amount"),
        ({"amount": True}, "amount"),
        ({"amount": None}, "amount"),
        ({"amount": -1}, "amount"),
        ({"amount": 2**63}, "amount"),
        ({"payment_method": 99}, "payment_method"),
        ({"payment_method": "cash"}, "payment_method"),
        ({"transaction_id": "x" * 65}, "transaction_id"),
        ({"approved": "perhaps"}, "approved"),
    ],
)
def test_invalid_fields_are_refused_per_field(
    cashier: httpx.Client, body: dict[str, Any], field: str
) -> None:
    response = cashier.patch(PATH.format(payment=UNAPPROVED), json=body)
    assert response.status_code == 400
    errors = response.json()
    assert list(errors) == [field]
    assert all(isinstance(message, str) for message in errors[field])


def test_a_list_body_is_a_non_field_error(cashier: httpx.Client) -> None:
    response = cashier.patch(PATH.format(payment=UNAPPROVED), json=[1, 2])
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


@pytest.mark.parametrize("header", [None, "Token not-a-real-token", "Bearer x"])
def test_missing_or_bad_token_is_401(writable_sandbox: Any, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = httpx.patch(
        writable_sandbox.url + PATH.format(payment=UNAPPROVED),
        json={"notes": "x"},
        headers=headers,
    )
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Token"
    assert "detail" in response.json()


def test_clerk_without_the_permission_gets_403(writable_sandbox: Any) -> None:
    clerk = writable_sandbox.client("clerk")
    response = clerk.patch(PATH.format(payment=UNAPPROVED), json={"notes": "x"})
    assert response.status_code == 403
    assert "detail" in response.json()
    # Reading stays allowed.
    assert clerk.get(f"/api/orders/{ORDER}").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/api/orders/999999/payments/1",
        f"/api/orders/{ORDER}/payments/999999",
        # Payment 3 belongs to order 2.
        f"/api/orders/{ORDER}/payments/3",
    ],
)
def test_unknown_or_foreign_payment_is_404(cashier: httpx.Client, path: str) -> None:
    response = cashier.patch(path, json={"notes": "x"})
    assert response.status_code == 404
    assert "detail" in response.json()


def test_put_is_405(cashier: httpx.Client) -> None:
    response = cashier.put(PATH.format(payment=UNAPPROVED), json={"notes": "x"})
    assert response.status_code == 405
    assert "PATCH" in response.headers["Allow"]


def test_form_body_is_415(cashier: httpx.Client) -> None:
    response = cashier.patch(PATH.format(payment=UNAPPROVED), data={"notes": "x"})
    assert response.status_code == 415


def test_huge_approved_amounts_keep_the_paid_filter_working(
    cashier: httpx.Client,
) -> None:
    body = {"amount": 2**63 - 1, "approved": True}
    order = cashier.patch(EDITED_PATH, json=body).json()
    assert order["amount_paid"] > 2**63 - 1
    assert order["is_paid"] is True

    response = cashier.get("/api/orders/", params={"is_paid": "true", "page_size": 100})
    assert response.status_code == 200
    assert EDITED_ORDER in [o["id"] for o in response.json()["results"]]
