"""Small widgets the views share."""

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QWidget,
)


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text as plain text, never as rich text.

    Qt guesses rich text from a label's content; a label showing server data
    must not, or a note holding `<img src=...>` would be rendered and fetched.
    """
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def value_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A plain-text label whose value can be selected and copied."""
    label = plain_label(text, parent)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setWordWrap(True)
    return label


def show_warning(parent: QWidget, title: str, text: str) -> None:
    """A non-blocking warning whose text is never taken for rich text."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def read_only_table(model: QAbstractItemModel, parent: QWidget) -> QTableView:
    """A table of whole-row selection, one row at a time, never edited.

    Columns can be resized and moved; sorting is left to the caller, which
    knows whether its model sorts.
    """
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setSectionsMovable(True)
    return table


def sort_by_server_order(table: QTableView) -> None:
    """Let the user sort by a column; until then, rows keep the model's order."""
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
