"""Helpers of the store tests: an in-memory keyring and made-up orders."""

from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError

from orderdesk.models import Customer, Order, OrderSummary

ORIGIN = "https://shop.example.com"
ACCOUNT = "cashier-1"

# A known Persian name, mobile number and national code: none of them may
# ever appear in the bytes of a cache file.
PERSIAN_NAME = "بهروز"
MOBILE = "09308744204"
NATIONAL_CODE = "0499370899"


class MemoryKeyring(KeyringBackend):
    """A secure-looking keyring that keeps passwords in a dict."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class LockedKeyring(MemoryKeyring):
    """A keyring whose user declined to unlock it."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("locked")


class StubbornKeyring(MemoryKeyring):
    """A keyring that claims a delete failed and keeps the password."""

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError("access denied")


class PlaintextKeyring(MemoryKeyring):
    """Looks like keyrings.alt's plaintext file backend."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


class LowPriorityKeyring(MemoryKeyring):
    """A backend keyring itself ranks as a last resort."""

    priority = 0.5  # type: ignore[assignment]


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
