"""The orders list: search, filters and a table that loads as it scrolls."""

import logging

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from orderdesk.models import OrderStatus
from orderdesk.views.column_fit import fit_columns_once
from orderdesk.views.errors import describe
from orderdesk.views.formatting import Formatter
from orderdesk.views.i18n import tr
from orderdesk.views.order_view import status_text
from orderdesk.views.orders_model import (
    DEFAULT_PAGE_SIZE,
    ClientSource,
    OrderColumn,
    OrderQuery,
    OrdersTableModel,
)
from orderdesk.views.table_model import ID_ROLE, SORT_ROLE
from orderdesk.views.tasks import TaskRunner
from orderdesk.views.widgets import (
    RetryRow,
    plain_label,
    read_only_table,
    sort_by_server_order,
)

logger = logging.getLogger(__name__)

SEARCH_DELAY_MS = 300
MAX_COLUMN_WIDTH = 280
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Item data is text: PySide6 6.12 miscounts references to True and False
# held in a QVariant, which aborts the interpreter at exit.
_PAID_CHOICES = {"paid": True, "unpaid": False}


class OrdersListView(QWidget):
    """A searchable, filterable list of orders; opening one is a signal.

    Typing in the search box narrows the list after a short pause (or at
    once on Enter); the filters apply at once. Sorting a column sorts the
    orders loaded so far.

    Args:
        client: Returns the current API client.
        formatter: How values are shown.
        page_size: Orders fetched per page.
        runner: Runs the page requests; the view makes its own by default.
        parent: The parent widget.

    Attributes:
        model: The table model of the orders loaded so far.
        table: The table view.

    Signals:
        order_requested(int): The user asked to open the order with this id
            (Enter or double-click on its row).
        load_failed(object): A page failed with this exception; the view
            shows why with a Retry button, the owner may sign in again.
    """

    order_requested = Signal(int)
    load_failed = Signal(object)

    def __init__(
        self,
        client: ClientSource,
        formatter: Formatter,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self.model = OrdersTableModel(
            client, formatter, page_size=page_size, runner=runner, parent=self
        )
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.model)
        self._proxy.setSortRole(SORT_ROLE)

        # Each keystroke restarts the pause, so a search runs once per word.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_query)

        self._build()
        self.model.loading_changed.connect(self._busy.setVisible)
        self.model.count_changed.connect(self._show_count)
        self.model.modelReset.connect(self._on_model_reset)
        self.model.rowsInserted.connect(self._fit_columns_once)
        self.model.failed.connect(self._on_model_failed)

    @property
    def query(self) -> OrderQuery:
        """The query that the search box and filters describe now."""
        return OrderQuery(
            search=self._search.text().strip(),
            status=self._status.currentData() or None,
            is_paid=_PAID_CHOICES.get(self._paid.currentData()),
        )

    def apply_query(self) -> None:
        """Show the orders of the search and filters as they are now."""
        self._search_timer.stop()
        self.model.set_query(self.query)

    def reload(self) -> None:
        """Fetch the list again from its first page, as after signing in."""
        self._search_timer.stop()
        query = self.query
        if query == self.model.query:
            self.model.reload()
        else:
            self.model.set_query(query)

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected."""
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    def selected_order_id(self) -> int | None:
        """The id of the order in the current row, if any."""
        value = self.table.currentIndex().data(ID_ROLE)
        return int(value) if value is not None else None

    def select_order(self, order_id: int) -> bool:
        """Make a loaded order's row current; False when it is not loaded."""
        for number in range(self.model.rowCount()):
            if self.model.order_id(number) == order_id:
                index = self._proxy.mapFromSource(self.model.index(number, 0))
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
                return True
        return False

    def set_formatter(self, formatter: Formatter) -> None:
        """Show values in another language or currency."""
        self._formatter = formatter
        self.model.set_formatter(formatter)
        if self.model.count is not None:
            self._show_count(self.model.count)

    def showEvent(self, event: QShowEvent) -> None:
        """Override of `QWidget.showEvent`: the list loads when first shown."""
        super().showEvent(event)
        if not self.model.started:
            self.apply_query()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override of `QObject.eventFilter`: Enter opens, Down leaves search.

        Enter is handled here rather than through `QTableView.activated`,
        which macOS does not emit for Enter.
        """
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if watched is self.table and event.key() in _ENTER_KEYS:
            self._request_order(self.table.currentIndex())
            return True
        if watched is self._search and event.key() == Qt.Key.Key_Down:
            self._enter_table()
            return True
        return super().eventFilter(watched, event)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        filters = self._build_filters()
        # The search box gets a row of its own so its hint is never cut.
        layout.addWidget(self._search)
        layout.addLayout(filters)
        layout.addWidget(self._build_table(), 1)
        layout.addWidget(self._build_error_row())

        find = QAction(self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self.focus_search)
        self.addAction(find)

    def _build_filters(self) -> QHBoxLayout:
        self._search = QLineEdit(self)
        self._search.setObjectName("order_search")
        self._search.setAccessibleName(tr("Search orders"))
        self._search.setAccessibleDescription(
            tr("Type a key, a customer name or a mobile number.")
        )
        self._search.setPlaceholderText(tr("Key, name or mobile"))
        self._search.setClearButtonEnabled(True)
        self._search.textEdited.connect(self._on_search_edited)
        self._search.returnPressed.connect(self.apply_query)
        self._search.installEventFilter(self)

        self._status = QComboBox(self)
        self._status.setObjectName("status_filter")
        self._status.setToolTip(tr("Show only orders with this status"))
        self._status.addItem(tr("All statuses"), "")
        for status in OrderStatus:
            self._status.addItem(status_text(status), status.value)
        self._status.currentIndexChanged.connect(self._on_filter_changed)

        self._paid = QComboBox(self)
        self._paid.setObjectName("paid_filter")
        self._paid.setToolTip(tr("Show only paid or unpaid orders"))
        self._paid.addItem(tr("Paid and unpaid"), "")
        self._paid.addItem(tr("Paid"), "paid")
        self._paid.addItem(tr("Unpaid"), "unpaid")
        self._paid.currentIndexChanged.connect(self._on_filter_changed)

        self._busy = QProgressBar(self)
        self._busy.setObjectName("busy")
        self._busy.setRange(0, 0)
        self._busy.setTextVisible(False)
        self._busy.setMaximumWidth(80)
        self._busy.setAccessibleName(tr("Loading"))
        self._busy.hide()
        self._count = plain_label()
        self._count.setObjectName("order_count")

        row = QHBoxLayout()
        row.addWidget(self._status)
        row.addWidget(self._paid)
        row.addStretch(1)
        row.addWidget(self._busy)
        row.addWidget(self._count)
        return row

    def _build_table(self) -> QTableView:
        table = read_only_table(self._proxy, self)
        table.setObjectName("orders_table")
        table.setAccessibleName(tr("Orders"))
        table.setAccessibleDescription(tr("Enter opens the selected order."))
        # Server order (newest first) until the user sorts by a column.
        sort_by_server_order(table)
        header = table.horizontalHeader()
        # Names vary most in length: the customer takes the spare width,
        # rather than the short count of payments that happens to be last.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(
            OrderColumn.CUSTOMER, QHeaderView.ResizeMode.Stretch
        )
        table.doubleClicked.connect(self._request_order)
        table.installEventFilter(self)
        self.table = table
        return table

    def _build_error_row(self) -> RetryRow:
        self._error_row = RetryRow("list_error", self)
        self._error_row.retry_requested.connect(self._on_retry_clicked)
        return self._error_row

    def _on_search_edited(self) -> None:
        self._search_timer.start()

    def _on_filter_changed(self, _index: int) -> None:
        self.apply_query()

    def _on_model_reset(self) -> None:
        self._count.clear()
        self._show_error("")

    def _on_model_failed(self, error: Exception) -> None:
        self._show_error(describe(error))
        self.load_failed.emit(error)

    def _on_retry_clicked(self) -> None:
        self._show_error("")
        self.model.retry()

    def _show_error(self, text: str) -> None:
        self._error_row.show_error(text)

    def _show_count(self, count: int) -> None:
        if count == 1:
            self._count.setText(tr("One order"))
        else:
            self._count.setText(
                tr("%1 orders").replace("%1", self._formatter.number(count))
            )

    def _request_order(self, index: QModelIndex) -> None:
        value = index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None
        if value is not None:
            self.order_requested.emit(int(value))

    def _enter_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid() and self._proxy.rowCount():
            self.table.selectRow(0)

    def _fit_columns_once(self) -> None:
        """Size columns to the first page; later the user's widths stay."""
        fit_columns_once(
            self.table,
            self.model,
            max_width=MAX_COLUMN_WIDTH,
            skip={OrderColumn.CUSTOMER},
        )
