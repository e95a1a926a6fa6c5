"""Figure 6, memory: resident memory with the large order open.

    python -m benchmarks.memory bare
    python -m benchmarks.memory app URL ORDER_ID

`bare` shows a bare PySide6 window of the main window's size; `app` shows
OrderDesk's window (composed as the application composes it) with the
order open, painted, and every thumbnail arrived. Each then lets the event
loop idle for a moment, collects garbage, and reports its resident memory
and its peak (Linux: /proc/self/statm and ru_maxrss).
"""

import gc
import os
import resource
import sys

from PySide6.QtWidgets import QMainWindow

from benchmarks.qt_harness import (
    WINDOW_SIZE,
    PaintWatcher,
    application,
    report,
    resident_bytes,
    settle,
    wait_for,
)

SETTLE_MS = 500


def _measure() -> None:
    settle(SETTLE_MS)
    gc.collect()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report(
        {
            "resident": resident_bytes(),
            "peak": peak if sys.platform == "darwin" else peak * 1024,
        }
    )
    # PySide can crash while the interpreter tears its objects down; the
    # figures are out already, so leave without that teardown.
    os._exit(0)


def bare() -> None:
    """The baseline: a bare window."""
    application()
    window = QMainWindow()
    window.resize(*WINDOW_SIZE)
    watcher = PaintWatcher(window)
    watcher.arm()
    window.show()
    wait_for(lambda: watcher.painted_at is not None, 30, "the window to paint")
    _measure()


def app(url: str, order_id: int) -> None:
    """OrderDesk's window with the order open; the token in ORDERDESK_TOKEN."""
    from benchmarks.desk import Desk, prepare_application
    from orderdesk.api.tokens import ENVIRONMENT_VARIABLE

    token = os.environ[ENVIRONMENT_VARIABLE]
    desk = Desk.open(url, token, prepare_application())
    desk.expect_order()
    desk.window.open_order(order_id)
    desk.wait_painted("the order to paint")
    wait_for(lambda: not desk.images.loading, 60, "the thumbnails")
    _measure()


def main() -> None:
    """Run the child named on the command line."""
    match sys.argv[1:]:
        case ["bare"]:
            bare()
        case ["app", url, order]:
            app(url, int(order))
        case _:
            sys.exit(__doc__)


if __name__ == "__main__":
    main()
