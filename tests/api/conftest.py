"""Fixtures of the API tests: fault servers and mock-transport clients."""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from orderdesk.api import MAX_RESPONSE_BYTES, ShopClient

from .support import TOKEN, Behaviour, FaultServer, MakeClient, MockHandler, StartServer


@pytest.fixture
def fault_server() -> Iterator[StartServer]:
    """Start fault servers with a behaviour each; all stop after the test."""
    servers: list[FaultServer] = []

    def start(behaviour: Behaviour) -> FaultServer:
        server = FaultServer(behaviour)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def mock_client() -> Iterator[MakeClient]:
    """Make clients of http://127.0.0.1:8000 answered by a handler function."""
    clients: list[ShopClient] = []

    def make(
        handler: MockHandler,
        *,
        timeout: float = 2.0,
        max_response_bytes: int = MAX_RESPONSE_BYTES,
    ) -> ShopClient:
        client = ShopClient(
            "http://127.0.0.1:8000",
            TOKEN,
            transport=httpx.MockTransport(handler),
            timeout=timeout,
            max_response_bytes=max_response_bytes,
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def example_bytes(fixtures_dir: Path) -> bytes:
    """The seed's example order, verbatim."""
    return (fixtures_dir / "order-example.json").read_bytes()
