"""The threaded WSGI server and its run loop."""

from __future__ import annotations

import logging
import threading

from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

logger = logging.getLogger(__name__)


class _RequestHandler(WSGIRequestHandler):
    """Django's request handler, with Nagle's algorithm off.

    The WSGI handler writes the headers and the body of an answer in two
    sends. With Nagle on, the body waits for the client to acknowledge the
    headers, and clients delay that acknowledgement (40 ms on Linux): every
    small answer took about 50 ms on loopback.
    """

    disable_nagle_algorithm = True


def make_server(host: str, port: int) -> ThreadedWSGIServer:
    """Bind a threaded server serving the configured Django project.

    Args:
        host: The address to bind; an IPv6 address binds an IPv6 socket.
        port: The port to bind; 0 picks a free one.

    Returns:
        The bound server, not serving yet.
    """
    server = ThreadedWSGIServer((host, port), _RequestHandler, ipv6=":" in host)
    server.set_app(WSGIHandler())
    return server


def base_url(server: ThreadedWSGIServer, host: str) -> str:
    """Return the server's URL without a trailing slash."""
    port = server.server_address[1]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def serve_until(server: ThreadedWSGIServer, stop: threading.Event) -> None:
    """Serve in a background thread until `stop` is set, then close.

    Args:
        server: A bound server.
        stop: Set (typically by a signal handler) to stop serving.
    """
    thread = threading.Thread(target=server.serve_forever, name="sandbox-server")
    thread.start()
    try:
        # A timeout keeps the main thread returning to the interpreter, so
        # signal handlers run promptly on every platform (on Windows a wait
        # without one is not interrupted by Ctrl+C).
        while not stop.wait(timeout=0.5):
            pass
    finally:
        server.shutdown()
        thread.join()
        # Request threads are daemons: server_close does not wait for
        # clients that keep idle connections open.
        server.server_close()
        logger.info("server stopped")
