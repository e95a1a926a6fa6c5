"""The application's window, composed as `orderdesk.app` composes it.

The figures that open the large order need the window of a signed-in desk
without the sign-in: a client, a thumbnail loader and an offline store,
wired as `orderdesk.app._open_window` and `Startup._on_store` wire them.
"""

import gc
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool
from PySide6.QtWidgets import QTabWidget

from benchmarks.qt_harness import PaintWatcher, application, settle, wait_for
from orderdesk.api import ShopClient
from orderdesk.i18n import Language, install_language
from orderdesk.models import Order
from orderdesk.store import OrderStore
from orderdesk.store.crypto import new_key
from orderdesk.views.formatting import Formatter
from orderdesk.views.garbage import MainThreadGarbageCollector, freeze_start_up
from orderdesk.views.main_window import MainWindow
from orderdesk.views.payment_dialog import PaymentDialog
from orderdesk.views.tasks import favour_the_ui_thread
from orderdesk.views.thumbnails import ThumbnailLoader

TIMEOUT_S = 60.0


def prepare_application(language: Language = Language.ENGLISH) -> Formatter:
    """Make the QApplication as `orderdesk.app.run` does; return its formatter.

    With the app's language and font, its garbage collection on the UI
    thread (Python's automatic collector off, a timer collecting instead)
    and its shorter interpreter switch interval.
    """
    app = application()
    app.setApplicationName("OrderDesk")
    formatter = Formatter(install_language(app, language))
    MainThreadGarbageCollector(app)
    favour_the_ui_thread()
    return formatter


class _Signals(QObject):
    """Arms the paint watchers when the window shows an order (bound slots only:
    PySide crashes when a lambda outlives the window it captured)."""

    def __init__(self, desk: "Desk") -> None:
        super().__init__(desk.window)
        self._desk = desk
        self.shown: Order | None = None
        self.armed: PaintWatcher | None = None
        self.thumbnails = 0
        desk.window.order_loaded.connect(self.on_order_shown)
        desk.window.payment_saved.connect(self.on_order_shown)
        desk.images.image_ready.connect(self.on_image_ready)

    def on_order_shown(self, order: Order) -> None:
        self.shown = order
        self.armed = self._desk.current_watcher()
        self.armed.arm()

    def on_image_ready(self, _url: str) -> None:
        self.thumbnails += 1


@dataclass
class Desk:
    """One window of a signed-in desk, with its own empty offline store.

    Attributes:
        window: The main window, shown.
        images: Its thumbnail loader, empty.
        store: Its offline store, in a temporary folder.
    """

    window: MainWindow
    images: ThumbnailLoader
    store: OrderStore
    folder: tempfile.TemporaryDirectory[str]
    watchers: dict[str, PaintWatcher] = field(default_factory=dict)
    signals: _Signals | None = None

    @classmethod
    def open(cls, url: str, token: str, formatter: Formatter) -> "Desk":
        """Open a window on the server and wait until it has settled."""
        folder = tempfile.TemporaryDirectory(prefix="orderdesk-bench-store-")
        client = ShopClient(url, token)
        store = OrderStore.open(Path(folder.name), str(client.origin), "", new_key())
        images = ThumbnailLoader(client)
        window = MainWindow(client, formatter, images)
        images.setParent(window)
        images.image_ready.connect(window.order_view.schedule_image_refresh)
        window.set_store(store)
        images.set_cache(store)

        desk = cls(window, images, store, folder)
        view = window.order_view
        for name, table in (
            ("items", view.items_table),
            ("payments", view.payments_table),
        ):
            desk.watchers[name] = PaintWatcher(table.viewport())
        desk.signals = _Signals(desk)
        window.show()
        freeze_start_up()
        # The payment methods load at start; let that and the first paint end.
        settle(300)
        return desk

    def current_watcher(self) -> PaintWatcher:
        """The watcher of the table on the tab shown."""
        items = self.window.order_view.items_table
        return self.watchers["items" if items.isVisible() else "payments"]

    def show_items_tab(self) -> None:
        """Bring the items table to the front, as when browsing the items."""
        view = self.window.order_view
        tabs = view.findChild(QTabWidget)
        assert tabs is not None
        tabs.setCurrentWidget(view.items_table)

    @property
    def thumbnails(self) -> int:
        """How many thumbnails have arrived (or failed) so far."""
        assert self.signals is not None
        return self.signals.thumbnails

    @property
    def shown(self) -> Order | None:
        """The order the window showed last."""
        assert self.signals is not None
        return self.signals.shown

    def expect_order(self) -> None:
        """Forget the last order shown: `wait_painted` waits for the next."""
        assert self.signals is not None
        self.signals.armed = None

    def wait_painted(self, what: str) -> float:
        """Wait until the next order shown is painted; returns when it was.

        Call `expect_order` before the action that shows it.
        """
        signals = self.signals
        assert signals is not None

        def painted() -> bool:
            return signals.armed is not None and signals.armed.painted_at is not None

        wait_for(painted, TIMEOUT_S, what)
        assert signals.armed is not None
        assert signals.armed.painted_at is not None
        return signals.armed.painted_at

    def payment_dialog(self) -> PaymentDialog:
        """The payment dialog open now."""
        shown = [d for d in self.window.findChildren(PaymentDialog) if d.isVisible()]
        assert len(shown) == 1, f"{len(shown)} payment dialogs open"
        return shown[0]

    def close(self) -> None:
        """Close the window and its store, and let Qt delete them."""
        self.images.cancel()
        self.window.close()
        # Calls in flight end on the pool; their results are dropped.
        QThreadPool.globalInstance().waitForDone(int(TIMEOUT_S * 1000))
        self.window.deleteLater()
        # processEvents() leaves deferred deletions for the event loop, which
        # the harness never enters: without this the window lived on hidden,
        # and a full collection cleared its Python side under it.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        settle(50)
        self.store.close()
        self.folder.cleanup()
        # The discarded window, its order and its store are cyclic garbage
        # of the harness's making (the application does not close a window
        # per order). Collected now, outside any measurement; left to the
        # timer, freeing them took 170-320 ms in the middle of a later run.
        gc.collect()
