"""Offline review: the server stops mid-session, then comes back."""

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from orderdesk.api import ShopClient, TokenStore, origin_of
from orderdesk.demo import SandboxServer
from orderdesk.store import CacheKeyStore, OrderStore, sign_out_cleanup
from orderdesk.views import MainWindow, order_keeper

from ..keyrings import MemoryKeyring
from .support import WAIT_MS, child, connect, open_window, show_order

pytestmark = pytest.mark.integration

FAST_RETRIES_MS = (150,)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


class Shop:
    """A sandbox that can be stopped and started again on the same port."""

    def __init__(self, folder: Path) -> None:
        self._db = folder / "shop.sqlite3"
        self._port = free_port()
        self._server: SandboxServer | None = None
        self.url = ""
        self.token = ""

    def start(self) -> None:
        self._server = SandboxServer(self._db, ("--port", str(self._port)))
        info = self._server.start()
        self.url, self.token = info.url, info.tokens["cashier"]

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Shop]:
    running = Shop(tmp_path)
    running.start()
    yield running
    running.stop()


@pytest.fixture
def store(tmp_path: Path, shop: Shop) -> Iterator[OrderStore]:
    opened = OrderStore.open(
        tmp_path / "cache", str(origin_of(shop.url)), "", os.urandom(32)
    )
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, shop: Shop, store: OrderStore) -> Iterator[MainWindow]:
    with open_window(qtbot, ShopClient(shop.url, shop.token, timeout=3.0)) as shown:
        shown.set_store(store)
        shown.connectivity.set_delays(FAST_RETRIES_MS)
        yield shown


def test_a_stopped_server_shows_saved_orders_until_it_returns(
    qtbot: QtBot, window: MainWindow, shop: Shop
) -> None:
    live = show_order(qtbot, window, 1)
    assert window.order_view.findChild(QPushButton, "edit_payment") is not None
    shop.stop()

    with qtbot.waitSignal(window.order_loaded, timeout=WAIT_MS) as loaded:
        window.open_order(1)

    assert loaded.args[0].id == live.id
    assert "Offline since" in window.banner.text
    saved_at = child(window.order_view, QLabel, "saved_at")
    assert saved_at.isVisible()
    assert not child(window.order_view, QPushButton, "edit_payment").isEnabled()
    qtbot.waitUntil(lambda: window.orders_list.model.rowCount() > 0, timeout=WAIT_MS)

    with qtbot.waitSignal(window.order_failed, timeout=WAIT_MS) as failed:
        window.open_order(2)
    assert "not saved" in failed.args[0]

    shop.start()
    with qtbot.waitSignal(window.connectivity.offline_changed, timeout=WAIT_MS):
        pass
    qtbot.waitUntil(lambda: "Back online" in window.banner.text, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not saved_at.isVisible(), timeout=WAIT_MS)


def test_an_order_shown_just_before_the_server_stops_is_still_there(
    qtbot: QtBot, shop: Shop, store: OrderStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Keeping waits after showing (KEEP_DELAY_MS); here it waits for good.
    monkeypatch.setattr(order_keeper, "KEEP_DELAY_MS", 600_000)
    client = ShopClient(shop.url, shop.token, timeout=3.0)
    with open_window(qtbot, client) as window:
        window.set_store(store)
        window.connectivity.set_delays(FAST_RETRIES_MS)
        live = show_order(qtbot, window, 1)
        shop.stop()

        with qtbot.waitSignal(window.order_loaded, timeout=WAIT_MS) as loaded:
            window.open_order(1)

        assert loaded.args[0] == live
        assert "Offline since" in window.banner.text
        # Going offline wrote what was waiting to be kept.
        qtbot.waitUntil(lambda: store.get_order(1) is not None, timeout=WAIT_MS)
        shop.start()


def test_sign_out_forgets_key_token_and_saved_orders(
    qtbot: QtBot, shop: Shop, tmp_path: Path
) -> None:
    saved_keyring = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        tokens, keys = TokenStore(), CacheKeyStore()
        origin = str(origin_of(shop.url))
        tokens.set(shop.url, shop.token)
        key = keys.get_or_create(origin, "")
        assert key is not None
        folder = tmp_path / "cache"
        store = OrderStore.open(folder, origin, "", key)
        with open_window(qtbot, connect(shop.url, shop.token)) as window:
            window.set_store(store)
            window.set_sign_out(
                lambda: sign_out_cleanup(
                    keys,
                    origin,
                    "",
                    folder=folder,
                    store=store,
                    forget_token=lambda: tokens.delete(shop.url),
                )
            )
            show_order(qtbot, window, 1)

            with qtbot.waitSignal(window.signed_out, timeout=WAIT_MS):
                window.sign_out()

        assert keys.get(origin, "") is None
        assert tokens.get(shop.url) is None
        assert not [p for p in folder.rglob("*") if p.is_file()]
    finally:
        keyring.set_keyring(saved_keyring)
