"""Back and forward through the orders a window showed."""

from orderdesk.views.history import History


def test_back_and_forward() -> None:
    history = History()
    for order_id in (1, 2, 3):
        history.visit(order_id)

    assert history.back() == 2
    assert history.back() == 1
    assert history.back() is None
    assert history.forward() == 2
    assert history.current == 2


def test_a_visit_after_going_back_drops_what_was_ahead() -> None:
    history = History()
    for order_id in (1, 2, 3):
        history.visit(order_id)
    history.back()

    history.visit(9)

    assert not history.can_go_forward
    assert history.back() == 2


def test_revisiting_the_current_order_changes_nothing() -> None:
    history = History()
    history.visit(4)
    history.visit(4)

    assert not history.can_go_back


def test_the_history_is_bounded() -> None:
    history = History(limit=3)
    for order_id in range(10):
        history.visit(order_id)

    assert history.back() == 8
    assert history.back() == 7
    assert history.back() is None
