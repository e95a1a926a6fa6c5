"""Printing an order and saving it as PDF, in English and in Persian.

The PDF tests turn the first page into PNG with poppler's `pdftoppm` and read
the text layer with `pdftotext` (both in `.ci/run`'s system packages). Set
`ORDERDESK_UPDATE_DOCS=1` to also write the pictures to `docs/print-en.png`
and `docs/print-fa.png`, the ones the README can show.
"""

import os
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QImage, QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from orderdesk.i18n import Language, install_language
from orderdesk.models import Order
from orderdesk.views import printing
from orderdesk.views.formatting import Formatter
from orderdesk.views.order_page import order_html
from orderdesk.views.printing import (
    PrintActions,
    PrintError,
    order_document,
    order_to_pdf,
    print_order,
    suggested_pdf_path,
)

DOCS = Path(__file__).resolve().parents[2] / "docs"
PRINTED_AT = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
NEEDS_POPPLER = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils (pdftoppm, pdftotext) is not installed",
)
PRODUCTS = (
    "کتاب «شازده کوچولو»",
    "Mechanical keyboard K2",
    "چای سبز ارگانیک ۵۰۰ گرمی",
    "USB-C cable 2m",
    "دفترچه یادداشت",
)


def item(number: int, name: str) -> dict[str, Any]:
    """An item document of the API, its money adding up."""
    price = 125_000 * number
    quantity = number % 3 + 1
    unit_discount = 5_000 if number % 2 else 0
    return {
        "id": number,
        "product": 100 + number,
        "product_name": name,
        "unit_price": price,
        "unit_discount": unit_discount,
        "quantity": quantity,
        "notes": "",
        "subtotal": price * quantity,
        "discount": unit_discount * quantity,
        "total": (price - unit_discount) * quantity,
    }


def with_items(order: Order, count: int = len(PRODUCTS)) -> Order:
    """The order with `count` items named after PRODUCTS, totals to match."""
    data = order.model_dump(mode="json")
    items = [item(n + 1, PRODUCTS[n % len(PRODUCTS)]) for n in range(count)]
    subtotal = sum(i["subtotal"] for i in items)
    discount = sum(i["discount"] for i in items)
    total = subtotal - discount + data["shipping_cost"]
    data |= {
        "items": items,
        "count": count,
        "quantity": sum(i["quantity"] for i in items),
        "items_subtotal": subtotal,
        "items_discount": discount,
        "subtotal": subtotal - discount,
        "total_discount": discount,
        "total": total,
        "amount_outstanding": total - data["amount_paid"],
        "is_paid": False,
    }
    return Order.model_validate(data)


@pytest.fixture
def order(example_order: Order) -> Order:
    """The seed's example plus five items, one with a note."""
    data = with_items(example_order).model_dump(mode="json")
    data["items"][1]["notes"] = "gift wrap <b>please</b>"
    return Order.model_validate(data)


@pytest.fixture(autouse=True)
def restore_language(qapp: QApplication) -> Iterator[None]:
    """Tests install languages; English is put back afterwards."""
    yield
    install_language(qapp, Language.ENGLISH)


def formatter_for(app: QApplication, language: Language) -> Formatter:
    """Install the interface language and return its formatter."""
    return Formatter(install_language(app, language))


def first_page_png(pdf: Path, target: Path) -> QImage:
    """Render the first page of a PDF to PNG at 100 dpi and load it."""
    subprocess.run(
        [
            *("pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile"),
            *(str(pdf), str(target.with_suffix(""))),
        ],
        check=True,
    )
    image = QImage(str(target))
    assert not image.isNull()
    return image


def pdf_text(pdf: Path, page: int = 1) -> str:
    """The text layer of a page, with Arabic presentation forms folded."""
    text = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    # Shaped Persian comes back as presentation forms (U+FBxx, U+FExx), and
    # pdftotext wraps runs in bidi embeddings (U+202A to U+202C).
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if ch not in "\u202a\u202b\u202c")


def ink(image: QImage) -> tuple[int, float]:
    """Distinct colours, and the share of pixels that are not white."""
    colours: set[int] = set()
    inked = total = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixel(x, y)
            colours.add(pixel)
            total += 1
            inked += pixel != 0xFFFFFFFF
    return len(colours), inked / total


def column_x(document: QTextDocument, text: str) -> float:
    """The left edge of the first block whose text is `text`."""
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        if block.text() == text:
            return layout.blockBoundingRect(block).x()
        block = block.next()
    raise AssertionError(f"no block reads {text!r}")


def test_server_text_is_escaped(order: Order) -> None:
    data = order.model_dump(mode="json")
    data["notes"] = '<img src="http://evil.invalid/x.png">'
    data["billing_address"] = "<script>alert(1)</script>"
    hostile = Order.model_validate(data)

    page = order_html(hostile, Formatter(QLocale("en_US")), PRINTED_AT)

    assert "<img" not in page
    assert "<script" not in page
    assert "&lt;img src=&quot;http://evil.invalid/x.png&quot;&gt;" in page
    assert "gift wrap &lt;b&gt;please&lt;/b&gt;" in page


