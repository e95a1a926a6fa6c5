"""Money, numbers, dates and server text as people see them."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale

from orderdesk.views.formatting import (
    EM_DASH,
    Currency,
    Formatter,
    clean,
    tooltip_text,
)

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
PERSIAN = QLocale(QLocale.Language.Persian, QLocale.Country.Iran)


@pytest.mark.parametrize(
    ("locale", "currency", "amount", "shown"),
    [
        (ENGLISH, Currency.RIAL, 1250000, "1,250,000 Rial"),
        (ENGLISH, Currency.TOMAN, 1250000, "125,000 Toman"),
        (ENGLISH, Currency.TOMAN, 9805, "980.5 Toman"),
        (ENGLISH, Currency.TOMAN, -75000, "-7,500 Toman"),
        (ENGLISH, Currency.RIAL, 2**63 - 1, "9,223,372,036,854,775,807 Rial"),
        (PERSIAN, Currency.RIAL, 1250000, "۱٬۲۵۰٬۰۰۰ Rial"),
    ],
)
def test_money(
    qapp: object, locale: QLocale, currency: Currency, amount: int, shown: str
) -> None:
    assert Formatter(locale, currency).money(amount) == shown


def test_missing_values_are_dashes(qapp: object) -> None:
    formatter = Formatter(ENGLISH)

    assert formatter.money(None) == EM_DASH
    assert formatter.number(None) == EM_DASH
    assert formatter.date_time(None) == EM_DASH


def test_dates_follow_the_calendar_of_the_language(qapp: object) -> None:
    moment = datetime(2025, 12, 27, 12, 0, tzinfo=UTC)

    persian = Formatter(PERSIAN).date_time(moment)
    english = Formatter(ENGLISH).date_time(moment)

    assert "۱۴۰۴" in persian
    assert "25" in english
    assert "12" in english


def test_right_to_left_follows_the_locale(qapp: object) -> None:
    assert Formatter(PERSIAN).is_right_to_left
    assert not Formatter(ENGLISH).is_right_to_left


@pytest.mark.parametrize(
    "hostile",
    ["\u202eپدرام", "پدرام\u202d", "\u2066x\u2069", "\u200fعلی\u061c"],
)
def test_bidi_controls_are_removed(hostile: str) -> None:
    cleaned = clean(hostile)

    assert not {"\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\u061c"} & set(
        cleaned
    )


def test_values_take_the_direction_of_the_interface(qapp: object) -> None:
    english, persian = Formatter(ENGLISH), Formatter(PERSIAN)

    assert english.text("پدرام") == "\u200e\u2068پدرام\u2069"
    assert persian.text("Pedram") == "\u200f\u2068Pedram\u2069"
    assert persian.latin("09123456789") == "\u200f\u206609123456789\u2069"
    assert english.text("\u202e") == ""
    assert english.latin(None) == ""


def test_tooltips_never_become_rich_text(qapp: object) -> None:
    shown = tooltip_text('<img src="http://evil/x.png"> <b>bold</b>')

    assert shown is not None
    assert "<img" not in shown
    assert "&lt;img" in shown
    assert tooltip_text("") is None
