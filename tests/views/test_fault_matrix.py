"""The fault matrix, at the window: one case per way the network can break.

Each case points a real `MainWindow` at a raw-socket server that breaks one
call, and checks what the cashier gets: a clear message, the window's event
loop running all along (a heartbeat timer keeps firing while the call is in
flight), and, when saving a payment, every input exactly as typed. The API
client's own reading of each fault is tested in `tests/api/test_faults.py`.
"""

import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from PySide6.QtWidgets import QProgressBar
from pytestqt.qtbot import QtBot

from orderdesk.api import ShopClient
from orderdesk.models import ImageData
from orderdesk.views import MainWindow, PaymentDialog
from orderdesk.views.thumbnails import ImageRefused, ThumbnailLoader, decode_image

from ..api.support import TOKEN, Behaviour, FaultServer, http_answer, send
from .fault_shop import (
    CAP,
    COMMON_FAULTS,
    DJANGO_500,
    EXAMPLE_BYTES,
    Heartbeat,
    ShopDouble,
    answer,
    png_header,
    redirect,
)
from .support import WAIT_MS, field, message, open_dialog, open_window, show_order

TIMEOUT = 1.5
"""The window's deadline per call: longer than a trickled byte, short for a test."""

MAX_GAP = 0.25
"""The longest the event loop may go without running a timer: a blocked UI
thread shows up as a gap as long as the call."""

ORDER_ID, PAYMENT_ID = 2, 2

Serve = Callable[[Behaviour], FaultServer]


@pytest.fixture
def serve() -> Iterator[Serve]:
    """Start fault servers; all stop after the test."""
    servers: list[FaultServer] = []

    def start(behaviour: Behaviour) -> FaultServer:
        servers.append(FaultServer(behaviour))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


@contextmanager
def window_on(qtbot: QtBot, url: str) -> Iterator[MainWindow]:
    """A window whose client has a short deadline and a small size cap."""
    client = ShopClient(url, TOKEN, timeout=TIMEOUT, max_response_bytes=CAP)
    with open_window(qtbot, client) as window:
        yield window


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until no call of the window is in flight (payment methods loaded)."""
    busy = window.findChild(QProgressBar)
    assert busy is not None
    qtbot.waitUntil(lambda: not busy.isVisible(), timeout=WAIT_MS)


def open_failing(qtbot: QtBot, window: MainWindow) -> tuple[str, Heartbeat, float]:
    """Open the order, expecting a failure; the reason, heartbeat and duration."""
    started = time.monotonic()
    with (
        Heartbeat().running() as heart,
        qtbot.waitSignal(window.order_failed, timeout=WAIT_MS) as failed,
    ):
        window.open_order(ORDER_ID)
    reason: str = failed.args[0]
    return reason, heart, time.monotonic() - started


OPEN_SAYS = {
    "trickle 1 byte/s": "could not be reached",
    "reset": "could not be reached",
    "body cut short": "could not be reached",
    "malformed JSON": "cannot read",
    "HTML login page": "cannot read",
    "HTML 500": "server failed",
    "gzip bomb": "cannot read",
    "JSON over the cap, announced": "cannot read",
    "JSON over the cap, streamed": "cannot read",
    "429 Retry-After": "Try again in 7 seconds",
}


@pytest.mark.parametrize("fault", OPEN_SAYS)
def test_opening_an_order_through_a_fault_says_why_and_never_blocks(
    qtbot: QtBot, serve: Serve, fault: str
) -> None:
    server = serve(ShopDouble(open_fault=COMMON_FAULTS[fault]))

    with window_on(qtbot, server.url) as window:
        reason, heart, elapsed = open_failing(qtbot, window)

        assert OPEN_SAYS[fault] in reason
        assert window.statusBar().currentMessage() == reason
        assert window.order_view.order is None
    assert heart.longest_gap < MAX_GAP
    # Whatever the server does, the call ends by its deadline.
    assert elapsed < TIMEOUT + 1.0


REDIRECTS = {
    "301 to the trailing-slash path": (301, False),
    "302 to another origin": (302, True),
    "307 to another origin": (307, True),
}


@pytest.mark.parametrize(("status", "elsewhere"), REDIRECTS.values(), ids=REDIRECTS)
def test_a_redirect_is_reported_and_never_followed(
    qtbot: QtBot, serve: Serve, status: int, elsewhere: bool
) -> None:
    other = serve(send(http_answer(200, EXAMPLE_BYTES)))
    prefix = other.url if elsewhere else ""
    server = serve(
        ShopDouble(open_fault=redirect(status, f"{prefix}/api/orders/{ORDER_ID}/"))
    )

    with window_on(qtbot, server.url) as window:
        reason, heart, _ = open_failing(qtbot, window)

    assert "another address" in reason
    assert heart.longest_gap < MAX_GAP
    # Neither the token nor anything else ever reached the other origin.
    assert other.requests == []


TYPED = {
    "payment_method": 1,
    "amount": "۱۲۳٬۴۵۶",
    "approved": True,
    "transaction_id": "TX-FAULT-7",
    "notes": "یادداشت صندوق\nsecond line",
}
SENT = {
    "payment_method": 1,
    "amount": 123456,
    "approved": True,
    "transaction_id": "TX-FAULT-7",
    "notes": "یادداشت صندوق\nsecond line",
}


def type_everything(dialog: PaymentDialog) -> None:
    """Change every input of the dialog, the way a cashier would."""
    dialog.payment_method.setCurrentIndex(
        dialog.payment_method.findData(TYPED["payment_method"])
    )
    field(dialog, "amount").setText(TYPED["amount"])
    field(dialog, "approved").setChecked(TYPED["approved"])
    field(dialog, "transaction_id").setText(TYPED["transaction_id"])
    field(dialog, "notes").setPlainText(TYPED["notes"])


def inputs(dialog: PaymentDialog) -> dict[str, Any]:
    """What the dialog's inputs hold now."""
    return {
        "payment_method": dialog.payment_method.currentData(),
        "amount": field(dialog, "amount").text(),
        "approved": field(dialog, "approved").isChecked(),
        "transaction_id": field(dialog, "transaction_id").text(),
        "notes": field(dialog, "notes").toPlainText(),
    }


