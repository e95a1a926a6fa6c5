"""The order list: its model with made-up pages, and its view on a sandbox."""

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from orderdesk.api import NetworkError, ShopClient
from orderdesk.demo import SandboxInfo
from orderdesk.models import OrderStatus
from orderdesk.views.orders_list import OrdersListView
from orderdesk.views.orders_model import (
    OrderColumn,
    OrderQuery,
    OrdersTableModel,
    customer_name,
)
from orderdesk.views.table_model import ID_ROLE, SORT_ROLE
from orderdesk.views.tasks import TaskRunner

from .list_support import FakeLister, double_click, order, payment, wait_until
from .support import ENGLISH, WAIT_MS, child

PAGE_SIZE = 10
SEEDED_ORDERS = 64


def unapproved(number: int) -> Any:
    return payment(number, approved=False, created="2025-10-02T08:00:00Z")


def approved(number: int) -> Any:
    return payment(number, approved=True, created="2025-10-02T08:00:00Z")


@pytest.fixture
def lister() -> FakeLister:
    return FakeLister([order(n) for n in range(1, 24)])


def loaded(qtbot: QtBot, model: OrdersTableModel) -> None:
    wait_until(qtbot, lambda: model.started and not model.loading)


def cell(model: OrdersTableModel, row: int, column: OrderColumn) -> Any:
    return model.index(row, column).data()


# The model, on made-up pages.


def test_orders_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: Any, lister: FakeLister
) -> None:
    model = OrdersTableModel(lister, ENGLISH, page_size=PAGE_SIZE)
    qtmodeltester.check(model, force_py=True)

    # The tester asks for more on every change, so every page arrives.
    model.fetchMore(QModelIndex())
    wait_until(qtbot, lambda: model.complete and not model.loading)
    assert model.rowCount() == 23

    model.set_query(OrderQuery(search="key001"))
    loaded(qtbot, model)
    assert model.rowCount() == 10


def test_pages_are_appended_in_server_order(qtbot: QtBot, lister: FakeLister) -> None:
    model = OrdersTableModel(lister, ENGLISH, page_size=PAGE_SIZE)
    with qtbot.waitSignal(model.count_changed, timeout=WAIT_MS) as counted:
        model.reload()
    loaded(qtbot, model)
    assert counted.args == [23]
    assert model.rowCount() == PAGE_SIZE

    model.fetchMore(QModelIndex())
    wait_until(qtbot, lambda: model.rowCount() > PAGE_SIZE)
    assert [model.order_id(n) for n in range(model.rowCount())] == list(range(1, 21))
    assert [call["page"] for call in lister.calls] == [1, 2]


def test_fetch_more_never_requests_two_pages_at_once(
    qtbot: QtBot, lister: FakeLister
) -> None:
    lister.held = {"slow"}
    model = OrdersTableModel(lister, ENGLISH, page_size=PAGE_SIZE)
    model.set_query(OrderQuery(search="slow"))
    assert model.loading
    assert not model.canFetchMore(QModelIndex())

    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    lister.release()
    loaded(qtbot, model)
    assert len(lister.calls) == 1


def test_results_of_an_earlier_query_are_dropped(
    qtbot: QtBot, lister: FakeLister
) -> None:
    lister.held = {"key"}
    runner = TaskRunner()
    model = OrdersTableModel(lister, ENGLISH, page_size=PAGE_SIZE, runner=runner)
    counts: list[int] = []
    model.count_changed.connect(counts.append)

    model.set_query(OrderQuery(search="key"))
    model.set_query(OrderQuery(search="key0007"))
    wait_until(qtbot, lambda: model.rowCount() == 1)
    lister.release()
    # The runner is busy until the held answer has arrived, and been dropped.
    wait_until(qtbot, lambda: not runner.busy)

    assert model.rowCount() == 1
    assert model.order_id(0) == 7
    assert counts == [1]


def test_a_failed_page_stops_fetching_until_retried(
    qtbot: QtBot, lister: FakeLister
) -> None:
    lister.failures = {1: NetworkError("down")}
    model = OrdersTableModel(lister, ENGLISH, page_size=PAGE_SIZE)
    with qtbot.waitSignal(model.failed, timeout=WAIT_MS) as failure:
        model.reload()
    assert isinstance(failure.args[0], NetworkError)
    assert not model.canFetchMore(QModelIndex())

    model.retry()
    loaded(qtbot, model)
    assert model.rowCount() == PAGE_SIZE
    assert model.error is None


def test_a_page_of_orders_already_shown_fetches_the_next(
    qtbot: QtBot, lister: FakeLister
) -> None:
    # New orders pushed the whole second page down onto the third.
    lister.orders[10:20] = lister.orders[0:10]
    model = OrdersTableModel(lister, ENGLISH, page_size=PAGE_SIZE)
    model.reload()
    loaded(qtbot, model)

    model.fetchMore(QModelIndex())
    wait_until(qtbot, lambda: model.rowCount() > PAGE_SIZE)
    assert model.rowCount() == 13
    assert len({model.order_id(n) for n in range(13)}) == 13


