"""The user's preferences, in a settings file of the test's own."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from orderdesk.i18n import Language
from orderdesk.settings import MAX_KNOWN_SERVERS, Key, Settings
from orderdesk.views.formatting import Currency


@pytest.fixture
def ini_file(tmp_path: Path) -> Path:
    """Where this test's settings are written; never the user's own."""
    return tmp_path / "OrderDesk.ini"


@pytest.fixture
def settings(ini_file: Path) -> Settings:
    """Preferences kept in the test's temporary INI file."""
    return Settings(QSettings(str(ini_file), QSettings.Format.IniFormat))


def reopen(ini_file: Path) -> Settings:
    """The same file read afresh, as at the next start."""
    return Settings(QSettings(str(ini_file), QSettings.Format.IniFormat))


def test_defaults_follow_the_system_and_show_rial(settings: Settings) -> None:
    assert settings.language is None
    assert settings.currency is Currency.RIAL
    assert settings.last_server is None
    assert settings.known_servers == []


@pytest.mark.parametrize("language", list(Language))
def test_language_is_kept(
    settings: Settings, ini_file: Path, language: Language
) -> None:
    settings.language = language
    settings.sync()

    assert reopen(ini_file).language is language


def test_no_language_means_the_system_one(settings: Settings) -> None:
    settings.language = Language.PERSIAN
    settings.language = None

    assert settings.language is None
    assert not settings.store.contains(Key.LANGUAGE)


@pytest.mark.parametrize("currency", list(Currency))
def test_currency_is_kept(
    settings: Settings, ini_file: Path, currency: Currency
) -> None:
    settings.currency = currency
    settings.sync()

    assert reopen(ini_file).currency is currency


@pytest.mark.parametrize(
    ("key", "stored"),
    [(Key.LANGUAGE, "klingon"), (Key.CURRENCY, "dollar"), (Key.CURRENCY, "")],
)
def test_unknown_values_read_as_defaults(
    settings: Settings, key: str, stored: str
) -> None:
    settings.store.setValue(key, stored)

    assert settings.language is None
    assert settings.currency is Currency.RIAL


def test_servers_are_remembered_most_recent_first(
    settings: Settings, ini_file: Path
) -> None:
    settings.remember_server("https://a.example")
    settings.remember_server("https://b.example")
    settings.remember_server("https://a.example")
    settings.sync()

    again = reopen(ini_file)
    assert again.last_server == "https://a.example"
    assert again.known_servers == ["https://a.example", "https://b.example"]


def test_one_known_server_survives_a_restart(
    settings: Settings, ini_file: Path
) -> None:
    settings.remember_server("https://a.example")
    settings.sync()

    assert reopen(ini_file).known_servers == ["https://a.example"]


def test_known_servers_are_bounded(settings: Settings) -> None:
    for number in range(MAX_KNOWN_SERVERS + 5):
        settings.remember_server(f"https://shop{number}.example")

    assert len(settings.known_servers) == MAX_KNOWN_SERVERS
    assert settings.known_servers[0] == f"https://shop{MAX_KNOWN_SERVERS + 4}.example"


def test_forgetting_a_server(settings: Settings) -> None:
    settings.remember_server("https://a.example")
    settings.remember_server("https://b.example")

    settings.forget_server("https://b.example")

    assert settings.known_servers == ["https://a.example"]
    assert settings.last_server is None


def test_the_last_server_key_is_the_one_startup_reads(settings: Settings) -> None:
    settings.remember_server("https://a.example")

    assert settings.store.value("server/last") == "https://a.example"


def test_no_key_holds_a_token(settings: Settings, ini_file: Path) -> None:
    settings.language = Language.PERSIAN
    settings.currency = Currency.TOMAN
    settings.remember_server("https://a.example")
    settings.sync()

    keys = [*Key.ALL, *settings.store.allKeys()]
    assert not [key for key in keys if "token" in key.lower()]
    assert "token" not in ini_file.read_text(encoding="utf-8").lower()