SAVE_CASES: dict[str, tuple[Behaviour, bool, str]] = {
    # fault, whether the server saved before it, what the cashier reads
    "trickle 1 byte/s": (COMMON_FAULTS["trickle 1 byte/s"], False, "NOT saved"),
    "reset": (COMMON_FAULTS["reset"], False, "NOT saved"),
    "body cut short": (COMMON_FAULTS["body cut short"], False, "NOT saved"),
    "malformed JSON after saving": (COMMON_FAULTS["malformed JSON"], True, ""),
    "HTML login page": (COMMON_FAULTS["HTML login page"], False, "NOT saved"),
    "HTML 500 before saving": (COMMON_FAULTS["HTML 500"], False, "NOT saved"),
    "HTML 500 after saving": (COMMON_FAULTS["HTML 500"], True, ""),
    "gzip bomb after saving": (COMMON_FAULTS["gzip bomb"], True, ""),
    "JSON over the cap after saving": (
        COMMON_FAULTS["JSON over the cap, streamed"],
        True,
        "",
    ),
    "429 Retry-After": (COMMON_FAULTS["429 Retry-After"], False, "asks to wait"),
    "301 to the trailing-slash path": (
        redirect(301, f"/api/orders/{ORDER_ID}/payments/{PAYMENT_ID}/"),
        False,
        "another address",
    ),
}
"""An empty message means the change was saved and the window must say so."""


@contextmanager
def dialog_on(qtbot: QtBot, url: str) -> Iterator[tuple[MainWindow, PaymentDialog]]:
    """A window showing the example order, with its payment dialog filled in."""
    with window_on(qtbot, url) as window:
        show_order(qtbot, window, ORDER_ID)
        wait_idle(qtbot, window)
        dialog = open_dialog(window, PAYMENT_ID)
        type_everything(dialog)
        yield window, dialog


@pytest.mark.parametrize(
    ("fault", "saves", "says"), SAVE_CASES.values(), ids=SAVE_CASES
)
def test_saving_through_a_fault_loses_nothing_typed(
    qtbot: QtBot, serve: Serve, fault: Behaviour, saves: bool, says: str
) -> None:
    shop = ShopDouble(patch_fault=fault, saves=saves)
    server = serve(shop)

    with (
        dialog_on(qtbot, server.url) as (window, dialog),
        Heartbeat().running() as heart,
    ):
        if not says:
            with qtbot.waitSignal(window.payment_saved, timeout=WAIT_MS) as saved:
                dialog.save_button.click()
            stored = saved.args[0].payment(PAYMENT_ID)
            assert {**stored.editable_values(), "amount": TYPED["amount"]} == TYPED
            qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
        else:
            dialog.save_button.click()
            qtbot.waitUntil(lambda: says in message(dialog), timeout=WAIT_MS)
            assert dialog.isVisible()
            assert inputs(dialog) == TYPED
            # The cashier can send the same change again, except while the
            # server asks to wait.
            assert dialog.save_button.isEnabled() is (says != "asks to wait")

    assert shop.patches == [SENT]
    assert heart.longest_gap < MAX_GAP