def test_cells_show_names_money_and_unapproved_payments(qtbot: QtBot) -> None:
    lister = FakeLister(
        [
            order(1, payments=[unapproved(1), approved(2), unapproved(3)]),
            order(
                2,
                customer_data=None,
                amount_paid=150_000,
                amount_outstanding=-50_000,
                status="on_hold",
            ),
            order(3, payments=None),
        ]
    )
    model = OrdersTableModel(lister, ENGLISH)
    model.reload()
    loaded(qtbot, model)

    assert "زهرا احمدی" in cell(model, 0, OrderColumn.CUSTOMER)
    assert "09120000000" in cell(model, 0, OrderColumn.MOBILE)
    assert cell(model, 0, OrderColumn.STATUS) == "Processing"
    assert cell(model, 0, OrderColumn.UNAPPROVED) == "2"
    assert cell(model, 0, OrderColumn.TOTAL) == "100,000 Rial"
    assert "علی رضایی" in cell(model, 1, OrderColumn.CUSTOMER)
    assert "09350000000" in cell(model, 1, OrderColumn.MOBILE)
    assert cell(model, 1, OrderColumn.STATUS) == "on_hold"
    assert cell(model, 1, OrderColumn.OUTSTANDING) == "Overpaid by 50,000 Rial"
    assert cell(model, 1, OrderColumn.UNAPPROVED) == "0"
    assert cell(model, 2, OrderColumn.UNAPPROVED) == "—"
    assert model.index(2, OrderColumn.UNAPPROVED).data(SORT_ROLE) == -1
    assert model.index(1, OrderColumn.OUTSTANDING).data(SORT_ROLE) == -50_000
    assert model.index(1, OrderColumn.KEY).data(ID_ROLE) == 2


def test_customer_name_falls_back_to_the_billing_name() -> None:
    assert customer_name(order(1)) == "زهرا احمدی"
    assert customer_name(order(1, customer_data=None)) == "علی رضایی"


# The view, on the real sandbox.


@pytest.fixture
def client(sandbox: SandboxInfo) -> Iterator[ShopClient]:
    with ShopClient(sandbox.url, sandbox.tokens["clerk"]) as shop:
        yield shop


@pytest.fixture
def view(qtbot: QtBot, client: ShopClient) -> OrdersListView:
    shown = OrdersListView(lambda: client, ENGLISH, page_size=PAGE_SIZE)
    qtbot.addWidget(shown)
    # Shorter than a page, so that the last row is out of sight.
    shown.resize(1100, 260)
    return shown


def shown_and_loaded(qtbot: QtBot, view: OrdersListView) -> None:
    with qtbot.waitSignal(view.model.count_changed, timeout=WAIT_MS):
        view.show()
    loaded(qtbot, view.model)


def search(qtbot: QtBot, view: OrdersListView, text: str, *, enter: bool) -> None:
    """Type a search, then press Enter or wait for the pause to apply it."""
    box = child(view, QLineEdit, "order_search")
    box.clear()
    with qtbot.waitSignal(view.model.modelReset, timeout=WAIT_MS):
        if text.isascii():
            qtbot.keyClicks(box, text)
        else:
            # QTest.keyClicks aborts on text beyond Latin-1 (PySide6 6.12).
            box.insert(text)
        if enter:
            qtbot.keyClick(box, Qt.Key.Key_Return)
    loaded(qtbot, view.model)


def rows(view: OrdersListView) -> list[Any]:
    return [view.model.row(n) for n in range(view.model.rowCount())]


@pytest.mark.integration
def test_the_first_page_loads_when_shown(qtbot: QtBot, view: OrdersListView) -> None:
    shown_and_loaded(qtbot, view)

    assert view.model.count == SEEDED_ORDERS
    assert view.model.rowCount() == PAGE_SIZE
    assert child(view, QTableView, "orders_table").model().rowCount() == PAGE_SIZE
    search_box = child(view, QLineEdit, "order_search")
    assert search_box.placeholderText() == "Key, name or mobile"
    created = [row.created_at for row in rows(view)]
    assert created == sorted(created, reverse=True)


@pytest.mark.integration
def test_scrolling_to_the_end_fetches_the_next_page(
    qtbot: QtBot, view: OrdersListView
) -> None:
    shown_and_loaded(qtbot, view)
    before = view.model.rowCount()

    view.table.scrollToBottom()
    wait_until(qtbot, lambda: view.model.rowCount() >= before + PAGE_SIZE)
    loaded(qtbot, view.model)
    assert view.model.rowCount() >= PAGE_SIZE * 2
    assert len({row.id for row in rows(view)}) == view.model.rowCount()


