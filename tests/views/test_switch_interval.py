"""Pool threads hand the interpreter back to the UI thread promptly."""

import sys
from collections.abc import Iterator

import pytest

from orderdesk.views.tasks import UI_SWITCH_INTERVAL_S, favour_the_ui_thread


@pytest.fixture
def default_interval() -> Iterator[float]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)
    yield 0.005
    sys.setswitchinterval(before)


def test_the_switch_interval_is_shortened_for_the_ui(default_interval: float) -> None:
    favour_the_ui_thread()

    assert sys.getswitchinterval() == pytest.approx(UI_SWITCH_INTERVAL_S)
    assert sys.getswitchinterval() < default_interval
