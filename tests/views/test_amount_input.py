"""Amounts as cashiers type them, on Latin, Persian and Arabic keyboards."""

import pytest

from orderdesk.views.amount_input import AmountError, parse_amount


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("0", 0),
        ("9800", 9800),
        ("1,250,000", 1250000),
        ("۱۲۵۰۰۰۰", 1250000),
        ("۱٬۲۵۰٬۰۰۰", 1250000),
        ("١٢٥٠٠٠٠", 1250000),
        ("١٬٢٥٠٬٠٠٠", 1250000),
        (" 12 500 ", 12500),
        ("\u200e۵۰۰", 500),
        ("9223372036854775807", 2**63 - 1),
        ("0009", 9),
    ],
)
def test_readable_amounts(typed: str, amount: int) -> None:
    assert parse_amount(typed) == amount


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "-5",
        "\u22125",
        "12.5",
        "12a",
        "9223372036854775808",
        "9" * 5000,
        "²",
        "۱۲.۵",
    ],
)
def test_unreadable_amounts(typed: str) -> None:
    with pytest.raises(AmountError):
        parse_amount(typed)