def test_the_page_holds_the_whole_order(order: Order) -> None:
    document = order_document(order, Formatter(QLocale("en_US")), PRINTED_AT)
    text = document.toPlainText()

    for expected in (
        "Order 2",
        "0c86ab758d3e236cb5a4",
        "Shipped",
        "بهروز قربانی",
        "پدرام زمانی",
        "Items (5)",
        "Payments (2)",
        "Mechanical keyboard K2",
        "1589800",
        "3,795,000 Rial",
        "Awaiting approval",
    ):
        assert expected in text, expected


@pytest.mark.parametrize(
    ("language", "first_is_right"),
    [(Language.ENGLISH, False), (Language.PERSIAN, True)],
)
def test_tables_run_in_the_interface_direction(
    qapp: QApplication,
    order: Order,
    language: Language,
    first_is_right: bool,
) -> None:
    formatter = formatter_for(qapp, language)
    document = order_document(order, formatter, PRINTED_AT)
    document.setTextWidth(800)

    product = column_x(document, formatter_header(formatter, "Product"))
    method = column_x(document, formatter_header(formatter, "Method"))
    total = column_x(document, formatter_header(formatter, "Total", money=True))

    assert (product > total) is first_is_right
    # The payments table follows the same direction.
    assert (method > total) is first_is_right


def formatter_header(formatter: Formatter, header: str, money: bool = False) -> str:
    """A column header as the page writes it, translated."""
    translated = QApplication.translate("", header)
    return f"{translated} ({formatter.currency_unit()})" if money else translated


@NEEDS_POPPLER
@pytest.mark.parametrize("language", list(Language))
def test_the_pdf_first_page_is_drawn(
    qapp: QApplication,
    order: Order,
    tmp_path: Path,
    language: Language,
) -> None:
    formatter = formatter_for(qapp, language)
    pdf = tmp_path / f"order-{language.value}.pdf"

    pages = order_to_pdf(order, formatter, pdf, PRINTED_AT)
    image = first_page_png(pdf, tmp_path / f"print-{language.value}.png")

    assert pages >= 1
    # A4 is 210 x 297 mm: 827 x 1169.3 pixels at 100 dpi.
    assert image.width() == 827
    assert image.height() in (1169, 1170)
    colours, share = ink(image)
    assert colours > 32
    assert 0.02 < share < 0.5
    if os.environ.get("ORDERDESK_UPDATE_DOCS"):
        DOCS.mkdir(exist_ok=True)
        shutil.copyfile(
            tmp_path / f"print-{language.value}.png",
            DOCS / f"print-{language.value}.png",
        )


@NEEDS_POPPLER
def test_the_persian_pdf_carries_persian_text(
    qapp: QApplication, order: Order, tmp_path: Path
) -> None:
    formatter = formatter_for(qapp, Language.PERSIAN)
    pdf = tmp_path / "order-fa.pdf"

    order_to_pdf(order, formatter, pdf, PRINTED_AT)
    text = pdf_text(pdf)

    assert "بهروز قربانی" in text
    assert "پدرام زمانی" in text
    assert "سفارش ۲" in text
    # Persian digits and the Jalali calendar: 5 January 2026 is 15 Dey 1404.
    assert "۱۴۰۴/۱۰/۱۵" in text
    # Ligatures are off so that every letter reaches the text layer.
    assert "پرداخت" in text


@NEEDS_POPPLER
def test_a_long_order_runs_over_pages_with_its_header_repeated(
    qapp: QApplication, example_order: Order, tmp_path: Path
) -> None:
    formatter = formatter_for(qapp, Language.ENGLISH)
    pdf = tmp_path / "long.pdf"

    pages = order_to_pdf(with_items(example_order, 90), formatter, pdf, PRINTED_AT)

    assert pages >= 3
    second = pdf_text(pdf, 2)
    assert "Unit price (Rial)" in second
    assert f"Order 2 · Page 2 of {pages}" in second


def test_print_order_writes_to_a_pdf_printer(
    qapp: QApplication, order: Order, tmp_path: Path
) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)

    pages = print_order(order, Formatter(QLocale("en_US")), printer)

    assert pages >= 1
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")


def test_print_order_takes_a_path_for_pdf(
    qapp: QApplication, order: Order, tmp_path: Path
) -> None:
    pages = print_order(order, Formatter(QLocale("en_US")), tmp_path / "saved.pdf")

    assert pages >= 1
    assert (tmp_path / "saved.pdf").read_bytes().startswith(b"%PDF")


