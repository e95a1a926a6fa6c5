"""What the benchmark child processes share: painting, heartbeat, memory, a window.

Each figure runs in a child process of its own (see `runner`), which
reports its numbers as one JSON line through `report`.
"""

import json
import os
import sys
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

RESULT_PREFIX = "BENCH-RESULT "
HEARTBEAT_MS = 4
WINDOW_SIZE = (1440, 880)
"""The main window's own default size; the bare baseline window takes it too."""


def report(values: dict[str, object]) -> None:
    """Hand the parent this process's figures, as one line on stdout."""
    sys.stdout.write(RESULT_PREFIX + json.dumps(values) + "\n")
    sys.stdout.flush()


def application() -> QApplication:
    """The process's QApplication, made on first use."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(sys.argv[:1])


class PaintWatcher(QObject):
    """Notes when a widget has been painted after `arm()`.

    "Painted" is the end of the repaint cycle in which the widget received a
    paint event: a zero timer queued from the paint event runs once Qt has
    painted every dirty widget of that cycle and flushed the backing store.

    Args:
        widget: The widget to watch.
        on_painted: Called at that moment, if given.

    Attributes:
        painted_at: `time.perf_counter()` at that moment, or None before it.
    """

    def __init__(
        self, widget: QWidget, on_painted: Callable[[], None] | None = None
    ) -> None:
        super().__init__(widget)
        self.painted_at: float | None = None
        self._armed = False
        self._on_painted = on_painted
        widget.installEventFilter(self)

    def arm(self) -> None:
        """Wait for the next paint from now on."""
        self.painted_at = None
        self._armed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Override of `QObject.eventFilter`: notice paint events, never eat them."""
        if self._armed and event.type() == QEvent.Type.Paint:
            self._armed = False
            QTimer.singleShot(0, self._on_cycle_done)
        return False

    def _on_cycle_done(self) -> None:
        self.painted_at = time.perf_counter()
        if self._on_painted is not None:
            self._on_painted()


class Heartbeat:
    """A timer in the UI thread; the longest gap between beats is the stall.

    The gap includes the timer's own interval, so an idle loop shows about
    `HEARTBEAT_MS`; anything longer is time the event loop was not free.
    """

    def __init__(self, interval_ms: int = HEARTBEAT_MS) -> None:
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._beat)
        self._beats: list[float] = []

    def start(self) -> None:
        """Start beating from now."""
        self._beats = [time.perf_counter()]
        self._timer.start()

    def stop(self) -> list[float]:
        """Stop, and return every gap between beats in ms, in order."""
        self._timer.stop()
        self._beat()
        beats = self._beats
        return [(after - before) * 1000 for before, after in pairwise(beats)]

    def beats(self) -> list[float]:
        """The beats so far, as `time.perf_counter()` values."""
        return list(self._beats)

    def _beat(self) -> None:
        self._beats.append(time.perf_counter())


def wait_for(done: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Run the event loop until `done()` holds.

    Raises:
        TimeoutError: It did not hold within `timeout_s` seconds.
    """
    deadline = time.perf_counter() + timeout_s
    loop = QEventLoop()
    poll = QTimer()
    # A cheap check every few ms; measured moments are taken where they
    # happen (PaintWatcher, signal handlers), never by this poll.
    poll.setInterval(5)
    poll.timeout.connect(
        lambda: loop.quit() if done() or time.perf_counter() > deadline else None
    )
    poll.start()
    if not done():
        loop.exec()
    poll.stop()
    if not done():
        raise TimeoutError(f"timed out waiting for {what}")


def settle(ms: int) -> None:
    """Run the event loop for a while, as an idle user would let it."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def resident_bytes() -> int:
    """This process's resident memory now (Linux), else its peak so far."""
    statm = Path("/proc/self/statm")
    if statm.is_file():
        pages = int(statm.read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE")
    import resource  # POSIX only; Linux never gets here

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is in bytes on macOS, in KiB elsewhere.
    return int(peak if sys.platform == "darwin" else peak * 1024)
