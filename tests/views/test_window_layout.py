"""A window's size and its tables' columns are kept and put back."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QMainWindow, QSplitter, QTableView, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from orderdesk.models import Order
from orderdesk.settings import Settings
from orderdesk.views.order_view import OrderView
from orderdesk.views.window_layout import WindowLayout

from .support import ENGLISH, order_view_of


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


def window(qtbot: QtBot) -> QMainWindow:
    """A main window with an order view and a toolbar, as MainWindow has."""
    shown = QMainWindow()
    qtbot.addWidget(shown)
    shown.setCentralWidget(OrderView(ENGLISH, parent=shown))
    toolbar = QToolBar("Order", shown)
    toolbar.setObjectName("order_toolbar")
    shown.addToolBar(toolbar)
    shown.resize(1000, 700)
    return shown


def test_what_is_saved_comes_back_in_the_next_window(
    qtbot: QtBot, settings: Settings, example_order: Order
) -> None:
    first = window(qtbot)
    order_view_of(first).set_order(example_order)
    first.resize(710, 507)
    header = order_view_of(first).payments_table.horizontalHeader()
    header.resizeSection(1, 211)
    header.moveSection(4, 0)

    WindowLayout(first, order_view_of(first), settings).save()
    second = window(qtbot)
    WindowLayout(second, order_view_of(second), settings).restore()
    order_view_of(second).set_order(example_order)

    header = order_view_of(second).payments_table.horizontalHeader()
    assert (second.width(), second.height()) == (710, 507)
    assert header.sectionSize(1) == 211
    assert header.logicalIndex(0) == 4


def test_the_names_kept_are_those_earlier_versions_read(
    qtbot: QtBot, settings: Settings
) -> None:
    shown = window(qtbot)

    WindowLayout(shown, order_view_of(shown), settings).save()

    for name in (
        "main_window/geometry",
        "main_window/state",
        "tables/items",
        "tables/payments",
    ):
        assert settings.layout(name) is not None, name


def test_nothing_saved_leaves_the_window_as_it_is(
    qtbot: QtBot, settings: Settings
) -> None:
    shown = window(qtbot)

    WindowLayout(shown, order_view_of(shown), settings).restore()

    assert (shown.width(), shown.height()) == (1000, 700)


def test_without_settings_nothing_is_kept_or_put_back(
    qtbot: QtBot, settings: Settings
) -> None:
    first = window(qtbot)
    first.resize(710, 507)
    WindowLayout(first, order_view_of(first), settings).save()
    second = window(qtbot)
    memoryless = WindowLayout(second, order_view_of(second), None)

    memoryless.restore()

    assert (second.width(), second.height()) == (1000, 700)

    second.resize(820, 600)
    memoryless.save()

    kept = settings.layout("main_window/geometry")
    third = window(qtbot)
    assert kept is not None
    assert third.restoreGeometry(kept)
    assert (third.width(), third.height()) == (710, 507)


def panes(qtbot: QtBot) -> tuple[QMainWindow, QSplitter, QTableView]:
    """A window, and two panes with a table in the first, as in the main window."""
    splitter = QSplitter()
    qtbot.addWidget(splitter)
    table = QTableView(splitter)
    table.setModel(QStandardItemModel(2, 4, table))
    splitter.addWidget(table)
    splitter.addWidget(QWidget(splitter))
    splitter.resize(1000, 400)
    splitter.show()
    qtbot.waitExposed(splitter)
    return window(qtbot), splitter, table


def layout_with(
    shown: QMainWindow, splitter: QSplitter, table: QTableView, settings: Settings
) -> WindowLayout:
    """The window's layout, with the panes and their table under names."""
    return WindowLayout(
        shown,
        order_view_of(shown),
        settings,
        tables={"orders": table},
        splitters={"main": splitter},
    )


def test_other_tables_and_splitters_are_kept_by_name(
    qtbot: QtBot, settings: Settings
) -> None:
    first, splitter, table = panes(qtbot)
    splitter.setSizes([300, 700])
    kept_sizes = splitter.sizes()
    table.setColumnHidden(2, True)
    table.horizontalHeader().resizeSection(1, 77)
    table.setProperty("columns_fitted", None)
    layout_with(first, splitter, table, settings).save()

    second, splitter, table = panes(qtbot)
    splitter.setSizes([500, 500])
    layout_with(second, splitter, table, settings).restore()

    assert settings.layout("tables/orders") is not None
    assert settings.layout("splitters/main") is not None
    assert splitter.sizes() == kept_sizes
    assert table.isColumnHidden(2)
    assert table.horizontalHeader().sectionSize(1) == 77
    # Restored widths are the user's: fitting to the first rows leaves them.
    assert table.property("columns_fitted")
