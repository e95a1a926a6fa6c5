"""Server addresses: what the client accepts, and what counts as one origin."""

import pytest

from orderdesk.api import (
    AuthenticationFailed,
    InsecureConnectionRefused,
    InvalidServerAddress,
    Origin,
    ShopClient,
    is_loopback_host,
    origin_of,
)
from orderdesk.api.origin import normalise_base_url

from .support import TOKEN


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("https://shop.example.com", "https://shop.example.com"),
        ("https://shop.example.com/", "https://shop.example.com"),
        ("  https://Shop.Example.COM:443/ ", "https://shop.example.com"),
        (
            "https://shop.example.com:8443/backend/",
            "https://shop.example.com:8443/backend",
        ),
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000"),
        ("http://127.5.6.7", "http://127.5.6.7"),
        ("http://localhost:8000", "http://localhost:8000"),
        ("http://LOCALHOST", "http://localhost"),
        ("http://[::1]:8000/", "http://[::1]:8000"),
    ],
)
def test_accepted_addresses_are_normalised(typed: str, normalised: str) -> None:
    assert normalise_base_url(typed) == normalised


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "shop.example.com",
        "ftp://shop.example.com",
        "file:///etc/passwd",
        "https://",
        "https://user:secret@shop.example.com",
        "https://shop.example.com/?x=1",
        "https://shop.example.com/#top",
        "https://shop.example.com:99999",
    ],
)
def test_invalid_addresses_are_refused(typed: str) -> None:
    with pytest.raises(InvalidServerAddress):
        normalise_base_url(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "http://shop.example.com",
        "http://192.168.1.10:8000",
        "http://128.0.0.1",
        "http://localhost.example.com",
        "http://[::2]",
    ],
)
def test_plain_http_elsewhere_needs_explicit_permission(typed: str) -> None:
    with pytest.raises(InsecureConnectionRefused) as caught:
        ShopClient(typed, TOKEN)
    assert "https" in caught.value.message

    with ShopClient(typed, TOKEN, allow_insecure_http=True) as client:
        assert client.base_url == typed


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.255.255.254", True),
        ("::1", True),
        ("[::1]", True),
        ("::ffff:127.0.0.1", True),
        ("localhost", True),
        ("LocalHost", True),
        ("128.0.0.1", False),
        ("0.0.0.0", False),  # noqa: S104 - a host typed by a user, not a bind
        ("localhost.evil.example", False),
        ("example.com", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://Shop.Example.com/a?b", Origin("https", "shop.example.com", 443)),
        ("https://shop.example.com:443/", Origin("https", "shop.example.com", 443)),
        ("HTTP://127.0.0.1/x", Origin("http", "127.0.0.1", 80)),
        ("http://[::1]:8000", Origin("http", "::1", 8000)),
    ],
)
def test_origin_fills_the_default_port(url: str, origin: Origin) -> None:
    assert origin_of(url) == origin


@pytest.mark.parametrize(
    ("origin", "text"),
    [
        (Origin("https", "shop.example.com", 443), "https://shop.example.com"),
        (Origin("http", "127.0.0.1", 8000), "http://127.0.0.1:8000"),
        (Origin("http", "::1", 80), "http://[::1]"),
    ],
)
def test_origin_text_omits_the_default_port(origin: Origin, text: str) -> None:
    assert str(origin) == text


@pytest.mark.parametrize("token", ["", "   ", "two words", "tok\nen", "توکن"])
def test_unusable_tokens_are_refused_before_any_request(token: str) -> None:
    with pytest.raises(AuthenticationFailed) as caught:
        ShopClient("http://127.0.0.1:8000", token)
    assert caught.value.status_code is None


@pytest.mark.parametrize("timeout", [0, -1, float("nan"), float("inf")])
def test_timeout_must_be_positive_and_finite(timeout: float) -> None:
    with pytest.raises(ValueError, match="timeout"):
        ShopClient("http://127.0.0.1:8000", TOKEN, timeout=timeout)
