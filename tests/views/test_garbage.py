"""Cyclic garbage is collected on the UI thread, by the timer."""

import gc
import weakref
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from orderdesk.views.garbage import MainThreadGarbageCollector


class Node:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector(qapp: object) -> Iterator[MainThreadGarbageCollector]:
    made = MainThreadGarbageCollector(interval_ms=10, freeze_after_s=None)
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


def test_start_up_survivors_are_frozen_and_later_cycles_still_collected(
    qtbot: QtBot, qapp: object
) -> None:
    made = MainThreadGarbageCollector(interval_ms=10, freeze_after_s=0)
    try:
        qtbot.waitUntil(lambda: made.frozen, timeout=2000)
        assert gc.get_freeze_count() > 0

        cycle = Node()
        gone = weakref.ref(cycle)
        del cycle
        keep: list[list[int]] = [[] for _ in range(gc.get_threshold()[0] * 2)]
        qtbot.waitUntil(lambda: gone() is None, timeout=2000)
        assert keep
    finally:
        made.stop()
        gc.disable()

    assert gc.get_freeze_count() == 0
