"""The View menu's currency and language choices, and Help > About."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from orderdesk.models import Order
from orderdesk.views import MainWindow
from orderdesk.views.about_dialog import AboutDialog
from orderdesk.views.formatting import Currency, Formatter
from orderdesk.views.window_menus import HelpMenu, ViewMenu

from .support import ENGLISH, child, offline_client

PERSIAN_TOMAN = Formatter(
    QLocale(QLocale.Language.Persian, QLocale.Country.Iran), Currency.TOMAN
)
LANGUAGE_NOTE = "The language changes the next time OrderDesk starts."


def choice(menu: QMenu, data: str) -> QAction:
    """The checkable action of a submenu of `menu` that stands for `data`."""
    for submenu in menu.findChildren(QMenu):
        for action in submenu.actions():
            if action.data() == data:
                return action
    raise AssertionError(f"no action for {data}")


def checked(menu: QMenu) -> set[str]:
    """What the checked actions of the submenus of `menu` stand for."""
    return {
        str(action.data())
        for submenu in menu.findChildren(QMenu)
        for action in submenu.actions()
        if action.isChecked()
    }


@pytest.fixture
def bare_window(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    shown = MainWindow(offline_client("http://127.0.0.1:8000"), ENGLISH)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()


@pytest.mark.parametrize(
    ("formatter", "expected"),
    [(ENGLISH, {"rial", "en"}), (PERSIAN_TOMAN, {"toman", "fa"})],
)
def test_the_view_menu_checks_what_is_shown_now(
    bare_window: QMainWindow, formatter: Formatter, expected: set[str]
) -> None:
    view = ViewMenu(bare_window, formatter)

    assert view.menu.objectName() == "view_menu"
    assert view.menu.menuAction() in bare_window.menuBar().actions()
    assert checked(view.menu) == expected


def test_choosing_toman_is_reported_and_checked(
    qtbot: QtBot, bare_window: QMainWindow
) -> None:
    view = ViewMenu(bare_window, ENGLISH)

    with qtbot.waitSignal(view.currency_chosen, timeout=1000) as chosen:
        choice(view.menu, "toman").trigger()

    assert chosen.args == ["toman"]
    assert checked(view.menu) == {"toman", "en"}


def test_showing_a_currency_checks_it_without_a_choice(
    qtbot: QtBot, bare_window: QMainWindow
) -> None:
    view = ViewMenu(bare_window, PERSIAN_TOMAN)

    with qtbot.assertNotEmitted(view.currency_chosen):
        view.show_currency(Currency.RIAL)

    assert checked(view.menu) == {"rial", "fa"}


def test_choosing_a_language_is_reported(
    qtbot: QtBot, bare_window: QMainWindow
) -> None:
    view = ViewMenu(bare_window, ENGLISH)

    with qtbot.waitSignal(view.language_chosen, timeout=1000) as chosen:
        choice(view.menu, "fa").trigger()

    assert chosen.args == ["fa"]
    assert checked(view.menu) == {"rial", "fa"}


def test_help_about_opens_the_about_page(
    qtbot: QtBot, bare_window: QMainWindow
) -> None:
    help_menu = HelpMenu(bare_window)
    about = child(bare_window, QAction, "about")
    assert [a.objectName() for a in help_menu.menu.actions()] == [
        "open_log_folder",
        "about",
    ]

    about.trigger()

    dialog = bare_window.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.close()


def test_the_window_shows_amounts_in_the_currency_chosen(
    qtbot: QtBot, window: MainWindow, example_order: Order
) -> None:
    window.show_order(example_order)

    with qtbot.waitSignal(window.currency_chosen, timeout=1000) as chosen:
        choice(window.view_menu, "toman").trigger()

    total = window.order_view.totals.value("total")
    assert chosen.args == ["toman"]
    assert "Toman" in total
    assert f"{example_order.total // 10:,}" in total

    window.set_formatter(ENGLISH)

    assert checked(window.view_menu) == {"rial", "en"}


def test_the_window_says_when_a_language_takes_effect(
    qtbot: QtBot, window: MainWindow
) -> None:
    with qtbot.waitSignal(window.language_chosen, timeout=1000) as chosen:
        choice(window.view_menu, "fa").trigger()

    assert chosen.args == ["fa"]
    assert window.statusBar().currentMessage() == LANGUAGE_NOTE


def test_the_window_keeps_its_menus_in_order(window: MainWindow) -> None:
    bar = window.menuBar().actions()

    assert bar.index(window.view_menu.menuAction()) == len(bar) - 2
    assert bar.index(window.help_menu.menuAction()) == len(bar) - 1
    assert window.view_menu.objectName() == "view_menu"
    assert window.help_menu.objectName() == "help_menu"
