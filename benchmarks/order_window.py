"""Figures 2 to 4c: the large order in the window, against bare httpx.

Run by `benchmarks.__main__` in a child process of its own:

    python -m benchmarks.order_window URL ORDER_ID [--repeat N]

with the API token in `ORDERDESK_TOKEN` (never on a command line).

2. Opening: from `open_order` (what a click in the orders list or Ctrl+L
   calls) to the painted view, in a new window each time (so column fitting
   is included); baseline: httpx GET of the same URL plus
   `Order.model_validate_json` of its body.
3. Saving a payment: from clicking Save in the payment dialog (notes
   changed) to the refreshed, painted view; baseline: httpx PATCH of the
   same change plus parsing the answered order.
4. Responsiveness: the longest gap of a 4 ms heartbeat in the UI thread,
   from the click until the order is painted with the items tab in front,
   the first 200 items have been paged through (a page every 50 ms), their
   200 thumbnails have arrived and the last refresh has painted; baseline:
   the same heartbeat in the idle window just before.
4b. Paging beside busy work: a page of the items table scrolled into view
   and painted, per page over the first 200 rows, while another thread runs
   Python without pause (as a pool thread does while it reads an answer or
   seals a document); baseline: the same pages painted with that thread
   idle. Qt calls Python for every cell it paints, and each call must win
   the GIL from the busy thread, so the ratio counts those calls.
4c. Reading from the offline store: the longest gap of the same heartbeat
   while a pool thread reads the large order back from the window's
   offline store (`OrderStore.get_order`: decrypt, decompress, parse), as
   opening it offline does; baseline: the idle heartbeat just before.

Repetitions alternate with their baselines, after one warm-up of each.
"""

import argparse
import os
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import httpx
from PySide6.QtCore import QThreadPool

from benchmarks.desk import Desk, prepare_application
from benchmarks.qt_harness import Heartbeat, report, settle, wait_for
from orderdesk.api.tokens import ENVIRONMENT_VARIABLE as TOKEN_VARIABLE
from orderdesk.models import Order
from orderdesk.store import CachedOrder
from orderdesk.views.formatting import Formatter

TAIL_MS = 300
"""Heartbeat kept after the last thumbnail: its refresh runs 50 ms later."""
PICTURE_ROWS = 200
"""The large order's first items with pictures of their own."""
PAGE_MS = 50
"""How long a page of the items table stays in front while browsing."""


class Bench:
    """The server, the order and the bare client the baselines use."""

    def __init__(self, url: str, token: str, order_id: int) -> None:
        self.url = url
        self.token = token
        self.order_id = order_id
        self.formatter: Formatter = prepare_application()
        self.http = httpx.Client(
            base_url=url, headers={"Authorization": f"Token {token}"}, timeout=60
        )
        self.order = Order.model_validate_json(self._get())

    def _get(self) -> bytes:
        response = self.http.get(f"/api/orders/{self.order_id}")
        response.raise_for_status()
        return response.content

    def bare_open(self) -> float:
        """Baseline of figure 2, in ms."""
        started = time.perf_counter()
        Order.model_validate_json(self._get())
        return (time.perf_counter() - started) * 1000

    def bare_save(self, payment_id: int, notes: str) -> float:
        """Baseline of figure 3, in ms."""
        started = time.perf_counter()
        response = self.http.patch(
            f"/api/orders/{self.order_id}/payments/{payment_id}",
            json={"notes": notes},
        )
        response.raise_for_status()
        Order.model_validate_json(response.content)
        return (time.perf_counter() - started) * 1000

    def desk(self) -> Desk:
        """A new window of the desk."""
        return Desk.open(self.url, self.token, self.formatter)

    def app_open(self, desk: Desk) -> float:
        """Figure 2 once, in ms."""
        desk.expect_order()
        started = time.perf_counter()
        desk.window.open_order(self.order_id)
        painted = desk.wait_painted("the order to paint")
        return (painted - started) * 1000

    def app_save(self, desk: Desk, payment_id: int, notes: str) -> float:
        """Figure 3 once, in ms: the window shows the order already."""
        desk.window.order_view.select_payment(payment_id)
        desk.window.edit_payment(payment_id)
        settle(100)
        dialog = desk.payment_dialog()
        dialog.notes.setPlainText(notes)
        settle(50)

        desk.expect_order()
        started = time.perf_counter()
        dialog.save_button.click()
        painted = desk.wait_painted("the saved order to paint")
        wait_for(lambda: not dialog.isVisible(), 10, "the dialog to close")
        return (painted - started) * 1000

    def app_stall(self, desk: Desk) -> tuple[float, float, int]:
        """Figure 4 once: the longest gap loading, idle, and thumbnails seen."""
        desk.show_items_tab()
        settle(200)
        heartbeat = Heartbeat()
        heartbeat.start()
        settle(1000)
        idle = max(heartbeat.stop())

        desk.expect_order()
        heartbeat.start()
        desk.window.open_order(self.order_id)
        desk.wait_painted("the order to paint")
        _browse(desk, PICTURE_ROWS)
        wait_for(lambda: not desk.images.loading, 60, "the thumbnails")
        settle(TAIL_MS)
        busy = max(heartbeat.stop())
        return busy, idle, desk.thumbnails

    def app_cached_read(self, desk: Desk) -> tuple[float, float]:
        """Figure 4c once: the longest gap reading the order back, and idle."""
        heartbeat = Heartbeat()
        heartbeat.start()
        settle(1000)
        idle = max(heartbeat.stop())

        read: list[CachedOrder | None] = []
        heartbeat.start()
        QThreadPool.globalInstance().start(
            lambda: read.append(desk.store.get_order(self.order_id))
        )
        wait_for(lambda: bool(read), 60, "the order read from the offline store")
        busy = max(heartbeat.stop())
        assert read[0] is not None, "the order was not in the offline store"
        return busy, idle


