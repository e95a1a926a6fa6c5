"""Turning httpx's exceptions into the API layer's.

Whether a failed write may have been saved depends on how far the request
got: a connection that was never made cannot have saved anything; one that
broke after the request was sent may have.
"""

import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import httpx

from orderdesk.api.deadline import Deadline
from orderdesk.api.errors import (
    ApiError,
    CertificateError,
    ClientClosed,
    DeadlineExceeded,
    MalformedResponse,
    NetworkError,
)
from orderdesk.api.responses import Exchange

_MAX_REASON = 120


@contextmanager
def translated_errors(
    exchange: Exchange,
    deadline: Deadline,
    *,
    is_closed: Callable[[], bool],
    host: str = "the server",
) -> Iterator[None]:
    """Re-raise httpx's exceptions inside the block as `ApiError` subclasses.

    Args:
        exchange: The request being made.
        deadline: Its deadline, for messages.
        is_closed: Whether the client was closed, which explains any failure
            of a call in flight.
        host: The server's host, named when its certificate is refused.

    Raises:
        ApiError: For every httpx error; `ApiError`s pass through unchanged.
    """
    try:
        yield
    except ApiError:
        raise
    except httpx.TimeoutException as exc:
        raise DeadlineExceeded(
            f"the server did not answer within {deadline.seconds:g} s",
            **exchange.context(reached_server=not _never_sent(exc)),
        ) from exc
    except (httpx.TransportError, RuntimeError) as exc:
        # httpx raises RuntimeError for a request on a client closed meanwhile.
        if is_closed():
            raise ClientClosed(
                "the connection to the server was closed",
                **exchange.context(reached_server=not _never_sent(exc)),
            ) from exc
        if isinstance(exc, RuntimeError):
            raise
        refused = _certificate_failure(exc)
        if refused is not None:
            why = refused.verify_message or reason(refused)
            raise CertificateError(
                f"the TLS certificate of {host} was not accepted: {why}",
                host=host,
                reason=why,
                **exchange.context(reached_server=False),
            ) from exc
        raise NetworkError(
            _network_message(exc),
            **exchange.context(reached_server=not _never_sent(exc)),
        ) from exc
    except httpx.DecodingError as exc:
        raise MalformedResponse(
            "the server's answer could not be decompressed",
            **exchange.context(reached_server=True),
        ) from exc


def reason(exc: BaseException) -> str:
    """A short description of a low-level error, for messages and logs."""
    # httpx's messages name the socket error, never the request's headers.
    text = str(exc).strip()
    return text if text and len(text) <= _MAX_REASON else type(exc).__name__


def _certificate_failure(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate verification error behind a transport error, if any.

    httpx and httpcore each wrap the error of the layer below, so the `ssl`
    module's own error sits a few causes down the chain.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _never_sent(exc: Exception) -> bool:
    """Whether the request certainly did not reach the server."""
    return isinstance(
        exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout
    )


def _network_message(exc: Exception) -> str:
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect to the server ({reason(exc)})"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the server broke off its answer ({reason(exc)})"
    return f"the connection to the server failed ({reason(exc)})"
