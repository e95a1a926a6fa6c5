"""Errors nobody caught: written to a private log file and shown to the user.

`install_excepthook` replaces `sys.excepthook` and `threading.excepthook`.
An uncaught exception is formatted, passed through `orderdesk.api.redact`
(so the token, registered by the client, never appears), appended to a
rotating log file in the platform's user log folder, and shown in a dialog
whose details can be copied. Warnings of the normal log go to the same file
(see `orderdesk.logging_setup`).

The folder is created owner-only (0700) and the log files owner-only (0600):
they hold paths and order ids, which are nobody else's business.
"""

import io
import logging
import os
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from orderdesk.api import RedactingFilter, redact
from orderdesk.views.crash_dialog import CrashDialog, log_folder

logger = logging.getLogger(__name__)

LOG_FILE_NAME = "orderdesk.log"
LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
MAX_LOG_BYTES = 1024 * 1024
LOG_BACKUPS = 3

_handlers: dict[Path, RotatingFileHandler] = {}
_handlers_lock = threading.Lock()


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose every file, the rotated ones too, is owner-only."""

    def _open(self) -> io.TextIOWrapper:
        """Override of `FileHandler._open`: create the file with mode 0600."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
        descriptor = os.open(self.baseFilename, flags, 0o600)
        # The file may predate this process with looser permissions.
        os.chmod(self.baseFilename, 0o600)
        # Always appending: rotation renames files, it never truncates one.
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)


def file_handler(folder: Path | None = None) -> RotatingFileHandler:
    """The one rotating log handler of a folder, made on first use.

    One instance per file: two handlers rotating the same file would each
    keep writing into the other's renamed file.

    Args:
        folder: Where the log lives; the platform's user log folder by default.

    Raises:
        OSError: The folder or file cannot be created.
    """
    folder = folder or log_folder()
    path = (folder / LOG_FILE_NAME).resolve()
    with _handlers_lock:
        handler = _handlers.get(path)
        if handler is None:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(folder, 0o700)
            handler = PrivateRotatingFileHandler(
                path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
            )
            handler.setFormatter(logging.Formatter(LOG_FORMAT))
            handler.addFilter(RedactingFilter())
            _handlers[path] = handler
    return handler


class _Bridge(QObject):
    """Carries a report from any thread to the UI thread, where dialogs live.

    Signals:
        reported(str, str): The redacted details and the log file ("" if none).
    """

    reported = Signal(str, str)


class CrashReporter:
    """Writes and shows uncaught exceptions; see `install_excepthook`.

    Args:
        folder: The log folder; the platform's by default.

    Attributes:
        log_file: Where reports are written, or None when it cannot be.
        dialog: The dialog shown for the reports of this session, if any.
    """

    def __init__(self, folder: Path | None = None) -> None:
        try:
            self._handler: RotatingFileHandler | None = file_handler(folder)
            self.log_file: Path | None = Path(self._handler.baseFilename)
        except OSError as error:
            logger.warning("No crash log can be written: %s", error.strerror)
            self._handler, self.log_file = None, None
        self.dialog: CrashDialog | None = None
        self._bridge: _Bridge | None = None
        if QApplication.instance() is not None:
            self._bridge = _Bridge()
            self._bridge.reported.connect(
                self._show, Qt.ConnectionType.QueuedConnection
            )

    def report(self, error: BaseException) -> str:
        """Write an exception's redacted report and show it; returns the report."""
        details = redact(
            "".join(traceback.format_exception(type(error), error, error.__traceback__))
        )
        self._write(details)
        if self._bridge is not None:
            # Queued even from the UI thread: a dialog is not opened in the
            # middle of whatever code just failed.
            self._bridge.reported.emit(details, str(self.log_file or ""))
        return details

    def on_exception(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        """A `sys.excepthook`."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        self.report(error.with_traceback(trace))

    def on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        """A `threading.excepthook`."""
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.report(args.exc_value.with_traceback(args.exc_traceback))

    def _write(self, details: str) -> None:
        logger.critical("Uncaught exception; the details are in the log file")
        if self._handler is None:
            return
        record = logging.LogRecord(
            __name__, logging.CRITICAL, __file__, 0, "%s", (details,), None
        )
        # Straight to the file, whatever the loggers' levels and handlers.
        self._handler.handle(record)

    def _show(self, details: str, log_file: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_details(details)
            return
        self.dialog = CrashDialog(details, Path(log_file) if log_file else None)
        self.dialog.show()
        self.dialog.raise_()


def install_excepthook(folder: Path | None = None) -> CrashReporter:
    """Report every uncaught exception, of the UI thread and of others.

    Call it once the `QApplication` exists, so that reports can be shown.

    Args:
        folder: The log folder; the platform's by default.

    Returns:
        The reporter now installed.
    """
    reporter = CrashReporter(folder)
    sys.excepthook = reporter.on_exception
    threading.excepthook = reporter.on_thread_exception
    return reporter
