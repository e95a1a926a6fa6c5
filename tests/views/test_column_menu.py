"""Each table's header offers its columns to show or hide."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMenu, QTableView
from pytestqt.qtbot import QtBot

from orderdesk.views import MainWindow
from orderdesk.views.column_menu import ColumnMenu, allow_choosing_columns

from .support import ENGLISH, offline_client

TITLES = ["Order", "Key", "Customer", "Mobile"]


@pytest.fixture
def table(qtbot: QtBot) -> QTableView:
    model = QStandardItemModel(3, len(TITLES))
    model.setHorizontalHeaderLabels(TITLES)
    shown = QTableView()
    model.setParent(shown)
    shown.setModel(model)
    shown.horizontalHeader().setSectionsMovable(True)
    qtbot.addWidget(shown)
    return shown


def opened(menu: QMenu) -> list[QAction]:
    """The column actions of the menu as it shows them when it opens."""
    menu.aboutToShow.emit()
    return [action for action in menu.actions() if action.data() is not None]


def show_all_action(menu: QMenu) -> QAction:
    """The menu's "Show all columns", as it is when the menu opens."""
    menu.aboutToShow.emit()
    found = menu.findChild(QAction, "show_all_columns")
    assert isinstance(found, QAction)
    return found


def test_the_menu_lists_the_columns_as_the_header_shows_them(
    table: QTableView,
) -> None:
    menu = allow_choosing_columns(table, "Orders")
    table.horizontalHeader().moveSection(3, 0)

    actions = opened(menu)

    assert [action.text() for action in actions] == [
        "Mobile",
        "Order",
        "Key",
        "Customer",
    ]
    assert all(action.isCheckable() and action.isChecked() for action in actions)
    assert menu.title() == "Orders"


def test_unchecking_a_column_hides_it_and_checking_brings_it_back(
    table: QTableView,
) -> None:
    menu = allow_choosing_columns(table, "Orders")
    header = table.horizontalHeader()
    width = header.sectionSize(1)

    opened(menu)[1].trigger()

    assert header.isSectionHidden(1)
    key = opened(menu)[1]
    assert not key.isChecked()

    key.trigger()

    assert not header.isSectionHidden(1)
    assert header.sectionSize(1) == width


def test_the_last_column_showing_cannot_be_hidden(table: QTableView) -> None:
    menu = allow_choosing_columns(table, "Orders")
    header = table.horizontalHeader()
    for column in range(1, len(TITLES)):
        header.setSectionHidden(column, True)

    actions = opened(menu)

    assert actions[0].isChecked()
    assert not actions[0].isEnabled()
    assert all(action.isEnabled() for action in actions[1:])


def test_show_all_brings_back_every_hidden_column(table: QTableView) -> None:
    menu = allow_choosing_columns(table, "Orders")
    assert not show_all_action(menu).isEnabled()
    table.setColumnHidden(1, True)
    table.setColumnHidden(3, True)

    show_all = show_all_action(menu)
    assert show_all.isEnabled()
    show_all.trigger()

    assert not any(table.isColumnHidden(column) for column in range(len(TITLES)))
    assert all(action.isChecked() for action in opened(menu))


def test_right_clicking_the_header_opens_the_menu(
    qtbot: QtBot, table: QTableView
) -> None:
    menu = allow_choosing_columns(table, "Orders")
    table.show()
    qtbot.waitExposed(table)
    header = table.horizontalHeader()
    seen: list[bool] = []

    def close_menu() -> None:
        seen.append(menu.isVisible())
        menu.close()

    QTimer.singleShot(100, close_menu)
    header.customContextMenuRequested.emit(QPoint(5, 5))
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)

    assert header.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    assert seen == [True]
    assert len(opened(menu)) == len(TITLES)


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    shown = MainWindow(offline_client("http://127.0.0.1:8000"), ENGLISH)
    qtbot.addWidget(shown)
    yield shown
    shown.close()


def column_menus(window: MainWindow) -> list[ColumnMenu]:
    """The menus under View > Columns."""
    columns = window.view_menu.findChild(QMenu, "columns_menu")
    assert columns is not None
    menus = [action.menu() for action in columns.actions()]
    assert all(isinstance(menu, ColumnMenu) for menu in menus)
    return [menu for menu in menus if isinstance(menu, ColumnMenu)]


def test_the_view_menu_holds_a_column_menu_for_each_table(
    window: MainWindow,
) -> None:
    menus = column_menus(window)

    assert [menu.title() for menu in menus] == [
        "Order list",
        "Review queue",
        "Items",
        "Payments",
    ]
    order_list = opened(menus[0])
    assert "Mobile" in [action.text() for action in order_list]


def test_a_column_hidden_from_the_view_menu_leaves_the_order_list(
    window: MainWindow,
) -> None:
    order_list = column_menus(window)[0]
    key = next(a for a in opened(order_list) if a.text() == "Key")

    key.trigger()
    QApplication.processEvents()

    assert window.orders_list.table.isColumnHidden(int(key.data()))
