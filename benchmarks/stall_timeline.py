"""What the UI thread was doing during each long gap of figure 4.

A diagnosis, not a figure: it starts its own sandbox with the large order,
opens it once in a desk as figure 4 does (after one warm-up), and prints
every heartbeat gap longer than a frame beside the timed steps and garbage
collections that overlapped it, with the thread each ran in:

    uv run python -m benchmarks.stall_timeline [--gap-ms 16] [--events]

The steps timed are the ones the profiles named: reading (decoding and
validating) the answer, sealing it for the offline store, showing the order, fitting
columns, the review queue taking the order's payments, starting the queued
thumbnail loads and redrawing the arrived ones.

With `--events`, each gap also lists the events Qt delivered in the UI
thread that began in it (a paint, a layout request, a timer), each with the
time until the next event began: an upper bound of how long it took, which
names the widget when a gap has no timed step beside it. The application-wide
event filter that logs them costs a little in every event. Last, it prints
how long a repaint of the whole window takes with the order in it, beside a
bare window of the same size.
"""

import argparse
import functools
import gc
import itertools
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow, QWidget

from benchmarks.qt_harness import Heartbeat, application, settle, wait_for

MB = 1024 * 1024


@dataclass
class Span:
    """One timed step: what, where, from and to (perf_counter seconds)."""

    name: str
    thread: str
    start: float
    end: float


class Recorder:
    """Collects spans from wrapped functions and from the garbage collector."""

    def __init__(self) -> None:
        self.spans: list[Span] = []
        self._gc_started: dict[int, float] = {}

    def wrap(self, owner: Any, name: str, label: str) -> None:
        """Replace `owner.name` by a timed version of itself."""
        original: Callable[..., Any] = getattr(owner, name)

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self._add(label, started)

        setattr(owner, name, timed)

    def on_gc(self, phase: str, info: dict[str, int]) -> None:
        """A `gc.callbacks` entry: times each collection."""
        ident = threading.get_ident()
        if phase == "start":
            self._gc_started[ident] = time.perf_counter()
        elif ident in self._gc_started:
            self._add(f"gc gen {info['generation']}", self._gc_started.pop(ident))

    def _add(self, label: str, started: float) -> None:
        thread = threading.current_thread().name
        self.spans.append(Span(label, thread, started, time.perf_counter()))


@dataclass
class Delivery:
    """An event Qt delivered in the UI thread: when, what, to whom."""

    at: float
    kind: str
    receiver: str


class EventLog(QObject):
    """An application-wide event filter noting each event of the UI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.deliveries: list[Delivery] = []
        self._ui_thread = threading.get_ident()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Override of `QObject.eventFilter`: note the event, let it through."""
        if threading.get_ident() == self._ui_thread:
            self.deliveries.append(
                Delivery(time.perf_counter(), event.type().name, _name_of(watched))
            )
        return False


def _name_of(watched: QObject) -> str:
    """A widget's class and name, with its parent's name for a viewport."""
    parent = watched.parent()
    owner = f" in {parent.objectName()}" if parent and parent.objectName() else ""
    return f"{type(watched).__name__} {watched.objectName()}{owner}".strip()


def instrument(recorder: Recorder) -> None:
    """Wrap the steps that the profiles named."""
    from orderdesk.api import client
    from orderdesk.store import store
    from orderdesk.views import main_window, order_view, review_model, thumbnails

    recorder.wrap(client, "read_order_in_slices", "read order")
    recorder.wrap(store, "seal_document", "seal_document")
    recorder.wrap(main_window.MainWindow, "show_order", "show_order")
    recorder.wrap(order_view.OrderView, "set_order", "OrderView.set_order")
    recorder.wrap(order_view, "fit_columns_once", "fit columns")
    queue = review_model.ReviewQueueModel
    recorder.wrap(queue, "refresh_order", "review refresh_order")
    recorder.wrap(order_view.OrderView, "refresh_images", "refresh_images")
    loader = thumbnails.ThumbnailLoader
    recorder.wrap(loader, "_on_start_queued", "start queued thumbnails")
    gc.callbacks.append(recorder.on_gc)


