"""Every failure maps to one short message that says what to do."""

import pytest

from orderdesk.api import (
    ApiError,
    AuthenticationFailed,
    DeadlineExceeded,
    ForeignOriginRefused,
    InsecureConnectionRefused,
    MalformedResponse,
    NetworkError,
    NotFound,
    PermissionDenied,
    ServerError,
    Throttled,
    UnexpectedRedirect,
    UnexpectedStatus,
    ValidationFailed,
)
from orderdesk.views.errors import describe
from orderdesk.views.order_source import OrderNotSaved

SECRET = "planted-token-abcdef123456"


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (AuthenticationFailed("x", status_code=401), "Sign in again"),
        (PermissionDenied("x", status_code=403), "OrderPaymentPermission"),
        (NotFound("x", status_code=404), "no longer exists"),
        (NotFound("x", status_code=404, endpoint_missing=True), "server address"),
        (
            ValidationFailed("x", field_errors={}, non_field_errors=[]),
            "Check the fields",
        ),
        (Throttled("x", retry_after=7.2), "7 seconds"),
        (Throttled("x", retry_after=None), "in a moment"),
        (ServerError("x", status_code=502), "server failed"),
        (NetworkError("x"), "could not be reached"),
        (DeadlineExceeded("x"), "could not be reached"),
        (UnexpectedRedirect("x", location="/api/orders/1/"), "another address"),
        (InsecureConnectionRefused("x"), "https://"),
        (ForeignOriginRefused("x"), "another server"),
        (UnexpectedStatus("x", status_code=405), "405"),
        (MalformedResponse("x"), "cannot read"),
        (ApiError("teapot"), "teapot"),
        (OrderNotSaved(4), "not saved on this computer"),
        (RuntimeError(SECRET), "RuntimeError"),
    ],
)
def test_each_failure_has_its_message(error: Exception, says: str) -> None:
    message = describe(error)

    assert says in message
    assert SECRET not in message
