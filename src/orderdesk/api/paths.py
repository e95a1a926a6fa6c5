"""Every path of the shop API, in one place.

A deployment that mounts the API elsewhere changes one line here. Templates
take integer ids only (see `orderdesk.api.client`), so a path can never be
steered by data.
"""

ORDERS = "/api/orders/"
"""The order list, paginated: `page`, `page_size`, `search`, `status`, `is_paid`."""

ORDER = "/api/orders/{order_id}"
"""One order; the same document the payment PATCH answers with."""

PAYMENT = "/api/orders/{order_id}/payments/{payment_id}"
"""One payment of an order. The documented path has no trailing slash."""

PAYMENT_METHODS = "/api/payment-methods/"
"""The payment methods, as a plain list or paginated."""
