"""Letting the user choose which columns of a table show.

A narrow order list cannot show all ten of its columns at once; a cashier
who never searches by key would rather see the total. Every table's header
gets a menu of its columns (right-click), and the View menu holds the same
menus for keyboard users. Which columns are hidden is part of the header's
state, so the window's layout memory keeps it between runs.
"""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from orderdesk.views.i18n import tr


class ColumnMenu(QMenu):
    """A menu of a table's columns, each checked while it shows.

    The menu lists the columns in the order the header shows them, and is
    filled again each time it opens, so it follows moved and renamed
    columns; "Show all columns" ends it. The last column showing cannot be
    hidden: with no column left there would be no header to bring the
    others back from.

    Args:
        title: The menu's title, where it is a submenu.
        table: The table whose columns it shows and hides.
        parent: The menu's owner; the table when not given.
    """

    def __init__(
        self, title: str, table: QTableView, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent if parent is not None else table)
        self._table = table
        self.aboutToShow.connect(self._fill)
        self.triggered.connect(self._on_triggered)

    def popup_at_header(self, position: QPoint) -> None:
        """Open at a point of the header's viewport, as its context menu."""
        header = self._table.horizontalHeader()
        self.popup(header.viewport().mapToGlobal(position))

    def _fill(self) -> None:
        self.clear()
        header = self._table.horizontalHeader()
        model = self._table.model()
        if model is None:
            return

        showing = header.count() - header.hiddenSectionCount()
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            title = model.headerData(
                column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
            )
            action = self.addAction(str(title or column + 1))
            action.setCheckable(True)
            hidden = header.isSectionHidden(column)
            action.setChecked(not hidden)
            action.setEnabled(hidden or showing > 1)
            action.setData(column)

        self.addSeparator()
        show_all = self.addAction(tr("Show all columns"))
        show_all.setObjectName("show_all_columns")
        show_all.setEnabled(header.hiddenSectionCount() > 0)

    def _on_triggered(self, action: QAction) -> None:
        header = self._table.horizontalHeader()
        if action.objectName() == "show_all_columns":
            for column in range(header.count()):
                self._show(column, True)
            return

        column = action.data()
        if isinstance(column, int):
            self._show(column, action.isChecked())

    def _show(self, column: int, shown: bool) -> None:
        header = self._table.horizontalHeader()
        header.setSectionHidden(column, not shown)
        if shown and header.sectionSize(column) == 0:
            header.resizeSection(column, header.defaultSectionSize())


def allow_choosing_columns(table: QTableView, title: str) -> ColumnMenu:
    """Give a table's header a context menu of its columns.

    Args:
        table: The table.
        title: What the menu is called where it is a submenu (the View
            menu's "Columns" holds one per table).

    Returns:
        The menu, which the View menu can hold too.
    """
    menu = ColumnMenu(title, table)
    header = table.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(menu.popup_at_header)
    return menu
