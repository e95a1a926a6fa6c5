"""Print an order, or save it as PDF, in the interface language.

The order becomes a `QTextDocument` built from HTML in which every value is
escaped: server text (names, notes, transaction ids) can never turn into
markup. The document takes the interface's direction, so Persian pages read
right to left; the bundled Vazirmatn shapes the Persian letters; numbers,
money and Jalali dates come from the same `Formatter` as the screen.

Pages are A4 with 15 mm margins. The document is laid out in pages of the
printable height, tables break between rows and repeat their header row,
and each page carries a footer with the order and page number.

Rendering happens on the UI thread: an order of a few hundred rows lays out
in well under a second, and `QTextDocument` is not meant for other threads.
"""

import html
import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import (
    QMarginsF,
    QObject,
    QPointF,
    QRectF,
    QSizeF,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeySequence,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from orderdesk.i18n import load_bundled_font
from orderdesk.models import Order, OrderItem, OrderPayment
from orderdesk.views.formatting import EM_DASH, Formatter, or_dash
from orderdesk.views.i18n import tr
from orderdesk.views.items_model import ItemColumn, ItemsTableModel
from orderdesk.views.order_view import status_text
from orderdesk.views.payments_model import PaymentColumn, PaymentsTableModel
from orderdesk.views.totals_panel import MONEY_ROWS, outstanding_text, state_text
from orderdesk.views.widgets import show_warning

logger = logging.getLogger(__name__)

MARGIN_MM = 15.0
BODY_POINT_SIZE = 9.5
FOOTER_POINT_SIZE = 8.0
# The space kept under the body of each page for the footer, in points.
FOOTER_POINTS = 18.0
PDF_RESOLUTION = 300

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


class PrintError(RuntimeError):
    """The order could not be printed or written to its file."""


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


def order_document(
    order: Order, formatter: Formatter, printed_at: datetime | None = None
) -> QTextDocument:
    """The order as a text document in the interface's font and direction."""
    document = QTextDocument()
    family = load_bundled_font()
    font = QFont(QApplication.font())
    if family is not None:
        font.setFamilies([family, *font.families()])
    font.setPointSizeF(BODY_POINT_SIZE)
    for tag in ("liga", "calt", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    document.setDefaultFont(font)

    option = QTextOption()
    option.setTextDirection(
        Qt.LayoutDirection.RightToLeft
        if formatter.is_right_to_left
        else Qt.LayoutDirection.LeftToRight
    )
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    document.setDocumentMargin(0)
    document.setHtml(order_html(order, formatter, printed_at))
    document.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle, _title(order, formatter)
    )
    return document


def order_to_pdf(
    order: Order,
    formatter: Formatter,
    path: Path | str,
    printed_at: datetime | None = None,
) -> int:
    """Write the order to a PDF file; returns the number of pages.

    `printed_at` is the time the page says it was printed, now by default.

    Raises:
        PrintError: The file could not be written.
    """
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(_title(order, formatter))
    writer.setCreator(tr("OrderDesk"))
    _set_a4(writer)
    pages = paint_order(order, formatter, writer, printed_at)
    logger.info("Order %s saved as PDF (%d pages)", order.id, pages)
    return pages


def print_order(
    order: Order, formatter: Formatter, printer_or_path: QPrinter | Path | str
) -> int:
    """Print the order, or save it as PDF when given a path.

    Args:
        order: The order to print.
        formatter: How values are written, in the interface language.
        printer_or_path: A printer set up by the caller (a print dialog, say),
            or the path of a PDF file to write.

    Returns:
        The number of pages.

    Raises:
        PrintError: The printer or file could not be painted on.
    """
    if isinstance(printer_or_path, (Path, str)):
        return order_to_pdf(order, formatter, printer_or_path)
    printer_or_path.setDocName(_title(order, formatter))
    return paint_order(order, formatter, printer_or_path)


def paint_order(
    order: Order,
    formatter: Formatter,
    device: QPagedPaintDevice,
    printed_at: datetime | None = None,
) -> int:
    """Lay the order out in pages of the device and paint them.

    The document is laid out for the device's resolution, in pages as wide
    as the printable area and as tall as that area less the footer, which
    names the order and the page.

    Returns:
        The number of pages painted.

    Raises:
        PrintError: A painter could not be opened on the device.
    """
    document = order_document(order, formatter, printed_at)
    dpi = device.logicalDpiY()
    area = device.pageLayout().paintRectPixels(dpi)
    footer_height = FOOTER_POINTS * dpi / 72
    body = QSizeF(area.width(), area.height() - footer_height)
    document.documentLayout().setPaintDevice(device)
    document.setPageSize(body)
    count = document.pageCount()

    painter = QPainter()
    if not painter.begin(device):
        raise PrintError("could not start painting on the printer or file")
    try:
        for page in range(1, count + 1):
            if page > 1 and not device.newPage():
                raise PrintError("could not start a new page")
            _paint_page(painter, document, page - 1, body)
            footer = (
                tr("Page %1 of %2")
                .replace("%1", formatter.number(page))
                .replace("%2", formatter.number(count))
            )
            text = f"{_title(order, formatter)} · {footer}"
            _paint_footer(painter, text, body, footer_height, formatter)
    finally:
        painter.end()
    return count


def _paint_page(
    painter: QPainter, document: QTextDocument, page: int, body: QSizeF
) -> None:
    top = page * body.height()
    painter.save()
    painter.translate(0, -top)
    document.drawContents(painter, QRectF(QPointF(0, top), body))
    painter.restore()


def _paint_footer(
    painter: QPainter,
    text: str,
    body: QSizeF,
    height: float,
    formatter: Formatter,
) -> None:
    font = QFont(document_font_family())
    font.setPointSizeF(FOOTER_POINT_SIZE)
    painter.save()
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.darkGray)
    painter.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft
        if formatter.is_right_to_left
        else Qt.LayoutDirection.LeftToRight
    )
    rect = QRectF(0, body.height(), body.width(), height)
    # AlignLeading without AlignAbsolute: the start of the line in either
    # direction, so the footer sits under the page's first column.
    painter.drawText(
        rect,
        int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignBottom),
        text,
    )
    painter.restore()