def main() -> None:
    """Start a sandbox, run figure 4 once and print the long gaps."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gap-ms", type=float, default=16.0)
    parser.add_argument(
        "--events", action="store_true", help="list the events of each gap"
    )
    args = parser.parse_args()

    from benchmarks.__main__ import ITEMS, PAYMENTS, PICTURES
    from benchmarks.runner import child_environment
    from orderdesk.demo import SandboxServer

    with tempfile.TemporaryDirectory(prefix="orderdesk-timeline-") as folder:
        home = Path(folder)
        large = ("--large-order", str(ITEMS), str(PAYMENTS))
        pictures = ("--large-order-pictures", str(PICTURES))
        with SandboxServer(home / "shop.sqlite3", large + pictures) as server:
            assert server.info is not None
            token = server.info.tokens["cashier"]
            os.environ.update(child_environment(home, token))
            order_id = int(str(server.info.extra["large_order"]))
            _run(server.info.url, token, order_id, args.gap_ms, args.events)
    os._exit(0)


def _run(url: str, token: str, order_id: int, gap_ms: float, events: bool) -> None:
    from benchmarks.order_window import PICTURE_ROWS, TAIL_MS, Bench, _browse

    recorder = Recorder()
    instrument(recorder)
    bench = Bench(url, token, order_id)
    warm_up = bench.desk()
    bench.app_stall(warm_up)
    warm_up.close()
    settle(500)

    desk = bench.desk()
    desk.show_items_tab()
    settle(300)
    recorder.spans.clear()
    log = EventLog()
    if events:
        application().installEventFilter(log)
    heartbeat = Heartbeat()
    desk.expect_order()
    heartbeat.start()
    began = time.perf_counter()
    desk.window.open_order(order_id)
    painted = desk.wait_painted("the order to paint")
    _browse(desk, PICTURE_ROWS)
    wait_for(lambda: not desk.images.loading, 60, "the thumbnails")
    settle(TAIL_MS)
    beats = heartbeat.beats()
    heartbeat.stop()
    application().removeEventFilter(log)

    print(f"painted {1000 * (painted - began):.0f} ms after the click")
    if os.environ.get("TIMELINE_ALL"):
        for span in recorder.spans:
            print(
                f"  {1000 * (span.start - began):7.1f} {span.name:<24}"
                f" {1000 * (span.end - span.start):6.1f} ms  {span.thread}"
            )
    for before, after in itertools.pairwise(beats):
        if (after - before) * 1000 < gap_ms:
            continue
        print(
            f"gap {1000 * (after - before):6.1f} ms"
            f" at {1000 * (before - began):7.1f} ms"
        )
        for span in recorder.spans:
            if span.end > before and span.start < after:
                print(
                    f"    {span.name:<24} {1000 * (span.end - span.start):6.1f} ms"
                    f"  {span.thread}"
                )
        _print_deliveries(log.deliveries, before, after)

    _print_repaints(desk.window)


def _print_deliveries(deliveries: list[Delivery], before: float, after: float) -> None:
    """The events that began in a gap and ran for more than a millisecond."""
    for this, following in itertools.pairwise(deliveries):
        ran_ms = 1000 * (following.at - this.at)
        if before <= this.at < after and ran_ms > 1:
            print(f"      event {this.kind:<20} {this.receiver:<44} {ran_ms:5.1f} ms")


def _print_repaints(window: QWidget, times: int = 30) -> None:
    """The median synchronous repaint of the window, and of a bare one."""
    bare = QMainWindow()
    bare.resize(window.size())
    bare.show()
    settle(300)
    for name, widget in (
        ("the window with the order", window),
        ("a bare window", bare),
    ):
        took = []
        for _ in range(times):
            started = time.perf_counter()
            widget.repaint()
            took.append(1000 * (time.perf_counter() - started))
        print(f"repaint of {name}: median {statistics.median(took):.1f} ms")
    bare.close()


if __name__ == "__main__":
    main()
