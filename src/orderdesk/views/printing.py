"""Print an order, or save it as PDF, in the interface language.

The order becomes a `QTextDocument` built from its HTML page
(`views.order_page`, where every value is escaped). The document takes the
interface's direction, so Persian pages read right to left, and the bundled
Vazirmatn shapes the Persian letters.

Pages are A4 with 15 mm margins. The document is laid out as one column
and cut into pages of the printable height by `views.pagination`: never
inside a table row, with a table's header row repeated on each page it
continues onto. Each page carries a footer with the order and page number.

Printing happens on the UI thread, under a busy cursor: an order of a few
hundred rows takes well under a second (see `_busy_cursor` for longer
ones). Saving a longer order as PDF runs in a child process instead
(`views.pdf_export`), and the window carries on meanwhile.
"""

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QMarginsF,
    QObject,
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
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMainWindow,
    QStatusBar,
    QWidget,
)

from orderdesk.i18n import load_bundled_font
from orderdesk.models import Order
from orderdesk.views.formatting import Formatter
from orderdesk.views.i18n import tr
from orderdesk.views.order_page import order_html, order_title
from orderdesk.views.pagination import page_slices, paint_slice
from orderdesk.views.pdf_export import PdfExport, PdfOutcome
from orderdesk.views.widgets import show_warning

logger = logging.getLogger(__name__)

MARGIN_MM = 15.0
BODY_POINT_SIZE = 9.5
FOOTER_POINT_SIZE = 8.0
# The space kept under the body of each page for the footer, in points.
FOOTER_POINTS = 18.0
PDF_RESOLUTION = 300
# How long a confirmation stays in the status bar.
STATUS_TIMEOUT_MS = 8000
# Orders with more items and payments than this are saved as PDF by a child
# process: in the window's own, 200 rows take about half a second, during
# which it cannot repaint, and the child costs about that much to start.
IN_PROCESS_ROWS = 200


class PrintError(RuntimeError):
    """The order could not be printed or written to its file."""


def order_document(
    order: Order,
    formatter: Formatter,
    printed_at: datetime | None = None,
    *,
    device: QPaintDevice | None = None,
    width: float | None = None,
) -> QTextDocument:
    """The order as a text document in the interface's font and direction.

    Args:
        order: The order to show.
        formatter: How values are written, in the interface language.
        printed_at: The time the page says it was printed; now by default.
        device: The device whose resolution the text is laid out for; the
            screen by default.
        width: The width the text wraps at, in the device's pixels; by
            default it does not wrap until a width is set.
    """
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

    # Laying out is most of the cost of printing a long order. With the
    # device and width known before the content arrives, Qt lays the text
    # out once; set afterwards, each would lay all of it out again.
    if device is not None:
        document.documentLayout().setPaintDevice(device)
    if width is not None:
        document.setTextWidth(width)
    document.setHtml(order_html(order, formatter, printed_at))
    document.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle, order_title(order, formatter)
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
    writer.setTitle(order_title(order, formatter))
    writer.setCreator(tr("OrderDesk"))
    set_a4(writer)
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
    printer_or_path.setDocName(order_title(order, formatter))
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
    dpi = device.logicalDpiY()
    area = device.pageLayout().paintRectPixels(dpi)
    footer_height = FOOTER_POINTS * dpi / 72
    body = QSizeF(area.width(), area.height() - footer_height)
    # One long column, cut into pages here rather than by Qt, whose pages
    # can split a table row (see views.pagination).
    document = order_document(
        order, formatter, printed_at, device=device, width=body.width()
    )
    pages = page_slices(document, body.height())
    count = len(pages)

    painter = QPainter()
    if not painter.begin(device):
        raise PrintError("could not start painting on the printer or file")
    try:
        for number, page in enumerate(pages, start=1):
            if number > 1 and not device.newPage():
                raise PrintError("could not start a new page")
            paint_slice(painter, document, page, body.width())
            footer = (
                tr("Page %1 of %2")
                .replace("%1", formatter.number(number))
                .replace("%2", formatter.number(count))
            )
            text = f"{order_title(order, formatter)} · {footer}"
            _paint_footer(painter, text, body, footer_height, formatter)
    finally:
        painter.end()
    return count


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


