"""Start the real `orderdesk-sandbox` command for the sandbox's tests."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

START_TIMEOUT = 30.0
FIXTURE = Path(__file__).parent / "data" / "order-example.json"


@dataclass
class Sandbox:
    """A running sandbox server process.

    Attributes:
        process: The child process.
        ready: The JSON object of its first stdout line.
        db: The database file it serves.
    """

    process: subprocess.Popen[str]
    ready: dict[str, Any]
    db: Path
    clients: list[httpx.Client] = field(default_factory=list)

    @property
    def url(self) -> str:
        """The base URL, without a trailing slash."""
        return str(self.ready["url"])

    def token(self, role: str) -> str:
        """The API token of "admin", "cashier" or "clerk"."""
        return str(self.ready["tokens"][role])

    def client(self, role: str | None = "admin") -> httpx.Client:
        """An httpx client for the server, signed in as `role` (or anonymous)."""
        headers = {"Authorization": f"Token {self.token(role)}"} if role else {}
        client = httpx.Client(base_url=self.url, headers=headers, timeout=10)
        self.clients.append(client)
        return client

    def stop(self, signum: int = signal.SIGTERM) -> int:
        """Send a signal, wait for the exit and return the exit code."""
        for client in self.clients:
            client.close()
        if self.process.poll() is None:
            self.process.send_signal(signum)
        try:
            code = self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        assert self.process.stdout is not None
        self.process.stdout.close()
        return code


def command() -> list[str]:
    """The installed `orderdesk-sandbox` script, or the module as a fallback."""
    script = shutil.which("orderdesk-sandbox", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "orderdesk_sandbox"]


def start(db: Path, *args: str) -> Sandbox:
    """Start a sandbox on a free port and wait for its first line.

    stderr goes to a file beside the database: a pipe nobody reads could
    fill up and block the server.
    """
    log = db.with_name(db.name + ".log").open("a", encoding="utf-8")
    # The command is this environment's own script, with test arguments.
    process = subprocess.Popen(  # noqa: S603
        [*command(), "--port", "0", "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    log.close()
    assert process.stdout is not None
    line = _read_line(process.stdout, START_TIMEOUT)
    if not line:
        process.kill()
        process.wait()
        process.stdout.close()
        pytest.fail(f"sandbox did not start: {db.with_name(db.name + '.log')}")
    return Sandbox(process=process, ready=json.loads(line), db=db)


def _read_line(stream: Any, timeout: float) -> str:
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: lines.put(stream.readline()), daemon=True)
    reader.start()
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        return ""


@pytest.fixture
def launch() -> Iterator[Callable[..., Sandbox]]:
    """Start sandboxes with `launch(db, *args)`; stops any left running."""
    started: list[Sandbox] = []

    def launch(db: Path, *args: str) -> Sandbox:
        server = start(db, *args)
        started.append(server)
        return server

    yield launch
    for server in started:
        if server.process.returncode is None:
            server.stop()


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    """A sandbox shared by tests that only read."""
    server = start(tmp_path_factory.mktemp("sandbox") / "shop.sqlite3")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def writable_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    """A sandbox of its own for a module whose tests change data."""
    server = start(tmp_path_factory.mktemp("writable") / "shop.sqlite3")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def example() -> dict[str, Any]:
    """The API documentation's example order, verbatim."""
    return json.loads(FIXTURE.read_text(encoding="utf-8"))
