"""The partial update of a payment: the body of the PATCH request."""

from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    model_validator,
)

from orderdesk.models.money import MONEY_MAX
from orderdesk.models.order import OrderPayment

Amount = Annotated[StrictInt, Field(ge=0, le=MONEY_MAX)]


class PaymentUpdate(BaseModel):
    """A strict, partial update of a payment.

    A field that was not set is not sent; a field set to an empty string is
    sent as one (that is how a cashier clears the notes). `None` is never a
    valid value: the API has no way to null these fields.

    Attributes:
        payment_method: Id of the payment method.
        amount: The amount in the smallest currency unit.
        approved: Whether the payment is approved.
        transaction_id: The external transaction identifier.
        notes: Free notes about the payment.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    payment_method: StrictInt | None = None
    amount: Amount | None = None
    approved: StrictBool | None = None
    transaction_id: StrictStr | None = None
    notes: StrictStr | None = None

    @model_validator(mode="before")
    @classmethod
    def _refuse_null(cls, data: Any) -> Any:
        if isinstance(data, dict):
            nulls = sorted(name for name, value in data.items() if value is None)
            if nulls:
                raise ValueError(f"fields cannot be null: {', '.join(nulls)}")
        return data

    def body(self) -> dict[str, Any]:
        """The JSON body to send: only the fields that were set."""
        return self.model_dump(mode="json", exclude_unset=True)

    @property
    def is_empty(self) -> bool:
        """Whether the update would change nothing."""
        return not self.model_fields_set

    @classmethod
    def between(cls, original: OrderPayment, **values: Any) -> Self:
        """Build the update that holds only the values that differ.

        Args:
            original: The payment as it was shown to the user.
            **values: Field names of this model and the values the user chose.

        Returns:
            An update with the fields whose values differ from `original`.
        """
        current = original.editable_values()
        unknown = set(values) - set(current)
        if unknown:
            raise TypeError(f"not fields of a payment update: {sorted(unknown)}")

        changed = {k: v for k, v in values.items() if v != current[k]}
        return cls.model_validate(changed)

    def applied_to(self, payment: OrderPayment) -> OrderPayment:
        """The payment as it would read after this update (for previews).

        The payment method is left as it was: only its id is known here.
        """
        fields = {k: v for k, v in self.body().items() if k != "payment_method"}
        return payment.model_copy(update=fields)
