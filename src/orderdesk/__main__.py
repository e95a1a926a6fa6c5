"""`orderdesk` and `python -m orderdesk`."""

import sys

from orderdesk.cli import WRITE_PDF_OPTION, parse_options, parse_write_pdf
from orderdesk.splash import show_splash


def main() -> None:
    """Show the splash, run the application and exit with its status."""
    if sys.argv[1:2] == [WRITE_PDF_OPTION]:
        # The window's PDF child process: no splash and no window.
        from orderdesk.pdf_child import write_pdf

        sys.exit(write_pdf(parse_write_pdf(sys.argv[2:])))

    options = parse_options()
    # A screenshot is for tools, headless: no splash to wait for.
    splash = None if options.screenshot else show_splash()

    # Imported once the splash is up: this import is most of the start-up.
    # TODO: importing pydantic, httpx, keyring and the views takes about
    # 375 ms, so the window with a cached order paints at about 4x a bare
    # PySide6 window (figure 1 of `python -m benchmarks`, goal 1.5x);
    # building the window before its API client would let httpx load after
    # the first paint, about 45 ms of it.
    from orderdesk.app import run

    sys.exit(run(options, splash=splash))


if __name__ == "__main__":
    main()
