"""Figure 1, start-up: the child processes the parent times from their start.

    python -m benchmarks.startup bare
    python -m benchmarks.startup splash
    python -m benchmarks.startup app URL ORDER_ID
    python -m benchmarks.startup prepare URL ORDER_ID

`bare` opens a bare PySide6 window of the main window's size; `splash`
shows OrderDesk's splash screen, the first thing a user sees; `app` runs
OrderDesk itself (the splash, then `orderdesk.app.run`, as `orderdesk
--server URL --order ID --offline --lang en` would) with the order in its
offline store, so the
order comes from the cache as when the server is down. Both report
`time.monotonic()` once the window (for `app`: the order view's table, with
the order in it) has painted. The parent reads that clock too (it is
system-wide on Linux, macOS and Windows) and subtracts the moment before it
started the child. `prepare` fills the offline store of that server first,
through the same keyring and folders the `app` child will use.

Imports happen inside the functions, so that `bare` loads PySide6 only.
"""

import sys
import time


def bare() -> None:
    """A bare PySide6 window: the baseline."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    from benchmarks.qt_harness import WINDOW_SIZE, PaintWatcher, report

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(*WINDOW_SIZE)
    watcher = PaintWatcher(window)
    watcher.arm()
    window.show()
    while watcher.painted_at is None:
        app.processEvents()
    report({"painted": time.monotonic()})


def app(url: str, order_id: int) -> None:
    """OrderDesk, started offline on a cached order, as `orderdesk` starts it."""
    import os

    from orderdesk.splash import show_splash

    # As orderdesk.__main__ does: the splash first, then the heavy imports.
    splash = show_splash()

    import orderdesk.app
    from benchmarks.qt_harness import PaintWatcher, report
    from orderdesk.cli import parse_options
    from orderdesk.models import Order

    composed = orderdesk.app._open_window
    watchers: list[PaintWatcher] = []

    def on_painted() -> None:
        report({"painted": time.monotonic()})
        # Leave at once: the figure ends with the paint, and shutting down
        # (closing the store and the client) is no part of it.
        os._exit(0)

    def on_order(order: Order) -> None:
        if order.id == order_id:
            watchers[0].arm()

    def open_window(*args: object, **kwargs: object) -> object:
        # The composition root's own function, watched: the table in front
        # (payments) tells when the order view has painted with the order.
        window, images = composed(*args, **kwargs)  # type: ignore[arg-type]
        table = window.order_view.payments_table
        watchers.append(PaintWatcher(table.viewport(), on_painted))
        window.order_loaded.connect(on_order)
        return window, images

    orderdesk.app._open_window = open_window  # type: ignore[assignment]
    arguments = ["--server", url, "--order", str(order_id), "--offline"]
    options = parse_options([*arguments, "--lang", "en"])
    sys.exit(orderdesk.app.run(options, splash=splash))


def splash() -> None:
    """OrderDesk's splash screen, painted: what a user sees first."""
    from PySide6.QtWidgets import QApplication

    from benchmarks.qt_harness import PaintWatcher, report
    from orderdesk.splash import make_splash

    application = QApplication(sys.argv[:1])
    screen = make_splash(application)
    watcher = PaintWatcher(screen)
    watcher.arm()
    screen.show()
    while watcher.painted_at is None:
        application.processEvents()
    report({"painted": time.monotonic()})


def prepare(url: str, order_id: int) -> None:
    """Keep an order in the offline store that `app` will open."""
    from datetime import UTC, datetime

    from benchmarks.qt_harness import report
    from orderdesk.api import ShopClient
    from orderdesk.app import ACCOUNT
    from orderdesk.store import open_offline_store

    with ShopClient(url, _token()) as client:
        order = client.get_order(order_id)
        store = open_offline_store(str(client.origin), ACCOUNT)
    assert store is not None, "the benchmark keyring was not taken as secure"
    store.save_order(order, datetime.now(UTC))
    store.close()
    report({"prepared": order_id})


def _token() -> str:
    import os

    from orderdesk.api.tokens import ENVIRONMENT_VARIABLE

    return os.environ[ENVIRONMENT_VARIABLE]


def main() -> None:
    """Run the child named on the command line."""
    match sys.argv[1:]:
        case ["bare"]:
            bare()
        case ["splash"]:
            splash()
        case ["app", url, order]:
            app(url, int(order))
        case ["prepare", url, order]:
            prepare(url, int(order))
        case _:
            sys.exit(__doc__)


if __name__ == "__main__":
    main()