def test_an_unwritable_pdf_is_an_error(
    qapp: QApplication, order: Order, tmp_path: Path
) -> None:
    missing_folder = tmp_path / "missing" / "order.pdf"

    with pytest.raises(PrintError):
        order_to_pdf(order, Formatter(QLocale("en_US")), missing_folder)


class TestPrintActions:
    """The actions the main window puts in its menu."""

    def make(
        self,
        qtbot: QtBot,
        shown: Order | None,
        path: Path | None = None,
        printer_file: Path | None = None,
        window: QWidget | None = None,
    ) -> PrintActions:
        window = window or QWidget()
        qtbot.addWidget(window)

        def ask_printer(_parent: QWidget, printer: QPrinter) -> bool:
            if printer_file is None:
                return False
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(printer_file))
            return True

        return PrintActions(
            window,
            Formatter(QLocale("en_US")),
            lambda: shown,
            ask_path=lambda _parent, _suggested: path,
            ask_printer=ask_printer,
        )

    def test_disabled_without_an_order(self, qtbot: QtBot) -> None:
        actions = self.make(qtbot, None)

        assert not actions.print_action.isEnabled()
        assert not actions.pdf_action.isEnabled()

    def test_save_as_pdf(self, qtbot: QtBot, order: Order, tmp_path: Path) -> None:
        target = tmp_path / "chosen.pdf"
        actions = self.make(qtbot, order, path=target)

        with qtbot.waitSignal(actions.pdf_saved) as saved:
            actions.pdf_action.trigger()

        assert saved.args == [str(target)]
        assert target.read_bytes().startswith(b"%PDF")

    def test_cancelled_save_writes_nothing(
        self, qtbot: QtBot, order: Order, tmp_path: Path
    ) -> None:
        actions = self.make(qtbot, order, path=None)

        with qtbot.assertNotEmitted(actions.pdf_saved):
            actions.save_current_as_pdf()

        assert list(tmp_path.iterdir()) == []

    def test_print(self, qtbot: QtBot, order: Order, tmp_path: Path) -> None:
        actions = self.make(qtbot, order, printer_file=tmp_path / "out.pdf")

        with qtbot.waitSignal(actions.printed) as printed:
            actions.print_action.trigger()

        assert printed.args[0] >= 1
        assert (tmp_path / "out.pdf").exists()

    def test_a_window_is_told_where_the_pdf_went(
        self, qtbot: QtBot, order: Order, tmp_path: Path
    ) -> None:
        target = tmp_path / "chosen.pdf"
        window = QMainWindow()
        actions = self.make(qtbot, order, path=target, window=window)

        actions.save_current_as_pdf()

        shown_path = Formatter(QLocale("en_US")).latin(str(target))
        assert window.statusBar().currentMessage() == f"Order 2 saved as {shown_path}."
        assert QApplication.overrideCursor() is None

    def test_the_window_says_what_it_is_busy_with_while_it_works(
        self,
        qtbot: QtBot,
        order: Order,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        window = QMainWindow()
        actions = self.make(qtbot, order, path=tmp_path / "o.pdf", window=window)
        seen: list[tuple[str, object]] = []

        def watched(*args: Any, **kwargs: Any) -> int:
            seen.append(
                (window.statusBar().currentMessage(), QApplication.overrideCursor())
            )
            return order_to_pdf(*args, **kwargs)

        monkeypatch.setattr(printing, "order_to_pdf", watched)
        actions.save_current_as_pdf()

        message, cursor = seen[0]
        assert message == "Saving order 2 as PDF…"
        assert cursor is not None
        assert window.statusBar().currentMessage().startswith("Order 2 saved as")

    def test_a_window_is_told_the_order_was_printed(
        self, qtbot: QtBot, order: Order, tmp_path: Path
    ) -> None:
        window = QMainWindow()
        actions = self.make(
            qtbot, order, printer_file=tmp_path / "out.pdf", window=window
        )

        actions.print_current()

        assert window.statusBar().currentMessage() == "Order 2 sent to the printer."

    def test_an_unwritable_file_is_a_warning_not_a_crash(
        self, qtbot: QtBot, order: Order, tmp_path: Path
    ) -> None:
        window = QMainWindow()
        target = tmp_path / "no such folder" / "order.pdf"
        actions = self.make(qtbot, order, path=target, window=window)

        with qtbot.assertNotEmitted(actions.pdf_saved):
            actions.save_current_as_pdf()

        box = window.findChild(QMessageBox)
        assert box is not None
        # The path is isolated left to right, for a Persian sentence around it.
        shown_path = Formatter(QLocale("en_US")).latin(str(target))
        assert box.text() == (
            f"The file {shown_path} could not be written. Choose another folder."
        )
        assert window.statusBar().currentMessage() == ""
        assert QApplication.overrideCursor() is None
        box.close()

    def test_the_suggested_file_is_named_after_the_order(self, order: Order) -> None:
        assert Path(suggested_pdf_path(order)).name == "order-2.pdf"
