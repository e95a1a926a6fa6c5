"""Where the printed pages of a laid-out document begin and end.

Qt's own pagination moves each line of a table cell to the next page on its
own, so a row of several lines (a long product name, a note) can begin at
the foot of one page and end at the head of the next. Here the document is
laid out once as one long column and cut only where nothing is split:
between the lines of a paragraph, before a block or a table, and between
table rows. A heading stays with what follows it, and a table's header row
with its first row. A page that continues a table repeats its header rows.

Only a row taller than a whole page is cut inside, between two lines of
its text where possible, so nothing is ever left out; it starts right
below what comes before it, as it would run over pages wherever it began.
"""

import logging
from bisect import bisect_right
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QTextBlock,
    QTextDocument,
    QTextTable,
)

logger = logging.getLogger(__name__)

# Where between two rows a cut falls, as a share of the gap between their
# texts: past the middle, where the border is drawn, so the border stays
# with the row above and the page below starts in the next row's padding.
CUT_INTO_GAP = 0.75
# Cuts closer than this to the start of a page make no progress.
MIN_ADVANCE = 1.0
# Layout positions are fractional; a cut this close to a line's edge is on it.
TOLERANCE = 0.5


@dataclass(frozen=True)
class Band:
    """A horizontal strip of the laid-out document, from top to bottom."""

    top: float
    bottom: float

    @property
    def height(self) -> float:
        """How tall the strip is."""
        return self.bottom - self.top


@dataclass(frozen=True)
class PageSlice:
    """What one printed page shows of the document.

    Attributes:
        body: The strip of the document the page carries.
        header: The header rows of the table the page continues, painted
            above the body; None when the page continues no table.
    """

    body: Band
    header: Band | None = None

    @property
    def height(self) -> float:
        """The height the page's content takes."""
        return self.body.height + (self.header.height if self.header else 0.0)


@dataclass
class _TableSpan:
    """Where a table with header rows lies, and the band of those rows."""

    top: float
    bottom: float
    header: Band


@dataclass
class _Cuts:
    """The places a page may end, and the strips no cut may enter."""

    # Before blocks and tables, between lines and rows: nothing is split.
    clean: list[float] = field(default_factory=list)
    # Between lines of text inside a row: only for a row taller than a page.
    inside_rows: list[float] = field(default_factory=list)
    # Lines of text and the text of whole table rows.
    occupied: list[Band] = field(default_factory=list)
    tables: list[_TableSpan] = field(default_factory=list)

    def usable(self) -> tuple[list[float], list[float]]:
        """The clean and the inside-row cuts, sorted, that enter no strip."""
        strips = _merge_overlapping(self.occupied)
        tops = [strip.top for strip in strips]

        def outside(y: float) -> bool:
            index = bisect_right(tops, y) - 1
            return index < 0 or not (
                strips[index].top + TOLERANCE < y < strips[index].bottom - TOLERANCE
            )

        clean = sorted({y for y in self.clean if outside(y)})
        return clean, sorted(set(self.inside_rows))


def page_slices(document: QTextDocument, page_height: float) -> list[PageSlice]:
    """Cut a document into pages of at most `page_height`.

    The document must be laid out without pages of its own (its page height
    negative, as `QTextDocument.setTextWidth` leaves it), in the units of the
    device it is painted on.

    Args:
        document: The laid-out document.
        page_height: The height each page has for the document.

    Returns:
        The pages in order; together they hold the whole document once.
    """
    if page_height <= 0:
        raise ValueError("a page must have a positive height")

    cuts = _collect_cuts(document)
    clean, inside_rows = cuts.usable()
    end = document.size().height()

    slices: list[PageSlice] = []
    start = 0.0
    while end - start > MIN_ADVANCE or not slices:
        header = _continued_header(cuts.tables, start)
        # A header that leaves too little room is not repeated.
        if header is not None and header.height > page_height / 4:
            header = None
        limit = start + page_height - (header.height if header else 0.0)

        cut = (
            end
            if limit >= end
            else _page_end(clean, inside_rows, start, limit, page_height)
        )
        slices.append(PageSlice(Band(start, cut), header))
        start = cut
    return slices


def paint_slice(
    painter: QPainter, document: QTextDocument, page: PageSlice, width: float
) -> None:
    """Paint one page's strips at the painter's origin, header first."""
    y = 0.0
    if page.header is not None:
        _paint_band(painter, document, page.header, y, width)
        y += page.header.height
    _paint_band(painter, document, page.body, y, width)


def _paint_band(
    painter: QPainter, document: QTextDocument, band: Band, y: float, width: float
) -> None:
    painter.save()
    painter.translate(0, y - band.top)
    document.drawContents(painter, QRectF(0, band.top, width, band.height))
    painter.restore()


def _page_end(
    clean: list[float],
    inside_rows: list[float],
    start: float,
    limit: float,
    page_height: float,
) -> float:
    """Where a page from `start` ends: the last clean cut that fits, if any.

    What follows that cut may be a row taller than any page, which will be
    cut inside wherever it starts; then the page is filled with its start
    rather than left blank below the cut.
    """
    cut = _last_before(clean, start, limit)
    if cut is not None:
        following = bisect_right(clean, cut)
        next_clean = clean[following] if following < len(clean) else None
        if next_clean is None or next_clean - cut <= page_height:
            return cut

    # Only a row taller than the page gets here.
    inside = _last_before(inside_rows, max(start, cut or start), limit)
    logger.debug("A row taller than a page is cut at %.1f", inside or limit)
    if inside is not None:
        return inside
    return cut if cut is not None else limit


