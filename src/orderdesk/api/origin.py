"""Server addresses: validating them, and telling whose origin a URL is on.

The token and image requests may only ever go to the server the user signed
in to, so "the same server" is decided in one place: same scheme, host
(compared lowercase) and port (with the scheme's default filled in).
"""

import ipaddress
from typing import NamedTuple

import httpx

from orderdesk.api.errors import InsecureConnectionRefused, InvalidServerAddress

_DEFAULT_PORTS = {"http": 80, "https": 443}


class Origin(NamedTuple):
    """The scheme, host and port of a URL.

    Attributes:
        scheme: "http" or "https", lowercase.
        host: The host name or IP address, lowercase, IPv6 without brackets.
        port: The port, with the scheme's default filled in.
    """

    scheme: str
    host: str
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        if self.port == _DEFAULT_PORTS[self.scheme]:
            return f"{self.scheme}://{host}"
        return f"{self.scheme}://{host}:{self.port}"

    @property
    def is_loopback(self) -> bool:
        """Whether the host is this machine (127.0.0.0/8, ::1 or localhost)."""
        return is_loopback_host(self.host)


def origin_of(url: str | httpx.URL) -> Origin:
    """The origin of an absolute http(s) URL.

    Args:
        url: The URL.

    Returns:
        Its normalised origin.

    Raises:
        InvalidServerAddress: The URL is not an absolute http or https URL.
    """
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise InvalidServerAddress("the address is not a valid URL") from exc

    scheme = parsed.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise InvalidServerAddress("the address must start with https:// or http://")
    if not parsed.host:
        raise InvalidServerAddress("the address has no host name")

    port = parsed.port if parsed.port is not None else _DEFAULT_PORTS[scheme]
    if not 0 < port < 65536:
        raise InvalidServerAddress("the address has an impossible port number")
    return Origin(scheme, parsed.host.lower(), port)


def is_loopback_host(host: str) -> bool:
    """Whether a host name or address certainly means this machine."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True

    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False

    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_loopback


def normalise_base_url(base_url: str, *, allow_insecure_http: bool = False) -> str:
    """Check a server address and return it without a trailing slash.

    The address may carry a path prefix (`https://host/shop`) under which the
    API paths live.

    Args:
        base_url: The address the user typed.
        allow_insecure_http: Allow plain http to hosts other than this machine.

    Returns:
        The address, with its scheme and host lowercased and no trailing slash.

    Raises:
        InvalidServerAddress: Not an absolute http(s) URL, or it carries
            credentials, a query or a fragment.
        InsecureConnectionRefused: Plain http to another machine without
            `allow_insecure_http`.
    """
    origin = origin_of(base_url.strip())
    parsed = httpx.URL(base_url.strip())

    # Credentials in the address would end up in settings and logs; queries and
    # fragments have no meaning for a base address and hide typing mistakes.
    if parsed.userinfo:
        raise InvalidServerAddress("the address must not contain a user name")
    if parsed.query or parsed.fragment:
        raise InvalidServerAddress("the address must not contain ? or #")

    if origin.scheme == "http" and not origin.is_loopback and not allow_insecure_http:
        raise InsecureConnectionRefused(
            f"refusing plain http to {origin.host}: the token would travel "
            "unencrypted; use https"
        )

    # The path stays percent-encoded so that httpx joins it unchanged.
    path = parsed.raw_path.decode("ascii").rstrip("/")
    return f"{origin}{path}"
