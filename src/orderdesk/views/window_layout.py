"""Remembering the main window's size, bars, panes and columns between runs."""

from collections.abc import Mapping
from typing import Protocol

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter, QTableView

from orderdesk.views.column_fit import restore_widths
from orderdesk.views.order_view import OrderView

GEOMETRY = "main_window/geometry"
STATE = "main_window/state"
# The names `OrderView.header_states` gives its tables.
TABLES = ("items", "payments")


class LayoutMemory(Protocol):
    """Where window and table layouts are remembered (`orderdesk.settings`)."""

    def layout(self, name: str) -> QByteArray | None:
        """A saved layout, if any."""
        ...

    def set_layout(self, name: str, state: QByteArray) -> None:
        """Keep a layout."""
        ...


class WindowLayout:
    """Puts back and keeps the layout of a window, its panes and its tables.

    Args:
        window: The main window: its size, place, toolbars and docks.
        order_view: Its order view: the column widths and order of its tables.
        settings: Where layouts are remembered; without it, nothing is put
            back or kept.
        tables: Other tables by name, whose columns (widths, order, hidden
            ones) are kept as "tables/<name>".
        splitters: Splitters by name, whose pane sizes are kept as
            "splitters/<name>".
    """

    def __init__(
        self,
        window: QMainWindow,
        order_view: OrderView,
        settings: LayoutMemory | None,
        *,
        tables: Mapping[str, QTableView] | None = None,
        splitters: Mapping[str, QSplitter] | None = None,
    ) -> None:
        self._window = window
        self._order_view = order_view
        self._settings = settings
        self._tables = dict(tables or {})
        self._splitters = dict(splitters or {})

    def restore(self) -> None:
        """Put back what `save` kept last, if anything."""
        if self._settings is None:
            return

        geometry = self._settings.layout(GEOMETRY)
        if geometry is not None:
            self._window.restoreGeometry(geometry)
        state = self._settings.layout(STATE)
        if state is not None:
            self._window.restoreState(state)

        headers = {
            name: state
            for name in TABLES
            if (state := self._settings.layout(f"tables/{name}")) is not None
        }
        self._order_view.restore_header_states(headers)

        for name, table in self._tables.items():
            state = self._settings.layout(f"tables/{name}")
            if state is not None:
                restore_widths(table, state)
        for name, splitter in self._splitters.items():
            state = self._settings.layout(f"splitters/{name}")
            if state is not None:
                splitter.restoreState(state)

    def save(self) -> None:
        """Keep the layout as it is now, for the next start."""
        if self._settings is None:
            return

        self._settings.set_layout(GEOMETRY, self._window.saveGeometry())
        self._settings.set_layout(STATE, self._window.saveState())
        for name, state in self._order_view.header_states().items():
            self._settings.set_layout(f"tables/{name}", state)
        for name, table in self._tables.items():
            state = table.horizontalHeader().saveState()
            self._settings.set_layout(f"tables/{name}", state)
        for name, splitter in self._splitters.items():
            self._settings.set_layout(f"splitters/{name}", splitter.saveState())
