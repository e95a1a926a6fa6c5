"""Saving, reading, listing and searching cached orders."""

from datetime import UTC, datetime, timedelta

import pytest

from orderdesk.models import Order, OrderPage
from orderdesk.store import OrderStore

from .conftest import OpenStore
from .support import MOBILE, NATIONAL_CODE, make_order, summary_of

FETCHED = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def people(store: OrderStore, base_order: Order) -> list[Order]:
    """Five cached orders, saved in this order (the last is the newest)."""
    orders = [
        make_order(base_order, 101, first="بهروز", last="قربانی", mobile=MOBILE),
        make_order(
            base_order,
            102,
            first="علی‌رضا",
            last="کریمی",
            mobile="09121112233",
            status="shipped",
            is_paid=True,
        ),
        make_order(
            base_order,
            103,
            first="مریم",
            last="یوسفی",
            mobile="09351234204",
            national_code=NATIONAL_CODE,
        ),
        make_order(
            base_order,
            104,
            first="علی",
            last="محمدی",
            key="ab12cd34ef56ab78cd90",
            is_paid=True,
        ),
        make_order(base_order, 105, first="Sara", last="Smith", status="shipped"),
    ]
    for minutes, order in enumerate(orders):
        store.save_order(order, FETCHED + timedelta(minutes=minutes))
    return orders


def ids(store: OrderStore, text: str = "", **filters: object) -> list[int]:
    return [s.id for s in store.search(text, **filters)]  # type: ignore[arg-type]


def test_an_order_round_trips_with_its_unknown_fields(
    store: OrderStore, example_order: Order
) -> None:
    store.save_order(example_order, FETCHED)

    cached = store.get_order(example_order.id)

    assert cached is not None
    assert cached.order == example_order
    assert cached.order.model_extra == {}
    assert cached.order.extra == {"some": "data"}
    assert cached.fetched_at == FETCHED
    assert store.get_order(999) is None


def test_unknown_fields_survive_the_cache(store: OrderStore, base_order: Order) -> None:
    order = Order.model_validate({**base_order.model_dump(), "loyalty_points": 12})

    store.save_order(order, FETCHED)
    cached = store.get_order(order.id)

    assert cached is not None
    assert cached.order.model_extra == {"loyalty_points": 12}


def test_fetched_at_must_say_its_time_zone(
    store: OrderStore, base_order: Order
) -> None:
    with pytest.raises(ValueError, match="aware"):
        store.save_order(base_order, datetime(2026, 12, 1, 9, 30))


def test_listing_is_most_recently_fetched_first(
    store: OrderStore, people: list[Order]
) -> None:
    assert ids(store) == [105, 104, 103, 102, 101]
    assert store.count() == 5
    assert ids(store, limit=2, offset=1) == [104, 103]


def test_a_summary_says_what_a_row_shows(
    store: OrderStore, people: list[Order]
) -> None:
    (row,) = store.search("یوسفی")

    assert row.id == 103
    assert row.customer_name == "مریم یوسفی"
    assert row.mobile == "09351234204"
    assert row.status == "pending"
    assert row.is_paid is False
    assert (row.total, row.amount_paid, row.amount_outstanding) == (
        75000,
        500000,
        -425000,
    )
    assert row.fetched_at == FETCHED + timedelta(minutes=2)
    assert row.has_document


SEARCHES = {
    "whole first name": ("بهروز", [101]),
    "prefix of a last name": ("قرب", [101]),
    "first and last name": ("بهروز قربانی", [101]),
    "words in any order": ("قربانی بهروز", [101]),
    "arabic yeh finds persian yeh": ("علي", [104, 102]),
    "arabic kaf finds persian kaf": ("كريمي", [102]),
    "zwnj name typed joined": ("علیرضا", [102]),
    "zwnj name by its second part": ("رضا", [102]),
    "two words narrow": ("علی محمدی", [104]),
    "latin name any case": ("SMITH", [105]),
    "whole mobile": (MOBILE, [101]),
    "mobile in persian digits": ("۰۹۳۰۸۷۴۴۲۰۴", [101]),
    "mobile international": ("+98 9308744204", [101]),
    "mobile prefix": ("0930874", [101]),
    "last four digits": ("4204", [103, 101]),
    "last four in persian digits": ("۴۲۰۴", [103, 101]),
    "name and last digits": ("قربانی 4204", [101]),
    "last digits and name": ("4204 یوسفی", [103]),
    "national code": (NATIONAL_CODE, [103]),
    "national code in persian digits": ("۰۴۹۹۳۷۰۸۹۹", [103]),
    "key prefix": ("AB12cd", [104]),
    "whole key": ("ab12cd34ef56ab78cd90", [104]),
    "nothing": ("زهرا", []),
    "one word missing": ("بهروز محمدی", []),
}


