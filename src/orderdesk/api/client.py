"""The shop API client: one pooled, thread-safe connection to one server.

Every call has an overall deadline (`timeout` seconds for the whole call,
not per read) and a cap on the size of the answer. Redirects are never
followed. Every failure is raised as an `ApiError` subclass; see
`orderdesk.api.errors`.

One client is shared by the worker threads of a window: httpx's client and
its connection pool are thread-safe, and the deadline of a call lives in a
context variable of the thread that makes it.
"""

import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx
from pydantic import TypeAdapter

from orderdesk.api import paths
from orderdesk.api.auth import TokenAuth, checked_token
from orderdesk.api.deadline import Deadline, deadline_scope
from orderdesk.api.errors import (
    ApiError,
    ClientClosed,
    ForeignOriginRefused,
    InvalidServerAddress,
    MalformedResponse,
    ResponseTooLarge,
)
from orderdesk.api.origin import Origin, normalise_base_url, origin_of
from orderdesk.api.redaction import register_secret
from orderdesk.api.responses import (
    Exchange,
    decode_json,
    media_type,
    read_body,
    read_document,
    validate_document,
    validate_json_body,
)
from orderdesk.api.status_errors import error_for
from orderdesk.api.transport import DeadlineTransport, system_tls_context
from orderdesk.api.transport_errors import reason, translated_errors
from orderdesk.models import (
    Order,
    OrderPage,
    OrderPayments,
    PaymentMethod,
    PaymentUpdate,
    read_order_in_slices,
)

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 10.0
MAX_RESPONSE_BYTES = 64 * 1024 * 1024
MAX_IMAGE_BYTES = 16 * 1024 * 1024
MAX_ERROR_BYTES = 1024 * 1024
"""Error bodies beyond this are not read: their details are not worth it."""

MAX_METHOD_PAGES = 50
"""Payment methods are a handful; a server paging on forever is refused."""

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# A window runs a few calls at once (an order, its thumbnails); more
# connections would only queue on the server.
_LIMITS = httpx.Limits(max_connections=8, max_keepalive_connections=4)
_T = TypeVar("_T")

_ORDER_PAYMENTS = TypeAdapter(OrderPayments)
_ORDER_PAGE = TypeAdapter(OrderPage)
_METHODS = TypeAdapter(list[PaymentMethod])


@dataclass(frozen=True, slots=True)
class _Answer:
    """A success answer, read whole."""

    response: httpx.Response
    body: bytes


