"""Database models of the sandbox shop."""

from __future__ import annotations

import logging

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

logger = logging.getLogger(__name__)

MAX_AMOUNT = 2**63 - 1

# Statuses in which an order still accepts payments (is_payable).
CLOSED_STATUSES = frozenset({"cancelled", "refunded"})


class Image(models.Model):
    """An uploaded image file with its measured properties.

    Attributes:
        name: A display name (often Persian), not the file name.
        file: Path of the original under MEDIA_ROOT.
        size: Size of the original file in bytes.
        width: Width of the original in pixels.
        height: Height of the original in pixels.
        mode: Pillow colour mode, such as "RGB" or "RGBA".
    """

    name = models.CharField(max_length=200)
    file = models.FileField(upload_to="core_media/")
    size = models.PositiveBigIntegerField()
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    mode = models.CharField(max_length=16)


class Thumbnail(models.Model):
    """A smaller copy of an image that fits in a square of `edge` pixels."""

    image = models.ForeignKey(
        Image, on_delete=models.CASCADE, related_name="thumbnails"
    )
    file = models.FileField(upload_to="core_media/thumbnails/")
    edge = models.PositiveIntegerField()

    class Meta:
        ordering = ["edge", "id"]


class PaymentMethod(models.Model):
    """A way to pay, such as cash on delivery or a bank gateway."""

    name = models.CharField(max_length=100)
    image = models.ForeignKey(Image, null=True, blank=True, on_delete=models.SET_NULL)

    def __str__(self) -> str:
        return self.name


class ShippingMethod(models.Model):
    """A way to deliver, such as a courier or the post."""

    name = models.CharField(max_length=100)
    image = models.ForeignKey(Image, null=True, blank=True, on_delete=models.SET_NULL)

    def __str__(self) -> str:
        return self.name


class Country(models.Model):
    """A country with its ISO code."""

    name = models.CharField(max_length=100)
    code = models.CharField(max_length=8)


class State(models.Model):
    """A province of a country."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE)
    name = models.CharField(max_length=100)
    code = models.CharField(max_length=8)


class City(models.Model):
    """A city of a province."""

    state = models.ForeignKey(State, on_delete=models.CASCADE)
    name = models.CharField(max_length=100)


class Customer(models.Model):
    """A shop customer (not a login of this server)."""

    username = models.CharField(max_length=150, unique=True)
    mobile_number = models.CharField(max_length=16)
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)

    @property
    def full_name(self) -> str:
        """The first and last name joined by a space."""
        return f"{self.first_name} {self.last_name}".strip()


class Product(models.Model):
    """A product as it is now; order items keep a snapshot of it."""

    name = models.CharField(max_length=200)
    sku = models.CharField(max_length=32, unique=True)
    price = models.BigIntegerField()
    category = models.CharField(max_length=100)
    image = models.ForeignKey(Image, null=True, blank=True, on_delete=models.SET_NULL)


class Order(models.Model):
    """A customer's order; its money totals are computed from items and payments.

    Attributes:
        discount: An order-level discount on top of the item discounts.
    """

    key = models.CharField(max_length=32, unique=True)
    status = models.CharField(max_length=32, db_index=True)
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT)
    payment_method = models.ForeignKey(
        PaymentMethod, null=True, blank=True, on_delete=models.SET_NULL
    )
    shipping_method = models.ForeignKey(
        ShippingMethod, null=True, blank=True, on_delete=models.SET_NULL
    )
    shipping_cost = models.BigIntegerField(default=0)
    discount = models.BigIntegerField(default=0)
    notes = models.TextField(blank=True)
    extra = models.JSONField(default=dict, blank=True)
    # A default rather than auto_now_add, so that seeding can date orders.
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    billing_country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL
    )
    billing_state = models.ForeignKey(
        State, null=True, blank=True, on_delete=models.SET_NULL
    )
    billing_city = models.ForeignKey(
        City, null=True, blank=True, on_delete=models.SET_NULL
    )
    billing_address = models.TextField(blank=True)
    billing_postal_code = models.CharField(max_length=10, blank=True)
    billing_national_code = models.CharField(max_length=10, null=True, blank=True)
    billing_mobile_number = models.CharField(max_length=16, blank=True)
    billing_first_name = models.CharField(max_length=100, blank=True)
    billing_last_name = models.CharField(max_length=100, blank=True)

    class Meta:
        permissions = [("order_payment", "Can edit order payments (2243)")]


class OrderItem(models.Model):
    """A line of an order with a snapshot of the product at order time."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    product = models.ForeignKey(Product, on_delete=models.PROTECT)
    product_data = models.JSONField(default=dict)
    unit_price = models.BigIntegerField()
    unit_discount = models.BigIntegerField(default=0)
    quantity = models.PositiveIntegerField(default=1)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)


class OrderPayment(models.Model):
    """A payment recorded against an order; only approved ones count as paid."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="payments")
    payment_method = models.ForeignKey(PaymentMethod, on_delete=models.PROTECT)
    approved = models.BooleanField(default=False)
    amount = models.BigIntegerField(
        validators=[MinValueValidator(0), MaxValueValidator(MAX_AMOUNT)]
    )
    transaction_id = models.CharField(max_length=64, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # The client compares this to notice a payment edited by another desk.
    updated_at = models.DateTimeField(auto_now=True)
