"""The `orderdesk-sandbox` command: start a seeded shop server.

The first line on stdout is a JSON object with the server's URL and the API
tokens of its users; nothing else is ever written to stdout.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

logger = logging.getLogger(__name__)

_RATE = re.compile(r"^\d+/(s|sec|second|m|min|minute|h|hour|d|day)$")


def main(argv: list[str] | None = None) -> int:
    """Run the server until SIGTERM or SIGINT.

    Args:
        argv: Command-line arguments without the program name; defaults to
            sys.argv[1:].

    Returns:
        The exit code: 0 after a signal.
    """
    parser = _parser()
    args = parser.parse_args(argv)
    if args.large_order_pictures and not args.large_order:
        parser.error("--large-order-pictures needs --large-order")
    stop = threading.Event()
    _install_signal_handlers(stop)
    if args.exit_with_parent:
        _stop_when_stdin_closes(stop)

    # Django is imported only now, after the arguments are known, because
    # its settings depend on them.
    from orderdesk_sandbox import settings

    db_path = args.db.resolve()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    settings.configure(
        db_path,
        extra_host=args.host,
        throttle_rate=args.throttle,
        log_level=args.log_level,
    )

    from orderdesk_sandbox import database, server

    large_order = tuple(args.large_order) if args.large_order else None
    prepared = database.prepare(
        settings.media_root_for(db_path), large_order, args.large_order_pictures
    )
    if stop.is_set():
        return 0

    try:
        httpd = server.make_server(args.host, args.port)
    except OSError as exc:
        # A taken port is a usage error, not a crash: no traceback.
        sys.stderr.write(
            f"orderdesk-sandbox: cannot listen on {args.host}:{args.port}: {exc}\n"
        )
        return 1
    ready = {"url": server.base_url(httpd, args.host), "tokens": prepared.tokens}
    if prepared.large_order is not None:
        ready["large_order"] = prepared.large_order
    sys.stdout.write(json.dumps(ready) + "\n")
    sys.stdout.flush()
    logger.info("serving %s", ready["url"])

    server.serve_until(httpd, stop)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="orderdesk-sandbox",
        description="Start a seeded Django REST Framework shop server.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind")
    parser.add_argument("--port", type=int, default=0, help="port; 0 picks one")
    parser.add_argument(
        "--db",
        type=Path,
        required=True,
        help="SQLite file; created and seeded when missing",
    )
    parser.add_argument(
        "--throttle",
        type=_rate,
        metavar="RATE",
        help="throttle each user, e.g. 5/min, so that 429 can be produced",
    )
    parser.add_argument(
        "--large-order",
        nargs=2,
        type=_count,
        metavar=("ITEMS", "PAYMENTS"),
        help="also seed an order this large for benchmarks",
    )
    parser.add_argument(
        "--large-order-pictures",
        type=_count,
        default=0,
        metavar="COUNT",
        help="give the large order's first COUNT items pictures of their own, "
        "so that a client loads COUNT distinct thumbnails",
    )
    parser.add_argument(
        "--exit-with-parent",
        action="store_true",
        help="stop when standard input closes, as it does when the process "
        "that started the server ends in any way, even killed",
    )
    parser.add_argument(
        "--log-level",
        default="ERROR",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="stderr log level (INFO shows every request)",
    )
    return parser


def _rate(value: str) -> str:
    if not _RATE.match(value):
        raise argparse.ArgumentTypeError("expected a rate like 5/min or 100/hour")
    return value


def _count(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError("expected a count of zero or more")
    return number


def _stop_when_stdin_closes(stop: threading.Event) -> None:
    def watch() -> None:
        # The parent holds the other end of the pipe and never writes; the
        # read returns empty only when that end closes. A raw read, because a
        # daemon thread blocked in sys.stdin's buffered reader holds its lock
        # and makes the interpreter abort at exit.
        descriptor = sys.stdin.fileno()
        while os.read(descriptor, 1024):
            pass
        logger.info("standard input closed, stopping")
        stop.set()

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _install_signal_handlers(stop: threading.Event) -> None:
    def handle(signum: int, frame: FrameType | None) -> None:
        logger.info("received signal %d, stopping", signum)
        stop.set()

    signal.signal(signal.SIGINT, handle)
    signal.signal(signal.SIGTERM, handle)


if __name__ == "__main__":
    sys.exit(main())
