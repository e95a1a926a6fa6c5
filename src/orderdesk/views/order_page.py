"""The HTML page of an order, as printed or saved as PDF.

Every value is escaped: server text (names, notes, transaction ids) can
never turn into markup. Numbers, money and Jalali dates come from the same
`Formatter` as the screen, and the page takes its direction from it.
`views.printing` lays the page out and prints it.
"""

import html
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from orderdesk.models import Order, OrderItem, OrderPayment
from orderdesk.views.formatting import EM_DASH, Formatter, or_dash
from orderdesk.views.i18n import tr
from orderdesk.views.items_model import ItemColumn, ItemsTableModel
from orderdesk.views.order_view import status_text
from orderdesk.views.payments_model import PaymentColumn, PaymentsTableModel
from orderdesk.views.totals_panel import MONEY_ROWS, outstanding_text, state_text

ITEM_COLUMNS = (
    ItemColumn.PRODUCT_NAME,
    ItemColumn.UNIT_PRICE,
    ItemColumn.UNIT_DISCOUNT,
    ItemColumn.QUANTITY,
    ItemColumn.SUBTOTAL,
    ItemColumn.DISCOUNT,
    ItemColumn.TOTAL,
)
ITEM_MONEY = {
    ItemColumn.UNIT_PRICE: "unit_price",
    ItemColumn.UNIT_DISCOUNT: "unit_discount",
    ItemColumn.SUBTOTAL: "subtotal",
    ItemColumn.DISCOUNT: "discount",
    ItemColumn.TOTAL: "total",
}
PAYMENT_COLUMNS = (
    PaymentColumn.METHOD,
    PaymentColumn.AMOUNT,
    PaymentColumn.APPROVED,
    PaymentColumn.TRANSACTION_ID,
    PaymentColumn.NOTES,
    PaymentColumn.CREATED,
)

STYLE = """
h1 { font-size: 16pt; font-weight: bold; margin-bottom: 2pt; }
h2 { font-size: 11pt; font-weight: bold; margin-top: 10pt; margin-bottom: 4pt; }
p.meta { color: #444444; margin-top: 0; }
table.grid { border-collapse: collapse; border-color: #9a9a9a; }
table.grid th { background-color: #e8edf3; font-weight: bold; }
span.label { color: #555555; }
span.note { color: #555555; font-size: 8pt; }
"""


def order_html(
    order: Order, formatter: Formatter, printed_at: datetime | None = None
) -> str:
    """The order as an HTML page, every value escaped.

    Args:
        order: The order to show.
        formatter: How numbers, money, dates and server text are written;
            its locale also sets the page's direction.
        printed_at: The time the page says it was printed; now by default.
    """
    return OrderPage(order, formatter, printed_at).html()


def order_title(order: Order, formatter: Formatter) -> str:
    """The order's title, as the page and the document's metadata give it."""
    return tr("Order %1").replace("%1", formatter.number(order.id))


# The HTML of each part. Every value passes through `_escape`.


