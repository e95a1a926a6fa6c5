"""`orderdesk` and `python -m orderdesk`."""

import sys

from orderdesk.cli import parse_options
from orderdesk.splash import show_splash


def main() -> None:
    """Show the splash, run the application and exit with its status."""
    options = parse_options()
    # A screenshot is for tools, headless: no splash to wait for.
    splash = None if options.screenshot else show_splash()

    # Imported once the splash is up: this import is most of the start-up.
    from orderdesk.app import run

    sys.exit(run(options, splash=splash))


if __name__ == "__main__":
    main()
