"""The token on the wire: checked once, sent only to the server's own origin."""

from collections.abc import Generator

import httpx

from orderdesk.api.errors import ApiError, AuthenticationFailed
from orderdesk.api.origin import Origin, origin_of


class TokenAuth(httpx.Auth):
    """Adds `Authorization: Token <key>` to requests for one origin only.

    Every request of the client goes to its own server today; checking the
    origin here keeps a future call with a foreign URL from carrying the
    token along.

    Args:
        token: A token checked by `checked_token`.
        origin: The only origin that may receive it.
    """

    def __init__(self, token: str, origin: Origin) -> None:
        self._header = f"Token {token}"
        self._origin = origin

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        """Add the header if the request is for the origin (overrides Auth)."""
        try:
            own = origin_of(request.url) == self._origin
        except ApiError:
            own = False
        if own:
            request.headers["Authorization"] = self._header
        yield request

    def __repr__(self) -> str:
        return "TokenAuth(<hidden>)"


def checked_token(token: str) -> str:
    """The token without surrounding blanks, if it can travel in a header.

    Raises:
        AuthenticationFailed: The token is empty, or holds blanks, control
            or non-ASCII characters (a pasted sentence, a stray newline).
    """
    token = token.strip()
    if not token:
        raise AuthenticationFailed("the API token is empty")

    unusable = (
        not token.isascii()
        or not token.isprintable()
        or any(char.isspace() for char in token)
    )
    if unusable:
        raise AuthenticationFailed(
            "the API token contains characters a token cannot have"
        )
    return token