@pytest.mark.parametrize(("typed", "found"), SEARCHES.values(), ids=SEARCHES.keys())
def test_search(
    store: OrderStore, people: list[Order], typed: str, found: list[int]
) -> None:
    assert ids(store, typed) == found


def test_search_filters_by_status_and_payment(
    store: OrderStore, people: list[Order]
) -> None:
    assert ids(store, status="shipped") == [105, 102]
    assert ids(store, is_paid=True) == [104, 102]
    assert ids(store, is_paid=False) == [105, 103, 101]
    assert ids(store, status="shipped", is_paid=True) == [102]
    assert ids(store, "علی", is_paid=False) == []
    assert ids(store, "علی", status="shipped") == [102]


def test_a_new_fetch_moves_an_order_to_the_top_and_reindexes_it(
    store: OrderStore, people: list[Order]
) -> None:
    renamed = people[0].model_copy(update={"billing_first_name": "کاوه"})
    customer = renamed.customer_data
    assert customer is not None
    renamed = renamed.model_copy(
        update={
            "customer_data": customer.model_copy(
                update={"first_name": "کاوه", "full_name": "کاوه قربانی"}
            )
        }
    )

    store.save_order(renamed, FETCHED + timedelta(hours=1))

    assert ids(store)[0] == 101
    assert ids(store, "کاوه") == [101]
    assert ids(store, "بهروز") == []
    assert store.count() == 5


def test_an_older_fetch_does_not_replace_a_newer_one(
    store: OrderStore, people: list[Order]
) -> None:
    stale = people[0].model_copy(update={"status": "cancelled"})

    store.save_order(stale, FETCHED - timedelta(days=1))

    cached = store.get_order(101)
    assert cached is not None
    assert cached.order.status == "pending"
    assert ids(store, status="cancelled") == []


def test_a_page_keeps_its_rows_in_the_servers_order(
    store: OrderStore, base_order: Order
) -> None:
    orders = [make_order(base_order, i, first=f"نام{i}") for i in (7, 3, 9)]
    page = OrderPage(
        count=42,
        next="https://shop.example.com/api/orders/?page=2",
        results=[summary_of(o) for o in orders],
    )
    params = {"page": 1, "page_size": 3, "search": "نام", "status": None}

    store.save_page(params, page, FETCHED)

    assert ids(store) == [7, 3, 9]
    cached = store.get_page({"search": "نام", "page_size": 3, "page": 1})
    assert cached is not None
    assert [s.id for s in cached.summaries] == [7, 3, 9]
    assert (cached.count, cached.has_next, cached.fetched_at) == (42, True, FETCHED)
    assert not any(s.has_document for s in cached.summaries)
    assert store.get_order(7) is None  # Listed, never opened.
    assert store.get_page({"page": 2, "page_size": 3, "search": "نام"}) is None


def test_a_page_row_keeps_the_national_code_of_the_opened_order(
    store: OrderStore, base_order: Order
) -> None:
    order = make_order(base_order, 5, national_code=NATIONAL_CODE)
    store.save_order(order, FETCHED)

    page = OrderPage(count=1, results=[summary_of(order)])
    store.save_page({"page": 1}, page, FETCHED + timedelta(minutes=5))

    assert ids(store, NATIONAL_CODE) == [5]
    cached = store.get_order(5)
    assert cached is not None
    assert cached.fetched_at == FETCHED


def test_thumbnails_are_kept_by_url(store: OrderStore) -> None:
    url = "http://127.0.0.1:8000/media/thumbnails/test2_64x64.jpg"

    store.save_thumbnail(url, b"\xff\xd8jpeg")

    assert store.get_thumbnail(url) == b"\xff\xd8jpeg"
    assert store.get_thumbnail(url + "?v=2") is None


def test_a_closed_store_ignores_writes_and_finds_nothing(
    store: OrderStore, people: list[Order]
) -> None:
    store.close()

    store.save_order(people[0], FETCHED)
    store.save_thumbnail("http://x/t.jpg", b"x")

    assert store.search() == []
    assert store.get_order(101) is None
    assert store.count() == 0
    store.close()


def test_the_cache_outlives_the_store(
    open_store: OpenStore, people: list[Order], store: OrderStore
) -> None:
    store.close()

    again = open_store()

    assert again.count() == 5
    assert ids(again, "4204") == [103, 101]
    cached = again.get_order(104)
    assert cached is not None
    assert cached.order == people[3]
