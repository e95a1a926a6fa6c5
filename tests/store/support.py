"""Helpers of the store tests: made-up orders and the data they must hide."""

from pathlib import Path

from orderdesk.models import Customer, Order, OrderSummary

ORIGIN = "https://shop.example.com"
ACCOUNT = "cashier-1"

# A known Persian name, mobile number and national code: none of them may
# ever appear in the bytes of a cache file.
PERSIAN_NAME = "بهروز"
MOBILE = "09308744204"
NATIONAL_CODE = "0499370899"


def make_order(
    base: Order,
    order_id: int,
    *,
    first: str = "پدرام",
    last: str = "زمانی",
    mobile: str = "09121234567",
    national_code: str | None = None,
    key: str | None = None,
    status: str = "pending",
    is_paid: bool = False,
) -> Order:
    """A copy of the example order with another identity and customer."""
    customer = Customer(
        id=order_id,
        username=f"user{order_id}",
        mobile_number=mobile,
        first_name=first,
        last_name=last,
        full_name=f"{first} {last}",
    )
    return base.model_copy(
        update={
            "id": order_id,
            "key": key if key is not None else f"{order_id:020x}",
            "status": status,
            "is_paid": is_paid,
            "customer_data": customer,
            "billing_first_name": first,
            "billing_last_name": last,
            "billing_mobile_number": mobile,
            "billing_national_code": national_code,
        }
    )


def summary_of(order: Order) -> OrderSummary:
    """The list entry the server would send for an order."""
    fields = set(OrderSummary.model_fields)
    return OrderSummary.model_validate(
        {k: v for k, v in order.model_dump().items() if k in fields}
    )


def cache_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative name, with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
