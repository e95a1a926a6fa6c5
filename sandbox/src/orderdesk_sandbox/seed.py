"""Seeding of a new database: images, places, methods, products, people.

Orders are seeded by `seed_orders` from the catalogue made here. Everything
is drawn from one `random.Random` with a fixed seed, so two new databases
hold the same data (timestamps of edits and API tokens aside).
"""

from __future__ import annotations

import logging
import random
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import Permission, User
from django.db import transaction
from rest_framework.authtoken.models import Token

from orderdesk_sandbox import images, seed_data, seed_orders
from orderdesk_sandbox.documents import image_document
from orderdesk_sandbox.models import (
    City,
    Country,
    Customer,
    Image,
    PaymentMethod,
    Product,
    ShippingMethod,
    State,
    Thumbnail,
)
from orderdesk_sandbox.settings import MEDIA_URL

logger = logging.getLogger(__name__)

SEED = 2243
CUSTOMER_COUNT = 30
USERS = ("admin", "cashier", "clerk")
# Products whose current name differs from the name in older snapshots.
RENAMED_PRODUCTS = {0: " (۲۵۶ گیگابایت)", 7: " - نسخه جدید"}


@dataclass
class Catalogue:
    """The rows orders are made of.

    Attributes:
        country: Iran, the only billing country.
        cities: Every city; each knows its state.
        payment_methods: By id.
        shipping_methods: By id.
        products: By id.
        snapshots: The product_data snapshot of each product, by product id.
        customers: By id.
    """

    country: Country
    cities: list[City]
    payment_methods: list[PaymentMethod]
    shipping_methods: list[ShippingMethod]
    products: list[Product]
    snapshots: dict[int, dict[str, object]]
    customers: list[Customer]


def seed(media_root: Path) -> None:
    """Fill a freshly migrated database and write its image files.

    Args:
        media_root: Where the generated images go.
    """
    rng = random.Random(SEED)
    with transaction.atomic():
        catalogue = _seed_catalogue(rng, media_root)
        _seed_users()
        seed_orders.seed_orders(rng, catalogue)


def load_catalogue() -> Catalogue:
    """Read the catalogue of an already seeded database back."""
    products = list(Product.objects.order_by("id"))
    return Catalogue(
        country=Country.objects.get(code="IR"),
        cities=list(City.objects.select_related("state").order_by("id")),
        payment_methods=list(PaymentMethod.objects.order_by("id")),
        shipping_methods=list(ShippingMethod.objects.order_by("id")),
        products=products,
        snapshots=_snapshots(products),
        customers=list(Customer.objects.order_by("id")),
    )


def tokens() -> dict[str, str]:
    """Return the API token of each seeded user, by username."""
    rows = Token.objects.filter(user__username__in=USERS).select_related("user")
    return {token.user.username: token.key for token in rows}


def _seed_catalogue(rng: random.Random, media_root: Path) -> Catalogue:
    pictures = _seed_images(media_root)
    payment_methods = [
        PaymentMethod.objects.create(name=name, image=pictures.get(f"pm-{stem}"))
        for name, stem, *_ in seed_data.PAYMENT_METHODS
    ]
    shipping_methods = [
        ShippingMethod.objects.create(name=name, image=pictures.get(f"sm-{stem}"))
        for name, stem, *_ in seed_data.SHIPPING_METHODS
    ]
    products = _seed_products(pictures)
    country = Country.objects.create(name="ایران", code="IR")
    return Catalogue(
        country=country,
        cities=_seed_places(country),
        payment_methods=payment_methods,
        shipping_methods=shipping_methods,
        products=products,
        snapshots=_snapshots(products),
        customers=_seed_customers(rng),
    )


def _image_specs() -> list[tuple[str, images.ImageSpec]]:
    specs: list[tuple[str, images.ImageSpec]] = []
    for prefix, methods, size in (
        ("pm", seed_data.PAYMENT_METHODS, (1200, 1200)),
        ("sm", seed_data.SHIPPING_METHODS, (1920, 1080)),
    ):
        for name, stem, colour, label, kind in methods:
            if kind == "none":
                continue
            spec = images.ImageSpec(
                stem=f"{prefix}-{stem}",
                width=size[0],
                height=size[1],
                colour=colour,
                label=label,
                # One PNG with transparency, to exercise the "mode" field.
                png=stem == "card-to-card",
                thumbnails=kind == "full",
            )
            specs.append((name, spec))
    for index, (name, _, _, has_image) in enumerate(seed_data.PRODUCTS):
        if has_image:
            colour = (60 + index * 37 % 160, 110, 200 - index * 23 % 120)
            spec = images.ImageSpec(f"product-{index + 1:02d}", 1600, 1200, colour, "P")
            specs.append((name, spec))
    return specs


