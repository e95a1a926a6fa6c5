"""How money, numbers, dates and server text are shown to people.

Everything here follows one `QLocale`: Persian digits and the Jalali calendar
when the interface is Persian, Western digits and the Gregorian calendar in
English. Formatting never raises: a value it cannot show becomes a dash.
"""

from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import (
    QCalendar,
    QDateTime,
    QLocale,
    Qt,
    QTimeZone,
)
from PySide6.QtGui import Qt as QtGuiQt

from orderdesk.i18n import Language
from orderdesk.views.i18n import tr

EM_DASH = "—"

# Directional isolates keep a Latin run (a phone number in Persian text) or a
# right-to-left name (in English text) from reordering what stands around it.
_FSI, _LRI, _PDI = "\u2068", "\u2066", "\u2069"
# A mark of the interface's direction before a value makes the paragraph
# take that direction, so values align with the layout whatever their script.
_LRM, _RLM = "\u200e", "\u200f"
_BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# QLocale formats 64-bit integers; a larger id or count from a broken server
# would make it raise OverflowError inside a paint or a model's data().
_QT_INTEGERS = range(-(2**63), 2**63)


class Currency(StrEnum):
    """How amounts held in Rial are displayed."""

    RIAL = "rial"
    TOMAN = "toman"


class Formatter:
    """Formats values for one interface language and currency display.

    Args:
        locale: The interface locale; its digits and calendar are used.
        currency: Whether amounts are shown in Rial or in Toman.
    """

    def __init__(self, locale: QLocale, currency: Currency = Currency.RIAL) -> None:
        self.locale = locale
        self.currency = currency
        persian = locale.language() == QLocale.Language.Persian
        self.language = Language.PERSIAN if persian else Language.ENGLISH
        system = QCalendar.System.Jalali if persian else QCalendar.System.Gregorian
        self._calendar = QCalendar(system)

    @property
    def is_right_to_left(self) -> bool:
        """Whether the interface language is written right to left."""
        return self.locale.textDirection() == Qt.LayoutDirection.RightToLeft

    def text(self, value: str | None) -> str:
        """Server text, cleaned and isolated, aligned with the interface.

        Returns "" for missing or empty text, so callers can fall back.
        """
        cleaned = clean(value)
        if not cleaned.strip():
            return ""
        return self._mark + _FSI + cleaned + _PDI

    def latin(self, value: str | None) -> str:
        """A Latin run (phone, key, transaction id) kept left to right."""
        cleaned = clean(value)
        if not cleaned.strip():
            return ""
        return self._mark + _LRI + cleaned + _PDI

    @property
    def _mark(self) -> str:
        return _RLM if self.is_right_to_left else _LRM

    def number(self, value: int | None) -> str:
        """A whole number with the locale's digits and grouping."""
        if value is None or int(value) not in _QT_INTEGERS:
            return EM_DASH
        return self.locale.toString(int(value))

    def money(self, amount: int | None) -> str:
        """An amount held in Rial, shown in the chosen currency with its unit."""
        if amount is None or amount not in _QT_INTEGERS:
            return EM_DASH
        return f"{self.money_figure(amount)} {self.currency_unit()}"

    def money_figure(self, amount: int) -> str:
        """An amount held in Rial as a grouped figure, without its unit."""
        if amount not in _QT_INTEGERS:
            return EM_DASH
        if self.currency is Currency.RIAL:
            return self.locale.toString(amount)

        # A Toman is ten Rial: show the tenth rather than round money away.
        tomans, rials = divmod(abs(amount), 10)
        sign = "-" if amount < 0 else ""
        figure = self.locale.toString(tomans)
        if rials:
            figure += self.locale.decimalPoint() + self.locale.toString(rials)
        return sign + figure

    def currency_unit(self) -> str:
        """The name of the displayed currency unit."""
        return tr("Toman") if self.currency is Currency.TOMAN else tr("Rial")

    def date_time(self, value: datetime | None) -> str:
        """A timestamp in local time, in the interface's calendar."""
        if value is None:
            return EM_DASH
        try:
            moment = QDateTime.fromMSecsSinceEpoch(
                round(value.timestamp() * 1000), QTimeZone.utc()
            ).toLocalTime()
        except (OverflowError, OSError, ValueError):
            return EM_DASH
        return self.locale.toString(
            moment, QLocale.FormatType.ShortFormat, self._calendar
        )


def clean(text: str | None) -> str:
    """Server text without bidi control characters.

    A name or note carrying an override character could otherwise reorder
    the interface text around it.
    """
    if not text:
        return ""
    return "".join(ch for ch in text if ch not in _BIDI_CONTROLS)


def or_dash(text: str | None) -> str:
    """The text, or an em dash when there is none."""
    return text if text and text.strip() else EM_DASH


def tooltip_text(text: str | None) -> str | None:
    """Server text made into a tooltip that cannot turn into rich text.

    Qt guesses whether a tooltip is rich text; escaping it ourselves means a
    note holding `<img src=...>` shows those characters and fetches nothing.
    """
    if not text:
        return None
    escaped: str = QtGuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpacePre)
    return escaped
