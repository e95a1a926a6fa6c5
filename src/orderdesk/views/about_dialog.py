"""Help > About: the version, the application icon, and the licences of what ships.

The licences are read from what is installed or bundled, so the dialog lists
the components a build really carries: the bundled Vazirmatn font with its
OFL text from the resources folder, Qt and PySide6, Python, and every Python
distribution OrderDesk depends on, directly or not, with the licence text its
package metadata holds. The build copies that metadata (see
`packaging/orderdesk.spec`), so a built application shows the same texts.
"""

import functools
import importlib.metadata
import logging
import platform
import re
from dataclasses import dataclass
from pathlib import Path

import PySide6
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from orderdesk.i18n import FONT_DIR, RESOURCES
from orderdesk.views.i18n import tr
from orderdesk.views.widgets import plain_label

logger = logging.getLogger(__name__)

APPLICATION = "orderdesk"
ICON_DIR = RESOURCES / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# The name before any version, extra or marker in a requirement string.
_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_LICENCE_FILES = ("LICENSE", "LICENSE.txt", "LICENSE.md", "LICENCE", "COPYING")

QT_NOTICE = """\
Qt and Qt for Python (PySide6) are made by The Qt Company and others and are
used under the GNU Lesser General Public License version 3 (LGPL-3.0).

OrderDesk links to them dynamically: the Qt and PySide6 libraries are kept as
separate files in the application's folder, and you may replace them with
versions of your own. Their source code is available from
https://download.qt.io/official_releases/QtForPython/ and the licence text
from https://www.gnu.org/licenses/lgpl-3.0.html.
"""

PYTHON_NOTICE = """\
The Python interpreter and its standard library are distributed under the
Python Software Foundation License Version 2 (PSF-2.0).
See https://docs.python.org/3/license.html for the full text.
"""

# The same text as LICENSE at the top of the repository.
ORDERDESK_NOTICE = """\
MIT License

Copyright (c) 2026 The OrderDesk developers

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


@dataclass(frozen=True)
class Component:
    """A piece of software that ships with OrderDesk.

    Attributes:
        name: What it is called.
        version: Its version, or "" when not known.
        licence: The licence's short name or SPDX expression.
        text: The licence text or notice to show.
    """

    name: str
    version: str
    licence: str
    text: str

    @property
    def title(self) -> str:
        """One line naming the component, its version and its licence."""
        version = f" {self.version}" if self.version else ""
        return f"{self.name}{version} — {self.licence}"


def app_icon() -> QIcon:
    """OrderDesk's icon, in every size rendered from its SVG source.

    PNGs rather than the SVG itself: reading them needs no image plugin, so
    the icon shows in a build that leaves QtSvg out.
    """
    icon = QIcon()
    for size in ICON_SIZES:
        path = ICON_DIR / f"orderdesk-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    if icon.isNull():
        logger.warning("No application icon found in %s", ICON_DIR)
    return icon


def application_version() -> str:
    """OrderDesk's version from its package metadata, or "" when missing."""
    try:
        return importlib.metadata.version(APPLICATION)
    except importlib.metadata.PackageNotFoundError:
        # A build made without the metadata; the dialog says "unknown".
        logger.warning("OrderDesk's package metadata is missing")
        return ""


@functools.cache
def shipped_components() -> tuple[Component, ...]:
    """Everything that ships with OrderDesk, with its licence.

    The font, Qt and Python first, then each installed distribution that
    OrderDesk requires, directly or through another, sorted by name.
    """
    fixed = (
        Component("OrderDesk", application_version(), "MIT", ORDERDESK_NOTICE),
        Component("Vazirmatn", "33.0.3", "OFL-1.1", _read(FONT_DIR / "OFL.txt")),
        Component("Qt", qVersion(), "LGPL-3.0", QT_NOTICE),
        Component("Python", platform.python_version(), "PSF-2.0", PYTHON_NOTICE),
    )
    found = [
        _component(distribution)
        for distribution in runtime_distributions(APPLICATION)
        if _name(distribution).lower() != APPLICATION
    ]
    return fixed + tuple(sorted(found, key=lambda c: c.name.lower()))


def runtime_distributions(root: str) -> list[importlib.metadata.Distribution]:
    """The installed distributions `root` needs to run, itself included.

    Requirements behind an extra are left out; requirements for another
    platform are not installed, so they are left out too.
    """
    seen: dict[str, importlib.metadata.Distribution] = {}
    pending = [root]
    while pending:
        name = pending.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            distribution = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        seen[key] = distribution
        for requirement in distribution.requires or []:
            match = _REQUIREMENT_NAME.match(requirement)
            if match and "extra" not in requirement.partition(";")[2]:
                pending.append(match.group(1))
    return list(seen.values())


