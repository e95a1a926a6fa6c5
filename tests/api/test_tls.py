"""TLS: the system trust store decides, and a refused certificate says why.

A local HTTPS server presents certificates made in the test: signed by a
certificate authority that the "system" trusts (through `SSL_CERT_FILE`,
which the OpenSSL trust store on Linux honours, as a company's own CA
installed on the desks would be), signed by one it does not, issued for
another host, or expired.
"""

import datetime
import ipaddress
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import truststore
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from orderdesk.api import CertificateError, NetworkError, ShopClient
from orderdesk.api.transport import system_tls_context
from orderdesk.views.errors import describe

from .support import TOKEN, http_answer

NOW = datetime.datetime.now(datetime.UTC)
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Authority:
    """A certificate authority made for one test."""

    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate

    def pem(self) -> bytes:
        """The authority's certificate in PEM."""
        return self.cert.public_bytes(serialization.Encoding.PEM)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def make_authority(name: str = "OrderDesk Test CA") -> Authority:
    """A self-signed certificate authority."""
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(name))
        .issuer_name(_name(name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - DAY)
        .not_valid_after(NOW + DAY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    return Authority(key, cert)


def issue(
    authority: Authority,
    folder: Path,
    *,
    hosts: tuple[str, ...] = ("127.0.0.1",),
    expired: bool = False,
) -> tuple[Path, Path]:
    """A server certificate and key signed by `authority`, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    end = NOW - DAY / 2 if expired else NOW + DAY
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(hosts[0]))
        .issuer_name(authority.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - DAY)
        .not_valid_after(end)
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(
                authority.key.public_key()
            ),
            critical=False,
        )
        .sign(authority.key, hashes.SHA256())
    )
    cert_file = folder / "server.pem"
    key_file = folder / "server.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


class TlsServer:
    """An HTTPS server on 127.0.0.1 that answers every request with `[]`.

    Attributes:
        port: The port it listens on.
        requests: How many requests got past the handshake.
    """

    def __init__(self, cert_file: Path, key_file: Path) -> None:
        self._context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._context.load_cert_chain(cert_file, key_file)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self._stop = threading.Event()
        self.port: int = self._listener.getsockname()[1]
        self.requests = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop serving."""
        self._stop.set()
        self._thread.join(timeout=2)
        self._listener.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    with self._context.wrap_socket(conn, server_side=True) as tls:
                        tls.recv(65536)
                        self.requests += 1
                        tls.sendall(http_answer(200, b"[]"))
                except OSError:
                    pass  # The client refused the certificate: expected here.


@pytest.fixture
def trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Authority:
    """An authority installed in the "system" trust store for this test."""
    authority = make_authority()
    bundle = tmp_path / "system-ca.pem"
    bundle.write_bytes(authority.pem())
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    return authority


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[type[TlsServer]]:
    servers: list[TlsServer] = []

    class Tracked(TlsServer):
        def __init__(self, cert_file: Path, key_file: Path) -> None:
            super().__init__(cert_file, key_file)
            servers.append(self)

    yield Tracked
    for server in servers:
        server.close()


def test_the_tls_context_verifies_with_the_system_store() -> None:
    context = system_tls_context()

    assert isinstance(context, truststore.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname


def test_a_certificate_from_a_ca_in_the_system_store_is_accepted(
    trusted: Authority, serve: type[TlsServer], tmp_path: Path
) -> None:
    server = serve(*issue(trusted, tmp_path))

    with ShopClient(f"https://127.0.0.1:{server.port}", TOKEN, timeout=5) as client:
        assert client.list_payment_methods() == []
    assert server.requests == 1


CASES = {
    # Signed by a CA that the system does not trust.
    "unknown authority": (False, ("127.0.0.1",), False, "certificate"),
    "other host": (True, ("shop.example",), False, "127.0.0.1"),
    "expired": (True, ("127.0.0.1",), True, "expired"),
}


@pytest.mark.parametrize(
    ("signed_by_trusted", "hosts", "expired", "says"), CASES.values(), ids=CASES.keys()
)
def test_a_refused_certificate_names_the_host_and_the_reason(
    trusted: Authority,
    serve: type[TlsServer],
    tmp_path: Path,
    signed_by_trusted: bool,
    hosts: tuple[str, ...],
    expired: bool,
    says: str,
) -> None:
    signer = trusted if signed_by_trusted else make_authority("Stranger CA")
    server = serve(*issue(signer, tmp_path, hosts=hosts, expired=expired))

    with (
        ShopClient(f"https://127.0.0.1:{server.port}", TOKEN, timeout=5) as client,
        pytest.raises(CertificateError) as caught,
    ):
        client.list_payment_methods()

    error = caught.value
    assert isinstance(error, NetworkError)
    assert error.host == "127.0.0.1"
    assert says in error.reason.lower()
    assert "127.0.0.1" in error.message
    assert error.reason in error.message
    assert error.unknown_outcome is False
    assert server.requests == 0
    shown = describe(error)
    assert "127.0.0.1" in shown
    assert error.reason in shown
