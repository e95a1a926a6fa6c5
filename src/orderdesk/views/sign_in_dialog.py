"""Signing in: a server address and an API token, checked before they are kept."""

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from orderdesk.api import ApiError, InvalidServerAddress, ShopClient, origin_of
from orderdesk.views.errors import describe
from orderdesk.views.i18n import tr
from orderdesk.views.tasks import TaskRunner
from orderdesk.views.widgets import plain_label

logger = logging.getLogger(__name__)

Connect = Callable[[str, str], ShopClient]
"""Makes a client for a server address and a token, and checks them."""

ERROR_STYLE = "color: #b3261e;"


def is_plain_http_elsewhere(address: str) -> bool:
    """Whether an address would carry the token unencrypted to another machine.

    Plain http to this machine (a local test server) stays quiet; an address
    that is not a URL yet, as while it is being typed, is not judged.
    """
    try:
        origin = origin_of(address.strip())
    except InvalidServerAddress:
        return False

    return origin.scheme == "http" and not origin.is_loopback


class SignInDialog(QDialog):
    """Asks for a server and a token, and checks them with a real call.

    The check and the keyring run off the UI thread through `connect`; the
    dialog closes only once the server has accepted the token.

    Args:
        connect: Builds a client, makes one real call with it, and stores the
            token; it raises `ApiError` when the server refuses.
        server_url: The address to propose.
        message: Why sign-in is asked for, if not at start-up.
        parent: The owning window.

    Signals:
        signed_in(object): The checked `ShopClient`.
    """

    signed_in = Signal(object)

    def __init__(
        self,
        connect: Connect,
        server_url: str = "",
        message: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._connect = connect
        self._runner = TaskRunner(self)
        self.client: ShopClient | None = None
        self.setWindowTitle(tr("Sign in to the shop server"))

        layout = QVBoxLayout(self)
        intro = plain_label(
            message or tr("Enter the server address and your API token.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.server = QLineEdit(server_url, self)
        self.server.setObjectName("server_url")
        self.server.setPlaceholderText("https://shop.example.com")
        self.server.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.token = QLineEdit(self)
        self.token.setObjectName("token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        form.addRow(tr("&Server"), self.server)
        form.addRow(tr("API &token"), self.token)
        self.server.setAccessibleName(tr("Server address"))
        self.server.setAccessibleDescription(
            tr("The shop server's address, such as https://shop.example.com.")
        )
        self.token.setAccessibleName(tr("API token"))
        self.token.setAccessibleDescription(
            tr("Your API token; it is checked, then kept in the system keyring.")
        )
        layout.addLayout(form)

        # Said while the address is typed, before the token is ever sent.
        self._insecure = plain_label(
            tr(
                "This address uses plain http: your token and the shop's data "
                "would cross the network unencrypted. Use an https address."
            )
        )
        self._insecure.setObjectName("insecure_server_warning")
        self._insecure.setWordWrap(True)
        self._insecure.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self._insecure)
        self.server.textChanged.connect(self._on_server_edited)
        self._on_server_edited(server_url)

        self._message = plain_label()
        self._message.setObjectName("sign_in_message")
        self._message.setWordWrap(True)
        layout.addWidget(self._message)

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Sign in"))
        self._buttons.accepted.connect(self._on_sign_in_clicked)
        self._buttons.rejected.connect(self.reject)
        layout.addWidget(self._buttons)
        (self.token if server_url else self.server).setFocus()

    @property
    def sign_in_button(self) -> QPushButton:
        """The button that checks the token."""
        return self._buttons.button(QDialogButtonBox.StandardButton.Ok)

    @property
    def insecure_warning_shown(self) -> bool:
        """Whether the dialog warns that the address is plain http."""
        return not self._insecure.isHidden()

    def reject(self) -> None:
        """Override of `QDialog.reject`: a check in flight is dropped."""
        self._runner.cancel_all()
        super().reject()

    def _on_sign_in_clicked(self) -> None:
        if self._runner.busy:
            return

        server = self.server.text().strip()
        token = self.token.text().strip()
        if not server or not token:
            self._show(tr("Enter both the server address and the token."), error=True)
            return

        self._set_busy(True)
        self._runner.run(
            lambda: self._connect(server, token), self._on_checked, self._on_refused
        )

    def _on_checked(self, client: ShopClient) -> None:
        self._set_busy(False)
        self.client = client
        self.signed_in.emit(client)
        self.accept()

    def _on_refused(self, error: Exception) -> None:
        self._set_busy(False)
        if not isinstance(error, ApiError):
            logger.error("Sign-in failed unexpectedly: %s", type(error).__name__)
        self._show(describe(error), error=True)

    def _on_server_edited(self, address: str) -> None:
        self._insecure.setVisible(is_plain_http_elsewhere(address))

    def _set_busy(self, busy: bool) -> None:
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        self.server.setReadOnly(busy)
        self.token.setReadOnly(busy)
        if busy:
            self._show(tr("Checking the token with the server…"))

    def _show(self, text: str, *, error: bool = False) -> None:
        self._message.setText(text)
        self._message.setStyleSheet(ERROR_STYLE if error else "")
