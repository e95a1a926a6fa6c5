"""`orderdesk --write-pdf FILE`: the child process that saves a PDF.

Laying a long order out for print takes seconds (1,000 items and 1,000
payments, about 3 s) and PySide holds the interpreter lock through Qt's
layout calls, so no thread of the window's process can do it while the
window stays responsive. The window starts OrderDesk again in this mode
(`views.pdf_export`), writes the order as JSON to its standard input, and
carries on; this process lays the order out on Qt's offscreen platform
with the window's language and currency and writes the file.

It prints the number of pages on success. On failure it exits non-zero
with one line on standard error that names no value of the order.
"""

import logging
import os
import sys

from orderdesk.cli import WRITE_PDF_BAD_ORDER, WRITE_PDF_NOT_WRITTEN, WritePdfOptions

logger = logging.getLogger(__name__)


def write_pdf(options: WritePdfOptions) -> int:
    """Save the order on standard input as PDF; returns the exit code."""
    # Nothing is ever shown: no display, no window, no platform theme.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pydantic import ValidationError
    from PySide6.QtWidgets import QApplication

    from orderdesk.i18n import Language, install_language
    from orderdesk.models import Order
    from orderdesk.views.formatting import Currency, Formatter
    from orderdesk.views.printing import PrintError, order_to_pdf

    app = QApplication([sys.argv[0]])
    locale = install_language(app, Language(options.lang))
    formatter = Formatter(locale, Currency(options.currency))

    try:
        order = Order.model_validate_json(sys.stdin.buffer.read())
    except ValidationError:
        # pydantic's message quotes the input, which is personal data.
        print("orderdesk: the order to save as PDF could not be read", file=sys.stderr)
        return WRITE_PDF_BAD_ORDER

    try:
        pages = order_to_pdf(order, formatter, options.path)
    except PrintError as error:
        print(f"orderdesk: {error}", file=sys.stderr)
        return WRITE_PDF_NOT_WRITTEN
    print(pages)
    return 0
