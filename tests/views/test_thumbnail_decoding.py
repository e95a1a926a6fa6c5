"""Pictures are decoded at the size they are shown at, not at their own."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QThreadPool
from PySide6.QtGui import QColor, QImage, QImageWriter
from pytestqt.qtbot import QtBot

from orderdesk.api import ShopClient
from orderdesk.demo import SandboxInfo
from orderdesk.models import ImageData
from orderdesk.views.thumbnails import DECODED_EDGE_FLOOR, ThumbnailLoader, decode_image


def encoded(width: int, height: int, file_format: str) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7bd5"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert QImageWriter(buffer, file_format.encode()).write(image)
    return bytes(buffer.data().data())


@pytest.mark.parametrize("file_format", ["JPG", "PNG"])
@pytest.mark.parametrize(
    ("size", "fit", "expected"),
    [
        ((1200, 800), 256, (256, 170)),
        ((800, 1200), 256, (170, 256)),
        ((1200, 800), None, (1200, 800)),
        ((200, 100), 256, (200, 100)),
        ((3000, 2), 256, (256, 1)),
    ],
    ids=["wide", "tall", "whole", "smaller than the square", "sliver"],
)
def test_an_image_is_decoded_to_fit_the_square(
    qtbot: QtBot,
    file_format: str,
    size: tuple[int, int],
    fit: int | None,
    expected: tuple[int, int],
) -> None:
    image = decode_image(encoded(*size, file_format), fit)

    assert (image.width(), image.height()) == expected


@pytest.fixture
def client(sandbox: SandboxInfo) -> Iterator[ShopClient]:
    with ShopClient(sandbox.url, sandbox.tokens["cashier"]) as made:
        yield made
        QThreadPool.globalInstance().waitForDone(10_000)


def original_only(client: ShopClient) -> ImageData:
    """A payment method's picture that has no thumbnails: 1200 x 1200."""
    for method in client.list_payment_methods():
        if method.image is not None and not method.image.thumbnails:
            assert method.image.width == 1200
            return method.image
    raise AssertionError("the sandbox has no method picture without thumbnails")


def shown(qtbot: QtBot, loader: ThumbnailLoader, picture: ImageData, edge: int) -> int:
    """The width of the pixmap shown at `edge` once it has loaded."""
    loader.pixmap(picture, edge)
    qtbot.waitUntil(lambda: not loader.loading, timeout=10_000)
    pixmap = loader.pixmap(picture, edge)
    assert pixmap is not None
    return pixmap.width()


def test_a_large_original_shown_small_keeps_little_memory(
    qtbot: QtBot, client: ShopClient
) -> None:
    loader = ThumbnailLoader(client)

    width = shown(qtbot, loader, original_only(client), 48)

    assert width == 48
    # The whole 1200 x 1200 picture would take 5.5 MB.
    assert loader.memory_bytes <= (DECODED_EDGE_FLOOR**2 + 48**2) * 4


def test_a_larger_square_decodes_the_picture_again_sharp(
    qtbot: QtBot, client: ShopClient
) -> None:
    loader = ThumbnailLoader(client)
    picture = original_only(client)
    shown(qtbot, loader, picture, 48)

    loader.pixmap(picture, 600)

    assert loader.loading
    assert shown(qtbot, loader, picture, 600) == 600
    assert shown(qtbot, loader, picture, 48) == 48
    assert not loader.loading