@pytest.mark.parametrize("status", [302, 307])
def test_a_save_redirected_to_another_origin_carries_nothing_there(
    qtbot: QtBot, serve: Serve, status: int
) -> None:
    other = serve(send(http_answer(200, EXAMPLE_BYTES)))
    location = f"{other.url}/api/orders/{ORDER_ID}/payments/{PAYMENT_ID}"
    shop = ShopDouble(patch_fault=redirect(status, location))
    server = serve(shop)

    with dialog_on(qtbot, server.url) as (_window, dialog):
        dialog.save_button.click()
        qtbot.waitUntil(lambda: "another address" in message(dialog), timeout=WAIT_MS)
        assert inputs(dialog) == TYPED

    assert shop.patches == [SENT]
    assert other.requests == []


def test_a_server_error_while_checking_keeps_the_dialog(
    qtbot: QtBot, serve: Serve
) -> None:
    # The order is read again just before sending; that read failing sends
    # nothing and says why.
    shop = ShopDouble()
    server = serve(shop)

    with dialog_on(qtbot, server.url) as (_window, dialog):
        shop_fault = send(http_answer(500, DJANGO_500, content_type="text/html"))
        shop.open_fault = shop_fault
        dialog.save_button.click()
        qtbot.waitUntil(lambda: "server failed" in message(dialog), timeout=WAIT_MS)
        assert inputs(dialog) == TYPED

    assert shop.patches == []


HUGE_PNG = png_header(20_000, 20_000)


def test_a_huge_png_is_refused_from_its_header() -> None:
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    with pytest.raises(ImageRefused, match="dimensions"):
        decode_image(HUGE_PNG)

    # 20000 x 20000 pixels would take 1.6 GB; ru_maxrss is in KiB on Linux.
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    assert grown_kib < 100 * 1024


@contextmanager
def loader_on(url: str) -> Iterator[ThumbnailLoader]:
    """A thumbnail loader without disk cache on a client of `url`."""
    with ShopClient(url, TOKEN, timeout=TIMEOUT) as client:
        loader = ThumbnailLoader(client, None)
        try:
            yield loader
        finally:
            loader.cancel()
            loader.deleteLater()


def load_failing(qtbot: QtBot, loader: ThumbnailLoader, url: str) -> Heartbeat:
    """Ask for a thumbnail that must fail; the placeholder stays."""
    image = ImageData.model_validate({"id": 1, "f": url})
    placeholder = loader.pixmap(None, 64)
    assert placeholder is not None

    with (
        Heartbeat().running() as heart,
        qtbot.waitSignal(loader.image_ready, timeout=WAIT_MS) as ready,
    ):
        shown = loader.pixmap(image, 64)
    assert shown is not None
    assert shown.cacheKey() == placeholder.cacheKey()

    assert ready.args == [url]
    again = loader.pixmap(image, 64)
    assert again is not None
    assert again.cacheKey() == placeholder.cacheKey()
    return heart


def test_a_huge_png_thumbnail_shows_the_placeholder(qtbot: QtBot, serve: Serve) -> None:
    server = serve(send(answer(200, HUGE_PNG, content_type="image/png")))

    with loader_on(server.url) as loader:
        heart = load_failing(qtbot, loader, f"{server.url}/media/huge.png")

    assert len(server.requests) == 1
    assert heart.longest_gap < MAX_GAP


@pytest.mark.parametrize("where", ["another host", "a file: URL"])
def test_a_thumbnail_off_the_server_is_never_requested(
    qtbot: QtBot, serve: Serve, where: str
) -> None:
    tiny = png_header(1, 1)
    own = serve(send(answer(200, tiny, content_type="image/png")))
    other = serve(send(answer(200, tiny, content_type="image/png")))
    url = (
        f"{other.url}/media/x.png"
        if where == "another host"
        else "file:///etc/hostname"
    )

    with loader_on(own.url) as loader:
        load_failing(qtbot, loader, url)

    assert own.requests == []
    assert other.requests == []
