"""The items and payments table models."""

import json
from typing import Any

import pytest
from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from orderdesk.models import ImageData, Order, read_order_in_slices
from orderdesk.views.formatting import Formatter
from orderdesk.views.items_model import ItemColumn, ItemsTableModel
from orderdesk.views.order_view import OrderView
from orderdesk.views.payments_model import PaymentColumn, PaymentsTableModel
from orderdesk.views.table_model import ID_ROLE

DECORATION = Qt.ItemDataRole.DecorationRole
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


def shown_ids(model: ItemsTableModel | PaymentsTableModel) -> list[int]:
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def test_money_columns_sort_by_value_not_text(order_with_items: Order) -> None:
    model = ItemsTableModel(ENGLISH)
    model.set_rows(order_with_items.items)

    model.sort(ItemColumn.UNIT_PRICE, Qt.SortOrder.AscendingOrder)
    ascending = shown_ids(model)
    model.sort(ItemColumn.UNIT_PRICE, Qt.SortOrder.DescendingOrder)
    descending = shown_ids(model)
    model.sort(-1)

    # As text, "9,000,000,000 Rial" would sort before "2,000 Rial".
    assert ascending == [2, 3, 1]
    assert descending == [1, 3, 2]
    assert shown_ids(model) == [3, 1, 2]


def test_equal_values_keep_the_document_order_either_way(
    order_with_items: Order,
) -> None:
    model = ItemsTableModel(ENGLISH)
    model.set_rows(order_with_items.items)

    model.sort(ItemColumn.QUANTITY, Qt.SortOrder.AscendingOrder)
    ascending = shown_ids(model)
    model.sort(ItemColumn.QUANTITY, Qt.SortOrder.DescendingOrder)

    assert ascending == [3, 1, 2]
    assert shown_ids(model) == [3, 1, 2]


def test_a_new_document_shows_in_the_chosen_sort(order_with_items: Order) -> None:
    model = ItemsTableModel(ENGLISH)
    model.sort(ItemColumn.UNIT_PRICE, Qt.SortOrder.DescendingOrder)

    model.set_rows(order_with_items.items)

    assert shown_ids(model) == [1, 3, 2]


def test_kept_indexes_follow_their_rows_through_a_sort(
    order_with_items: Order,
) -> None:
    model = ItemsTableModel(ENGLISH)
    model.set_rows(order_with_items.items)
    # Item 1 is in row 1 and goes to the last row: what a selection holds.
    kept = QPersistentModelIndex(model.index(1, ItemColumn.TOTAL))

    model.sort(ItemColumn.UNIT_PRICE, Qt.SortOrder.AscendingOrder)

    assert kept.row() == 2
    assert kept.column() == ItemColumn.TOTAL
    assert kept.data(ID_ROLE) == 1


def test_a_sorted_model_passes_the_model_tester(
    qtmodeltester: Any, order_with_items: Order
) -> None:
    model = ItemsTableModel(ENGLISH)
    model.set_rows(order_with_items.items)
    qtmodeltester.check(model, force_py=True)

    # The tester watches the layout change and the indexes it keeps.
    model.sort(ItemColumn.TOTAL, Qt.SortOrder.DescendingOrder)
    model.sort(ItemColumn.PRODUCT_NAME, Qt.SortOrder.AscendingOrder)
    model.sort(-1)

    assert shown_ids(model) == [3, 1, 2]


def test_the_order_view_sorts_by_header_and_selects_in_sorted_rows(
    qtbot: QtBot, example_order: Order
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    view = OrderView(ENGLISH, parent=parent)
    view.set_order(example_order)
    table = view.payments_table
    first, second = (p.id for p in example_order.payments)

    # Clicking a header sorts; the amounts are 500,000 and 9,800.
    table.sortByColumn(PaymentColumn.AMOUNT, Qt.SortOrder.AscendingOrder)
    assert view.select_payment(first)
    selected = view.selected_payment_id()
    view.set_order(example_order)

    assert table.model() is view.payments_model
    assert shown_ids(view.payments_model) == [second, first]
    assert selected == first
    assert table.currentIndex().row() == 1


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


class SeenImages:
    """An image source that notes which images it was asked for."""

    def __init__(self) -> None:
        self.asked: list[ImageData | None] = []

    def pixmap(self, image: ImageData | None, edge: int) -> QPixmap | None:
        self.asked.append(image)
        return None


def test_items_with_one_shared_snapshot_ask_for_one_image(
    example_order: Order,
) -> None:
    pen = {"sku": "pen", "image": {"id": 7, "f": "https://shop.example/pen.jpg"}}
    book = {"sku": "book", "image": {"id": 8, "f": "https://shop.example/book.jpg"}}
    data = example_order.model_dump(mode="json")
    data["items"] = [item(n, product_data=pen if n % 2 else book) for n in range(1, 7)]
    # Read as the client reads an answer: equal snapshots become one object.
    order = read_order_in_slices(json.dumps(data).encode(), sliced_from=0)
    images = SeenImages()
    model = ItemsTableModel(ENGLISH, images)
    model.set_rows(order.items)

    for row in range(model.rowCount()):
        model.data(model.index(row, ItemColumn.PRODUCT_NAME), DECORATION)

    ids = [image.id for image in images.asked if image is not None]
    assert ids == [7, 8, 7, 8, 7, 8]
    assert images.asked[0] is images.asked[2] is images.asked[4]
    assert images.asked[1] is images.asked[3] is images.asked[5]
    assert images.asked[0] is not images.asked[1]


def test_a_new_document_reads_its_images_anew(example_order: Order) -> None:
    snapshot = {"image": {"id": 7, "f": "https://shop.example/pen.jpg"}}
    data = example_order.model_dump(mode="json")
    data["items"] = [item(1, product_data=snapshot)]
    images = SeenImages()
    model = ItemsTableModel(ENGLISH, images)

    for name in ("first", "second"):
        data["items"][0]["product_data"]["image"]["name"] = name
        model.set_rows(Order.model_validate(data).items)
        model.data(model.index(0, ItemColumn.PRODUCT_NAME), DECORATION)

    assert [image.name for image in images.asked if image is not None] == [
        "first",
        "second",
    ]


ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.EditRole,
    ID_ROLE,
]


@pytest.mark.parametrize("kind", ["items", "payments"])
def test_every_role_of_a_cell_in_one_call_is_what_data_gives(
    order_with_items: Order, kind: str
) -> None:
    model: ItemsTableModel | PaymentsTableModel
    if kind == "items":
        model = ItemsTableModel(ENGLISH)
        model.set_rows(order_with_items.items)
    else:
        model = PaymentsTableModel(ENGLISH)
        model.set_rows(order_with_items.payments)

    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in ROLES:
                in_span, alone = QModelRoleData(int(role)), QModelRoleData(int(role))
                model.multiData(index, QModelRoleDataSpan(in_span))
                model.multiData(index, alone)
                expected = model.data(index, role)
                assert in_span.data() == alone.data() == expected, (row, column, role)
