"""Small widgets the views share."""

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from orderdesk.views.i18n import tr


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


class RetryRow(QWidget):
    """A failure in words beside a Retry button; hidden while all is well.

    Args:
        error_name: The object name of the message label.
        parent: The owning widget.

    Signals:
        retry_requested(): The user pressed Retry.
    """

    retry_requested = Signal()

    def __init__(self, error_name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._error = plain_label()
        self._error.setObjectName(error_name)
        self._error.setWordWrap(True)
        self._error.setStyleSheet("QLabel { color: #b3261e; }")
        self._retry = QPushButton(tr("Retry"), self)
        self._retry.setObjectName("retry")
        self._retry.clicked.connect(self.retry_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._error, 1)
        row.addWidget(self._retry)
        self.show_error("")

    def show_error(self, text: str) -> None:
        """Say what failed and offer Retry; "" hides the row."""
        self._error.setText(text)
        self.setVisible(bool(text))
