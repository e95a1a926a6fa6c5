"""Payment methods, shipping methods and places: small reference documents."""

from orderdesk.models.base import ApiDocument, Text
from orderdesk.models.media import ImageData


class PaymentMethod(ApiDocument):
    """A way to pay, such as cash on delivery or a payment gateway."""

    id: int
    name: Text = ""
    image: ImageData | None = None


class ShippingMethod(ApiDocument):
    """A way to deliver an order."""

    id: int
    name: Text = ""
    image: ImageData | None = None


class Country(ApiDocument):
    """A billing country."""

    id: int
    name: Text = ""
    code: Text = ""


class State(ApiDocument):
    """A billing state or province."""

    id: int
    name: Text = ""
    code: Text = ""


class City(ApiDocument):
    """A billing city."""

    id: int
    name: Text = ""


class Customer(ApiDocument):
    """The account that placed an order."""

    id: int
    username: Text = ""
    mobile_number: Text = ""
    first_name: Text = ""
    last_name: Text = ""
    full_name: Text = ""

    @property
    def display_name(self) -> str:
        """The full name, built from its parts when the server left it empty."""
        if self.full_name.strip():
            return self.full_name
        return " ".join(p for p in (self.first_name, self.last_name) if p.strip())
