"""Help > About: the version, the icon and the licences of what ships."""

import importlib.metadata
from collections.abc import Iterator

import pytest
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QPlainTextEdit
from pytestqt.qtbot import QtBot

from orderdesk.i18n import Language, install_language
from orderdesk.views.about_dialog import (
    ICON_SIZES,
    AboutDialog,
    app_icon,
    runtime_distributions,
    shipped_components,
)

from .support import child

# What the issue names, with the licence each must show.
EXPECTED_LICENCES = [
    ("Vazirmatn", "OFL-1.1", "SIL OPEN FONT LICENSE Version 1.1"),
    ("Qt", "LGPL-3.0", "GNU Lesser General Public License version 3"),
    ("PySide6_Essentials", "LGPL-3.0", "GNU Lesser General Public License"),
    ("httpx", "BSD-3-Clause", "Redistribution and use in source and binary"),
    ("pydantic", "MIT", "Permission is hereby granted"),
    ("keyring", "MIT", "Permission is hereby granted"),
    ("platformdirs", "MIT", "Permission is hereby granted"),
]


@pytest.fixture
def dialog(qtbot: QtBot) -> AboutDialog:
    about = AboutDialog()
    qtbot.addWidget(about)
    about.show()
    return about


@pytest.fixture
def persian(qapp: QApplication) -> Iterator[None]:
    install_language(qapp, Language.PERSIAN)
    yield
    install_language(qapp, Language.ENGLISH)


def test_the_about_page_names_the_versions(dialog: AboutDialog) -> None:
    text = child(dialog, QLabel, "about_text").text()

    assert f"Version {importlib.metadata.version('orderdesk')}" in text
    assert f"Qt {qVersion()}" in text
    assert "Record, correct and approve" in text


@pytest.mark.parametrize(("name", "licence", "phrase"), EXPECTED_LICENCES)
def test_every_shipped_licence_is_listed(
    dialog: AboutDialog, name: str, licence: str, phrase: str
) -> None:
    titles = child(dialog, QListWidget, "licence_list")
    listed = [titles.item(row).text() for row in range(titles.count())]

    assert any(t.startswith(name) and licence in t for t in listed), listed
    assert phrase in dialog.licence_text(name)


def test_choosing_a_component_shows_its_licence(dialog: AboutDialog) -> None:
    titles = child(dialog, QListWidget, "licence_list")
    text = child(dialog, QPlainTextEdit, "licence_text")
    row = next(
        r for r in range(titles.count()) if titles.item(r).text().startswith("Vazir")
    )

    titles.setCurrentRow(row)

    assert text.isReadOnly()
    assert "SIL OPEN FONT LICENSE" in text.toPlainText()


def test_only_what_ships_is_listed() -> None:
    names = {component.name.lower() for component in shipped_components()}

    # Development tools and the sandbox are not part of the application.
    for tool in ("pytest", "ruff", "mypy", "django", "orderdesk-sandbox"):
        assert tool not in names
    assert {"httpx", "pydantic", "keyring", "platformdirs"} <= names


def test_requirements_are_followed_through() -> None:
    found = {
        str(d.metadata["Name"]).lower() for d in runtime_distributions("orderdesk")
    }

    # httpx needs httpcore, which needs h11: both ship, though not named.
    assert {"orderdesk", "httpx", "httpcore", "h11"} <= found


def test_the_dialog_is_translated(qtbot: QtBot, persian: None) -> None:
    about = AboutDialog()
    qtbot.addWidget(about)

    assert about.windowTitle() == "درباره OrderDesk"


def test_the_icon_has_every_size(qapp: QApplication) -> None:
    icon = app_icon()

    assert not icon.isNull()
    sizes = {size.width() for size in icon.availableSizes()}
    assert set(ICON_SIZES) <= sizes