def _browse(desk: Desk, rows: int) -> None:
    """Page through the first rows of the items table, as a reading cashier.

    Thumbnails load for the rows painted, so paging through the first 200
    items makes their 200 pictures arrive.
    """
    table = desk.window.order_view.items_table
    model = table.model()
    page = max(1, table.viewport().height() // max(1, table.rowHeight(0)))
    for row in [*range(0, rows, page), rows - 1]:
        table.scrollTo(model.index(row, 0), table.ScrollHint.PositionAtTop)
        settle(PAGE_MS)


def _each(
    repeat: int, action: Callable[[int], tuple[float, float]]
) -> dict[str, object]:
    """Run `action(n)` -> (app, baseline) once to warm up, then `repeat` times."""
    action(-1)
    pairs = [action(n) for n in range(repeat)]
    app = [pair[0] for pair in pairs]
    base = [pair[1] for pair in pairs]
    return {
        "app_ms": statistics.median(app),
        "baseline_ms": statistics.median(base),
        "app_all": app,
        "baseline_all": base,
    }


def opening(bench: Bench, repeat: int) -> dict[str, object]:
    """Figure 2: a new window each time, opening the large order."""

    def once(_n: int) -> tuple[float, float]:
        base = bench.bare_open()
        desk = bench.desk()
        try:
            return desk_open(bench, desk), base
        finally:
            desk.close()

    return _each(repeat, once)


def desk_open(bench: Bench, desk: Desk) -> float:
    """Open the order in a desk and check that it is the one shown."""
    elapsed = bench.app_open(desk)
    assert desk.shown is not None
    assert desk.shown.id == bench.order_id
    return elapsed


def saving(bench: Bench, repeat: int) -> dict[str, object]:
    """Figure 3: saves in one window that shows the large order."""
    payments = [p.id for p in bench.order.payments]
    desk = bench.desk()
    desk_open(bench, desk)
    stamp = time.strftime("%H%M%S")

    def once(n: int) -> tuple[float, float]:
        # Different payments each time: one for the desk, one for the
        # baseline, so neither sends a change that is already there.
        ours, theirs = payments[2 * n + 2], payments[-(2 * n + 3)]
        base = bench.bare_save(theirs, f"benchmark {stamp} {n}")
        return bench.app_save(desk, ours, f"benchmark {stamp} {n}"), base

    try:
        return _each(repeat, once)
    finally:
        desk.close()


def stalls(bench: Bench, repeat: int) -> dict[str, object]:
    """Figure 4: a new window each time, so every thumbnail arrives anew."""
    thumbnails: list[int] = []

    def once(_n: int) -> tuple[float, float]:
        desk = bench.desk()
        try:
            busy, idle, seen = bench.app_stall(desk)
        finally:
            desk.close()
        thumbnails.append(seen)
        return busy, idle

    result = _each(repeat, once)
    result["thumbnails"] = min(thumbnails)
    return result


def paging(bench: Bench, repeat: int) -> dict[str, object]:
    """Figure 4b: pages of items painted beside a busy thread, and idle."""
    desk = bench.desk()
    desk.show_items_tab()
    desk_open(bench, desk)
    _browse(desk, PICTURE_ROWS)
    wait_for(lambda: not desk.images.loading, 60, "the thumbnails")
    settle(TAIL_MS)

    def once(_n: int) -> tuple[float, float]:
        with _busy_thread():
            busy = _page_ms(desk, PICTURE_ROWS)
        return busy, _page_ms(desk, PICTURE_ROWS)

    try:
        return _each(repeat, once)
    finally:
        desk.close()


def cached_reads(bench: Bench, repeat: int) -> dict[str, object]:
    """Figure 4c: the large order read back from a window's offline store."""
    desk = bench.desk()
    desk.store.save_order(bench.order, datetime.now(UTC))
    try:
        return _each(repeat, lambda _n: bench.app_cached_read(desk))
    finally:
        desk.close()


def _page_ms(desk: Desk, rows: int) -> float:
    """Mean time to scroll a page of items into view and paint it."""
    table = desk.window.order_view.items_table
    model = table.model()
    page = max(1, table.viewport().height() // max(1, table.rowHeight(0)))
    starts = range(0, rows, page)
    started = time.perf_counter()
    for row in starts:
        table.scrollTo(model.index(row, 0), table.ScrollHint.PositionAtTop)
        table.viewport().repaint()
    return (time.perf_counter() - started) * 1000 / len(starts)


@contextmanager
def _busy_thread() -> Iterator[None]:
    """A thread running pure Python until the block ends."""
    done = threading.Event()

    def spin() -> None:
        while not done.is_set():
            sum(range(1000))

    thread = threading.Thread(target=spin, name="busy", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


def main() -> None:
    """Measure figures 2 to 4b and report them to the parent."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("order", type=int)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--only",
        choices=("open", "save", "stall", "paging", "cached"),
        action="append",
        default=None,
    )
    args = parser.parse_args()
    chosen = args.only or ["open", "save", "stall", "paging", "cached"]

    bench = Bench(args.url, os.environ[TOKEN_VARIABLE], args.order)
    figures = {
        "open": opening,
        "save": saving,
        "stall": stalls,
        "paging": paging,
        "cached": cached_reads,
    }
    report({name: figures[name](bench, args.repeat) for name in chosen})
    # PySide can crash while the interpreter tears its objects down; the
    # figures are out already, so leave without that teardown.
    os._exit(0)


if __name__ == "__main__":
    main()
