"""A strip across the top of the window that says what state it is in."""

from enum import Enum

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from orderdesk.views.widgets import plain_label


class BannerKind(Enum):
    """How loudly a banner speaks."""

    INFO = "info"
    WARNING = "warning"


_COLOURS = {
    BannerKind.INFO: ("#e3f1e6", "#9fc9a8", "#14532d"),
    BannerKind.WARNING: ("#fff4ce", "#e0c36a", "#5c4400"),
}


def _style(kind: BannerKind) -> str:
    background, border, text = _COLOURS[kind]
    return (
        f"QFrame#banner {{ background: {background}; border: 1px solid {border}; }}"
        f" QLabel {{ color: {text}; }}"
    )


class Banner(QFrame):
    """A one-line notice; hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self._label = plain_label()
        self._label.setObjectName("banner_text")
        self._label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self._label, 1)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.clear)
        self.hide()

    @property
    def text(self) -> str:
        """What the banner says now; "" when hidden."""
        return "" if self.isHidden() else self._label.text()

    def say(self, text: str, kind: BannerKind, *, for_ms: int = 0) -> None:
        """Show a notice; with `for_ms`, only for that long."""
        self._label.setText(text)
        self.setStyleSheet(_style(kind))
        self.show()
        if for_ms:
            self._hide_timer.start(for_ms)
        else:
            self._hide_timer.stop()

    def clear(self) -> None:
        """Hide the banner."""
        self._hide_timer.stop()
        self._label.clear()
        self.hide()
