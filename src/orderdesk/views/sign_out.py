"""Signing out of a window's account: confirm, forget, then say so."""

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox

from orderdesk.views.i18n import tr
from orderdesk.views.tasks import TaskRunner
from orderdesk.views.widgets import show_warning

logger = logging.getLogger(__name__)


class SignOut(QObject):
    """The Sign out action of a window and what it sets off.

    The action stays disabled until `enable` gives it the forgetting to do.
    Forgetting runs on a pool thread; while it runs the action is disabled,
    and a failure enables it again with a warning.

    Args:
        window: The main window: parent of the question and the warning,
            and its status bar says "Signing out…".
        runner: The window's task runner; its other work is dropped first.
        server_url: Gives the account's server, named in the question.

    Attributes:
        action: The menu action, "Sign out…".

    Signals:
        signed_out(): This computer forgot the account.
    """

    signed_out = Signal()

    def __init__(
        self, window: QMainWindow, runner: TaskRunner, server_url: Callable[[], str]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._server_url = server_url
        self._forget: Callable[[], None] | None = None
        self.action = QAction(tr("Sign &out…"), window)
        self.action.setObjectName("sign_out")
        self.action.triggered.connect(self.ask)
        self.action.setEnabled(False)

    def enable(self, forget: Callable[[], None]) -> None:
        """Allow signing out; `forget` runs on a pool thread."""
        self._forget = forget
        self.action.setEnabled(True)

    def ask(self) -> None:
        """Ask whether to sign out; Yes starts it."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Sign out"),
            tr(
                "Sign out of %1? This computer forgets the token and every order "
                "saved for offline review."
            ).replace("%1", self._server_url()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(self.start)
        box.open()

    def start(self) -> None:
        """Forget the account now, without asking."""
        forget = self._forget
        if forget is None:
            return
        self._runner.cancel_all()
        self.action.setEnabled(False)
        self._window.statusBar().showMessage(tr("Signing out…"))
        self._runner.run(forget, self._on_forgotten, self._on_failed)

    def _on_forgotten(self, _result: object) -> None:
        self.signed_out.emit()

    def _on_failed(self, error: Exception) -> None:
        logger.error("Signing out did not finish: %s", type(error).__name__)
        self.action.setEnabled(True)
        show_warning(
            self._window,
            tr("Sign out"),
            tr(
                "Signing out did not finish: some saved data may remain. Try again; "
                "if it fails again, call support."
            ),
        )