class ShopClient:
    """A client of one shop server, authenticated with one API token.

    Args:
        base_url: The server address, such as `https://shop.example.com`; may
            carry a path prefix. Plain http is accepted for this machine only.
        token: The API token, sent as `Authorization: Token <token>`.
        timeout: The overall deadline of one call, in seconds, from the first
            connection attempt to the last byte of the answer.
        allow_insecure_http: Accept plain http to other machines.
        transport: An httpx transport to use instead of the network (tests).
        max_response_bytes: The largest answer accepted, after decompression.
        language: Sent as `Accept-Language`, so that the server's messages
            come in the UI's language.

    Raises:
        InvalidServerAddress: `base_url` is not an absolute http(s) URL.
        InsecureConnectionRefused: Plain http to another machine, not allowed.
        AuthenticationFailed: The token is empty or cannot be sent in a header.
        ValueError: `timeout` or `max_response_bytes` is not positive.
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        allow_insecure_http: bool = False,
        transport: httpx.BaseTransport | None = None,
        max_response_bytes: int = MAX_RESPONSE_BYTES,
        language: str | None = None,
    ) -> None:
        if not (math.isfinite(timeout) and timeout > 0):
            raise ValueError("timeout must be a positive number of seconds")
        if max_response_bytes <= 0:
            raise ValueError("max_response_bytes must be positive")

        self._base_url = normalise_base_url(
            base_url, allow_insecure_http=allow_insecure_http
        )
        self._origin = origin_of(self._base_url)
        token = checked_token(token)
        register_secret(token)
        self._timeout = timeout
        self._max_response_bytes = max_response_bytes
        self._closed = False

        headers = {"Accept": "application/json", "User-Agent": "OrderDesk"}
        # Only codecs with a bounded expansion ratio; see `read_body`.
        headers["Accept-Encoding"] = "gzip, deflate"
        if language:
            headers["Accept-Language"] = language

        self._http = httpx.Client(
            base_url=self._base_url,
            auth=TokenAuth(token, self._origin),
            headers=headers,
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            transport=transport or _network_transport(),
        )

    @property
    def base_url(self) -> str:
        """The server address, without a trailing slash."""
        return self._base_url

    @property
    def origin(self) -> Origin:
        """The server's origin: scheme, host and port."""
        return self._origin

    @property
    def timeout(self) -> float:
        """The overall deadline of one call, in seconds."""
        return self._timeout

    def __repr__(self) -> str:
        return f"ShopClient({self._base_url!r})"

    def get_order(self, order_id: int) -> Order:
        """Fetch one order.

        Raises:
            NotFound: No such order.
            ApiError: Any other failure; see `orderdesk.api.errors`.
        """
        path = paths.ORDER.format(order_id=_checked_id(order_id, "order_id"))
        return self._order("GET", path)

    def get_order_payments(self, order_id: int) -> OrderPayments:
        """Fetch one order, reading only its payments.

        The same call as `get_order`, for checking a payment before a save:
        skipping the items makes it several times cheaper on a large order.

        Raises:
            NotFound: No such order.
            ApiError: Any other failure; see `orderdesk.api.errors`.
        """
        path = paths.ORDER.format(order_id=_checked_id(order_id, "order_id"))
        exchange = _exchange("GET", path)
        answer = self._send(exchange)
        return validate_json_body(
            _ORDER_PAYMENTS, answer.response, answer.body, exchange
        )

    def list_orders(
        self,
        *,
        page: int = 1,
        page_size: int | None = None,
        search: str | None = None,
        status: str | None = None,
        is_paid: bool | None = None,
    ) -> OrderPage:
        """Fetch one page of the order list.

        Args:
            page: The page number, from 1.
            page_size: Orders per page; None leaves it to the server.
            search: Free text the server matches against orders.
            status: Only orders with this status.
            is_paid: Only paid (True) or unpaid (False) orders.

        Returns:
            The page; `has_next` tells whether another follows.

        Raises:
            NotFound: The page is past the last one.
            ApiError: Any other failure.
        """
        params: dict[str, str | int] = {"page": _checked_id(page, "page")}
        if page_size is not None:
            params["page_size"] = _checked_id(page_size, "page_size")
        if search is not None and search.strip():
            params["search"] = search.strip()
        if status:
            params["status"] = status
        if is_paid is not None:
            params["is_paid"] = "true" if is_paid else "false"

        return self._document("GET", paths.ORDERS, _ORDER_PAGE, params=params)

    def list_payment_methods(self) -> list[PaymentMethod]:
        """Fetch every payment method, from a plain list or from all pages.

        Raises:
            MalformedResponse: The answer is neither a list nor a page, or the
                server keeps announcing more pages.
            ApiError: Any other failure.
        """
        exchange = _exchange("GET", paths.PAYMENT_METHODS)
        methods: list[PaymentMethod] = []
        for page in range(1, MAX_METHOD_PAGES + 1):
            params = {"page": page} if page > 1 else None
            answer = self._send(exchange, params=params)
            data = decode_json(answer.response, answer.body, exchange)
            status = answer.response.status_code

            if isinstance(data, list):
                return validate_document(_METHODS, data, exchange, status)
            if not (isinstance(data, dict) and isinstance(data.get("results"), list)):
                raise MalformedResponse(
                    "the payment methods are neither a list nor a page",
                    **exchange.context(status),
                )

            page_methods = validate_document(
                _METHODS, data["results"], exchange, status
            )
            methods.extend(page_methods)
            if not data.get("next"):
                return methods

        raise MalformedResponse(
            f"the server announced more than {MAX_METHOD_PAGES} pages of payment "
            "methods",
            **exchange.context(),
        )

    def update_payment(
        self, order_id: int, payment_id: int, update: PaymentUpdate
    ) -> Order:
        """Change some fields of a payment and get the whole order back.

        Only the fields set on `update` are sent. On a failure whose
        `unknown_outcome` is True the change may have been saved: read the
        order again before showing it.

        Raises:
            ValidationFailed: The server refused a value; see `field_errors`.
            PermissionDenied: The account may not change payments.
            NotFound: No such order or payment.
            ApiError: Any other failure.
        """
        path = paths.PAYMENT.format(
            order_id=_checked_id(order_id, "order_id"),
            payment_id=_checked_id(payment_id, "payment_id"),
        )
        return self._order("PATCH", path, json=update.body())

    def fetch_image(self, url: str, *, max_bytes: int = MAX_IMAGE_BYTES) -> bytes:
        """Download an image (such as a thumbnail) from the server's own origin.

        Args:
            url: An absolute URL, or a path relative to the server address.
            max_bytes: The largest image accepted.

        Returns:
            The image's bytes, undecoded.

        Raises:
            ForeignOriginRefused: The URL is not on the server's own origin or
                is not http(s); nothing is requested.
            MalformedResponse: The answer is not an image.
            ApiError: Any other failure.
            ValueError: `max_bytes` is not positive.
        """
        if max_bytes <= 0:
            raise ValueError("max_bytes must be positive")

        target = self._own_url(url)
        exchange = _exchange("GET", target.path)
        answer = self._send(
            exchange,
            url=target,
            accept="image/*",
            limit=min(max_bytes, MAX_RESPONSE_BYTES),
        )

        media = media_type(answer.response.headers)
        if media and not (
            media.startswith("image/") or media == "application/octet-stream"
        ):
            raise MalformedResponse(
                f"the server answered {media} instead of an image",
                **exchange.context(answer.response.status_code),
            )
        return answer.body

    def close(self) -> None:
        """Close the connections; calls in flight fail with `ClientClosed`."""
        self._closed = True
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _document(
        self,
        method: str,
        path: str,
        adapter: TypeAdapter[_T],
        *,
        params: Mapping[str, str | int] | None = None,
        json: Any = None,
    ) -> _T:
        """Make a call and validate its JSON answer as a document."""
        exchange = _exchange(method, path)
        answer = self._send(exchange, params=params, json=json)
        data = decode_json(answer.response, answer.body, exchange)
        return validate_document(adapter, data, exchange, answer.response.status_code)

    def _order(self, method: str, path: str, *, json: Any = None) -> Order:
        """Make a call answered by an order, read in slices (`read_order_in_slices`)."""
        exchange = _exchange(method, path)
        answer = self._send(exchange, json=json)
        return read_document(
            answer.response, answer.body, exchange, read_order_in_slices
        )

    def _send(
        self,
        exchange: Exchange,
        *,
        url: httpx.URL | None = None,
        params: Mapping[str, str | int] | None = None,
        json: Any = None,
        accept: str | None = None,
        limit: int | None = None,
    ) -> _Answer:
        """Make one call within the deadline, and read its answer whole.

        Raises:
            ApiError: The call failed; the failure is logged here.
        """
        deadline = Deadline.after(self._timeout)
        try:
            with (
                deadline_scope(deadline),
                translated_errors(
                    exchange,
                    deadline,
                    is_closed=self._is_closed,
                    host=self._origin.host,
                ),
            ):
                answer = self._request(
                    exchange,
                    url=url,
                    params=params,
                    json=json,
                    accept=accept,
                    limit=self._max_response_bytes if limit is None else limit,
                    deadline=deadline,
                )
        except ApiError as error:
            _log_failure(exchange, deadline, error)
            raise

        logger.info(
            "%s %s -> %d in %.0f ms",
            exchange.method,
            exchange.path,
            answer.response.status_code,
            _elapsed_ms(deadline),
        )
        return answer

    def _request(
        self,
        exchange: Exchange,
        *,
        url: httpx.URL | None,
        params: Mapping[str, str | int] | None,
        json: Any,
        accept: str | None,
        limit: int,
        deadline: Deadline,
    ) -> _Answer:
        """Send the request and read the answer; errors are httpx's or ours."""
        if self._closed:
            raise ClientClosed(
                "the connection to the server was closed",
                **exchange.context(reached_server=False),
            )

        request = self._http.build_request(
            exchange.method,
            url if url is not None else exchange.path,
            params=params,
            json=json,
            headers={"Accept": accept} if accept else None,
        )
        response = self._http.send(request, stream=True)

        try:
            status = response.status_code
            if 200 <= status < 300:
                body = read_body(response, exchange, deadline=deadline, limit=limit)
                return _Answer(response, body)
            raise error_for(
                response, self._error_body(response, exchange, deadline), exchange
            )
        finally:
            response.close()

    @staticmethod
    def _error_body(
        response: httpx.Response, exchange: Exchange, deadline: Deadline
    ) -> bytes:
        """The body of a refusal, or nothing when there is none worth reading."""
        if 300 <= response.status_code < 400:
            return b""
        try:
            return read_body(
                response, exchange, deadline=deadline, limit=MAX_ERROR_BYTES
            )
        except ResponseTooLarge:
            return b""

    def _is_closed(self) -> bool:
        return self._closed

    def _own_url(self, url: str) -> httpx.URL:
        """Resolve a URL against the server and check it is on its origin."""
        try:
            target = httpx.URL(self._base_url + "/").join(url)
            own = origin_of(target) == self._origin
        except (httpx.InvalidURL, InvalidServerAddress, TypeError) as exc:
            raise ForeignOriginRefused(
                "refusing a URL that is not an http(s) address on the server"
            ) from exc

        if not own:
            logger.warning("Refused to load from %s", origin_of(target))
            raise ForeignOriginRefused(
                f"refusing to load from {origin_of(target)}: only the server's "
                f"own address {self._origin} is trusted"
            )
        return target


def _network_transport() -> httpx.BaseTransport:
    return DeadlineTransport(ssl_context=system_tls_context(), limits=_LIMITS)


def _exchange(method: str, path: str) -> Exchange:
    return Exchange(method, path, is_write=method not in _SAFE_METHODS)


def _checked_id(value: int, name: str, *, minimum: int = 1) -> int:
    """An id or count, refused unless it is a plain integer (paths take ints only)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"{name} must be an integer of at least {minimum}")
    return value


def _elapsed_ms(deadline: Deadline) -> float:
    return (deadline.seconds - deadline.remaining()) * 1000


def _log_failure(exchange: Exchange, deadline: Deadline, error: ApiError) -> None:
    cause = error.__cause__
    logger.warning(
        "%s %s failed after %.0f ms (status %s): %s: %s%s",
        exchange.method,
        exchange.path,
        _elapsed_ms(deadline),
        error.status_code,
        type(error).__name__,
        error.message,
        f", caused by {type(cause).__name__}: {reason(cause)}"
        if isinstance(cause, Exception)
        else "",
    )
