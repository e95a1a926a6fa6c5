"""Reading an amount as a cashier types it, on any keyboard layout."""

from enum import Enum

from orderdesk.models import MONEY_MAX

# Persian (U+06F0..U+06F9) and Arabic-Indic (U+0660..U+0669) digits.
_DIGITS = {chr(0x06F0 + n): str(n) for n in range(10)} | {
    chr(0x0660 + n): str(n) for n in range(10)
}
# Group separators as typed on Latin and Persian keyboards, and spaces.
_SEPARATORS = frozenset(",\u066c\u060c\u2019' _\u00a0\u202f\u2009")
_BIDI_MARKS = frozenset("\u200e\u200f\u061c\u2066\u2067\u2068\u2069")


class AmountProblem(Enum):
    """Why a text is not an amount."""

    EMPTY = "empty"
    NEGATIVE = "negative"
    NOT_DIGITS = "not digits"
    TOO_LARGE = "too large"


class AmountError(ValueError):
    """The text is not an amount.

    Attributes:
        problem: What is wrong, for the view to say in the user's language.
    """

    def __init__(self, problem: AmountProblem) -> None:
        super().__init__(f"not an amount: {problem.value}")
        self.problem = problem


def normalise_digits(text: str) -> str:
    """The text with Persian and Arabic-Indic digits made Latin."""
    return "".join(_DIGITS.get(ch, ch) for ch in text)


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
        raise AmountError(AmountProblem.EMPTY)
    if digits.startswith(("-", "\u2212")):
        raise AmountError(AmountProblem.NEGATIVE)
    if not digits.isascii() or not digits.isdigit():
        raise AmountError(AmountProblem.NOT_DIGITS)

    # Compare lengths first so a pasted wall of digits is not turned into a
    # huge integer just to be refused.
    if len(digits.lstrip("0")) > len(str(MONEY_MAX)) or int(digits) > MONEY_MAX:
        raise AmountError(AmountProblem.TOO_LARGE)
    return int(digits)
