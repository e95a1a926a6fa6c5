"""The dialog that reports an unexpected error, and the folder of the logs.

The details shown are already redacted by the caller (`orderdesk.crash`);
this dialog only displays them as plain text and copies them.
"""

import logging
from pathlib import Path

import platformdirs
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from orderdesk.views.i18n import tr
from orderdesk.views.widgets import plain_label

logger = logging.getLogger(__name__)

LOG_APP_NAME = "OrderDesk"


def log_folder() -> Path:
    """The platform's folder for OrderDesk's logs (it may not exist yet)."""
    return platformdirs.user_log_path(LOG_APP_NAME, appauthor=False)


def open_log_folder(folder: Path | None = None) -> bool:
    """Show the log folder in the system's file manager; False if it failed."""
    target = folder or log_folder()
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    if not opened:
        logger.warning("The log folder could not be opened")
    return opened


class CrashDialog(QDialog):
    """Says that something unexpected happened, with details to copy.

    Args:
        details: The redacted report: exception and traceback.
        log_file: Where the report was written, if anywhere.
        parent: The owning window, if any.
    """

    def __init__(
        self, details: str, log_file: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.setWindowTitle(tr("OrderDesk met an unexpected error"))
        self._log_file = log_file

        layout = QVBoxLayout(self)
        intro = plain_label(
            tr(
                "Something went wrong inside OrderDesk. What you were doing may "
                "not have finished; check it, and restart OrderDesk if it "
                "misbehaves. The details below help support find the cause."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if log_file is not None:
            written = plain_label(
                tr("They were also written to %1").replace("%1", str(log_file))
            )
            written.setWordWrap(True)
            layout.addWidget(written)

        self.details = QPlainTextEdit(self)
        self.details.setObjectName("crash_details")
        self.details.setReadOnly(True)
        self.details.setPlainText(details)
        layout.addWidget(self.details, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(
            tr("&Copy details"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setObjectName("copy_details")
        self.copy_button.clicked.connect(self._on_copy_clicked)
        folder = buttons.addButton(
            tr("Open &log folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        folder.clicked.connect(self._on_folder_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def add_details(self, details: str) -> None:
        """Add the report of a further error below the first."""
        self.details.appendPlainText("\n" + details)

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())

    def _on_folder_clicked(self) -> None:
        open_log_folder(self._log_file.parent if self._log_file else None)
