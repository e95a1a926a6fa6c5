"""The interface language: which one to use, and putting it in place.

Persian turns the whole layout right to left, loads OrderDesk's translation
and Qt's own (so standard buttons read Persian too), and uses Persian digits
and the Jalali calendar through the default `QLocale`. The bundled Vazirmatn
font is the application font in both languages: its Latin letters come from
Roboto, and having it first means Persian names look the same in the English
interface and on every platform.

Everything here reads files shipped in the package; nothing touches the
network.
"""

import functools
import logging
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

logger = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parent / "resources"
FONT_DIR = RESOURCES / "fonts"
FONT_FILES = ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf")
TRANSLATIONS_DIR = RESOURCES / "translations"
# Marks the translators installed here, so a second install replaces them.
_TRANSLATOR_NAME = "orderdesk-language"


class Language(StrEnum):
    """An interface language OrderDesk is translated into."""

    PERSIAN = "fa"
    ENGLISH = "en"

    @property
    def locale_name(self) -> str:
        """The `QLocale` name used for numbers, dates and direction."""
        return "fa_IR" if self is Language.PERSIAN else "en_US"


def parse_language(value: str | None) -> Language | None:
    """The language a command line or setting names; None when unknown."""
    if not value:
        return None
    try:
        return Language(value.strip().lower())
    except ValueError:
        return None


def resolve_language(cli: str | None, setting: str | None, system: QLocale) -> Language:
    """Choose the interface language.

    Args:
        cli: The `--lang` option, if given.
        setting: The language saved in the settings, if any.
        system: The system locale, the fallback.

    Returns:
        The command line's choice, else the setting's, else Persian on a
        Persian system and English on any other. Unknown values are skipped.
    """
    for choice in (cli, setting):
        language = parse_language(choice)
        if language is not None:
            return language
    if system.language() == QLocale.Language.Persian:
        return Language.PERSIAN
    return Language.ENGLISH


def install_language(app: QApplication, language: Language) -> QLocale:
    """Put a language in place for the whole application.

    Call it before any window is built: widgets take the layout direction,
    font and translations that are in place when they are made. Calling it
    again replaces what an earlier call installed.

    Returns:
        The locale now the default, for formatting numbers and dates.
    """
    locale = QLocale(language.locale_name)
    QLocale.setDefault(locale)

    family = load_bundled_font()
    if family is not None:
        app.setFont(_application_font(app.font(), family))

    _remove_translators(app)
    if language is Language.PERSIAN:
        _install_translator(app, TRANSLATIONS_DIR, "orderdesk_fa.qm")
        _install_translator(app, _qt_translations_dir(), "qtbase_fa.qm")

    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft
        if locale.textDirection() == Qt.LayoutDirection.RightToLeft
        else Qt.LayoutDirection.LeftToRight
    )
    logger.debug("Interface language: %s", language.value)
    return locale


@functools.cache
def load_bundled_font() -> str | None:
    """Register the bundled Vazirmatn with Qt; returns its family name.

    Registered once per process. Returns None when no file could be loaded,
    so the application still starts, in the system's font.
    """
    family: str | None = None
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(FONT_DIR / name))
        families = QFontDatabase.applicationFontFamilies(font_id)
        if font_id < 0 or not families:
            logger.warning("The bundled font %s could not be loaded", name)
            continue
        family = families[0]
    return family


def _application_font(current: QFont, family: str) -> QFont:
    """The current font in the bundled family, the system's as fallback.

    The system family stays second in the list for the few symbols Vazirmatn
    lacks; Qt falls back per character.
    """
    font = QFont(current)
    system = current.families() or [current.family()]
    fallback = [name for name in system if name != family]
    font.setFamilies([family, *fallback])
    return font


def _install_translator(app: QApplication, folder: Path, file_name: str) -> None:
    translator = QTranslator()
    if not translator.load(file_name, str(folder)):
        # The interface stays usable in English; say which file is missing.
        logger.warning("Translation %s not found in %s", file_name, folder)
        return
    # The application keeps the translator alive; the name finds it again.
    translator.setParent(app)
    translator.setObjectName(_TRANSLATOR_NAME)
    app.installTranslator(translator)


def _remove_translators(app: QApplication) -> None:
    for translator in app.findChildren(QTranslator):
        if translator.objectName() == _TRANSLATOR_NAME:
            app.removeTranslator(translator)
            translator.setParent(None)


def _qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
