"""Answered orders reach the offline store a moment after they are shown."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from orderdesk.models import Order
from orderdesk.store import OrderStore
from orderdesk.views.order_keeper import OrderKeeper
from orderdesk.views.tasks import TaskRunner

WAIT_MS = 10_000


@pytest.fixture
def store(tmp_path: Path) -> Iterator[OrderStore]:
    opened = OrderStore.open(
        tmp_path / "cache", "http://127.0.0.1:8000", "", os.urandom(32)
    )
    yield opened
    opened.close()


@pytest.fixture
def owner(qapp: object) -> Iterator[QObject]:
    made = QObject()
    yield made
    made.deleteLater()


def keeper(owner: QObject, store: OrderStore | None, delay_ms: int) -> OrderKeeper:
    made = OrderKeeper(TaskRunner(owner), owner, delay_ms)
    made.set_store(store)
    return made


def test_an_order_is_written_after_the_delay_and_held_until_then(
    qtbot: QtBot, owner: QObject, store: OrderStore, example_order: Order
) -> None:
    kept = keeper(owner, store, delay_ms=200)

    kept.keep(example_order)

    assert store.get_order(example_order.id) is None
    unwritten = kept.unwritten(example_order.id)
    assert unwritten is not None
    assert unwritten.order == example_order
    assert unwritten.saved_at is not None
    with qtbot.waitSignal(kept.written, timeout=WAIT_MS) as written:
        pass
    assert written.args == [example_order.id]
    assert kept.unwritten(example_order.id) is None
    saved = store.get_order(example_order.id)
    assert saved is not None
    assert saved.order == example_order


def test_flush_writes_at_once_and_the_latest_answer_wins(
    qtbot: QtBot, owner: QObject, store: OrderStore, example_order: Order
) -> None:
    kept = keeper(owner, store, delay_ms=600_000)
    newer = example_order.model_copy(update={"notes": "the newer answer"})
    kept.keep(example_order)
    kept.keep(newer)

    kept.flush()

    qtbot.waitUntil(lambda: kept.unwritten(example_order.id) is None, timeout=WAIT_MS)
    saved = store.get_order(example_order.id)
    assert saved is not None
    assert saved.order.notes == "the newer answer"


def test_without_a_store_nothing_is_held(owner: QObject, example_order: Order) -> None:
    kept = keeper(owner, None, delay_ms=600_000)
    kept.keep(example_order)

    kept.flush()

    assert kept.unwritten(example_order.id) is None
