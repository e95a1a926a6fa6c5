"""Cutting a laid-out order into printed pages without splitting a row."""

import math
import re
import shutil
import subprocess
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextDocument, QTextTable
from PySide6.QtWidgets import QApplication

from orderdesk.i18n import Language, install_language
from orderdesk.models import Order
from orderdesk.views.formatting import Formatter
from orderdesk.views.pagination import Band, PageSlice, page_slices
from orderdesk.views.printing import order_document, order_to_pdf

from .test_printing import PRINTED_AT, with_items

WIDTH = 700.0
LONG_NAME = "a long product name that wraps over several lines of its cell " * 3


@pytest.fixture(autouse=True)
def restore_language(qapp: QApplication) -> Iterator[None]:
    """Tests install languages; English is put back afterwards."""
    yield
    install_language(qapp, Language.ENGLISH)


def tall_rows(order: Order, count: int, notes_words: int = 30) -> Order:
    """The order with `count` items, many of them several lines tall."""
    data = with_items(order, count).model_dump(mode="json")
    for index, item in enumerate(data["items"]):
        if index % 3:
            item["product_name"] = f"{item['product_name']} {LONG_NAME}"
        if index % 4 == 0:
            item["notes"] = " ".join(["note"] * notes_words)
    return Order.model_validate(data)


def laid_out(document: QTextDocument, width: float = WIDTH) -> QTextDocument:
    """The document as one long column, as printing lays it out."""
    document.setDocumentMargin(0)
    document.setTextWidth(width)
    return document


def order_laid_out(
    app: QApplication, order: Order, language: Language
) -> QTextDocument:
    formatter = Formatter(install_language(app, language))
    return laid_out(order_document(order, formatter, PRINTED_AT))


def tables(document: QTextDocument) -> list[QTextTable]:
    return [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]


def items_table(document: QTextDocument) -> QTextTable:
    """The grid of items: the table whose first header cell is Product."""
    for table in tables(document):
        header = table.cellAt(0, 0).firstCursorPosition().block().text()
        if header == "Product":
            return table
    raise AssertionError("no items table")


def row_band(document: QTextDocument, table: QTextTable, row: int) -> Band:
    """From the top of the row's highest text to the bottom of its lowest."""
    layout = document.documentLayout()
    top, bottom = math.inf, -math.inf
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        block = cell.firstCursorPosition().block()
        last = cell.lastCursorPosition().block()
        while True:
            rect = layout.blockBoundingRect(block)
            top, bottom = min(top, rect.top()), max(bottom, rect.bottom())
            if block == last:
                break
            block = block.next()
    return Band(top, bottom)


def all_rows(document: QTextDocument) -> list[Band]:
    return [
        row_band(document, table, row)
        for table in tables(document)
        for row in range(table.rows())
    ]


def holding_page(pages: list[PageSlice], band: Band) -> PageSlice | None:
    """The page whose body holds the whole band, if one does."""
    for page in pages:
        if page.body.top <= band.top and band.bottom <= page.body.bottom:
            return page
    return None


def assert_whole_document_once(
    document: QTextDocument, pages: list[PageSlice], height: float
) -> None:
    """Pages follow on from each other, cover the document and fit a page."""
    assert pages[0].body.top == 0
    for upper, lower in pairwise(pages):
        assert upper.body.bottom == lower.body.top
    assert pages[-1].body.bottom == pytest.approx(document.size().height())
    for page in pages:
        assert page.body.height > 0
        assert page.height <= height + 1e-6


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.PERSIAN])
@pytest.mark.parametrize("height", [900.0, 1400.0, 2300.0])
def test_no_row_of_a_long_order_is_split(
    qapp: QApplication, example_order: Order, language: Language, height: float
) -> None:
    document = order_laid_out(qapp, tall_rows(example_order, 60), language)

    pages = page_slices(document, height)

    assert len(pages) > 2
    assert_whole_document_once(document, pages, height)
    for band in all_rows(document):
        assert holding_page(pages, band) is not None, band
    lines = all_lines(document)
    for page in pages[:-1]:
        cut = page.body.bottom
        assert not any(b.top + 0.5 < cut < b.bottom - 0.5 for b in lines), cut


