"""Errors answered by Django itself, content negotiation, language, throttling."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.integration


def test_unknown_url_is_djangos_html_404(sandbox: Any) -> None:
    response = sandbox.client().get("/api/nothing-here/")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")


def test_detail_url_with_trailing_slash_is_html_404(sandbox: Any) -> None:
    response = sandbox.client().get("/api/orders/1/")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")


def test_list_without_slash_redirects(sandbox: Any) -> None:
    response = sandbox.client().get("/api/orders")
    assert response.status_code == 301
    assert response.headers["location"] == "/api/orders/"


def test_host_not_allowed_is_html_400(sandbox: Any) -> None:
    response = sandbox.client().get("/api/orders/1", headers={"Host": "example.com"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")


def test_html_only_accept_is_406(sandbox: Any) -> None:
    response = sandbox.client().get("/api/orders/1", headers={"Accept": "text/html"})
    assert response.status_code == 406


def test_messages_follow_accept_language(sandbox: Any) -> None:
    response = httpx.get(
        sandbox.url + "/api/orders/1", headers={"Accept-Language": "fa"}
    )
    assert response.status_code == 401
    assert any("\u0600" <= char <= "\u06ff" for char in response.json()["detail"])


def test_throttle_answers_429_with_retry_after(
    tmp_path: Path, launch: Callable[..., Any]
) -> None:
    server = launch(tmp_path / "shop.sqlite3", "--throttle", "3/min")
    client = server.client("clerk")
    statuses = [client.get("/api/orders/1").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]

    response = client.get("/api/orders/1")
    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 60
    assert "detail" in response.json()
    # Throttling is per user: another user is not affected yet.
    assert server.client("admin").get("/api/orders/1").status_code == 200
