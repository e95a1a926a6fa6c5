"""Where the application's log records go, and what they may say."""

import logging
import sys

from orderdesk.api import RedactingFilter, quiet_http_loggers

FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def configure_logging(*, verbose: bool = False) -> None:
    """Send OrderDesk's records to standard error, with tokens masked.

    Args:
        verbose: Log each request (method, path, status, time) at INFO and
            details at DEBUG; otherwise only warnings and errors.
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    # Filters on the handler see records of every logger that reaches it.
    handler.addFilter(RedactingFilter())

    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    logging.getLogger("orderdesk").setLevel(
        logging.DEBUG if verbose else logging.WARNING
    )
    # httpx logs whole URLs, queries included, at INFO.
    quiet_http_loggers()