def _last_before(cuts: list[float], start: float, limit: float) -> float | None:
    """The last cut at or before `limit` that moves past `start`."""
    index = bisect_right(cuts, limit) - 1
    if index >= 0 and cuts[index] - start >= MIN_ADVANCE:
        return cuts[index]
    return None


def _continued_header(tables: list[_TableSpan], start: float) -> Band | None:
    """The header band of the table a page starting at `start` continues."""
    for table in tables:
        if table.header.bottom <= start < table.bottom - MIN_ADVANCE:
            return table.header
        if table.top > start:
            break
    return None


def _collect_cuts(document: QTextDocument) -> _Cuts:
    """Every place a page may end, from the document's top-level flow."""
    layout = document.documentLayout()
    cuts = _Cuts()
    keep_with_next = False
    it = document.rootFrame().begin()
    while not it.atEnd():
        frame = it.currentFrame()
        block = it.currentBlock()
        if isinstance(frame, QTextTable):
            rect = layout.frameBoundingRect(frame)
            if not keep_with_next:
                cuts.clean.append(rect.top())
            _collect_table_cuts(layout, frame, rect, cuts)
            cuts.clean.append(rect.bottom())
            keep_with_next = False
        elif frame is None and block.text():
            # Empty blocks carry no ink; Qt also places one beside each
            # table, where its rectangle would mislead.
            rect = layout.blockBoundingRect(block)
            lines = _line_bands(block, rect)
            heading = block.blockFormat().headingLevel() > 0
            if not keep_with_next:
                cuts.clean.append(rect.top())
            if not heading:
                cuts.clean.extend(line.bottom for line in lines)
            cuts.occupied.extend(lines)
            keep_with_next = heading
        it += 1
    return cuts


def _collect_table_cuts(
    layout: QAbstractTextDocumentLayout, table: QTextTable, rect: QRectF, cuts: _Cuts
) -> None:
    """Cuts between the rows of a table, and its header band if it has one."""
    rows = [_row_lines(layout, table, row) for row in range(table.rows())]
    header_rows = min(table.format().headerRowCount(), len(rows))

    # The cut above each row that has text of its own (a row covered by
    # a cell spanning from above has none, and no cut above it).
    above: dict[int, float] = {}
    upper: Band | None = None
    for row, lines in enumerate(rows):
        if not lines:
            continue
        lower = _extent(lines)
        if upper is not None:
            above[row] = upper.bottom + (lower.top - upper.bottom) * CUT_INTO_GAP
        cuts.occupied.append(lower)
        cuts.inside_rows.extend(_clear_line_ends(lines))
        upper = lower

    # A header row stays with the first row below it.
    cuts.clean.extend(y for row, y in above.items() if row > header_rows)
    if header_rows > 0 and header_rows in above:
        header = Band(rect.top(), above[header_rows])
        cuts.tables.append(_TableSpan(rect.top(), rect.bottom(), header))


def _row_lines(
    layout: QAbstractTextDocumentLayout, table: QTextTable, row: int
) -> list[Band]:
    """Every line of text in the cells that begin in a row."""
    lines: list[Band] = []
    for block in _row_blocks(table, row):
        lines.extend(_line_bands(block, layout.blockBoundingRect(block)))
    return lines


def _extent(bands: list[Band]) -> Band:
    """From the highest top to the lowest bottom of some bands."""
    return Band(min(b.top for b in bands), max(b.bottom for b in bands))


def _clear_line_ends(lines: list[Band]) -> list[float]:
    """The line ends that cut no other line: a row's cuts of last resort."""
    return [
        band.bottom
        for band in lines
        if not any(other.top < band.bottom < other.bottom for other in lines)
    ]


def _merge_overlapping(bands: list[Band]) -> list[Band]:
    """Bands that overlap joined into one; bands that only touch kept apart."""
    merged: list[Band] = []
    for band in sorted(bands, key=lambda b: b.top):
        if merged and band.top < merged[-1].bottom - TOLERANCE:
            last = merged[-1]
            merged[-1] = Band(last.top, max(last.bottom, band.bottom))
        else:
            merged.append(band)
    return merged


def _row_blocks(table: QTextTable, row: int) -> list[QTextBlock]:
    """The text blocks of the cells that begin in a row."""
    blocks: list[QTextBlock] = []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() != row or cell.column() != column:
            continue
        block = cell.firstCursorPosition().block()
        last = cell.lastCursorPosition().block()
        while block.isValid():
            blocks.append(block)
            if block == last:
                break
            block = block.next()
    return blocks


def _line_bands(block: QTextBlock, rect: QRectF) -> list[Band]:
    """Each line of a laid-out block, in document coordinates."""
    text_layout = block.layout()
    origin = rect.top() - text_layout.boundingRect().top()
    bands = []
    for index in range(text_layout.lineCount()):
        line = text_layout.lineAt(index)
        bands.append(Band(origin + line.y(), origin + line.y() + line.height()))
    return bands
