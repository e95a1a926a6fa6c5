"""Garbage collection on the UI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when
a threshold is crossed, often a pool thread in the middle of a request. If
the cycle it frees holds a Qt object owned by Python, that object is then
destroyed on the wrong thread, and Qt crashes. The automatic collector is
therefore switched off and the same work is done on the UI thread by a
timer, generation by generation, as Python would have done it.

A few seconds after start-up, once, everything alive then (the imported
modules, the window) is frozen out of the collector's sight
(`gc.freeze()`): full collections then walk only what came later. With a
10,000-item order open that took a full collection from about 34 ms to
10 ms of the UI thread. Freezing is instant; collecting first would have
cost one full collection (about 100 ms) at a moment the user may be
working. The price: cyclic garbage that exists at that moment (a sign-in
dialog closed already, say) and anything alive then that becomes cyclic
garbage later is never collected; that is a handful of objects, once.
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
FREEZE_AFTER_S = 5.0
"""When start-up is over and its survivors are frozen; None never freezes."""


class MainThreadGarbageCollector(QObject):
    """Collects cyclic garbage on the thread it lives in (the UI thread).

    Args:
        parent: Usually the application.
        interval_ms: How often to look at the collector's counts.
        freeze_after_s: Seconds after which everything alive is frozen,
            once; None never freezes.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        interval_ms: int = INTERVAL_MS,
        freeze_after_s: float | None = FREEZE_AFTER_S,
    ) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._last_full = self._started = time.monotonic()
        self._freeze_after_s = freeze_after_s
        self._frozen = False
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds."""
        counts = gc.get_count()
        now = time.monotonic()
        if self._should_freeze(now):
            self._freeze(now)
        elif (
            counts[2] > self._thresholds[2]
            and now - self._last_full >= FULL_COLLECTION_INTERVAL_S
        ):
            gc.collect(2)
            self._last_full = now
        elif counts[1] > self._thresholds[1]:
            gc.collect(1)
        elif counts[0] > self._thresholds[0]:
            gc.collect(0)

    @property
    def frozen(self) -> bool:
        """Whether the survivors of start-up are frozen."""
        return self._frozen

    def stop(self) -> None:
        """Give collection back to Python, as before (nothing frozen)."""
        self._timer.stop()
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
        gc.enable()

    def _should_freeze(self, now: float) -> bool:
        after = self._freeze_after_s
        return not self._frozen and after is not None and now - self._started >= after

    def _freeze(self, now: float) -> None:
        gc.freeze()
        self._frozen = True
        self._last_full = now
        logger.debug("Froze %d objects alive after start-up", gc.get_freeze_count())