def _component(distribution: importlib.metadata.Distribution) -> Component:
    name = _name(distribution)
    licence = _licence_name(distribution)
    text = _licence_text(distribution)
    # The PySide6 wheels carry no licence file; Qt's notice covers them.
    if not text and name.lower().startswith(("pyside6", "shiboken6")):
        text = QT_NOTICE
    return Component(name, distribution.version, licence, text or licence)


def _name(distribution: importlib.metadata.Distribution) -> str:
    return _field(distribution, "Name")


def _field(distribution: importlib.metadata.Distribution, key: str) -> str:
    """A metadata field, or "" when absent.

    Indexing a missing field gives None from the standard library and raises
    KeyError from the `importlib_metadata` backport; `get_all` does neither.
    """
    values = distribution.metadata.get_all(key) or [""]
    return str(values[0])


def _licence_name(distribution: importlib.metadata.Distribution) -> str:
    """The SPDX expression, else a short License field, else the classifier."""
    expression = _field(distribution, "License-Expression")
    if expression:
        return expression
    short = _field(distribution, "License").strip()
    # Older packages put the whole licence text in this field.
    if short and "\n" not in short and len(short) < 60:
        return short
    for classifier in distribution.metadata.get_all("Classifier") or []:
        if classifier.startswith("License ::"):
            return str(classifier).rsplit("::", 1)[1].strip()
    return "—"


def _licence_text(distribution: importlib.metadata.Distribution) -> str:
    """The licence files the distribution's metadata carries, joined.

    Returns "" when the metadata carries none.
    """
    names = distribution.metadata.get_all("License-File") or list(_LICENCE_FILES)
    texts: list[str] = []
    for name in names:
        # Metadata 2.4 keeps them under licenses/, older ones beside METADATA.
        text = distribution.read_text(f"licenses/{name}") or distribution.read_text(
            name
        )
        if text and text.strip() not in texts:
            texts.append(text.strip())
    if texts:
        return "\n\n".join(texts)
    return ""


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        logger.warning("Licence file %s is missing", path)
        return ""


class AboutDialog(QDialog):
    """Help > About: what OrderDesk is, its version, and what ships with it.

    Two tabs: "About" with the icon, version and the Qt, PySide6 and Python
    versions; "Licences" with every shipped component in a list and the
    selected one's licence text beside it, read-only.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(tr("About OrderDesk"))
        self._components = shipped_components()

        tabs = QTabWidget(self)
        tabs.addTab(self._build_about(), tr("About"))
        tabs.addTab(self._build_licences(), tr("Licences"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        about_qt = buttons.addButton(
            tr("About &Qt"), QDialogButtonBox.ButtonRole.ActionRole
        )
        about_qt.clicked.connect(lambda: QMessageBox.aboutQt(self))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(680, 520)

    def licence_text(self, name: str) -> str:
        """The licence text shown for a component, for tests and tools."""
        for component in self._components:
            if component.name.lower() == name.lower():
                return component.text
        raise KeyError(name)

    def _build_about(self) -> QWidget:
        page = QWidget(self)
        icon = QLabel(page)
        icon.setPixmap(app_icon().pixmap(96, 96))
        icon.setAccessibleName(tr("OrderDesk icon"))

        # A mark of the interface's direction starts each paragraph: one that
        # begins with a Latin name would otherwise run left to right.
        rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        mark = "\u200f" if rtl else "\u200e"
        name = plain_label(mark + tr("OrderDesk"), page)
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        name.setFont(font)

        version = application_version() or tr("unknown")
        lines = [
            tr("Version %1").replace("%1", version),
            tr("Record, correct and approve the payments of shop orders."),
            tr("Qt %1, PySide6 %2, Python %3")
            .replace("%1", qVersion())
            .replace("%2", PySide6.__version__)
            .replace("%3", platform.python_version()),
            tr("OrderDesk is free software under the MIT licence."),
        ]
        text = plain_label("\n\n".join(mark + line for line in lines), page)
        text.setObjectName("about_text")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        column = QVBoxLayout()
        column.addWidget(name)
        column.addWidget(text)
        column.addStretch(1)
        row = QHBoxLayout(page)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)
        return page

    def _build_licences(self) -> QWidget:
        names = QListWidget(self)
        names.setObjectName("licence_list")
        names.setAccessibleName(tr("Shipped components"))
        names.addItems([component.title for component in self._components])
        # Names and versions are Latin; right-aligned they cut their start.
        names.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

        self._licence = QPlainTextEdit(self)
        self._licence.setObjectName("licence_text")
        self._licence.setAccessibleName(tr("Licence text"))
        self._licence.setReadOnly(True)
        # Licence texts are English: left to right in either interface.
        self._licence.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

        names.currentRowChanged.connect(self._on_licence_list_row_changed)
        names.setCurrentRow(0)

        splitter = QSplitter(self)
        splitter.addWidget(names)
        splitter.addWidget(self._licence)
        splitter.setSizes([260, 400])
        return splitter

    def _on_licence_list_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._components):
            self._licence.setPlainText(self._components[row].text)