def test_qt_would_have_split_these_rows(
    qapp: QApplication, example_order: Order
) -> None:
    """The case this module exists for: Qt's own pages cut rows in two."""
    document = order_laid_out(qapp, tall_rows(example_order, 60), Language.ENGLISH)
    document.setPageSize(QSizeF(WIDTH, 1400.0))

    split = [
        band
        for band in all_rows(document)
        if int(band.top // 1400.0) != int((band.bottom - 1) // 1400.0)
    ]

    assert split


def test_a_page_continuing_a_table_repeats_its_header(
    qapp: QApplication, example_order: Order
) -> None:
    document = order_laid_out(qapp, tall_rows(example_order, 60), Language.ENGLISH)
    items = items_table(document)
    header = row_band(document, items, 0)
    first_row = row_band(document, items, 1)
    table_bottom = document.documentLayout().frameBoundingRect(items).bottom()

    pages = page_slices(document, 1400.0)

    continuing = [p for p in pages if first_row.top < p.body.top < table_bottom - 1]
    assert len(continuing) >= 3
    for page in continuing:
        assert page.header is not None
        assert page.header.top <= header.top
        assert header.bottom <= page.header.bottom < first_row.top
    for page in pages:
        if page not in continuing:
            assert page.header is None


def test_a_heading_stays_with_the_first_row_of_its_table(
    qapp: QApplication, example_order: Order
) -> None:
    document = order_laid_out(qapp, tall_rows(example_order, 40), Language.ENGLISH)
    layout = document.documentLayout()
    kept_together = []
    for table in tables(document):
        if table.format().headerRowCount() == 0 or table.rows() < 2:
            continue
        heading = table.firstCursorPosition().block().previous()
        while heading.isValid() and not heading.text():
            heading = heading.previous()
        top = layout.blockBoundingRect(heading).top()
        if heading.blockFormat().headingLevel() == 0:
            top = layout.frameBoundingRect(table).top()
        kept_together.append(Band(top, row_band(document, table, 1).bottom))
    assert len(kept_together) >= 2

    # Page heights that bring each heading near the foot of some page.
    for height in range(700, 1600, 23):
        pages = page_slices(document, float(height))
        for page in pages[:-1]:
            for band in kept_together:
                assert not band.top + 1 < page.body.bottom < band.bottom - 1


def test_a_row_taller_than_a_page_is_cut_between_lines(
    qapp: QApplication, example_order: Order
) -> None:
    data = with_items(example_order, 3).model_dump(mode="json")
    data["items"][1]["notes"] = " ".join(f"word{n}" for n in range(900))
    document = order_laid_out(qapp, Order.model_validate(data), Language.ENGLISH)
    items = items_table(document)
    tall = row_band(document, items, 2)
    height = tall.height / 3

    pages = page_slices(document, height)

    assert_whole_document_once(document, pages, height)
    inside = [p.body.bottom for p in pages if tall.top < p.body.bottom < tall.bottom]
    assert len(inside) >= 3
    note = items.cellAt(2, 0).lastCursorPosition().block()
    rect = document.documentLayout().blockBoundingRect(note)
    lines = note.layout()
    for cut in inside:
        for index in range(lines.lineCount()):
            line = lines.lineAt(index)
            top = rect.top() + line.y()
            assert not top + 0.5 < cut < top + line.height() - 0.5
    assert rect.height() > height
    # The tall row starts below what precedes it, not on a page of its own:
    # it runs over pages wherever it begins, so no page is left part blank.
    line_height = lines.lineAt(0).height()
    for page in pages[:-1]:
        assert page.height > height - 2 * line_height, page


def test_a_short_document_is_one_page(qapp: QApplication) -> None:
    document = laid_out(QTextDocument())
    document.setHtml("<p>One line.</p>")

    pages = page_slices(document, 500.0)

    assert pages == [PageSlice(Band(0.0, document.size().height()))]


def test_an_empty_document_still_prints_a_page(qapp: QApplication) -> None:
    document = laid_out(QTextDocument())

    assert len(page_slices(document, 500.0)) == 1


def test_a_page_must_have_room(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="positive height"):
        page_slices(laid_out(QTextDocument()), 0.0)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    lines=st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=40),
    height=st.floats(min_value=120.0, max_value=900.0),
)
def test_any_table_breaks_only_between_rows(
    qapp: QApplication, lines: list[int], height: float
) -> None:
    rows = "".join(
        f"<tr><td>{index}</td><td>{'<br/>'.join(['line'] * count)}</td></tr>"
        for index, count in enumerate(lines)
    )
    document = laid_out(QTextDocument(), 400.0)
    document.setHtml(
        "<h2>Title</h2><p>Some text before the table.</p>"
        f'<table border="1"><thead><tr><th>#</th><th>Text</th></tr></thead>'
        f"{rows}</table><p>After.</p>"
    )
    table = tables(document)[0]

    pages = page_slices(document, height)

    assert_whole_document_once(document, pages, height)
    header = row_band(document, table, 0)
    for row in range(1, table.rows()):
        band = row_band(document, table, row)
        if band.height + header.height * 2 < height * 0.7:
            assert holding_page(pages, band) is not None, (row, band)


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler")
def test_the_pdf_of_a_long_order_has_as_many_pages_as_cut(
    qapp: QApplication, example_order: Order, tmp_path: Path
) -> None:
    formatter = Formatter(install_language(qapp, Language.PERSIAN))
    pdf = tmp_path / "long.pdf"

    pages = order_to_pdf(tall_rows(example_order, 40), formatter, pdf, PRINTED_AT)

    info = subprocess.run(
        ["pdfinfo", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    assert pages > 2
    assert re.search(rf"^Pages:\s+{pages}$", info, re.MULTILINE)


def all_lines(document: QTextDocument) -> list[Band]:
    """Every line of text in the document, cells included."""
    layout = document.documentLayout()
    bands = []
    block = document.begin()
    while block.isValid():
        if block.text():
            rect = layout.blockBoundingRect(block)
            text_layout = block.layout()
            origin = rect.top() - text_layout.boundingRect().top()
            for index in range(text_layout.lineCount()):
                line = text_layout.lineAt(index)
                top = origin + line.y()
                bands.append(Band(top, top + line.height()))
        block = block.next()
    return bands


def test_no_page_ends_inside_a_line_even_with_spanning_cells(
    qapp: QApplication,
) -> None:
    rows = "".join(
        f'<tr><td rowspan="2">{"spanning " * (n % 7 + 1)}</td><td>{n}</td></tr>'
        f"<tr><td>{'line<br/>' * (n % 3)}end</td></tr>"
        for n in range(30)
    )
    document = laid_out(QTextDocument(), 300.0)
    document.setHtml(
        f'<table border="1"><thead><tr><th>A</th><th>B</th></tr></thead>{rows}</table>'
    )
    lines = all_lines(document)

    for height in range(150, 600, 17):
        pages = page_slices(document, float(height))

        assert_whole_document_once(document, pages, float(height))
        for page in pages[:-1]:
            cut = page.body.bottom
            assert not any(b.top + 0.5 < cut < b.bottom - 0.5 for b in lines), (
                height,
                cut,
            )