def set_a4(device: QPagedPaintDevice) -> None:
    """Give a printer or PDF writer the A4 page, portrait, with our margins."""
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    if not device.setPageLayout(layout):
        logger.warning("The device refused an A4 page layout")


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
        self._exports: list[PdfExport] = []
        self.refresh_enabled()

    def saving_pdfs(self) -> list[int]:
        """The orders a child process is saving as PDF now."""
        return [export.order_id for export in self._exports if export.running]

    def stop_saving_pdfs(self) -> None:
        """Stop every child process still saving a PDF; no file is written."""
        for export in self._exports:
            export.stop()

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
        set_a4(printer)
        if not self._ask_printer(self._window, printer):
            return
        self._announce(
            tr("Printing order %1…").replace("%1", self._formatter.number(order.id))
        )
        try:
            with _busy_cursor():
                pages = print_order(order, self._formatter, printer)
        except PrintError as error:
            logger.warning("Printing order %s failed: %s", order.id, error)
            self._clear()
            show_warning(
                self._window,
                tr("Not printed"),
                tr("The order could not be printed. Check the printer and try again."),
            )
            return
        self._tell(
            tr("Order %1 sent to the printer.").replace(
                "%1", self._formatter.number(order.id)
            )
        )
        self.printed.emit(pages)

    def save_current_as_pdf(self) -> None:
        """Ask for a file name and save the order shown as PDF."""
        order = self._order_source()
        if order is None:
            return
        path = self._ask_path(self._window, suggested_pdf_path(order))
        if path is None:
            return
        self._announce(
            tr("Saving order %1 as PDF…").replace(
                "%1", self._formatter.number(order.id)
            )
        )
        if len(order.items) + len(order.payments) > IN_PROCESS_ROWS:
            self._export(order, path)
            return

        try:
            with _busy_cursor():
                order_to_pdf(order, self._formatter, path)
        except PrintError as error:
            logger.warning("Saving order %s as PDF failed: %s", order.id, error)
            self._on_pdf_finished(order.id, str(path), PdfOutcome.FILE_NOT_WRITTEN)
            return
        self._on_pdf_finished(order.id, str(path), PdfOutcome.WRITTEN)

    def _export(self, order: Order, path: Path) -> None:
        """Save the order as PDF in a child process; the window runs on."""
        # Finished exports go here rather than in their own signal's slot.
        for finished in [e for e in self._exports if not e.running]:
            self._exports.remove(finished)
            finished.deleteLater()
        export = PdfExport(order, self._formatter, path, self)
        export.finished.connect(self._on_pdf_finished)
        self._exports.append(export)
        export.start()

    def _on_pdf_finished(self, order_id: int, path: str, outcome: int) -> None:
        """Confirm a saved PDF, or warn that it could not be saved, and why."""
        if outcome != PdfOutcome.WRITTEN:
            if outcome == PdfOutcome.FILE_NOT_WRITTEN:
                reason = tr(
                    "The file %1 could not be written. Choose another folder."
                ).replace("%1", self._formatter.latin(path))
            else:
                reason = tr(
                    "Order %1 could not be saved as PDF. Try again; if it fails"
                    " again, Help > Open log folder shows why."
                ).replace("%1", self._formatter.number(order_id))
            self._clear()
            show_warning(self._window, tr("PDF not saved"), reason)
            return
        self._tell(
            tr("Order %1 saved as %2.")
            .replace("%1", self._formatter.number(order_id))
            .replace("%2", self._formatter.latin(path))
        )
        self.pdf_saved.emit(path)

    def _tell(self, message: str) -> None:
        """Confirm in the window's status bar, when it has one."""
        if (status_bar := self._status_bar()) is not None:
            status_bar.showMessage(message, STATUS_TIMEOUT_MS)

    def _announce(self, message: str) -> None:
        """Say what the window is busy with, before work that may block it.

        The status bar is painted at once, without running the event loop:
        nothing else can happen in the window while an order is printed in
        its own process.
        """
        if (status_bar := self._status_bar()) is not None:
            status_bar.showMessage(message)
            status_bar.repaint()

    def _clear(self) -> None:
        """Take back what `_announce` said, when the work failed."""
        if (status_bar := self._status_bar()) is not None:
            status_bar.clearMessage()

    def _status_bar(self) -> QStatusBar | None:
        """The window's status bar; None when the window is no main window."""
        if isinstance(self._window, QMainWindow):
            return self._window.statusBar()
        return None


@contextmanager
def _busy_cursor() -> Iterator[None]:
    """The busy cursor while a long order is laid out and painted.

    TODO: printing to a printer runs on the UI thread, so the window does
    not repaint meanwhile: about 0.25 s for 100 items, 3.6 s for 1,000
    items and 1,000 payments (figure 7 of `python -m benchmarks`). A pool
    thread would not help much, because PySide6 holds the interpreter lock
    through Qt's layout calls, and a system printer set up in the print
    dialog cannot be handed to the child process that writes long PDFs.
    """
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


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