def document_font_family() -> str:
    """The family printed pages use: the bundled font, else the application's."""
    return load_bundled_font() or QApplication.font().family()


def _set_a4(device: QPagedPaintDevice) -> None:
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    if not device.setPageLayout(layout):
        logger.warning("The device refused an A4 page layout")


def _title(order: Order, formatter: Formatter) -> str:
    return tr("Order %1").replace("%1", formatter.number(order.id))


OrderSource = Callable[[], Order | None]
AskPath = Callable[[QWidget, str], Path | None]
AskPrinter = Callable[[QWidget, QPrinter], bool]


class PrintActions(QObject):
    """The "Print…" and "Save as PDF…" actions for the order a window shows.

    Add `print_action` and `pdf_action` to a menu or tool bar; they are
    enabled while `order_source` gives an order (call `refresh_enabled` when
    that changes). The file and print dialogs can be replaced, for tests.

    Args:
        parent: The window the dialogs and warnings belong to.
        formatter: How values are written, in the interface language.
        order_source: Gives the order shown now, or None.
        ask_path: Asks where to save a PDF, given a suggested path; None
            when the user cancels. Defaults to a file dialog.
        ask_printer: Sets a printer up with the user; False when cancelled.
            Defaults to the system print dialog.

    Signals:
        printed(int): An order went to the printer, with its page count.
        pdf_saved(str): An order was saved to the PDF file at this path.
    """

    printed = Signal(int)
    pdf_saved = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        formatter: Formatter,
        order_source: OrderSource,
        *,
        ask_path: AskPath | None = None,
        ask_printer: AskPrinter | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self._formatter = formatter
        self._order_source = order_source
        self._ask_path = ask_path or ask_pdf_path
        self._ask_printer = ask_printer or ask_printer_setup

        self.print_action = QAction(tr("&Print…"), self)
        self.print_action.setObjectName("print_order")
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_current)
        self.pdf_action = QAction(tr("Save as P&DF…"), self)
        self.pdf_action.setObjectName("save_order_pdf")
        self.pdf_action.triggered.connect(self.save_current_as_pdf)
        self.refresh_enabled()

    def refresh_enabled(self) -> None:
        """Enable the actions when there is an order to print."""
        available = self._order_source() is not None
        self.print_action.setEnabled(available)
        self.pdf_action.setEnabled(available)

    def print_current(self) -> None:
        """Ask for a printer and print the order shown."""
        order = self._order_source()
        if order is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        _set_a4(printer)
        if not self._ask_printer(self._window, printer):
            return
        try:
            pages = print_order(order, self._formatter, printer)
        except PrintError as error:
            logger.warning("Printing order %s failed: %s", order.id, error)
            show_warning(
                self._window,
                tr("Not printed"),
                tr("The order could not be printed. Check the printer and try again."),
            )
            return
        self.printed.emit(pages)

    def save_current_as_pdf(self) -> None:
        """Ask for a file name and save the order shown as PDF."""
        order = self._order_source()
        if order is None:
            return
        path = self._ask_path(self._window, suggested_pdf_path(order))
        if path is None:
            return
        try:
            order_to_pdf(order, self._formatter, path)
        except PrintError as error:
            logger.warning("Saving order %s as PDF failed: %s", order.id, error)
            show_warning(
                self._window,
                tr("PDF not saved"),
                tr("The file %1 could not be written. Choose another folder.").replace(
                    "%1", str(path)
                ),
            )
            return
        self.pdf_saved.emit(str(path))


def suggested_pdf_path(order: Order) -> str:
    """Where a PDF of the order is offered to be saved: the documents folder."""
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    return str(Path(folder) / f"order-{order.id}.pdf")


def ask_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    """Ask where to save a PDF; None when the user cancels."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, tr("Save order as PDF"), suggested, tr("PDF files (*.pdf)")
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


def ask_printer_setup(parent: QWidget, printer: QPrinter) -> bool:
    """Show the system print dialog; False when the user cancels."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("Print order"))
    return dialog.exec() == QDialog.DialogCode.Accepted


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
            f"<h1>{_escape(_title(order, fmt))}</h1>\n"
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
