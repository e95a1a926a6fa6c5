"""The API contract in docs/openapi.yaml, checked against the sandbox server.

Schemathesis generates requests from the contract (valid ones and, for the
server's sake, invalid ones) and checks each answer: no server error, a
status the contract lists, and a body that fits the contract's schema.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from orderdesk.api import paths
from orderdesk.demo import SandboxInfo, SandboxServer

pytestmark = pytest.mark.integration

SPEC = Path(__file__).resolve().parent.parent / "docs" / "openapi.yaml"
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]

schema = schemathesis.openapi.from_path(SPEC)


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxInfo]:
    """A sandbox of this module's own: the generated PATCHes change its data."""
    with SandboxServer(tmp_path_factory.mktemp("contract") / "shop.sqlite3") as server:
        assert server.info is not None
        yield server.info


def _auth(shop: SandboxInfo) -> dict[str, str]:
    return {"Authorization": f"Token {shop.tokens['cashier']}"}


@schema.parametrize()
@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_the_sandbox_keeps_the_contract(
    case: schemathesis.Case[Any], shop: SandboxInfo
) -> None:
    case.call_and_validate(base_url=shop.url, headers=_auth(shop), checks=CHECKS)


def operation(label: str) -> schemathesis.APIOperation[Any, Any, Any, Any]:
    """The contract's operation with this label, such as "GET /api/orders/"."""
    found = schema.find_operation_by_label(label)
    assert found is not None, f"the contract lacks {label}"
    return found


GET_ORDER = "GET /api/orders/{order_id}"
LIST_ORDERS = "GET /api/orders/"
LIST_METHODS = "GET /api/payment-methods/"
PATCH_PAYMENT = "PATCH /api/orders/{order_id}/payments/{payment_id}"


def test_the_contract_has_every_path_of_the_client() -> None:
    # The client's own paths, as its one place of paths spells them.
    used = {
        f"GET {paths.ORDERS}",
        f"GET {paths.ORDER}",
        f"PATCH {paths.PAYMENT}",
        f"GET {paths.PAYMENT_METHODS}",
    }

    assert used == {GET_ORDER, LIST_ORDERS, LIST_METHODS, PATCH_PAYMENT}
    for label in used:
        operation(label)


def test_sample_answers_fit_the_contract(shop: SandboxInfo) -> None:
    with httpx.Client(base_url=shop.url, headers=_auth(shop)) as http:
        page = http.get("/api/orders/", params={"page_size": 100})
        operation(LIST_ORDERS).validate_response(page)
        orders = page.json()["results"]
        assert len(orders) >= 10
        for order in orders[:25]:
            answer = http.get(f"/api/orders/{order['id']}")
            operation(GET_ORDER).validate_response(answer)
        operation(LIST_METHODS).validate_response(http.get("/api/payment-methods/"))

        paid = next(order for order in orders if order["payments"])
        payment = paid["payments"][0]
        url = f"/api/orders/{paid['id']}/payments/{payment['id']}"
        operation(PATCH_PAYMENT).validate_response(
            http.patch(url, json={"notes": payment["notes"]})
        )
        refused = http.patch(url, json={"amount": -1})
        assert refused.status_code == 400
        operation(PATCH_PAYMENT).validate_response(refused)

        missing = http.get("/api/orders/987654321")
        assert missing.status_code == 404
        operation(GET_ORDER).validate_response(missing)
    anonymous = httpx.get(f"{shop.url}/api/orders/1")
    assert anonymous.status_code == 401
    operation(GET_ORDER).validate_response(anonymous)
