"""Saving a long order as PDF in a child process, while the window runs on.

Qt lays a long order out in seconds and PySide holds the interpreter lock
all the while, so the window would freeze (on Windows, long enough to be
called "Not Responding"). `PdfExport` starts OrderDesk again with
`--write-pdf` (`orderdesk.pdf_child`), hands it the order as JSON on its
standard input and reports when the file is written. The order travels
through the pipe only: no temporary file holds it.

The JSON is dumped a slice of items or payments at a time, one slice per
turn of the event loop: dumped at once, a 10,000-item order held the UI
thread for about 40 ms.
"""

import logging
import sys
from collections.abc import Iterator
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from orderdesk.cli import WRITE_PDF_NOT_WRITTEN, WRITE_PDF_OPTION
from orderdesk.models import Order
from orderdesk.store.document_json import order_json_parts
from orderdesk.views.formatting import Formatter
from orderdesk.views.i18n import tr

logger = logging.getLogger(__name__)


class PdfOutcome(IntEnum):
    """How saving an order as PDF ended."""

    WRITTEN = 0
    """The file is there."""
    FILE_NOT_WRITTEN = 1
    """The file could not be written where the user chose."""
    FAILED = 2
    """Anything else: the child did not start, crashed or got no order."""


def own_command(arguments: list[str]) -> tuple[str, list[str]]:
    """The program and arguments that start this OrderDesk with `arguments`.

    A built OrderDesk is its own program; from a checkout it is the same
    interpreter running `-m orderdesk`.
    """
    if getattr(sys, "frozen", False):
        return sys.executable, arguments
    return sys.executable, ["-m", "orderdesk", *arguments]


class PdfExport(QObject):
    """One order saved as a PDF file by a child process.

    Connect to `finished`, then `start`; `finished` follows exactly once,
    even when the child cannot be started.

    Args:
        order: The order to save.
        formatter: The window's language and currency, which the page uses.
        path: The PDF file to write.
        parent: The owner; the child process is stopped if it goes first.

    Signals:
        finished(int, str, int): The order id, the file's path, and how it
            ended (a `PdfOutcome`).
    """

    finished = Signal(int, str, int)

    def __init__(
        self,
        order: Order,
        formatter: Formatter,
        path: Path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.order_id = order.id
        self.path = path
        self._order: Order | None = order
        self._parts: Iterator[bytes | memoryview] | None = None
        self._next_part = QTimer(self)
        self._next_part.setSingleShot(True)
        self._next_part.setInterval(0)
        self._next_part.timeout.connect(self._write_next_part)
        self._started = False
        self._done = False

        self._process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert("QT_QPA_PLATFORM", "offscreen")
        self._process.setProcessEnvironment(environment)
        self._process.started.connect(self._send_order)
        self._process.finished.connect(self._on_finished)
        self._process.errorOccurred.connect(self._on_error)

        self._arguments = [
            WRITE_PDF_OPTION,
            str(path),
            "--lang",
            formatter.language.value,
            "--currency",
            formatter.currency.value,
        ]

    @property
    def running(self) -> bool:
        """Whether it was started and the file is still being written."""
        return self._started and not self._done

    def start(self) -> None:
        """Start the child process; the window's work goes on meanwhile."""
        if self._started:
            return
        self._started = True
        program, arguments = own_command(self._arguments)
        logger.info("Saving order %s as PDF in a child process", self.order_id)
        self._process.start(program, arguments)

    def stop(self) -> None:
        """Stop the child without a word, as when its window closes.

        The file is not written, and `finished` does not follow: the window
        that would say so is going away.
        """
        if not self.running:
            return
        logger.info("Saving order %s as PDF stopped: the window closed", self.order_id)
        self._end_sending()
        self._process.kill()

    def _end_sending(self) -> None:
        """Mark the export done and let the order go, sent or not."""
        self._done = True
        self._next_part.stop()
        self._parts = None
        self._order = None

    def _send_order(self) -> None:
        if self._order is None:
            return
        self._parts = order_json_parts(self._order)
        self._order = None
        self._write_next_part()

    def _write_next_part(self) -> None:
        # QProcess writes as the pipe takes it, from the event loop; the
        # write channel is closed after the last part, which ends the input.
        if self._parts is None or self._done:
            return
        part = next(self._parts, None)
        if part is None:
            self._parts = None
            self._process.closeWriteChannel()
            return
        self._process.write(bytes(part))
        self._next_part.start()

    def _on_finished(self, exit_code: int, status: QProcess.ExitStatus) -> None:
        if status == QProcess.ExitStatus.NormalExit and exit_code == 0:
            self._finish(PdfOutcome.WRITTEN)
            return
        logger.warning(
            "Saving order %s as PDF failed (exit %s): %s",
            self.order_id,
            exit_code,
            self._reason(),
        )
        normal = status == QProcess.ExitStatus.NormalExit
        if normal and exit_code == WRITE_PDF_NOT_WRITTEN:
            self._finish(PdfOutcome.FILE_NOT_WRITTEN)
        else:
            self._finish(PdfOutcome.FAILED)

    def _on_error(self, error: QProcess.ProcessError) -> None:
        # Only a start that failed has no `finished` to follow.
        if error == QProcess.ProcessError.FailedToStart:
            logger.warning(
                "Saving order %s as PDF failed: the child process did not start (%s)",
                self.order_id,
                self._process.errorString(),
            )
            self._finish(PdfOutcome.FAILED)

    def _finish(self, outcome: PdfOutcome) -> None:
        if self._done:
            return
        self._end_sending()
        self.finished.emit(self.order_id, str(self.path), int(outcome))

    def _reason(self) -> str:
        """The child's own one-line reason, which names no value of the order."""
        lines = bytes(self._process.readAllStandardError().data()).decode(
            "utf-8", "replace"
        )
        own = [line for line in lines.splitlines() if line.startswith("orderdesk:")]
        return own[-1] if own else "no reason given"


def close_question(
    parent: QWidget, formatter: Formatter, order_ids: list[int]
) -> QMessageBox:
    """The question a window asks before closing while PDFs are being saved.

    Closing the window stops the child processes, so their files are never
    written. The box is returned unopened; its "Close anyway" button has the
    destructive role, and waiting is the default and the Escape answer.

    Args:
        parent: The window that is closing.
        formatter: How the order numbers are written.
        order_ids: The orders still being saved.
    """
    numbers = tr(", ").join(formatter.number(order_id) for order_id in order_ids)
    if len(order_ids) == 1:
        text = tr(
            "Order %1 is still being saved as PDF. If OrderDesk closes now, the"
            " file will not be written."
        )
    else:
        text = tr(
            "Orders %1 are still being saved as PDF. If OrderDesk closes now,"
            " the files will not be written."
        )
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("PDF still being saved"),
        text.replace("%1", numbers),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.addButton(tr("Close anyway"), QMessageBox.ButtonRole.DestructiveRole)
    wait = box.addButton(tr("Wait"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(wait)
    box.setEscapeButton(wait)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box
