"""A long order is saved as PDF by a child process while the window runs on."""

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from orderdesk.cli import WRITE_PDF_OPTION
from orderdesk.i18n import Language, install_language
from orderdesk.models import LIST_SLICE, Order
from orderdesk.views import MainWindow, pdf_export, printing
from orderdesk.views.formatting import Currency, Formatter
from orderdesk.views.pdf_export import PdfExport, PdfOutcome
from orderdesk.views.printing import IN_PROCESS_ROWS, PrintActions, order_to_pdf

from .support import offline_client
from .test_printing import NEEDS_POPPLER, pdf_text, with_items

CHILD_TIMEOUT_MS = 60_000
ENGLISH = Formatter(QLocale("en_US"))


@pytest.fixture(autouse=True)
def restore_language(qapp: QApplication) -> Iterator[None]:
    yield
    install_language(qapp, Language.ENGLISH)


@pytest.fixture
def long_order(example_order: Order) -> Order:
    order = with_items(example_order, IN_PROCESS_ROWS + 1)
    assert len(order.items) + len(order.payments) > IN_PROCESS_ROWS
    return order


def actions_on(
    qtbot: QtBot, order: Order, target: Path, formatter: Formatter = ENGLISH
) -> tuple[QMainWindow, PrintActions]:
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = PrintActions(
        window, formatter, lambda: order, ask_path=lambda _parent, _path: target
    )
    return window, actions


