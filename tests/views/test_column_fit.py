"""Columns fitted from the text of their first rows."""

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QTableView, QWidget
from pytestqt.qtbot import QtBot

from orderdesk.models import Order
from orderdesk.views.column_fit import fit_columns_once
from orderdesk.views.formatting import Formatter
from orderdesk.views.payments_model import PaymentColumn, PaymentsTableModel
from orderdesk.views.widgets import read_only_table

ENGLISH = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
PERSIAN = Formatter(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1200, 300)
    window.show()
    return window


def shown_table(window: QWidget, model: PaymentsTableModel) -> QTableView:
    table = read_only_table(model, window)
    table.resize(1200, 300)
    table.show()
    return table


@pytest.mark.parametrize("formatter", [ENGLISH, PERSIAN], ids=["en", "fa"])
def test_every_cell_fits_as_qt_would_measure_it(
    window: QWidget, example_order: Order, formatter: Formatter
) -> None:
    model = PaymentsTableModel(formatter)
    model.set_rows(example_order.payments)
    table = shown_table(window, model)

    fit_columns_once(table, model, max_width=1000)

    header = table.horizontalHeader()
    for column in PaymentColumn:
        # Qt's own measure asks the delegate; no icon has loaded here.
        needed = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        assert header.sectionSize(column) >= needed, column.name


def test_an_icon_column_keeps_room_for_its_icon(
    window: QWidget, example_order: Order
) -> None:
    model = PaymentsTableModel(ENGLISH)
    model.set_rows(example_order.payments)
    table = shown_table(window, model)

    fit_columns_once(table, model, max_width=1000)

    method = PaymentColumn.METHOD
    text_only = table.sizeHintForColumn(method)
    assert table.horizontalHeader().sectionSize(method) >= (
        text_only + model.icon_edges[method]
    )


def test_widths_are_capped_and_fitted_once(
    window: QWidget, example_order: Order
) -> None:
    model = PaymentsTableModel(ENGLISH)
    model.set_rows(example_order.payments)
    table = shown_table(window, model)
    header = table.horizontalHeader()

    fit_columns_once(table, model, max_width=40, skip={PaymentColumn.NOTES})
    widths = [header.sectionSize(column) for column in PaymentColumn]
    header.resizeSection(PaymentColumn.AMOUNT, 300)
    fit_columns_once(table, model, max_width=40)

    assert max(widths[: PaymentColumn.NOTES]) == 40
    assert header.sectionSize(PaymentColumn.AMOUNT) == 300


def test_an_empty_table_waits_for_rows(window: QWidget, example_order: Order) -> None:
    model = PaymentsTableModel(ENGLISH)
    table = shown_table(window, model)

    fit_columns_once(table, model, max_width=1000)
    model.set_rows(example_order.payments)
    fit_columns_once(table, model, max_width=1000)

    assert table.property("columns_fitted")
    amount = PaymentColumn.AMOUNT
    assert table.horizontalHeader().sectionSize(amount) >= table.sizeHintForColumn(
        amount
    )
