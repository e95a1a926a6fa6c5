"""The status bar's view of the connection: busy, which server, how secure."""

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from orderdesk.api import ShopClient
from orderdesk.views.i18n import tr
from orderdesk.views.widgets import plain_label

INSECURE_STYLE = "QLabel { color: white; background: #b3261e; padding: 1px 6px; }"


class ConnectionStatus(QObject):
    """Permanent status-bar widgets about the window's server connection.

    Args:
        status_bar: The window's status bar; the widgets are added to it, in
            this order, and it owns them.
        client: The API client shown first.

    Attributes:
        busy: A busy bar, shown while calls are in flight.
        server: The server address.
        insecure: A red notice, named "insecure_connection", shown while
            the server is reached by plain http on another machine.
    """

    def __init__(self, status_bar: QStatusBar, client: ShopClient) -> None:
        super().__init__(status_bar)
        self.busy = QProgressBar(status_bar)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.server = QLabel(status_bar)
        self.server.setTextFormat(Qt.TextFormat.PlainText)
        status_bar.addPermanentWidget(self.busy)
        status_bar.addPermanentWidget(self.server)

        # Plain http to another machine happens only with --allow-insecure-http;
        # it stays in sight for as long as the window shows that server.
        self.insecure = plain_label(tr("Plain http: this connection is not encrypted"))
        self.insecure.setObjectName("insecure_connection")
        self.insecure.setStyleSheet(INSECURE_STYLE)
        status_bar.addPermanentWidget(self.insecure)
        self.show_client(client)

    def set_busy(self, busy: bool) -> None:
        """Show or hide the busy bar (see `TaskRunner.busy_changed`)."""
        self.busy.setVisible(busy)

    def show_client(self, client: ShopClient) -> None:
        """Show a client's server, with the notice if it is plain http."""
        self.server.setText(client.base_url)
        origin = client.origin
        self.insecure.setVisible(origin.scheme == "http" and not origin.is_loopback)
