"""Choosing and installing the interface language, and the bundled font."""

import re
import shutil
import subprocess
import sysconfig
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication

import orderdesk
from orderdesk.i18n import (
    FONT_DIR,
    FONT_FILES,
    TRANSLATIONS_DIR,
    Language,
    install_language,
    load_bundled_font,
    parse_language,
    resolve_language,
)
from orderdesk.views.i18n import tr

PERSIAN_SYSTEM = QLocale(QLocale.Language.Persian, QLocale.Country.Iran)
ENGLISH_SYSTEM = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
GERMAN_SYSTEM = QLocale(QLocale.Language.German, QLocale.Country.Germany)

# Text the interface shows every day: names, methods, places, digits, units.
PERSIAN_SAMPLES = (
    "بهروز قربانی",
    "پرداخت در محل",
    "آذربایجان شرقی",
    "۰۱۲۳۴۵۶۷۸۹",
    "٠١٢٣٤٥٦٧٨٩",
    "ریال",
    "تومان",
    "۱٬۲۵۰٬۰۰۰٫۵",
    "پرداخت‌ها",
    "تأیید شده",
    "هزینهٔ ارسال",
    "«ذخیره»؛ چرا؟",
    "ژ پ چ گ ک ی ئ ؤ إ أ ة",
)


@pytest.fixture
def language_restored(qapp: QApplication) -> Iterator[QApplication]:
    """The application, put back as it was after the test.

    The application object lives for the whole session: a translator or
    locale left behind would change what later tests see.
    """
    font = qapp.font()
    locale = QLocale()
    direction = qapp.layoutDirection()
    yield qapp
    install_language(qapp, Language.ENGLISH)
    qapp.setFont(font)
    QLocale.setDefault(locale)
    qapp.setLayoutDirection(direction)


