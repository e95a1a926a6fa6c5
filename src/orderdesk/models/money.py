"""Money as integers in the smallest currency unit, never floats.

The API documents payment and item money as integers but the order's computed
totals and `shipping_cost` as "Number". A DRF `DecimalField` serialises as a
string ("75000.00") and a `FloatField` as a float, so reading accepts those
forms as long as they hold a whole number; anything fractional is refused
rather than rounded, because a silently rounded price is worse than an error.
"""

from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator

MONEY_MIN = -(2**63)
MONEY_MAX = 2**63 - 1
_MAX_DIGITS = len(str(MONEY_MAX))


def to_money(value: Any) -> int:
    """Turn a JSON number or numeric string into an integer amount.

    Args:
        value: The value as it arrived in the JSON document.

    Returns:
        The amount as an `int`.

    Raises:
        ValueError: The value is not a whole number within a signed 64-bit range.
    """
    if isinstance(value, bool):
        raise ValueError("money cannot be a boolean")

    if isinstance(value, int):
        amount = value
    elif isinstance(value, float | str):
        amount = _whole_number(value)
    else:
        raise ValueError(f"money must be a number, not {type(value).__name__}")

    if not MONEY_MIN <= amount <= MONEY_MAX:
        raise ValueError("money is outside the signed 64-bit range")
    return amount


def _whole_number(value: float | str) -> int:
    try:
        exact = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError("money is not a number") from None

    if not exact.is_finite() or exact != exact.to_integral_value():
        raise ValueError("money must be a whole number of the smallest unit")
    # "1e99999999" is a short string but a hundred-million-digit integer:
    # refuse it by its exponent before `int()` spends minutes building it.
    if exact and exact.adjusted() > _MAX_DIGITS:
        raise ValueError("money is outside the signed 64-bit range")
    return int(exact)


Money = Annotated[int, BeforeValidator(to_money)]
"""An amount in the smallest currency unit, read tolerantly, held as `int`."""
