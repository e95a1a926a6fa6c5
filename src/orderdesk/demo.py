"""Run the sandbox shop server as a child process, for the demo and the tests.

The desktop package never imports Django: the sandbox is started as its own
Python process and announces its address and tokens on its first line of
standard output.
"""

import json
import logging
import os
import queue
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Self

logger = logging.getLogger(__name__)

STARTUP_TIMEOUT = 60.0


class SandboxUnavailable(RuntimeError):
    """The sandbox server could not be started."""


@dataclass(frozen=True)
class SandboxInfo:
    """What the sandbox announced when it started.

    Attributes:
        url: Base URL of the server, without a trailing slash.
        tokens: API tokens by role ("admin", "cashier", "clerk").
        extra: Anything else the sandbox announced (such as a large order id).
    """

    url: str
    tokens: dict[str, str]
    extra: dict[str, object]


class SandboxServer:
    """A sandbox server process that lives as long as this object is open.

    Args:
        db_path: The SQLite database; created and seeded when it does not exist.
        extra_args: More command line arguments for `orderdesk-sandbox`.
    """

    def __init__(self, db_path: Path, extra_args: tuple[str, ...] = ()) -> None:
        self._db_path = db_path
        self._extra_args = extra_args
        self._process: subprocess.Popen[str] | None = None
        self.info: SandboxInfo | None = None

    def start(self, timeout: float = STARTUP_TIMEOUT) -> SandboxInfo:
        """Start the server and wait for its announcement.

        Raises:
            SandboxUnavailable: The sandbox is not installed, exited, or did not
                announce itself in time.
        """
        if getattr(sys, "frozen", False):
            # A built application has no Python to run the sandbox with (its
            # executable is OrderDesk itself), and the build leaves the
            # sandbox and Django out.
            raise SandboxUnavailable(
                "the demo needs the development checkout: "
                "run `uv run orderdesk --demo` there"
            )
        command = [
            sys.executable,
            "-m",
            "orderdesk_sandbox",
            "--port",
            "0",
            "--db",
            str(self._db_path),
            # Killed or crashed, this process closes the pipe and the
            # sandbox stops with it rather than linger on its port.
            "--exit-with-parent",
            *self._extra_args,
        ]
        logger.info("Starting the sandbox server with database %s", self._db_path)
        # The child's stderr is inherited so its failures reach the operator.
        self._process = subprocess.Popen(  # noqa: S603 - our own interpreter
            command,
            stdout=subprocess.PIPE,
            stdin=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )

        line = _first_line(self._process.stdout, timeout)
        if not line:
            code = self._process.poll()
            self.stop()
            raise SandboxUnavailable(
                f"the sandbox server did not start (exit code {code})"
            )

        announced = json.loads(line)
        self.info = SandboxInfo(
            url=announced.pop("url"),
            tokens=announced.pop("tokens"),
            extra=announced,
        )
        logger.info("Sandbox server is listening on %s", self.info.url)
        return self.info

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server, politely first; safe to call more than once."""
        process, self._process = self._process, None
        if process is None:
            return

        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                logger.warning("The sandbox server ignored SIGTERM; killing it")
                process.kill()
                process.wait()
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()

    @property
    def running(self) -> bool:
        """Whether the server process is alive."""
        return self._process is not None and self._process.poll() is None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def _first_line(stream: IO[str] | None, timeout: float) -> str:
    """Read one line from a pipe, giving up after `timeout` seconds."""
    if stream is None:
        return ""

    lines: queue.Queue[str] = queue.Queue(maxsize=1)
    reader = threading.Thread(
        target=lambda: lines.put(stream.readline()), daemon=True, name="sandbox-read"
    )
    reader.start()
    try:
        return lines.get(timeout=timeout).strip()
    except queue.Empty:
        return ""
