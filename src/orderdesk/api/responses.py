"""Reading an answer: its body within limits, and the document inside it.

The body is read as a stream so that three limits hold whatever the server
does: the call's deadline (checked between chunks), a cap on the decoded
size (a small gzip body can inflate enormously), and the Content-Type (a web
page is never parsed as JSON).
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
from pydantic import TypeAdapter, ValidationError

from orderdesk.api.deadline import Deadline
from orderdesk.api.errors import (
    DeadlineExceeded,
    ErrorContext,
    MalformedResponse,
    ResponseTooLarge,
)

_MAX_PROBLEMS = 3

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Exchange:
    """The request an answer belongs to, for errors and logs.

    Attributes:
        method: The HTTP method.
        path: The request path without query.
        is_write: Whether the request may change data on the server.
    """

    method: str
    path: str
    is_write: bool

    def context(
        self, status_code: int | None = None, *, reached_server: bool = True
    ) -> ErrorContext:
        """The keyword arguments that tie an error to this request.

        Args:
            status_code: The answer's status, if one arrived.
            reached_server: False when the request certainly never reached the
                server (no connection could be made).

        Returns:
            The error context, with `unknown_outcome` set for a write that may
            have been saved: anything but a 3xx or 4xx refusal once the
            request reached the server.
        """
        refused = status_code is not None and 300 <= status_code < 500
        unknown = self.is_write and reached_server and not refused
        return ErrorContext(
            method=self.method,
            path=self.path,
            status_code=status_code,
            unknown_outcome=unknown,
        )


def media_type(headers: httpx.Headers) -> str:
    """The media type of a Content-Type header, lowercase, without parameters."""
    value = str(headers.get("Content-Type", ""))
    return value.split(";", 1)[0].strip().lower()


def is_json_type(media: str) -> bool:
    """Whether a media type is JSON (`application/json` or `...+json`)."""
    return media == "application/json" or media.endswith("+json")


def read_body(
    response: httpx.Response, exchange: Exchange, *, deadline: Deadline, limit: int
) -> bytes:
    """Read a streamed body, decompressed, within the deadline and size limit.

    Args:
        response: A response opened with `stream=True`.
        exchange: The request, for errors.
        deadline: The call's deadline.
        limit: The largest decoded body accepted, in bytes.

    Returns:
        The decoded body.

    Raises:
        ResponseTooLarge: The body (announced or decoded) exceeds `limit`.
        DeadlineExceeded: The deadline passed while the body was arriving.
        httpx.TransportError: The connection broke mid-body.
        httpx.DecodingError: The body is not valid for its Content-Encoding.
    """
    context = exchange.context(response.status_code)
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ResponseTooLarge(_too_large(limit), **context)

    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        # Counting decoded bytes is what refuses a gzip bomb.
        if len(body) > limit:
            raise ResponseTooLarge(_too_large(limit), **context)
        if deadline.expired:
            raise DeadlineExceeded(
                f"the server did not finish answering within {deadline.seconds:g} s",
                **context,
            )
    return bytes(body)


def decode_json(response: httpx.Response, body: bytes, exchange: Exchange) -> Any:
    """Decode the JSON body of a success answer.

    Raises:
        MalformedResponse: The body is a web page, another non-JSON type,
            empty, or not valid JSON.
    """
    require_json(response, exchange)
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise MalformedResponse(
            "the server's answer is not valid JSON",
            **exchange.context(response.status_code),
        ) from exc


def require_json(response: httpx.Response, exchange: Exchange) -> None:
    """Refuse a success answer whose Content-Type is not JSON.

    Raises:
        MalformedResponse: The answer is a web page or another non-JSON type.
    """
    context = exchange.context(response.status_code)
    media = media_type(response.headers)
    if "html" in media:
        raise MalformedResponse(
            "the server answered with a web page instead of API data; "
            "check the server address",
            **context,
        )
    if media and not is_json_type(media):
        raise MalformedResponse(
            f"the server answered {media} instead of JSON", **context
        )


def validate_document(
    adapter: TypeAdapter[_T], data: Any, exchange: Exchange, status_code: int
) -> _T:
    """Validate decoded JSON as the expected document.

    Raises:
        MalformedResponse: The data does not fit the document; the message
            names the first problems by location only.
    """
    try:
        return adapter.validate_python(data)
    except ValidationError as exc:
        error = _not_the_document(exc, exchange, status_code)
    # Not chained: pydantic's error quotes the offending input, which can be
    # personal data, and tracebacks end up in logs.
    raise error from None


def read_document(
    response: httpx.Response,
    body: bytes,
    exchange: Exchange,
    read: Callable[[bytes], _T],
) -> _T:
    """Decode and validate a success answer's body with one function.

    `read` raises `pydantic.ValidationError` when the JSON is not the
    document and another `ValueError` when it is not JSON, as
    `models.read_order_in_slices` does.

    Raises:
        MalformedResponse: Not JSON, not valid JSON, or not the document.
    """
    require_json(response, exchange)
    status_code = response.status_code
    try:
        return read(body)
    except ValidationError as exc:
        error = _not_the_document(exc, exchange, status_code)
    except (ValueError, RecursionError):
        error = MalformedResponse(
            "the server's answer is not valid JSON", **exchange.context(status_code)
        )
    # Not chained, as in validate_document.
    raise error from None


def validate_json_body(
    adapter: TypeAdapter[_T], response: httpx.Response, body: bytes, exchange: Exchange
) -> _T:
    """Validate a success answer's JSON body as a document, parsing it in one go.

    pydantic reads the bytes itself, so the parts of the answer that the
    document ignores never become Python objects: the way to read a small
    part of a large answer. (For a whole `Order`, `decode_json` then
    `validate_document` is faster: its free-form and nullable text fields
    make pydantic build the objects anyway.)

    Raises:
        MalformedResponse: Not JSON, not valid JSON, or not the document.
    """
    require_json(response, exchange)
    status_code = response.status_code
    try:
        return adapter.validate_json(body)
    except ValidationError as exc:
        problems = exc.errors(include_input=False, include_url=False)
        if any(problem["type"] == "json_invalid" for problem in problems):
            error = MalformedResponse(
                "the server's answer is not valid JSON",
                **exchange.context(status_code),
            )
        else:
            error = _not_the_document(exc, exchange, status_code)
    # Not chained, as in validate_document.
    raise error from None


def _not_the_document(
    exc: ValidationError, exchange: Exchange, status_code: int
) -> MalformedResponse:
    problems = [
        f"{'.'.join(str(part) for part in error['loc']) or 'document'}: {error['msg']}"
        for error in exc.errors(include_input=False, include_url=False)
    ]
    summary = "; ".join(problems[:_MAX_PROBLEMS])
    return MalformedResponse(
        f"the server's answer is not the expected document ({summary})",
        **exchange.context(status_code),
    )


def _too_large(limit: int) -> str:
    return f"the server's answer is larger than the limit of {limit:,} bytes"
