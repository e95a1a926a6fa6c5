"""Cyclic garbage is collected on the UI thread, by the timer."""

import gc
import weakref
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from orderdesk.views.garbage import MainThreadGarbageCollector, freeze_start_up


class Node:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector(qapp: object) -> Iterator[MainThreadGarbageCollector]:
    made = MainThreadGarbageCollector(interval_ms=10)
    yield made
    made.stop()
    # The suite keeps automatic collection off, as the application does.
    gc.disable()


def test_automatic_collection_is_off(collector: MainThreadGarbageCollector) -> None:
    assert not gc.isenabled()


def test_a_cycle_is_collected_by_the_timer(
    qtbot: QtBot, collector: MainThreadGarbageCollector
) -> None:
    gc.collect()
    cycle = Node()
    gone = weakref.ref(cycle)
    del cycle
    # Enough new objects that the youngest generation passes its threshold.
    keep: list[list[int]] = [[] for _ in range(gc.get_threshold()[0] * 2)]

    qtbot.waitUntil(lambda: gone() is None, timeout=2000)

    assert keep


def test_start_up_survivors_are_frozen_once_and_later_cycles_collected(
    qtbot: QtBot, collector: MainThreadGarbageCollector
) -> None:
    freeze_start_up()
    frozen = gc.get_freeze_count()
    later = Node()
    freeze_start_up()

    assert frozen > 0
    assert gc.get_freeze_count() == frozen
    gone = weakref.ref(later)
    del later
    keep: list[list[int]] = [[] for _ in range(gc.get_threshold()[0] * 2)]
    qtbot.waitUntil(lambda: gone() is None, timeout=2000)
    assert keep


def test_stopping_the_collector_unfreezes(qapp: object) -> None:
    made = MainThreadGarbageCollector(interval_ms=10)
    freeze_start_up()
    made.stop()
    gc.disable()

    assert gc.get_freeze_count() == 0
