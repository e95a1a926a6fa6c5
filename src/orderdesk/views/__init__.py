"""Qt widgets and item models of OrderDesk.

Network and disk work never runs on the UI thread: see `tasks`.
"""

from orderdesk.views.main_window import MainWindow
from orderdesk.views.order_view import OrderView
from orderdesk.views.payment_dialog import PaymentDialog
from orderdesk.views.sign_in_dialog import SignInDialog

__all__ = ["MainWindow", "OrderView", "PaymentDialog", "SignInDialog"]
