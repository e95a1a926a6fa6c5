"""Figure 7, context: saving a long order as PDF, against Qt's own pagination.

    python -m benchmarks.printing URL ORDER_ID ITEMS [--repeat N]

Reads the order once, keeps its first ITEMS items and as many payments at
most, and times `order_to_pdf` (the document laid out once, cut between
rows by `views.pagination`, each page painted with its footer) against
`QTextDocument.print_` of the same document into the same kind of writer,
which is how Qt paginates on its own (and splits rows). Runs alternate
after one warm-up of each; the medians are reported.

7b: the window's own Save as PDF of that order (`PrintActions`, which
hands an order this long to a child process): the longest gap of a 4 ms
heartbeat in the UI thread from the click until the file is saved, and
how long that took, against the idle heartbeat.
"""

import argparse
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMainWindow

from benchmarks.qt_harness import Heartbeat, application, report, settle, wait_for
from orderdesk.api import ShopClient
from orderdesk.api.tokens import ENVIRONMENT_VARIABLE as TOKEN_VARIABLE
from orderdesk.models import Order
from orderdesk.views.formatting import Formatter
from orderdesk.views.printing import (
    PDF_RESOLUTION,
    PrintActions,
    order_document,
    order_to_pdf,
    set_a4,
)

PRINTED_AT = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


def read_order(url: str, order_id: int, items: int) -> Order:
    """The order from the server, cut to its first `items` items and payments."""
    with ShopClient(url, os.environ[TOKEN_VARIABLE]) as client:
        order = client.get_order(order_id)
    return order.model_copy(
        update={"items": order.items[:items], "payments": order.payments[:items]}
    )


def ours(order: Order, formatter: Formatter, path: Path) -> float:
    """Milliseconds for OrderDesk's Save as PDF."""
    started = time.perf_counter()
    order_to_pdf(order, formatter, path, PRINTED_AT)
    return (time.perf_counter() - started) * 1000


def qt_alone(order: Order, formatter: Formatter, path: Path) -> float:
    """Milliseconds for the same document printed by Qt's own pagination."""
    from PySide6.QtGui import QPdfWriter

    started = time.perf_counter()
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    set_a4(writer)
    document = order_document(order, formatter, PRINTED_AT)
    document.print_(writer)
    return (time.perf_counter() - started) * 1000


def window_save(
    window: QMainWindow, order: Order, formatter: Formatter, path: Path
) -> tuple[float, float, float]:
    """Figure 7b once: the longest gap, the time to the saved file, and idle."""
    actions = PrintActions(
        window, formatter, lambda: order, ask_path=lambda _parent, _path: path
    )
    saved: list[str] = []
    actions.pdf_saved.connect(saved.append)
    heartbeat = Heartbeat()
    heartbeat.start()
    settle(500)
    idle = max(heartbeat.stop())

    heartbeat.start()
    started = time.perf_counter()
    actions.save_current_as_pdf()
    wait_for(lambda: bool(saved), 120, "the PDF to be saved")
    took = (time.perf_counter() - started) * 1000
    return max(heartbeat.stop()), took, idle


def main() -> None:
    """Time both ways and report the medians."""
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("order", type=int)
    parser.add_argument("items", type=int)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()

    application()
    formatter = Formatter(QLocale(QLocale.Language.English, QLocale.Country.Iran))
    order = read_order(options.url, options.order, options.items)
    with tempfile.TemporaryDirectory(prefix="orderdesk-print-") as folder:
        mine, theirs = Path(folder) / "ours.pdf", Path(folder) / "qt.pdf"
        qt_alone(order, formatter, theirs)
        ours(order, formatter, mine)
        pairs = [
            (ours(order, formatter, mine), qt_alone(order, formatter, theirs))
            for _ in range(options.repeat)
        ]
        window = QMainWindow()
        window.show()
        saves = [
            window_save(window, order, formatter, mine)
            for _ in range(options.repeat + 1)
        ][1:]
    report(
        {
            "app_ms": statistics.median(p[0] for p in pairs),
            "baseline_ms": statistics.median(p[1] for p in pairs),
            "items": len(order.items),
            "payments": len(order.payments),
            "window_stall_ms": statistics.median(s[0] for s in saves),
            "window_total_ms": statistics.median(s[1] for s in saves),
            "idle_ms": statistics.median(s[2] for s in saves),
        }
    )
    # PySide can crash while the interpreter tears its objects down; the
    # figures are out already, so leave without that teardown.
    os._exit(0)


if __name__ == "__main__":
    main()
