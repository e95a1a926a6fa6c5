"""A proxy in front of the real sandbox that breaks one request on purpose.

A real server cannot be made to fail after saving, drop a connection in the
middle of an answer, or throttle on demand; this proxy forwards everything to
the sandbox and applies one armed fault to the next matching request.
"""

import threading
from enum import Enum
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import httpx


class Fault(Enum):
    """What the proxy does to the next matching request."""

    SERVER_ERROR_AFTER_SAVE = "forward, then answer 500"
    SERVER_ERROR_BEFORE_SAVE = "answer 500 without forwarding"
    DROP_AFTER_SAVE = "forward, then close the connection mid-answer"
    THROTTLE = "answer 429 with Retry-After"
    UNAUTHORIZED = "answer 401"
    NOT_FOUND = "answer 404"


_HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length"}


class FaultProxy:
    """Forwards to `upstream`; the next request matching an armed fault fails.

    Attributes:
        url: The proxy's base URL.
        retry_after: The `Retry-After` seconds of a `THROTTLE` fault.
    """

    def __init__(self, upstream: str) -> None:
        self._upstream = httpx.Client(base_url=upstream, timeout=10.0)
        self._lock = threading.Lock()
        self._armed: tuple[str, str, Fault] | None = None
        self.retry_after = 3
        proxy = self

        class Handler(_ProxyHandler):
            owner: ClassVar[FaultProxy] = proxy

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def arm(self, method: str, fault: Fault, path: str = "") -> None:
        """Apply `fault` to the next request with this method and path.

        Args:
            method: The HTTP method to break.
            fault: What to do to it.
            path: The exact request path (query excluded); any when empty.
        """
        with self._lock:
            self._armed = (method, path, fault)

    def take(self, method: str, path: str) -> Fault | None:
        """The fault for this request, disarmed once taken."""
        with self._lock:
            if self._armed is None:
                return None
            armed_method, armed_path, fault = self._armed
            if armed_method != method or (armed_path and armed_path != path):
                return None
            self._armed = None
            return fault

    def forward(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> httpx.Response:
        """Send the request on to the sandbox and return its answer."""
        return self._upstream.request(method, path, headers=headers, content=body)

    def close(self) -> None:
        """Stop serving."""
        self._server.shutdown()
        self._server.server_close()
        self._upstream.close()


class _ProxyHandler(BaseHTTPRequestHandler):
    owner: ClassVar[FaultProxy]
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._handle("GET")

    def do_PATCH(self) -> None:
        self._handle("PATCH")

    def log_message(self, format: str, *args: object) -> None:
        """Override of `BaseHTTPRequestHandler.log_message`: stay quiet."""

    def _handle(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {
            k: v for k, v in self.headers.items() if k.lower() not in _HOP_HEADERS
        }
        headers.pop("Host", None)
        fault = self.owner.take(method, self.path.split("?", 1)[0])

        if fault is Fault.SERVER_ERROR_BEFORE_SAVE:
            self._answer(500, b"<h1>Server Error (500)</h1>", "text/html")
            return
        if fault is Fault.THROTTLE:
            self._answer(
                429,
                b'{"detail": "Request was throttled."}',
                extra={"Retry-After": str(self.owner.retry_after)},
            )
            return
        if fault is Fault.UNAUTHORIZED:
            self._answer(
                401,
                b'{"detail": "Invalid token."}',
                extra={"WWW-Authenticate": "Token"},
            )
            return
        if fault is Fault.NOT_FOUND:
            self._answer(404, b'{"detail": "Not found."}')
            return

        answer = self.owner.forward(method, self.path, headers, body)
        if fault is Fault.SERVER_ERROR_AFTER_SAVE:
            self._answer(500, b"<h1>Server Error (500)</h1>", "text/html")
        elif fault is Fault.DROP_AFTER_SAVE:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer.content)))
            self.end_headers()
            self.wfile.write(answer.content[: len(answer.content) // 3])
            self.wfile.flush()
            self.close_connection = True
        else:
            self._answer(
                answer.status_code,
                answer.content,
                answer.headers.get("Content-Type", "application/json"),
            )

    def _answer(
        self,
        status: int,
        body: bytes,
        content_type: str = "application/json",
        extra: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
