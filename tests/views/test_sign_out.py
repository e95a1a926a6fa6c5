"""The Sign out action: asked first, forgotten on the pool, failures said."""

import threading

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from orderdesk.views.sign_out import SignOut
from orderdesk.views.tasks import TaskRunner

from .support import WAIT_MS

SERVER = "https://shop.example"


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    shown = QMainWindow()
    qtbot.addWidget(shown)
    shown.show()
    return shown


def flow(window: QMainWindow) -> SignOut:
    return SignOut(window, TaskRunner(window), lambda: SERVER)


def boxes(window: QMainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_the_action_waits_for_something_to_forget(window: QMainWindow) -> None:
    sign_out = flow(window)

    assert not sign_out.action.isEnabled()
    sign_out.start()
    sign_out.enable(lambda: None)
    assert sign_out.action.isEnabled()


def test_yes_forgets_off_the_ui_thread_and_says_so(
    qtbot: QtBot, window: QMainWindow
) -> None:
    threads: list[threading.Thread] = []
    sign_out = flow(window)
    sign_out.enable(lambda: threads.append(threading.current_thread()))

    sign_out.action.trigger()
    [question] = boxes(window)
    assert SERVER in question.text()
    with qtbot.waitSignal(sign_out.signed_out, timeout=WAIT_MS):
        question.button(QMessageBox.StandardButton.Yes).click()

    assert threads
    assert threads[0] is not threading.main_thread()
    assert not sign_out.action.isEnabled()


def test_a_failure_warns_and_allows_another_try(
    qtbot: QtBot, window: QMainWindow
) -> None:
    def forget() -> None:
        raise OSError("the cache folder is busy")

    sign_out = flow(window)
    sign_out.enable(forget)
    signed_out: list[bool] = []
    sign_out.signed_out.connect(lambda: signed_out.append(True))

    sign_out.start()

    qtbot.waitUntil(sign_out.action.isEnabled, timeout=WAIT_MS)
    [warning] = boxes(window)
    assert "did not finish" in warning.text()
    assert not signed_out
    warning.close()
    QApplication.processEvents()
