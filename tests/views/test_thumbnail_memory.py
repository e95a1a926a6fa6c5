"""The thumbnail loader keeps a bounded number of pictures in memory."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from orderdesk.api import ShopClient
from orderdesk.demo import SandboxInfo
from orderdesk.models import ImageData
from orderdesk.views import thumbnails
from orderdesk.views.thumbnails import ThumbnailLoader

from .support import two_pictures

EDGE = 32


@pytest.fixture
def client(sandbox: SandboxInfo) -> Iterator[ShopClient]:
    with ShopClient(sandbox.url, sandbox.tokens["cashier"]) as made:
        yield made
        QThreadPool.globalInstance().waitForDone(10_000)


def load(qtbot: QtBot, loader: ThumbnailLoader, picture: ImageData) -> None:
    loader.pixmap(picture, EDGE)
    qtbot.waitUntil(lambda: not loader.loading, timeout=10_000)


@pytest.mark.parametrize(("limit", "reloads"), [(1, True), (None, False)])
def test_a_forgotten_picture_is_loaded_again_when_shown(
    qtbot: QtBot,
    client: ShopClient,
    monkeypatch: pytest.MonkeyPatch,
    limit: int | None,
    reloads: bool,
) -> None:
    if limit is not None:
        monkeypatch.setattr(thumbnails, "IMAGE_MEMORY_BYTES", limit)
        monkeypatch.setattr(thumbnails, "PIXMAP_MEMORY_BYTES", limit)
    loader = ThumbnailLoader(client)
    first, second = two_pictures(client, EDGE)
    load(qtbot, loader, first)
    load(qtbot, loader, second)

    loader.pixmap(first, EDGE)

    assert loader.loading is reloads
    qtbot.waitUntil(lambda: not loader.loading, timeout=10_000)
