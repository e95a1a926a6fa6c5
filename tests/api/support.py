"""Helpers shared by the API tests: a misbehaving socket server and the token.

Faults a real server cannot be made to produce (resets, trickled answers,
truncated bodies) come from `FaultServer`, a raw socket server on loopback
whose one behaviour is chosen by each test.
"""

import socket
import struct
import threading
from collections.abc import Callable
from typing import Protocol

import httpx

from orderdesk.api import ShopClient

TOKEN = "planted-secret-0123456789abcdef"
"""A token planted in every mock client, searched for in logs and errors."""

Behaviour = Callable[[socket.socket, bytes, threading.Event], None]
"""What the fault server does with a connection, given the request it read."""

MockHandler = Callable[[httpx.Request], httpx.Response]


class MakeClient(Protocol):
    """Makes a client of http://127.0.0.1:8000 answered by a handler."""

    def __call__(
        self,
        handler: MockHandler,
        *,
        timeout: float = ...,
        max_response_bytes: int = ...,
    ) -> ShopClient: ...


class StartServer(Protocol):
    """Starts a fault server with one behaviour."""

    def __call__(self, behaviour: Behaviour) -> "FaultServer": ...


class FaultServer:
    """An HTTP/1.1 server on 127.0.0.1 that misbehaves on purpose.

    Each connection's request is read, then handed to the behaviour along
    with an event that is set when the test ends, so slow behaviours wait on
    it instead of sleeping and stop at once.

    Attributes:
        url: The server's base URL.
        requests: The raw requests received, in order.
        received: Set once the first request has been read.
    """

    def __init__(self, behaviour: Behaviour) -> None:
        self._behaviour = behaviour
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self._threads: list[threading.Thread] = []
        self.requests: list[bytes] = []
        self.received = threading.Event()
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._acceptor = threading.Thread(target=self._accept, daemon=True)
        self._acceptor.start()

    def close(self) -> None:
        """Stop accepting and end every behaviour."""
        self._stop.set()
        self._acceptor.join(timeout=2)
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=2)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            thread = threading.Thread(target=self._handle, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            try:
                request = _read_request(conn)
                self.requests.append(request)
                self.received.set()
                self._behaviour(conn, request, self._stop)
            except OSError:
                pass  # The client gave up first: that is what most tests expect.


def _read_request(conn: socket.socket) -> bytes:
    conn.settimeout(2)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk

    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def http_answer(
    status: int = 200,
    body: bytes = b"{}",
    *,
    content_type: str = "application/json",
    length: int | None = None,
) -> bytes:
    """The bytes of an HTTP/1.1 answer; `length` may lie about the body."""
    declared = len(body) if length is None else length
    head = (
        f"HTTP/1.1 {status} Whatever\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {declared}\r\n"
        # Each connection serves one request; saying so keeps the client from
        # reusing a connection this server is about to close.
        "Connection: close\r\n"
        "\r\n"
    )
    return head.encode("ascii") + body


def send(raw: bytes) -> Behaviour:
    """A behaviour that sends `raw` and closes the connection."""

    def behaviour(conn: socket.socket, request: bytes, stop: threading.Event) -> None:
        conn.sendall(raw)

    return behaviour


def trickle(raw: bytes, *, every: float = 0.05) -> Behaviour:
    """A behaviour that sends `raw` one byte at a time until the test ends."""

    def behaviour(conn: socket.socket, request: bytes, stop: threading.Event) -> None:
        for index in range(len(raw)):
            conn.sendall(raw[index : index + 1])
            if stop.wait(every):
                return

    return behaviour


def reset(conn: socket.socket) -> None:
    """Close a connection with a TCP reset rather than an orderly close."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()
