"""The command line of the desktop application."""

import argparse
from dataclasses import dataclass
from pathlib import Path

WRITE_PDF_OPTION = "--write-pdf"
"""First argument of the child process that saves an order as PDF.

The window starts OrderDesk again with it (see `views.pdf_export`); a user
never types it, so the main usage does not list it.
"""
WRITE_PDF_NOT_WRITTEN = 1
"""The exit code of that child when the file could not be written there."""
WRITE_PDF_BAD_ORDER = 2
"""The exit code of that child when its standard input was no order."""


@dataclass(frozen=True)
class Options:
    """What the command line asked for.

    Attributes:
        server: The server to use instead of the last one.
        order: The order to open at start.
        demo: Run against a sandbox server started for this session.
        screenshot: Save a picture of the window once the order is shown,
            then exit.
        lang: "fa" or "en"; None follows the settings, then the system.
        verbose: Log requests at DEBUG level.
        currency: "rial" or "toman" to show amounts in; None follows the
            settings.
        allow_insecure_http: Accept a plain http:// server on another
            machine; the window then warns that the connection is not
            encrypted.
        offline: Start from the orders saved on this computer, without
            asking the server until it is reachable again.
    """

    server: str | None
    order: int | None
    demo: bool
    screenshot: Path | None
    lang: str | None
    verbose: bool
    currency: str | None = None
    allow_insecure_http: bool = False
    offline: bool = False


def parse_options(argv: list[str] | None = None) -> Options:
    """Read the command line; exits with a usage message when it is wrong."""
    parser = argparse.ArgumentParser(
        prog="orderdesk",
        description="Record, correct and approve the payments of shop orders.",
    )
    parser.add_argument("--server", metavar="URL", help="the shop server's address")
    parser.add_argument("--order", metavar="ID", type=_order_id, help="open an order")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start a sandbox shop with sample data and sign in as its cashier",
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE",
        type=Path,
        help="save a PNG of the window once the order has loaded, then exit",
    )
    parser.add_argument(
        "--lang", choices=("fa", "en"), help="interface language (default: system)"
    )
    parser.add_argument(
        "--currency",
        choices=("rial", "toman"),
        help="show amounts in Rial or Toman (default: the setting, else Rial)",
    )
    parser.add_argument("--verbose", action="store_true", help="log more detail")
    parser.add_argument(
        "--allow-insecure-http",
        action="store_true",
        help="accept a plain http:// server on another machine (the token and "
        "the orders then travel unencrypted)",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="start from the orders saved on this computer; the server is "
        "asked again in the background and used once it answers",
    )
    args = parser.parse_args(argv)

    if args.offline and args.demo:
        parser.error("--offline cannot be used with --demo")
    if args.screenshot is not None and args.order is None and not args.demo:
        parser.error("--screenshot needs --order or --demo")
    return Options(
        server=args.server,
        order=args.order,
        demo=args.demo,
        screenshot=args.screenshot,
        lang=args.lang,
        verbose=args.verbose,
        currency=args.currency,
        allow_insecure_http=args.allow_insecure_http,
        offline=args.offline,
    )


def _order_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("an order ID is a positive number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("an order ID is a positive number")
    return value


@dataclass(frozen=True)
class WritePdfOptions:
    """What the window asked its PDF child process for.

    Attributes:
        path: The PDF file to write.
        lang: The interface language of the page, "fa" or "en".
        currency: "rial" or "toman".
    """

    path: Path
    lang: str
    currency: str


def parse_write_pdf(argv: list[str]) -> WritePdfOptions:
    """Read the arguments that follow `WRITE_PDF_OPTION`.

    Exits with a usage message when they are wrong.
    """
    parser = argparse.ArgumentParser(
        prog=f"orderdesk {WRITE_PDF_OPTION}",
        description="Save the order JSON read from standard input as a PDF file.",
    )
    parser.add_argument("path", type=Path, help="the PDF file to write")
    parser.add_argument("--lang", choices=("fa", "en"), required=True)
    parser.add_argument("--currency", choices=("rial", "toman"), required=True)
    args = parser.parse_args(argv)
    return WritePdfOptions(path=args.path, lang=args.lang, currency=args.currency)
