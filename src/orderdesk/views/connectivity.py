"""Whether the server answers, and asking again while it does not."""

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from orderdesk.api import ApiError, NetworkError
from orderdesk.views.tasks import TaskRunner

logger = logging.getLogger(__name__)

# Seconds grow so a server that is down for long is not asked every moment.
RETRY_DELAYS_MS = (2_000, 4_000, 8_000, 15_000, 30_000, 60_000)


class Connectivity(QObject):
    """Tracks whether the server can be reached.

    Once a call finds the server unreachable, a cheap call is tried again
    and again, waiting longer each time, until the server answers. Any
    answer counts, even a refusal: it means the network and server are up.

    Args:
        probe: A cheap blocking call to the server; run on a pool thread.
        runner: Runs the probe.
        parent: The owning window.
        delays_ms: How long to wait before each try; the last repeats.

    Signals:
        offline_changed(bool): True when the server stopped answering,
            False when it answers again.
        answered(object): What the probe returned when the server answered
            it, so the caller need not ask for the same thing again.
    """

    offline_changed = Signal(bool)
    answered = Signal(object)

    def __init__(
        self,
        probe: Callable[[], object],
        runner: TaskRunner,
        parent: QObject | None = None,
        delays_ms: Sequence[int] = RETRY_DELAYS_MS,
    ) -> None:
        super().__init__(parent)
        self._probe = probe
        self._runner = runner
        self._delays = tuple(delays_ms)
        self._attempt = 0
        self._probing = False
        self.since: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._try_again)

    @property
    def offline(self) -> bool:
        """Whether the server is taken to be unreachable."""
        return self.since is not None

    def report_unreachable(self) -> None:
        """A call could not reach the server: go offline and start asking."""
        if self.offline:
            return
        self.since = datetime.now(UTC)
        self._attempt = 0
        logger.warning("The server cannot be reached; working offline")
        self.offline_changed.emit(True)
        self._schedule()

    def try_now(self) -> None:
        """Ask the server at once, as when the user asks to reconnect."""
        if self.offline:
            self._timer.stop()
            self._try_again()

    def set_delays(self, delays_ms: Sequence[int]) -> None:
        """Wait these times between tries instead (tests use short ones)."""
        self._delays = tuple(delays_ms)

    def stop(self) -> None:
        """Stop asking, as when the window closes."""
        self._timer.stop()

    def _schedule(self) -> None:
        delay = self._delays[min(self._attempt, len(self._delays) - 1)]
        self._timer.start(delay)

    def _try_again(self) -> None:
        if self._probing:
            return
        self._probing = True
        self._runner.run(self._probe, self._on_answer, self._on_no_answer)

    def _on_answer(self, answer: object) -> None:
        self._probing = False
        if answer is not None:
            self.answered.emit(answer)
        if not self.offline:
            return
        logger.info("The server answers again")
        self.since = None
        self._attempt = 0
        self.offline_changed.emit(False)

    def _on_no_answer(self, error: Exception) -> None:
        self._probing = False
        if isinstance(error, ApiError) and not isinstance(error, NetworkError):
            # A refusal is an answer: the server is there.
            self._on_answer(None)
            return
        self._attempt += 1
        self._schedule()
