"""The translation function of the views.

Qt's `lupdate` reads Python source and files every bare `tr("...")` call
under the empty context, so this function looks strings up there too. One
context is enough for an application of this size; the `.ts` file keeps
each string's source locations for the translator.
"""

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    """The translation of an interface string in the current language."""
    return QCoreApplication.translate("", text)