@pytest.mark.integration
def test_search_finds_an_order_by_its_key(qtbot: QtBot, view: OrdersListView) -> None:
    shown_and_loaded(qtbot, view)
    wanted = view.model.row(3)

    search(qtbot, view, wanted.key, enter=False)

    assert [row.id for row in rows(view)] == [wanted.id]
    assert view.model.count == 1


@pytest.mark.integration
def test_search_finds_an_order_by_a_persian_name(
    qtbot: QtBot, view: OrdersListView
) -> None:
    shown_and_loaded(qtbot, view)
    wanted = view.model.row(0)
    name = customer_name(wanted)
    assert any("\u0600" <= ch <= "\u06ff" for ch in name)

    search(qtbot, view, name, enter=True)

    assert wanted.id in [row.id for row in rows(view)]
    for row in rows(view):
        names = f"{customer_name(row)} {row.billing_first_name} {row.billing_last_name}"
        assert all(part in names for part in name.split())


@pytest.mark.integration
@pytest.mark.parametrize("status", [OrderStatus.SHIPPED, OrderStatus.CANCELLED])
def test_the_status_filter_narrows_the_list(
    qtbot: QtBot, view: OrdersListView, client: ShopClient, status: OrderStatus
) -> None:
    shown_and_loaded(qtbot, view)
    combo = child(view, QComboBox, "status_filter")

    with qtbot.waitSignal(view.model.count_changed, timeout=WAIT_MS):
        combo.setCurrentIndex(combo.findData(status.value))

    expected = client.list_orders(status=status.value, page_size=100)
    assert view.model.count == expected.count > 0
    assert {row.status for row in rows(view)} == {status.value}


@pytest.mark.integration
@pytest.mark.parametrize(("choice", "paid"), [("Paid", True), ("Unpaid", False)])
def test_the_paid_filter_narrows_the_list(
    qtbot: QtBot, view: OrdersListView, choice: str, paid: bool
) -> None:
    shown_and_loaded(qtbot, view)
    combo = child(view, QComboBox, "paid_filter")

    with qtbot.waitSignal(view.model.count_changed, timeout=WAIT_MS):
        combo.setCurrentIndex(combo.findText(choice))

    assert 0 < (view.model.count or 0) < SEEDED_ORDERS
    for row in rows(view):
        assert row.is_paid is paid
        assert row.amount_outstanding is not None
        assert (row.amount_outstanding <= 0) is paid


@pytest.mark.integration
def test_a_stale_search_never_reaches_the_list(
    qtbot: QtBot, client: ShopClient
) -> None:
    runner = TaskRunner()
    model = OrdersTableModel(
        lambda: client, ENGLISH, page_size=PAGE_SIZE, runner=runner
    )
    inserted: list[int] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append(last + 1))

    model.set_query(OrderQuery())
    model.set_query(OrderQuery(status=OrderStatus.REFUNDED.value))
    wait_until(qtbot, lambda: not runner.busy)

    assert {model.row(n).status for n in range(model.rowCount())} == {"refunded"}
    assert sum(inserted) == model.rowCount() < PAGE_SIZE


@pytest.mark.integration
def test_enter_and_double_click_open_an_order(
    qtbot: QtBot, view: OrdersListView
) -> None:
    shown_and_loaded(qtbot, view)
    table = view.table
    table.setFocus()
    table.selectRow(2)
    expected = view.model.row(2).id

    with qtbot.waitSignal(view.order_requested, timeout=WAIT_MS) as entered:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert entered.args == [expected]

    rect = table.visualRect(table.model().index(1, OrderColumn.CUSTOMER))
    with qtbot.waitSignal(view.order_requested, timeout=WAIT_MS) as clicked:
        double_click(table.viewport(), rect.center())
    assert clicked.args == [view.model.row(1).id]


@pytest.mark.integration
def test_a_failed_page_shows_why_and_retries(
    qtbot: QtBot, sandbox: SandboxInfo
) -> None:
    clients = [ShopClient(sandbox.url, "not-a-token")]
    view = OrdersListView(lambda: clients[-1], ENGLISH, page_size=PAGE_SIZE)
    qtbot.addWidget(view)

    with qtbot.waitSignal(view.load_failed, timeout=WAIT_MS):
        view.show()
    error = child(view, QLabel, "list_error")
    retry = child(view, QPushButton, "retry")
    assert error.text() == "The server did not accept the token. Sign in again."
    assert error.isVisible()
    assert error.textFormat() == Qt.TextFormat.PlainText

    clients.append(ShopClient(sandbox.url, sandbox.tokens["clerk"]))
    with qtbot.waitSignal(view.model.count_changed, timeout=WAIT_MS):
        qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)
    assert not error.isVisible()
    assert view.model.rowCount() == PAGE_SIZE
    for shop in clients:
        shop.close()
