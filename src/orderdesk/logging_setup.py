"""Where the application's log records go, and what they may say."""

import logging
import sys
from pathlib import Path

from orderdesk.api import RedactingFilter, quiet_http_loggers
from orderdesk.crash import file_handler

FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def configure_logging(*, verbose: bool = False, folder: Path | None = None) -> None:
    """Send OrderDesk's records to standard error and the log file, tokens masked.

    Args:
        verbose: Log each request (method, path, status, time) at INFO and
            details at DEBUG; otherwise only warnings and errors.
        folder: The folder of the rotating log file; the platform's user log
            folder by default (see `orderdesk.crash`).
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    # Filters on the handler see records of every logger that reaches it.
    handler.addFilter(RedactingFilter())
    handlers: list[logging.Handler] = [handler]
    try:
        handlers.append(file_handler(folder))
    except OSError as error:
        # A read-only home folder must not keep the application from starting.
        print(f"orderdesk: no log file: {error.strerror}", file=sys.stderr)

    root = logging.getLogger()
    root.handlers[:] = handlers
    root.setLevel(logging.WARNING)
    logging.getLogger("orderdesk").setLevel(
        logging.DEBUG if verbose else logging.WARNING
    )
    # httpx logs whole URLs, queries included, at INFO.
    quiet_http_loggers()
