"""Turning a refusal (3xx, 4xx, 5xx) into the exception that says what failed.

Only status codes, headers and field names are read, never message text,
which the server may translate. A body is parsed as JSON only when its
Content-Type says JSON: Django's own pages for an unknown URL (404), a host
it does not serve (400) and a crash (500) are HTML.
"""

import email.utils
import json
import math
from datetime import UTC, datetime
from typing import Any

import httpx

from orderdesk.api.drf_errors import read_error_body
from orderdesk.api.errors import (
    ApiError,
    AuthenticationFailed,
    ErrorContext,
    NotFound,
    PermissionDenied,
    ServerError,
    Throttled,
    UnexpectedRedirect,
    UnexpectedStatus,
    ValidationFailed,
)
from orderdesk.api.origin import origin_of
from orderdesk.api.responses import Exchange, is_json_type, media_type

_CONFIGURATION_HINT = "check the server address and path configuration"


def error_for(response: httpx.Response, body: bytes, exchange: Exchange) -> ApiError:
    """The exception for a non-success answer.

    Args:
        response: The answer (its body already read into `body`).
        body: The body, possibly empty when it was not read.
        exchange: The request.

    Returns:
        The exception to raise; it is not raised here.
    """
    status = response.status_code
    context = exchange.context(status)
    data = _json_or_none(response.headers, body)
    context["detail"] = _detail_of(data)

    if 300 <= status < 400:
        location = redirect_target(response)
        message = f"the server redirected to {location or 'nowhere'} (HTTP {status})"
        return UnexpectedRedirect(
            f"{message}; {_CONFIGURATION_HINT}", location=location, **context
        )

    if status == 400:
        return _bad_request(data, context)
    if status == 401:
        return AuthenticationFailed(
            "the server did not accept the API token", **context
        )
    if status == 403:
        return PermissionDenied("this account is not allowed to do this", **context)
    if status == 404:
        return _not_found(data, exchange, context)
    if status == 429:
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        return Throttled(
            "the server is refusing requests for a while (too many requests)",
            retry_after=retry_after,
            **context,
        )
    if status >= 500:
        return ServerError(f"the server failed (HTTP {status})", **context)
    return UnexpectedStatus(
        f"the server refused {exchange.method} {exchange.path} (HTTP {status})",
        **context,
    )


def redirect_target(response: httpx.Response) -> str | None:
    """Where a redirect points, without query: a path if on the same origin."""
    location = response.headers.get("Location")
    if not location:
        return None

    try:
        target = response.request.url.join(location)
        same_origin = origin_of(target) == origin_of(response.request.url)
    except (httpx.InvalidURL, ApiError):
        return "an invalid address"

    path = target.raw_path.split(b"?", 1)[0].decode("ascii", "replace")
    if same_origin:
        return path
    return f"{origin_of(target)}{path}"


def parse_retry_after(
    value: str | None, *, now: datetime | None = None
) -> float | None:
    """Seconds to wait from a `Retry-After` header (seconds or an HTTP-date).

    Args:
        value: The header's value, if present.
        now: The current time (for tests); defaults to the clock.

    Returns:
        Non-negative seconds, or None when absent or unreadable.
    """
    if not value or not value.strip():
        return None

    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return seconds if math.isfinite(seconds) and seconds >= 0 else None

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - (now or datetime.now(UTC))).total_seconds(), 0.0)


def _bad_request(data: Any, context: ErrorContext) -> ApiError:
    if data is None:
        # Django's own "Bad Request (400)" page: almost always a host name the
        # server is not configured to serve (ALLOWED_HOSTS).
        return UnexpectedStatus(
            "the server refused the request with a web page (HTTP 400); it may "
            "not accept this server address as its host name",
            **context,
        )

    messages = read_error_body(data)
    fields = ", ".join(messages.field_errors)
    message = (
        f"the server refused the values of: {fields}"
        if fields
        else ("the server refused the request")
    )
    return ValidationFailed(
        message,
        field_errors=messages.field_errors,
        non_field_errors=messages.non_field_errors,
        **context,
    )


def _not_found(data: Any, exchange: Exchange, context: ErrorContext) -> NotFound:
    if data is None:
        return NotFound(
            f"the server has no API at {exchange.path} (HTTP 404 page); "
            f"{_CONFIGURATION_HINT}",
            endpoint_missing=True,
            **context,
        )
    return NotFound(f"{exchange.path} does not exist on the server", **context)


def _json_or_none(headers: httpx.Headers, body: bytes) -> Any:
    """The decoded body if it is declared and valid JSON, else None."""
    if not body or not is_json_type(media_type(headers)):
        return None
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


def _detail_of(data: Any) -> str | None:
    if isinstance(data, dict) and isinstance(data.get("detail"), str):
        return str(data["detail"])
    return None
