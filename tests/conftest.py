"""Fixtures shared by the whole suite."""

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Headless everywhere: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from orderdesk.demo import SandboxInfo, SandboxServer
from orderdesk.models import Order

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True, scope="session")
def _collect_on_the_main_thread() -> Iterator[None]:
    """Keep Python's collector off pool threads, as the application does.

    A collection that starts on a pool thread can free a Qt object there and
    crash Qt (see `orderdesk.views.garbage`).
    """
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxInfo]:
    """A real sandbox server on a free loopback port with a fresh database.

    Shared by the session: tests that change data must use their own order
    or restore what they changed, or take `fresh_sandbox` instead.
    """
    db = tmp_path_factory.mktemp("sandbox") / "shop.sqlite3"
    with SandboxServer(db) as server:
        assert server.info is not None
        yield server.info


@pytest.fixture
def fresh_sandbox(tmp_path: Path) -> Iterator[SandboxInfo]:
    """A sandbox server of this test's own, for tests that change data."""
    with SandboxServer(tmp_path / "shop.sqlite3") as server:
        assert server.info is not None
        yield server.info


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """The folder of recorded API answers, such as the seed's example."""
    return FIXTURES


@pytest.fixture
def example_order(fixtures_dir: Path) -> Order:
    """The seed's example order, parsed."""
    return Order.model_validate_json((fixtures_dir / "order-example.json").read_bytes())
