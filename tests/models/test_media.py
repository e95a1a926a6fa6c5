"""Choosing a thumbnail by edge and device pixel ratio."""

import pytest

from orderdesk.models import ImageData

BASE = "http://shop/media/t"


def image(*thumbnails: tuple[str, int | None], original: str = "orig") -> ImageData:
    return ImageData.model_validate(
        {
            "id": 1,
            "f": f"{BASE}/{original}.jpg",
            "thumbnails": [
                {"id": n, "f": f"{BASE}/{name}.jpg", "size": size}
                for n, (name, size) in enumerate(thumbnails)
            ],
        }
    )


EDGES = (("t64", 64), ("t128", 128), ("t512", 512), ("t1080", 1080))


@pytest.mark.parametrize(
    ("edge", "ratio", "chosen"),
    [
        (48, 1.0, "t64"),
        (64, 1.0, "t64"),
        (48, 2.0, "t128"),
        (100, 1.5, "t512"),
        (600, 2.0, "t1080"),
        (32, 0.5, "t64"),
    ],
)
def test_smallest_thumbnail_that_fills_the_place(
    edge: int, ratio: float, chosen: str
) -> None:
    assert image(*EDGES).thumbnail_url(edge, ratio) == f"{BASE}/{chosen}.jpg"


def test_size_in_bytes_falls_back_to_the_edge_in_the_name() -> None:
    pictured = image(("x_thumbnail_64x64", 5120), ("x_thumbnail_512x512", 90000))

    assert pictured.thumbnail_url(100) == f"{BASE}/x_thumbnail_512x512.jpg"


def test_no_thumbnails_falls_back_to_the_original() -> None:
    assert image().thumbnail_url(64) == f"{BASE}/orig.jpg"


def test_unknown_edges_take_the_first_thumbnail() -> None:
    assert image(("a", None), ("b", None)).thumbnail_url(64) == f"{BASE}/a.jpg"
