"""The order's `extra` data as rows of key and value."""

import json

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from orderdesk.views.formatting import EM_DASH, clean
from orderdesk.views.i18n import tr

MAX_VALUE_CHARS = 500


class ExtraTable(QTableWidget):
    """Shows free-form order data; every cell is plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setObjectName("order_extra")
        self.setAccessibleName(tr("Additional order data"))
        self.setHorizontalHeaderLabels([tr("Field"), tr("Value")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def set_extra(self, extra: object) -> None:
        """Show a new `extra` value: a mapping as rows, anything else as one."""
        rows = _rows(extra)
        self.setRowCount(len(rows))
        for number, (key, value) in enumerate(rows):
            self.setItem(number, 0, QTableWidgetItem(key))
            self.setItem(number, 1, QTableWidgetItem(value))

    def values(self) -> list[tuple[str, str]]:
        """The rows shown, for tests and screen readers."""
        return [
            (_cell(self.item(row, 0)), _cell(self.item(row, 1)))
            for row in range(self.rowCount())
        ]


def _cell(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""


def _rows(extra: object) -> list[tuple[str, str]]:
    if extra in (None, "", [], {}):
        return []
    if isinstance(extra, dict):
        return [(clean(str(key)), _text(value)) for key, value in extra.items()]
    return [(EM_DASH, _text(extra))]


def _text(value: object) -> str:
    if isinstance(value, str):
        text = value
    else:
        try:
            text = json.dumps(value, ensure_ascii=False, default=str)
        except (TypeError, ValueError):
            text = str(value)
    text = clean(text)
    if len(text) > MAX_VALUE_CHARS:
        text = text[:MAX_VALUE_CHARS] + "…"
    return text
