"""Reading an amount as a cashier types it, on any keyboard layout."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from orderdesk.models import MONEY_MAX

CONTEXT = "AmountInput"

# Persian (U+06F0..U+06F9) and Arabic-Indic (U+0660..U+0669) digits.
_DIGITS = {chr(0x06F0 + n): str(n) for n in range(10)} | {
    chr(0x0660 + n): str(n) for n in range(10)
}
# Group separators as typed on Latin and Persian keyboards, and spaces.
_SEPARATORS = frozenset(",\u066c\u060c\u2019' _\u00a0\u202f\u2009")
_BIDI_MARKS = frozenset("\u200e\u200f\u061c\u2066\u2067\u2068\u2069")


class AmountError(ValueError):
    """The text is not an amount.

    Its message is the untranslated source text of the `AmountInput` context.
    """


def parse_amount(text: str) -> int:
    """Read a whole amount in the smallest currency unit.

    Args:
        text: What the cashier typed: Latin, Persian or Arabic-Indic digits,
            with or without group separators.

    Returns:
        The amount, between 0 and 2^63-1.

    Raises:
        AmountError: The text is empty, holds something that is not a digit,
            or is out of range.
    """
    digits = "".join(
        _DIGITS.get(ch, ch)
        for ch in text
        if ch not in _SEPARATORS and ch not in _BIDI_MARKS
    )
    if not digits:
        raise AmountError(QT_TRANSLATE_NOOP(CONTEXT, "Enter an amount."))
    if digits.startswith(("-", "\u2212")):
        raise AmountError(QT_TRANSLATE_NOOP(CONTEXT, "The amount cannot be negative."))
    if not digits.isascii() or not digits.isdigit():
        raise AmountError(
            QT_TRANSLATE_NOOP(
                CONTEXT, "Use digits only, in the smallest currency unit."
            )
        )

    # Compare lengths first so a pasted wall of digits is not turned into a
    # huge integer just to be refused.
    if len(digits.lstrip("0")) > len(str(MONEY_MAX)) or int(digits) > MONEY_MAX:
        raise AmountError(QT_TRANSLATE_NOOP(CONTEXT, "The amount is too large."))
    return int(digits)
