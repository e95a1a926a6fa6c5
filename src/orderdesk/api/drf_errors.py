"""Reading the many shapes of a DRF error body.

DRF answers a refused request with whatever shape its serializer produced:

- `{"field": ["message", ...]}` or `{"field": "message"}`;
- `{"non_field_errors": [...]}` (or a project's renamed key, see
  `NON_FIELD_KEYS`) and `{"detail": "..."}`;
- nested serializers: `{"field": {"sub": ["message"]}}`;
- list serializers: `{"items": [{}, {"amount": ["message"]}]}`, where `{}`
  marks an element without errors;
- a bare top-level list of messages from `raise ValidationError("...")`.

Everything is flattened into field messages with dotted keys and messages
that belong to no field. Keys are field names, never message text, so the
result does not depend on the server's language.
"""

from dataclasses import dataclass, field
from typing import Any

NON_FIELD_KEYS = frozenset({"non_field_errors", "detail", "__all__"})
"""Top-level keys whose messages belong to no field."""


@dataclass
class FieldMessages:
    """Messages of a refused request, by field.

    Attributes:
        field_errors: Messages by dotted field name, in the server's order.
        non_field_errors: Messages that belong to no field.
    """

    field_errors: dict[str, list[str]] = field(default_factory=dict)
    non_field_errors: list[str] = field(default_factory=list)

    def add(self, key: str | None, message: str) -> None:
        """Add one message, to a field or (key None) to no field."""
        if key is None:
            self.non_field_errors.append(message)
        else:
            self.field_errors.setdefault(key, []).append(message)


def read_error_body(body: Any) -> FieldMessages:
    """Flatten a decoded DRF error body.

    Args:
        body: The decoded JSON of a 400 answer, of any shape.

    Returns:
        The messages by field and those that belong to no field.
    """
    messages = FieldMessages()

    if isinstance(body, dict):
        for key, value in body.items():
            target = None if str(key) in NON_FIELD_KEYS else str(key)
            _collect(messages, target, value)
    else:
        # A bare list (or a lone string) comes from a ValidationError raised
        # outside any field.
        _collect(messages, None, body)
    return messages


def _collect(messages: FieldMessages, key: str | None, value: Any) -> None:
    """Add the messages under `value` to `key`, descending into nesting."""
    if isinstance(value, dict):
        for sub_key, sub_value in value.items():
            sub_key = str(sub_key)
            if sub_key in NON_FIELD_KEYS:
                # A nested object's own errors belong to the field holding it.
                _collect(messages, key, sub_value)
            else:
                _collect(messages, _join(key, sub_key), sub_value)

    elif isinstance(value, list):
        nested = any(isinstance(item, dict | list) for item in value)
        for index, item in enumerate(value):
            if nested and isinstance(item, dict | list):
                _collect(messages, _join(key, str(index)), item)
            else:
                _collect(messages, key, item)

    elif value is not None:
        messages.add(key, str(value))


def _join(prefix: str | None, key: str) -> str:
    return key if prefix is None else f"{prefix}.{key}"
