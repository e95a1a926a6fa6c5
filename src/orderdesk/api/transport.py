"""An httpx transport whose every socket operation respects the call's deadline.

httpx's own transport gives each read its full timeout, so a server that
trickles its headers a byte at a time is never cut off. This transport is
httpx's default one rebuilt on httpcore's public API with one difference: its
network streams shorten each connect, TLS handshake, read and write to the
time left of the current call (`orderdesk.api.deadline`). Closing the
transport also shuts down the sockets of calls in flight, so that a worker
blocked on a read returns at once instead of at its deadline.

Environment proxies are not consulted: the client talks to one server that
the user named.

Certificates are verified against the operating system's trust store (through
`truststore`), not a bundle shipped with the application, so a shop behind a
corporate certificate authority that its IT installed on the desks connects
without any setting.
"""

import contextlib
import socket
import ssl
import threading
import weakref
from collections.abc import Iterable, Iterator
from typing import Any

import httpcore
import httpx
import truststore

from orderdesk.api.deadline import bounded

# Most specific first: the first match wins.
_ERRORS: tuple[tuple[type[Exception], type[httpx.TransportError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextlib.contextmanager
def _as_httpx_errors() -> Iterator[None]:
    """Re-raise httpcore's exceptions as httpx's, as httpx's transport does."""
    try:
        yield
    except Exception as exc:
        for core_type, httpx_type in _ERRORS:
            if isinstance(exc, core_type):
                raise httpx_type(str(exc)) from exc
        raise


def system_tls_context() -> ssl.SSLContext:
    """A TLS client context that verifies with the system's trust store.

    Verification and host name checking are on and cannot be turned off from
    the application: there is deliberately no setting for it.
    """
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


class _DeadlineStream(httpcore.NetworkStream):
    """A network stream whose operations end by the current call's deadline."""

    def __init__(
        self, inner: httpcore.NetworkStream, backend: "_DeadlineBackend"
    ) -> None:
        self._inner = inner
        self._backend = backend
        backend.track(self)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        timeout = bounded(timeout, httpcore.ConnectTimeout)
        tls = self._inner.start_tls(ssl_context, server_hostname, timeout)
        return _DeadlineStream(tls, self._backend)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)

    def abort(self) -> None:
        """Shut the socket down, waking a read blocked on it in another thread.

        `close()` from another thread does not wake a blocked `recv()` on
        every platform; `shutdown()` does.
        """
        sock = self._inner.get_extra_info("socket")
        if isinstance(sock, socket.socket):
            # Already closed or never connected: nothing to wake.
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's synchronous backend, with deadline-bounded streams."""

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()
        self._streams: weakref.WeakSet[_DeadlineStream] = weakref.WeakSet()
        self._lock = threading.Lock()

    def track(self, stream: _DeadlineStream) -> None:
        """Remember a stream so that `abort_all` can reach it."""
        with self._lock:
            self._streams.add(stream)

    def abort_all(self) -> None:
        """Shut down every open stream, ending the reads blocked on them."""
        with self._lock:
            streams = list(self._streams)
        for stream in streams:
            stream.abort()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = bounded(timeout, httpcore.ConnectTimeout)
        stream = self._inner.connect_tcp(
            host, port, timeout, local_address, socket_options
        )
        return _DeadlineStream(stream, self)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = bounded(timeout, httpcore.ConnectTimeout)
        stream = self._inner.connect_unix_socket(path, timeout, socket_options)
        return _DeadlineStream(stream, self)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _ResponseStream(httpx.SyncByteStream):
    """The body of a response, with httpcore's errors turned into httpx's."""

    def __init__(self, inner: Iterable[bytes]) -> None:
        self._inner = inner

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx_errors():
            yield from self._inner

    def close(self) -> None:
        close = getattr(self._inner, "close", None)
        if close is not None:
            with _as_httpx_errors():
                close()


class DeadlineTransport(httpx.BaseTransport):
    """A pooled, thread-safe HTTP/1.1 transport bounded by call deadlines.

    Args:
        ssl_context: The TLS settings; verification must be on.
        limits: Connection pool limits.
    """

    def __init__(self, *, ssl_context: ssl.SSLContext, limits: httpx.Limits) -> None:
        self._backend = _DeadlineBackend()
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=self._backend,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send a request through the pool (overrides `httpx.BaseTransport`)."""
        assert isinstance(request.stream, httpx.SyncByteStream)
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )

        with _as_httpx_errors():
            core_response = self._pool.handle_request(core_request)

        assert isinstance(core_response.stream, Iterable)
        return httpx.Response(
            status_code=core_response.status,
            headers=core_response.headers,
            stream=_ResponseStream(core_response.stream),
            extensions=core_response.extensions,
        )

    def close(self) -> None:
        """Close every connection, ending calls in flight (overrides
        `httpx.BaseTransport`)."""
        self._backend.abort_all()
        with _as_httpx_errors():
            self._pool.close()
