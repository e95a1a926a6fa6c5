"""A shop that misbehaves on purpose, and a way to tell the window kept up.

`ShopDouble` is a behaviour for the raw-socket `FaultServer`: it answers the
few calls the window makes with the seed's example order, and hands one kind
of request (opening the order, or the payment PATCH) to a fault. A fault
that a real server cannot produce (a trickle, a reset, a gzip bomb) thus
reaches the window through real sockets.

`Heartbeat` measures whether the UI thread's event loop kept running while a
call was in flight: a timer that stops firing means a blocked window.
"""

import gzip
import json
import socket
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

from ..api.support import Behaviour, http_answer, reset, send, trickle

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXAMPLE: dict[str, Any] = json.loads((FIXTURES / "order-example.json").read_bytes())
EXAMPLE_BYTES = json.dumps(EXAMPLE).encode()
METHODS = [
    EXAMPLE["payments"][0]["payment_method_data"],
    EXAMPLE["payments"][1]["payment_method_data"],
]

CAP = 256 * 1024
"""The window's client refuses answers larger than this (after decoding)."""

DJANGO_500 = b"<!doctype html><html><body><h1>Server Error (500)</h1></body></html>"
LOGIN_PAGE = (
    b"<!doctype html><html><head><title>Sign in</title></head><body>"
    b"<form method=post><input name=username><input name=password type=password>"
    b"</form></body></html>"
)


def answer(
    status: int,
    body: bytes = b"",
    *,
    headers: dict[str, str] | None = None,
    content_type: str = "application/json",
) -> bytes:
    """The bytes of an HTTP/1.1 answer with extra headers."""
    lines = [f"HTTP/1.1 {status} Whatever", f"Content-Type: {content_type}"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    lines += [f"Content-Length: {len(body)}", "Connection: close", "", ""]
    return "\r\n".join(lines).encode("ascii") + body


def redirect(status: int, location: str) -> Behaviour:
    """A behaviour that answers with a redirect to `location`."""
    return send(
        answer(status, headers={"Location": location}, content_type="text/html")
    )


def _reset(conn: socket.socket, request: bytes, stop: threading.Event) -> None:
    reset(conn)


def _streamed_over_cap(
    conn: socket.socket, request: bytes, stop: threading.Event
) -> None:
    # No Content-Length: the client learns the size only by reading.
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    conn.sendall(head + b"Connection: close\r\n\r\n[")
    chunk = b'"' + b"x" * 1022 + b'",'
    for _ in range(2 * CAP // len(chunk)):
        conn.sendall(chunk)


def _announced_over_cap(
    conn: socket.socket, request: bytes, stop: threading.Event
) -> None:
    conn.sendall(http_answer(200, b"[", length=100 * CAP))
    stop.wait(5)


GZIP_BOMB = answer(
    200,
    gzip.compress(b" " * (16 * CAP)),
    headers={"Content-Encoding": "gzip"},
)

COMMON_FAULTS: dict[str, Behaviour] = {
    "trickle 1 byte/s": trickle(http_answer(200, EXAMPLE_BYTES), every=1.0),
    "reset": _reset,
    "body cut short": send(
        http_answer(200, EXAMPLE_BYTES[:200], length=len(EXAMPLE_BYTES))
    ),
    "malformed JSON": send(http_answer(200, b'{"id": 2,, "total": }')),
    "HTML login page": send(http_answer(200, LOGIN_PAGE, content_type="text/html")),
    "HTML 500": send(http_answer(500, DJANGO_500, content_type="text/html")),
    "gzip bomb": send(GZIP_BOMB),
    "JSON over the cap, announced": _announced_over_cap,
    "JSON over the cap, streamed": _streamed_over_cap,
    "429 Retry-After": send(
        answer(
            429, b'{"detail": "Request was throttled."}', headers={"Retry-After": "7"}
        )
    ),
}
"""Faults that either call (opening an order, saving a payment) can meet."""


class ShopDouble:
    """A `FaultServer` behaviour: the example order, with one kind of call broken.

    Args:
        open_fault: What opening the order meets instead of the order.
        patch_fault: What the payment PATCH meets instead of the order.
        saves: Whether the PATCH is applied before its fault (a server that
            saved and then failed to answer).

    Attributes:
        order: The order as the double holds it; a saved PATCH changes it.
        patches: The bodies of the PATCH requests received.
    """

    def __init__(
        self,
        *,
        open_fault: Behaviour | None = None,
        patch_fault: Behaviour | None = None,
        saves: bool = False,
    ) -> None:
        self.order: dict[str, Any] = json.loads(EXAMPLE_BYTES)
        self.patches: list[dict[str, Any]] = []
        self.open_fault = open_fault
        self.patch_fault = patch_fault
        self._saves = saves
        self._lock = threading.Lock()

    def __call__(
        self, conn: socket.socket, request: bytes, stop: threading.Event
    ) -> None:
        """Answer one request (a `Behaviour`)."""
        if b" " not in request:
            return  # The client closed a connection without using it.
        method, target = request.split(b" ", 2)[:2]
        if target.startswith(b"/api/payment-methods/"):
            conn.sendall(http_answer(200, json.dumps(METHODS).encode()))
        elif method == b"GET" and target.startswith(b"/api/orders/"):
            self._open(conn, request, stop)
        elif method == b"PATCH":
            self._patch(conn, request, stop)
        else:
            conn.sendall(http_answer(404, b'{"detail": "Not found."}'))

    def _open(self, conn: socket.socket, request: bytes, stop: threading.Event) -> None:
        if self.open_fault is not None:
            self.open_fault(conn, request, stop)
            return
        with self._lock:
            body = json.dumps(self.order).encode()
        conn.sendall(http_answer(200, body))

    def _patch(
        self, conn: socket.socket, request: bytes, stop: threading.Event
    ) -> None:
        changes = json.loads(request.partition(b"\r\n\r\n")[2] or b"{}")
        with self._lock:
            self.patches.append(changes)
            if self._saves or self.patch_fault is None:
                self._apply(changes)
            body = json.dumps(self.order).encode()
        if self.patch_fault is not None:
            self.patch_fault(conn, request, stop)
        else:
            conn.sendall(http_answer(200, body))

    def _apply(self, changes: dict[str, Any]) -> None:
        payment = self.order["payments"][1]
        for name, value in changes.items():
            if name == "payment_method":
                payment["payment_method_data"] = next(
                    m for m in METHODS if m["id"] == value
                )
            else:
                payment[name] = value


class Heartbeat:
    """A timer on the UI thread that notes when it fires.

    Attributes:
        beats: The `time.monotonic()` of each firing.
    """

    INTERVAL_MS = 10

    def __init__(self) -> None:
        self.beats: list[float] = []
        self._timer = QTimer()
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(lambda: self.beats.append(time.monotonic()))

    @property
    def longest_gap(self) -> float:
        """The longest time, in seconds, the event loop went without a beat."""
        return max(
            (b - a for a, b in zip(self.beats, self.beats[1:], strict=False)),
            default=0.0,
        )

    @contextmanager
    def running(self) -> Iterator["Heartbeat"]:
        """Beat while the block runs; the last beat is when it ends."""
        self.beats = [time.monotonic()]
        self._timer.start()
        try:
            yield self
        finally:
            self._timer.stop()
            self.beats.append(time.monotonic())


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header announces `width` x `height` and holds no pixels.

    The header alone makes an image reader report the size, which is all a
    decoder needs to see to refuse the image before allocating it.
    """

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )
