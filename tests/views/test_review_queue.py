"""The review queue: its model with made-up pages, its view on a sandbox."""

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget
from pytestqt.qtbot import QtBot

from orderdesk.api import NetworkError, ShopClient
from orderdesk.demo import SandboxInfo
from orderdesk.models import Order, PaymentUpdate
from orderdesk.views.review_queue import ReviewQueueModel, ReviewQueueView
from orderdesk.views.table_model import timestamp

from .list_support import FakeLister, order, payment, wait_until
from .support import ENGLISH, WAIT_MS, child


def waiting(number: int, day: int, **fields: Any) -> Any:
    created = f"2025-11-{day:02d}T09:00:00Z"
    return payment(number, approved=False, created=created, **fields)


def approved(number: int, day: int) -> Any:
    return payment(number, approved=True, created=f"2025-11-{day:02d}T09:00:00Z")


@pytest.fixture
def lister() -> FakeLister:
    """Five orders, newest first as the server lists them, over three pages."""
    return FakeLister(
        [
            order(5, payments=[waiting(51, 20), approved(52, 1)]),
            order(4, payments=[]),
            order(3, payments=[waiting(31, 3), waiting(32, 25)]),
            order(2, payments=None),
            order(1, payments=[waiting(11, 9), approved(12, 2)]),
        ]
    )


def scanned(qtbot: QtBot, model: ReviewQueueModel) -> None:
    wait_until(qtbot, lambda: model.complete)


def queue(model: ReviewQueueModel) -> list[int]:
    return [model.row(n).payment_id for n in range(model.rowCount())]


def as_order(number: int, payments: list[Any]) -> Order:
    data = order(number, payments=payments).model_dump(mode="json")
    return Order.model_validate(data)


# The model, on made-up pages.


def test_review_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: Any, lister: FakeLister
) -> None:
    model = ReviewQueueModel(lister, ENGLISH, page_size=2)
    qtmodeltester.check(model, force_py=True)

    model.refresh()
    scanned(qtbot, model)
    model.remove_payment(11)
    model.refresh_order(as_order(3, [waiting(31, 3, amount=7), approved(32, 25)]))
    model.refresh()
    scanned(qtbot, model)

    assert model.rowCount() == 4


def test_only_unapproved_payments_are_queued_oldest_first(
    qtbot: QtBot, lister: FakeLister
) -> None:
    model = ReviewQueueModel(lister, ENGLISH, page_size=2)
    progress: list[tuple[int, int]] = []
    model.progress_changed.connect(lambda done, total: progress.append((done, total)))

    with qtbot.waitSignal(model.scan_finished, timeout=WAIT_MS):
        model.refresh()

    assert queue(model) == [31, 11, 51, 32]
    assert [call["page"] for call in lister.calls] == [1, 2, 3]
    assert progress == [(2, 5), (4, 5), (5, 5)]
    assert model.index(0, 1).data() == "3"


def test_remove_payment_takes_it_out_for_the_rest_of_the_scan(
    qtbot: QtBot, lister: FakeLister
) -> None:
    lister.held = {None}
    model = ReviewQueueModel(lister, ENGLISH, page_size=2)
    model.refresh()

    # Approved before its page arrives: the page must not bring it back.
    assert not model.remove_payment(31)
    lister.release()
    scanned(qtbot, model)
    assert queue(model) == [11, 51, 32]

    assert model.remove_payment(51)
    assert queue(model) == [11, 32]


def test_refresh_order_applies_what_the_server_says_now(
    qtbot: QtBot, lister: FakeLister
) -> None:
    model = ReviewQueueModel(lister, ENGLISH, page_size=2)
    model.refresh()
    scanned(qtbot, model)

    # 31 approved elsewhere, 32 edited, 33 new and the oldest of all.
    model.refresh_order(
        as_order(3, [approved(31, 3), waiting(32, 25, amount=5), waiting(33, 1)])
    )

    assert queue(model) == [33, 11, 51, 32]
    assert model.row(3).payment.amount == 5


def test_new_payments_arrive_in_one_insertion_per_place(
    qtbot: QtBot, qtmodeltester: Any, lister: FakeLister
) -> None:
    model = ReviewQueueModel(lister, ENGLISH, page_size=2)
    qtmodeltester.check(model, force_py=True)
    model.refresh()
    scanned(qtbot, model)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(
        lambda _parent, first, last: inserted.append((first, last))
    )

    # Five new ones: two before all, one between 11 (9th) and 51 (20th), two
    # after all; and 11 again, which the queue shows already.
    model.refresh_order(
        as_order(
            1,
            [
                waiting(11, 9),
                waiting(61, 1),
                waiting(62, 2),
                waiting(63, 15),
                waiting(64, 27),
                waiting(65, 28),
            ],
        )
    )

    assert queue(model) == [61, 62, 31, 11, 63, 51, 32, 64, 65]
    # Places in the queue as it was, the last first: three insertions.
    assert inserted == [(4, 5), (2, 2), (0, 1)]


def test_a_failed_page_stops_the_scan_until_retried(
    qtbot: QtBot, lister: FakeLister
) -> None:
    lister.failures = {2: NetworkError("down")}
    model = ReviewQueueModel(lister, ENGLISH, page_size=2)
    with qtbot.waitSignal(model.failed, timeout=WAIT_MS):
        model.refresh()
    assert not model.loading
    assert queue(model) == [51]

    model.retry()
    scanned(qtbot, model)
    assert queue(model) == [31, 11, 51, 32]
    assert [call["page"] for call in lister.calls] == [1, 2, 2, 3]


# The view, on the real sandbox.


@pytest.fixture
def client(sandbox: SandboxInfo) -> Iterator[ShopClient]:
    with ShopClient(sandbox.url, sandbox.tokens["admin"]) as shop:
        yield shop


@pytest.fixture
def view(qtbot: QtBot, client: ShopClient) -> ReviewQueueView:
    shown = ReviewQueueView(lambda: client, ENGLISH)
    qtbot.addWidget(shown)
    shown.resize(1200, 500)
    with qtbot.waitSignal(shown.model.scan_finished, timeout=WAIT_MS):
        shown.show()
    return shown


def every_unapproved_payment(client: ShopClient) -> list[int]:
    """The queue worked out independently, from the same documented list."""
    found = []
    page = 1
    while True:
        answer = client.list_orders(page=page, page_size=25)
        for row in answer.results:
            document = client.get_order(row.id)
            found += [p for p in document.payments if not p.approved]
        if not answer.has_next:
            break
        page += 1
    found.sort(key=lambda p: (timestamp(p.created_at), p.id))
    return [p.id for p in found]


@pytest.mark.integration
def test_the_queue_lists_every_unapproved_payment_oldest_first(
    view: ReviewQueueView, client: ShopClient
) -> None:
    assert queue(view.model) == every_unapproved_payment(client)
    assert view.model.rowCount() > 5

    created = [view.model.row(n).payment.created_at for n in range(5)]
    assert created == sorted(created)  # type: ignore[type-var]
    status = child(view, QLabel, "queue_status").text()
    assert status == f"{view.model.rowCount()} payments wait for approval"


@pytest.mark.integration
def test_keys_step_through_the_queue_and_enter_opens_a_payment(
    qtbot: QtBot, view: ReviewQueueView
) -> None:
    table = view.table
    table.setFocus()
    assert table.currentIndex().row() == 0

    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    second = view.model.row(2)
    with qtbot.waitSignal(view.open_payment_requested, timeout=WAIT_MS) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)

    assert opened.args == [second.order_id, second.payment_id]


@pytest.mark.integration
def test_stopping_on_a_payment_asks_to_show_it_in_its_order(
    qtbot: QtBot, view: ReviewQueueView
) -> None:
    view.table.setFocus()
    with qtbot.waitSignal(view.current_payment_changed, timeout=WAIT_MS) as shown:
        qtbot.keyClick(view.table, Qt.Key.Key_Down)

    current = view.model.row(1)
    assert shown.args == [current.order_id, current.payment_id]


@pytest.mark.integration
def test_ctrl_shift_a_and_the_button_ask_to_approve(
    qtbot: QtBot, view: ReviewQueueView
) -> None:
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=WAIT_MS)
    view.table.setFocus()
    first = view.model.row(0)

    with qtbot.waitSignal(view.approve_requested, timeout=WAIT_MS) as shortcut:
        qtbot.keyClick(
            view.table,
            Qt.Key.Key_A,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert shortcut.args == [first.order_id, first.payment_id]

    button = child(view, QPushButton, "approve_button")
    with qtbot.waitSignal(view.approve_requested, timeout=WAIT_MS) as clicked:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clicked.args == [first.order_id, first.payment_id]

    view.set_read_only("Offline")
    assert not button.isEnabled()


@pytest.mark.integration
def test_an_approved_payment_leaves_the_queue_and_the_next_is_current(
    qtbot: QtBot, view: ReviewQueueView
) -> None:
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    before = queue(view.model)
    approved_id, following = before[1], before[2]

    view.remove_payment(approved_id)

    assert queue(view.model) == [before[0], *before[2:]]
    selected = view.selected()
    assert selected is not None
    assert selected.payment_id == following


@pytest.mark.integration
def test_an_approval_made_elsewhere_leaves_the_queue(
    qtbot: QtBot, fresh_sandbox: SandboxInfo
) -> None:
    with ShopClient(fresh_sandbox.url, fresh_sandbox.tokens["admin"]) as shop:
        view = ReviewQueueView(lambda: shop, ENGLISH)
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.model.scan_finished, timeout=WAIT_MS):
            view.refresh()
        first = view.model.row(0)

        saved = shop.update_payment(
            first.order_id, first.payment_id, PaymentUpdate(approved=True)
        )
        view.refresh_order(saved)

        assert view.model.row_of(first.payment_id) is None
        assert view.model.rowCount() > 0


@pytest.mark.integration
def test_an_empty_queue_says_so(qtbot: QtBot, client: ShopClient) -> None:
    view = ReviewQueueView(lambda: client, ENGLISH)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.model.scan_finished, timeout=WAIT_MS):
        view.show()
    for payment_id in queue(view.model):
        view.remove_payment(payment_id)

    empty = child(view, QLabel, "queue_empty")
    assert child(view, QStackedWidget, "queue_stack").currentWidget() is empty
    assert empty.text() == "No payments wait for approval"
    assert not child(view, QPushButton, "approve_button").isEnabled()
