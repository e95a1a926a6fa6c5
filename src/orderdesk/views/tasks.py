"""Background work for the views: one concurrency model, written down.

Every network or disk call runs as a `QRunnable` on the global
`QThreadPool`. Its result, or the exception it raised, comes back to the UI
thread through one application-wide dispatcher (a queued signal) and is
handed to the callbacks given at start. A `TaskRunner` belongs to one
window: when the window closes or is destroyed, its tasks are cancelled,
which means their results are dropped, not that the calls stop.

No QObject is created per call and none is ever destroyed on a pool
thread: a worker only knows its task's number. (A per-call QObject owned
by Python can be freed by whichever thread drops its last reference, which
crashes Qt when that is a pool thread.)
"""

import itertools
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

logger = logging.getLogger(__name__)

T = TypeVar("T")

UI_SWITCH_INTERVAL_S = 0.001
"""How long a pool thread running Python keeps the interpreter from the UI.

Qt calls into Python for every cell it paints, and each call waits for the
interpreter lock when a pool thread holds it (reading an answer, sealing an
order for the offline store). CPython's default lets that thread keep it
for 5 ms per request; at 1 ms a page of the 10,000-item table painted
beside a busy thread takes about 10 ms instead of 16-22 ms (figure 4b of
`benchmarks`), and opening that order is no slower within the noise.
"""

_numbers = itertools.count(1)


def favour_the_ui_thread() -> None:
    """Let the UI thread win the interpreter back from pool threads sooner.

    Called once at start-up, before any pool thread runs; see
    `UI_SWITCH_INTERVAL_S`.
    """
    sys.setswitchinterval(UI_SWITCH_INTERVAL_S)


class Task(Generic[T]):
    """One call in flight, as seen from the UI thread.

    Attributes:
        number: Identifies the task between the pool thread and the UI.
        owner: The runner that started it; its window's lifetime.
        running: False once its outcome has been delivered or dropped.
    """

    def __init__(
        self,
        on_success: Callable[[T], None],
        on_error: Callable[[Exception], None],
        on_settled: Callable[["Task[Any]"], None],
        *,
        owner: QObject,
    ) -> None:
        self.number = next(_numbers)
        self.owner = owner
        self.running = True
        self._on_success = on_success
        self._on_error = on_error
        self._on_settled = on_settled
        self._cancelled = False

    def cancel(self) -> None:
        """Drop the result of this call when it arrives."""
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        """Whether the result will be dropped."""
        return self._cancelled

    def settle(self, ok: bool, value: Any) -> None:
        """Deliver the outcome on the UI thread, unless cancelled.

        A task whose owner was destroyed (its window is gone) is dropped
        without a word: there is nobody left to tell.
        """
        self.running = False
        if not shiboken6.isValid(self.owner):
            return
        try:
            if self._cancelled:
                return
            if ok:
                self._on_success(value)
            else:
                self._on_error(value)
        finally:
            self._on_settled(self)


class _Dispatcher(QObject):
    """Carries outcomes from pool threads to the UI thread.

    Signals:
        delivered(int, bool, object): Task number, whether the call returned,
            and its value or exception.
    """

    delivered = Signal(int, bool, object)

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self._tasks: dict[int, Task[Any]] = {}
        self._lock = threading.Lock()
        # Emitted from pool threads, so Qt queues it to this object's thread.
        self.delivered.connect(self._on_delivered)

    def register(self, task: Task[Any]) -> None:
        with self._lock:
            self._tasks[task.number] = task

    def _on_delivered(self, number: int, ok: bool, value: object) -> None:
        with self._lock:
            task = self._tasks.pop(number, None)
        if task is not None:
            task.settle(ok, value)


_dispatcher: _Dispatcher | None = None


def _the_dispatcher() -> _Dispatcher:
    """The dispatcher, made on the UI thread on first use."""
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher(QCoreApplication.instance())
    return _dispatcher


class _Job(QRunnable):
    def __init__(
        self, call: Callable[[], Any], number: int, dispatcher: _Dispatcher
    ) -> None:
        super().__init__()
        self._call = call
        self._number = number
        self._dispatcher = dispatcher

    def run(self) -> None:  # QRunnable.run
        # Whatever the call raised belongs to the UI, which decides what to say.
        try:
            result = self._call()
        except Exception as error:
            self._dispatcher.delivered.emit(self._number, False, error)
        else:
            self._dispatcher.delivered.emit(self._number, True, result)


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
        dispatcher = _the_dispatcher()
        task: Task[T] = Task(on_success, on_error, self._forget, owner=self)
        self._tasks.add(task)
        dispatcher.register(task)
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)

        self._pool.start(_Job(call, task.number, dispatcher))
        return task

    @property
    def busy(self) -> bool:
        """Whether any call of this runner is in flight."""
        return bool(self._tasks)

    def cancel_all(self) -> None:
        """Drop the results of every call in flight, as when a window closes."""
        _cancel_each(self._tasks)

    def _forget(self, task: Task[Any]) -> None:
        self._tasks.discard(task)
        # A cancelled task's window may be gone; nobody listens any more.
        if not self._tasks and not task.cancelled:
            self.busy_changed.emit(False)


def _cancel_each(tasks: set[Task[Any]]) -> None:
    for task in tasks:
        task.cancel()
