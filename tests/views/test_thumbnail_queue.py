"""Thumbnail loads start only once control is back in the event loop.

A pool thread started in the middle of a paint would take the interpreter
lock from every call the paint makes into Python, so a load asked for while
the table paints waits for the event loop before it runs.
"""

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from pytestqt.qtbot import QtBot

from orderdesk.api import MAX_IMAGE_BYTES, ShopClient
from orderdesk.demo import SandboxInfo
from orderdesk.models import ImageData
from orderdesk.views.thumbnails import ThumbnailLoader

from .support import two_pictures

EDGE = 32


class CountingClient(ShopClient):
    """A real client to the sandbox that counts the pictures it fetched."""

    def __init__(self, url: str, token: str) -> None:
        super().__init__(url, token)
        self.fetched: list[str] = []
        self._lock = threading.Lock()
        # Cleared, it holds each fetch on its pool thread until set again.
        self.gate = threading.Event()
        self.gate.set()

    def fetch_image(self, url: str, *, max_bytes: int = MAX_IMAGE_BYTES) -> bytes:
        with self._lock:
            self.fetched.append(url)
        self.gate.wait(timeout=10)
        return super().fetch_image(url, max_bytes=max_bytes)


@pytest.fixture
def client(sandbox: SandboxInfo) -> Iterator[CountingClient]:
    with CountingClient(sandbox.url, sandbox.tokens["cashier"]) as made:
        yield made
        QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def pictures(client: CountingClient) -> list[ImageData]:
    return two_pictures(client, EDGE)


def watched(client: CountingClient) -> tuple[ThumbnailLoader, list[str]]:
    """A loader, and the list of the URLs it says have arrived."""
    loader = ThumbnailLoader(client)
    ready: list[str] = []
    loader.image_ready.connect(ready.append)
    return loader, ready


def test_a_load_waits_for_the_event_loop_then_runs(
    qtbot: QtBot, client: CountingClient, pictures: list[ImageData]
) -> None:
    loader, ready = watched(client)

    loader.pixmap(pictures[0], EDGE)
    loader.pixmap(pictures[1], EDGE)
    loader.pixmap(pictures[0], EDGE)
    started_at_once = QThreadPool.globalInstance().activeThreadCount()

    assert loader.loading
    assert started_at_once == 0
    with qtbot.waitSignal(loader.idle, timeout=10_000):
        pass
    assert len(ready) == 2
    assert sorted(client.fetched) == sorted(set(client.fetched))
    assert not loader.loading


def test_idle_waits_for_the_queued_loads(
    qtbot: QtBot, client: CountingClient, pictures: list[ImageData]
) -> None:
    loader, ready = watched(client)

    with qtbot.waitSignal(loader.idle, timeout=10_000):
        loader.pixmap(pictures[0], EDGE)

    assert ready, "idle came before the queued picture had loaded"
    shown = loader.pixmap(pictures[0], EDGE)
    assert shown is not None
    assert not loader.loading


def test_cancel_drops_the_loads_not_yet_started(
    qtbot: QtBot, client: CountingClient, pictures: list[ImageData]
) -> None:
    loader, ready = watched(client)
    loader.pixmap(pictures[0], EDGE)

    loader.cancel()
    qtbot.wait(50)
    QCoreApplication.processEvents()

    assert not loader.loading
    assert client.fetched == []
    assert ready == []

    loader.pixmap(pictures[0], EDGE)
    qtbot.waitUntil(lambda: not loader.loading, timeout=10_000)
    assert len(ready) == 1
    assert len(client.fetched) == 1


def test_cancel_drops_the_loads_in_flight_and_a_later_ask_loads_again(
    qtbot: QtBot, client: CountingClient, pictures: list[ImageData]
) -> None:
    loader, ready = watched(client)
    client.gate.clear()
    loader.pixmap(pictures[0], EDGE)
    qtbot.waitUntil(lambda: bool(client.fetched), timeout=5_000)

    loader.cancel()
    client.gate.set()

    assert not loader.loading
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)
    assert ready == []

    loader.pixmap(pictures[0], EDGE)
    qtbot.waitUntil(lambda: not loader.loading, timeout=10_000)
    assert len(ready) == 1
