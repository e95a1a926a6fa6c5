"""The items and payments table models."""

from typing import Any

import pytest
from PySide6.QtCore import QLocale, QModelIndex, QSortFilterProxyModel, Qt

from orderdesk.models import Order
from orderdesk.views.formatting import Formatter
from orderdesk.views.items_model import ItemColumn, ItemsTableModel
from orderdesk.views.payments_model import PaymentColumn, PaymentsTableModel
from orderdesk.views.table_model import ID_ROLE, SORT_ROLE

ENGLISH = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def item(number: int, **fields: Any) -> dict[str, Any]:
    base = {
        "id": number,
        "product": 100 + number,
        "product_name": f"کالای {number}",
        "product_data": {"sku": f"SKU-{number}", "note": "<b>x</b>"},
        "unit_price": 1000 * number,
        "unit_discount": 0,
        "quantity": 1,
        "notes": "",
        "subtotal": 1000 * number,
        "discount": 0,
        "total": 1000 * number,
        "created_at": "2025-12-28T10:43:38.509103Z",
        "updated_at": "2025-12-28T10:43:38.509103Z",
    }
    return base | fields


@pytest.fixture
def order_with_items(example_order: Order) -> Order:
    data = example_order.model_dump(mode="json")
    data["items"] = [item(3), item(1, unit_price=9_000_000_000), item(2)]
    return Order.model_validate(data)


def test_payments_model_passes_the_model_tester(
    qtmodeltester: Any, example_order: Order
) -> None:
    model = PaymentsTableModel(ENGLISH)
    model.set_rows(example_order.payments)

    qtmodeltester.check(model, force_py=True)


def test_items_model_passes_the_model_tester(
    qtmodeltester: Any, order_with_items: Order
) -> None:
    model = ItemsTableModel(ENGLISH)
    model.set_rows(order_with_items.items)

    qtmodeltester.check(model, force_py=True)


def test_payments_show_money_approval_and_ids(example_order: Order) -> None:
    model = PaymentsTableModel(ENGLISH)
    model.set_rows(example_order.payments)

    def cell(row: int, column: PaymentColumn, role: int = 0) -> Any:
        return model.index(row, column).data(role or Qt.ItemDataRole.DisplayRole)

    assert cell(0, PaymentColumn.AMOUNT) == "500,000 Rial"
    assert "Approved" in cell(0, PaymentColumn.APPROVED)
    assert "Awaiting" in cell(1, PaymentColumn.APPROVED)
    assert "زرین پال" in cell(1, PaymentColumn.METHOD)
    assert "12345678910111213" in cell(1, PaymentColumn.TRANSACTION_ID)
    assert cell(1, PaymentColumn.AMOUNT, ID_ROLE) == 2
    assert model.row_of(2) == 1
    assert model.row_of(99) is None


def test_money_columns_sort_by_value_not_text(order_with_items: Order) -> None:
    model = ItemsTableModel(ENGLISH)
    model.set_rows(order_with_items.items)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)

    proxy.sort(ItemColumn.UNIT_PRICE, Qt.SortOrder.AscendingOrder)

    ids = [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]
    assert ids == [2, 3, 1]


def test_snapshot_tooltip_is_plain_text(order_with_items: Order) -> None:
    model = ItemsTableModel(ENGLISH)
    model.set_rows(order_with_items.items)

    tip = model.index(0, ItemColumn.PRODUCT_NAME).data(Qt.ItemDataRole.ToolTipRole)

    assert "SKU-3" in tip
    assert "<b>" not in tip
    assert "&lt;b&gt;" in tip


def test_no_children_and_no_data_out_of_range(example_order: Order) -> None:
    model = PaymentsTableModel(ENGLISH)
    model.set_rows(example_order.payments)

    assert model.rowCount(model.index(0, 0)) == 0
    assert model.index(5, 0).data() is None
    assert model.data(QModelIndex()) is None
