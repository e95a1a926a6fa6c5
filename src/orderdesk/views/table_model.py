"""The shared machinery of the order's table models."""

from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import IntEnum
from types import MappingProxyType
from typing import Any, ClassVar, Generic, TypeVar, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from orderdesk.views.formatting import Formatter

Row = TypeVar("Row")
AnyIndex = QModelIndex | QPersistentModelIndex

# The role under which each cell answers its raw value, for sorting: money
# and dates sort by value, never by their formatted text.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# The role under which every cell answers the id of its row's document.
ID_ROLE = Qt.ItemDataRole.UserRole + 2

_NUMERIC = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

_Role = Qt.ItemDataRole
# Qt's delegates ask each cell for about eight roles (font, background, check
# state, size hint...) when they paint or measure it; the ones no row answers
# return at once. Fitting columns to 200 rows of an order asks 30,000 times.
_ANSWERED_ROLES = frozenset(
    int(role)
    for role in (
        _Role.DisplayRole,
        SORT_ROLE,
        ID_ROLE,
        _Role.TextAlignmentRole,
        _Role.ToolTipRole,
        _Role.DecorationRole,
        _Role.ForegroundRole,
    )
)


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """A read-only table of documents, one per row, one column per enum member.

    Subclasses name their columns in `Column`, give headers in `header()`, and
    answer each cell in `display()` and `sort_key()`.

    The model sorts itself (`sort()`), by each cell's raw value, so that views
    show it without a `QSortFilterProxyModel`. Painting a cell calls Python
    once per role; through a proxy, Qt also asked the model for its row and
    column counts for every index it mapped, three Python calls per cell
    instead of one. Each call has to take the GIL back from busy pool threads,
    and while thumbnails loaded, a page of a large order's items took several
    times longer to paint through the proxy.
    """

    Column: type[IntEnum]
    numeric_columns: frozenset[int] = frozenset()
    icon_edges: ClassVar[Mapping[int, int]] = MappingProxyType({})
    """The edge, in pixels, of the icon that the columns with one show."""

    def __init__(self, formatter: Formatter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self._rows: list[Row] = []
        # The rows in the document's order; `_rows` is what the view shows.
        self._document_rows: list[Row] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        # Looked up on every call from Qt: an enum call or len() of an enum
        # class costs about a microsecond each.
        self._columns: tuple[IntEnum, ...] = tuple(self.Column)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace every row, as when a new order document arrives.

        They show sorted as the view last asked (`sort()`).
        """
        self.beginResetModel()
        self._document_rows = list(rows)
        self._rows = self._sorted()
        self.endResetModel()

    def sort(
        self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
    ) -> None:
        """Override of `QAbstractItemModel.sort`: by a column's raw value.

        Column -1 is the document's own order. The sort is stable, so rows
        with equal values keep the document's order, either way round, and
        selections and current rows follow their rows.
        """
        self._sort_column, self._sort_order = column, order
        # Emitted bare: PySide 6.12 crashes when these get their arguments.
        self.layoutAboutToBeChanged.emit()

        before = self.persistentIndexList()
        shown = [(self._rows[index.row()], index.column()) for index in before]
        self._rows = self._sorted()
        position = {id(row): number for number, row in enumerate(self._rows)}
        after = [self.index(position[id(row)], column) for row, column in shown]
        self.changePersistentIndexList(before, after)

        self.layoutChanged.emit()

    def _sorted(self) -> list[Row]:
        column_number = self._sort_column
        if not 0 <= column_number < len(self._columns):
            return list(self._document_rows)

        column = self._columns[column_number]
        return sorted(
            self._document_rows,
            key=lambda row: self.sort_key(row, column),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )

    def set_formatter(self, formatter: Formatter) -> None:
        """Show values in another language or currency."""
        self._formatter = formatter
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.Column) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.Column) - 1)

    def row(self, number: int) -> Row:
        """The document shown in a row."""
        return self._rows[number]

    def cell_text(self, number: int, column_number: int) -> str:
        """The text a cell shows, by row and column number."""
        return self.display(self._rows[number], self._columns[column_number])

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Override of `QAbstractItemModel.rowCount`."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Override of `QAbstractItemModel.columnCount`."""
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Override of `QAbstractItemModel.headerData`."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(
            self.Column
        ):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header(self.Column(section))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override of `QAbstractItemModel.data`: one role per branch."""
        if role not in _ANSWERED_ROLES:
            return None
        # An invalid index has row and column -1.
        number, column_number = index.row(), index.column()
        if not (
            0 <= number < len(self._rows) and 0 <= column_number < len(self._columns)
        ):
            return None

        return self._answer(self._rows[number], self._columns[column_number], role)

    def multiData(
        self, index: AnyIndex, span: QModelRoleDataSpan | QModelRoleData
    ) -> None:
        """Override of `QAbstractItemModel.multiData`: every role of a cell.

        Qt's delegate asks for about seven roles to paint one cell. Answered
        here in one call, that is one trip into Python per painted cell
        instead of seven, each of which must win the GIL from any pool
        thread running Python: a page of items beside a busy thread went
        from 83-96 ms to 15 ms (figure 4b). The cell is looked up once for
        all its roles, and the roles no cell answers (font, background,
        check state) cost no lookup at all.
        """
        # PySide's stubs leave out the span's len() and indexing.
        roles = [span] if isinstance(span, QModelRoleData) else cast(Any, span)
        number, column_number = index.row(), index.column()
        if not (
            0 <= number < len(self._rows) and 0 <= column_number < len(self._columns)
        ):
            for position in range(len(roles)):
                roles[position].setData(None)
            return

        row = self._rows[number]
        column = self._columns[column_number]
        for position in range(len(roles)):
            role_data = roles[position]
            role = role_data.role()
            role_data.setData(
                self._answer(row, column, role) if role in _ANSWERED_ROLES else None
            )

    def _answer(self, row: Row, column: Any, role: int) -> Any:
        """What a cell answers for one of `_ANSWERED_ROLES`."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.decoration(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _NUMERIC if column in self.numeric_columns else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column)
        if role == SORT_ROLE:
            return self.sort_key(row, column)
        if role == ID_ROLE:
            return self.row_id(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        return None

    def header(self, column: Any) -> str:
        """The header of a column."""
        raise NotImplementedError

    def display(self, row: Row, column: Any) -> str:
        """The text of a cell."""
        raise NotImplementedError

    def sort_key(self, row: Row, column: Any) -> Any:
        """The value a cell sorts by."""
        raise NotImplementedError

    def row_id(self, row: Row) -> int:
        """The id of the document in a row."""
        raise NotImplementedError

    def tooltip(self, row: Row, column: Any) -> str | None:
        """A cell's tooltip; none by default."""
        return None

    def decoration(self, row: Row, column: Any) -> Any:
        """A cell's icon; none by default."""
        return None

    def foreground(self, row: Row, column: Any) -> Any:
        """A cell's text colour; the palette's by default."""
        return None


def timestamp(moment: datetime | None) -> float:
    """A sort key for an optional timestamp; missing ones sort first."""
    return moment.timestamp() if moment else float("-inf")
