"""The main window's View and Help menus."""

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from orderdesk.views.about_dialog import AboutDialog
from orderdesk.views.crash_dialog import open_log_folder
from orderdesk.views.formatting import Currency, Formatter
from orderdesk.views.i18n import tr


class ViewMenu(QObject):
    """The View menu: how amounts are shown, and the interface language.

    The menu only reports a choice; the window acts on it, and calls
    `show_currency` whenever it shows amounts another way.

    Args:
        window: The main window: the menu goes into its menu bar.
        formatter: How values are shown now; its currency and language are
            checked.

    Attributes:
        menu: The menu, named "view_menu".

    Signals:
        currency_chosen(str): The user chose how to show amounts ("rial" or
            "toman").
        language_chosen(str): The user chose the interface language ("fa"
            or "en").
    """

    currency_chosen = Signal(str)
    language_chosen = Signal(str)

    def __init__(self, window: QMainWindow, formatter: Formatter) -> None:
        super().__init__(window)
        self.menu = window.menuBar().addMenu(tr("&View"))
        self.menu.setObjectName("view_menu")

        amounts = self.menu.addMenu(tr("Show amounts in"))
        self._currency_actions = QActionGroup(window)
        for currency, title in (
            (Currency.RIAL, tr("&Rial")),
            (Currency.TOMAN, tr("&Toman")),
        ):
            action = QAction(title, self._currency_actions)
            action.setCheckable(True)
            action.setData(currency.value)
            action.setChecked(currency is formatter.currency)
            amounts.addAction(action)
        self._currency_actions.triggered.connect(self._on_currency_triggered)

        languages = self.menu.addMenu(tr("&Language"))
        self._language_actions = QActionGroup(window)
        # Each language is named in itself, so anyone can find their own.
        for code, title in (("en", "English"), ("fa", "فارسی")):
            action = QAction(title, self._language_actions)
            action.setCheckable(True)
            action.setData(code)
            action.setChecked(code == formatter.language.value)
            languages.addAction(action)
        self._language_actions.triggered.connect(self._on_language_triggered)

    def add_column_menus(self, menus: list[QMenu]) -> None:
        """Put the tables' column menus under View > Columns.

        The same menus open from the tables' headers; here keyboard users
        reach them too.
        """
        columns = self.menu.addMenu(tr("&Columns"))
        columns.setObjectName("columns_menu")
        for menu in menus:
            columns.addMenu(menu)

    def show_currency(self, currency: Currency) -> None:
        """Check the action of the currency amounts are shown in."""
        for action in self._currency_actions.actions():
            action.setChecked(action.data() == currency.value)

    def _on_currency_triggered(self, action: QAction) -> None:
        self.currency_chosen.emit(Currency(str(action.data())).value)

    def _on_language_triggered(self, action: QAction) -> None:
        self.language_chosen.emit(str(action.data()))


class HelpMenu(QObject):
    """The Help menu: the log folder, and the About page.

    Args:
        window: The main window: the menu goes into its menu bar, and it
            owns the About dialog.

    Attributes:
        menu: The menu, named "help_menu".
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.menu = window.menuBar().addMenu(tr("&Help"))
        self.menu.setObjectName("help_menu")

        logs = QAction(tr("Open &log folder"), window)
        logs.setObjectName("open_log_folder")
        logs.triggered.connect(lambda: open_log_folder())
        self.menu.addAction(logs)

        about = QAction(tr("&About OrderDesk"), window)
        about.setObjectName("about")
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        self.menu.addAction(about)

    def show_about(self) -> None:
        """Open the About dialog, which is deleted when closed."""
        dialog = AboutDialog(self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
