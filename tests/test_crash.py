"""Uncaught exceptions: a private rotating log, a dialog to copy, no token."""

import logging
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from orderdesk.api import register_secret
from orderdesk.api.redaction import forget_secret
from orderdesk.crash import (
    LOG_FILE_NAME,
    MAX_LOG_BYTES,
    CrashReporter,
    file_handler,
    install_excepthook,
)
from orderdesk.logging_setup import configure_logging
from orderdesk.views.crash_dialog import CrashDialog

TOKEN = "crash-secret-token-0123456789abcdef"


@pytest.fixture
def token() -> Iterator[str]:
    """A token the client would have registered for masking."""
    register_secret(TOKEN)
    yield TOKEN
    forget_secret(TOKEN)


@pytest.fixture
def hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Put back the interpreter's hooks after the test installs its own."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


@pytest.fixture
def root_logging() -> Iterator[None]:
    """Put back the root logger's handlers and levels after the test."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, logging.getLogger("orderdesk").level)
    yield
    root.handlers[:], root.level = saved[0], saved[1]
    logging.getLogger("orderdesk").setLevel(saved[2])


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _failing(token: str) -> ValueError:
    try:
        raise ValueError(f"refused Authorization: Token {token} for order 7")
    except ValueError as error:
        return error


def test_an_uncaught_exception_is_logged_privately_without_the_token(
    qtbot: QtBot, tmp_path: Path, token: str, hooks: None
) -> None:
    folder = tmp_path / "logs"
    reporter = install_excepthook(folder)
    error = _failing(token)

    sys.excepthook(type(error), error, error.__traceback__)

    log = folder / LOG_FILE_NAME
    text = log.read_text(encoding="utf-8")
    assert "ValueError: refused" in text
    assert "_failing" in text
    assert token not in text
    assert _mode(folder) == 0o700
    assert _mode(log) == 0o600
    assert reporter.log_file == log.resolve()


def test_the_dialog_shows_details_that_copy_without_the_token(
    qtbot: QtBot, tmp_path: Path, token: str, hooks: None
) -> None:
    reporter = install_excepthook(tmp_path)
    error = _failing(token)

    sys.excepthook(type(error), error, error.__traceback__)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())

    dialog = reporter.dialog
    assert isinstance(dialog, CrashDialog)
    qtbot.addWidget(dialog)
    details = dialog.details.toPlainText()
    assert "ValueError: refused" in details
    assert token not in details
    assert dialog.details.isReadOnly()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == details


def test_a_second_error_joins_the_open_dialog(
    qtbot: QtBot, tmp_path: Path, token: str, hooks: None
) -> None:
    reporter = install_excepthook(tmp_path)
    for kind in (KeyError, IndexError):
        error = kind("x")
        sys.excepthook(kind, error, None)
    qtbot.waitUntil(
        lambda: (
            reporter.dialog is not None
            and "IndexError" in reporter.dialog.details.toPlainText()
        )
    )

    assert reporter.dialog is not None
    qtbot.addWidget(reporter.dialog)
    assert "KeyError" in reporter.dialog.details.toPlainText()


def test_an_exception_in_another_thread_is_reported_on_the_ui_thread(
    qtbot: QtBot, tmp_path: Path, token: str, hooks: None
) -> None:
    reporter = install_excepthook(tmp_path)

    def work() -> None:
        raise RuntimeError(f"worker failed with Token {token}")

    thread = threading.Thread(target=work, name="worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None)

    assert reporter.dialog is not None
    qtbot.addWidget(reporter.dialog)
    assert "RuntimeError: worker failed" in reporter.dialog.details.toPlainText()
    text = (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "RuntimeError" in text
    assert token not in text


def test_keyboard_interrupt_goes_to_the_default_hook(
    tmp_path: Path, hooks: None, capsys: pytest.CaptureFixture[str]
) -> None:
    reporter = CrashReporter(tmp_path)
    interrupt = KeyboardInterrupt()

    reporter.on_exception(KeyboardInterrupt, interrupt, None)

    assert reporter.dialog is None
    assert "KeyboardInterrupt" in capsys.readouterr().err


def test_rotated_logs_stay_private(tmp_path: Path) -> None:
    handler = file_handler(tmp_path)
    line = "x" * 1000
    for _ in range(3 * MAX_LOG_BYTES // len(line)):
        handler.handle(logging.makeLogRecord({"msg": line, "levelno": 40}))

    logs = sorted(tmp_path.glob(f"{LOG_FILE_NAME}*"))
    assert len(logs) > 1
    assert {_mode(log) for log in logs} == {0o600}


def test_warnings_of_the_normal_log_reach_the_file_masked(
    tmp_path: Path, token: str, root_logging: None
) -> None:
    configure_logging(folder=tmp_path)

    logging.getLogger("orderdesk.test").warning("header was Token %s", token)
    logging.getLogger("orderdesk.test").info("not at this level")
    logging.getLogger("httpx").info("GET https://shop/?search=secret")
    for handler in logging.getLogger().handlers:
        handler.flush()

    text = (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "header was Token [redacted]" in text
    assert token not in text
    assert "not at this level" not in text
    assert "search=secret" not in text
