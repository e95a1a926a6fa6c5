"""Garbage collection on the UI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when
a threshold is crossed, often a pool thread in the middle of a request. If
the cycle it frees holds a Qt object owned by Python, that object is then
destroyed on the wrong thread, and Qt crashes. The automatic collector is
therefore switched off and the same work is done on the UI thread by a
timer, generation by generation, as Python would have done it.
"""

import gc
import logging

from PySide6.QtCore import QObject, QTimer

logger = logging.getLogger(__name__)

INTERVAL_MS = 1000


class MainThreadGarbageCollector(QObject):
    """Collects cyclic garbage on the thread it lives in (the UI thread).

    Args:
        parent: Usually the application.
        interval_ms: How often to look at the collector's counts.
    """

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        """Give collection back to Python, as before."""
        self._timer.stop()
        gc.enable()
