"""The items table of an order."""

import json
from collections.abc import Sequence
from enum import IntEnum
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QPixmap

from orderdesk.models import ImageData, OrderItem
from orderdesk.views.formatting import Formatter, clean, tooltip_text
from orderdesk.views.i18n import tr
from orderdesk.views.images import ImageSource, NoImages
from orderdesk.views.table_model import RowTableModel, timestamp

ICON_EDGE = 32
_SNAPSHOT_TOOLTIP_LIMIT = 2000


class ItemColumn(IntEnum):
    """The columns of the items table, in display order."""

    PRODUCT_NAME = 0
    PRODUCT = 1
    UNIT_PRICE = 2
    UNIT_DISCOUNT = 3
    QUANTITY = 4
    SUBTOTAL = 5
    DISCOUNT = 6
    TOTAL = 7
    NOTES = 8
    CREATED = 9
    UPDATED = 10


_MONEY = {
    ItemColumn.UNIT_PRICE: "unit_price",
    ItemColumn.UNIT_DISCOUNT: "unit_discount",
    ItemColumn.SUBTOTAL: "subtotal",
    ItemColumn.DISCOUNT: "discount",
    ItemColumn.TOTAL: "total",
}


class ItemsTableModel(RowTableModel[OrderItem]):
    """One row per item of the order shown."""

    Column = ItemColumn
    numeric_columns = frozenset({ItemColumn.PRODUCT, ItemColumn.QUANTITY, *_MONEY})
    icon_edges = MappingProxyType({ItemColumn.PRODUCT_NAME: ICON_EDGE})

    def __init__(
        self,
        formatter: Formatter,
        images: ImageSource | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(formatter, parent)
        self._images: ImageSource = images or NoImages()
        # The image of each snapshot, read once: reading one is a pydantic
        # validation, and Qt asks for icons on every paint. Keyed by the
        # snapshot's identity: items with equal snapshots share one object
        # (`SnapshotSharing`), and so share one image. The rows keep their
        # snapshots alive, and the cache goes with them in `set_rows`, so
        # an identity is never reused while it is a key.
        self._pictures: dict[int, ImageData | None] = {}

    def set_rows(self, rows: Sequence[OrderItem]) -> None:
        """Replace every row, as when a new order document arrives."""
        self._pictures = {}
        super().set_rows(rows)

    def header(self, column: Any) -> str:
        """The translated header of a column."""
        return {
            ItemColumn.PRODUCT_NAME: tr("Product"),
            ItemColumn.PRODUCT: tr("Product ID"),
            ItemColumn.UNIT_PRICE: tr("Unit price"),
            ItemColumn.UNIT_DISCOUNT: tr("Unit discount"),
            ItemColumn.QUANTITY: tr("Quantity"),
            ItemColumn.SUBTOTAL: tr("Subtotal"),
            ItemColumn.DISCOUNT: tr("Discount"),
            ItemColumn.TOTAL: tr("Total"),
            ItemColumn.NOTES: tr("Notes"),
            ItemColumn.CREATED: tr("Created"),
            ItemColumn.UPDATED: tr("Updated"),
        }[column]

    def display(self, row: OrderItem, column: Any) -> str:
        """The text of a cell."""
        fmt = self._formatter
        if column in _MONEY:
            return fmt.money(getattr(row, _MONEY[column]))
        match column:
            case ItemColumn.PRODUCT_NAME:
                return fmt.text(row.product_name)
            case ItemColumn.PRODUCT:
                return fmt.number(row.product)
            case ItemColumn.QUANTITY:
                return fmt.number(row.quantity)
            case ItemColumn.NOTES:
                return fmt.text(row.notes.replace("\n", " "))
            case ItemColumn.CREATED:
                return fmt.date_time(row.created_at)
            case ItemColumn.UPDATED:
                return fmt.date_time(row.updated_at)
        return ""

    def sort_key(self, row: OrderItem, column: Any) -> Any:
        """The raw value of a cell."""
        if column in _MONEY:
            return getattr(row, _MONEY[column])
        match column:
            case ItemColumn.PRODUCT:
                return row.product if row.product is not None else -1
            case ItemColumn.QUANTITY:
                return row.quantity
            case ItemColumn.CREATED:
                return timestamp(row.created_at)
            case ItemColumn.UPDATED:
                return timestamp(row.updated_at)
        return self.display(row, column)

    def row_id(self, row: OrderItem) -> int:
        """The item's id."""
        return row.id

    def tooltip(self, row: OrderItem, column: Any) -> str | None:
        """The product snapshot on the name; the whole note on the notes."""
        if column == ItemColumn.PRODUCT_NAME:
            return tooltip_text(snapshot_text(row.product_data))
        if column == ItemColumn.NOTES and row.notes:
            return tooltip_text(clean(row.notes))
        return None

    def decoration(self, row: OrderItem, column: Any) -> QPixmap | None:
        """The product's thumbnail, when the snapshot carries one."""
        if column != ItemColumn.PRODUCT_NAME:
            return None
        snapshot = row.product_data
        try:
            picture = self._pictures[id(snapshot)]
        except KeyError:
            picture = self._pictures[id(snapshot)] = snapshot_image(snapshot)
        return self._images.pixmap(picture, ICON_EDGE)


def snapshot_text(product_data: Any) -> str | None:
    """The product snapshot as readable text, cut to a sensible length."""
    if product_data in (None, {}, []):
        return None
    try:
        text = json.dumps(product_data, ensure_ascii=False, indent=2, default=str)
    except (TypeError, ValueError):
        text = str(product_data)
    text = clean(text)
    if len(text) > _SNAPSHOT_TOOLTIP_LIMIT:
        text = text[:_SNAPSHOT_TOOLTIP_LIMIT] + "…"
    return text


def snapshot_image(product_data: Any) -> ImageData | None:
    """The image in a product snapshot, if it carries a usable one."""
    if not isinstance(product_data, dict):
        return None
    raw = product_data.get("image")
    if not isinstance(raw, dict):
        return None
    try:
        return ImageData.model_validate(raw)
    except ValueError:
        return None
