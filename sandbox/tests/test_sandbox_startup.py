"""The command line: the first line, restarts, signals, the large order."""

from __future__ import annotations

import json
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from orderdesk_sandbox.__main__ import main

pytestmark = pytest.mark.integration

Launch = Callable[..., Any]


def test_first_line_names_url_and_tokens(tmp_path: Path, launch: Launch) -> None:
    started = time.perf_counter()
    server = launch(tmp_path / "new.sqlite3")
    elapsed = time.perf_counter() - started

    assert set(server.ready) == {"url", "tokens"}
    assert server.url.startswith("http://127.0.0.1:")
    assert not server.url.endswith("/")
    assert set(server.ready["tokens"]) == {"admin", "cashier", "clerk"}
    # Generous: the target is well under 3 s, but CI machines vary.
    assert elapsed < 10
    response = server.client("cashier").get("/api/payment-methods/")
    assert response.status_code == 200


def test_restart_on_same_db_keeps_tokens_and_data(
    tmp_path: Path, launch: Launch
) -> None:
    db = tmp_path / "shop.sqlite3"
    first = launch(db)
    order = first.client().get("/api/orders/1").json()
    assert first.stop() == 0

    second = launch(db)
    assert second.ready["tokens"] == first.ready["tokens"]
    again = second.client().get("/api/orders/1").json()
    # Same data; only the port in the media URLs differs.
    shown = json.dumps(again).replace(second.url, "URL")
    assert shown == json.dumps(order).replace(first.url, "URL")


@pytest.mark.parametrize(
    "signum",
    [
        signal.SIGTERM,
        pytest.param(
            signal.SIGINT,
            marks=pytest.mark.skipif(
                sys.platform == "win32", reason="no SIGINT to a child on Windows"
            ),
        ),
    ],
)
def test_signal_exits_cleanly(tmp_path: Path, launch: Launch, signum: int) -> None:
    server = launch(tmp_path / "shop.sqlite3")
    # An idle keep-alive connection must not hold the shutdown up.
    client = server.client()
    assert client.get("/api/orders/1").status_code == 200

    assert server.stop(signum) == 0
    log = (tmp_path / "shop.sqlite3.log").read_text(encoding="utf-8")
    assert "Traceback" not in log
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.url}/api/orders/", timeout=2)


def test_large_order_is_made_once_and_kept_off_the_first_page(
    tmp_path: Path, launch: Launch
) -> None:
    db = tmp_path / "shop.sqlite3"
    server = launch(db, "--large-order", "300", "40")
    order_id = server.ready["large_order"]
    client = server.client()

    order = client.get(f"/api/orders/{order_id}").json()
    assert (order["count"], len(order["payments"])) == (300, 40)
    # Dated before every seeded order, it is the last one of the list.
    listed = client.get("/api/orders/", params={"page_size": 100}).json()
    assert listed["results"][-1]["id"] == order_id
    server.stop()

    again = launch(db, "--large-order", "300", "40")
    assert again.ready["large_order"] == order_id


def test_large_order_items_can_carry_pictures_of_their_own(
    tmp_path: Path, launch: Launch
) -> None:
    server = launch(
        tmp_path / "shop.sqlite3",
        "--large-order",
        "30",
        "2",
        "--large-order-pictures",
        "12",
    )
    client = server.client()
    order = client.get(f"/api/orders/{server.ready['large_order']}").json()

    pictures = [item["product_data"]["image"] for item in order["items"][:12]]
    smallest = [picture["thumbnails"][0]["f"] for picture in pictures]
    assert len(set(smallest)) == 12
    assert all(url.startswith(server.url + "/media/") for url in smallest)
    answer = client.get(smallest[-1])
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "image/jpeg"
    # The other items keep their products' pictures, if any.
    others = {
        (item["product_data"]["image"] or {}).get("f") for item in order["items"][12:]
    }
    assert others.isdisjoint(picture["f"] for picture in pictures)


def test_large_order_pictures_need_a_large_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(tmp_path / "shop.sqlite3"), "--large-order-pictures", "5"])

    assert exited.value.code == 2
    assert "--large-order-pictures needs --large-order" in capsys.readouterr().err
    assert not (tmp_path / "shop.sqlite3").exists()
