"""The composition root: builds the application from its parts and runs it."""

import logging
import signal
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QTimer
from PySide6.QtWidgets import QApplication

from orderdesk.api import ApiError, ShopClient, TokenStore
from orderdesk.cli import Options
from orderdesk.crash import install_excepthook
from orderdesk.demo import SandboxServer, SandboxUnavailable
from orderdesk.i18n import install_language, parse_language, resolve_language
from orderdesk.logging_setup import configure_logging
from orderdesk.screenshot import ScreenshotTaker
from orderdesk.settings import Settings
from orderdesk.splash import Splash
from orderdesk.store import (
    CacheKeyStore,
    OrderStore,
    open_offline_store,
    sign_out_cleanup,
)
from orderdesk.views.about_dialog import app_icon
from orderdesk.views.errors import describe
from orderdesk.views.formatting import Currency, Formatter
from orderdesk.views.garbage import MainThreadGarbageCollector, freeze_start_up
from orderdesk.views.i18n import tr
from orderdesk.views.main_window import MainWindow
from orderdesk.views.sign_in_dialog import Connect, SignInDialog
from orderdesk.views.tasks import TaskRunner, favour_the_ui_thread
from orderdesk.views.thumbnails import ThumbnailLoader

logger = logging.getLogger(__name__)

APP_NAME = "OrderDesk"
# Sign-in is a server and a token, with no user name: one cache per server.
ACCOUNT = ""
DEMO_ORDER = 1


@dataclass(frozen=True)
class Context:
    """What every part of the start-up shares.

    Attributes:
        options: The command line.
        settings: The user's preferences and remembered layouts.
        formatter: How values are shown in the chosen language and currency.
        resources: Closed when the application ends, however it ends.
        splash: The splash screen shown at launch, until a window shows.
    """

    options: Options
    settings: Settings
    formatter: Formatter
    resources: ExitStack
    splash: Splash | None = None

    def close_splash(self) -> None:
        """Close the splash screen, as a window takes its place."""
        if self.splash is not None:
            self.splash.close()


def run(options: Options, *, splash: Splash | None = None) -> int:
    """Run the application until its window closes; returns the exit code.

    Args:
        options: The command line.
        splash: The splash screen `orderdesk.splash` put up, if any; closed
            when the main window or the sign-in dialog shows.
    """
    configure_logging(verbose=options.verbose)
    with ExitStack() as resources:
        settings = Settings()
        app = _make_application(options, settings)
        MainThreadGarbageCollector(app)
        favour_the_ui_thread()
        install_excepthook()
        _quit_on_signals(app)
        currency = Currency(options.currency) if options.currency else None
        formatter = Formatter(QLocale(), currency or settings.currency)
        context = Context(options, settings, formatter, resources, splash)

        if options.demo:
            try:
                client = resources.enter_context(
                    _demo_client(options.allow_insecure_http)
                )
            except SandboxUnavailable as error:
                context.close_splash()
                print(f"orderdesk: {error}", file=sys.stderr)
                return 1
            connect = partial(
                connect_and_keep, allow_insecure_http=options.allow_insecure_http
            )
            window, _images = _open_window(context, client, connect)
            window.open_order(options.order or DEMO_ORDER)
            return app.exec()

        startup = Startup(context)
        startup.begin()
        return app.exec()


class Startup:
    """Finds the server and its token off the UI thread, then opens the window.

    Without a stored token, the sign-in dialog asks for one.
    """

    def __init__(self, context: Context) -> None:
        self._context = context
        self._settings = context.settings
        self._tokens = TokenStore()
        self._runner = TaskRunner()
        self._server = context.options.server or self._settings.last_server or ""
        self._dialog: SignInDialog | None = None
        self._window: MainWindow | None = None

    def begin(self) -> None:
        """Look up the stored token, then carry on from there."""
        if not self._server:
            self._ask_sign_in()
            return

        server = self._server
        self._runner.run(
            lambda: self._tokens.get(server), self._on_token, self._on_no_token
        )

    def _on_token(self, token: str | None) -> None:
        if not token:
            self._ask_sign_in()
            return
        try:
            client = ShopClient(
                self._server,
                token,
                allow_insecure_http=self._context.options.allow_insecure_http,
            )
        except ApiError as error:
            self._ask_sign_in(describe(error))
            return
        self._show(client)

    def _on_no_token(self, error: Exception) -> None:
        logger.warning("The keyring could not be read: %s", type(error).__name__)
        self._ask_sign_in()

    def _ask_sign_in(self, message: str = "") -> None:
        dialog = SignInDialog(self._connect, self._server, message)
        dialog.signed_in.connect(self._show)
        dialog.rejected.connect(QApplication.quit)
        self._dialog = dialog
        self._context.close_splash()
        dialog.open()

    def _connect(self, server: str, token: str) -> ShopClient:
        return connect_and_keep(
            server,
            token,
            self._tokens,
            allow_insecure_http=self._context.options.allow_insecure_http,
        )

    def _show(self, client: ShopClient) -> None:
        self._settings.remember_server(client.base_url)
        window, images = _open_window(self._context, client, self._connect)
        self._window = window
        origin = str(client.origin)
        window.signed_out.connect(self._on_signed_out)
        # The first order waits for the store, so it is saved and can be
        # read offline; opening the store takes a moment on a pool thread.
        self._runner.run(
            lambda: open_offline_store(origin, ACCOUNT),
            lambda store: self._on_store(window, images, store),
            lambda error: self._on_store_failed(window, error),
        )

    def _on_store(
        self, window: MainWindow, images: ThumbnailLoader, store: OrderStore | None
    ) -> None:
        if store is None:
            window.set_store(None, off_reason=no_keyring_text())
        else:
            self._context.resources.callback(store.close)
            window.set_store(store)
            images.set_cache(store)
        window.set_sign_out(partial(self._forget, window.client, store))
        self._carry_on(window)

    def _forget(self, client: ShopClient, store: OrderStore | None) -> None:
        """Runs on a pool thread: the key first, then the token, then files."""
        sign_out_cleanup(
            CacheKeyStore(),
            str(client.origin),
            ACCOUNT,
            store=store,
            forget_token=partial(self._tokens.delete, client.base_url),
        )

    def _on_signed_out(self) -> None:
        window, self._window = self._window, None
        # The dialog opens first: closing the last window would quit.
        self._ask_sign_in(tr("You signed out. Sign in again to continue."))
        if window is not None:
            window.close()

    def _on_store_failed(self, window: MainWindow, error: Exception) -> None:
        logger.warning("The offline store could not be opened: %s", error)
        window.set_store(None, off_reason=no_keyring_text())
        self._carry_on(window)

    def _carry_on(self, window: MainWindow) -> None:
        if self._context.options.offline:
            window.go_offline()
        if self._context.options.order is not None:
            window.open_order(self._context.options.order)


