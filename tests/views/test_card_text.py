"""The order's cards show their wrapped text whole, in a narrow window too."""

import pytest
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel
from pytestqt.qtbot import QtBot

from orderdesk.models import Order
from orderdesk.views import MainWindow
from orderdesk.views.formatting import Formatter

from .support import ENGLISH, offline_client
from .test_window_menus import PERSIAN_TOMAN

LONG_ADDRESS = "5411 Stokes Grove, Building 4, Entrance B, Floor 3, Unit 12"


def cut_labels(window: MainWindow) -> list[str]:
    """The wrapped labels of the cards that are shorter than their text."""
    cut = []
    for box in window.order_view.findChildren(QGroupBox):
        for label in box.findChildren(QLabel):
            if not label.isVisible() or not label.wordWrap() or not label.text():
                continue
            if label.height() < label.heightForWidth(label.width()):
                cut.append(label.text())
    return cut


@pytest.mark.parametrize("formatter", [ENGLISH, PERSIAN_TOMAN])
@pytest.mark.parametrize("width", [1210, 1280, 1440])
def test_no_card_text_is_cut(
    qtbot: QtBot, example_order: Order, formatter: Formatter, width: int
) -> None:
    order = example_order.model_copy(update={"billing_address": LONG_ADDRESS})
    window = MainWindow(offline_client("http://127.0.0.1:8000"), formatter)
    qtbot.addWidget(window)
    window.resize(width, 600)
    window.show()
    qtbot.waitExposed(window)

    window.show_order(order)
    QApplication.processEvents()

    assert window.order_view.isVisible()
    assert cut_labels(window) == []
