"""The exceptions of the API layer: one type per way a call can fail.

Views map each type to one translatable message, so callers branch on the
type (and on field names of `ValidationFailed`), never on message text: the
server may answer in Persian. The English message of an exception is for
logs and developers; the server's own words, when it sent any, are in
`detail`, to be shown as plain text.

No message ever contains the token, a request body or a query string.
"""

from typing import TypedDict, Unpack


class ErrorContext(TypedDict, total=False):
    """The request an error belongs to; see `ApiError` for each key."""

    status_code: int | None
    method: str | None
    path: str | None
    detail: str | None
    unknown_outcome: bool


class ApiError(Exception):
    """Base of every error the API layer raises.

    Attributes:
        message: A short English sentence saying what failed.
        status_code: The HTTP status, or None when no answer arrived.
        method: The HTTP method of the request, if one was made.
        path: The request path without its query, if one was made.
        detail: The server's own message (possibly translated), if any.
        unknown_outcome: True when a write may or may not have been saved
            (server error, dropped connection or deadline during a PATCH, or
            a success answer that could not be read); re-read the order.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        method: str | None = None,
        path: str | None = None,
        detail: str | None = None,
        unknown_outcome: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.method = method
        self.path = path
        self.detail = detail
        self.unknown_outcome = unknown_outcome

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.message!r}, status_code={self.status_code}, "
            f"method={self.method!r}, path={self.path!r})"
        )


class InvalidServerAddress(ApiError):
    """The server address is not an absolute http(s) URL the client accepts."""


class InsecureConnectionRefused(InvalidServerAddress):
    """Plain http to a host other than this machine, not explicitly allowed."""


class ForeignOriginRefused(ApiError):
    """A URL (such as an image's) is not on the server's own origin."""


class ClientClosed(ApiError):
    """The client was closed; its requests are dropped."""


class UnexpectedRedirect(ApiError):
    """The server answered 3xx; redirects are never followed.

    A followed redirect can turn a PATCH into a GET or carry the body and the
    token elsewhere; a redirect almost always means a wrong address or path.

    Attributes:
        location: Where the server pointed, without query: a path on the same
            server, or an origin and path on another; None if it said nowhere.
    """

    def __init__(
        self, message: str, *, location: str | None, **context: Unpack[ErrorContext]
    ) -> None:
        super().__init__(message, **context)
        self.location = location


class AuthenticationFailed(ApiError):
    """401: the server did not accept the token (unknown, revoked or missing)."""


class PermissionDenied(ApiError):
    """403: the token is valid but its account may not do this."""


class NotFound(ApiError):
    """404: the order, payment or address does not exist.

    Attributes:
        endpoint_missing: True when the answer was not the API's own (a web
            page from the server itself): the address or path configuration
            is wrong, rather than the object missing.
    """

    def __init__(
        self,
        message: str,
        *,
        endpoint_missing: bool = False,
        **context: Unpack[ErrorContext],
    ) -> None:
        super().__init__(message, **context)
        self.endpoint_missing = endpoint_missing


class ValidationFailed(ApiError):
    """400: the server refused the values sent.

    Nested errors are flattened with dotted keys: an error on the `amount` of
    the first element of `items` is under `"items.0.amount"`; the
    `non_field_errors` of a nested object are under that object's key.

    Attributes:
        field_errors: Messages by field name (dotted for nested fields).
        non_field_errors: Messages that belong to no field.
    """

    def __init__(
        self,
        message: str,
        *,
        field_errors: dict[str, list[str]],
        non_field_errors: list[str],
        **context: Unpack[ErrorContext],
    ) -> None:
        super().__init__(message, **context)
        self.field_errors = field_errors
        self.non_field_errors = non_field_errors

    def messages_for(self, field: str) -> list[str]:
        """Every message for a field, including those of its nested fields."""
        prefix = f"{field}."
        return [
            message
            for key, messages in self.field_errors.items()
            if key == field or key.startswith(prefix)
            for message in messages
        ]


class Throttled(ApiError):
    """429: too many requests.

    Attributes:
        retry_after: Seconds to wait before retrying, if the server said.
    """

    def __init__(
        self,
        message: str,
        *,
        retry_after: float | None,
        **context: Unpack[ErrorContext],
    ) -> None:
        super().__init__(message, **context)
        self.retry_after = retry_after


class ServerError(ApiError):
    """5xx: the server failed; a write may or may not have been saved."""


class UnexpectedStatus(ApiError):
    """Any other refusal (405, 406, 415, a 400 web page, ...)."""


class NetworkError(ApiError):
    """No complete answer arrived: refused, reset or dropped connection."""


class DeadlineExceeded(NetworkError):
    """The whole call took longer than the client's timeout."""


class CertificateError(NetworkError):
    """The server's TLS certificate was not accepted; nothing was sent.

    Attributes:
        host: The host whose certificate was refused.
        reason: Why, in the TLS library's words ("certificate has expired",
            "Hostname mismatch, ...", "self-signed certificate", ...).
    """

    def __init__(
        self, message: str, *, host: str, reason: str, **context: Unpack[ErrorContext]
    ) -> None:
        super().__init__(message, **context)
        self.host = host
        self.reason = reason


class MalformedResponse(ApiError):
    """A success answer that is not the expected JSON document."""


class ResponseTooLarge(MalformedResponse):
    """The answer exceeded the size limit (after decompression)."""