def benchmark_pictures(media_root: Path, count: int) -> list[dict[str, object]]:
    """Draw `count` small pictures, each of its own colour and number.

    They give the first items of the large order images of their own, so
    that a client showing that order loads `count` distinct thumbnails.

    Args:
        media_root: Where the generated images go.
        count: How many pictures to draw.

    Returns:
        The image document of each picture, with server-relative URLs as in
        product snapshots.
    """
    specs = [
        (
            f"تصویر {number}",
            images.ImageSpec(
                f"bench-{number:04d}",
                256,
                256,
                (40 + number * 53 % 180, 90 + number * 29 % 140, 220 - number % 150),
                str(number),
            ),
        )
        for number in range(1, count + 1)
    ]
    rows = _save_images(specs, media_root)
    pictures = Image.objects.prefetch_related("thumbnails").in_bulk(
        [row.id for row in rows]
    )
    documents = [
        image_document(pictures[row.id], lambda path: MEDIA_URL + path) for row in rows
    ]
    return [document for document in documents if document is not None]


def _seed_images(media_root: Path) -> dict[str, Image]:
    specs = _image_specs()
    rows = _save_images(specs, media_root)
    logger.info("generated %d images in %s", len(rows), media_root)
    return {spec.stem: row for (_, spec), row in zip(specs, rows, strict=True)}


def _save_images(
    specs: list[tuple[str, images.ImageSpec]], media_root: Path
) -> list[Image]:
    """Draw and save images with their thumbnails, and add their rows."""
    # Pillow releases the GIL while encoding and resizing, so threads cut
    # the start-up time of a new database roughly by the number of cores.
    with ThreadPoolExecutor(max_workers=4) as pool:
        made = list(pool.map(lambda pair: images.generate(pair[1], media_root), specs))

    rows = Image.objects.bulk_create(
        Image(
            name=name,
            file=result.path,
            size=result.size,
            width=result.width,
            height=result.height,
            mode=result.mode,
        )
        for (name, _), result in zip(specs, made, strict=True)
    )
    Thumbnail.objects.bulk_create(
        Thumbnail(image=row, file=path, edge=edge)
        for row, result in zip(rows, made, strict=True)
        for edge, path in result.thumbnails
    )
    return rows


def _seed_places(country: Country) -> list[City]:
    cities: list[City] = []
    for name, code, city_names in seed_data.STATES:
        state = State.objects.create(country=country, name=name, code=code)
        cities.extend(City(state=state, name=city) for city in city_names)
    return City.objects.bulk_create(cities)


def _seed_products(pictures: dict[str, Image]) -> list[Product]:
    products = []
    for index, (name, category, price, _) in enumerate(seed_data.PRODUCTS):
        products.append(
            Product(
                name=name + RENAMED_PRODUCTS.get(index, ""),
                sku=f"SKU-{1000 + index * 7}",
                price=price,
                category=category,
                image=pictures.get(f"product-{index + 1:02d}"),
            )
        )
    return Product.objects.bulk_create(products)


def _snapshots(products: list[Product]) -> dict[int, dict[str, object]]:
    pictures = Image.objects.prefetch_related("thumbnails").in_bulk(
        [product.image_id for product in products if product.image_id]
    )
    snapshots = {}
    for index, product in enumerate(products):
        picture = pictures.get(product.image_id) if product.image_id else None
        snapshots[product.id] = {
            "id": product.id,
            # Snapshots predate the renames, so the item's product_name (the
            # current name) and product_data.name differ for those products.
            "name": product.name.removesuffix(RENAMED_PRODUCTS.get(index, "")),
            "sku": product.sku,
            "price": product.price,
            "category": product.category,
            # Server-relative URLs; the renderer makes them absolute.
            "image": image_document(picture, lambda path: MEDIA_URL + path),
        }
    return snapshots


def _seed_customers(rng: random.Random) -> list[Customer]:
    # The first customer is the one of the documented example.
    people = [(seed_data.FIRST_NAMES[0], seed_data.LAST_NAMES[0])]
    while len(people) < CUSTOMER_COUNT:
        pair = (rng.choice(seed_data.FIRST_NAMES), rng.choice(seed_data.LAST_NAMES))
        if pair not in people:
            people.append(pair)
    return Customer.objects.bulk_create(
        Customer(
            username=first[1] + last[1],
            mobile_number=seed_orders.mobile_number(rng),
            first_name=first[0],
            last_name=last[0],
        )
        for first, last in people
    )


def _seed_users() -> None:
    # No passwords: the API takes tokens only, and hashing three passwords
    # would cost most of a second of start-up.
    admin = User.objects.create_superuser("admin", "admin@example.com", None)
    cashier = User.objects.create_user("cashier", is_staff=True)
    clerk = User.objects.create_user("clerk", is_staff=True)
    permission = Permission.objects.get(
        content_type__app_label="shop", codename="order_payment"
    )
    cashier.user_permissions.add(permission)
    for user in (admin, cashier, clerk):
        Token.objects.create(user=user)
