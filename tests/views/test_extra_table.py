"""The order's extra data as key and value rows of plain text."""

import pytest
from pytestqt.qtbot import QtBot

from orderdesk.views.extra_table import ExtraTable


@pytest.mark.parametrize(
    ("extra", "rows"),
    [
        ({"some": "data"}, [("some", "data")]),
        (
            {"register": 2, "tags": ["a", "ب"]},
            [("register", "2"), ("tags", '["a", "ب"]')],
        ),
        ({"note": "<b>x</b>\u202e"}, [("note", "<b>x</b>")]),
        (None, []),
        ({}, []),
        ("free text", [("—", "free text")]),
    ],
)
def test_rows(qtbot: QtBot, extra: object, rows: list[tuple[str, str]]) -> None:
    table = ExtraTable()
    qtbot.addWidget(table)

    table.set_extra(extra)

    assert table.values() == rows


def test_long_values_are_cut(qtbot: QtBot) -> None:
    table = ExtraTable()
    qtbot.addWidget(table)

    table.set_extra({"blob": "x" * 10_000})

    assert len(table.values()[0][1]) < 600
