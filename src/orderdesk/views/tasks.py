"""Background work for the views: one concurrency model, written down.

Every network or disk call runs as a `QRunnable` on the global
`QThreadPool`. Its result, or the exception it raised, comes back to the UI
thread as a queued signal and is handed to the callbacks given at start. A
`TaskRunner` belongs to one window: when the window closes, its tasks are
cancelled, which means their results are dropped, not that the calls stop.
"""

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

logger = logging.getLogger(__name__)

T = TypeVar("T")


class _Relay(QObject):
    """Carries one task's outcome from a pool thread to the UI thread.

    Signals:
        succeeded(object): The call returned this value.
        failed(object): The call raised this exception.
    """

    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, call: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._call = call
        # The job keeps the relay alive until it has emitted.
        self._relay = relay

    def run(self) -> None:  # QRunnable.run
        try:
            result = self._call()
        # Whatever the call raised belongs to the UI, which decides what to say.
        except Exception as error:
            self._relay.failed.emit(error)
        else:
            self._relay.succeeded.emit(result)


class Task(QObject, Generic[T]):
    """One call in flight, as seen from the UI thread.

    Signals:
        finished(): Emitted after a callback ran, whether it succeeded or not.
    """

    finished = Signal()

    def __init__(
        self,
        on_success: Callable[[T], None],
        on_error: Callable[[Exception], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._on_success = on_success
        self._on_error = on_error
        self._cancelled = False
        self.running = True
        self.relay = _Relay()
        self.relay.succeeded.connect(self._succeeded)
        self.relay.failed.connect(self._failed)

    def cancel(self) -> None:
        """Drop the result of this call when it arrives."""
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        """Whether the result will be dropped."""
        return self._cancelled

    @Slot(object)
    def _succeeded(self, result: T) -> None:
        self._settle(lambda: self._on_success(result))

    @Slot(object)
    def _failed(self, error: Exception) -> None:
        self._settle(lambda: self._on_error(error))

    def _settle(self, deliver: Callable[[], None]) -> None:
        self.running = False
        try:
            if not self._cancelled:
                deliver()
        finally:
            self.finished.emit()
            self.deleteLater()


class TaskRunner(QObject):
    """Starts calls on the thread pool on behalf of one window.

    Signals:
        busy_changed(bool): Whether any call of this runner is in flight.
    """

    busy_changed = Signal(bool)

    def __init__(
        self, parent: QObject | None = None, pool: QThreadPool | None = None
    ) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._tasks: set[Task[Any]] = set()

    def run(
        self,
        call: Callable[[], T],
        on_success: Callable[[T], None],
        on_error: Callable[[Exception], None],
    ) -> Task[T]:
        """Run `call` off the UI thread and deliver its outcome on it.

        Args:
            call: The blocking work; it must not touch widgets.
            on_success: Receives the value `call` returned, on the UI thread.
            on_error: Receives the exception `call` raised, on the UI thread.

        Returns:
            The task, which can be cancelled.
        """
        task: Task[T] = Task(on_success, on_error, self)
        self._tasks.add(task)
        task.finished.connect(lambda: self._forget(task))
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)

        self._pool.start(_Job(call, task.relay))
        return task

    @property
    def busy(self) -> bool:
        """Whether any call of this runner is in flight."""
        return bool(self._tasks)

    def cancel_all(self) -> None:
        """Drop the results of every call in flight, as when a window closes."""
        for task in self._tasks:
            task.cancel()

    def _forget(self, task: Task[Any]) -> None:
        self._tasks.discard(task)
        if not self._tasks:
            self.busy_changed.emit(False)
