"""What the store hands back, and the sealed record of one cached order's row."""

from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, ConfigDict

from orderdesk.models import Customer, Order, OrderSummary
from orderdesk.store import index


@dataclass(frozen=True, slots=True)
class CachedOrder:
    """An order document as it was fetched.

    Attributes:
        order: The document, unknown fields included.
        fetched_at: When the server answered it (aware, UTC).
    """

    order: Order
    fetched_at: datetime


@dataclass(frozen=True, slots=True)
class CachedSummary:
    """One row of the offline order list.

    Attributes:
        id: The order id.
        key: The order's key.
        status: The order's status as the server named it.
        customer_name: The customer's name, else the billing name.
        mobile: The billing mobile number, else the customer's.
        total: The order's total, if known.
        amount_paid: The approved payments' sum, if known.
        amount_outstanding: `total - amount_paid`, if known.
        is_paid: Whether the server counted the order paid, if known.
        created_at: When the order was placed, if known.
        fetched_at: When this row's data was fetched (aware, UTC).
        has_document: Whether the whole order is cached and can be opened.
    """

    id: int
    key: str
    status: str
    customer_name: str
    mobile: str
    total: int | None
    amount_paid: int | None
    amount_outstanding: int | None
    is_paid: bool | None
    created_at: datetime | None
    fetched_at: datetime
    has_document: bool


@dataclass(frozen=True, slots=True)
class CachedPage:
    """A page of the order list as it was fetched.

    Attributes:
        summaries: The page's rows that are still cached, in the page's order.
        count: The number of orders the server reported for the whole query.
        has_next: Whether the server had a further page.
        fetched_at: When the page was fetched (aware, UTC).
    """

    summaries: list[CachedSummary]
    count: int
    has_next: bool
    fetched_at: datetime


class SummaryRecord(BaseModel):
    """The sealed part of a cached order's row: what lists show and search.

    Never written unencrypted. `names`, `mobiles` and `national_code` exist to
    recompute the row's search terms, so its old tokens can be removed.
    """

    model_config = ConfigDict(frozen=True, extra="ignore")

    key: str = ""
    customer_name: str = ""
    mobile: str = ""
    names: list[str] = []
    mobiles: list[str] = []
    national_code: str | None = None
    total: int | None = None
    amount_paid: int | None = None
    amount_outstanding: int | None = None
    created_at: datetime | None = None

    def terms(self) -> set[str]:
        """Every search term of this row (see `orderdesk.store.index`)."""
        found = index.text_terms(self.key)
        for name in self.names:
            found |= index.text_terms(name)
        for number in self.mobiles:
            found |= index.mobile_terms(number)
        if self.national_code:
            found |= index.exact_terms(self.national_code)
        return found


def _display_name(customer: Customer | None, first: str, last: str) -> str:
    name = customer.display_name if customer is not None else ""
    return name or " ".join(p for p in (first, last) if p.strip())


def _names(customer: Customer | None, first: str, last: str) -> list[str]:
    names = [first, last]
    if customer is not None:
        names += [customer.first_name, customer.last_name, customer.full_name]
    return list(dict.fromkeys(n for n in names if n.strip()))


def _mobiles(customer: Customer | None, billing: str) -> list[str]:
    numbers = [billing, customer.mobile_number if customer is not None else ""]
    return list(dict.fromkeys(n for n in numbers if n.strip()))


def record_of(document: Order | OrderSummary) -> SummaryRecord:
    """The list row of an order or of a list entry."""
    customer = document.customer_data
    first, last = document.billing_first_name, document.billing_last_name
    mobiles = _mobiles(customer, document.billing_mobile_number)
    if isinstance(document, Order):
        national_code = document.billing_national_code
    else:
        # The list endpoint may or may not send it; unknown fields are kept.
        extra = document.model_extra or {}
        code = extra.get("billing_national_code")
        national_code = code if isinstance(code, str) else None

    return SummaryRecord(
        key=document.key,
        customer_name=_display_name(customer, first, last),
        mobile=mobiles[0] if mobiles else "",
        names=_names(customer, first, last),
        mobiles=mobiles,
        national_code=national_code or None,
        total=document.total,
        amount_paid=document.amount_paid,
        amount_outstanding=document.amount_outstanding,
        created_at=document.created_at,
    )
