"""Garbage collection on the UI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when
a threshold is crossed, often a pool thread in the middle of a request. If
the cycle it frees holds a Qt object owned by Python, that object is then
destroyed on the wrong thread, and Qt crashes. The automatic collector is
therefore switched off and the same work is done on the UI thread by a
timer, generation by generation, as Python would have done it.

Once the first window is up, everything alive (the imported modules, the
window) is frozen out of the collector's sight (`freeze_start_up`, which
calls `gc.freeze()`): full collections then walk only what came later.
With a 10,000-item order open that took a full collection from about 34 ms
to 10 ms of the UI thread. It happens then and not later because anything
frozen is never collected: frozen later, a large order loaded meanwhile
would stay in memory for good if it ever became cyclic garbage. Freezing
is instant; the price is the start-up's own cyclic garbage, which stays.
"""

import gc
import logging
import time

from PySide6.QtCore import QObject, QTimer

logger = logging.getLogger(__name__)

INTERVAL_MS = 1000
# CPython holds full collections back until enough long-lived objects are
# new; the timer cannot see that count, so it spaces them out in time. A
# large open order is tens of thousands of objects to walk.
FULL_COLLECTION_INTERVAL_S = 60.0


def freeze_start_up() -> None:
    """Freeze everything alive now out of the collector's sight; once only.

    Call it when start-up is over (the first window shown) and before any
    order is loaded. Later calls do nothing, so that nothing of the user's
    work is ever frozen.
    """
    if gc.get_freeze_count():
        return
    gc.freeze()
    logger.debug("Froze %d objects alive after start-up", gc.get_freeze_count())


class MainThreadGarbageCollector(QObject):
    """Collects cyclic garbage on the thread it lives in (the UI thread).

    Args:
        parent: Usually the application.
        interval_ms: How often to look at the collector's counts.
    """

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._last_full = time.monotonic()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds."""
        counts = gc.get_count()
        now = time.monotonic()
        if (
            counts[2] > self._thresholds[2]
            and now - self._last_full >= FULL_COLLECTION_INTERVAL_S
        ):
            gc.collect(2)
            self._last_full = now
        elif counts[1] > self._thresholds[1]:
            gc.collect(1)
        elif counts[0] > self._thresholds[0]:
            gc.collect(0)

    def stop(self) -> None:
        """Give collection back to Python, as before (nothing frozen)."""
        self._timer.stop()
        gc.unfreeze()
        gc.enable()