def pages(pdf: Path) -> int:
    info = subprocess.run(
        ["pdfinfo", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    return int(
        next(line for line in info.splitlines() if line.startswith("Pages:"))[6:]
    )


@NEEDS_POPPLER
def test_the_window_runs_on_while_a_child_writes_the_pdf(
    qtbot: QtBot, long_order: Order, tmp_path: Path
) -> None:
    target = tmp_path / "long.pdf"
    window, actions = actions_on(qtbot, long_order, target)

    with qtbot.waitSignal(actions.pdf_saved, timeout=CHILD_TIMEOUT_MS) as saved:
        actions.save_current_as_pdf()
        # Back at once: the child has not even been handed the order yet.
        assert not target.exists()
        assert window.statusBar().currentMessage() == "Saving order 2 as PDF…"
        assert QApplication.overrideCursor() is None

    assert saved.args == [str(target)]
    assert pages(target) > 1
    shown_path = ENGLISH.latin(str(target))
    assert window.statusBar().currentMessage() == f"Order 2 saved as {shown_path}."


@NEEDS_POPPLER
def test_the_child_writes_in_the_windows_language_and_currency(
    qtbot: QtBot, qapp: QApplication, long_order: Order, tmp_path: Path
) -> None:
    formatter = Formatter(install_language(qapp, Language.PERSIAN), Currency.TOMAN)
    target = tmp_path / "long-fa.pdf"
    _window, actions = actions_on(qtbot, long_order, target, formatter)

    with qtbot.waitSignal(actions.pdf_saved, timeout=CHILD_TIMEOUT_MS):
        actions.save_current_as_pdf()

    text = pdf_text(target)
    assert "سفارش" in text
    assert "تومان" in text
    assert "Order" not in text


@NEEDS_POPPLER
def test_an_order_sent_in_many_slices_arrives_whole(
    qtbot: QtBot, example_order: Order, tmp_path: Path
) -> None:
    # More items than one slice of the dump: the JSON goes to the child in
    # several parts, one per turn of the event loop.
    order = with_items(example_order, 3 * LIST_SLICE + 7)
    in_process = order_to_pdf(order, ENGLISH, tmp_path / "here.pdf")
    export = PdfExport(order, ENGLISH, tmp_path / "child.pdf")

    with qtbot.waitSignal(export.finished, timeout=CHILD_TIMEOUT_MS) as ended:
        export.start()

    assert ended.args[2] == PdfOutcome.WRITTEN
    assert pages(tmp_path / "child.pdf") == in_process
    assert f"{3 * LIST_SLICE + 7}" in pdf_text(tmp_path / "child.pdf")


def warning_after_save(
    qtbot: QtBot, window: QMainWindow, actions: PrintActions
) -> QMessageBox:
    """Save as PDF, expecting a warning instead of a saved file."""
    with qtbot.assertNotEmitted(actions.pdf_saved, wait=0):
        actions.save_current_as_pdf()
        qtbot.waitUntil(
            lambda: window.findChild(QMessageBox) is not None,
            timeout=CHILD_TIMEOUT_MS,
        )
    box = window.findChild(QMessageBox)
    assert box is not None
    return box


def test_a_pdf_the_child_cannot_write_is_a_warning(
    qtbot: QtBot, long_order: Order, tmp_path: Path
) -> None:
    target = tmp_path / "no such folder" / "long.pdf"
    window, actions = actions_on(qtbot, long_order, target)

    box = warning_after_save(qtbot, window, actions)
    shown_path = ENGLISH.latin(str(target))
    assert box.text() == (
        f"The file {shown_path} could not be written. Choose another folder."
    )
    assert window.statusBar().currentMessage() == ""
    box.close()


def test_a_child_that_fails_otherwise_is_a_warning_that_says_so(
    qtbot: QtBot, long_order: Order, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = str(tmp_path / "no-such-program")
    monkeypatch.setattr(pdf_export, "own_command", lambda args: (missing, args))
    window, actions = actions_on(qtbot, long_order, tmp_path / "long.pdf")

    box = warning_after_save(qtbot, window, actions)
    assert box.text() == (
        "Order 2 could not be saved as PDF. Try again; if it fails again,"
        " Help > Open log folder shows why."
    )
    assert window.statusBar().currentMessage() == ""
    box.close()


def test_a_child_that_cannot_start_is_reported(
    qtbot: QtBot,
    example_order: Order,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    missing = str(tmp_path / "no-such-program")
    monkeypatch.setattr(pdf_export, "own_command", lambda args: (missing, args))

    export = PdfExport(example_order, ENGLISH, tmp_path / "o.pdf")

    with qtbot.waitSignal(export.finished, timeout=CHILD_TIMEOUT_MS) as done:
        export.start()

    assert done.args == [example_order.id, str(tmp_path / "o.pdf"), PdfOutcome.FAILED]
    assert not export.running
    assert not (tmp_path / "o.pdf").exists()


def child(arguments: list[str], stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "orderdesk", WRITE_PDF_OPTION, *arguments],
        input=stdin,
        capture_output=True,
        timeout=CHILD_TIMEOUT_MS / 1000,
        check=False,
    )


@NEEDS_POPPLER
def test_the_child_prints_its_page_count(example_order: Order, tmp_path: Path) -> None:
    target = tmp_path / "o.pdf"

    done = child(
        [str(target), "--lang", "en", "--currency", "rial"],
        example_order.model_dump_json().encode(),
    )

    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == pages(target) == 1


def test_the_child_refuses_a_bad_order_without_quoting_it(tmp_path: Path) -> None:
    target = tmp_path / "o.pdf"

    done = child(
        [str(target), "--lang", "fa", "--currency", "toman"],
        b'{"id": "secret-09121234567"}',
    )

    assert done.returncode == 2
    assert done.stderr.decode().strip() == (
        "orderdesk: the order to save as PDF could not be read"
    )
    assert not target.exists()


@pytest.fixture
def saving_window(
    qtbot: QtBot, long_order: Order, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[MainWindow, Path]]:
    """A main window showing the long order, its PDF being saved by a child."""
    target = tmp_path / "long.pdf"
    monkeypatch.setattr(printing, "ask_pdf_path", lambda _parent, _path: target)
    window = MainWindow(offline_client("http://127.0.0.1:8000"), ENGLISH)
    qtbot.addWidget(window)
    window.show()
    window.show_order(long_order)
    save = window.findChild(QAction, "save_order_pdf")
    assert isinstance(save, QAction)
    save.trigger()
    yield window, target
    window.close()


def close_question_of(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    """Ask the window to close, and get the question it asks instead."""
    window.close()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None)
    box = window.findChild(QMessageBox)
    assert isinstance(box, QMessageBox)
    return box


def test_closing_while_a_pdf_is_saved_asks_and_waiting_keeps_it(
    qtbot: QtBot, saving_window: tuple[MainWindow, Path]
) -> None:
    window, target = saving_window

    box = close_question_of(qtbot, window)

    assert window.isVisible()
    assert box.windowTitle() == "PDF still being saved"
    assert box.text() == (
        "Order 2 is still being saved as PDF. If OrderDesk closes now, the file"
        " will not be written."
    )
    wait = box.defaultButton()
    assert wait is not None
    assert wait.text() == "Wait"
    assert box.escapeButton() is wait

    wait.click()
    qtbot.waitUntil(lambda: target.exists(), timeout=CHILD_TIMEOUT_MS)
    assert window.isVisible()


def test_closing_anyway_stops_the_child_and_writes_nothing(
    qtbot: QtBot, saving_window: tuple[MainWindow, Path]
) -> None:
    window, target = saving_window
    box = close_question_of(qtbot, window)
    close = next(
        button
        for button in box.buttons()
        if box.buttonRole(button) == QMessageBox.ButtonRole.DestructiveRole
    )

    close.click()

    qtbot.waitUntil(lambda: not window.isVisible())
    # Longer than the child takes for this order when it is left to run.
    qtbot.wait(3_000)
    assert not target.exists()
    # Stopped on purpose: no "PDF not saved" warning follows.
    assert not any(shown.isVisible() for shown in window.findChildren(QMessageBox))


def test_a_window_with_nothing_being_saved_closes_at_once(qtbot: QtBot) -> None:
    window = MainWindow(offline_client("http://127.0.0.1:8000"), ENGLISH)
    qtbot.addWidget(window)
    window.show()

    assert window.close()
    assert window.findChild(QMessageBox) is None
