"""Small widgets the views share."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text as plain text, never as rich text.

    Qt guesses rich text from a label's content; a label showing server data
    must not, or a note holding `<img src=...>` would be rendered and fetched.
    """
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def value_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A plain-text label whose value can be selected and copied."""
    label = plain_label(text, parent)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setWordWrap(True)
    return label


def show_warning(parent: QWidget, title: str, text: str) -> None:
    """A non-blocking warning whose text is never taken for rich text."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
