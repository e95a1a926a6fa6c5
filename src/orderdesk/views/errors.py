"""One short, translatable message for each way a call can fail."""

from orderdesk.api import (
    ApiError,
    AuthenticationFailed,
    CertificateError,
    ForeignOriginRefused,
    InvalidServerAddress,
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
from orderdesk.views.i18n import tr
from orderdesk.views.order_source import OrderNotSaved


def describe(error: BaseException) -> str:
    """What failed and what to do next, in the interface language.

    The server's own words are not used to decide anything: the type of the
    error says what happened.
    """
    match error:
        case OrderNotSaved():
            return tr(
                "This order was not saved on this computer, so it cannot be "
                "opened while the server is unreachable."
            )
        case AuthenticationFailed():
            return tr("The server did not accept the token. Sign in again.")
        case PermissionDenied():
            return tr(
                "This account may not do that. Editing payments needs the "
                "OrderPaymentPermission; ask an administrator."
            )
        case NotFound(endpoint_missing=True):
            return tr(
                "The server does not offer the shop API at this address. Check "
                "the server address."
            )
        case NotFound():
            return tr("The order or payment no longer exists on the server.")
        case ValidationFailed():
            return tr("The server refused the values. Check the fields marked.")
        case Throttled(retry_after=seconds) if seconds:
            return tr("Too many requests. Try again in %1 seconds.").replace(
                "%1", str(round(seconds))
            )
        case Throttled():
            return tr("Too many requests. Try again in a moment.")
        case CertificateError(host=host, reason=why):
            return (
                tr(
                    "The certificate of %1 was not accepted: %2. Check the server "
                    "address; a company certificate authority must be installed in "
                    "the system's certificate store."
                )
                .replace("%1", host)
                .replace("%2", why)
            )
        case ServerError():
            return tr("The server failed. Try again; if it persists, call support.")
        case NetworkError():
            return tr(
                "The server could not be reached. Check the network and try again."
            )
        case UnexpectedRedirect():
            return tr(
                "The server sent OrderDesk to another address. Check the server "
                "address in the sign-in settings."
            )
        case InvalidServerAddress():
            return tr(
                "The server address is not valid, or plain http is not allowed "
                "for it. Use an https:// address."
            )
        case ForeignOriginRefused():
            return tr("An image on another server was not loaded.")
        case UnexpectedStatus():
            return tr("The server refused the request (%1).").replace(
                "%1", str(error.status_code or "?")
            )
        case MalformedResponse():
            return tr("The server answered something OrderDesk cannot read.")
        case ApiError():
            return tr("The request failed: %1").replace("%1", str(error))
    return tr("Something went wrong: %1").replace("%1", type(error).__name__)
