"""The shop API: an httpx client, its errors, and token storage.

Import from here; the modules behind it are private to the package.
"""

import sys

# httpx imports its command-line client whenever click is installed, and that
# pulls in rich and pygments: about 200 ms and 10 MB at start-up for a tool
# OrderDesk never runs. click is there in development (Schemathesis brings it)
# and excluded from the built app, so without this the two started
# differently. None in sys.modules makes that import fail, and httpx then
# falls back to a stub `main`.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

from orderdesk.api import paths
from orderdesk.api.client import (
    DEFAULT_TIMEOUT,
    MAX_IMAGE_BYTES,
    MAX_RESPONSE_BYTES,
    ShopClient,
)
from orderdesk.api.errors import (
    ApiError,
    AuthenticationFailed,
    CertificateError,
    ClientClosed,
    DeadlineExceeded,
    ForeignOriginRefused,
    InsecureConnectionRefused,
    InvalidServerAddress,
    MalformedResponse,
    NetworkError,
    NotFound,
    PermissionDenied,
    ResponseTooLarge,
    ServerError,
    Throttled,
    UnexpectedRedirect,
    UnexpectedStatus,
    ValidationFailed,
)
from orderdesk.api.origin import Origin, is_loopback_host, origin_of
from orderdesk.api.redaction import (
    REDACTED,
    RedactingFilter,
    quiet_http_loggers,
    redact,
    register_secret,
)
from orderdesk.api.tokens import TokenStore, TokenStoreError

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_IMAGE_BYTES",
    "MAX_RESPONSE_BYTES",
    "REDACTED",
    "ApiError",
    "AuthenticationFailed",
    "CertificateError",
    "ClientClosed",
    "DeadlineExceeded",
    "ForeignOriginRefused",
    "InsecureConnectionRefused",
    "InvalidServerAddress",
    "MalformedResponse",
    "NetworkError",
    "NotFound",
    "Origin",
    "PermissionDenied",
    "RedactingFilter",
    "ResponseTooLarge",
    "ServerError",
    "ShopClient",
    "Throttled",
    "TokenStore",
    "TokenStoreError",
    "UnexpectedRedirect",
    "UnexpectedStatus",
    "ValidationFailed",
    "is_loopback_host",
    "origin_of",
    "paths",
    "quiet_http_loggers",
    "redact",
    "register_secret",
]
