"""The user's preferences, kept by Qt in the platform's usual place.

Only choices live here: the interface language, how money is shown and the
servers used. Never a token or anything personal; tokens belong in the
system keyring (see `orderdesk.api.tokens`).
"""

import logging
from typing import Final

from PySide6.QtCore import QByteArray, QSettings

from orderdesk.i18n import Language, parse_language
from orderdesk.views.formatting import Currency

logger = logging.getLogger(__name__)

ORGANIZATION: Final = "OrderDesk"
APPLICATION: Final = "OrderDesk"
# More than a desk ever uses; keeps a long-lived settings file small.
MAX_KNOWN_SERVERS: Final = 20


class Key:
    """The keys written to the settings store, in one place."""

    LANGUAGE: Final = "ui/language"
    CURRENCY: Final = "ui/currency"
    LAST_SERVER: Final = "server/last"
    KNOWN_SERVERS: Final = "server/known"
    LAYOUT_PREFIX: Final = "layout/"

    ALL: Final = (LANGUAGE, CURRENCY, LAST_SERVER, KNOWN_SERVERS)


class Settings:
    """Typed access to OrderDesk's preferences.

    A value that is missing or was edited into something unknown reads as
    its default, so a damaged settings file never stops the application.

    Args:
        store: Where to keep the values; by default the user's settings of
            the organisation and application "OrderDesk". Tests pass a
            store in a temporary folder.
    """

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = (
            store if store is not None else QSettings(ORGANIZATION, APPLICATION)
        )

    @property
    def store(self) -> QSettings:
        """The underlying Qt settings object."""
        return self._store

    @property
    def language(self) -> Language | None:
        """The chosen interface language; None follows the system."""
        return parse_language(self._text(Key.LANGUAGE))

    @language.setter
    def language(self, language: Language | None) -> None:
        if language is None:
            self._store.remove(Key.LANGUAGE)
        else:
            self._store.setValue(Key.LANGUAGE, language.value)

    @property
    def currency(self) -> Currency:
        """How amounts are shown: Rial unless Toman was chosen."""
        text = self._text(Key.CURRENCY)
        try:
            return Currency(text) if text else Currency.RIAL
        except ValueError:
            logger.warning("Ignoring an unknown currency setting")
            return Currency.RIAL

    @currency.setter
    def currency(self, currency: Currency) -> None:
        self._store.setValue(Key.CURRENCY, currency.value)

    @property
    def last_server(self) -> str | None:
        """The address of the server signed in to last, if any."""
        return self._text(Key.LAST_SERVER) or None

    @property
    def known_servers(self) -> list[str]:
        """Servers signed in to before, the most recent first."""
        value = self._store.value(Key.KNOWN_SERVERS)
        # INI files give back a one-element list as a bare string.
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        return [item for item in value if isinstance(item, str) and item]

    def remember_server(self, url: str) -> None:
        """Note a server signed in to: it becomes the last and the first known."""
        servers = [url, *(known for known in self.known_servers if known != url)]
        self._store.setValue(Key.LAST_SERVER, url)
        self._store.setValue(Key.KNOWN_SERVERS, servers[:MAX_KNOWN_SERVERS])

    def forget_server(self, url: str) -> None:
        """Drop a server from the known ones, and as the last if it was."""
        servers = [known for known in self.known_servers if known != url]
        self._store.setValue(Key.KNOWN_SERVERS, servers)
        if self.last_server == url:
            self._store.remove(Key.LAST_SERVER)

    def layout(self, name: str) -> QByteArray | None:
        """A saved layout (window geometry, header state), if any."""
        value = self._store.value(Key.LAYOUT_PREFIX + name)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_layout(self, name: str, state: QByteArray) -> None:
        """Keep a layout, as Qt's saveGeometry/saveState wrote it."""
        self._store.setValue(Key.LAYOUT_PREFIX + name, state)

    def sync(self) -> None:
        """Write pending changes to disk now rather than at exit."""
        self._store.sync()

    def _text(self, key: str) -> str:
        value = self._store.value(key)
        return value.strip() if isinstance(value, str) else ""
