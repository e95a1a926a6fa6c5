"""Formatting never raises, and reading an amount raises only `AmountError`.

Every formatter method is fed extreme values: integers past the signed
64-bit range, timestamps at the ends of the calendar, text full of bidi
controls, markup and other scripts' digits.
"""

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale
from PySide6.QtGui import Qt as QtGuiQt

from orderdesk.models import MONEY_MAX
from orderdesk.views.amount_input import AmountError, AmountProblem, parse_amount
from orderdesk.views.formatting import (
    EM_DASH,
    Currency,
    Formatter,
    clean,
    tooltip_text,
)
from orderdesk.views.items_model import snapshot_text
from orderdesk.views.totals_panel import outstanding_text

from .strategies import (
    ARABIC_INDIC_DIGITS,
    BIDI_CONTROLS,
    PERSIAN_DIGITS,
    edge_ints,
    hostile_text,
    json_value,
)

# Qt is involved: no per-example deadline, whatever the machine's load.
FAST = settings(max_examples=150, deadline=None)

FORMATTERS = [
    Formatter(QLocale(language, country), currency)
    for language, country in (
        (QLocale.Language.English, QLocale.Country.UnitedStates),
        (QLocale.Language.Persian, QLocale.Country.Iran),
    )
    for currency in Currency
]
formatters = st.sampled_from(FORMATTERS)

zones = st.one_of(
    st.none(),
    st.just(UTC),
    st.builds(
        lambda minutes: timezone(timedelta(minutes=minutes)),
        st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1),
    ),
)
moments = st.one_of(
    st.none(),
    st.datetimes(timezones=zones),
    st.sampled_from([datetime.min, datetime.max]).flatmap(
        lambda edge: zones.map(lambda zone: edge.replace(tzinfo=zone))
    ),
)

_OVERRIDES = set("\u202a\u202b\u202c\u202d\u202e")


@FAST
@given(formatters, st.one_of(st.none(), hostile_text))
@example(FORMATTERS[0], "\u202eevil\u202c name")
def test_server_text_is_isolated_and_cannot_reorder_its_neighbours(
    formatter: Formatter, text: str | None
) -> None:
    for shown in (formatter.text(text), formatter.latin(text)):
        if not shown:
            continue
        # One direction mark, one isolate, the text, and the isolate's end.
        inner = shown[2:-1]
        assert shown[0] in "\u200e\u200f"
        assert shown[1] in "\u2066\u2068"
        assert shown[-1] == "\u2069"
        assert not set(inner) & set(BIDI_CONTROLS)
        assert inner == clean(text)


@FAST
@given(formatters, st.one_of(st.none(), edge_ints))
def test_numbers_and_money_are_always_shown(
    formatter: Formatter, value: int | None
) -> None:
    for shown in (formatter.number(value), formatter.money(value)):
        assert isinstance(shown, str)
        assert shown
    if value is not None:
        assert formatter.money_figure(value)
        assert outstanding_text(formatter, value)


@FAST
@given(formatters, st.integers(min_value=-MONEY_MAX, max_value=MONEY_MAX))
def test_money_in_range_is_never_a_dash(formatter: Formatter, amount: int) -> None:
    assert formatter.money(amount) != EM_DASH
    assert EM_DASH not in outstanding_text(formatter, amount)


@FAST
@given(formatters, moments)
def test_timestamps_are_always_shown(
    formatter: Formatter, moment: datetime | None
) -> None:
    assert formatter.date_time(moment)
    assert formatter.currency_unit()


@FAST
@given(hostile_text)
@example("<img src=http://127.0.0.1:1/x.png>")
def test_tooltips_show_markup_as_text(text: str) -> None:
    tooltip = tooltip_text(text)
    if not text:
        assert tooltip is None
        return
    assert tooltip is not None
    # Everything the server wrote is escaped: no tag of its own survives.
    assert "<img" not in tooltip
    assert "<b>" not in tooltip
    assert QtGuiQt.mightBeRichText(tooltip) or tooltip == text


@FAST
@given(json_value)
@example({"name": "\u202eevil", "html": "<b>x</b>", "n": 2**70})
@example([float("nan"), float("inf")])
def test_a_product_snapshot_always_reads_as_text(product_data: Any) -> None:
    text = snapshot_text(product_data)
    assert text is None or isinstance(text, str)
    if text:
        assert not set(text) & _OVERRIDES


@FAST
@given(hostile_text)
@example("-5")
@example("1" * 10_000)
@example("٩" * 19)
@example("١٢٣٫٤")
@example("²")
@example("１２３")
def test_an_amount_is_read_or_refused_with_amount_error(text: str) -> None:
    try:
        amount = parse_amount(text)
    except AmountError:
        return
    assert type(amount) is int
    assert 0 <= amount <= MONEY_MAX


def _in_script(text: str, digits: str) -> str:
    return text.translate(str.maketrans("0123456789", digits))


@FAST
@given(
    st.integers(min_value=0, max_value=MONEY_MAX),
    st.sampled_from(["0123456789", PERSIAN_DIGITS, ARABIC_INDIC_DIGITS]),
    st.sampled_from([",", "٬", "، ", " ", "\u202f", ""]),
    st.sampled_from(["", "\u200f", "\u2066"]),
)
def test_any_written_amount_reads_back(
    amount: int, digits: str, separator: str, mark: str
) -> None:
    written = mark + _in_script(f"{amount:,}".replace(",", separator), digits)

    assert parse_amount(written) == amount


@FAST
@given(st.integers(min_value=MONEY_MAX + 1))
def test_an_amount_past_the_limit_is_too_large(amount: int) -> None:
    with pytest.raises(AmountError) as refused:
        parse_amount(str(amount))
    assert refused.value.problem is AmountProblem.TOO_LARGE


def test_the_formatters_cover_both_directions() -> None:
    directions = {f.is_right_to_left for f in FORMATTERS}
    assert directions == {True, False}
