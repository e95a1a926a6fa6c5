"""The window remembers its size and the tables their columns."""

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from orderdesk.api import ShopClient
from orderdesk.models import Order
from orderdesk.settings import Settings
from orderdesk.views import MainWindow
from orderdesk.views.orders_model import OrderColumn

from .support import ENGLISH

SERVER = "http://127.0.0.1:9"


def window(qtbot: QtBot, settings: Settings) -> MainWindow:
    # No call reaches the server: the order is shown directly.
    shown = MainWindow(ShopClient(SERVER, "t" * 40), ENGLISH, settings=settings)
    qtbot.addWidget(shown)
    return shown


def test_size_and_columns_survive_a_restart(
    qtbot: QtBot, tmp_path: Path, example_order: Order
) -> None:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    first = window(qtbot, settings)
    first.show_order(example_order)
    first.resize(710, 507)
    first.order_view.payments_table.horizontalHeader().resizeSection(1, 211)
    first.order_view.payments_table.horizontalHeader().moveSection(4, 0)
    first.close()

    second = window(qtbot, settings)
    second.show_order(example_order)

    header = second.order_view.payments_table.horizontalHeader()
    assert (second.width(), second.height()) == (710, 507)
    assert header.sectionSize(1) == 211
    assert header.logicalIndex(0) == 4


def test_the_lists_columns_and_the_panes_survive_a_restart(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    first = window(qtbot, settings)
    first.orders_list.table.setColumnHidden(OrderColumn.KEY, True)
    first.orders_list.table.horizontalHeader().resizeSection(OrderColumn.MOBILE, 133)
    first.review_queue.table.setColumnHidden(1, True)
    first.close()

    second = window(qtbot, settings)

    orders = second.orders_list.table
    # The panes' sizes: tests/views/test_window_layout.py puts them back.
    assert settings.layout("splitters/main") is not None
    assert orders.isColumnHidden(OrderColumn.KEY)
    assert not orders.isColumnHidden(OrderColumn.MOBILE)
    assert orders.horizontalHeader().sectionSize(OrderColumn.MOBILE) == 133
    assert second.review_queue.table.isColumnHidden(1)
    assert not first.review_queue.table.isColumnHidden(0)


def test_no_layout_is_written_without_settings(
    qtbot: QtBot, example_order: Order
) -> None:
    shown = MainWindow(ShopClient(SERVER, "t" * 40), ENGLISH)
    qtbot.addWidget(shown)
    shown.show_order(example_order)

    shown.close()
