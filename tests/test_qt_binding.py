"""The Qt binding keeps Python's reference counts right.

PySide6 6.12.0 took a reference from None at every call of a C++ function
that returns nothing (`setObjectName`, `processEvents`, `setText`...).
Python 3.11's None is an ordinary object: once its count reached zero the
interpreter stopped with "deallocating None". In the window that came
after about 370 orders opened. pyproject.toml leaves that release out;
this test fails if a binding with the fault is installed again. (From
Python 3.12 None is immortal and its count never moves.)
"""

import sys

from PySide6.QtCore import QCoreApplication, QModelRoleData, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

CALLS = 1_000
# Other threads may hold or drop a few references to None meanwhile; the
# fault took one per call, a thousand here.
TOLERANCE = 50


def test_calls_that_return_nothing_leave_none_alone(
    qapp: QApplication, qtbot: QtBot
) -> None:
    thing = QObject()
    role_data = QModelRoleData(int(Qt.ItemDataRole.ToolTipRole))
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)

    for number in range(CALLS):
        thing.setObjectName("thing")
        label.setText(str(number))
        # What the table models' `multiData` does for every role of a cell.
        role_data.setData(None)
        QCoreApplication.processEvents()

    assert abs(sys.getrefcount(None) - before) < TOLERANCE