def connect_and_keep(
    server: str,
    token: str,
    tokens: TokenStore | None = None,
    *,
    allow_insecure_http: bool = False,
) -> ShopClient:
    """Runs on a pool thread: check a token with a real call, then keep it.

    Without a token store (the demo), the token stays in memory only. Plain
    http to another machine is refused unless `allow_insecure_http`.
    """
    client = ShopClient(server, token, allow_insecure_http=allow_insecure_http)
    try:
        client.list_payment_methods()
    except Exception:
        client.close()
        raise
    if tokens is not None:
        tokens.set(client.base_url, token)
    return client


class Preferences(QObject):
    """Writes the choices made in the window's View menu to the settings."""

    def __init__(self, settings: Settings, parent: QObject) -> None:
        super().__init__(parent)
        self._settings = settings

    def keep_currency(self, value: str) -> None:
        """Remember how amounts are shown."""
        self._settings.currency = Currency(value)

    def keep_language(self, value: str) -> None:
        """Remember the interface language for the next start."""
        self._settings.language = parse_language(value)


def no_keyring_text() -> str:
    """What the banner says when secrets and saved orders cannot be kept."""
    return tr(
        "No secure keyring on this computer: the token is kept for this session "
        "only, and orders are not saved for offline review."
    )


def _open_window(
    context: Context, client: ShopClient, connect: Connect
) -> tuple[MainWindow, ThumbnailLoader]:
    context.resources.callback(client.close)
    images = ThumbnailLoader(client)
    # A screenshot shows the default layout, whatever this user arranged.
    remembered = None if context.options.screenshot else context.settings
    window = MainWindow(client, context.formatter, images, connect, settings=remembered)
    images.setParent(window)
    images.image_ready.connect(window.order_view.schedule_image_refresh)
    # A child of the window, so it lives exactly as long as the window.
    preferences = Preferences(context.settings, window)
    window.currency_chosen.connect(preferences.keep_currency)
    window.language_chosen.connect(preferences.keep_language)
    if context.options.screenshot is not None:
        ScreenshotTaker(window, context.options.screenshot, images)
    window.show()
    context.close_splash()
    # Start-up is over and no order is loaded yet: see views.garbage.
    freeze_start_up()
    return window, images


@contextmanager
def _demo_client(allow_insecure_http: bool = False) -> Iterator[ShopClient]:
    """Start a sandbox on a fresh database and sign in as its cashier.

    The token stays in memory: nothing of the demo reaches the keyring. The
    sandbox stops when the context ends, however the application ends.
    """
    with (
        tempfile.TemporaryDirectory(prefix="orderdesk-demo-") as folder,
        SandboxServer(Path(folder) / "demo.sqlite3") as server,
    ):
        assert server.info is not None
        with ShopClient(
            server.info.url,
            server.info.tokens["cashier"],
            allow_insecure_http=allow_insecure_http,
        ) as client:
            yield client


def _make_application(options: Options, settings: Settings) -> QApplication:
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(APP_NAME)
    QApplication.setOrganizationDomain("orderdesk.invalid")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    # Before any window exists: widgets take the direction, font and
    # translations in place when they are built.
    language = resolve_language(options.lang, settings.language, QLocale.system())
    install_language(app, language)
    app.setWindowIcon(app_icon())
    return app


def _quit_on_signals(app: QApplication) -> None:
    """Quit cleanly on SIGINT and SIGTERM, so the demo sandbox is stopped too."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: app.quit())
    # Python runs signal handlers only when it holds control; a short timer
    # hands it control while Qt's event loop runs.
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(250)