class OrderPage:
    """Builds the HTML of one order for one formatter.

    QTextDocument lays table columns out left to right whatever the text
    direction (seen in Qt 6.8 to 6.12), so in a right-to-left page every
    row is written in reverse: the first column then stands at the right.
    Cell text still runs right to left through the document's direction.
    """

    def __init__(
        self, order: Order, formatter: Formatter, printed_at: datetime | None = None
    ) -> None:
        self._order = order
        self._fmt = formatter
        self._printed_at = printed_at or datetime.now(tz=UTC)
        self._rtl = formatter.is_right_to_left

    def html(self) -> str:
        """The whole page."""
        direction = "rtl" if self._rtl else "ltr"
        parts = [
            f'<html dir="{direction}"><head><style>{STYLE}</style></head>',
            f'<body dir="{direction}">',
            self._header(),
            self._people(),
            self._items(),
            self._totals(),
            self._payments(),
        ]
        notes = self._fmt.text(self._order.notes)
        if notes:
            parts.append(_section(tr("Notes"), f"<p>{_escape(notes)}</p>"))
        parts.append("</body></html>")
        return "\n".join(parts)

    def _row(
        self,
        cells: Sequence[str],
        tag: str = "td",
        numeric: Iterable[int] = (),
        widths: Sequence[int] = (),
    ) -> str:
        """A table row of ready HTML cells, in visual order for the direction.

        Cells whose index is in `numeric` align to the end of the line, so
        the digits of a column line up; `widths` gives the first cells a
        share of the table's width, in percent.
        """
        end = "left" if self._rtl else "right"
        numbers = set(numeric)
        html_cells = []
        for index, cell in enumerate(cells):
            attributes = f' align="{end}"' if index in numbers else ""
            if index < len(widths):
                attributes += f' width="{widths[index]}%"'
            html_cells.append(f"<{tag}{attributes}>{cell}</{tag}>")
        ordered = reversed(html_cells) if self._rtl else html_cells
        return "<tr>" + "".join(ordered) + "</tr>"

    def _pairs(self, rows: Iterable[tuple[str, str]], label_width: int = 36) -> str:
        """A borderless table of labels and values; labels take a share in %."""
        body = "".join(
            self._row(
                [f'<span class="label">{_escape(label)}</span>', _escape(value)],
                widths=[label_width, 100 - label_width],
            )
            for label, value in rows
        )
        return f'<table width="100%" cellpadding="2" cellspacing="0">{body}</table>'

    def _grid(
        self,
        headers: Sequence[str],
        rows: Iterable[Sequence[str]],
        numeric: Iterable[int] = (),
    ) -> str:
        """A ruled table whose header row repeats on every page it spans."""
        numbers = tuple(numeric)
        head = self._row([_escape(text) for text in headers], "th")
        body = "".join(self._row(row, numeric=numbers) for row in rows)
        # <thead> is what makes Qt repeat the row on each page.
        return (
            '<table class="grid" width="100%" border="1" cellpadding="3"'
            f' cellspacing="0"><thead>{head}</thead>{body}</table>'
        )

    def _header(self) -> str:
        order, fmt = self._order, self._fmt
        dates = (
            tr("Created %1 · Updated %2")
            .replace("%1", fmt.date_time(order.created_at))
            .replace("%2", fmt.date_time(order.updated_at))
        )
        printed = tr("Printed %1").replace("%1", fmt.date_time(self._printed_at))
        rows = [
            (tr("Status"), status_text(order.status)),
            (tr("Key"), or_dash(fmt.latin(order.key))),
            (tr("Payment state"), state_text(order.is_paid, order.is_payable)),
        ]
        return (
            f"<h1>{_escape(order_title(order, fmt))}</h1>\n"
            f'<p class="meta">{_escape(dates)}<br/>{_escape(printed)}</p>\n'
            + self._pairs(rows, label_width=20)
        )

    def _people(self) -> str:
        order, fmt = self._order, self._fmt
        customer = order.customer_data
        name = customer.display_name if customer else ""
        username = customer.username if customer else ""
        mobile = customer.mobile_number if customer else ""
        customer_rows = [
            (tr("Name"), or_dash(fmt.text(name))),
            (tr("Username"), or_dash(fmt.latin(username))),
            (tr("Mobile"), or_dash(fmt.latin(mobile))),
        ]
        method = order.payment_method_data
        shipping = order.shipping_method_data
        method_rows = [
            (tr("Payment method"), or_dash(fmt.text(method.name if method else ""))),
            (
                tr("Shipping method"),
                or_dash(fmt.text(shipping.name if shipping else "")),
            ),
            (tr("Shipping cost"), fmt.money(order.shipping_cost)),
        ]
        left = _section(tr("Customer"), self._pairs(customer_rows)) + _section(
            tr("Payment and delivery"), self._pairs(method_rows)
        )
        right = _section(tr("Billing"), self._pairs(self._billing_rows()))
        # Two columns side by side, the customer at the start of the line.
        return (
            '<table width="100%" cellspacing="0" cellpadding="0">'
            + self._row([left, right], widths=[50, 50])
            + "</table>"
        )

    def _billing_rows(self) -> list[tuple[str, str]]:
        order, fmt = self._order, self._fmt
        places = [
            place.name
            for place in (
                order.billing_city_data,
                order.billing_state_data,
                order.billing_country_data,
            )
            if place is not None and place.name
        ]
        name = f"{order.billing_first_name} {order.billing_last_name}"
        return [
            (tr("Name"), or_dash(fmt.text(name))),
            (tr("Address"), or_dash(fmt.text(order.billing_address))),
            (tr("City"), or_dash(fmt.text("، ".join(places)))),
            (tr("Postal code"), or_dash(fmt.latin(order.billing_postal_code))),
            (tr("National code"), or_dash(fmt.latin(order.billing_national_code))),
            (tr("Mobile"), or_dash(fmt.latin(order.billing_mobile_number))),
        ]

    def _totals(self) -> str:
        """A ruled box of counts and money at the end of the line."""
        order, fmt = self._order, self._fmt
        rows = [
            (tr("Items"), fmt.number(order.count)),
            (tr("Quantity"), fmt.number(order.quantity)),
        ]
        rows += [
            (tr(str(title)), fmt.money(getattr(order, field)))
            for field, title in MONEY_ROWS
        ]
        rows.append(
            (tr("Outstanding"), outstanding_text(fmt, order.amount_outstanding))
        )
        body = "".join(
            self._row([_escape(label), _escape(value)], numeric=[1], widths=[45, 55])
            for label, value in rows
        )
        end = "left" if self._rtl else "right"
        return (
            f'<table class="grid" width="50%" align="{end}" border="1"'
            ' cellpadding="3" cellspacing="0">'
            f'<thead><tr><th colspan="2">{_escape(tr("Totals"))}</th></tr></thead>'
            f"{body}</table>"
        )

    def _items(self) -> str:
        order, fmt = self._order, self._fmt
        model = ItemsTableModel(fmt)
        # The unit goes in the header once rather than in every cell.
        unit = fmt.currency_unit()
        headers = [
            f"{model.header(column)} ({unit})"
            if column in ITEM_MONEY
            else model.header(column)
            for column in ITEM_COLUMNS
        ]
        rows = [self._item_cells(model, item) for item in order.items]
        title = tr("Items (%1)").replace("%1", fmt.number(len(order.items)))
        numeric = [ITEM_COLUMNS.index(c) for c in (*ITEM_MONEY, ItemColumn.QUANTITY)]
        grid = self._grid(headers, rows, numeric) if rows else _EMPTY
        return _section(title, grid)

    def _item_cells(self, model: ItemsTableModel, item: OrderItem) -> list[str]:
        cells = []
        for column in ITEM_COLUMNS:
            if column in ITEM_MONEY:
                amount: int = getattr(item, ITEM_MONEY[column])
                cells.append(_escape(self._fmt.money_figure(amount)))
            else:
                cells.append(_escape(or_dash(model.display(item, column))))
        notes = self._fmt.text(item.notes)
        if notes:
            cells[0] += f'<br/><span class="note">{_escape(notes)}</span>'
        return cells

    def _payments(self) -> str:
        order, fmt = self._order, self._fmt
        model = PaymentsTableModel(fmt)
        headers = [model.header(column) for column in PAYMENT_COLUMNS]
        rows = [
            [_escape(_payment_cell(model, payment, c)) for c in PAYMENT_COLUMNS]
            for payment in order.payments
        ]
        title = tr("Payments (%1)").replace("%1", fmt.number(len(order.payments)))
        numeric = [PAYMENT_COLUMNS.index(PaymentColumn.AMOUNT)]
        grid = self._grid(headers, rows, numeric) if rows else _EMPTY
        return _section(title, grid)


_EMPTY = f"<p>{EM_DASH}</p>"


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _section(title: str, body: str) -> str:
    return f"<h2>{_escape(title)}</h2>\n{body}"


def _payment_cell(
    model: PaymentsTableModel, payment: OrderPayment, column: PaymentColumn
) -> str:
    if column == PaymentColumn.APPROVED:
        # Words only: the screen's check mark is not in every printer font.
        return tr("Approved") if payment.approved else tr("Awaiting approval")
    return or_dash(model.display(payment, column))
