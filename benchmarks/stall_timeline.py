"""What the UI thread was doing during each long gap of figure 4.

A diagnosis, not a figure: it starts its own sandbox with the large order,
opens it once in a desk as figure 4 does (after one warm-up), and prints
every heartbeat gap longer than a frame beside the timed steps and garbage
collections that overlapped it, with the thread each ran in:

    uv run python -m benchmarks.stall_timeline [--gap-ms 16]

The steps timed are the ones the profiles named: reading (decoding and
validating) the answer, sealing it for the offline store, showing the order, fitting
columns and the review queue taking the order's payments.
"""

import argparse
import functools
import gc
import itertools
import os
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.qt_harness import Heartbeat, settle, wait_for

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


def instrument(recorder: Recorder) -> None:
    """Wrap the steps that the profiles named."""
    from orderdesk.api import client
    from orderdesk.store import store
    from orderdesk.views import main_window, order_view, review_model

    recorder.wrap(client, "read_order_in_slices", "read order")
    recorder.wrap(store, "seal_document", "seal_document")
    recorder.wrap(main_window.MainWindow, "show_order", "show_order")
    recorder.wrap(order_view.OrderView, "set_order", "OrderView.set_order")
    recorder.wrap(order_view, "fit_columns_once", "fit columns")
    queue = review_model.ReviewQueueModel
    recorder.wrap(queue, "refresh_order", "review refresh_order")
    gc.callbacks.append(recorder.on_gc)


def main() -> None:
    """Start a sandbox, run figure 4 once and print the long gaps."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gap-ms", type=float, default=16.0)
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
            _run(server.info.url, token, order_id, args.gap_ms)
    os._exit(0)


def _run(url: str, token: str, order_id: int, gap_ms: float) -> None:
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


if __name__ == "__main__":
    main()