@pytest.mark.parametrize(
    ("cli", "setting", "system", "expected"),
    [
        ("fa", "en", ENGLISH_SYSTEM, Language.PERSIAN),
        ("en", "fa", PERSIAN_SYSTEM, Language.ENGLISH),
        (None, "fa", ENGLISH_SYSTEM, Language.PERSIAN),
        (None, "en", PERSIAN_SYSTEM, Language.ENGLISH),
        (None, None, PERSIAN_SYSTEM, Language.PERSIAN),
        (None, None, ENGLISH_SYSTEM, Language.ENGLISH),
        (None, None, GERMAN_SYSTEM, Language.ENGLISH),
        ("", "", PERSIAN_SYSTEM, Language.PERSIAN),
        (None, "klingon", PERSIAN_SYSTEM, Language.PERSIAN),
        ("FA", None, ENGLISH_SYSTEM, Language.PERSIAN),
    ],
)
def test_language_precedence(
    cli: str | None, setting: str | None, system: QLocale, expected: Language
) -> None:
    assert resolve_language(cli, setting, system) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fa", Language.PERSIAN),
        (" en ", Language.ENGLISH),
        ("de", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_language(text: str | None, expected: Language | None) -> None:
    assert parse_language(text) is expected


@pytest.mark.parametrize(
    ("language", "direction", "locale_language"),
    [
        (Language.PERSIAN, Qt.LayoutDirection.RightToLeft, QLocale.Language.Persian),
        (Language.ENGLISH, Qt.LayoutDirection.LeftToRight, QLocale.Language.English),
    ],
)
def test_layout_direction_and_locale_follow_the_language(
    language_restored: QApplication,
    language: Language,
    direction: Qt.LayoutDirection,
    locale_language: QLocale.Language,
) -> None:
    locale = install_language(language_restored, language)

    assert language_restored.layoutDirection() == direction
    assert locale.language() == locale_language
    assert QLocale().language() == locale_language


def test_persian_translates_the_interface(language_restored: QApplication) -> None:
    install_language(language_restored, Language.PERSIAN)

    assert tr("Approved") == "تأیید شده"
    assert tr("Rial") == "ریال"
    assert tr("Order %1").replace("%1", "۲") == "سفارش ۲"


def test_persian_translates_qt_standard_buttons(
    language_restored: QApplication,
) -> None:
    install_language(language_restored, Language.PERSIAN)

    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"


def test_english_removes_the_translators(language_restored: QApplication) -> None:
    install_language(language_restored, Language.PERSIAN)
    install_language(language_restored, Language.ENGLISH)

    assert tr("Approved") == "Approved"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


@pytest.mark.parametrize("language", list(Language))
def test_the_application_font_is_the_bundled_one(
    language_restored: QApplication, language: Language
) -> None:
    install_language(language_restored, language)

    assert language_restored.font().families()[0] == "Vazirmatn"


def test_the_bundled_font_has_regular_and_bold(qapp: QApplication) -> None:
    family = load_bundled_font()

    assert family == "Vazirmatn"
    assert {"Regular", "Bold"} <= set(QFontDatabase.styles(family))


@pytest.mark.parametrize("file_name", FONT_FILES)
@pytest.mark.parametrize("text", PERSIAN_SAMPLES)
def test_the_bundled_font_has_every_persian_glyph(
    qapp: QApplication, file_name: str, text: str
) -> None:
    font = QRawFont(str(FONT_DIR / file_name), 16)
    assert font.isValid()

    # By code point: PySide6 turns a one-letter str into a QChar that loses
    # anything outside Latin-1, and every Persian letter would look missing.
    missing = [
        f"U+{ord(ch):04X}"
        for ch in text
        if ch != " " and not font.supportsCharacter(ord(ch))
    ]

    assert not missing, f"{file_name} lacks {missing} of {text!r}"


def test_the_font_licence_ships_beside_the_font() -> None:
    licence = (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")

    assert "SIL OPEN FONT LICENSE Version 1.1" in licence


# The translation catalogue: complete, compiled, and faithful to the source.
# `uv run python tools/update_translations.py` fixes the first two.

PACKAGE = Path(orderdesk.__file__).resolve().parent
TS_FILE = TRANSLATIONS_DIR / "orderdesk_fa.ts"
QM_FILE = TRANSLATIONS_DIR / "orderdesk_fa.qm"
UPDATE_HINT = "run `uv run python tools/update_translations.py`, translate, commit"
PLACEHOLDER = re.compile(r"%\d")
# Arabic letters that look like Persian ones but sort and search differently.
ARABIC_LOOKALIKES = {"\u064a": "ARABIC YEH", "\u0643": "ARABIC KAF"}


@dataclass(frozen=True)
class Message:
    """One message of a `.ts` file."""

    source: str
    translation: str
    state: str


def read_ts(path: Path) -> list[Message]:
    """The current (not vanished or obsolete) messages of a `.ts` file."""
    # Our own committed file or one lupdate just wrote, not outside input.
    root = ElementTree.parse(path).getroot()  # noqa: S314
    messages = []
    for element in root.iter("message"):
        translation = element.find("translation")
        state = "" if translation is None else translation.get("type", "")
        if state in {"vanished", "obsolete"}:
            continue
        messages.append(
            Message(
                source=element.findtext("source", ""),
                translation="" if translation is None else translation.text or "",
                state=state,
            )
        )
    return messages


def qt_tool(name: str) -> str:
    """A Qt tool installed with PySide6, such as `pyside6-lupdate`."""
    found = shutil.which(name, path=sysconfig.get_path("scripts")) or shutil.which(name)
    assert found is not None, f"{name} is not installed"
    return found


@pytest.fixture(scope="module")
def committed() -> list[Message]:
    """The messages of the committed Persian catalogue."""
    return read_ts(TS_FILE)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """Every interface string lupdate finds in the source today."""
    ts_file = tmp_path_factory.mktemp("lupdate") / "extracted_fa.ts"
    sources = sorted(
        str(path) for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts
    )
    subprocess.run(
        [qt_tool("pyside6-lupdate"), *sources, "-ts", str(ts_file), "-silent"],
        check=True,
    )
    return {message.source for message in read_ts(ts_file)}


def test_the_catalogue_has_every_string_of_the_source(
    committed: list[Message], extracted: set[str]
) -> None:
    missing = extracted - {message.source for message in committed}

    assert not missing, f"Not in {TS_FILE.name}: {sorted(missing)}; {UPDATE_HINT}"


def test_the_catalogue_has_no_string_gone_from_the_source(
    committed: list[Message], extracted: set[str]
) -> None:
    stale = {message.source for message in committed} - extracted

    assert not stale, f"No longer in the source: {sorted(stale)}; {UPDATE_HINT}"


def test_every_message_is_translated(committed: list[Message]) -> None:
    untranslated = [
        message.source
        for message in committed
        if message.state == "unfinished" or not message.translation.strip()
    ]

    assert not untranslated, f"Untranslated: {untranslated}; {UPDATE_HINT}"


def test_the_compiled_catalogue_matches_its_source(tmp_path: Path) -> None:
    compiled = tmp_path / "orderdesk_fa.qm"
    subprocess.run(
        [qt_tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(compiled), "-silent"],
        check=True,
    )

    assert QM_FILE.read_bytes() == compiled.read_bytes(), (
        f"{QM_FILE.name} is older than {TS_FILE.name}; {UPDATE_HINT}"
    )


def test_translations_keep_their_placeholders(committed: list[Message]) -> None:
    broken = [
        message.source
        for message in committed
        if sorted(PLACEHOLDER.findall(message.source))
        != sorted(PLACEHOLDER.findall(message.translation))
    ]

    assert not broken, f"Placeholders differ in the translation of: {broken}"


def test_translations_keep_their_shortcut_letters(committed: list[Message]) -> None:
    def has_mnemonic(text: str) -> bool:
        return "&" in text.replace("&&", "")

    broken = [
        message.source
        for message in committed
        if has_mnemonic(message.source) != has_mnemonic(message.translation)
    ]

    assert not broken, f"A shortcut letter (&) is lost or added in: {broken}"


def test_translations_use_persian_letters(committed: list[Message]) -> None:
    found = [
        f"{name} in {message.translation!r}"
        for message in committed
        for letter, name in ARABIC_LOOKALIKES.items()
        if letter in message.translation
    ]

    assert not found, f"Use the Persian letter instead: {found}"
